using Portal.Domain.Sessions;

namespace Portal.Domain.Cloud;

/// <summary>
/// The sandbox's simulated compute: a session marked busy reports Dask activity the way a real scheduler does (through
/// the session's token), so idle stop and Extend can be tried without a cluster. Only the sandbox registers it.
/// </summary>
public interface ISandboxCompute
{
    bool IsBusy(SessionId id);

    void SetBusy(SessionId id, bool busy);
}
