using Portal.Domain.Sessions;

namespace Portal.Domain.Regions;

/// <summary>
/// What the Regions page does with worker-region foundations: read their status, create one, delete one. Only admins
/// may; every call checks the actor again, whatever the page already checked.
/// </summary>
public interface IRegionFoundations
{
    /// <summary>How many of a stack's newest events a state carries.</summary>
    const int RecentEventCount = 12;

    /// <summary>How often a page reads a foundation that is being created or deleted.</summary>
    TimeSpan StatusPollInterval { get; }

    /// <summary>
    /// Whether a launch needs the foundation of every region it puts workers in to be Ready (always on AWS; in the sandbox
    /// only when configured, since its session stacks do not use the foundation).
    /// </summary>
    bool RequiredForSessions { get; }

    /// <summary>
    /// The data repository associations of a worker region's file system, as the cloud reports them now; empty for anyone
    /// but an admin, for a region that is not a worker, or when it has no foundation. A failed call throws
    /// <see cref="Cloud.CloudOperationException"/>.
    /// </summary>
    Task<IReadOnlyList<DataRepositoryLink>> ListAssociationsAsync(Actor actor, RegionCode region, CancellationToken cancellationToken);

    /// <summary>The stack a create would make for <paramref name="region"/>, or the reasons none can be made.</summary>
    FoundationPlanResult Plan(Actor actor, RegionCode region);

    /// <summary>The foundation of every worker region, in catalogue order; empty for anyone but an admin.</summary>
    Task<IReadOnlyList<RegionFoundationState>> ListAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>The foundation of one worker region; null for anyone but an admin, or for a region that is not a worker.</summary>
    Task<RegionFoundationState?> GetAsync(Actor actor, RegionCode region, CancellationToken cancellationToken);

    /// <summary>Starts creating the region's foundation. Asking again while it is being created, or once it is ready, changes nothing.</summary>
    Task<FoundationCommandResult> CreateAsync(Actor actor, RegionCode region, CancellationToken cancellationToken);

    /// <summary>Starts deleting the region's foundation; refused while a live session has workers there.</summary>
    Task<FoundationCommandResult> DeleteAsync(Actor actor, RegionCode region, CancellationToken cancellationToken);
}
