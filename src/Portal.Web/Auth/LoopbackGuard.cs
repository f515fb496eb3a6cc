using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Portal.Web.Auth;

/// <summary>
/// Local sign-in lets anyone pick any user and role, so it refuses to run unless every address the server
/// listens on is loopback, or configuration explicitly allows it (Auth:AllowNonLoopback).
/// </summary>
internal sealed partial class LoopbackGuard(
    IServer server,
    IOptions<AuthOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<LoopbackGuard> logger) : IHostedLifecycleService
{
    /// <summary>The process's exit code after a refusal: EX_CONFIG of sysexits.h, "configuration error".</summary>
    public const int RefusedExitCode = 78;

    /// <summary>Runs once the server listens: only then are the addresses known, whether from URLs, Kestrel configuration or code.</summary>
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
            // An exception here would escape app.Run() and abort the process (exit code 134, a crash dump): stop the
            // host instead, so that Program.cs returns with the exit code and the log says why.
            LogRefused(exposed);
            Environment.ExitCode = RefusedExitCode;
            lifetime.StopApplication();
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

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Local sign-in (Auth:Mode=Local) must listen on loopback only, but the portal listens on {Addresses}. " +
        "Listen on localhost/127.0.0.1, use Auth:Mode=Entra, or set Auth:AllowNonLoopback=true if you accept that anyone who reaches it can sign in as anyone. The portal stops.")]
    private partial void LogRefused(IReadOnlyList<string> addresses);
}
