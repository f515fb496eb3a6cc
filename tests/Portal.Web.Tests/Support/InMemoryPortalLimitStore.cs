using System.Collections.Concurrent;
using Portal.Domain.Quotas;

namespace Portal.Web.Tests.Support;

/// <summary>Portal limits in memory, one set per scope, for page tests.</summary>
internal sealed class InMemoryPortalLimitStore : IPortalLimitStore
{
    private readonly ConcurrentDictionary<string, PortalLimits> _limits = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<PortalLimits>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PortalLimits>>([.. _limits.Values.OrderBy(l => l.Scope.ToString(), StringComparer.Ordinal)]);

    public Task UpsertAsync(PortalLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits[limits.Scope.ToString()] = limits;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(LimitScope scope, CancellationToken cancellationToken) => Task.FromResult(_limits.TryRemove(scope.ToString(), out _));
}
