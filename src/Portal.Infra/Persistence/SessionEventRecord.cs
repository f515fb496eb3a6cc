namespace Portal.Infra.Persistence;

/// <summary>The stored row of a <see cref="Portal.Domain.Sessions.SessionEvent"/>.</summary>
internal sealed class SessionEventRecord
{
    public long Id { get; set; }

    public required string SessionId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ResourceName { get; set; }

    public string? Region { get; set; }

    public required string Message { get; set; }

    public string? ExternalId { get; set; }
}
