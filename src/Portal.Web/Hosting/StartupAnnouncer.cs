using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain;
using Portal.Web.Auth;

namespace Portal.Web.Hosting;

/// <summary>Once the server listens: remembers the portal's own address and says where to open it.</summary>
internal sealed partial class StartupAnnouncer(
    IServer server,
    IPortalAddress urls,
    CloudInfo cloud,
    IEnumerable<ILocalCompute> compute,
    IOptions<AuthOptions> auth,
    IHostApplicationLifetime lifetime,
    ILogger<StartupAnnouncer> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault();
        if (first is not null)
        {
            urls.ServerListening(new Uri(first));
        }

        // Not when a guard has just refused to run (the loopback guard stops the host from its own StartedAsync).
        if (first is not null && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogRunning(first, cloud.Provider, auth.Value.Mode);
            foreach (var sandbox in compute)
            {
                // Real Dask and Jupyter, or what to install for them.
                LogCompute(sandbox.Summary);
            }
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal is running at {Url} (cloud: {Provider}, sign-in: {AuthMode}). Open it in a browser.")]
    private partial void LogRunning(string url, string provider, string authMode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ComputeSummary}")]
    private partial void LogCompute(string computeSummary);
}
