using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws;
using Portal.Infra.Tests.Aws.Fake;
using Portal.Infra.Tests.Aws.Support;
using static Portal.Infra.Tests.Aws.Support.IamPolicyDocument;

namespace Portal.Infra.Tests.Aws.Adapters;

/// <summary>The operator's policy (deploy/iam/portal-policy.json) is least privilege and covers every call the portal makes.</summary>
public sealed class IamPolicyTests
{
    private const string Account = "123456789012";
    private const string ExecutionRole = $"arn:aws:iam::{Account}:role/portal-cloudformation-execution";
    private const string NotebookRole = $"arn:aws:iam::{Account}:role/portal-notebook";
    private const string Stack = $"arn:aws:cloudformation:us-east-1:{Account}:stack/portal-s-4k7q2m9x1z-workers-us-east-1/6f1c2a30-4b5d-11f0-9a3e-0a1b2c3d4e5f";
    private const string Instance = "portal-s-4k7q2m9x1z";
    private const string Notebook = $"arn:aws:sagemaker:eu-west-2:{Account}:notebook-instance/{Instance}";
    private const string SharedLifecycleConfig = $"arn:aws:sagemaker:eu-west-2:{Account}:notebook-instance-lifecycle-config/portal-dask-client";
    private const string TemplateUrl = "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1/SessionWorkers.template.json";
    private const string CreateStackContext = $"cloudformation:TemplateUrl={TemplateUrl}|cloudformation:RoleArn={ExecutionRole}";
    private const string Tagged = "aws:RequestTag/portal-managed=true";
    private const string TaggedForThePortal = "aws:ResourceTag/portal-managed=true";

    private static readonly string LifecycleConfig =
        $"arn:aws:sagemaker:eu-west-2:{Account}:notebook-instance-lifecycle-config/{AwsNaming.LifecycleConfigName(Instance)}";

    /// <summary>
    /// Every call the AWS provider makes (its adapters' calls, the SDK's STS client, what the services check on the
    /// portal's behalf, and the read-only operations of its clients), with a resource it touches and the request
    /// context it carries. A context is <c>key=value</c> pairs joined by <c>|</c>. Writes that only a client offers
    /// (UpdateStack, StartNotebookInstance, CreateDataRepositoryAssociation) are not here: no adapter makes them.
    /// </summary>
    public static TheoryData<string, string, string> CallsTheProviderMakes => new(Calls);

    private static (string Action, string Resource, string Context)[] Calls =>
    [
        ("cloudformation:CreateStack", Stack, CreateStackContext),
        ("cloudformation:TagResource", Stack, string.Empty),
        ("cloudformation:DeleteStack", Stack, string.Empty),
        ("cloudformation:DescribeStacks", Stack, string.Empty),
        ("cloudformation:DescribeStackEvents", Stack, string.Empty),
        ("cloudformation:ListStacks", "*", string.Empty),
        ("s3:GetObject", "arn:aws:s3:::portal-templates-123456789012/v1/SessionWorkers.template.json", string.Empty),
        ("iam:PassRole", ExecutionRole, "iam:PassedToService=cloudformation.amazonaws.com"),
        ("iam:PassRole", NotebookRole, "iam:PassedToService=sagemaker.amazonaws.com"),
        ("sagemaker:CreateNotebookInstanceLifecycleConfig", LifecycleConfig, Tagged),
        ("sagemaker:DescribeNotebookInstanceLifecycleConfig", SharedLifecycleConfig, string.Empty),
        ("sagemaker:DeleteNotebookInstanceLifecycleConfig", LifecycleConfig, string.Empty),
        ("sagemaker:CreateNotebookInstance", Notebook, Tagged),
        ("sagemaker:AddTags", Notebook, Tagged),
        ("sagemaker:AddTags", LifecycleConfig, Tagged),
        ("sagemaker:DescribeNotebookInstance", Notebook, string.Empty),
        ("sagemaker:StopNotebookInstance", Notebook, TaggedForThePortal),
        ("sagemaker:DeleteNotebookInstance", Notebook, TaggedForThePortal),
        ("sagemaker:CreatePresignedNotebookInstanceUrl", Notebook, TaggedForThePortal),
        ("sagemaker:ListNotebookInstances", "*", string.Empty),
        ("sagemaker:ListTags", Notebook, string.Empty),
        ("fsx:DescribeFileSystems", "*", string.Empty),
        ("fsx:DescribeDataRepositoryAssociations", "*", string.Empty),
        ("pricing:GetProducts", "*", string.Empty),
        ("pricing:DescribeServices", "*", string.Empty),
        ("servicequotas:GetServiceQuota", $"arn:aws:servicequotas:eu-west-2:{Account}:sagemaker/L-D2E6D5C4", string.Empty),
        ("servicequotas:ListServiceQuotas", "*", string.Empty),
        ("sts:GetCallerIdentity", "*", string.Empty),
        // What SageMaker checks on the caller to place a notebook in a subnet with security groups.
        ("ec2:CreateNetworkInterface", $"arn:aws:ec2:eu-west-2:{Account}:network-interface/eni-0abc1234def567890", string.Empty),
        ("ec2:CreateNetworkInterface", $"arn:aws:ec2:eu-west-2:{Account}:subnet/subnet-0abc1234def567890", string.Empty),
        ("ec2:CreateNetworkInterface", $"arn:aws:ec2:eu-west-2:{Account}:security-group/sg-0abc1234def567890", string.Empty),
        ("ec2:DeleteNetworkInterface", $"arn:aws:ec2:eu-west-2:{Account}:network-interface/eni-0abc1234def567890", string.Empty),
        ("ec2:DescribeSubnets", "*", string.Empty),
        ("ec2:DescribeSecurityGroups", "*", string.Empty),
        ("ec2:DescribeVpcs", "*", string.Empty),
        // The orphan reaper: the portal's own stacks and notebooks, found by their tags.
        ("sagemaker:ListNotebookInstances", "*", string.Empty),
        ("sagemaker:ListTags", Notebook, string.Empty),
    ];

