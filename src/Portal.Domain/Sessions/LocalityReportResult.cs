using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>How a session's report of its <see cref="DataLocality"/> went.</summary>
public enum LocalityReportOutcome
{
    /// <summary>Stored: it replaces the session's previous figure.</summary>
    Accepted,

    /// <summary>The token is not the session's, or it has expired (or there is no such session).</summary>
    BadToken,

    /// <summary>The session has ended (stopped, or failed and cleaned up): it takes no more figures.</summary>
    NotLive,

    /// <summary>The figure names a region where the session has no pool.</summary>
    UnknownRegion,
}

/// <summary>The outcome of a locality report and a sentence for the reporter.</summary>
public sealed record LocalityReportResult(LocalityReportOutcome Outcome, string Message)
{
    public static LocalityReportResult Accepted { get; } = new(LocalityReportOutcome.Accepted, "Stored.");

    public static LocalityReportResult BadToken { get; } =
        new(LocalityReportOutcome.BadToken, "The token is not valid for this session, or it has expired.");

    public static LocalityReportResult NotLive(SessionState state) =>
        new(LocalityReportOutcome.NotLive, $"The session has ended ({state}): it takes no more locality figures.");

    public static LocalityReportResult UnknownRegion(RegionCode region, IEnumerable<RegionCode> pools) =>
        new(LocalityReportOutcome.UnknownRegion, $"'{region}' is not a region of this session's pools ({string.Join(", ", pools)}).");
}
