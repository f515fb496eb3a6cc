using Portal.Domain.Sessions;

namespace Portal.Domain.Regions;

/// <summary>
/// The admin's Regions page: adding a worker region, enabling and disabling one. Every call checks the actor is an admin
/// (the page does too): anyone else gets a refusal and nothing changes. Every change is audited.
/// </summary>
public interface IRegionAdministration
{
    Task<RegionEditResult> AddWorkerAsync(Actor actor, WorkerRegionDraft draft, CancellationToken cancellationToken);

    /// <summary>Enables or disables a worker region. Sessions already running there are not touched.</summary>
    Task<RegionEditResult> SetEnabledAsync(Actor actor, RegionCode region, bool enabled, CancellationToken cancellationToken);
}

/// <summary>What a change did: done (with a sentence), or refused with a message and the message per field.</summary>
public sealed record RegionEditResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public static RegionEditResult Done(string message) => new(true, message, new Dictionary<string, string>());

    public static RegionEditResult Refused(string message, IReadOnlyDictionary<string, string>? errors = null) =>
        new(false, message, errors ?? new Dictionary<string, string>());
}