    /// <summary>The base URL forms docs/aws.md allows for <c>Aws:TemplatesBaseUrl</c>, with and without a prefix.</summary>
    public static TheoryData<string> DocumentedTemplateBaseUrls =>
    [
        "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1",
        "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/v1/",
        "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com",
        "https://portal-templates-123456789012.s3.amazonaws.com/templates/v1",
    ];

    /// <summary>Templates the execution role must never run: other buckets, look-alike bucket names, other hosts.</summary>
    public static TheoryData<string> ForeignTemplateUrls =>
    [
        "https://attacker-bucket.s3.eu-west-2.amazonaws.com/SessionWorkers.template.json",
        "https://portal-templates-123456789012.s3.evil.s3.eu-west-2.amazonaws.com/SessionWorkers.template.json",
        "https://portal-templates-123456789012.s3.eu-west-2.amazonaws.com.evil.example/SessionWorkers.template.json",
        "https://evil.example/portal-templates-123456789012.s3.amazonaws.com/SessionWorkers.template.json",
        "https://s3.eu-west-2.amazonaws.com/attacker-bucket/portal-templates-123456789012.s3.amazonaws.com/x.json",
        "http://portal-templates-123456789012.s3.eu-west-2.amazonaws.com/SessionWorkers.template.json",
    ];

