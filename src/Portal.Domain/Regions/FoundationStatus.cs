namespace Portal.Domain.Regions;

/// <summary>Where a worker region's foundation (its RegionFoundation stack) is.</summary>
public enum FoundationStatus
{
    /// <summary>No foundation: never created, or deleted.</summary>
    None,

    /// <summary>CloudFormation is creating it (FSx alone takes about 10 minutes).</summary>
    Creating,

    /// <summary>It exists: sessions can run workers in the region.</summary>
    Ready,

    /// <summary>Creating or deleting it failed; it must be deleted (again) before it can be created.</summary>
    Failed,

    /// <summary>CloudFormation is deleting it.</summary>
    Deleting,

    /// <summary>The portal could not ask, or the cloud answered a status the portal does not know.</summary>
    Unknown,
}
