namespace Portal.Infra.Aws.Runtime;

/// <summary>The retry handler's limits (bound from <c>Aws:Retry</c>).</summary>
/// <param name="MaxAttempts">Attempts in total, the first included. SDK standard mode: 3.</param>
/// <param name="MaxBackoff">The cap on one wait. SDK standard mode: 20 s.</param>
/// <param name="AttemptTimeout">How long one attempt may take before it counts as a timeout.</param>
public sealed record AwsRetrySettings(int MaxAttempts, TimeSpan MaxBackoff, TimeSpan AttemptTimeout)
{
    public static AwsRetrySettings Standard { get; } = new(3, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
}
