using Portal.Domain.Sessions;

namespace Portal.Domain.Accounts;

/// <summary>
/// Personal API tokens: users create, list and revoke their own; admins list and revoke anyone's. Creating and
/// revoking are audited (<c>token.create</c>, <c>token.revoke</c>). Every call checks the actor again.
/// </summary>
public interface IApiTokens
{
    /// <summary>A new token for <paramref name="actor"/>, valid for <paramref name="days"/> days (1 to <see cref="ApiToken.MaxLifetimeDays"/>).</summary>
    Task<ApiTokenCreateResult> CreateAsync(Actor actor, string name, ApiTokenScope scope, int days, CancellationToken cancellationToken);

    /// <summary>The actor's tokens, or everyone's for an admin asking for them; newest first.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken);

    /// <summary>Revokes a token of the actor's (or anyone's, for an admin); false when there is no such token for them.</summary>
    Task<bool> RevokeAsync(Actor actor, string tokenId, CancellationToken cancellationToken);

    /// <summary>The token a presented secret belongs to, when it is active; else why it opens nothing.</summary>
    Task<ApiTokenCheck> CheckAsync(string secret, CancellationToken cancellationToken);
}
