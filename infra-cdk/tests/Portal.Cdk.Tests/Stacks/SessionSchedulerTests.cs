using Amazon.CDK.Assertions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Stacks;

public sealed class SessionSchedulerTests(SynthesizedApp app)
{
    private Template Template => app.Assertions("SessionScheduler");

    private CfnTemplate Json => app["SessionScheduler"];

    [Fact]
    public void The_scheduler_is_one_fargate_task_running_dask_scheduler()
    {
        Template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LaunchType"] = "FARGATE",
            ["DesiredCount"] = 1,
        }));
        var container = Json.OnlyResource("AWS::ECS::TaskDefinition")["Properties"]!["ContainerDefinitions"]![0]!;
        Assert.Equal(["dask", "scheduler", "--port", "8786"], container["Command"].AsList().Take(4).Select(c => c.AsText()));
        Assert.Equal(new JsonObject { ["Ref"] = "Image" }.ToJsonString(), container["Image"]!.ToJsonString());
    }

    [Fact]
    public void Port_8786_is_open_only_to_the_dask_peers_prefix_list()
    {
        var ingress = Json.OnlyResource("AWS::EC2::SecurityGroup")["Properties"]!["SecurityGroupIngress"].AsList();

        var scheduler = Assert.Single(ingress, r => r["FromPort"]!.GetValue<int>() <= 8786 && r["ToPort"]!.GetValue<int>() >= 8786);
        Assert.Equal("portal-home-dask-peers-prefix-list", scheduler["SourcePrefixListId"]!["Fn::ImportValue"].AsText());
        Assert.Null(scheduler["CidrIp"]);
    }

    [Fact]
    public void The_cloud_map_name_gives_the_address_the_portal_computes()
    {
        var imports = app["HomeFoundation"].Exports.ToDictionary(e => e.Key, e => e.Value.AsText() ?? "(computed)");
        var intrinsics = new Intrinsics(new Dictionary<string, JsonNode> { ["SessionId"] = "s-4k7q2m9x1z" }, imports);

        var address = intrinsics.Text(Json.Outputs["SchedulerAddress"]!["Value"]);
        var name = intrinsics.Text(Json.OnlyResource("AWS::ServiceDiscovery::Service")["Properties"]!["Name"]);

        Assert.Equal("tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786", address);
        Assert.Equal("scheduler.s-4k7q2m9x1z", name);
    }

    [Theory]
    [InlineData("256", "512", true)]
    [InlineData("256", "2048", true)]
    [InlineData("256", "4096", false)]
    [InlineData("512", "3072", true)]
    [InlineData("512", "5120", false)]
    [InlineData("1024", "4096", true)]
    [InlineData("1024", "1024", false)]
    [InlineData("1024", "9216", false)]
    [InlineData("2048", "16384", true)]
    [InlineData("2048", "3072", false)]
    [InlineData("4096", "30720", true)]
    [InlineData("4096", "31744", false)]
    [InlineData("8192", "20480", true)]
    [InlineData("8192", "18432", false)]
    [InlineData("16384", "122880", true)]
    [InlineData("16384", "36864", false)]
    public void Only_cpu_and_memory_pairs_fargate_supports_pass_the_template(string cpu, string memory, bool valid)
    {
        var values = new Dictionary<string, string> { ["Cpu"] = cpu, ["Memory"] = memory };

        var problems = values.SelectMany(v => Contract.ParameterConstraints.Problems(Json.Parameters[v.Key]!, v.Key, v.Value))
            .Concat(Contract.ParameterConstraints.RuleProblems(Json, values));

        Assert.Equal(valid, !problems.Any());
    }

    [Fact]
    public void Every_cpu_the_template_allows_has_a_memory_rule() =>
        Assert.All(Json.Parameters["Cpu"]!["AllowedValues"].AsList(), cpu =>
            Assert.NotEmpty(Contract.ParameterConstraints.RuleProblems(Json, new Dictionary<string, string> { ["Cpu"] = cpu.AsText()!, ["Memory"] = "1" })));

    [Fact]
    public void The_service_registers_in_cloud_map() =>
        Assert.NotNull(Json.OnlyResource("AWS::ECS::Service")["Properties"]!["ServiceRegistries"]![0]!["RegistryArn"]);
}
