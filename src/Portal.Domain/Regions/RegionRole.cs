namespace Portal.Domain.Regions;

/// <summary>What a region does for the portal.</summary>
public enum RegionRole
{
    /// <summary>Runs the portal, the notebooks and every session's scheduler.</summary>
    Home,

    /// <summary>Holds data and runs worker pools next to it.</summary>
    Worker,
}
