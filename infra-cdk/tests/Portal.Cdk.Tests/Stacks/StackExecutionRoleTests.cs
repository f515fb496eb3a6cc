using Portal.Cdk.Portal;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

/// <summary>The role CloudFormation assumes for the stacks the portal creates (RegionFoundation and the session stacks).</summary>
public sealed class StackExecutionRoleTests(SynthesizedApp app)
{
    private const string Boundary = "arn:aws:iam::123456789012:policy/portal-stack-role-boundary";
    private const string ManagedTag = "portal-managed";

    private static readonly Dictionary<string, string> Imports = new() { ["portal-home-artifacts-bucket"] = "artifacts-bucket" };

    private static readonly Intrinsics Evaluator = new(new Dictionary<string, JsonNode>(), Imports);

    public static TheoryData<string> PortalTemplates => ["RegionFoundation", "SessionScheduler", "SessionWorkers"];

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

    [Theory]
    [MemberData(nameof(PortalTemplates))]
    public void Every_role_a_portal_template_creates_carries_the_boundary(string template)
    {
        var roles = app[template].ResourcesOfType("AWS::IAM::Role").ToList();

        Assert.All(roles, r => Assert.Equal(Boundary, Evaluator.Text(r.Value["Properties"]!["PermissionsBoundary"])));
        if (template == "RegionFoundation")
        {
            Assert.NotEmpty(roles);
        }
    }

