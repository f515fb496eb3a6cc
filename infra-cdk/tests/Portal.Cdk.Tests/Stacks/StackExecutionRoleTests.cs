using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

/// <summary>The role CloudFormation assumes for the stacks the portal creates (RegionFoundation and the session stacks).</summary>
public sealed class StackExecutionRoleTests(SynthesizedApp app)
{
    private static readonly Dictionary<string, string> Imports = new() { ["portal-home-artifacts-bucket"] = "artifacts-bucket" };

    private CfnTemplate Json => app["PortalStack"];

    [Fact]
    public void It_may_create_and_set_up_the_service_linked_role_fsx_uses_to_read_linked_buckets()
    {
        // The FSx for Lustre guide (linking a file system to S3): CreateDataRepositoryAssociation has FSx create the
        // role AWSServiceRoleForFSxS3Access_<fs id> and put its bucket policy on it, with the caller's permissions.
        var statement = Statement("LinkDatasetBuckets");

        Assert.Equal(["iam:AttachRolePolicy", "iam:CreateServiceLinkedRole", "iam:PutRolePolicy"], Actions(statement).Order());
        Assert.Equal(
            ["arn:aws:iam::123456789012:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*"],
            Resources(statement));
    }

    private IEnumerable<JsonNode> Statements() =>
        Json.ResourcesOfType("AWS::IAM::Policy")
            .Where(p => p.Key.StartsWith("StackExecutionRoleDefaultPolicy", StringComparison.Ordinal))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList());

    private JsonNode Statement(string sid) => Assert.Single(Statements(), s => s["Sid"].AsText() == sid);

    private static IEnumerable<string> Actions(JsonNode statement) => statement["Action"].AsList().Select(a => a.AsText()!);

    private static List<string> Resources(JsonNode statement)
    {
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode>(), Imports);
        return [.. statement["Resource"].AsList().Select(intrinsics.Text)];
    }
}
