using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// Tags every cloud resource of a session carries. The IAM policy (deploy/iam/portal-policy.json and the CDK task
/// role) only lets the portal create and touch notebook instances tagged <see cref="ManagedKey"/>=true.
/// </summary>
internal static class SessionTags
{
    public const string ManagedKey = "portal-managed";
    public const string SessionIdKey = "portal-session-id";
    public const string OwnerKey = "portal-owner";

    public static IReadOnlyDictionary<string, string> For(Session session) => new Dictionary<string, string>
    {
        [ManagedKey] = "true",
        [SessionIdKey] = session.Id.Value,
        [OwnerKey] = session.OwnerName,
    };
}
