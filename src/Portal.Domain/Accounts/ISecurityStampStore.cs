namespace Portal.Domain.Accounts;

/// <summary>
/// One security stamp per user, kept durably: every sign-in cookie carries the stamp its user had when it was issued,
/// and a cookie whose stamp is no longer the user's is refused. Signing out changes the stamp, which ends every cookie
/// and every open circuit of that user, in every browser and on every portal instance.
/// </summary>
public interface ISecurityStampStore
{
    /// <summary>The user's stamp, made on first use; what a new sign-in writes into its cookie.</summary>
    Task<string> GetOrCreateAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user's stamp, or null when the user never signed in.</summary>
    Task<string?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Gives the user a new stamp: every sign-in issued before is over.</summary>
    Task RenewAsync(string userId, CancellationToken cancellationToken);
}
