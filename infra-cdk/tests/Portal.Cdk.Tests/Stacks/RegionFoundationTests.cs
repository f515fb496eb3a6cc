using Amazon.CDK.Assertions;
using Portal.Cdk.Handlers;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

public sealed class RegionFoundationTests(SynthesizedApp app)
{
    private Template Template => app.Assertions("RegionFoundation");

    private CfnTemplate Json => app["RegionFoundation"];

    [Fact]
    public void Fsx_is_persistent_2_at_the_minimum_size_with_our_key() =>
        Template.HasResourceProperties("AWS::FSx::FileSystem", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FileSystemType"] = "LUSTRE",
            ["StorageCapacity"] = 1200,
            ["KmsKeyId"] = Match.AnyValue(),
            ["LustreConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["DeploymentType"] = "PERSISTENT_2" }),
        }));

    [Fact]
    public void There_is_room_for_eight_dataset_associations() =>
        Template.ResourceCountIs("AWS::FSx::DataRepositoryAssociation", 8);

    [Theory]
    [InlineData(new[] { "s3://era5-pds" }, new[] { "/us-east-1/era5-pds" }, 1)]
    [InlineData(new[] { "s3://era5-pds", "s3://other/prefix" }, new[] { "/us-east-1/era5-pds", "/us-east-1/other/prefix" }, 2)]
    [InlineData(new[] { "s3://a", "s3://b", "s3://c", "s3://d", "s3://e", "s3://f", "s3://g", "s3://h" }, new[] { "/a", "/b", "/c", "/d", "/e", "/f", "/g", "/h" }, 8)]
    [InlineData(new[] { "s3://era5-pds", "s3://no-path" }, new[] { "/us-east-1/era5-pds" }, 1)]
    [InlineData(new[] { "" }, new[] { "" }, 0)]
    public void One_association_is_created_per_dataset_pair_in_order(string[] uris, string[] paths, int expected)
    {
        var intrinsics = Evaluator(uris, paths);
        var created = Json.ResourcesOfType("AWS::FSx::DataRepositoryAssociation")
            .Where(r => intrinsics.Condition(r.Value["Condition"].AsText()!))
            .Select(r => (Uri: intrinsics.Text(r.Value["Properties"]!["DataRepositoryPath"]), Path: intrinsics.Text(r.Value["Properties"]!["FileSystemPath"])))
            .ToList();

        Assert.Equal(expected, created.Count);
        Assert.Equal(uris.Zip(paths).Take(expected).Select(p => (p.First, p.Second)), created);
    }

    [Fact]
    public void Each_association_waits_for_the_previous_one()
    {
        var associations = Json.ResourcesOfType("AWS::FSx::DataRepositoryAssociation").ToList();

        for (var i = 1; i < associations.Count; i++)
        {
            Assert.Contains(associations[i - 1].Key, associations[i].Value["DependsOn"].AsList().Select(d => d.AsText()));
        }
    }

    [Fact]
    public void The_spoke_peers_with_the_home_transit_gateway_and_has_the_peering_accepted()
    {
        Template.HasResourceProperties("AWS::EC2::TransitGatewayPeeringAttachment", new Dictionary<string, object>
        {
            ["PeerRegion"] = new Dictionary<string, object> { ["Ref"] = "HomeRegion" },
            ["PeerTransitGatewayId"] = new Dictionary<string, object> { ["Ref"] = "HomeTransitGatewayId" },
            ["PeerAccountId"] = new Dictionary<string, object> { ["Ref"] = "AWS::AccountId" },
            ["TransitGatewayId"] = Match.AnyValue(),
            ["Tags"] = Match.AnyValue(),
        });
        Template.ResourceCountIs("Custom::PortalPeeringAcceptance", 1);
        Template.HasResourceProperties("AWS::EC2::TransitGatewayRoute", new Dictionary<string, object>
        {
            ["DestinationCidrBlock"] = new Dictionary<string, object> { ["Ref"] = "HomeCidr" },
            ["TransitGatewayAttachmentId"] = Match.AnyValue(),
            ["TransitGatewayRouteTableId"] = Match.AnyValue(),
        });
    }

    [Theory]
    [InlineData("10.1.0.0/16", "10.2.0.0/16")]
    [InlineData("10.2.0.0/16", "10.1.0.0/16")]
    public void A_worker_region_routes_every_other_worker_region_through_the_hub_and_not_itself(string own, string other)
    {
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode> { ["VpcCidr"] = own, ["HomeCidr"] = "10.0.0.0/16" }, conditions: Json.Conditions);
        var peering = Json.ResourcesOfType("AWS::EC2::TransitGatewayPeeringAttachment").Single().Key;
        bool Created(KeyValuePair<string, JsonObject> r) => r.Value["Condition"] is null || intrinsics.Condition(r.Value["Condition"].AsText()!);

        var vpcRoutes = Json.ResourcesOfType("AWS::EC2::Route").Where(Created)
            .Where(r => r.Value["Properties"]!["TransitGatewayId"] is not null)
            .Select(r => intrinsics.Text(r.Value["Properties"]!["DestinationCidrBlock"]))
            .ToList();
        var hubRoutes = Json.ResourcesOfType("AWS::EC2::TransitGatewayRoute").Where(Created)
            .Where(r => r.Value["Properties"]!["TransitGatewayAttachmentId"]!["Fn::GetAtt"]![0]!.AsText() == peering)
            .Select(r => intrinsics.Text(r.Value["Properties"]!["DestinationCidrBlock"]))
            .ToList();

        // The home VPC and the other worker region, each once; never this region's own block (the VPC's local route).
        Assert.Equal(["10.0.0.0/16", other], vpcRoutes.Order());
        Assert.Equal(["10.0.0.0/16", other], hubRoutes.Order());
    }

    [Fact]
    public void The_worker_peers_prefix_list_holds_every_worker_region_and_is_exported()
    {
        var list = Json.ResourcesOfType("AWS::EC2::PrefixList").Single();
        var cidrs = list.Value["Properties"]!["Entries"].AsList().Select(e => e!["Cidr"].AsText()).ToList();

        Assert.Equal(app.Settings.WorkerRegions.Select(r => r.Cidr), cidrs);
        Assert.Contains(Json.Outputs, o => o.Value!["Export"]?["Name"].AsText() == "portal-region-worker-peers-prefix-list");
    }

    [Fact]
    public void Workers_can_resolve_scheduler_names_through_the_home_zone() =>
        Template.HasResourceProperties("Custom::PortalPrivateDnsAssociation", Match.ObjectLike(new Dictionary<string, object>
        {
            ["HostedZoneId"] = new Dictionary<string, object> { ["Ref"] = "HomeHostedZoneId" },
        }));

    [Fact]
    public void Every_worker_size_has_a_capacity_provider_that_starts_from_zero()
    {
        var providers = Json.ResourcesOfType("AWS::ECS::CapacityProvider").Select(p => p.Value["Properties"]!["Name"].AsText());
        Assert.Equal(app.Settings.WorkerSizes.Select(s => "portal-" + s.Replace('.', '-')).Order(), providers.Order());
        Assert.All(Json.ResourcesOfType("AWS::AutoScaling::AutoScalingGroup"), g => Assert.Equal("0", g.Value["Properties"]!["MinSize"].AsText()));
        Template.HasResourceProperties("AWS::ECS::CapacityProvider", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AutoScalingGroupProvider"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ManagedScaling"] = Match.ObjectLike(new Dictionary<string, object> { ["Status"] = "ENABLED" }),
            }),
        }));
    }

    [Fact]
    public void Worker_instances_start_in_the_file_systems_subnet_so_lustre_reads_stay_in_its_zone()
    {
        var fileSystemSubnets = Json.OnlyResource("AWS::FSx::FileSystem")["Properties"]!["SubnetIds"]!.ToJsonString();
        var groups = Json.ResourcesOfType("AWS::AutoScaling::AutoScalingGroup").ToList();

        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Equal(fileSystemSubnets, g.Value["Properties"]!["VPCZoneIdentifier"]!.ToJsonString()));
    }

    [Fact]
    public void Worker_instances_mount_fsx_at_slash_fsx()
    {
        var userData = Json.ResourcesOfType("AWS::EC2::LaunchTemplate").First().Value["Properties"]!["LaunchTemplateData"]!["UserData"]!["Fn::Base64"]!;
        var script = new Intrinsics(new Dictionary<string, JsonNode>()).Text(userData);

        Assert.Contains("mount -t lustre", script, StringComparison.Ordinal);
        Assert.Contains("@tcp:/", script, StringComparison.Ordinal);
        Assert.Contains(" /fsx\n", script, StringComparison.Ordinal);
        Assert.Contains("ECS_CLUSTER=portal-workers", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Worker_instances_join_the_cluster_only_after_fsx_is_mounted()
    {
        var script = WorkerScript();
        var mount = script.IndexOf("mount -t lustre", StringComparison.Ordinal);
        var check = script.IndexOf("findmnt -t lustre /fsx\n", StringComparison.Ordinal);
        var join = script.IndexOf("ECS_CLUSTER=portal-workers", StringComparison.Ordinal);

        Assert.True(script.IndexOf("dnf install -y lustre-client", StringComparison.Ordinal) is >= 0 and var install && install < mount);
        Assert.True(mount >= 0 && mount < check, "the mount is checked after it is made");
        Assert.True(check < join, "the instance joins the cluster only once /fsx is a Lustre mount");
        Assert.DoesNotContain("ecs.config", script[..join], StringComparison.Ordinal);
        Assert.StartsWith("#!/bin/bash\nset -euxo pipefail\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_whose_fsx_mount_fails_or_goes_away_is_marked_unhealthy_and_kept_out_of_ecs()
    {
        var script = WorkerScript();
        var trap = script.IndexOf("trap '/usr/local/bin/portal-worker-unhealthy \"$INSTANCE\"' ERR", StringComparison.Ordinal);

        Assert.True(trap >= 0 && trap < script.IndexOf("dnf install -y lustre-client", StringComparison.Ordinal), "a failed install or mount marks the instance unhealthy");
        Assert.Contains("aws autoscaling set-instance-health --region $REGION --instance-id \\$1 --health-status Unhealthy", script, StringComparison.Ordinal);
        Assert.Contains("systemctl mask --now ecs", script, StringComparison.Ordinal);
        Assert.Contains("findmnt -t lustre /fsx > /dev/null || /usr/local/bin/portal-worker-unhealthy $INSTANCE", script, StringComparison.Ordinal);
        Assert.Contains("systemctl enable --now portal-fsx-check.timer", script, StringComparison.Ordinal);
        Assert.Contains("OnUnitActiveSec=1min", script, StringComparison.Ordinal);
        Assert.Contains(Json.ResourcesOfType("AWS::IAM::Policy").SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList()),
            s => s["Action"].AsList().Any(a => a.AsText() == "autoscaling:SetInstanceHealth")
                 && s["Condition"]!["StringEquals"]!["aws:ResourceTag/portal-managed"].AsText() == "true");
    }

    [Fact]
    public void The_worker_script_is_valid_bash()
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-worker-{Guid.NewGuid():N}.sh");
        File.WriteAllText(file, WorkerScript());
        try
        {
            using var bash = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-n", file]) { RedirectStandardError = true })!;
            var errors = bash.StandardError.ReadToEnd();
            bash.WaitForExit();

            Assert.True(bash.ExitCode == 0, errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_foundation_delete_is_not_held_up_by_termination_protection()
    {
        var cluster = Assert.Single(Json.ResourcesOfType("AWS::ECS::Cluster")).Key;
        var providers = Json.ResourcesOfType("AWS::ECS::CapacityProvider").ToList();
        var groups = Json.ResourcesOfType("AWS::AutoScaling::AutoScalingGroup").ToList();

        Assert.NotEmpty(providers);
        Assert.All(providers, p =>
        {
            var asg = p.Value["Properties"]!["AutoScalingGroupProvider"]!;
            Assert.Equal("DISABLED", asg["ManagedTerminationProtection"].AsText());
            Assert.Equal("ENABLED", asg["ManagedDraining"].AsText());
            // The provider names its group, so CloudFormation deletes the provider first.
            Assert.Contains(groups, g => asg["AutoScalingGroupArn"]!["Ref"].AsText() == g.Key);
        });
        Assert.All(groups, g =>
        {
            Assert.NotEqual("true", g.Value["Properties"]!["NewInstancesProtectedFromScaleIn"]?.ToString());
            // The group goes before the cluster: a cluster with registered instances cannot be deleted.
            Assert.Contains(cluster, g.Value["DependsOn"].AsList().Select(d => d.AsText()));
        });
    }

    [Fact]
    public void The_region_holds_no_dask_image_each_session_brings_its_own()
    {
        Template.ResourceCountIs("AWS::SSM::Parameter", 0);
        Assert.False(Json.Parameters.ContainsKey("DaskImage"));
    }

    [Fact]
    public void The_nat_gateway_waits_for_the_internet_gateway_attachment_and_the_public_route()
    {
        var attachment = Assert.Single(Json.ResourcesOfType("AWS::EC2::VPCGatewayAttachment")).Key;
        var publicRoute = Assert.Single(Json.ResourcesOfType("AWS::EC2::Route"), r => r.Value["Properties"]!["GatewayId"] is not null).Key;
        var nat = Json.OnlyResource("AWS::EC2::NatGateway");

        var dependsOn = nat["DependsOn"].AsList().Select(d => d.AsText()).ToList();

        Assert.Contains(attachment, dependsOn);
        Assert.Contains(publicRoute, dependsOn);
    }

    [Fact]
    public void Worker_instances_and_the_file_system_accept_lustre_from_each_other_and_from_their_own_group()
    {
        var fileSystem = GroupOf(Json.OnlyResource("AWS::FSx::FileSystem")["Properties"]!["SecurityGroupIds"].AsList().Single())!;
        var instances = Json.ResourcesOfType("AWS::EC2::LaunchTemplate")
            .Select(t => GroupOf(t.Value["Properties"]!["LaunchTemplateData"]!["SecurityGroupIds"].AsList().Single())!)
            .Distinct()
            .Single();

        // FSx for Lustre guide, file system access control: TCP 988 and 1018-1023, between file servers and clients.
        (int, int, string)[] lustre = [(988, 988, fileSystem), (988, 988, instances), (1018, 1023, fileSystem), (1018, 1023, instances)];
        Assert.Equal(lustre.Order(), Ingress(instances).Where(r => r.From <= 1023 && r.To >= 988).Order());
        Assert.Equal(lustre.Order(), Ingress(fileSystem).Order());
    }

    [Fact]
    public void The_file_system_is_created_after_its_group_accepts_lustre_from_itself()
    {
        var fileSystem = Json.ResourcesOfType("AWS::FSx::FileSystem").Single();
        var group = GroupOf(fileSystem.Value["Properties"]!["SecurityGroupIds"].AsList().Single());
        var selfRules = Json.ResourcesOfType("AWS::EC2::SecurityGroupIngress")
            .Where(r => GroupOf(r.Value["Properties"]!["GroupId"]) == group && GroupOf(r.Value["Properties"]!["SourceSecurityGroupId"]) == group)
            .Select(r => r.Key)
            .ToList();

        Assert.Equal(2, selfRules.Count);
        Assert.All(selfRules, rule => Assert.Contains(rule, fileSystem.Value["DependsOn"].AsList().Select(d => d.AsText())));
    }

    [Fact]
    public void The_vpc_cidr_is_one_of_the_worker_cidrs_the_home_region_routes_and_schedulers_admit()
    {
        var vpcCidr = Json.Parameters["VpcCidr"]!;
        var workers = app.Settings.WorkerRegions.Select(r => r.Cidr).ToList();

        Assert.Equal(workers, vpcCidr["AllowedValues"].AsList().Select(v => v.AsText()));
        Assert.All(workers, cidr => Assert.Empty(Contract.ParameterConstraints.Problems(vpcCidr, "VpcCidr", cidr)));
        Assert.NotEmpty(Contract.ParameterConstraints.Problems(vpcCidr, "VpcCidr", app.Settings.HomeCidr));
        Assert.NotEmpty(Contract.ParameterConstraints.Problems(vpcCidr, "VpcCidr", app.Settings.PortalCidr));
        Assert.NotEmpty(Contract.ParameterConstraints.Problems(vpcCidr, "VpcCidr", "10.3.0.0/16"));
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.9.0.0/16")]
    [InlineData("10.0.0.0/16 ")]
    public void The_home_cidr_admits_nothing_but_the_home_vpc(string cidr)
    {
        var homeCidr = Json.Parameters["HomeCidr"]!;

        Assert.NotEmpty(Contract.ParameterConstraints.Problems(homeCidr, "HomeCidr", cidr));
        Assert.Empty(Contract.ParameterConstraints.Problems(homeCidr, "HomeCidr", app.Settings.HomeCidr));
    }

    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("10.254.0.0/16")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.1.0.0/20")]
    public void A_worker_cidr_that_overlaps_home_or_portal_or_is_no_slash_16_in_ten_slash_eight_stops_synthesis(string cidr) =>
        Assert.Throws<InvalidOperationException>(() => global::Portal.Cdk.Region.RegionParameters.CheckWorkerCidrs([cidr], "10.0.0.0/16", "10.254.0.0/16"));

    [Fact]
    public void A_home_cidr_the_template_could_not_take_stops_synthesis() =>
        Assert.Throws<InvalidOperationException>(() => global::Portal.Cdk.Region.RegionParameters.CheckWorkerCidrs(["10.1.0.0/16"], "0.0.0.0/0", "10.254.0.0/16"));

    [Fact]
    public void The_peering_acceptor_may_look_up_the_hub_route_it_checks_before_deleting_it()
    {
        var routeInHome = Json.ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"].AsList())
            .Single(s => s["Sid"].AsText() == "RouteInHome");

        Assert.Contains("ec2:SearchTransitGatewayRoutes", routeInHome["Action"].AsList().Select(a => a.AsText()));
    }

    [Fact]
    public void The_vpc_has_flow_logs() => Template.ResourceCountIs("AWS::EC2::FlowLog", 1);

    [Theory]
    [InlineData("peering_acceptor.py")]
    [InlineData("dns_association.py")]
    public void Custom_resource_handlers_fit_inline_and_always_answer_cloudformation(string script)
    {
        var code = InlineHandlerConstruct.Read(script);

        Assert.True(code.Length <= InlineHandlerConstruct.MaxInlineCodeLength);
        Assert.Contains("cfnresponse.SUCCESS", code, StringComparison.Ordinal);
        Assert.Contains("cfnresponse.FAILED", code, StringComparison.Ordinal);
        Assert.Contains(Json.ResourcesOfType("AWS::Lambda::Function"), f => f.Value["Properties"]!["Code"]!["ZipFile"].AsText() == code);
    }

    private static string? GroupOf(JsonNode? reference) =>
        reference?["Fn::GetAtt"] is JsonArray getAtt ? getAtt[0].AsText() : reference?["Ref"].AsText();

    /// <summary>Every TCP ingress rule of a group (inline or separate) as (from port, to port, source group; or the CIDR).</summary>
    private List<(int From, int To, string Source)> Ingress(string group)
    {
        var inline = Json.Resources[group]!["Properties"]!["SecurityGroupIngress"].AsList();
        var separate = Json.ResourcesOfType("AWS::EC2::SecurityGroupIngress")
            .Where(r => GroupOf(r.Value["Properties"]!["GroupId"]) == group)
            .Select(r => (JsonNode)r.Value["Properties"]!);
        return [.. inline.Concat(separate).Select(r => (
            r["FromPort"]!.GetValue<int>(),
            r["ToPort"]!.GetValue<int>(),
            GroupOf(r["SourceSecurityGroupId"]) ?? r["CidrIp"]?.ToJsonString() ?? "?"))];
    }

    private Intrinsics Evaluator(string[] uris, string[] paths) => new(
        new Dictionary<string, JsonNode>
        {
            ["DatasetS3Uris"] = new JsonArray([.. uris.Select(u => (JsonNode)u)]),
            ["DatasetFsxPaths"] = new JsonArray([.. paths.Select(p => (JsonNode)p)]),
        },
        conditions: Json.Conditions);

    private string WorkerScript() =>
        new Intrinsics(new Dictionary<string, JsonNode>()).Text(
            Json.ResourcesOfType("AWS::EC2::LaunchTemplate").First().Value["Properties"]!["LaunchTemplateData"]!["UserData"]!["Fn::Base64"]!);
}
