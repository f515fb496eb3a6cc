namespace Portal.Domain.Audit;

/// <summary>Where a request came from: the client's address and user agent, either unknown (null).</summary>
public sealed record AuditOrigin(string? SourceIp, string? UserAgent)
{
    /// <summary>The portal's own background work (reaper, budget enforcer): no client.</summary>
    public static AuditOrigin System { get; } = new("system", null);
}
