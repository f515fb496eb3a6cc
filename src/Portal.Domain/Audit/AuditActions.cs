namespace Portal.Domain.Audit;

/// <summary>
/// The actions the audit log records, as stable strings (<c>area.verb</c>): they are stored and exported, so a value
/// never changes meaning once written.
/// </summary>
public static class AuditActions
{
    public const string SessionLaunch = "session.launch";
    public const string SessionLaunchRefused = "session.launch-refused";
    public const string SessionStop = "session.stop";

    /// <summary>An admin stopped (or cancelled) a session that is not theirs.</summary>
    public const string SessionForceStop = "session.force-stop";
    public const string SessionExtend = "session.extend";
    public const string SessionRetry = "session.retry";
    public const string SessionResumeCleanUp = "session.resume-cleanup";
    public const string BudgetNotify = "budget.notify";
    public const string BudgetStop = "budget.stop";
    public const string BudgetCreate = "budget.create";
    public const string BudgetUpdate = "budget.update";
    public const string BudgetDelete = "budget.delete";
    public const string ReaperDelete = "reaper.delete";
    public const string RegionCreate = "region.create";
    public const string RegionDelete = "region.delete";

    /// <summary>An admin added a worker region.</summary>
    public const string RegionAdd = "region.add";
    public const string RegionEnable = "region.enable";

    /// <summary>An admin disabled a worker region: new sessions cannot run workers there.</summary>
    public const string RegionDisable = "region.disable";
    public const string TokenCreate = "token.create";

    /// <summary>A personal API token was revoked, by its owner or an admin.</summary>
    public const string TokenRevoke = "token.revoke";

    /// <summary>An admin added or changed the portal limits of a scope.</summary>
    public const string QuotaLimitSave = "quota.limit-save";

    /// <summary>An admin deleted the portal limits of a scope.</summary>
    public const string QuotaLimitDelete = "quota.limit-delete";

    public const string DatasetEnable = "dataset.enable";
    public const string DatasetDisable = "dataset.disable";
    public const string DatasetUpdate = "dataset.update";
    public const string DatasetImport = "dataset.import";

    /// <summary>Every action above, for the page's filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SessionLaunch, SessionLaunchRefused, SessionStop, SessionForceStop, SessionExtend, SessionRetry, SessionResumeCleanUp,
        BudgetNotify, BudgetStop, BudgetCreate, BudgetUpdate, BudgetDelete, ReaperDelete, RegionCreate, RegionDelete,
        RegionAdd, RegionEnable, RegionDisable,
        QuotaLimitSave, QuotaLimitDelete, TokenCreate, TokenRevoke,
        DatasetEnable, DatasetDisable, DatasetUpdate, DatasetImport,
    ];
}
