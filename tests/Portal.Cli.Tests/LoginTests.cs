using Portal.Cli.Tests.Infrastructure;

namespace Portal.Cli.Tests;

/// <summary><c>portal login</c>: the token is checked before anything is saved, and saved for the owner's eyes only.</summary>
public sealed class LoginTests(PortalFixture portal) : IDisposable
{
    private readonly PortalCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_good_token_is_saved_with_the_address_in_a_file_only_its_owner_can_read()
    {
        var token = await portal.TokenAsync(PortalFixture.User("lena"));

        var login = await _cli.RunAsync("login", "--url", portal.Url.ToString(), "--token", token.Secret);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("Signed in to", login.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret, login.Output + login.Error, StringComparison.Ordinal);
        var saved = await File.ReadAllTextAsync(_cli.ConfigFile, TestContext.Current.CancellationToken);
        Assert.Contains(token.Secret, saved, StringComparison.Ordinal);
        Assert.Contains(portal.Url.ToString(), saved, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.ConfigFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(_cli.ConfigFile)!));

        // The saved login is used by the next command, without any PORTAL_* variable.
        var sessions = await _cli.RunAsync("sessions");
        Assert.True(sessions.ExitCode == 0, sessions.ToString());
    }

    [Fact]
    public async Task Without_token_option_the_token_is_read_from_standard_input()
    {
        var token = await portal.TokenAsync(PortalFixture.User("lena5"));

        var login = await _cli.RunWithInputAsync(token.Secret + "\n", "login", "--url", portal.Url.ToString());

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains(token.Secret, await File.ReadAllTextAsync(_cli.ConfigFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret, login.Output + login.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_others_could_read_is_made_owner_only_before_the_token_goes_in()
    {
        var token = await portal.TokenAsync(PortalFixture.User("lena6"));
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.ConfigFile)!);
        await File.WriteAllTextAsync(_cli.ConfigFile, "{}", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(_cli.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var login = await _cli.RunAsync("login", "--url", portal.Url.ToString(), "--token", token.Secret);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.ConfigFile));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_exit_2_and_nothing_is_saved()
    {
        var lena = PortalFixture.User("lena2");
        var token = await portal.TokenAsync(lena);
        await portal.RevokeAsync(lena, token);

        var login = await _cli.RunAsync("login", "--url", portal.Url.ToString(), "--token", token.Secret);

        Assert.True(login.ExitCode == 2, login.ToString());
        Assert.Contains("401", login.Error, StringComparison.Ordinal);
        Assert.Contains("account/tokens", login.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", login.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret, login.Output + login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.ConfigFile));
    }

    [Fact]
    public async Task An_unknown_token_is_refused_with_exit_2()
    {
        var login = await _cli.RunAsync("login", "--url", portal.Url.ToString(), "--token", "portal_pat_not-a-real-token");

        Assert.True(login.ExitCode == 2, login.ToString());
        Assert.DoesNotContain("portal_pat_not-a-real-token", login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.ConfigFile));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://portal.example.org")]
    public async Task A_bad_address_is_a_usage_error_that_says_what_to_give(string url)
    {
        var login = await _cli.RunAsync("login", "--url", url, "--token", "portal_pat_whatever");

        Assert.True(login.ExitCode == 1, login.ToString());
        Assert.Contains("https://", login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.ConfigFile));
    }

    [Fact]
    public async Task An_address_where_no_portal_listens_is_exit_7()
    {
        var free = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        free.Start();
        var port = ((System.Net.IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();

        var login = await _cli.RunAsync("login", "--url", $"http://127.0.0.1:{port}", "--token", "portal_pat_whatever");

        Assert.True(login.ExitCode == 7, login.ToString());
        Assert.Contains("Could not reach the portal", login.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_without_the_api_is_a_usage_error_that_says_to_check_it()
    {
        var login = await _cli.RunAsync("login", "--url", new Uri(portal.Url, "nothing-here/").ToString(), "--token", "portal_pat_whatever");

        Assert.True(login.ExitCode == 1, login.ToString());
        Assert.Contains("check the address", login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.ConfigFile));
    }

    [Fact]
    public async Task Without_a_login_every_command_says_how_to_sign_in_with_exit_2()
    {
        var sessions = await _cli.RunAsync("sessions");

        Assert.True(sessions.ExitCode == 2, sessions.ToString());
        Assert.Contains("portal login", sessions.Error, StringComparison.Ordinal);
        Assert.Contains("PORTAL_TOKEN", sessions.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_overrides_the_saved_token()
    {
        var good = await portal.TokenAsync(PortalFixture.User("lena3"));
        Assert.Equal(0, (await _cli.RunAsync("login", "--url", portal.Url.ToString(), "--token", good.Secret)).ExitCode);
        _cli.Environment["PORTAL_TOKEN"] = "portal_pat_overridden-and-wrong";

        var sessions = await _cli.RunAsync("sessions");

        Assert.True(sessions.ExitCode == 2, sessions.ToString());
    }

    [Fact]
    public async Task The_config_option_names_another_file()
    {
        var token = await portal.TokenAsync(PortalFixture.User("lena4"));
        var file = Path.Combine(_cli.Home, "elsewhere", "portal.json");

        var login = await _cli.RunAsync("login", "--url", portal.Url.ToString(), "--token", token.Secret, "--config", file, "--json");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(file, login.Json().GetProperty("configFile").GetString());
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(_cli.ConfigFile));
        Assert.Equal(0, (await _cli.RunAsync("sessions", "--config", file)).ExitCode);
    }
}
