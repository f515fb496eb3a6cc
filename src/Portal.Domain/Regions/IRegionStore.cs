namespace Portal.Domain.Regions;

/// <summary>The portal's regions as stored: seeded from configuration at start, changed by admins on the Regions page.</summary>
public interface IRegionStore
{
    /// <summary>Every stored region, in the order they were added.</summary>
    Task<IReadOnlyList<Region>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a region unless one with its code is stored; false when there was one (it is left as it is).</summary>
    Task<bool> AddAsync(Region region, string addedBy, CancellationToken cancellationToken);

    /// <summary>Enables or disables a stored region; false when there is none with that code.</summary>
    Task<bool> SetEnabledAsync(RegionCode code, bool enabled, CancellationToken cancellationToken);
}