    [Fact]
    public void The_boundary_exists_attached_to_nothing_and_grants_no_iam_kms_or_data_access()
    {
        var boundary = Assert.Single(Json.ResourcesOfType("AWS::IAM::ManagedPolicy"), p => p.Value["Properties"]!["ManagedPolicyName"].AsText() == "portal-stack-role-boundary").Value;
        var actions = boundary["Properties"]!["PolicyDocument"]!["Statement"].AsList().SelectMany(Actions).ToList();

        Assert.Null(boundary["Properties"]!["Roles"]);
        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, a => a.StartsWith("iam:", StringComparison.Ordinal) || a.StartsWith("kms:", StringComparison.Ordinal)
                                            || a.StartsWith("s3:", StringComparison.Ordinal) || a.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_may_be_created_and_changed_only_with_the_boundary_and_it_can_never_be_removed()
    {
        // Service-linked roles excepted: FSx sets up its S3 role with the caller's rights (LinkDatasetBuckets), and no one
        // but the service can use such a role.
        var bounded = Allows()
            .Where(s => Actions(s).Intersect(StackExecutionIdentityPolicy.BoundedRoleActions).Any())
            .Where(s => !Resources(s).All(r => r.Contains(":role/aws-service-role/", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(StackExecutionIdentityPolicy.BoundedRoleActions.Order(), bounded.SelectMany(Actions).Where(StackExecutionIdentityPolicy.BoundedRoleActions.Contains).Order());
        Assert.All(bounded, s => Assert.Equal(Boundary, Evaluator.Text(s["Condition"]?["StringEquals"]?["iam:PermissionsBoundary"])));
        Assert.DoesNotContain(Allows(), s => Actions(s).Contains("iam:DeleteRolePermissionsBoundary"));
        Assert.Contains(Denies(), s => Actions(s).Contains("iam:DeleteRolePermissionsBoundary") && Resources(s).SequenceEqual(["arn:aws:iam::123456789012:role/portal-*"]));
    }

    [Fact]
    public void The_execution_role_and_the_notebook_role_are_out_of_its_reach()
    {
        var deny = Assert.Single(Denies(), s => Resources(s).Contains("arn:aws:iam::123456789012:role/portal-cloudformation-execution"));

        Assert.Equal(["arn:aws:iam::123456789012:role/portal-cloudformation-execution", "arn:aws:iam::123456789012:role/portal-notebook"], Resources(deny).Order());
        Assert.Empty(StackExecutionIdentityPolicy.BoundedRoleActions.Concat(["iam:PassRole", "iam:TagRole", "iam:UntagRole", "iam:DeleteRolePermissionsBoundary"]).Except(Actions(deny)));
    }

    [Fact]
    public void Roles_are_passed_only_to_the_services_that_run_them()
    {
        var passes = Allows().Where(s => Actions(s).Contains("iam:PassRole")).ToList();

        Assert.Equal(2, passes.Count);
        Assert.All(passes, s => Assert.NotNull(s["Condition"]?["StringEquals"]?["iam:PassedToService"] ?? s["Condition"]?["StringEqualsIfExists"]?["iam:PassedToService"]));
    }

    [Fact]
    public void Iam_grants_no_kms_action_on_an_existing_key_and_creates_keys_only_tagged()
    {
        var kms = Allows().Where(s => Actions(s).Any(a => a.StartsWith("kms:", StringComparison.Ordinal))).ToList();

        var create = Assert.Single(kms);
        Assert.Equal(["kms:CreateKey", "kms:TagResource"], Actions(create).Order());
        Assert.Equal("true", create["Condition"]!["StringEquals"]![$"aws:RequestTag/{ManagedTag}"].AsText());
    }

    [Fact]
    public void The_region_key_lets_the_execution_role_administer_it_and_fsx_use_it_and_nothing_more()
    {
        var policy = app["RegionFoundation"].OnlyResource("AWS::KMS::Key")["Properties"]!["KeyPolicy"]!["Statement"].AsList();
        var forRole = policy.Where(s => s["Principal"]?["AWS"] is { } principal && Evaluator.Text(principal) == "arn:aws:iam::123456789012:role/portal-cloudformation-execution").ToList();

        Assert.Equal(2, forRole.Count);
        Assert.Contains(forRole, s => Actions(s).Contains("kms:PutKeyPolicy") && !Actions(s).Contains("kms:ScheduleKeyDeletion") && s["Condition"] is null);
        Assert.Contains(forRole, s => Actions(s).Contains("kms:CreateGrant") && Evaluator.Text(s["Condition"]!["StringEquals"]!["kms:ViaService"]) == "fsx.us-east-1.amazonaws.com");
        Assert.All(forRole, s => Assert.DoesNotContain(Actions(s), a => a.Contains('*', StringComparison.Ordinal)));
    }

    [Fact]
    public void Ec2_changes_need_the_portal_managed_tag_except_where_the_policy_says_why_not()
    {
        var changes = Allows().Where(s => Actions(s).Any(IsEc2Change)).ToList();

        foreach (var statement in changes)
        {
            var conditions = statement["Condition"]?["StringEquals"];
            var tagged = conditions?[$"aws:RequestTag/{ManagedTag}"].AsText() == "true"
                         || conditions?[$"aws:ResourceTag/{ManagedTag}"].AsText() == "true"
                         || conditions?["ec2:CreateAction"] is not null;
            var documented = statement["Sid"].AsText() switch
            {
                "RulesOfTaggedGroups" => Resources(statement).All(r => r.EndsWith(":security-group-rule/*", StringComparison.Ordinal)),
                "GroupsInAnyVpc" => Actions(statement).SequenceEqual(["ec2:CreateSecurityGroup"]) && Resources(statement).All(r => r.EndsWith(":vpc/*", StringComparison.Ordinal)),
                "CheckWorkerLaunches" => Actions(statement).SequenceEqual(["ec2:RunInstances"])
                                         && Resources(statement).All(r => r.EndsWith(":instance/*", StringComparison.Ordinal) || r.EndsWith(":volume/*", StringComparison.Ordinal)
                                                                          || r.EndsWith(":network-interface/*", StringComparison.Ordinal) || r == "arn:aws:ec2:*::image/*"),
                _ => false,
            };
            Assert.True(tagged || documented, $"{statement["Sid"]} allows EC2 changes without the {ManagedTag} tag");
        }

        Assert.Contains(changes, s => s["Condition"]?["StringEquals"]?[$"aws:RequestTag/{ManagedTag}"] is not null);
        Assert.Contains(changes, s => s["Condition"]?["StringEquals"]?[$"aws:ResourceTag/{ManagedTag}"] is not null);
    }

    [Theory]
    [InlineData("ec2:AuthorizeSecurityGroupIngress")]
    [InlineData("ec2:AuthorizeSecurityGroupEgress")]
    [InlineData("ec2:RevokeSecurityGroupIngress")]
    [InlineData("ec2:RevokeSecurityGroupEgress")]
    [InlineData("ec2:UpdateSecurityGroupRuleDescriptionsIngress")]
    [InlineData("ec2:UpdateSecurityGroupRuleDescriptionsEgress")]
    [InlineData("ec2:ModifySecurityGroupRules")]
    public void Rules_of_tagged_groups_can_be_added_changed_and_revoked(string action)
    {
        // IAM checks these on the group (which must carry the tag) and on the rule (never tagged by CloudFormation):
        // without both, updating or deleting a stack that changes a rule fails, and a delete leaves the group behind.
        var onRules = Statement("RulesOfTaggedGroups");
        var onGroups = Statement("ChangeTaggedNetworkResources");

        Assert.Contains(action, Actions(onRules));
        Assert.All(Resources(onRules), r => Assert.EndsWith(":security-group-rule/*", r, StringComparison.Ordinal));
        Assert.Contains(action, Actions(onGroups));
        Assert.Equal("true", onGroups["Condition"]!["StringEquals"]![$"aws:ResourceTag/{ManagedTag}"].AsText());
    }

    [Theory]
    [MemberData(nameof(PortalTemplates))]
    public void Every_ec2_resource_a_portal_template_creates_asks_for_the_tag(string template)
    {
        // Those whose create action the policy allows only with portal-managed=true in the request.
        string[] created = ["VPC", "Subnet", "RouteTable", "InternetGateway", "EIP", "NatGateway", "VPCEndpoint", "FlowLog", "SecurityGroup",
            "TransitGateway", "TransitGatewayRouteTable", "TransitGatewayAttachment", "TransitGatewayPeeringAttachment", "PrefixList"];

        foreach (var (id, resource) in app[template].Resources.Where(r => created.Select(c => "AWS::EC2::" + c).Contains((string)r.Value!["Type"]!)))
        {
            Assert.True(HasManagedTag(resource!["Properties"]!["Tags"]), $"{id} is created without {ManagedTag}");
        }

        foreach (var (id, launchTemplate) in app[template].ResourcesOfType("AWS::EC2::LaunchTemplate"))
        {
            Assert.True(
                launchTemplate["Properties"]!["TagSpecifications"].AsList().Any(t => t["ResourceType"].AsText() == "launch-template" && HasManagedTag(t["Tags"])),
                $"{id} is created without {ManagedTag}");
        }
    }

    [Theory]
    [InlineData("ec2:SearchTransitGatewayRoutes")]
    [InlineData("ec2:GetTransitGatewayRouteTableAssociations")]
    [InlineData("ec2:GetTransitGatewayRouteTablePropagations")]
    [InlineData("ec2:ReplaceRouteTableAssociation")]
    [InlineData("servicediscovery:ListServices")]
    [InlineData("lambda:GetRuntimeManagementConfig")]
    [InlineData("ecs:ListServiceDeployments")]
    [InlineData("ec2:CreateManagedPrefixList")]
    [InlineData("ec2:ModifyManagedPrefixList")]
    [InlineData("ec2:DeleteManagedPrefixList")]
    [InlineData("ec2:GetManagedPrefixListEntries")]
    public void It_may_make_the_calls_cloudformations_handlers_make_for_the_templates_resources(string action) =>
        // From the handlers' published permissions (resource schemas) for the types the templates use.
        Assert.Contains(Allows(), s => Actions(s).Contains(action));

    [Fact]
    public void S3_reads_are_the_dataset_buckets_and_the_published_templates_only()
    {
        var s3 = Allows().Where(s => Actions(s).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).SelectMany(Resources).Order().ToList();

        Assert.Equal(
            [
                "arn:aws:s3:::cmip6-pds", "arn:aws:s3:::cmip6-pds/*",
                "arn:aws:s3:::era5-pds", "arn:aws:s3:::era5-pds/*",
                "arn:aws:s3:::ncar-cesm2-lens", "arn:aws:s3:::ncar-cesm2-lens/*",
                "arn:aws:s3:::nex-gddp-cmip6", "arn:aws:s3:::nex-gddp-cmip6/*",
                "arn:aws:s3:::nsf-ncar-era5", "arn:aws:s3:::nsf-ncar-era5/*",
            ],
            s3.Where(r => !r.Contains("cdk-", StringComparison.Ordinal)));
        Assert.Matches(@"^arn:aws:s3:::cdk-hnb659fds-assets-123456789012-eu-west-2/templates/[0-9a-f]{16}/\*$", Assert.Single(s3, r => r.Contains("cdk-", StringComparison.Ordinal)));
    }

    private static bool IsEc2Change(string action) =>
        action.StartsWith("ec2:", StringComparison.Ordinal)
        && !action.StartsWith("ec2:Describe", StringComparison.Ordinal)
        && !action.StartsWith("ec2:Get", StringComparison.Ordinal)
        && !action.StartsWith("ec2:Search", StringComparison.Ordinal);

    private static bool HasManagedTag(JsonNode? tags) =>
        tags.AsList().Any(t => t["Key"].AsText() == ManagedTag && t["Value"].AsText() == "true");

    /// <summary>The statements of the execution role: its default policy and the managed policies CDK overflows into.</summary>
    private IEnumerable<JsonNode> Statements() =>
        Json.Resources
            .Where(r => (string?)r.Value!["Type"] is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy"
                        && r.Value["Properties"]!["Roles"].AsList().Any(role => role["Ref"].AsText()?.StartsWith("StackExecutionRole", StringComparison.Ordinal) == true))
            .SelectMany(p => p.Value!["Properties"]!["PolicyDocument"]!["Statement"].AsList());

    private IEnumerable<JsonNode> Allows() => Statements().Where(s => s["Effect"].AsText() == "Allow");

    private IEnumerable<JsonNode> Denies() => Statements().Where(s => s["Effect"].AsText() == "Deny");

    private JsonNode Statement(string sid) => Assert.Single(Statements(), s => s["Sid"].AsText() == sid);

    private static IEnumerable<string> Actions(JsonNode statement) => statement["Action"].AsList().Select(a => a.AsText()!);

    private static List<string> Resources(JsonNode statement) => [.. statement["Resource"].AsList().Select(Evaluator.Text)];
}
