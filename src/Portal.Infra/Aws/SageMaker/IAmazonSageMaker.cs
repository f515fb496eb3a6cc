namespace Portal.Infra.Aws.SageMaker;

/// <summary>The SageMaker operations the portal uses, shaped like the SDK's <c>IAmazonSageMaker</c>.</summary>
public interface IAmazonSageMaker
{
    Task<CreateNotebookInstanceLifecycleConfigResponse> CreateNotebookInstanceLifecycleConfigAsync(
        CreateNotebookInstanceLifecycleConfigRequest request, CancellationToken cancellationToken = default);

    Task<DescribeNotebookInstanceLifecycleConfigResponse> DescribeNotebookInstanceLifecycleConfigAsync(
        DescribeNotebookInstanceLifecycleConfigRequest request, CancellationToken cancellationToken = default);

    Task<DeleteNotebookInstanceLifecycleConfigResponse> DeleteNotebookInstanceLifecycleConfigAsync(
        DeleteNotebookInstanceLifecycleConfigRequest request, CancellationToken cancellationToken = default);

    Task<CreateNotebookInstanceResponse> CreateNotebookInstanceAsync(
        CreateNotebookInstanceRequest request, CancellationToken cancellationToken = default);

    Task<DescribeNotebookInstanceResponse> DescribeNotebookInstanceAsync(
        DescribeNotebookInstanceRequest request, CancellationToken cancellationToken = default);

    Task<StartNotebookInstanceResponse> StartNotebookInstanceAsync(
        StartNotebookInstanceRequest request, CancellationToken cancellationToken = default);

    Task<StopNotebookInstanceResponse> StopNotebookInstanceAsync(
        StopNotebookInstanceRequest request, CancellationToken cancellationToken = default);

    Task<DeleteNotebookInstanceResponse> DeleteNotebookInstanceAsync(
        DeleteNotebookInstanceRequest request, CancellationToken cancellationToken = default);

    Task<CreatePresignedNotebookInstanceUrlResponse> CreatePresignedNotebookInstanceUrlAsync(
        CreatePresignedNotebookInstanceUrlRequest request, CancellationToken cancellationToken = default);

    Task<ListNotebookInstancesResponse> ListNotebookInstancesAsync(
        ListNotebookInstancesRequest request, CancellationToken cancellationToken = default);

    Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken cancellationToken = default);
}
