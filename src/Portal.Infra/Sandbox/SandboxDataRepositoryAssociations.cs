using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;

namespace Portal.Infra.Sandbox;

/// <summary>
/// The sandbox's modelled foundation: one association per dataset the foundation links, in the state its stack is in
/// (being created: CREATING; ready: AVAILABLE; being deleted: DELETING; failed: FAILED); none without a foundation.
/// </summary>
internal sealed class SandboxDataRepositoryAssociations(IStackDeployer stacks, RegionFoundationPlanner planner) : IDataRepositoryAssociations
{
    public async Task<IReadOnlyList<DataRepositoryLink>> ListAsync(RegionCode region, CancellationToken cancellationToken)
    {
        var stack = await stacks.DescribeStackAsync(region, RegionFoundationPlanner.StackName(region), cancellationToken);
        var status = FoundationStatuses.FromStackStatus(stack?.Status);
        var lifecycle = status switch
        {
            FoundationStatus.Creating => "CREATING",
            FoundationStatus.Ready => "AVAILABLE",
            FoundationStatus.Deleting => "DELETING",
            FoundationStatus.Failed => "FAILED",
            _ => null,
        };
        if (stack is null || lifecycle is null)
        {
            return [];
        }

        var failure = status == FoundationStatus.Failed ? stack.StatusReason ?? "The foundation stack failed." : null;
        // A ready stack reports what it was created with; until then, what the planner links.
        var pairs = stack.Outputs.TryGetValue(RegionFoundationParameters.DatasetS3Uris, out var uris)
                    && stack.Outputs.TryGetValue(RegionFoundationParameters.DatasetFsxPaths, out var paths)
            ? Pair(paths, uris)
            : planner.DatasetsIn(region).Select(d => (RegionFoundationParameters.FileSystemPath(d.Location), d.Location.S3Uri)).ToList();
        return [.. pairs.Select(p => new DataRepositoryLink(p.Item1, p.Item2, lifecycle, failure)).OrderBy(l => l.FileSystemPath, StringComparer.Ordinal)];
    }

    private static List<(string, string)> Pair(string paths, string uris) =>
        [.. paths.Split(',', StringSplitOptions.RemoveEmptyEntries).Zip(uris.Split(',', StringSplitOptions.RemoveEmptyEntries))];
}
