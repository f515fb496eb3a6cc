using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Orchestration;

/// <summary>How the background service drives sessions.</summary>
public sealed class OrchestrationOptions
{
    public const string SectionName = "Orchestration";

    /// <summary>How often unfinished sessions are looked at.</summary>
    /// <remarks>Defaults to 1 second (the sandbox is fast; AWS answers are cheap to poll at this rate for a handful of sessions).</remarks>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a notebook sign-in lasts once a presigned URL is used.</summary>
    /// <remarks>Defaults to 12 hours (SageMaker allows 30 minutes to 12 hours).</remarks>
    [Range(typeof(TimeSpan), "00:30:00", "12:00:00")]
    public TimeSpan NotebookSessionExpiry { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The address users reach the portal at, written into notebooks for the cost cell.</summary>
    /// <remarks>Defaults to the first address the server listens on.</remarks>
    public Uri? PublicBaseUrl { get; set; }
}
