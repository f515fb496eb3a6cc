using Portal.Domain.Sessions;

namespace Portal.Domain.Cloud;

/// <summary>The sandbox's compute: whether sessions run real Dask processes on this machine, and their dashboards.</summary>
public interface ILocalCompute
{
    /// <summary>True when new sessions run a real scheduler, worker groups and Jupyter.</summary>
    bool IsReal { get; }

    /// <summary>What the sandbox runs, or what to install for real compute (a sentence for the session page).</summary>
    string Summary { get; }

    /// <summary>The Dask dashboard of a session running real compute, once its scheduler listens; otherwise null.</summary>
    Uri? DashboardFor(SessionId id);
}