    [Fact]
    public void It_is_an_allow_only_policy_in_the_current_language_version()
    {
        var policy = AsWritten();
        Assert.Equal("2012-10-17", (string)policy.Root["Version"]!);
        Assert.All(policy.Statements, s =>
        {
            Assert.Equal("Allow", (string)s["Effect"]!);
            Assert.Null(s["NotAction"]);
            Assert.Null(s["NotResource"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)s["Sid"]));
        });
        Assert.Equal(policy.Statements.Count, policy.Statements.Select(s => (string)s["Sid"]!).Distinct().Count());
    }

    [Fact]
    public void No_action_is_a_wildcard()
    {
        Assert.All(AsWritten().Statements.SelectMany(Actions), action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
    }

    [Fact]
    public void A_star_resource_is_used_only_where_the_api_allows_nothing_narrower_and_says_so()
    {
        var starStatements = AsWritten().Statements.Where(s => Resources(s).Contains("*")).ToList();

        Assert.All(starStatements, s =>
        {
            Assert.Equal(["*"], Resources(s));
            Assert.Contains("HasNoResourceLevelPermissions", (string)s["Sid"]!, StringComparison.Ordinal);
            Assert.All(Actions(s), a => Assert.Contains(a, new[]
            {
                "cloudformation:ListStacks", "sagemaker:ListNotebookInstances", "fsx:DescribeFileSystems", "fsx:DescribeDataRepositoryAssociations",
                "pricing:GetProducts", "pricing:DescribeServices", "servicequotas:ListServiceQuotas", "sts:GetCallerIdentity",
                "sagemaker:ListNotebookInstances", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs",
            }));
        });
    }

    [Fact]
    public void CloudFormation_is_limited_to_stacks_named_portal()
    {
        var cloudFormation = AsWritten().Statements.Where(s => Actions(s).Any(a => a.StartsWith("cloudformation:", StringComparison.Ordinal) && a != "cloudformation:ListStacks"));

        Assert.All(cloudFormation, s => Assert.All(Resources(s), r => Assert.Matches("^arn:aws:cloudformation:\\*:ACCOUNT_ID:stack/portal-\\*/\\*$", r)));
    }

    [Fact]
    public void Stacks_are_created_only_from_the_templates_bucket_and_only_as_the_execution_role()
    {
        var create = Assert.Single(AsWritten().Statements, s => Actions(s).Contains("cloudformation:CreateStack"));

        Assert.Equal(["cloudformation:CreateStack"], Actions(create));
        Assert.Equal(
            ["https://TEMPLATES_BUCKET.s3.TEMPLATES_REGION.amazonaws.com/*", "https://TEMPLATES_BUCKET.s3.amazonaws.com/*"],
            Condition(create, "StringLike", "cloudformation:TemplateUrl"));
        Assert.Equal(["arn:aws:iam::ACCOUNT_ID:role/portal-cloudformation-execution"], Condition(create, "StringEquals", "cloudformation:RoleArn"));
    }

    [Fact]
    public void Stacks_cannot_be_updated_because_no_adapter_updates_one()
    {
        Assert.DoesNotContain(AsWritten().Statements, s => Actions(s).Contains("cloudformation:UpdateStack"));
    }

    [Theory]
    [MemberData(nameof(DocumentedTemplateBaseUrls))]
    public async Task The_template_url_the_deployer_builds_from_a_documented_base_url_passes_the_condition(string baseUrl)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cloud = await FakeAwsCloud.StartAsync(new FakeTimeProvider(), ct);
        await using var services = AwsTestHost.Build(cloud.Endpoint, settings: new Dictionary<string, string?>
        {
            ["Aws:TemplatesBaseUrl"] = baseUrl,
            ["Aws:CloudFormation:RoleArn"] = ExecutionRole,
        });

        await services.GetRequiredService<IStackDeployer>().CreateStackAsync(new StackCreateRequest(
            RegionCode.Parse("us-east-1"), "portal-s-4k7q2m9x1z-workers-us-east-1", "SessionWorkers",
            new Dictionary<string, string>(), new Dictionary<string, string>(), "s-4k7q2m9x1z-workers-us-east-1-create"), ct);

        var sent = cloud.CloudFormation.LastCreateForm;
        var context = new Dictionary<string, string>
        {
            ["cloudformation:TemplateUrl"] = sent["TemplateURL"],
            ["cloudformation:RoleArn"] = sent["RoleARN"],
        };
        Assert.True(AsDeployed().Allows("cloudformation:CreateStack", Stack, context), $"CreateStack with {sent["TemplateURL"]} is denied.");
    }

    [Theory]
    [MemberData(nameof(ForeignTemplateUrls))]
    public void A_template_from_anywhere_else_is_refused(string templateUrl)
    {
        var context = new Dictionary<string, string> { ["cloudformation:TemplateUrl"] = templateUrl, ["cloudformation:RoleArn"] = ExecutionRole };

        Assert.False(AsDeployed().Allows("cloudformation:CreateStack", Stack, context));
    }

    [Fact]
    public void A_template_body_or_another_role_is_refused()
    {
        var policy = AsDeployed();

        Assert.False(policy.Allows("cloudformation:CreateStack", Stack, new Dictionary<string, string> { ["cloudformation:RoleArn"] = ExecutionRole }));
        Assert.False(policy.Allows("cloudformation:CreateStack", Stack, new Dictionary<string, string> { ["cloudformation:TemplateUrl"] = TemplateUrl }));
        Assert.False(policy.Allows("cloudformation:CreateStack", Stack, new Dictionary<string, string>
        {
            ["cloudformation:TemplateUrl"] = TemplateUrl,
            ["cloudformation:RoleArn"] = $"arn:aws:iam::{Account}:role/OrganizationAccountAccessRole",
        }));
    }

    [Fact]
    public void Roles_can_be_passed_only_to_cloudformation_and_sagemaker_and_only_the_two_portal_roles()
    {
        var passRole = Assert.Single(AsWritten().Statements, s => Actions(s).Contains("iam:PassRole"));

        Assert.Equal(["iam:PassRole"], Actions(passRole));
        Assert.Equal(
            ["arn:aws:iam::ACCOUNT_ID:role/portal-cloudformation-execution", "arn:aws:iam::ACCOUNT_ID:role/portal-notebook"],
            Resources(passRole));
        Assert.Equal(["cloudformation.amazonaws.com", "sagemaker.amazonaws.com"], Condition(passRole, "StringEquals", "iam:PassedToService"));
    }

    [Fact]
    public void Notebook_instances_are_created_and_operated_only_when_tagged_for_the_portal()
    {
        var statements = AsWritten().Statements;
        var create = Assert.Single(statements, s => Actions(s).Contains("sagemaker:CreateNotebookInstance"));
        var operate = Assert.Single(statements, s => Actions(s).Contains("sagemaker:DeleteNotebookInstance"));

        // The keys are the tag the adapters write (AwsNaming), so renaming it without the policy fails here.
        Assert.Equal([AwsNaming.ManagedTagValue], Condition(create, "StringEquals", "aws:RequestTag/" + AwsNaming.ManagedTagKey));
        Assert.Equal([AwsNaming.ManagedTagValue], Condition(operate, "StringEquals", "aws:ResourceTag/" + AwsNaming.ManagedTagKey));
        Assert.All(
            statements.Where(s => Actions(s).Any(a => a.StartsWith("sagemaker:", StringComparison.Ordinal)) && !Actions(s).SequenceEqual(["sagemaker:ListNotebookInstances"])),
            s => Assert.All(Resources(s), r => Assert.EndsWith("/portal-*", r, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_tags_the_notebook_service_sends_on_create_are_allowed_on_what_it_creates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cloud = await FakeAwsCloud.StartAsync(new FakeTimeProvider(), ct);
        await using (var services = AwsTestHost.Build(cloud.Endpoint))
        {
            await services.GetRequiredService<INotebookService>().CreateNotebookInstanceAsync(new NotebookInstanceRequest(
                RegionCode.Parse("eu-west-2"), Instance, "ml.t3.2xlarge", new Dictionary<string, string> { ["portal-session"] = "s-4k7q2m9x1z" },
                new NotebookDocument("session.ipynb", "{}")), ct);
        }

        var creates = cloud.Requests
            .Select(r => (Operation: r.Header("X-Amz-Target")?.Split('.')[^1], Body: System.Text.Json.Nodes.JsonNode.Parse(r.BodyText)!))
            .Where(r => r.Operation is "CreateNotebookInstance" or "CreateNotebookInstanceLifecycleConfig")
            .ToList();
        Assert.Equal(2, creates.Count);
        var policy = AsDeployed();
        foreach (var (operation, body) in creates)
        {
            var arn = operation == "CreateNotebookInstance"
                ? $"arn:aws:sagemaker:eu-west-2:{Account}:notebook-instance/{(string)body["NotebookInstanceName"]!}"
                : $"arn:aws:sagemaker:eu-west-2:{Account}:notebook-instance-lifecycle-config/{(string)body["NotebookInstanceLifecycleConfigName"]!}";
            var tags = body["Tags"]!.AsArray().ToDictionary(t => "aws:RequestTag/" + (string)t!["Key"]!, t => (string)t!["Value"]!);
            Assert.NotEmpty(tags);
            Assert.True(policy.Allows("sagemaker:" + operation, arn, tags), $"{operation} on {arn} is denied.");
            Assert.True(policy.Allows("sagemaker:AddTags", arn, tags), $"{operation} carries tags, and AddTags on {arn} is denied.");
        }
    }

    [Fact]
    public void Templates_are_read_only_from_the_templates_bucket()
    {
        var s3 = Assert.Single(AsWritten().Statements, s => Actions(s).Any(a => a.StartsWith("s3:", StringComparison.Ordinal)));

        Assert.Equal(["s3:GetObject"], Actions(s3));
        Assert.Equal(["arn:aws:s3:::TEMPLATES_BUCKET/*"], Resources(s3));
    }

    [Fact]
    public void Every_write_the_policy_grants_is_one_the_provider_makes()
    {
        var needed = Calls.Select(c => c.Action).ToHashSet(StringComparer.Ordinal);
        var writes = AsWritten().Statements.SelectMany(Actions)
            .Where(a => !a.Split(':')[1].StartsWith("Describe", StringComparison.Ordinal)
                        && !a.Split(':')[1].StartsWith("Get", StringComparison.Ordinal)
                        && !a.Split(':')[1].StartsWith("List", StringComparison.Ordinal));

        Assert.All(writes, action => Assert.Contains(action, needed));
    }

    [Theory]
    [MemberData(nameof(CallsTheProviderMakes))]
    public void Every_call_the_provider_makes_is_allowed_on_the_resource_it_touches(string action, string resource, string context)
    {
        var request = context.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

        Assert.True(AsDeployed().Allows(action, resource, request), $"{action} on {resource} is denied.");
    }
}
