using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.FSx;

/// <summary>FSx over JSON 1.1, for one region.</summary>
internal sealed class AmazonFSxClient(AwsJsonTransport transport) : IAmazonFSx
{
    public Task<DescribeFileSystemsResponse> DescribeFileSystemsAsync(
        DescribeFileSystemsRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DescribeFileSystemsRequest, DescribeFileSystemsResponse>("DescribeFileSystems", request, cancellationToken);

    public Task<DescribeDataRepositoryAssociationsResponse> DescribeDataRepositoryAssociationsAsync(
        DescribeDataRepositoryAssociationsRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<DescribeDataRepositoryAssociationsRequest, DescribeDataRepositoryAssociationsResponse>(
            "DescribeDataRepositoryAssociations", request, cancellationToken);

    public Task<CreateDataRepositoryAssociationResponse> CreateDataRepositoryAssociationAsync(
        CreateDataRepositoryAssociationRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<CreateDataRepositoryAssociationRequest, CreateDataRepositoryAssociationResponse>(
            "CreateDataRepositoryAssociation", request, cancellationToken);
}
