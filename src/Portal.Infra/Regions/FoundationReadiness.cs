using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Regions;

/// <summary>
/// Before a launch: is every region the plan puts workers in ready for them? (See <see cref="FoundationOptions.RequireForSessions"/>.)
/// Any signed-in user may ask; the answer names what is missing and who can fix it.
/// </summary>
internal sealed class FoundationReadiness(IStackDeployer stacks, IOptions<FoundationOptions> options)
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (options.Value.RequireForSessions != true)
        {
            return [];
        }

        var problems = new List<FieldError>();
        foreach (var pool in plan.Pools)
        {
            FoundationStatus status;
            try
            {
                var stack = await stacks.DescribeStackAsync(pool.Region, RegionFoundationPlanner.StackName(pool.Region), cancellationToken);
                status = FoundationStatuses.FromStackStatus(stack?.Status);
            }
            catch (CloudOperationException ex)
            {
                problems.Add(new(SessionRequestField.Datasets, $"Could not check {pool.Region}'s foundation: {ex.Message}"));
                continue;
            }

            if (status != FoundationStatus.Ready)
            {
                problems.Add(new(SessionRequestField.Datasets,
                    $"{pool.Region} is not ready for sessions: its foundation (network, FSx file system, peering) is {Describe(status)}. An admin creates it on Admin → Regions."));
            }
        }

        return problems;
    }

    private static string Describe(FoundationStatus status) => status switch
    {
        FoundationStatus.None => "not created",
        FoundationStatus.Creating => "still being created",
        FoundationStatus.Failed => "failed",
        FoundationStatus.Deleting => "being deleted",
        _ => status.ToString().ToLowerInvariant(),
    };
}
