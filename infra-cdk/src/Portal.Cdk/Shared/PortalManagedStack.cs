using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Portal.Cdk.Naming;

namespace Portal.Cdk.Shared;

/// <summary>
/// What every template the portal deploys carries, because the stack execution role's policy relies on it: the tag
/// <c>portal-managed=true</c> on every taggable resource (EC2 creates and changes are allowed on tagged resources only,
/// KMS keys only with the tag in the request) and the permissions boundary on every role it creates.
/// </summary>
internal static class PortalManagedStack
{
    public static void Apply(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        Tags.Of(stack).Add(PortalNames.ManagedTagKey, PortalNames.ManagedTagValue);
        Amazon.CDK.AWS.IAM.PermissionsBoundary.Of(stack).Apply(ManagedPolicy.FromManagedPolicyName(stack, "StackRoleBoundary", PortalNames.StackRoleBoundary));
    }
}
