using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infra.Tests.Persistence;

/// <summary>
/// Once armed, holds every reader of <paramref name="table"/> as it finishes reading until <paramref name="parties"/> of
/// them have read: so two portal instances both see what was stored before either writes, the moment a check-then-insert
/// races. Readers after those pass straight through. Registered as an <see cref="IInterceptor"/> service, which the
/// portal adds to every database context.
/// </summary>
internal sealed class ReadRendezvous(string table, int parties) : DbCommandInterceptor
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;
    private volatile bool _armed;

    /// <summary>Whether <c>parties</c> readers met here.</summary>
    public bool Met => _allRead.Task.IsCompletedSuccessfully;

    public void Arm() => _armed = true;

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_armed && command.CommandText.Contains($"FROM \"{table}\"", StringComparison.Ordinal))
        {
            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived == parties)
            {
                _allRead.SetResult();
            }

            if (arrived <= parties)
            {
                await _allRead.Task.WaitAsync(Patience);
            }
        }

        return result;
    }
}
