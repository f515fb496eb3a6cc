using System.Collections.Concurrent;
using Portal.Domain.Accounts;

namespace Portal.Web.Tests.Support;

/// <summary>Security stamps in memory, for tests of the circuit's checks without a database.</summary>
internal sealed class InMemorySecurityStampStore : ISecurityStampStore
{
    private readonly ConcurrentDictionary<string, string> _stamps = new(StringComparer.Ordinal);

    public Task<string> GetOrCreateAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_stamps.GetOrAdd(userId, _ => Guid.NewGuid().ToString("N")));

    /// <summary>While set, every read fails with it, as a database that is locked or gone does.</summary>
    public Exception? Failure { get; set; }

    public Task<string?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Failure is { } failure
            ? Task.FromException<string?>(failure)
            : Task.FromResult(_stamps.TryGetValue(userId, out var stamp) ? stamp : null);

    public Task RenewAsync(string userId, CancellationToken cancellationToken)
    {
        _stamps[userId] = Guid.NewGuid().ToString("N");
        return Task.CompletedTask;
    }
}
