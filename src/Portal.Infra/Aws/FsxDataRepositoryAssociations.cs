using Microsoft.Extensions.Logging;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.FSx;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws;

/// <summary>
/// A region's associations from FSx: the foundation stack's <c>FileSystemId</c> output names the file system, then
/// DescribeDataRepositoryAssociations filtered by <c>file-system-id</c>, every page.
/// </summary>
internal sealed class FsxDataRepositoryAssociations(
    IStackDeployer stacks, IAwsClientFactory<IAmazonFSx> fsx, ILogger<FsxDataRepositoryAssociations> logger) : IDataRepositoryAssociations
{
    /// <summary>The RegionFoundation stack's output naming its file system (infra-cdk RegionFoundationStack).</summary>
    public const string FileSystemIdOutput = "FileSystemId";

    public async Task<IReadOnlyList<DataRepositoryLink>> ListAsync(RegionCode region, CancellationToken cancellationToken)
    {
        var stack = await stacks.DescribeStackAsync(region, RegionFoundationPlanner.StackName(region), cancellationToken);
        if (stack is null || !stack.Outputs.TryGetValue(FileSystemIdOutput, out var fileSystemId) || string.IsNullOrWhiteSpace(fileSystemId))
        {
            return [];
        }

        var client = fsx.ForRegion(region);
        var links = new List<DataRepositoryLink>();
        string? next = null;
        try
        {
            do
            {
                var page = await client.DescribeDataRepositoryAssociationsAsync(new DescribeDataRepositoryAssociationsRequest
                {
                    Filters = [new Filter { Name = "file-system-id", Values = [fileSystemId] }],
                    NextToken = next,
                }, cancellationToken);
                links.AddRange((page.Associations ?? []).Select(a => new DataRepositoryLink(
                    a.FileSystemPath ?? string.Empty, a.DataRepositoryPath ?? string.Empty, a.Lifecycle ?? "UNKNOWN", a.FailureDetails?.Message)));
                next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            }
            while (next is not null);
        }
        catch (AwsServiceException ex)
        {
            AwsLog.OperationFailed(logger, ex.Operation, ex.Region, ex.ErrorCode, ex.RequestId);
            throw AwsErrorTranslator.Translate(ex);
        }

        return [.. links.OrderBy(l => l.FileSystemPath, StringComparer.Ordinal)];
    }
}
