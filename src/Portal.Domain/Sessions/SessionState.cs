namespace Portal.Domain.Sessions;

/// <summary>Where a session is in its life: <c>Requested → Provisioning → Ready → Stopping → Stopped</c>, or <c>Failed</c>.</summary>
public enum SessionState
{
    Requested,
    Provisioning,
    Ready,
    Stopping,
    Stopped,
    Failed,
}
