using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace Portal.Cdk.Shared;

/// <summary>Permissions to pull images from the account's ECR repositories (the Dask image lives in the home region).</summary>
internal static class EcrPull
{
    public static IReadOnlyList<PolicyStatement> Statements(string repositoryRegion) =>
    [
        new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrLogin",
            Actions = ["ecr:GetAuthorizationToken"],
            // GetAuthorizationToken has no resource type: "*" is the only valid resource.
            Resources = ["*"],
        }),
        new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EcrPull",
            Actions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            Resources = [Fn.Sub("arn:${AWS::Partition}:ecr:${Region}:${AWS::AccountId}:repository/*", new Dictionary<string, string> { ["Region"] = repositoryRegion })],
        }),
    ];
}
