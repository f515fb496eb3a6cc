using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Infra.Persistence;

namespace Portal.Infra.Tests.Persistence;

/// <summary>One portal per SQLite data folder; PostgreSQL instances share the database and take no lock.</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-infra-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_second_portal_over_the_same_sqlite_folder_is_refused_naming_the_first()
    {
        using var first = Build();
        _ = HostedServices(first);
        using var second = Build();

        var error = Assert.Throws<OptionsValidationException>(() => HostedServices(second));

        Assert.Equal(typeof(StorageOptions), error.OptionsType);
        Assert.Equal($"Another portal (process {Environment.ProcessId}) uses {_folder}; stop it or set Storage:DataDirectory.", error.Message);
    }

    [Fact]
    public void The_portal_that_holds_the_folder_writes_its_process_id_and_removes_it_when_it_stops()
    {
        var pidFile = Path.Combine(_folder, DataFolderLock.PidFileName);
        using (var portal = Build())
        {
            _ = HostedServices(portal);

            Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllText(pidFile));
        }

        Assert.False(File.Exists(pidFile));
        using var next = Build();
        Assert.Single(HostedServices(next).OfType<DataFolderLock>());
    }

    [Fact]
    public void PostgreSql_instances_share_a_data_folder_without_a_lock()
    {
        var postgreSql = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Portal"] = "Host=db.internal;Database=portal;Username=portal" };
        using var first = Build(postgreSql);
        using var second = Build(postgreSql);

        Assert.Empty(HostedServices(first).OfType<DataFolderLock>());
        Assert.Empty(HostedServices(second).OfType<DataFolderLock>());
        Assert.False(File.Exists(Path.Combine(_folder, DataFolderLock.LockFileName)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>What the host constructs before it starts anything: that is when the folder is taken.</summary>
    private static List<IHostedService> HostedServices(IHost host) => [.. host.Services.GetServices<IHostedService>()];

    private IHost Build(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder, ["Sandbox:Compute"] = "Simulated" });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddPortalInfra();
        return builder.Build();
    }
}
