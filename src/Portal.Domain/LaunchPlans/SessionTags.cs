using Portal.Domain.Sessions;

namespace Portal.Domain.LaunchPlans;

/// <summary>
/// Tags every cloud resource of a session carries. The IAM policy (deploy/iam/portal-policy.json and the CDK task
/// role) only lets the portal create and touch notebook instances tagged <see cref="ManagedKey"/>=true, and the reaper
/// reads <see cref="SessionIdKey"/> to find the session a resource belongs to.
/// </summary>
public static class SessionTags
{
    public const string ManagedKey = "portal-managed";
    public const string SessionIdKey = "portal-session-id";
    public const string OwnerKey = "portal-owner";

    public static IReadOnlyDictionary<string, string> For(SessionId id, string ownerName) => new Dictionary<string, string>
    {
        [ManagedKey] = "true",
        [SessionIdKey] = id.Value,
        [OwnerKey] = ownerName,
    };
}
