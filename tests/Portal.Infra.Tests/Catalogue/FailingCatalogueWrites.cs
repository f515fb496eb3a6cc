using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infra.Tests.Catalogue;

/// <summary>
/// Breaks an import halfway through its writes: the <see cref="FailAt"/>-th command that inserts catalogue rows fails as
/// the database would (or, with <see cref="Cancel"/> set, the import's token is cancelled there instead), after the
/// earlier commands of the same transaction have written their rows.
/// </summary>
internal sealed class FailingCatalogueWrites : DbCommandInterceptor
{
    private int _inserts;

    public bool Armed { get; set; }

    public int FailAt { get; init; } = 2;

    public CancellationTokenSource? Cancel { get; init; }

    /// <summary>The insert commands seen while armed.</summary>
    public int Inserts => _inserts;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (!Armed || !command.CommandText.Contains("INSERT INTO \"CatalogueDatasets\"", StringComparison.Ordinal))
        {
            return;
        }

        if (Interlocked.Increment(ref _inserts) != FailAt)
        {
            return;
        }

        if (Cancel is { } cancel)
        {
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
        }

        throw new InjectedDbException();
    }

    private sealed class InjectedDbException() : DbException("The test broke the catalogue's write halfway.");
}
