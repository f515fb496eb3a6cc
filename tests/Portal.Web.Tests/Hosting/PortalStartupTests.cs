using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

/// <summary>The built portal run as a process with one bad setting: it stops with one line naming the key, not a crash.</summary>
public sealed class PortalStartupTests
{
    /// <summary>EX_CONFIG of sysexits.h, as the loopback guard uses for its refusal.</summary>
    private const int ConfigurationErrorExitCode = 78;

    [Theory]
    // Refused while the portal is composed (AddPortalInfra, AddPortalWeb).
    [InlineData("Cloud__Provider", "Azure", "Cloud:Provider")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Sandbox__Compute", "Fast", "Sandbox:Compute")]
    [InlineData("Auth__AllowNonLoopback", "maybe", "Auth:AllowNonLoopback")]
    [InlineData("Storage__DataDirectory", "/proc/portal", "Storage:DataDirectory")]
    [InlineData("ConnectionStrings__Portal", "Data Source=portal.db;Colour=blue", "ConnectionStrings:Portal")]
    // Refused by options validation as the portal starts.
    [InlineData("Sandbox__StackCreateDuration", "-00:00:01", "Sandbox:StackCreateDuration")]
    [InlineData("Orchestration__PollInterval", "00:00:00", "Orchestration:PollInterval")]
    [InlineData("Orchestration__PollInterval", "soon", "Orchestration:PollInterval")]
    [InlineData("MemoryTrim__MinimumClosed", "0", "MemoryTrim:MinimumClosed")]
    [InlineData("MemoryTrim__CheckInterval", "00:00:00.100", "MemoryTrim:CheckInterval")]
    public async Task A_bad_setting_stops_the_portal_with_one_line_naming_the_key_and_exit_code_78(string variable, string value, string key)
    {
        var exit = await PortalProcess.RunUntilExitAsync(
            new Dictionary<string, string> { [variable] = value }, ["--urls", "http://127.0.0.1:0"], TestContext.Current.CancellationToken);

        var error = exit.StandardError.Trim();
        Assert.DoesNotContain("Unhandled exception", exit.StandardError + exit.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", exit.StandardError + exit.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("Portal cannot start: ", error, StringComparison.Ordinal);
        Assert.Contains(key, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.Contains(error, exit.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ConfigurationErrorExitCode, exit.Code);
    }

    [Fact]
    public async Task An_address_that_is_not_a_url_stops_the_portal_before_it_listens()
    {
        var exit = await PortalProcess.RunUntilExitAsync(new Dictionary<string, string>(), ["--urls", "http://127.0.0.1:0;localhost-5110"], TestContext.Current.CancellationToken);

        Assert.Equal(
            "Portal cannot start: Configuration 'urls' holds 'localhost-5110', which is not an address to listen on: write scheme://host:port, for example http://localhost:5110.",
            exit.StandardError.Trim());
        Assert.Equal(ConfigurationErrorExitCode, exit.Code);
    }
}
