namespace Portal.Domain.Cloud;

/// <summary>Which cloud account and identity the portal acts as, for the admin pages.</summary>
public interface ICloudAccount
{
    Task<CloudIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}

/// <summary>The account and principal the portal's calls run as.</summary>
/// <param name="Account">The 12-digit account id.</param>
/// <param name="Arn">The principal's ARN (a role session, a user).</param>
/// <param name="UserId">The principal's unique id.</param>
public sealed record CloudIdentity(string Account, string Arn, string UserId);
