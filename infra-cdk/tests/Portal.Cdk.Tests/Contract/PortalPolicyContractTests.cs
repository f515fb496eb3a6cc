using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>
/// What the portal's principal may do is what its code calls: the operations of its AWS clients
/// (src/Portal.Infra/Aws, the X-Amz-Target and Action names they send, and the AWS SDK calls of its adapters), plus
/// what AWS checks on its behalf, and nothing else. PortalStack's task role and deploy/iam/portal-policy.json grant
/// the same actions, and docs/aws.md names each.
/// </summary>
public sealed partial class PortalPolicyContractTests(SynthesizedApp app)
{
    private static readonly string AwsSources = Path.Combine(RepositoryPaths.Root, "src", "Portal.Infra", "Aws");

    /// <summary>Operations a client offers that no adapter calls, so nothing grants them.</summary>
    public static readonly IReadOnlyDictionary<string, string> OfferedButNotCalled = new Dictionary<string, string>
    {
        ["cloudformation:UpdateStack"] = "the portal deletes and recreates stacks, it never updates one",
        ["sagemaker:StartNotebookInstance"] = "the portal never restarts a stopped notebook instance",
        ["fsx:CreateDataRepositoryAssociation"] = "RegionFoundation links the datasets with the stack execution role's rights",
    };

    /// <summary>Actions AWS checks against the caller while serving a call the portal makes.</summary>
    public static readonly IReadOnlyDictionary<string, string> CheckedOnThePortalsBehalf = new Dictionary<string, string>
    {
        ["cloudformation:TagResource"] = "CreateStack with tags",
        ["s3:GetObject"] = "CreateStack fetches its TemplateURL with the caller's rights",
        ["iam:PassRole"] = "CreateStack's RoleARN and CreateNotebookInstance's RoleArn",
        ["sagemaker:AddTags"] = "CreateNotebookInstance and CreateNotebookInstanceLifecycleConfig with tags",
        ["ec2:CreateNetworkInterface"] = "CreateNotebookInstance in a subnet",
        ["ec2:DeleteNetworkInterface"] = "DeleteNotebookInstance of an instance in a subnet",
        ["ec2:DescribeSubnets"] = "CreateNotebookInstance in a subnet",
        ["ec2:DescribeSecurityGroups"] = "CreateNotebookInstance with security groups",
        ["ec2:DescribeVpcs"] = "CreateNotebookInstance in a subnet",
    };

    /// <summary>Called by the orphan reaper (ListStacks/ListNotebookInstances/ListTags), which reads the portal's own stacks and notebooks by tag.</summary>
    public static readonly string[] OrphanReaper = ["cloudformation:ListStacks", "sagemaker:ListNotebookInstances", "sagemaker:ListTags"];

    /// <summary>Granted by the task role only: the home key is PortalStack's to name; the policy file leaves a customer key to the operator (docs/aws.md).</summary>
    public static readonly string[] TaskRoleOnly = ["kms:CreateGrant", "kms:DescribeKey"];

    [Fact]
    public void The_clients_are_found_with_their_operations()
    {
        var called = ClientOperations();

        Assert.Contains("cloudformation:CreateStack", called);
        Assert.Contains("sagemaker:CreateNotebookInstance", called);
        Assert.Contains("sts:GetCallerIdentity", called);
        Assert.All(OfferedButNotCalled.Keys, action => Assert.Contains(action, called));
    }

    [Fact]
    public void The_task_role_grants_what_the_portal_calls_and_nothing_else()
    {
        var granted = app["PortalStack"].ResourcesOfType("AWS::IAM::Policy")
            .Where(p => p.Key.StartsWith("PortalTaskTaskRoleDefaultPolicy", StringComparison.Ordinal))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList())
            .SelectMany(s => s["Action"].AsList().Select(a => a.AsText()!));

        Assert.Equal(Expected().Concat(TaskRoleOnly).Order(StringComparer.Ordinal), granted.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_operators_policy_grants_what_the_portal_calls_and_nothing_else()
    {
        Assert.Equal(Expected().Order(StringComparer.Ordinal), PolicyFileActions().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_name_every_action_of_the_policy()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "aws.md"));
        var section = docs[docs.IndexOf("## 4. The IAM policy", StringComparison.Ordinal)..docs.IndexOf("## 5.", StringComparison.Ordinal)];

        Assert.All(PolicyFileActions().Concat(TaskRoleOnly), action => Assert.True(
            section.Contains(action, StringComparison.Ordinal) || section.Contains('`' + action.Split(':')[1] + '`', StringComparison.Ordinal),
            $"docs/aws.md section 4 does not name {action}"));
    }

    private static List<string> Expected() =>
        [.. ClientOperations().Except(OfferedButNotCalled.Keys).Concat(CheckedOnThePortalsBehalf.Keys).Concat(OrphanReaper).Distinct()];

    private static List<string> PolicyFileActions() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "iam", "portal-policy.json")))!["Statement"].AsList()
            .SelectMany(s => s["Action"].AsList().Select(a => a.AsText()!)).Distinct()];

    /// <summary>
    /// <c>InvokeAsync("Op", …)</c> in each typed client (the query Action or the X-Amz-Target operation), named by its
    /// folder's service; and <c>.OpAsync(new OpRequest…)</c> in files that use the AWS SDK's STS, EC2 or S3 clients.
    /// </summary>
    private static HashSet<string> ClientOperations()
    {
        var prefixes = new Dictionary<string, string>
        {
            ["CloudFormation"] = "cloudformation", ["SageMaker"] = "sagemaker", ["FSx"] = "fsx", ["Pricing"] = "pricing", ["ServiceQuotas"] = "servicequotas",
        };
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, prefix) in prefixes)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AwsSources, folder), "Amazon*Client.cs"))
            {
                operations.UnionWith(Invoke().Matches(File.ReadAllText(file)).Select(m => prefix + ":" + m.Groups["op"].Value));
            }
        }

        var sdk = new Dictionary<string, string> { ["Amazon.SecurityToken"] = "sts", ["Amazon.EC2"] = "ec2", ["Amazon.S3"] = "s3" };
        foreach (var file in Directory.GetFiles(AwsSources, "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var (ns, prefix) in sdk.Where(s => text.Contains($"using {s.Key};", StringComparison.Ordinal)))
            {
                operations.UnionWith(SdkCall().Matches(text).Select(m => prefix + ":" + m.Groups["op"].Value));
            }
        }

        return operations;
    }

    [GeneratedRegex(@"InvokeAsync(<[^>]+>)?\(\s*""(?<op>[A-Z][A-Za-z]+)""")]
    private static partial Regex Invoke();

    [GeneratedRegex(@"\.(?<op>[A-Z][A-Za-z]+)Async\(\s*new (\k<op>)Request\b")]
    private static partial Regex SdkCall();
}
