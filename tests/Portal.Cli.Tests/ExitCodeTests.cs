using Portal.Cli.Tests.Infrastructure;
using Portal.Domain.Accounts;

namespace Portal.Cli.Tests;

/// <summary>The exit codes scripts rely on (documented in <c>portal --help</c> and docs/api.md), one API answer each.</summary>
public sealed class ExitCodeTests(PortalFixture portal) : IDisposable
{
    private readonly PortalCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Help_lists_every_exit_code()
    {
        var help = await _cli.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var code in new[] { "0  success", "1  usage", "2  not signed in", "3  forbidden", "4  not found", "5  refused", "6  the session failed", "7  the portal could not be reached", "8  rate limited" })
        {
            Assert.Contains(code, help.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_revoked_token_is_exit_2()
    {
        var eve = PortalFixture.User("eve");
        var token = await portal.TokenAsync(eve);
        _cli.SignedIn(portal.Url, token.Secret);
        Assert.Equal(0, (await _cli.RunAsync("sessions")).ExitCode);
        await portal.RevokeAsync(eve, token);

        var sessions = await _cli.RunAsync("sessions");

        Assert.True(sessions.ExitCode == 2, sessions.ToString());
        Assert.Contains("Unauthorized (HTTP 401)", sessions.Error, StringComparison.Ordinal);
        Assert.Contains("portal login", sessions.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret, sessions.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("stop")]
    [InlineData("extend")]
    [InlineData("open")]
    public async Task An_unknown_session_is_exit_4(string command)
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("nora"))).Secret);

        var result = await _cli.RunAsync(command, "s-doesnotexist");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("(HTTP 404): There is no such session, or it is not yours.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_session_is_not_found_either()
    {
        var owner = new PortalCli().SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("owen"))).Secret);
        using var ownerCli = owner;
        var launch = await owner.RunAsync(SampleLaunch.With("launch", "--json"));
        Assert.True(launch.ExitCode == 0, launch.ToString());
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("mallory"))).Secret);

        var stop = await _cli.RunAsync("stop", launch.Json().GetProperty("id").GetString()!);

        Assert.True(stop.ExitCode == 4, stop.ToString());
    }

    [Fact]
    public async Task A_launch_with_bad_values_is_exit_1_with_each_field_named()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("bea"))).Secret);

        var launch = await _cli.RunAsync("launch", "--dataset", "era5", "--dataset", "no such dataset!", "--end", "yesterday");

        Assert.True(launch.ExitCode == 1, launch.ToString());
        Assert.Contains("  datasets: 'no such dataset!' is not a dataset id.", launch.Error, StringComparison.Ordinal);
        Assert.Contains("  endDate: 'yesterday' is not a date: write it as yyyy-MM-dd.", launch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_token_may_list_but_launching_is_exit_3()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("rita"), ApiTokenScope.Read)).Secret);
        Assert.Equal(0, (await _cli.RunAsync("sessions")).ExitCode);

        var launch = await _cli.RunAsync(SampleLaunch.With("launch"));

        Assert.True(launch.ExitCode == 3, launch.ToString());
        Assert.Contains("Forbidden (HTTP 403): This API token is read-only", launch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_everyones_sessions_is_exit_3_for_a_user_and_allowed_for_an_admin()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("ursula"))).Secret);
        var asUser = await _cli.RunAsync("sessions", "--all");
        Assert.True(asUser.ExitCode == 3, asUser.ToString());

        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("root", admin: true))).Secret);
        var asAdmin = await _cli.RunAsync("sessions", "--all", "--json");
        Assert.True(asAdmin.ExitCode == 0, asAdmin.ToString());
        Assert.True(asAdmin.Json().GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task An_identical_running_session_is_exit_5_naming_it()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("dupont"))).Secret);
        var first = await _cli.RunAsync(SampleLaunch.With("launch", "--json"));
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await _cli.RunAsync(SampleLaunch.With("launch"));

        Assert.True(second.ExitCode == 5, second.ToString());
        Assert.Contains($"running session: {first.Json().GetProperty("id").GetString()}", second.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-duplicate", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_launch_over_budget_is_exit_5_with_the_budgets_message()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User(PortalFixture.OverBudgetUser))).Secret);

        var launch = await _cli.RunAsync(SampleLaunch.With("launch"));

        Assert.True(launch.ExitCode == 5, launch.ToString());
        Assert.Contains("Over budget (HTTP 409)", launch.Error, StringComparison.Ordinal);
        Assert.Contains("Tiny", launch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_launches_is_exit_8()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("rapid"))).Secret);

        CliResult last;
        var launches = 0;
        do
        {
            last = await _cli.RunAsync(SampleLaunch.With("launch", "--allow-duplicate"));
            launches++;
        }
        while (last.ExitCode == 0 && launches < 10);

        Assert.True(last.ExitCode == 8, last.ToString());
        Assert.Contains("Too many launches", last.Error, StringComparison.Ordinal);
        // Five launches a minute: at least five went through before the refusal (more if a minute's window turned meanwhile).
        Assert.True(launches >= 6, $"refused after {launches} launches");
    }

    [Fact]
    public async Task With_json_a_failure_is_one_json_object_on_stderr_and_nothing_on_stdout()
    {
        _cli.SignedIn(portal.Url, (await portal.TokenAsync(PortalFixture.User("jason"))).Secret);

        var status = await _cli.RunAsync("status", "s-doesnotexist", "--json");

        Assert.Equal(4, status.ExitCode);
        Assert.Equal(string.Empty, status.Output);
        var error = status.ErrorJson();
        Assert.Equal(4, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(404, error.GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Contains("no such session", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
