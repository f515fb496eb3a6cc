namespace Portal.Domain.Regions;

/// <summary>
/// Where the portal's regions are read, per call: admins add worker regions and enable or disable them while the portal
/// runs, so a use case reads <see cref="Current"/> once at its start and works with that snapshot to its end. A
/// <see cref="RegionCatalog"/> is itself a directory that never changes (tests, tools).
/// </summary>
public interface IRegionDirectory
{
    /// <summary>The regions as they are now: an immutable snapshot, replaced whole on every change.</summary>
    RegionCatalog Current { get; }
}
