using Portal.Cli.Tests.Infrastructure;

namespace Portal.Cli.Tests;

/// <summary><c>launch --wait</c> on a portal whose sandbox fails one region's workers: the wait ends with exit 6 and the reason.</summary>
public sealed class FailedLaunchTests : IAsyncLifetime
{
    private readonly CliPortalHost _host = new(new Dictionary<string, string?> { ["Sandbox:FailStacksContaining"] = "workers-us-east-1" });
    private readonly PortalCli _cli = new();

    public ValueTask InitializeAsync()
    {
        _host.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Waiting_for_a_session_that_fails_ends_with_exit_6_and_says_why()
    {
        var token = await new PortalFixtureTokens(_host).CreateAsync(PortalFixture.User("fay"));
        _cli.SignedIn(_host.BaseAddress, token);

        var launch = await _cli.RunAsync(SampleLaunch.With("launch", "--wait", "--poll-seconds", "0.2"));

        Assert.True(launch.ExitCode == 6, launch.ToString());
        Assert.Contains("-workers-us-east-1 (Workers, us-east-1): ", launch.Output, StringComparison.Ordinal);
        Assert.Matches(@"is (Failed|NeedsAttention), not Ready: Stack \S+-workers-us-east-1 in us-east-1 failed", launch.Output);
    }
}
