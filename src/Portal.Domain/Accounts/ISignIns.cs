using Portal.Domain.Sessions;

namespace Portal.Domain.Accounts;

/// <summary>
/// What a user's identity provider said about them at their latest sign-in (or Entra API call): name, admin role and
/// groups. Personal API tokens act with this, never with more than they were created with, so a role taken away in
/// the directory stops working through a token at the owner's next sign-in.
/// </summary>
public sealed record SignInRecord(string UserId, string Name, bool IsAdmin, IReadOnlyList<string> Groups, DateTimeOffset At);

/// <summary>The latest sign-in of each user, kept durably.</summary>
public interface ISignIns
{
    /// <summary>Keeps what this sign-in says about the actor, replacing what an earlier one said.</summary>
    Task RecordAsync(Actor actor, CancellationToken cancellationToken);

    /// <summary>The user's latest sign-in, or null when none was recorded.</summary>
    Task<SignInRecord?> FindAsync(string userId, CancellationToken cancellationToken);
}
