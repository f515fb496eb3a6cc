using System.Text.RegularExpressions;
using Portal.Cli.Tests.Infrastructure;

namespace Portal.Cli.Tests;

/// <summary>A session's life from the terminal: launch and wait, list, show, open, extend, stop.</summary>
public sealed partial class SessionLifecycleTests(PortalFixture portal) : IDisposable
{
    private readonly PortalCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_session_is_launched_followed_to_Ready_listed_opened_extended_and_stopped()
    {
        var token = await portal.TokenAsync(PortalFixture.User("ada"));
        _cli.SignedIn(portal.Url, token.Secret);

        var launch = await _cli.RunAsync(SampleLaunch.With("launch", "--name", "from the terminal", "--wait", "--poll-seconds", "0.2"));

        Assert.True(launch.ExitCode == 0, launch.ToString());
        var id = SessionLine().Match(launch.Output).Groups["id"].Value;
        Assert.False(string.IsNullOrEmpty(id), launch.Output);
        // Live progress: the session's states and each step as it changes, ending Ready.
        Assert.Matches(@"session \S+: (Requested|Provisioning)", launch.Output);
        // Each step as the launch's answer showed it and again whenever it changed, ending Complete.
        var eastWorkers = launch.Output.Split('\n').Where(l => l.Contains($"portal-{id}-workers-us-east-1 (Workers, us-east-1): ", StringComparison.Ordinal)).ToList();
        Assert.True(eastWorkers.Count >= 2, launch.Output);
        Assert.EndsWith(": Complete", eastWorkers[^1], StringComparison.Ordinal);
        Assert.Contains($"portal-{id}-workers-us-west-2 (Workers, us-west-2): Complete", launch.Output, StringComparison.Ordinal);
        Assert.Contains($"portal-{id} (Notebook, eu-west-2): Complete", launch.Output, StringComparison.Ordinal);
        Assert.EndsWith($"session {id}: Ready", launch.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^2], StringComparison.Ordinal);
        Assert.Contains($"'portal open {id}'", launch.Output, StringComparison.Ordinal);
        Assert.True(StepLines().Count(launch.Output) >= 8, launch.Output);

        var list = await _cli.RunAsync("sessions");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches($@"{Regex.Escape(id)}\s+from the terminal\s+Ready\s+ada", list.Output);
        Assert.Contains("1-1 of 1 sessions.", list.Output, StringComparison.Ordinal);

        var status = await _cli.RunAsync("status", id, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("Ready", status.Json().GetProperty("state").GetString());
        Assert.NotEmpty(status.Json().GetProperty("steps").EnumerateArray());

        var open = await _cli.RunAsync("open", id);
        Assert.True(open.ExitCode == 0, open.ToString());
        var url = open.Output.Trim();
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var notebook), open.Output);
        Assert.Equal(portal.Url.Authority, notebook!.Authority);

        var openJson = await _cli.RunAsync("open", id, "--json");
        Assert.True(openJson.ExitCode == 0, openJson.ToString());
        Assert.StartsWith(portal.Url.ToString(), openJson.Json().GetProperty("url").GetString(), StringComparison.Ordinal);

        var expiresBefore = status.Json().GetProperty("expiresAt").GetDateTimeOffset();
        var extend = await _cli.RunAsync("extend", id, "--hours", "1");
        Assert.True(extend.ExitCode == 0, extend.ToString());
        var extended = (await _cli.RunAsync("sessions", "show", id, "--json")).Json();
        Assert.Equal(expiresBefore.AddHours(1), extended.GetProperty("expiresAt").GetDateTimeOffset());

        var stop = await _cli.RunAsync("stop", id, "--json");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal("Done", stop.Json().GetProperty("outcome").GetString());
        var stopped = await _cli.RunAsync("sessions", "show", id);
        Assert.Matches("state: (Stopping|Stopped)", stopped.Output);

        Assert.DoesNotContain(token.Secret, string.Concat(launch, list, status, open, openJson, extend, stop, stopped), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_without_wait_answers_at_once_with_the_session_as_json()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("ben"))).Secret);

        var launch = await _cli.RunAsync(SampleLaunch.With("launch", "--json"));

        Assert.True(launch.ExitCode == 0, launch.ToString());
        var session = launch.Json();
        Assert.Equal("ben", session.GetProperty("owner").GetString());
        Assert.Contains(session.GetProperty("state").GetString(), new[] { "Requested", "Provisioning" });
        Assert.Equal(string.Empty, launch.Error);
    }

    [Fact]
    public async Task The_same_launch_key_twice_gives_the_one_session()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("kay"))).Secret);

        var first = await _cli.RunAsync(SampleLaunch.With("launch", "--launch-key", "nightly-2026-12-08", "--json"));
        var second = await _cli.RunAsync(SampleLaunch.With("launch", "--launch-key", "nightly-2026-12-08", "--json"));

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.ToString() + second);
        Assert.Equal(first.Json().GetProperty("id").GetString(), second.Json().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Open_with_browser_hands_the_url_to_the_browser_and_prints_it_nowhere()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("bria"))).Secret);
        var launch = await _cli.RunAsync(SampleLaunch.With("launch", "--wait", "--poll-seconds", "0.2", "--json"));
        Assert.True(launch.ExitCode == 0, launch.ToString());
        var id = launch.Json().GetProperty("id").GetString()!;
        var received = Path.Combine(_cli.Home, "browser-got.txt");
        var browser = Path.Combine(_cli.Home, "fake-browser.sh");
        await File.WriteAllTextAsync(browser, $"#!/bin/sh\nprintf '%s' \"$1\" > '{received}'\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _cli.Environment["BROWSER"] = browser;

        var open = await _cli.RunAsync("open", id, "--browser");

        Assert.True(open.ExitCode == 0, open.ToString());
        Assert.Contains("in your browser", open.Output, StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(received) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var url = await File.ReadAllTextAsync(received, TestContext.Current.CancellationToken);
        Assert.StartsWith(portal.Url.ToString(), url, StringComparison.Ordinal);
        Assert.DoesNotContain(url, open.Output + open.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_while_waiting_ends_the_wait_with_exit_130_and_leaves_the_session_running()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("cici"))).Secret);
        using var process = _cli.Start(SampleLaunch.With("launch", "--wait", "--poll-seconds", "30"));
        var first = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        var id = SessionLine().Match(first ?? string.Empty).Groups["id"].Value;
        Assert.False(string.IsNullOrEmpty(id), first);

        using (var interrupt = System.Diagnostics.Process.Start("/bin/sh", ["-c", $"kill -INT {process.Id}"]))
        {
            await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var rest = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 130, rest);
        Assert.Contains($"Stopped waiting; session {id} goes on.", rest, StringComparison.Ordinal);
        var status = await _cli.RunAsync("status", id, "--json");
        Assert.Contains(status.Json().GetProperty("state").GetString(), new[] { "Requested", "Provisioning", "Ready" });
    }

    [GeneratedRegex(@"session (?<id>\S+): Requested|session (?<id>\S+): Provisioning")]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"^\S+   \S+ \(\w+, [a-z0-9-]+\): \w+$", RegexOptions.Multiline)]
    private static partial Regex StepLines();
}
