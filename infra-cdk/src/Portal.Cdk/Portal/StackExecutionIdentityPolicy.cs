using Amazon.CDK.AWS.IAM;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Portal;

/// <summary>
/// The IAM part of the stack execution role's policy. It creates and changes roles named <c>portal-*</c> only when
/// they carry <see cref="PortalNames.StackRoleBoundary"/> (the <c>iam:PermissionsBoundary</c> condition on every action
/// that supports it), can never remove that boundary, and may touch neither itself nor the notebook role.
/// </summary>
internal static class StackExecutionIdentityPolicy
{
    /// <summary>The role actions that take <c>iam:PermissionsBoundary</c> (Service Authorization Reference, IAM).</summary>
    public static readonly string[] BoundedRoleActions =
    [
        "iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
        "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
    ];

    /// <summary>Services the roles of the templates are handed to (ECS tasks, Lambda handlers, worker instances, flow logs).</summary>
    public static readonly string[] PassedToServices =
        ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com", "vpc-flow-logs.amazonaws.com"];

    public static IEnumerable<PolicyStatement> Statements()
    {
        var boundary = AccountArns.Global("iam", "policy/" + PortalNames.StackRoleBoundary);
        var stackRoles = AccountArns.Role(PortalNames.PortalStackPrefix + "*");
        yield return Statement("StackRolesUnderBoundary", BoundedRoleActions, [stackRoles], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["iam:PermissionsBoundary"] = boundary },
        });
        // No boundary condition exists for these: reading and tagging change no permission.
        yield return Statement("ReadAndTagStackRoles", [
            "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:TagRole", "iam:UntagRole",
        ], [stackRoles]);
        yield return Statement("StackInstanceProfiles", [
            "iam:CreateInstanceProfile", "iam:DeleteInstanceProfile", "iam:GetInstanceProfile", "iam:AddRoleToInstanceProfile",
            "iam:RemoveRoleFromInstanceProfile",
        ], [AccountArns.Global("iam", "instance-profile/" + PortalNames.PortalStackPrefix + "*")]);
        // IfExists: AddRoleToInstanceProfile checks PassRole without naming a service.
        yield return Statement("PassStackRoles", ["iam:PassRole"], [stackRoles], new()
        {
            ["StringEqualsIfExists"] = new Dictionary<string, object> { ["iam:PassedToService"] = PassedToServices },
        });
        // Session stacks hand HomeFoundation's scheduler roles to ECS; that stack is the operator's, so not named portal-*.
        yield return Statement("PassHomeFoundationRoles", ["iam:PassRole"], [AccountArns.Role(PortalNames.HomeFoundationStackName + "-*")], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ecs-tasks.amazonaws.com" },
        });
        // role/portal-* also matches the two fixed roles PortalStack creates: never these, whatever else allows it.
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "NeverTheFixedRoles",
            Effect = Effect.DENY,
            Actions = [.. BoundedRoleActions, "iam:DeleteRolePermissionsBoundary", "iam:TagRole", "iam:UntagRole", "iam:PassRole"],
            Resources = [AccountArns.Role(PortalNames.StackExecutionRoleName), AccountArns.Role(PortalNames.NotebookRoleName)],
        });
        yield return new PolicyStatement(new PolicyStatementProps
        {
            Sid = "NeverDropTheBoundary",
            Effect = Effect.DENY,
            Actions = ["iam:DeleteRolePermissionsBoundary"],
            Resources = [stackRoles],
        });
    }

    private static PolicyStatement Statement(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources, Conditions = conditions });
}
