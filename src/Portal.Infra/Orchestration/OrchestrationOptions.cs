using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Orchestration;

/// <summary>How the background service drives sessions, and the rules sessions live by.</summary>
public sealed class OrchestrationOptions
{
    public const string SectionName = "Orchestration";

    /// <summary>The poll interval in the sandbox when none is configured.</summary>
    public static readonly TimeSpan SandboxPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often unfinished sessions are looked at.</summary>
    /// <remarks>Defaults to 1 second on AWS (cheap to poll at this rate for a handful of sessions) and 250 ms in the sandbox.</remarks>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a notebook sign-in lasts once a presigned URL is used.</summary>
    /// <remarks>Defaults to 12 hours (SageMaker allows 30 minutes to 12 hours).</remarks>
    [Range(typeof(TimeSpan), "00:30:00", "12:00:00")]
    public TimeSpan NotebookSessionExpiry { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The address users reach the portal at, written into notebooks for the cost cell.</summary>
    /// <remarks>Defaults to the first address the server listens on.</remarks>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a ready session may go without a Dask task or notebook activity before it is stopped.</summary>
    /// <remarks>Defaults to 20 minutes (as Coiled's idle timeout).</remarks>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long before an automatic stop (idle or lifetime) the session page and My sessions warn, with Extend.</summary>
    /// <remarks>Defaults to 5 minutes.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StopWarning { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a session may live, extensions included.</summary>
    /// <remarks>Defaults to 72 hours, the form's maximum.</remarks>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan MaximumLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Whether a failed session deletes what it created by itself, so that it stops costing.</summary>
    /// <remarks>Defaults to true; with false, Retry re-runs only the failed steps and Stop cleans up.</remarks>
    public bool CleanUpFailedSessions { get; set; } = true;

    /// <summary>The first wait after a failed cloud call for a step; each further failure doubles it.</summary>
    /// <remarks>Defaults to 2 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts for a step.</summary>
    /// <remarks>Defaults to 5 minutes.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many failed attempts to delete one resource before the session needs an operator.</summary>
    /// <remarks>Defaults to 8 (with the default delays, about 12 minutes of trying).</remarks>
    [Range(1, 100)]
    public int MaxDeleteAttempts { get; set; } = 8;

    /// <summary>How many transient failures (throttling, server errors) in a row a create survives before the step fails.</summary>
    /// <remarks>Defaults to 10.</remarks>
    [Range(1, 100)]
    public int MaxTransientFailures { get; set; } = 10;

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: doubling from <see cref="RetryBaseDelay"/>, capped at <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var delay = RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(delay, RetryMaxDelay.TotalMilliseconds));
    }
}
