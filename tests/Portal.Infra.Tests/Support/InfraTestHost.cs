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
using Portal.Infra.Tests.Persistence;

namespace Portal.Infra.Tests.Support;

/// <summary>
/// The portal's infrastructure as <see cref="InfraServiceCollectionExtensions.AddPortalInfra"/> composes it, over a real
/// database (a SQLite file in a fresh folder, or a fresh database on the PostgreSQL test server) and a
/// <see cref="FakeTimeProvider"/>. The host is built but never started (no background loop): tests drive sessions with
/// <see cref="RunOnceAsync"/>. <see cref="RestartAsync"/> builds a second host over the same database and clock, which is
/// what a restarted portal sees; <see cref="StartAnotherInstanceAsync"/> one that runs beside this one.
/// </summary>
public sealed class InfraTestHost : IAsyncDisposable
{
    /// <summary>Where every test clock starts: 2026-05-04 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly PostgreSqlTestDatabase? _database;
    private bool _ownsFolder;
    private bool _ownsDatabase;

    private InfraTestHost(IHost host, Storage storage, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        _host = host;
        DataDirectory = storage.Folder;
        _database = storage.Database;
        _ownsFolder = storage.OwnsFolder;
        _ownsDatabase = storage.OwnsDatabase;
        Clock = clock;
        _settings = settings;
        _configureServices = configureServices;
    }

    public string DataDirectory { get; }

    public TestProvider Provider => _database is null ? TestProvider.Sqlite : TestProvider.PostgreSql;

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public ISessionStore Store => Services.GetRequiredService<ISessionStore>();

    internal SessionService Sessions => Services.GetRequiredService<SessionService>();

    internal SandboxCloud Sandbox => Services.GetRequiredService<SandboxCloud>();

    /// <summary>
    /// Builds a host over a new temporary folder (and, for PostgreSQL, a new database), deleted when the host (or the
    /// host it restarts into) is disposed.
    /// </summary>
    /// <param name="settings">Configuration on top of Storage:DataDirectory, e.g. <c>Sandbox:FailStacksContaining</c>.</param>
    /// <param name="configureServices">Registrations applied after AddPortalInfra, to decorate or replace a service.</param>
    /// <param name="clock">The clock the portal runs on; a new one at <see cref="Start"/> when not given.</param>
    /// <param name="provider">The database; SQLite when not given. PostgreSQL skips or fails the test without a server (see <see cref="PostgreSqlTestServer"/>).</param>
    public static async Task<InfraTestHost> CreateAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        FakeTimeProvider? clock = null,
        TestProvider provider = TestProvider.Sqlite)
    {
        var database = provider == TestProvider.PostgreSql ? await PostgreSqlTestServer.CreateDatabaseAsync(cancellationToken) : null;
        var storage = new Storage(NewFolder(), OwnsFolder: true, database, OwnsDatabase: database is not null);
        try
        {
            return await BuildAsync(storage, clock ?? new FakeTimeProvider(Start), settings ?? new Dictionary<string, string?>(), configureServices, cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops this host and builds a new one over the same database and clock (the portal restarted). The new host owns
    /// the database from then on; settings and service changes carry over unless replaced. With SQLite the database is
    /// in the folder, so the folder carries over too; with PostgreSQL the new host gets an empty folder of its own, as a
    /// container restarted without a durable disk does.
    /// </summary>
    public async Task<InfraTestHost> RestartAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var storage = _database is null
            ? new Storage(DataDirectory, _ownsFolder, null, OwnsDatabase: false)
            : new Storage(NewFolder(), OwnsFolder: true, _database, _ownsDatabase);
        _ownsDatabase = false;
        _ownsFolder &= _database is not null;
        await DisposeAsync();
        return await BuildAsync(storage, Clock, settings ?? _settings, configureServices ?? _configureServices, cancellationToken);
    }

    /// <summary>
    /// Builds a second portal instance beside this one, over the same database and clock (two instances behind the load
    /// balancer). It owns neither the database nor, with SQLite, the folder: dispose it before this host. With PostgreSQL
    /// it has an empty folder of its own. Settings and service changes carry over unless replaced.
    /// </summary>
    public Task<InfraTestHost> StartAnotherInstanceAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var storage = _database is null
            ? new Storage(DataDirectory, OwnsFolder: false, null, OwnsDatabase: false)
            : new Storage(NewFolder(), OwnsFolder: true, _database, OwnsDatabase: false);
        return BuildAsync(storage, Clock, settings ?? _settings, configureServices ?? _configureServices, cancellationToken);
    }

    /// <summary>One pass of the background service over every session that needs work.</summary>
    public Task RunOnceAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<SessionOrchestrationService>().RunOnceAsync(cancellationToken);

    /// <summary>A database context on the portal's database, for looking at what is stored.</summary>
    internal Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        var owned = new Storage(DataDirectory, _ownsFolder, _database, _ownsDatabase);
        _ownsFolder = false;
        _ownsDatabase = false;
        await owned.DeleteAsync();
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<InfraTestHost> BuildAsync(
        Storage storage,
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
        // Simulated compute unless the test's settings ask for real processes.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = storage.Folder, ["Sandbox:Compute"] = "Simulated" });
        if (storage.Database is { } database)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseOptions.PostgreSql,
                ["ConnectionStrings:Portal"] = database.ConnectionString,
            });
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        // AddPortalInfra only adds the system clock when none is registered yet.
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddPortalInfra();
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InfraTestHost(host, storage, clock, settings, configureServices);
    }

    /// <summary>Where a host keeps its state, and which of it the host deletes when disposed.</summary>
    private sealed record Storage(string Folder, bool OwnsFolder, PostgreSqlTestDatabase? Database, bool OwnsDatabase)
    {
        public async Task DeleteAsync()
        {
            if (OwnsDatabase && Database is not null)
            {
                await Database.DropAsync();
            }

            if (OwnsFolder)
            {
                // Pooled connections keep the database file open.
                SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(Folder, recursive: true);
                }
                catch (IOException)
                {
                    // A temp folder left behind is not worth failing a test over.
                }
            }
        }
    }
}
