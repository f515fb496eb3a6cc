namespace Portal.Domain.Sessions;

/// <summary>
/// Where a session is in its life: <c>Requested → Provisioning → Ready → Stopping → Stopped</c>, or <c>Failed</c> (then
/// Retry goes back to Provisioning), or <c>NeedsAttention</c> when a clean-up did not succeed within its bound and an
/// operator must act.
/// </summary>
public enum SessionState
{
    Requested,
    Provisioning,
    Ready,
    Stopping,
    Stopped,
    Failed,
    NeedsAttention,
}
