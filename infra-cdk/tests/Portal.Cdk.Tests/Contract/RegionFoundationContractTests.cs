using Portal.Cdk.Tests.Support;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using DomainRegion = Portal.Domain.Regions.Region;

namespace Portal.Cdk.Tests.Contract;

/// <summary>
/// The stack the portal's <see cref="RegionFoundationPlanner"/> plans (what the Regions page creates) fits the synthesized
/// RegionFoundation template: the same parameter names and types, values that pass every constraint the template
/// declares, one data repository association per dataset, and the planner refuses exactly what the template would.
/// </summary>
public sealed class RegionFoundationContractTests(SynthesizedApp app)
{
    private static readonly HomeFoundationOutputs Home = new("tgw-0123456789abcdef0", "Z0123456789ABCDEFGHIJ");
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");

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
    public void The_planned_stack_gives_every_parameter_the_template_declares_and_no_other(string region)
    {
        var spec = Planner().Plan(RegionCode.Parse(region), Home);

        Assert.Equal(RegionFoundationParameters.Template, spec.Template);
        Assert.Equal(Template.ParameterNames.Order(StringComparer.Ordinal), spec.Parameters.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WorkerRegions))]
    public void The_planned_values_have_the_declared_types_and_pass_every_constraint(string region)
    {
        var spec = Planner().Plan(RegionCode.Parse(region), Home);

        var types = RegionFoundationParameters.Types.ToDictionary(t => t.Key, t => t.Value);
        Assert.All(spec.Parameters, p => Assert.Equal(types[p.Key], Template.Parameters[p.Key]!["Type"].AsText()));
        Assert.Empty(spec.Parameters.SelectMany(p => Problems(p.Key, p.Value)));
    }

    [Theory]
    [MemberData(nameof(WorkerRegions))]
    public void The_planned_dataset_lists_pair_up_position_by_position(string region)
    {
        var spec = Planner().Plan(RegionCode.Parse(region), Home);

        var lists = spec.Parameters.Where(p => Template.Parameters[p.Key]!["Type"].AsText() == RegionFoundationParameters.ListType).ToList();
        Assert.Equal([RegionFoundationParameters.DatasetFsxPaths, RegionFoundationParameters.DatasetS3Uris], lists.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.All(lists, l => Assert.Equal(spec.Datasets.Count, l.Value.Split(',').Length));
    }

    [Theory]
    [MemberData(nameof(WorkerRegions))]
    public void The_planned_stack_creates_one_association_per_dataset_of_the_region(string region)
    {
        var spec = Planner().Plan(RegionCode.Parse(region), Home);

        Assert.NotEmpty(spec.Datasets);
        Assert.Equal(spec.Datasets.Select(d => d.Location.FsxPath), AssociationsCreatedBy(spec));
        Assert.Equal(
            DatasetCatalog.Default.All.Where(d => d.Location.Region.Value == region).Select(d => d.Location.S3Uri),
            AssociationsCreatedBy(spec, "DataRepositoryPath"));
    }

    [Fact]
    public void A_region_holding_the_most_datasets_the_planner_allows_gets_an_association_for_each()
    {
        var datasets = Enumerable.Range(1, RegionFoundationParameters.MaxDatasets)
            .Select(i => Dataset($"set-{i}", $"s3://bucket-{i}/prefix"))
            .ToList();
        var spec = Planner(new DatasetCatalog(datasets)).Plan(UsEast1, Home);

        Assert.Equal(datasets.Select(d => d.Location.FsxPath), AssociationsCreatedBy(spec));
        Assert.Empty(spec.Parameters.SelectMany(p => Problems(p.Key, p.Value)));
        Assert.NotEmpty(Planner(new DatasetCatalog([.. datasets, Dataset("one-more", "s3://bucket-9")])).Validate(UsEast1, Home));
    }

    [Theory]
    [InlineData(RegionFoundationParameters.VpcCidr, "10.1.0.0/16", true)]
    [InlineData(RegionFoundationParameters.VpcCidr, "10.2.0.0/16", true)]
    [InlineData(RegionFoundationParameters.VpcCidr, "10.0.0.0/16", false)]
    [InlineData(RegionFoundationParameters.VpcCidr, "192.168.0.0/16", false)]
    [InlineData(RegionFoundationParameters.VpcCidr, "172.16.0.0/16", false)]
    [InlineData(RegionFoundationParameters.VpcCidr, "10.3.0.0/20", false)]
    [InlineData(RegionFoundationParameters.VpcCidr, "10.0.0.0/8", false)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "tgw-0123456789abcdef0", true)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "tgw-01234567", true)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "tgw-sandbox", false)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "tgw-0123456", false)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "tgw-012345678901234567", false)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "tgw-0123456789ABCDEF0", false)]
    [InlineData(RegionFoundationParameters.HomeTransitGatewayId, "", false)]
    [InlineData(RegionFoundationParameters.HomeHostedZoneId, "Z0123456789ABCDEFGHIJ", true)]
    [InlineData(RegionFoundationParameters.HomeHostedZoneId, "Z1", true)]
    [InlineData(RegionFoundationParameters.HomeHostedZoneId, "z0123456789", false)]
    [InlineData(RegionFoundationParameters.HomeHostedZoneId, "Zabc", false)]
    [InlineData(RegionFoundationParameters.HomeHostedZoneId, "", false)]
    public void The_planner_refuses_exactly_what_the_template_refuses(string parameter, string value, bool valid)
    {
        var usEast1 = RegionCatalog.Default.Get(UsEast1);
        var (region, home) = parameter switch
        {
            // A catalogue worker is planned with its own CIDR; any other CIDR can only come from a region an admin proposes.
            RegionFoundationParameters.VpcCidr => (RegionCatalog.Default.Workers.FirstOrDefault(r => r.Cidr.ToString() == value) ?? Worker("ap-south-1", value), Home),
            RegionFoundationParameters.HomeTransitGatewayId => (usEast1, Home with { TransitGatewayId = value }),
            _ => (usEast1, Home with { HostedZoneId = value }),
        };

        var plannerAccepts = Planner().Validate(region, home).Count == 0;
        var templateAccepts = !Problems(parameter, value).Any();

        Assert.Equal(valid, templateAccepts);
        Assert.Equal(templateAccepts, plannerAccepts);
    }

    [Fact]
    public void The_planner_plans_exactly_the_vpc_cidrs_the_template_admits()
    {
        // Every /16 of 10.0.0.0/8, as a region an admin proposes, and the catalogue's own workers.
        var candidates = Enumerable.Range(0, 256).Select(i => Worker("ap-south-1", $"10.{i}.0.0/16")).Concat(RegionCatalog.Default.Workers);

        var planned = candidates.Where(r => Planner().Validate(r, Home).Count == 0).Select(r => r.Cidr.ToString()).ToList();
        var admitted = Enumerable.Range(0, 256).Select(i => $"10.{i}.0.0/16").Where(c => !Problems(RegionFoundationParameters.VpcCidr, c).Any());

        Assert.Equal(RegionCatalog.Default.Workers.Select(r => r.Cidr.ToString()), planned);
        Assert.Equal(admitted.Order(StringComparer.Ordinal), planned.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WorkerRegions))]
    public void Every_foundation_the_planner_names_is_one_the_portals_policy_allows(string region) =>
        Assert.StartsWith(Naming.PortalNames.PortalStackPrefix, Planner().Plan(RegionCode.Parse(region), Home).StackName, StringComparison.Ordinal);

    private static RegionFoundationPlanner Planner(DatasetCatalog? datasets = null) =>
        new(RegionCatalog.Default, datasets ?? DatasetCatalog.Default);

    private static DomainRegion Worker(string code, string cidr) =>
        new(RegionCode.Parse(code), code, new GeoPoint(0, 0), RegionRole.Worker, Cidr.Parse(cidr));

    private static Dataset Dataset(string id, string s3Uri) => new(
        DatasetId.Parse(id), id, DatasetKind.Reanalysis, new DataLocation(UsEast1, s3Uri), DataFormat.Zarr,
        new DateCoverage(new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1)), "CC0", id)
    {
        // Foundations link the datasets the analysis reads.
        Layout = DatasetLayout.Era5Pds,
    };

    /// <summary>
    /// What CloudFormation checks before it creates the stack. A list parameter's AllowedPattern and AllowedValues apply
    /// to each item, so each item is checked as a single value.
    /// </summary>
    private IEnumerable<string> Problems(string name, string value)
    {
        var parameter = Template.Parameters[name]!;
        if (parameter["Type"].AsText() != RegionFoundationParameters.ListType)
        {
            return ParameterConstraints.Problems(parameter, name, value);
        }

        var item = parameter.DeepClone().AsObject();
        item["Type"] = RegionFoundationParameters.TextType;
        return value.Split(',').SelectMany(v => ParameterConstraints.Problems(item, name, v));
    }

    /// <summary>A property of each data repository association the template creates with the planned parameters.</summary>
    private List<string> AssociationsCreatedBy(RegionFoundationSpec spec, string property = "FileSystemPath")
    {
        var values = spec.Parameters.ToDictionary(p => p.Key, p => Template.Parameters[p.Key]!["Type"].AsText() == RegionFoundationParameters.ListType
            ? (JsonNode)new JsonArray([.. p.Value.Split(',').Select(i => (JsonNode)i)])
            : p.Value);
        var intrinsics = new Intrinsics(values, conditions: Template.Conditions);
        return [.. Template.ResourcesOfType("AWS::FSx::DataRepositoryAssociation")
            .Where(r => intrinsics.Condition(r.Value["Condition"].AsText()!))
            .Select(r => intrinsics.Text(r.Value["Properties"]![property]))
            .Select(v => property == "FileSystemPath" ? RegionFoundationParameters.MountPoint + v : v)];
    }
}
