using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.SageMaker;

/// <summary>SageMaker over JSON 1.1, for one region.</summary>
internal sealed class AmazonSageMakerClient(AwsJsonTransport transport) : IAmazonSageMaker
{
    public Task<CreateNotebookInstanceLifecycleConfigResponse> CreateNotebookInstanceLifecycleConfigAsync(
        CreateNotebookInstanceLifecycleConfigRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<CreateNotebookInstanceLifecycleConfigRequest, CreateNotebookInstanceLifecycleConfigResponse>(
            "CreateNotebookInstanceLifecycleConfig", request, cancellationToken);

    public Task<DescribeNotebookInstanceLifecycleConfigResponse> DescribeNotebookInstanceLifecycleConfigAsync(
        DescribeNotebookInstanceLifecycleConfigRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DescribeNotebookInstanceLifecycleConfigRequest, DescribeNotebookInstanceLifecycleConfigResponse>(
            "DescribeNotebookInstanceLifecycleConfig", request, cancellationToken);

    public Task<DeleteNotebookInstanceLifecycleConfigResponse> DeleteNotebookInstanceLifecycleConfigAsync(
        DeleteNotebookInstanceLifecycleConfigRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DeleteNotebookInstanceLifecycleConfigRequest, DeleteNotebookInstanceLifecycleConfigResponse>(
            "DeleteNotebookInstanceLifecycleConfig", request, cancellationToken);

    public Task<CreateNotebookInstanceResponse> CreateNotebookInstanceAsync(
        CreateNotebookInstanceRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<CreateNotebookInstanceRequest, CreateNotebookInstanceResponse>(
            "CreateNotebookInstance", request, cancellationToken);

    public Task<DescribeNotebookInstanceResponse> DescribeNotebookInstanceAsync(
        DescribeNotebookInstanceRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DescribeNotebookInstanceRequest, DescribeNotebookInstanceResponse>(
            "DescribeNotebookInstance", request, cancellationToken);

    public Task<StartNotebookInstanceResponse> StartNotebookInstanceAsync(
        StartNotebookInstanceRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<StartNotebookInstanceRequest, StartNotebookInstanceResponse>(
            "StartNotebookInstance", request, cancellationToken);

    public Task<StopNotebookInstanceResponse> StopNotebookInstanceAsync(
        StopNotebookInstanceRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<StopNotebookInstanceRequest, StopNotebookInstanceResponse>(
            "StopNotebookInstance", request, cancellationToken);

    public Task<DeleteNotebookInstanceResponse> DeleteNotebookInstanceAsync(
        DeleteNotebookInstanceRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DeleteNotebookInstanceRequest, DeleteNotebookInstanceResponse>(
            "DeleteNotebookInstance", request, cancellationToken);

    public Task<CreatePresignedNotebookInstanceUrlResponse> CreatePresignedNotebookInstanceUrlAsync(
        CreatePresignedNotebookInstanceUrlRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<CreatePresignedNotebookInstanceUrlRequest, CreatePresignedNotebookInstanceUrlResponse>(
            "CreatePresignedNotebookInstanceUrl", request, cancellationToken);

    public Task<ListNotebookInstancesResponse> ListNotebookInstancesAsync(
        ListNotebookInstancesRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<ListNotebookInstancesRequest, ListNotebookInstancesResponse>(
            "ListNotebookInstances", request, cancellationToken);

    public Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<ListTagsRequest, ListTagsResponse>("ListTags", request, cancellationToken);
}
