namespace Portal.Domain.Quotas;

/// <summary>The durable home of portal limits: at most one set per scope.</summary>
public interface IPortalLimitStore
{
    Task<IReadOnlyList<PortalLimits>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the limits, or replaces those of the same scope.</summary>
    Task UpsertAsync(PortalLimits limits, CancellationToken cancellationToken);

    /// <summary>Deletes the limits of a scope; false when there were none.</summary>
    Task<bool> DeleteAsync(LimitScope scope, CancellationToken cancellationToken);
}
