using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class LoopbackGuardTests
{
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

        var error = Assert.ThrowsAny<Exception>(host.StartServer);

        Assert.Contains("Local sign-in (Auth:Mode=Local) must listen on loopback only", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_sign_in_starts_on_all_interfaces_when_configuration_allows_it()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["Auth:AllowNonLoopback"] = "true" });
        host.UseKestrel(options => options.ListenAnyIP(0));

        host.StartServer();

        Assert.NotNull(host.Services);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
