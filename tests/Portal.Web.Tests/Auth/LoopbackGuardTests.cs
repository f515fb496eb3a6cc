using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class LoopbackGuardTests
{
    private const string Refusal = "Local sign-in (Auth:Mode=Local) must listen on loopback only, but the portal listens on http://";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://localhost:5110", true)]
    [InlineData("http://127.0.0.1:5110", true)]
    [InlineData("http://[::1]:5110", true)]
    [InlineData("http://0.0.0.0:5110", false)]
    [InlineData("http://[::]:5110", false)]
    [InlineData("http://*:5110", false)]
    [InlineData("http://+:5110", false)]
    [InlineData("http://10.0.0.12:5110", false)]
    public void Tells_loopback_addresses_from_exposed_ones(string address, bool loopback)
    {
        Assert.Equal(loopback, LoopbackGuard.IsLoopback(address));
    }

    [Fact]
    public async Task Local_sign_in_refuses_to_start_on_all_interfaces()
    {
        await using var host = new WebHost();
        host.UseKestrel(options => options.ListenAnyIP(0));

        int exitCode;
        try
        {
            host.StartServer();
        }
        catch (ObjectDisposedException)
        {
            // StartServer reads the server's addresses after starting it; the refused host may be gone by then.
        }
        finally
        {
            // The guard sets the exit code of the process it runs in: this test's.
            exitCode = Environment.ExitCode;
            Environment.ExitCode = 0;
        }

        var log = host.Logs.Lines.ToList();
        var refused = log.FindIndex(line => line.StartsWith("Critical ", StringComparison.Ordinal) && line.Contains(Refusal, StringComparison.Ordinal));
        Assert.True(refused >= 0, "The refusal is not in the log.");
        Assert.Contains(log[refused..], line => line.Contains("Application is shutting down", StringComparison.Ordinal));
        Assert.Equal(LoopbackGuard.RefusedExitCode, exitCode);
    }

    [Fact]
    public async Task Run_like_dotnet_run_on_all_interfaces_the_portal_exits_with_the_reason_instead_of_crashing()
    {
        var exit = await PortalProcess.RunUntilExitAsync(new Dictionary<string, string>(), ["--urls", "http://0.0.0.0:0"], Cancel);

        var output = exit.StandardOutput + exit.StandardError;
        Assert.Contains(Refusal, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.Equal(LoopbackGuard.RefusedExitCode, exit.Code);
    }

    [Fact]
    public async Task Local_sign_in_starts_on_all_interfaces_when_configuration_allows_it()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["Auth:AllowNonLoopback"] = "true" });
        host.UseKestrel(options => options.ListenAnyIP(0));

        host.StartServer();

        Assert.NotNull(host.Services);
    }
}
