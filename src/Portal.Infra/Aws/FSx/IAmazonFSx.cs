namespace Portal.Infra.Aws.FSx;

/// <summary>The FSx operations the portal uses, shaped like the SDK's <c>IAmazonFSx</c>.</summary>
public interface IAmazonFSx
{
    Task<DescribeFileSystemsResponse> DescribeFileSystemsAsync(
        DescribeFileSystemsRequest request, CancellationToken cancellationToken = default);

    Task<DescribeDataRepositoryAssociationsResponse> DescribeDataRepositoryAssociationsAsync(
        DescribeDataRepositoryAssociationsRequest request, CancellationToken cancellationToken = default);

    Task<CreateDataRepositoryAssociationResponse> CreateDataRepositoryAssociationAsync(
        CreateDataRepositoryAssociationRequest request, CancellationToken cancellationToken = default);
}
