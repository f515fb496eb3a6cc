namespace Portal.LoadTests.Driver;

/// <summary>
/// One capacity run: the circuit counts to reach in turn (each level adds circuits to the last), how often each circuit
/// changes "Workers per region", how long each level is measured, and where the run stops.
/// </summary>
internal sealed record CapacitySettings
{
    public required IReadOnlyList<int> Levels { get; init; }

    /// <summary>Each circuit's pace: one interaction per interval, at a random phase.</summary>
    public TimeSpan InteractionInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the interactions of one level are measured, once its circuits are open.</summary>
    public TimeSpan MeasureWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Circuits opened at once while a level ramps up.</summary>
    public int OpenConcurrency { get; init; } = 8;

    /// <summary>The server's <c>Circuits:DisconnectedCircuitRetentionPeriod</c> for the run: closed circuits leave after it.</summary>
    public TimeSpan RetentionPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The run stops after a level whose p95 passes this.</summary>
    public double P95LimitMs { get; init; } = 250;

    /// <summary>The run stops after a level whose server working set passes this share of the machine's memory.</summary>
    public double MemoryLimit { get; init; } = 0.70;

    /// <summary>No level starts after this much time.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Circuits opened, used and closed before the idle figure, so it includes what the first circuit warms up.</summary>
    public int WarmUpCircuits { get; init; } = 5;
}
