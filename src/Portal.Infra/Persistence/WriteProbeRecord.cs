namespace Portal.Infra.Persistence;

/// <summary>
/// The one row of <c>WriteProbes</c>: the readiness check (<see cref="DatabaseWriteCheck"/>) writes it, to learn that the
/// database still takes writes (not locked, not full, not read-only).
/// </summary>
internal sealed class WriteProbeRecord
{
    /// <summary>The row every instance writes.</summary>
    public const int TheRow = 1;

    public int Id { get; set; }

    /// <summary>When a readiness check last wrote it.</summary>
    public DateTimeOffset WrittenAt { get; set; }
}
