using Portal.Domain;
using Portal.Domain.Audit;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;

namespace Portal.Infra.Regions;

/// <summary>
/// The Regions page's changes to the catalogue: add a worker region, enable or disable one. Each call checks the actor
/// again (the page's attribute guards the page, this guards every handler behind it), checks against the stored regions
/// (another admin or instance may have changed them), writes, audits, then makes the stored regions current.
/// </summary>
internal sealed class RegionAdministration(IRegionStore store, RegionDirectory directory, AuditTrail audit) : IRegionAdministration
{
    public const string AdminsOnly = "Only a Portal.Admin can manage regions. Sign in again as an admin.";
    private const string ObjectType = "region";

    public async Task<RegionEditResult> AddWorkerAsync(Actor actor, WorkerRegionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!actor.IsAdmin)
        {
            return RegionEditResult.Refused(AdminsOnly);
        }

        var stored = new RegionCatalog(await store.ListAsync(cancellationToken));
        var (region, errors) = draft.Check(stored);
        if (region is null)
        {
            return RegionEditResult.Refused("The region was not added: correct the fields marked.", errors);
        }

        if (!await store.AddAsync(region, actor.Id, cancellationToken))
        {
            return RegionEditResult.Refused(
                $"{region.Code} was added meanwhile (by another admin?); it is in the list now.",
                new Dictionary<string, string> { [WorkerRegionDraft.RegionField] = $"{region.Code} is already a region of the portal." });
        }

        await audit.RecordAsync(actor, AuditActions.RegionAdd, ObjectType, region.Code.Value, region.Describe(), cancellationToken);
        await directory.RefreshAsync(cancellationToken);
        return RegionEditResult.Done(
            $"{region.Code} added as a worker region with {region.Cidr}. On AWS, add {region.Code}={region.Cidr} to the CDK context portal:workerRegions "
            + "and redeploy HomeFoundation, PortalStack and the existing region foundations; then create its foundation here.");
    }

    public async Task<RegionEditResult> SetEnabledAsync(Actor actor, RegionCode region, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return RegionEditResult.Refused(AdminsOnly);
        }

        var stored = new RegionCatalog(await store.ListAsync(cancellationToken));
        if (stored.Find(region) is not { } known)
        {
            return RegionEditResult.Refused($"There is no region {region} (removed meanwhile?).");
        }

        try
        {
            _ = stored.WithEnabled(region, enabled);
        }
        catch (DomainException ex)
        {
            return RegionEditResult.Refused(ex.Message);
        }

        if (known.Enabled == enabled)
        {
            await directory.RefreshAsync(cancellationToken);
            return RegionEditResult.Done($"{region} is {(enabled ? "enabled" : "disabled")} already.");
        }

        await store.SetEnabledAsync(region, enabled, cancellationToken);
        await audit.RecordAsync(actor, enabled ? AuditActions.RegionEnable : AuditActions.RegionDisable, ObjectType, region.Value, known.Describe(), cancellationToken);
        await directory.RefreshAsync(cancellationToken);
        return RegionEditResult.Done(enabled
            ? $"{region} is enabled: new sessions can run workers there again."
            : $"{region} is disabled: new sessions cannot run workers there. Sessions already running there continue until they stop.");
    }
}
