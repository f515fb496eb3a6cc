using Portal.Domain.Sessions;

namespace Portal.Domain.Cloud;

/// <summary>
/// The sandbox's real notebooks: a presigned link to a session's local Jupyter server is redeemed here, once, by the
/// session's owner, for the server's own address. Only registered when the sandbox runs real compute.
/// </summary>
public interface ILocalNotebookGate
{
    /// <summary>Jupyter's address for the notebook; null when the link is wrong, expired, used, or not <paramref name="actor"/>'s.</summary>
    Task<Uri?> RedeemAsync(Actor actor, string instanceName, string? authToken, CancellationToken cancellationToken);
}
