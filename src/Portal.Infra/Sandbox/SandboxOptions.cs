using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Sandbox;

/// <summary>How the sandbox cloud behaves. Durations are compressed so the whole journey takes seconds.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>How long creating a stack takes.</summary>
    /// <remarks>Defaults to 4 seconds.</remarks>
    public TimeSpan StackCreateDuration { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Per-template overrides of <see cref="StackCreateDuration"/>, keyed by template name (SessionScheduler, SessionWorkers, RegionFoundation).</summary>
    public Dictionary<string, TimeSpan> StackCreateDurations { get; set; } = [];

    /// <summary>How long deleting a stack takes.</summary>
    /// <remarks>Defaults to 3 seconds.</remarks>
    public TimeSpan StackDeleteDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a notebook instance stays Pending.</summary>
    /// <remarks>Defaults to 3 seconds.</remarks>
    public TimeSpan NotebookCreateDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long stopping, and deleting, a notebook instance takes.</summary>
    /// <remarks>Defaults to 2 seconds.</remarks>
    public TimeSpan NotebookStopDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Stacks whose name contains this text fail and roll back, to try the failure path.</summary>
    /// <remarks>Defaults to none.</remarks>
    public string? FailStacksContaining { get; set; }

    /// <summary>How long a presigned notebook URL can be used to open the notebook.</summary>
    /// <remarks>Defaults to 5 minutes, as in SageMaker.</remarks>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan CreateDurationFor(string template) =>
        StackCreateDurations.TryGetValue(template, out var duration) ? duration : StackCreateDuration;
}
