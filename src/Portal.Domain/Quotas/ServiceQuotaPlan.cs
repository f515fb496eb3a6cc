using System.Globalization;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Quotas;

/// <summary>How much of one service quota, in one region, something needs (or uses).</summary>
public sealed record QuotaDemand(RegionCode Region, ServiceQuotaKey Quota, double Amount);

/// <summary>
/// What a launch needs of the AWS service quotas, region by region: the workers' vCPUs (EC2 On-Demand Standard, by the
/// worker size; other families are not counted), the scheduler's Fargate vCPUs and one notebook instance of the
/// configured type in the home region. The same sums over running sessions' steps give the portal's own use.
/// </summary>
public static class ServiceQuotaPlan
{
    public static IReadOnlyList<QuotaDemand> ForLaunch(LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ForSteps(plan.ToSteps(new Dictionary<string, string>(), "quota-check.ipynb"));
    }

    /// <summary>What the steps of sessions that have not ended hold or will hold (steps already deleted do not count).</summary>
    public static IReadOnlyList<QuotaDemand> InUse(IEnumerable<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return ForSteps(sessions.Where(s => !s.HasEnded).SelectMany(s => s.Steps).Where(s => s.Status != StepStatus.Deleted).Select(s => s.Spec));
    }

    public static IReadOnlyList<QuotaDemand> ForSteps(IEnumerable<StepSpec> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var demands = new List<QuotaDemand>();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case StepKind.Workers when step.Parameter(SessionStackParameters.WorkerSize) is { } size
                                           && InstanceVcpus.IsStandardFamily(size) && InstanceVcpus.Of(size) is { } vcpus
                                           && Number(step.Parameter(SessionStackParameters.WorkerCount)) is { } workers:
                    demands.Add(new QuotaDemand(step.Region, ServiceQuotaCodes.Ec2OnDemandStandardVcpus, workers * vcpus));
                    break;
                case StepKind.Scheduler when Number(step.Parameter(SessionStackParameters.Cpu)) is { } cpu:
                    demands.Add(new QuotaDemand(step.Region, ServiceQuotaCodes.FargateVcpus, cpu / 1024.0));
                    break;
                case StepKind.Notebook when step.Parameter(StepSpec.InstanceTypeParameter) is { Length: > 0 } type:
                    demands.Add(new QuotaDemand(step.Region, ServiceQuotaCodes.NotebookInstances(type), 1));
                    break;
            }
        }

        // One line per quota and region.
        return [.. demands.GroupBy(d => (d.Region, d.Quota)).Select(g => new QuotaDemand(g.Key.Region, g.Key.Quota, g.Sum(d => d.Amount)))];
    }

    /// <summary>How much of <paramref name="quota"/> in <paramref name="region"/> the demands add up to.</summary>
    public static double Total(IEnumerable<QuotaDemand> demands, RegionCode region, ServiceQuotaKey quota) =>
        demands.Where(d => d.Region == region && d.Quota == quota).Sum(d => d.Amount);

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
