using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Tags every cloud resource of a session carries; the IAM policy keys on <see cref="SessionIdKey"/>.</summary>
internal static class SessionTags
{
    public const string SessionIdKey = "portal:session-id";
    public const string OwnerKey = "portal:owner";
    public const string ManagedByKey = "portal:managed-by";

    public static IReadOnlyDictionary<string, string> For(Session session) => new Dictionary<string, string>
    {
        [SessionIdKey] = session.Id.Value,
        [OwnerKey] = session.Owner,
        [ManagedByKey] = "portal",
    };
}
