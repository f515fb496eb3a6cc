using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Regions;

public sealed class RegionFoundationPlannerTests
{
    private static readonly HomeFoundationOutputs Home = new("tgw-0123456789abcdef0", "Z0123456789ABCDEFGHIJ");
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    private static RegionFoundationPlanner Planner(DatasetCatalog? datasets = null) =>
        new(RegionCatalog.Default, datasets ?? DatasetCatalog.Default);

    private static Region Worker(string code, string cidr) =>
        new(RegionCode.Parse(code), code, new GeoPoint(0, 0), RegionRole.Worker, Cidr.Parse(cidr));

    [Fact]
    public void Plans_the_era5_region_with_its_cidr_the_home_side_and_its_dataset()
    {
        var spec = Planner().Plan(UsEast1, Home);

        Assert.Equal(("portal-region-us-east-1", "RegionFoundation", UsEast1), (spec.StackName, spec.Template, spec.Region));
        Assert.Equal(new Dictionary<string, string>
        {
            ["VpcCidr"] = "10.1.0.0/16",
            ["HomeRegion"] = "eu-west-2",
            ["HomeCidr"] = "10.0.0.0/16",
            ["HomeTransitGatewayId"] = "tgw-0123456789abcdef0",
            ["HomeHostedZoneId"] = "Z0123456789ABCDEFGHIJ",
            ["DatasetS3Uris"] = "s3://era5-pds",
            ["DatasetFsxPaths"] = "/us-east-1/era5-pds",
        }, spec.Parameters);
        Assert.Equal([DatasetCatalog.Era5], spec.Datasets.Select(d => d.Id));
    }

    [Fact]
    public void Gives_every_parameter_the_template_declares_and_no_other()
    {
        var spec = Planner().Plan(UsWest2, Home);

        Assert.Equal(RegionFoundationParameters.Types.Select(t => t.Key).Order(), spec.Parameters.Keys.Order());
    }

    [Fact]
    public void Pairs_several_datasets_position_by_position_in_catalogue_order()
    {
        var catalog = new DatasetCatalog([
            .. DatasetCatalog.Default.All,
            Dataset("noaa-goes", "s3://noaa-goes16/ABI-L2"),
            Dataset("nasa-nex", "s3://nasanex/NEX-GDDP/"),
        ]);

        var spec = Planner(catalog).Plan(UsEast1, Home);

        Assert.Equal("s3://era5-pds,s3://noaa-goes16/ABI-L2,s3://nasanex/NEX-GDDP", spec.Parameters["DatasetS3Uris"]);
        Assert.Equal("/us-east-1/era5-pds,/us-east-1/noaa-goes16/ABI-L2,/us-east-1/nasanex/NEX-GDDP", spec.Parameters["DatasetFsxPaths"]);
        Assert.Equal(["era5", "noaa-goes", "nasa-nex"], spec.Datasets.Select(d => d.Id.Value));
    }

