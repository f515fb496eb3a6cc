using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Infra.Tests.Aws.Adapters;

/// <summary>The operator's policy (deploy/iam/portal-policy.json) is least privilege and covers every call the portal makes.</summary>
public sealed class IamPolicyTests
{
    private static readonly Lazy<JsonObject> Policy = new(() => JsonNode.Parse(File.ReadAllText(PolicyPath()))!.AsObject());

    /// <summary>Every action the AWS provider calls (its clients, adapters and the SDK's STS client).</summary>
    public static TheoryData<string> ActionsTheProviderCalls =>
    [
        "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack", "cloudformation:DescribeStacks",
        "cloudformation:DescribeStackEvents", "cloudformation:ListStacks",
        "sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:DeleteNotebookInstanceLifecycleConfig", "sagemaker:DescribeNotebookInstanceLifecycleConfig", "sagemaker:CreateNotebookInstance",
        "sagemaker:DescribeNotebookInstance", "sagemaker:StartNotebookInstance", "sagemaker:StopNotebookInstance", "sagemaker:DeleteNotebookInstance",
        "sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:AddTags",
        "fsx:DescribeFileSystems", "fsx:DescribeDataRepositoryAssociations", "fsx:CreateDataRepositoryAssociation",
        "pricing:GetProducts", "pricing:DescribeServices", "servicequotas:GetServiceQuota", "servicequotas:ListServiceQuotas",
        "sts:GetCallerIdentity", "s3:GetObject", "iam:PassRole",
    ];

    [Fact]
    public void It_is_an_allow_only_policy_in_the_current_language_version()
    {
        Assert.Equal("2012-10-17", (string)Policy.Value["Version"]!);
        Assert.All(Statements(), s =>
        {
            Assert.Equal("Allow", (string)s["Effect"]!);
            Assert.Null(s["NotAction"]);
            Assert.Null(s["NotResource"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)s["Sid"]));
        });
        Assert.Equal(Statements().Count, Statements().Select(s => (string)s["Sid"]!).Distinct().Count());
    }

    [Fact]
    public void No_action_is_a_wildcard()
    {
        Assert.All(Statements().SelectMany(Actions), action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
    }

    [Fact]
    public void A_star_resource_is_used_only_where_the_api_allows_nothing_narrower_and_says_so()
    {
        var starStatements = Statements().Where(s => Resources(s).Contains("*")).ToList();

        Assert.All(starStatements, s =>
        {
            Assert.Equal(["*"], Resources(s));
            Assert.Contains("HasNoResourceLevelPermissions", (string)s["Sid"]!, StringComparison.Ordinal);
            Assert.All(Actions(s), a => Assert.Contains(a, new[]
            {
                "cloudformation:ListStacks", "fsx:DescribeFileSystems", "fsx:DescribeDataRepositoryAssociations",
                "pricing:GetProducts", "pricing:DescribeServices", "servicequotas:ListServiceQuotas", "sts:GetCallerIdentity",
            }));
        });
    }

    [Fact]
    public void CloudFormation_is_limited_to_stacks_named_portal()
    {
        var cloudFormation = Statements().Where(s => Actions(s).Any(a => a.StartsWith("cloudformation:", StringComparison.Ordinal) && a != "cloudformation:ListStacks"));

        Assert.All(cloudFormation, s => Assert.All(Resources(s), r => Assert.Matches("^arn:aws:cloudformation:\\*:ACCOUNT_ID:stack/portal-\\*/\\*$", r)));
    }

    [Fact]
    public void Roles_can_be_passed_only_to_cloudformation_and_sagemaker_and_only_the_two_portal_roles()
    {
        var passRole = Assert.Single(Statements(), s => Actions(s).Contains("iam:PassRole"));

        Assert.Equal(["iam:PassRole"], Actions(passRole));
        Assert.Equal(
            ["arn:aws:iam::ACCOUNT_ID:role/portal-cloudformation-execution", "arn:aws:iam::ACCOUNT_ID:role/portal-notebook"],
            Resources(passRole));
        var services = passRole["Condition"]!["StringEquals"]!["iam:PassedToService"]!.AsArray().Select(n => (string)n!);
        Assert.Equal(["cloudformation.amazonaws.com", "sagemaker.amazonaws.com"], services);
    }

    [Fact]
    public void Notebook_instances_are_created_and_operated_only_when_tagged_for_the_portal()
    {
        var create = Assert.Single(Statements(), s => Actions(s).Contains("sagemaker:CreateNotebookInstance"));
        var operate = Assert.Single(Statements(), s => Actions(s).Contains("sagemaker:DeleteNotebookInstance"));

        Assert.Equal("true", (string)create["Condition"]!["StringEquals"]!["aws:RequestTag/portal-managed"]!);
        Assert.Equal("true", (string)operate["Condition"]!["StringEquals"]!["aws:ResourceTag/portal-managed"]!);
        Assert.All(
            Statements().Where(s => Actions(s).Any(a => a.StartsWith("sagemaker:", StringComparison.Ordinal))),
            s => Assert.All(Resources(s), r => Assert.EndsWith("/portal-*", r, StringComparison.Ordinal)));
        Assert.Contains(Portal.Infra.Aws.AwsNaming.ManagedTagKey, "aws:RequestTag/portal-managed", StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_are_read_only_from_the_templates_bucket()
    {
        var s3 = Assert.Single(Statements(), s => Actions(s).Any(a => a.StartsWith("s3:", StringComparison.Ordinal)));

        Assert.Equal(["s3:GetObject"], Actions(s3));
        Assert.Equal(["arn:aws:s3:::TEMPLATES_BUCKET/*"], Resources(s3));
    }

    [Theory]
    [MemberData(nameof(ActionsTheProviderCalls))]
    public void Every_call_the_provider_makes_is_allowed(string action)
    {
        Assert.Contains(Statements(), s => Actions(s).Contains(action));
    }

    private static List<JsonObject> Statements() => Policy.Value["Statement"]!.AsArray().Select(n => n!.AsObject()).ToList();

    private static List<string> Actions(JsonObject statement) => Strings(statement["Action"]);

    private static List<string> Resources(JsonObject statement) => Strings(statement["Resource"]);

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => (string)n!).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [(string)value!],
        _ => [],
    };

    private static string PolicyPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "iam", "portal-policy.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // Built outside the repository (an artifacts path elsewhere): fall back to the source tree of this file.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", "..", "deploy", "iam", "portal-policy.json"));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
