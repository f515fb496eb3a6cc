using Portal.Infra.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>Only the portal's user may read its data folder and database: they hold notebooks, cost tokens and cookie keys.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_data_folder_is_0700_and_the_database_files_0600()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        await using var host = await InfraTestHost.CreateAsync(Ct, provider: TestProvider.Sqlite);
        await using (var db = await host.CreateDbContextAsync(Ct))
        {
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(DataFolderPermissions.Folder, File.GetUnixFileMode(host.DataDirectory));
        var files = Directory.GetFiles(host.DataDirectory, "portal.db*");
        Assert.Contains(Path.Combine(host.DataDirectory, "portal.db"), files);
        Assert.All(files, f => Assert.Equal(DataFolderPermissions.Files, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void A_database_left_readable_by_others_is_tightened_at_start()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var folder = Directory.CreateTempSubdirectory("portal-perm-").FullName;
        try
        {
            var database = Path.Combine(folder, "portal.db");
            File.WriteAllBytes(database, []);
            File.SetUnixFileMode(database, DataFolderPermissions.Files | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(folder, DataFolderPermissions.Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            DataFolderPermissions.Restrict(folder, database);

            Assert.Equal(DataFolderPermissions.Files, File.GetUnixFileMode(database));
            Assert.Equal(DataFolderPermissions.Folder, File.GetUnixFileMode(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
