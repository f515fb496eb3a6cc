using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Contract;

/// <summary>The templates the portal deploys through the CloudFormation API must stand alone: no bootstrap, no assets.</summary>
public sealed class PortalDeployedTemplatesTests(SynthesizedApp app)
{
    public static TheoryData<string> Templates => ["RegionFoundation", "SessionScheduler", "SessionWorkers"];

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_template_needs_no_cdk_bootstrap(string template)
    {
        var json = app[template].Json;

        Assert.DoesNotContain("BootstrapVersion", app[template].ParameterNames);
        Assert.Null(json["Rules"]?["CheckBootstrapVersion"]);
        Assert.DoesNotContain("cdk-hnb659fds", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(json["Metadata"]?["aws:asset:path"]);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_published_template_is_the_synthesized_one(string template)
    {
        var published = JsonNode.Parse(File.ReadAllText(Path.Combine(app.PublishedTemplates, template + ".template.json")));

        Assert.True(JsonNode.DeepEquals(app[template].Json, published));
    }

    [Fact]
    public void Cdk_synth_lists_all_five_stacks() =>
        Assert.Equal(SynthesizedApp.StackNames.Order(), app.Synthesized.Order());
}
