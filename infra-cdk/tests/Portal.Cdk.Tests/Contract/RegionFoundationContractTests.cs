using Portal.Cdk.Tests.Support;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using DomainRegion = Portal.Domain.Regions.Region;

namespace Portal.Cdk.Tests.Contract;

/// <summary>The parameters the admin pages pass when they create a RegionFoundation are exactly the ones the template declares.</summary>
public sealed class RegionFoundationContractTests(SynthesizedApp app)
{
    private CfnTemplate Template => app[RegionFoundationParameters.Template];

    public static TheoryData<string> WorkerRegions => [.. RegionCatalog.Default.Workers.Select(r => r.Code.Value)];

    [Fact]
    public void The_template_declares_exactly_the_portals_parameter_names_and_types() =>
        Assert.Equal(
            RegionFoundationParameters.Types.OrderBy(t => t.Key, StringComparer.Ordinal),
            Template.Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value!["Type"].AsText()!)).OrderBy(t => t.Key, StringComparer.Ordinal));

    [Fact]
    public void The_template_holds_as_many_datasets_as_the_domain_allows() =>
        Assert.Equal(RegionFoundationParameters.MaxDatasets, Template.ResourcesOfType("AWS::FSx::DataRepositoryAssociation").Count());

    [Theory]
    [MemberData(nameof(WorkerRegions))]
    public void The_default_catalogue_gives_valid_parameters_and_one_association_per_dataset(string region)
    {
        var values = ValuesFor(RegionCatalog.Default.Get(RegionCode.Parse(region)));

        Assert.Empty(values.SelectMany(v => ParameterConstraints.Problems(Template.Parameters[v.Key]!, v.Key, v.Value)));

        var lists = values.ToDictionary(v => v.Key, v => Template.Parameters[v.Key]!["Type"].AsText() == RegionFoundationParameters.ListType
            ? (JsonNode)new JsonArray([.. v.Value.Split(',').Select(i => (JsonNode)i)])
            : v.Value);
        var intrinsics = new Intrinsics(lists, conditions: Template.Conditions);
        var created = Template.ResourcesOfType("AWS::FSx::DataRepositoryAssociation")
            .Where(r => intrinsics.Condition(r.Value["Condition"].AsText()!))
            .Select(r => "/fsx" + intrinsics.Text(r.Value["Properties"]!["FileSystemPath"]));
        var expected = DatasetCatalog.Default.All.Where(d => d.Location.Region.Value == region).Select(d => d.Location.FsxPath);
        Assert.Equal(expected, created);
    }

    [Fact]
    public void A_cidr_that_is_not_a_slash_16_in_ten_slash_eight_is_refused()
    {
        var vpcCidr = Template.Parameters[RegionFoundationParameters.VpcCidr]!;

        Assert.NotEmpty(ParameterConstraints.Problems(vpcCidr, "VpcCidr", "192.168.0.0/16"));
        Assert.NotEmpty(ParameterConstraints.Problems(vpcCidr, "VpcCidr", "10.1.0.0/20"));
        Assert.Empty(ParameterConstraints.Problems(vpcCidr, "VpcCidr", "10.3.0.0/16"));
    }

    private static Dictionary<string, string> ValuesFor(DomainRegion region)
    {
        var home = RegionCatalog.Default.Home;
        var datasets = DatasetCatalog.Default.All.Where(d => d.Location.Region == region.Code).ToList();
        return new Dictionary<string, string>
        {
            [RegionFoundationParameters.VpcCidr] = region.Cidr.ToString(),
            [RegionFoundationParameters.HomeRegion] = home.Code.Value,
            [RegionFoundationParameters.HomeCidr] = home.Cidr.ToString(),
            [RegionFoundationParameters.HomeTransitGatewayId] = "tgw-0123456789abcdef0",
            [RegionFoundationParameters.HomeHostedZoneId] = "Z0123456789ABCDEFGHIJ",
            [RegionFoundationParameters.DaskImage] = LaunchSettings.Default.DaskImage,
            [RegionFoundationParameters.DatasetS3Uris] = string.Join(',', datasets.Select(d => d.Location.S3Uri)),
            [RegionFoundationParameters.DatasetFsxPaths] = string.Join(',', datasets.Select(d => RegionFoundationParameters.FileSystemPath(d.Location))),
        };
    }
}
