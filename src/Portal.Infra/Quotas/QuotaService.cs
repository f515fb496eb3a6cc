using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;
using Portal.Infra.Orchestration;

namespace Portal.Infra.Quotas;

/// <summary>
/// The quota use cases behind <see cref="IQuotaService"/>. Use of a service quota is what the portal's own sessions
/// (all users, not ended) hold or will hold in that region; other workloads in the account are not counted.
/// When Service Quotas cannot be read during a launch, the launch is not blocked: that quota is skipped with a warning
/// in the log (an outage of Service Quotas must not stop every launch; AWS itself still refuses what does not fit, and
/// the session then fails naming the limit). The admin page shows the failure.
/// </summary>
internal sealed partial class QuotaService(
    IPortalLimitStore limits,
    ISessionStore sessions,
    IServiceQuotaSource quotas,
    IRegionDirectory regions,
    LaunchSettings launchSettings,
    AuditTrail audit,
    IOptions<OrchestrationOptions> options,
    ILogger<QuotaService> logger) : IQuotaService
{
    private const string LimitsObject = "portal-limits";
    private const string AdminsOnly = "Only a Portal.Admin can change portal limits.";

    public async Task<IReadOnlyList<PortalLimits>> ListLimitsAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin ? await limits.ListAsync(cancellationToken) : [];
    }

    public async Task<EffectiveLimits> MyLimitsAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return EffectiveLimits.For(actor.Id, actor.Groups, await limits.ListAsync(cancellationToken));
    }

    public async Task<QuotaCommandResult> SaveLimitsAsync(Actor actor, PortalLimits limitsToSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(limitsToSave);
        if (!actor.IsAdmin)
        {
            return new QuotaCommandResult(false, AdminsOnly);
        }

        await limits.UpsertAsync(limitsToSave, cancellationToken);
        var detail = $"Limits for {limitsToSave.Scope}: {Describe(limitsToSave)}.";
        await audit.RecordAsync(actor, AuditActions.QuotaLimitSave, LimitsObject, limitsToSave.Scope.ToString(), detail, cancellationToken);
        return new QuotaCommandResult(true, $"Saved the limits for {limitsToSave.Scope}.");
    }

    public async Task<QuotaCommandResult> DeleteLimitsAsync(Actor actor, LimitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return new QuotaCommandResult(false, AdminsOnly);
        }

        if (!await limits.DeleteAsync(scope, cancellationToken))
        {
            return new QuotaCommandResult(false, $"There are no limits for {scope}.");
        }

        await audit.RecordAsync(actor, AuditActions.QuotaLimitDelete, LimitsObject, scope.ToString(), $"Limits for {scope} deleted.", cancellationToken);
        return new QuotaCommandResult(true, $"Deleted the limits for {scope}.");
    }

    public async Task<IReadOnlyList<RegionServiceQuotas>> ReadServiceQuotasAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return [];
        }

        var inUse = ServiceQuotaPlan.InUse(await sessions.ListAsync(owner: null, cancellationToken));
        var result = new List<RegionServiceQuotas>();
        foreach (var region in regions.Current.All)
        {
            var keys = new List<ServiceQuotaKey> { ServiceQuotaCodes.Ec2OnDemandStandardVcpus, ServiceQuotaCodes.FargateVcpus, ServiceQuotaCodes.ElasticIps };
            if (region.Role == RegionRole.Home)
            {
                keys.Add(ServiceQuotaCodes.NotebookInstances(launchSettings.NotebookInstanceType));
            }

            var standings = new List<ServiceQuotaStanding>();
            var problems = new List<string>();
            foreach (var key in keys)
            {
                try
                {
                    if (await ReadAsync(region.Code, key, cancellationToken) is { } value)
                    {
                        standings.Add(new ServiceQuotaStanding(key, value, ServiceQuotaPlan.Total(inUse, region.Code, key)));
                    }
                    else
                    {
                        problems.Add($"Service Quotas reports no quota '{key.Name}' ({key.CodeText}) in {region.Code}.");
                    }
                }
                catch (CloudOperationException ex)
                {
                    problems.Add($"Service Quotas could not be read in {region.Code}: {ex.Message}. Launches there are not checked against '{key.Name}' until it can.");
                }
            }

            result.Add(new RegionServiceQuotas(region.Code, region.Role, standings, problems));
        }

        return result;
    }

    public async Task<LaunchQuotaDecision> CheckLaunchAsync(Actor owner, LaunchPlan plan, int maximumHours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(plan);
        var applied = EffectiveLimits.For(owner.Id, owner.Groups, await limits.ListAsync(cancellationToken));
        var all = await sessions.ListAsync(owner: null, cancellationToken);
        var refusals = PortalLimitCheck.ForLaunch(applied, plan, maximumHours, all.Where(s => s.Owner == owner.Id)).ToList();
        if (refusals.Count == 0)
        {
            // Portal limits first: they are cheaper, and a user can act on them without an admin.
            var inUse = ServiceQuotaPlan.InUse(all);
            foreach (var need in ServiceQuotaPlan.ForLaunch(plan))
            {
                if (await StandingAsync(need, inUse, cancellationToken) is { } standing && standing.RefusalFor(need.Amount) is { } refusal)
                {
                    refusals.Add(refusal);
                }
            }
        }

        if (refusals.Count > 0)
        {
            LogRefused(owner.Name, refusals.Count);
        }

        return new LaunchQuotaDecision(refusals, applied.IdleTimeoutWithin(options.Value.IdleTimeout));
    }

    public async Task<IReadOnlyList<string>> CheckRetryAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        // The steps a retry creates again (all but those complete) against what everything else holds.
        var others = (await sessions.ListAsync(owner: null, cancellationToken)).Where(s => s.Id != session.Id);
        var kept = ServiceQuotaPlan.ForSteps(session.Steps.Where(s => s.Status == StepStatus.Complete).Select(s => s.Spec));
        var inUse = ServiceQuotaPlan.InUse(others).Concat(kept).ToList();
        var refusals = new List<string>();
        foreach (var need in ServiceQuotaPlan.ForSteps(session.Steps.Where(s => s.Status != StepStatus.Complete).Select(s => s.Spec)))
        {
            if (await StandingAsync(need, inUse, cancellationToken) is { } standing && standing.RefusalFor(need.Amount) is { } refusal)
            {
                refusals.Add(refusal);
            }
        }

        return refusals;
    }

    private async Task<ServiceQuotaStanding?> StandingAsync(QuotaDemand need, IReadOnlyList<QuotaDemand> inUse, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(need.Region, need.Quota, cancellationToken) is { } value
                ? new ServiceQuotaStanding(need.Quota, value, ServiceQuotaPlan.Total(inUse, need.Region, need.Quota))
                : null;
        }
        catch (CloudOperationException ex)
        {
            LogUnreadable(need.Quota.CodeText, need.Region.Value, ex.ErrorCode);
            return null;
        }
    }

    private Task<ServiceQuotaValue?> ReadAsync(RegionCode region, ServiceQuotaKey key, CancellationToken cancellationToken) =>
        key.QuotaCode is { } code
            ? quotas.GetServiceQuotaAsync(region, key.ServiceCode, code, cancellationToken)
            : quotas.FindServiceQuotaByNameAsync(region, key.ServiceCode, key.Name, cancellationToken);

    private static string Describe(PortalLimits l)
    {
        static string Of(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not set";
        return $"concurrent sessions {Of(l.MaxConcurrentSessions)}, workers per session {Of(l.MaxWorkersPerSession)}, "
               + $"workers per region {Of(l.MaxWorkersPerRegion)}, lifetime hours {Of(l.MaxLifetimeHours)}, "
               + $"idle timeout {Of(l.IdleTimeoutMinMinutes)} to {Of(l.IdleTimeoutMaxMinutes)} min";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Launch by {User} refused by {Count} quota(s)")]
    private partial void LogRefused(string user, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service quota {QuotaCode} in {Region} could not be read ({ErrorCode}); the launch is allowed without that check")]
    private partial void LogUnreadable(string quotaCode, string region, string errorCode);
}