    [Fact]
    public void Refuses_the_home_region_and_says_how_its_foundation_is_made()
    {
        var problems = Planner().Validate(RegionCode.Parse("eu-west-2"), Home);

        var problem = Assert.Single(problems);
        Assert.Contains("home region", problem, StringComparison.Ordinal);
        Assert.Contains("HomeFoundation", problem, StringComparison.Ordinal);
        var error = Assert.Throws<DomainException>(() => Planner().Plan(RegionCode.Parse("eu-west-2"), Home));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_region_the_catalogue_does_not_hold()
    {
        var problem = Assert.Single(Planner().Validate(RegionCode.Parse("ap-south-1"), Home));

        Assert.Equal("Region ap-south-1 is not in the portal's region catalogue.", problem);
        Assert.Throws<DomainException>(() => Planner().Plan(RegionCode.Parse("ap-south-1"), Home));
    }

    [Fact]
    public void Refuses_a_region_whose_cidr_overlaps_another_region_naming_both()
    {
        var problems = Planner().Validate(Worker("ap-south-1", "10.1.0.0/16"), Home);

        Assert.Contains(
            "The CIDR of ap-south-1 (10.1.0.0/16) overlaps the CIDR of us-east-1 (10.1.0.0/16): traffic over the Transit Gateway could not tell them apart. Give each region its own /16.",
            problems);
    }

    [Fact]
    public void Refuses_a_region_that_overlaps_the_home_cidr()
    {
        var problems = Planner().Validate(Worker("ap-south-1", "10.0.0.0/16"), Home);

        Assert.Contains(problems, p => p.Contains("overlaps the CIDR of eu-west-2 (10.0.0.0/16)", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_catalogue_worker_planned_with_another_cidr()
    {
        var problem = Assert.Single(Planner().Validate(Worker("us-east-1", "10.9.0.0/16"), Home));

        Assert.StartsWith("us-east-1 with 10.9.0.0/16 is not a worker region of the portal's region catalogue", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_catalogue_worker_whose_cidr_the_template_cannot_take()
    {
        var catalog = new RegionCatalog([RegionCatalog.Default.Home, Worker("us-east-1", "192.168.0.0/16")]);

        var problem = Assert.Single(new RegionFoundationPlanner(catalog, DatasetCatalog.Default).Validate(UsEast1, Home));

        Assert.StartsWith("The CIDR of us-east-1 is 192.168.0.0/16; a worker region needs a /16 inside 10.0.0.0/8", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.0.0/16")]
    [InlineData("10.3.0.0/20")]
    [InlineData("10.0.0.0/8")]
    public void Refuses_a_cidr_that_is_not_a_slash_16_inside_ten_slash_eight(string cidr)
    {
        var problems = Planner().Validate(Worker("ap-south-1", cidr), Home);

        Assert.Contains(problems, p => p.StartsWith($"The CIDR of ap-south-1 is {cidr}; a worker region needs a /16 inside 10.0.0.0/8", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_region_with_a_free_slash_16_until_the_catalogue_and_home_foundation_hold_it()
    {
        var problem = Assert.Single(Planner().Validate(Worker("ap-south-1", "10.3.0.0/16"), Home));

        Assert.Equal(
            "ap-south-1 with 10.3.0.0/16 is not a worker region of the portal's region catalogue: HomeFoundation routes and admits only the "
            + "catalogue's worker CIDRs (CDK context portal:workerRegions). Add it to both and redeploy HomeFoundation first.",
            problem);
    }

    [Fact]
    public void Plans_a_catalogue_worker_that_holds_no_dataset_with_empty_lists()
    {
        var catalog = new RegionCatalog([.. RegionCatalog.Default.All, Worker("ap-south-1", "10.3.0.0/16")]);

        var spec = new RegionFoundationPlanner(catalog, DatasetCatalog.Default).Plan(RegionCode.Parse("ap-south-1"), Home);

        Assert.Equal("10.3.0.0/16", spec.Parameters["VpcCidr"]);
        Assert.Empty(spec.Datasets);
        Assert.Equal((string.Empty, string.Empty), (spec.Parameters["DatasetS3Uris"], spec.Parameters["DatasetFsxPaths"]));
    }

    [Fact]
    public void Accepts_as_many_datasets_as_fsx_allows_and_refuses_one_more()
    {
        var eight = Enumerable.Range(1, RegionFoundationParameters.MaxDatasets).Select(i => Dataset($"d{i}", $"s3://bucket-{i}")).ToList();
        var nine = eight.Append(Dataset("d9", "s3://bucket-9")).ToList();

        Assert.Empty(Planner(new DatasetCatalog(eight)).Validate(UsEast1, Home));
        var problem = Assert.Single(Planner(new DatasetCatalog(nine)).Validate(UsEast1, Home));
        Assert.Equal(
            "us-east-1 holds 9 datasets (d1, d2, d3, d4, d5, d6, d7, d8, d9); a foundation links at most 8 (FSx for Lustre allows 8 data repository associations per file system).",
            problem);
    }

    [Fact]
    public void Refuses_a_dataset_whose_s3_uri_holds_a_comma()
    {
        var problem = Assert.Single(Planner(new DatasetCatalog([Dataset("odd", "s3://bucket/a,b")])).Validate(UsEast1, Home));

        Assert.Contains("contains a comma", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tgw-sandbox", "Z0123456789ABCDEFGHIJ", "Transit Gateway id")]
    [InlineData("", "Z0123456789ABCDEFGHIJ", "Transit Gateway id")]
    [InlineData("tgw-0123456789ABCDEF0", "Z0123456789ABCDEFGHIJ", "Transit Gateway id")]
    [InlineData("tgw-0123456789abcdef0", "zone", "hosted zone id")]
    [InlineData("tgw-0123456789abcdef0", "", "hosted zone id")]
    public void Refuses_home_outputs_that_are_not_aws_ids(string transitGatewayId, string hostedZoneId, string named)
    {
        var problem = Assert.Single(Planner().Validate(UsEast1, new HomeFoundationOutputs(transitGatewayId, hostedZoneId)));

        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.Contains("HomeFoundation's output", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var problems = Planner()
            .Validate(Worker("ap-south-1", "10.1.0.0/20"), new HomeFoundationOutputs("nope", "nope"));

        // Not in the catalogue, not a /16, overlaps us-east-1, two malformed ids.
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void Names_the_stack_inside_the_portals_prefix_and_apart_from_sessions()
    {
        Assert.Equal("portal-region-ap-southeast-4", RegionFoundationPlanner.StackName(RegionCode.Parse("ap-southeast-4")));
    }

    private static Dataset Dataset(string id, string s3Uri) => new(
        DatasetId.Parse(id),
        id,
        DatasetKind.Reanalysis,
        new DataLocation(UsEast1, s3Uri),
        DataFormat.Zarr,
        new DateCoverage(new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1)),
        "CC0",
        id)
    {
        Layout = DatasetLayout.Era5Pds,
    };

    [Fact]
    public void Links_only_the_datasets_the_analysis_reads_never_the_rest_of_the_region()
    {
        var other = Dataset("noaa-goes", "s3://noaa-goes16/ABI-L2") with { Layout = DatasetLayout.None, Kind = DatasetKind.Other, Coverage = null };
        var catalog = new DatasetCatalog([Dataset("era5", "s3://era5-pds"), other]);

        var spec = Planner(catalog).Plan(UsEast1, Home);

        Assert.Equal(["era5"], spec.Datasets.Select(d => d.Id.Value));
        Assert.Equal("s3://era5-pds", spec.Parameters[RegionFoundationParameters.DatasetS3Uris]);
    }
}
