using Portal.Domain.Regions;

namespace Portal.Web.Tests.Support;

/// <summary>The region store for component tests: seeded with the default three, as the portal's start seeds the database.</summary>
internal sealed class InMemoryRegionStore : IRegionStore
{
    private readonly Lock _gate = new();
    private readonly List<Region> _regions = [.. RegionCatalog.Default.All];

    public Task<IReadOnlyList<Region>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Region>>([.. _regions]);
        }
    }

    public Task<bool> AddAsync(Region region, string addedBy, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_regions.Any(r => r.Code == region.Code))
            {
                return Task.FromResult(false);
            }

            _regions.Add(region);
            return Task.FromResult(true);
        }
    }

    public Task<bool> SetEnabledAsync(RegionCode code, bool enabled, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _regions.FindIndex(r => r.Code == code);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _regions[index] = _regions[index] with { Enabled = enabled };
            return Task.FromResult(true);
        }
    }
}
