namespace Portal.Infra.Persistence;

/// <summary>
/// The data folder holds notebooks, cost tokens and the data-protection keys that seal sign-in cookies: on Unix only
/// the portal's own user may read it (folder 0700, database 0600). SQLite gives its -wal and -shm files the database
/// file's mode, so the database is made before SQLite opens it.
/// </summary>
internal static class DataFolderPermissions
{
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode Files = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Restrict(string dataDirectory, string databaseFile)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(dataDirectory, Folder);
        if (!File.Exists(databaseFile))
        {
            // An empty file is an empty SQLite database.
            using var created = new FileStream(databaseFile, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Files });
        }

        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, Files);
        }
    }
}
