using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Quotas;

/// <summary>
/// The quota use cases: portal limits (admins list, save and delete them, each change audited), the AWS service quotas
/// of every region with the portal's use and headroom (admins), and the check every launch passes before any cloud call.
/// Every call checks the actor again.
/// </summary>
public interface IQuotaService
{
    /// <summary>Every scope's limits; empty for anyone but an admin.</summary>
    Task<IReadOnlyList<PortalLimits>> ListLimitsAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>The portal limits that apply to the actor, each with the scope it comes from (anyone may read their own).</summary>
    Task<EffectiveLimits> MyLimitsAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the limits of a scope (admins only; audited as <c>quota.limit-save</c>).</summary>
    Task<QuotaCommandResult> SaveLimitsAsync(Actor actor, PortalLimits limits, CancellationToken cancellationToken);

    /// <summary>Deletes the limits of a scope (admins only; audited as <c>quota.limit-delete</c>).</summary>
    Task<QuotaCommandResult> DeleteLimitsAsync(Actor actor, LimitScope scope, CancellationToken cancellationToken);

    /// <summary>The service quotas of each region, with use and headroom, or why a region's could not be read (admins only).</summary>
    Task<IReadOnlyList<RegionServiceQuotas>> ReadServiceQuotasAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a launch by <paramref name="owner"/> fits their portal limits and the service quotas of every region it
    /// uses; also the idle timeout the session gets within the owner's bounds.
    /// </summary>
    Task<LaunchQuotaDecision> CheckLaunchAsync(Actor owner, LaunchPlan plan, int maximumHours, CancellationToken cancellationToken);

    /// <summary>
    /// Whether retrying a failed session, which creates its unfinished steps again, fits the service quotas; the refusals,
    /// or none. (Portal limits were checked at its launch; a retry does not change its size.)
    /// </summary>
    Task<IReadOnlyList<string>> CheckRetryAsync(Session session, CancellationToken cancellationToken);
}

/// <summary>How an admin's change went: done, or refused with a reason.</summary>
public sealed record QuotaCommandResult(bool Succeeded, string Message);

/// <summary>A launch's quota check: the refusals (empty when it fits) and the idle timeout the session gets.</summary>
public sealed record LaunchQuotaDecision(IReadOnlyList<string> Refusals, TimeSpan IdleTimeout)
{
    public bool IsAllowed => Refusals.Count == 0;
}

/// <summary>The service quotas of one region, or the reason they could not be read.</summary>
public sealed record RegionServiceQuotas(RegionCode Region, RegionRole Role, IReadOnlyList<ServiceQuotaStanding> Quotas, IReadOnlyList<string> Problems);
