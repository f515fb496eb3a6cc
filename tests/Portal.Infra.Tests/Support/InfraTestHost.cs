using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Sessions;
using Portal.Infra.Orchestration;
using Portal.Infra.Persistence;
using Portal.Infra.Sandbox;
using Portal.Infra.Sessions;

namespace Portal.Infra.Tests.Support;

/// <summary>
/// The portal's infrastructure as <see cref="InfraServiceCollectionExtensions.AddPortalInfra"/> composes it, over a real
/// SQLite file in a fresh folder and a <see cref="FakeTimeProvider"/>. The host is built but never started (no background
/// loop): tests drive sessions with <see cref="RunOnceAsync"/>. <see cref="RestartAsync"/> builds a second host over the
/// same folder and clock, which is what a restarted portal sees.
/// </summary>
public sealed class InfraTestHost : IAsyncDisposable
{
    /// <summary>Where every test clock starts: 2026-05-04 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private bool _ownsFolder = true;

    private InfraTestHost(IHost host, string dataDirectory, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        _host = host;
        DataDirectory = dataDirectory;
        Clock = clock;
        _settings = settings;
        _configureServices = configureServices;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public ISessionStore Store => Services.GetRequiredService<ISessionStore>();

    public SessionService Sessions => Services.GetRequiredService<SessionService>();

    internal SandboxCloud Sandbox => Services.GetRequiredService<SandboxCloud>();

    /// <summary>Builds a host over a new temporary folder, deleted when the host (or the host it restarts into) is disposed.</summary>
    /// <param name="settings">Configuration on top of Storage:DataDirectory, e.g. <c>Sandbox:FailStacksContaining</c>.</param>
    /// <param name="configureServices">Registrations applied after AddPortalInfra, to decorate or replace a service.</param>
    /// <param name="clock">The clock the portal runs on; a new one at <see cref="Start"/> when not given.</param>
    public static Task<InfraTestHost> CreateAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        FakeTimeProvider? clock = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return BuildAsync(folder, clock ?? new FakeTimeProvider(Start), settings ?? new Dictionary<string, string?>(), configureServices, cancellationToken);
    }

    /// <summary>
    /// Stops this host and builds a new one over the same folder and clock (the portal restarted). The new host owns the
    /// folder from then on; settings and service changes carry over unless replaced.
    /// </summary>
    public async Task<InfraTestHost> RestartAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        _ownsFolder = false;
        await DisposeAsync();
        return await BuildAsync(DataDirectory, Clock, settings ?? _settings, configureServices ?? _configureServices, cancellationToken);
    }

    /// <summary>One pass of the background service over every session that needs work.</summary>
    public Task RunOnceAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<SessionOrchestrationService>().RunOnceAsync(cancellationToken);

    /// <summary>A database context on the portal's database, for looking at what is stored.</summary>
    internal Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_ownsFolder)
        {
            _ownsFolder = false;

            // Pooled connections keep the database file open.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing a test over.
            }
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<InfraTestHost> BuildAsync(
        string folder,
        FakeTimeProvider clock,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings or environment variables: the test says everything the host knows.
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        // AddPortalInfra only adds the system clock when none is registered yet.
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddPortalInfra();
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return new InfraTestHost(host, folder, clock, settings, configureServices);
    }
}
