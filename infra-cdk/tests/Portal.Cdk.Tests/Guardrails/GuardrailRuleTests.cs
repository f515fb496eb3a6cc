using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Portal.Cdk.Tests.Support;
using Fsx = Amazon.CDK.AWS.FSx;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>Each guardrail fails on a small stack that breaks it: a rule that cannot fail protects nothing.</summary>
public sealed class GuardrailRuleTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("s3:*")]
    public void Wildcard_actions_are_refused(string action)
    {
        var broken = BadStacks.Broken(scope =>
        {
            var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = [action], Resources = ["arn:aws:s3:::bucket"] }));
        });

        Assert.Contains(nameof(NoWildcardActions), broken);
    }

    [Fact]
    public void A_star_resource_for_an_action_that_can_be_scoped_is_refused()
    {
        var broken = BadStacks.Broken(scope =>
        {
            var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = ["*"] }));
        });

        Assert.Contains(nameof(WildcardResourcesOnlyWhereRequired), broken);
    }

    [Fact]
    public void A_star_resource_for_an_action_without_resource_types_is_accepted()
    {
        var broken = BadStacks.Broken(scope =>
        {
            var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["ecr:GetAuthorizationToken"], Resources = ["*"] }));
        });

        Assert.DoesNotContain(nameof(WildcardResourcesOnlyWhereRequired), broken);
    }

    [Theory]
    [InlineData("arn:aws:s3:::*")]
    [InlineData("arn:aws:ec2:*:123456789012:*")]
    [InlineData("arn:aws:servicequotas:*:123456789012:*/*")]
    public void An_arn_whose_resource_part_is_a_wildcard_is_a_wildcard_resource(string arn)
    {
        var broken = BadStacks.Broken(scope => Grant(scope, ["s3:GetObject"], [arn]));

        Assert.Contains(nameof(WildcardResourcesOnlyWhereRequired), broken);
    }

    [Fact]
    public void A_wildcard_arn_written_with_pseudo_parameters_is_a_wildcard_resource_too()
    {
        var broken = BadStacks.Broken(scope => Grant(scope, ["s3:GetObject"], [Fn.Sub("arn:${AWS::Partition}:s3:::*")]));

        Assert.Contains(nameof(WildcardResourcesOnlyWhereRequired), broken);
    }

    [Fact]
    public void Every_resource_of_a_type_needs_a_stated_reason()
    {
        var keys = BadStacks.Broken(scope => Grant(scope, ["kms:Decrypt"], ["arn:aws:kms:*:123456789012:key/*"]));
        var rules = BadStacks.Broken(scope => Grant(scope, ["ec2:AuthorizeSecurityGroupIngress"], ["arn:aws:ec2:*:123456789012:security-group-rule/*"]));
        var named = BadStacks.Broken(scope => Grant(scope, ["logs:PutLogEvents"], ["arn:aws:logs:*:123456789012:log-group:portal-*"]));

        Assert.Contains(nameof(WildcardResourcesOnlyWhereRequired), keys);
        Assert.DoesNotContain(nameof(WildcardResourcesOnlyWhereRequired), rules);
        Assert.DoesNotContain(nameof(WildcardResourcesOnlyWhereRequired), named);
    }

    [Fact]
    public void A_wildcard_resource_scoped_by_a_tag_condition_is_accepted()
    {
        var broken = BadStacks.Broken(scope =>
        {
            var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["ec2:DeleteVpc"],
                Resources = ["arn:aws:ec2:*:123456789012:*"],
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:ResourceTag/portal-managed"] = "true" } },
            }));
        });

        Assert.DoesNotContain(nameof(WildcardResourcesOnlyWhereRequired), broken);
    }

    [Theory]
    [InlineData("s3:Get*")]
    [InlineData("iam:*Role*")]
    [InlineData("kms:Gen*")]
    public void A_prefix_wildcard_action_is_refused_unless_listed_with_a_reason(string action)
    {
        var broken = BadStacks.Broken(scope => Grant(scope, [action], ["arn:aws:s3:::bucket"]));

        Assert.Contains(nameof(NoWildcardActions), broken);
    }

    [Fact]
    public void A_listed_prefix_wildcard_action_is_accepted() =>
        Assert.DoesNotContain(nameof(NoWildcardActions), BadStacks.Broken(scope => Grant(scope, ["ec2:Describe*"], ["*"])));

    [Theory]
    [InlineData("NotAction")]
    [InlineData("NotResource")]
    public void An_allow_with_not_action_or_not_resource_is_refused(string element)
    {
        var broken = BadStacks.Broken(scope =>
        {
            var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            _ = role.AddToPolicy(element == "NotAction"
                ? new PolicyStatement(new PolicyStatementProps { NotActions = ["iam:*"], Resources = ["arn:aws:s3:::bucket"] })
                : new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], NotResources = ["arn:aws:s3:::secret/*"] }));
        });

        Assert.Contains(nameof(NoNegatedAllows), broken);
    }

    [Fact]
    public void A_deny_with_not_action_is_accepted()
    {
        var broken = BadStacks.Broken(scope =>
        {
            var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, NotActions = ["s3:GetObject"], Resources = ["arn:aws:s3:::bucket"] }));
        });

        Assert.DoesNotContain(nameof(NoNegatedAllows), broken);
    }

    [Fact]
    public void An_unencrypted_public_bucket_without_tls_is_refused()
    {
        var template = BadStacks.Synthesize(scope => _ = new CfnBucket(scope, "Plain"));

        var reasons = new BucketsLockedDown().Check(template).Select(v => v.Reason).ToList();

        Assert.Contains("is not encrypted", reasons);
        Assert.Contains("does not block all public access", reasons);
        Assert.Contains(reasons, r => r.Contains("TLS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(22)]
    [InlineData(443)]
    public void Ingress_from_anywhere_is_refused_unless_it_is_a_load_balancer_on_443(int port)
    {
        var broken = BadStacks.Broken(scope =>
        {
            var vpc = new Vpc(scope, "Vpc", new VpcProps { NatGateways = 0, MaxAzs = 2, RestrictDefaultSecurityGroup = false });
            var group = new SecurityGroup(scope, "Group", new SecurityGroupProps { Vpc = vpc });
            group.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(port));
        });

        Assert.Contains(nameof(NoOpenIngressExceptLoadBalancerHttps), broken);
    }

    [Fact]
    public void A_load_balancer_open_on_443_is_accepted_but_not_on_80()
    {
        var template = BadStacks.Synthesize(scope =>
        {
            var vpc = new Vpc(scope, "Vpc", new VpcProps { NatGateways = 0, MaxAzs = 2, RestrictDefaultSecurityGroup = false });
            var lb = new ApplicationLoadBalancer(scope, "Lb", new ApplicationLoadBalancerProps { Vpc = vpc, InternetFacing = true });
            lb.Connections.AllowFromAnyIpv4(Port.Tcp(443));
            lb.Connections.AllowFromAnyIpv4(Port.Tcp(80));
        });

        var violations = new NoOpenIngressExceptLoadBalancerHttps().Check(template).ToList();

        var violation = Assert.Single(violations);
        Assert.Contains("\"FromPort\":80", violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unencrypted_logs_databases_file_systems_and_volumes_are_refused()
    {
        var template = BadStacks.Synthesize(scope =>
        {
            _ = new CfnLogGroup(scope, "Logs", new CfnLogGroupProps { RetentionInDays = 7 });
            _ = new CfnDBInstance(scope, "Database", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t4g.small", AllocatedStorage = "20" });
            _ = new Fsx.CfnFileSystem(scope, "Lustre", new Fsx.CfnFileSystemProps { FileSystemType = "LUSTRE", SubnetIds = ["subnet-1"], StorageCapacity = 1200 });
            _ = new CfnLaunchTemplate(scope, "Template", new CfnLaunchTemplateProps
            {
                LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
                {
                    BlockDeviceMappings = new object[] { new CfnLaunchTemplate.BlockDeviceMappingProperty { DeviceName = "/dev/xvda", Ebs = new CfnLaunchTemplate.EbsProperty { VolumeSize = 50 } } },
                },
            });
        });

        var flagged = new EncryptedAtRest().Check(template).Select(v => v.LogicalId).ToHashSet();

        Assert.Equal(["Database", "Logs", "Lustre", "Template"], flagged.Order());
    }

    [Fact]
    public void A_vpc_without_flow_logs_and_a_load_balancer_without_access_logs_are_refused()
    {
        var template = BadStacks.Synthesize(scope =>
        {
            var vpc = new Vpc(scope, "Vpc", new VpcProps { NatGateways = 0, MaxAzs = 2, RestrictDefaultSecurityGroup = false });
            _ = new ApplicationLoadBalancer(scope, "Lb", new ApplicationLoadBalancerProps { Vpc = vpc });
        });

        var reasons = new FlowLogsAndAccessLogs().Check(template).Select(v => v.Reason).ToList();

        Assert.Equal(["VPC without flow logs", "load balancer without access logs"], reasons);
    }

    [Fact]
    public void Stateful_resources_without_deletion_policies_and_endless_logs_are_refused()
    {
        var template = BadStacks.Synthesize(scope =>
        {
            _ = new CfnBucket(scope, "Bucket");
            _ = new LogGroup(scope, "Logs", new LogGroupProps { Retention = RetentionDays.INFINITE, RemovalPolicy = RemovalPolicy.RETAIN });
        });

        var violations = new ExplicitRetention().Check(template).ToList();

        Assert.Contains(violations, v => v.LogicalId == "Bucket");
        Assert.Contains(violations, v => v.Reason == "log group keeps logs forever");
    }

    private static void Grant(Constructs.Construct scope, string[] actions, string[] resources)
    {
        var role = new Role(scope, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = resources }));
    }
}
