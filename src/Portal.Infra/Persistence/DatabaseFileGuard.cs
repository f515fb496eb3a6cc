using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Domain;

namespace Portal.Infra.Persistence;

/// <summary>
/// The SQLite file deleted (or moved away) while the portal runs: connections already open keep reading the deleted file,
/// a new one would make an empty database in its place, and a session saved either way is lost at the next start. So once
/// the file has been opened, every connection checks it is still there before it opens and fails with
/// <see cref="StoreUnavailableException"/> when it is not: pages and Launch say so, and <c>/healthz</c> is Unhealthy. Put
/// back where it was, the file is used again.
/// </summary>
internal sealed partial class DatabaseFileGuard(string databaseFile, ILogger<DatabaseFileGuard> logger) : DbConnectionInterceptor
{
    public const string GoneMessage =
        "The portal's database file was deleted or moved while the portal ran, so nothing can be saved until the portal is restarted.";

    private int _opened;
    private int _reported;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        EnsureFileIsThere();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        EnsureFileIsThere();
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Opened();
        return Task.CompletedTask;
    }

    /// <summary>From the first connection on, the file exists (SQLite makes a missing one when it first opens it).</summary>
    private void Opened()
    {
        if (File.Exists(databaseFile))
        {
            Volatile.Write(ref _opened, 1);
            Volatile.Write(ref _reported, 0);
        }
    }

    private void EnsureFileIsThere()
    {
        if (Volatile.Read(ref _opened) == 0 || File.Exists(databaseFile))
        {
            return;
        }

        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            LogGone(databaseFile);
        }

        throw new StoreUnavailableException(GoneMessage);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The database file {DatabaseFile} was deleted or moved while the portal ran: nothing is saved until it is back where it was or the portal is restarted (with a new, empty database).")]
    private partial void LogGone(string databaseFile);
}
