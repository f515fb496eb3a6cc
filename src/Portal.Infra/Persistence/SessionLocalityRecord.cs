namespace Portal.Infra.Persistence;

/// <summary>A row of <c>SessionLocality</c>: a session's latest <see cref="Portal.Domain.Sessions.DataLocality"/>, one per session.</summary>
internal sealed class SessionLocalityRecord
{
    public required string SessionId { get; set; }

    /// <summary>The figure as JSON (<see cref="DataLocalityDocument"/>).</summary>
    public required string Document { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
}
