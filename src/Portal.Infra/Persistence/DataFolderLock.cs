using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Infra.Persistence;

/// <summary>
/// One portal per SQLite data folder. Two portals on one SQLite file would each drive the same sessions (twice the stacks,
/// and stops racing launches), so the first holds <c>portal.lock</c> exclusively while it runs and writes its process id
/// to <c>portal.pid</c>; a second is refused, naming it. The operating system lets go of the lock when the process ends,
/// however it ends, so a crash leaves nothing to clean. PostgreSQL is shared by design and takes no lock.
/// </summary>
/// <remarks>
/// Taken when constructed (the host constructs its hosted services before starting any, so before the database is
/// migrated or a session driven) and let go when the host is disposed. The refusal is an
/// <see cref="OptionsValidationException"/> of <see cref="StorageOptions"/>: like a bad setting, it stops the portal with
/// its message and exit code 78. The pid is in a file of its own because a file locked this way cannot be read by others.
/// </remarks>
internal sealed class DataFolderLock : IHostedService, IDisposable
{
    public const string LockFileName = "portal.lock";
    public const string PidFileName = "portal.pid";

    private readonly FileStream _lock;
    private readonly string _pidFile;

    public DataFolderLock(string dataDirectory)
    {
        var lockFile = Path.Combine(dataDirectory, LockFileName);
        _pidFile = Path.Combine(dataDirectory, PidFileName);
        var exclusive = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            exclusive.UnixCreateMode = DataFolderPermissions.Files;
        }

        try
        {
            _lock = new FileStream(lockFile, exclusive);
        }
        catch (IOException) when (File.Exists(lockFile))
        {
            var owner = ReadOwner(_pidFile) is { } pid ? $"Another portal (process {pid})" : "Another portal";
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(StorageOptions),
                [$"{owner} uses {dataDirectory}; stop it or set {StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}."]);
        }

        File.WriteAllText(_pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        try
        {
            // Still holding the lock, so the pid file goes before anyone else can write one.
            File.Delete(_pidFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder went first (a test's temporary folder): nothing is left to tidy.
        }

        _lock.Dispose();
    }

    private static int? ReadOwner(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The owner has not written it yet, or has just removed it: the refusal does without the number.
            return null;
        }
    }
}
