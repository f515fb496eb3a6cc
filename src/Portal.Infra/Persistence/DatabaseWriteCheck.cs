using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain;

namespace Portal.Infra.Persistence;

/// <summary>
/// Readiness means the portal can save: a launch, a stop, a step's progress. A database that answers reads but refuses
/// writes (locked by another process, a full disk, a read-only standby) made <c>/healthz</c> say Healthy while every
/// launch failed. This check writes the one row of <c>WriteProbes</c> in a short transaction of its own and is Unhealthy,
/// saying why, when that does not succeed within <see cref="WriteTimeout"/>.
/// </summary>
internal sealed class DatabaseWriteCheck(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : IHealthCheck
{
    public const string Name = "database-writes";

    /// <summary>How long the write may wait for a lock (SQLite's busy wait, PostgreSQL's command timeout).</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the whole check may take, connecting included.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CheckTimeout);
        await using var db = await factory.CreateDbContextAsync(deadline.Token);
        db.Database.SetCommandTimeout(WriteTimeout);
        try
        {
            await WriteAsync(db, deadline.Token);
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"writes fail: no answer within {CheckTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"writes fail: {Describe(db, ex)}", ex);
        }
    }

    private async Task WriteAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var written = await db.WriteProbes
            .Where(p => p.Id == WriteProbeRecord.TheRow)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.WrittenAt, now), cancellationToken);
        if (written == 0)
        {
            // The row the migration made is gone: make it again.
            db.WriteProbes.Add(new WriteProbeRecord { Id = WriteProbeRecord.TheRow, WrittenAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
            {
                // Another instance made it between the update and the insert: the database took a write all the same.
            }
        }
    }

    /// <summary>
    /// The provider's reason for the database's own exception (or the store's refusal), looked for through EF's wrappers
    /// (a failed save, and a transient failure the execution strategy reports as an <see cref="InvalidOperationException"/>).
    /// </summary>
    private static string Describe(PortalDbContext db, Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException or StoreUnavailableException)
            {
                return db.DescribeWriteFailure(cause);
            }
        }

        return db.DescribeWriteFailure(exception);
    }
}
