using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>
/// The audit log's store on each provider: entries are appended and read back filtered, newest first, and the
/// database itself refuses to change or remove one (the store has no such method; raw SQL is the only way left).
/// </summary>
public abstract class EfAuditLogTests : IAsyncLifetime
{
    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private IAuditLog Log => Host.Services.GetRequiredService<IAuditLog>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct, provider: Provider);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static AuditEntry Entry(int minute, string actor, string action, string objectId, string detail = "Done.") => new()
    {
        At = InfraTestHost.Start.AddMinutes(minute),
        ActorId = $"local:{actor}",
        ActorName = actor,
        Action = action,
        ObjectType = "session",
        ObjectId = objectId,
        Detail = detail,
        SourceIp = "10.1.2.3",
        UserAgent = "Mozilla/5.0",
    };

    [Fact]
    public async Task Entries_come_back_newest_first_filtered_and_paged()
    {
        await Log.AppendAsync(Entry(1, "Ada", AuditActions.SessionLaunch, "s-aaa"), Ct);
        await Log.AppendAsync(Entry(2, "Bob", AuditActions.SessionLaunch, "s-bbb"), Ct);
        await Log.AppendAsync(Entry(3, "Ada", AuditActions.SessionStop, "s-aaa", "Stopped by Ada."), Ct);
        await Log.AppendAsync(Entry(4, "Ada", AuditActions.SessionLaunch, "s-ccc"), Ct);

        var all = await Log.ListAsync(AuditFilter.None, 0, 2, Ct);
        Assert.Equal(4, all.Total);
        Assert.Equal(["s-ccc", "s-aaa"], all.Entries.Select(e => e.ObjectId));
        var stored = all.Entries[1];
        Assert.Equal((InfraTestHost.Start.AddMinutes(3), "10.1.2.3", "Mozilla/5.0"), (stored.At, stored.SourceIp, stored.UserAgent));
        Assert.True(stored.Id > 0);

        var filtered = await Log.ListAsync(
            new AuditFilter { Actor = "ADA", Action = AuditActions.SessionLaunch, From = InfraTestHost.Start, To = InfraTestHost.Start.AddMinutes(4) }, 0, 10, Ct);
        Assert.Equal(["s-aaa"], filtered.Entries.Select(e => e.ObjectId));

        var byText = await Log.ListAsync(new AuditFilter { Text = "stopped BY" }, 0, 10, Ct);
        Assert.Equal([AuditActions.SessionStop], byText.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_entry()
    {
        await Log.AppendAsync(Entry(1, "Ada", AuditActions.SessionLaunch, "s-aaa"), Ct);
        await using var db = await Host.CreateDbContextAsync(Ct);

        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'forged'", Ct));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        var entry = Assert.Single((await Log.ListAsync(AuditFilter.None, 0, 10, Ct)).Entries);
        Assert.Equal("Done.", entry.Detail);
    }

    [Fact]
    public async Task The_entity_cannot_be_changed_through_ef_either()
    {
        await Log.AppendAsync(Entry(1, "Ada", AuditActions.SessionLaunch, "s-aaa"), Ct);
        await using var db = await Host.CreateDbContextAsync(Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync(Ct));
        var row = await db.AuditEntries.SingleAsync(Ct);
        row.Detail = "forged";
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }
}

public sealed class EfAuditLogOnSqliteTests : EfAuditLogTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfAuditLogOnPostgreSqlTests : EfAuditLogTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;

    [Fact]
    public async Task The_database_refuses_to_truncate_the_table()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, provider: TestProvider.PostgreSql);
        await using var db = await host.CreateDbContextAsync(Ct);

        var truncate = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\"", Ct));

        Assert.Contains("append-only", truncate.Message, StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
