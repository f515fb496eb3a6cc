using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>deploy/iam/portal-policy.json (for operators who run the portal outside PortalStack) names roles CDK creates.</summary>
public sealed class IamPolicyDocumentTests(SynthesizedApp app)
{
    [Fact]
    public void The_roles_the_policy_lets_the_portal_pass_are_the_roles_the_stacks_create()
    {
        var policy = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "iam", "portal-policy.json")))!;
        var passable = policy["Statement"]!.AsArray()
            .Where(s => s!["Action"] is JsonArray actions ? actions.Any(a => a!.GetValue<string>() == "iam:PassRole") : s!["Action"]!.GetValue<string>() == "iam:PassRole")
            .SelectMany(s => s!["Resource"]!.AsArray().Select(r => r!.GetValue<string>().Split('/')[^1]))
            .Order()
            .ToList();

        var created = new[] { "PortalStack", "HomeFoundation" }
            .SelectMany(stack => app[stack].ResourcesOfType("AWS::IAM::Role"))
            .Select(r => r.Value["Properties"]!["RoleName"]?.ToString() ?? string.Empty)
            .Where(name => name.Length > 0)
            .Order()
            .ToList();

        Assert.Equal(["portal-cloudformation-execution", "portal-notebook"], passable);
        Assert.Equal(passable, created);
    }
}
