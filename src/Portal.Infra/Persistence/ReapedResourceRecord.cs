namespace Portal.Infra.Persistence;

/// <summary>The stored row of a <see cref="Portal.Domain.Sessions.ReapedResource"/>: append-only.</summary>
internal sealed class ReapedResourceRecord
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Region { get; set; }

    public required string Name { get; set; }

    public string? SessionTag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ReapedAt { get; set; }

    public required string Reason { get; set; }
}
