using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Diagnostics;
using Portal.Web.Hosting;

namespace Portal.Web.Tests.Hosting;

/// <summary>Memory is given back once many circuits have closed, and not for a few closed tabs (issue 16).</summary>
public sealed class MemoryTrimTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Trims_once_half_of_the_busiest_count_and_at_least_the_minimum_have_closed()
    {
        var policy = new MemoryTrimPolicy(minimumClosed: 50);

        Assert.False(policy.Observe(0));
        Assert.False(policy.Observe(300));
        Assert.False(policy.Observe(200)); // 100 closed: more than the minimum, but a third of the busiest count
        Assert.Equal(300, policy.Peak);
        Assert.True(policy.Observe(150)); // half gone
        Assert.Equal(150, policy.Peak);
        Assert.False(policy.Observe(150)); // nothing more closed since the trim
        Assert.True(policy.Observe(0)); // the other 150 closed
    }

    [Fact]
    public void A_few_closed_tabs_are_not_worth_a_full_collection()
    {
        var policy = new MemoryTrimPolicy(minimumClosed: 50);

        Assert.False(policy.Observe(40));
        Assert.False(policy.Observe(0)); // every circuit closed, but only 40
        Assert.False(policy.Observe(60));
        Assert.True(policy.Observe(0)); // 60 at the busiest since the start
    }

    [Fact]
    public void Waits_until_the_portal_is_nearly_idle_so_the_pause_is_short()
    {
        var policy = new MemoryTrimPolicy(minimumClosed: 50, maximumOpen: 100);

        Assert.False(policy.Observe(4000));
        Assert.False(policy.Observe(1500)); // most have gone, but a full collection now would pause 1,500 users
        Assert.Equal(4000, policy.Peak);
        Assert.True(policy.Observe(80));
        Assert.False(policy.Observe(40)); // 40 closed since: fewer than the minimum
    }

    [Fact]
    public void A_trim_made_while_some_circuits_waited_out_their_retention_is_finished_when_the_last_has_gone()
    {
        var policy = new MemoryTrimPolicy(minimumClosed: 50, maximumOpen: 100);

        Assert.False(policy.Observe(6000));
        Assert.True(policy.Observe(100)); // the closed tabs beyond the retained hundred are gone at once
        Assert.True(policy.Observe(20)); // 80 more
        Assert.True(policy.Observe(0)); // the last 20: fewer than the minimum, but nobody is left to pause
        Assert.False(policy.Observe(0));
        Assert.False(policy.Observe(3));
        Assert.False(policy.Observe(0)); // three tabs came and went: not worth a collection
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryTrimPolicy(50).Observe(-1));
    }

    [Fact]
    public async Task The_service_counts_the_circuits_on_its_interval_and_trims_when_they_have_gone()
    {
        var time = new FakeTimeProvider();
        var circuits = new CircuitCounter();
        using var service = new MemoryTrimService(circuits, Options.Create(new MemoryTrimOptions { CheckInterval = TimeSpan.FromSeconds(10), MinimumClosed = 5 }),
            time, NullLogger<MemoryTrimService>.Instance);
        await service.StartAsync(Cancel);

        for (var i = 0; i < 8; i++)
        {
            circuits.Opened();
        }

        await TickUntilAsync(time, () => service.Checks >= 1);
        for (var i = 0; i < 8; i++)
        {
            circuits.Closed();
        }

        Assert.Equal(-1, service.LastTrimOpenCircuits);
        await TickUntilAsync(time, () => service.Trims == 1);
        Assert.Equal(0, service.LastTrimOpenCircuits);
        var checks = service.Checks;
        await TickUntilAsync(time, () => service.Checks >= checks + 3);
        Assert.Equal(1, service.Trims); // nothing more has closed
        await service.StopAsync(Cancel);
    }

    [Fact]
    public async Task Disabled_it_never_trims()
    {
        var time = new FakeTimeProvider();
        var circuits = new CircuitCounter();
        using var service = new MemoryTrimService(circuits, Options.Create(new MemoryTrimOptions { Enabled = false, MinimumClosed = 1 }),
            time, NullLogger<MemoryTrimService>.Instance);
        await service.StartAsync(Cancel);

        circuits.Opened();
        circuits.Closed();
        var deadline = DateTime.UtcNow.AddMilliseconds(300);
        while (DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(0, service.Checks);
        Assert.Equal(0, service.Trims);
        await service.StopAsync(Cancel);
    }

    /// <summary>Moves the clock on an interval at a time (the service's loop runs on its own thread) until the condition holds.</summary>
    private static async Task TickUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(20, Cancel);
        }

        Assert.True(condition());
    }
}
