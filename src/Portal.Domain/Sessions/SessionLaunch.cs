namespace Portal.Domain.Sessions;

/// <summary>Everything a new session records at launch besides the request: its name, what it creates, and its rules.</summary>
/// <param name="Name">What lists show; see <see cref="SessionName"/>.</param>
/// <param name="LaunchKey">The form's key for this one intent to launch: a repeated submit with it opens the same session.</param>
/// <param name="SchedulerAddress">The Dask scheduler's address, known before anything is created.</param>
/// <param name="HourlyCostUsd">The estimate per hour at launch, for "cost so far".</param>
/// <param name="IdleTimeout">How long the session may be idle (no Dask task, no notebook activity) before it is stopped.</param>
/// <param name="CleanUpOnFailure">Whether a failed session deletes what it created by itself.</param>
/// <param name="Steps">The resources in plan order.</param>
public sealed record SessionLaunch(
    string Name,
    string? LaunchKey,
    string SchedulerAddress,
    decimal HourlyCostUsd,
    TimeSpan IdleTimeout,
    bool CleanUpOnFailure,
    IReadOnlyList<StepSpec> Steps);
