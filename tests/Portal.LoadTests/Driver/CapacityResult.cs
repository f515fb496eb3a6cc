using Portal.Web.Diagnostics;

namespace Portal.LoadTests.Driver;

/// <summary>The machine the run measured: cores and memory as the driver sees them.</summary>
internal sealed record Machine(int Cores, long MemoryBytes, string Description);

/// <summary>One level: its circuits, the interactions measured, and the server's figures at its end.</summary>
internal sealed record LevelResult(
    int Circuits,
    TimeSpan OpenTime,
    int Interactions,
    int Failures,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double ServerCpuPercent,
    LoadSample Server,
    double HeapPerCircuitBytes,
    double WorkingSetPerCircuitBytes,
    string? FirstFailure)
{
    /// <summary>Circuits of this level that did not come up (sign-in, start, search or select failed).</summary>
    public int OpenFailures { get; init; }

    public string? FirstOpenFailure { get; init; }
}

/// <summary>A whole run: idle figure, the levels, what memory returned to after every circuit closed, and why it stopped.</summary>
internal sealed record CapacityResult(
    DateTimeOffset Started,
    Machine Machine,
    CapacitySettings Settings,
    LoadSample Idle,
    IReadOnlyList<LevelResult> Levels,
    LoadSample AfterClose,
    TimeSpan AfterCloseWait,
    string StopReason,
    string LoadAverageAtStart,
    string LoadAverageAtEnd);
