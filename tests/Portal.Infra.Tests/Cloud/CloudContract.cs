using Microsoft.Extensions.Time.Testing;

namespace Portal.Infra.Tests.Cloud;

/// <summary>
/// What the port contracts share: a <see cref="FakeTimeProvider"/> the provider under test must take its time from,
/// and a wait that advances it step by step while polling. A provider that needs more than the clock to move on
/// (a background loop) overrides <see cref="AdvanceAsync"/>.
/// </summary>
public abstract class CloudContract : IAsyncLifetime
{
    /// <summary>The clock handed to the provider; starts at 2026-05-01 12:00 UTC.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>How far one wait step moves the clock. Defaults to 15 s.</summary>
    protected virtual TimeSpan PollStep => TimeSpan.FromSeconds(15);

    /// <summary>The longest a wait goes on, in clock time. Defaults to 3 h.</summary>
    protected virtual TimeSpan MaxWait => TimeSpan.FromHours(3);

    public abstract ValueTask InitializeAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Moves the clock on; the default only advances <see cref="Time"/> and yields once.</summary>
    protected virtual async ValueTask AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Task.Yield();
    }

    /// <summary>Polls <paramref name="probe"/>, advancing the clock between polls, until <paramref name="done"/> holds.</summary>
    protected async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var waited = TimeSpan.Zero;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (waited >= MaxWait)
            {
                Assert.Fail($"Waited {MaxWait} of clock time for {what}; last seen: {value}");
            }

            await AdvanceAsync(PollStep);
            waited += PollStep;
        }
    }
}
