using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Portal.Web.Auth;

/// <summary>
/// Local sign-in lets anyone pick any user and role, so it refuses to run unless every address the server
/// listens on is loopback, or configuration explicitly allows it (Auth:AllowNonLoopback).
/// </summary>
internal sealed class LoopbackGuard(IServer server, IOptions<AuthOptions> options) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (!auth.IsLocal || auth.AllowNonLoopback)
        {
            return Task.CompletedTask;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Local sign-in (Auth:Mode=Local) must listen on loopback only, but the portal listens on {string.Join(", ", exposed)}. " +
                "Listen on localhost/127.0.0.1, use Auth:Mode=Entra, or set Auth:AllowNonLoopback=true if you accept that anyone who reaches it can sign in as anyone.");
        }

        return Task.CompletedTask;
    }

    internal static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
