using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Tests.Aws.Support;

/// <summary>A retry clock that never sleeps: it records the waits it was asked for and returns a fixed jitter.</summary>
public sealed class RecordingRetryClock(double jitter = 0.5) : IRetryClock
{
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public double NextJitter() => jitter;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_delays)
        {
            _delays.Add(delay);
        }

        return Task.CompletedTask;
    }
}
