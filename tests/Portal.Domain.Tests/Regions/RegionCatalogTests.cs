using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Regions;

public sealed class RegionCatalogTests
{
    [Fact]
    public void Default_topology_has_london_home_and_the_two_data_regions_as_workers()
    {
        var catalog = RegionCatalog.Default;

        Assert.Equal("eu-west-2", catalog.Home.Code.Value);
        Assert.Equal(["us-east-1", "us-west-2"], catalog.Workers.Select(r => r.Code.Value).Order());
    }

    [Fact]
    public void Default_regions_have_coordinates_and_cidrs_that_do_not_overlap()
    {
        var regions = RegionCatalog.Default.All;

        Assert.Equal(51.51, RegionCatalog.Default.Home.Location.Latitude, 2);
        foreach (var a in regions)
        {
            foreach (var b in regions.Where(b => b != a))
            {
                Assert.False(a.Cidr.Overlaps(b.Cidr), $"{a.Code} {a.Cidr} overlaps {b.Code} {b.Cidr}");
            }
        }
    }

    [Fact]
    public void Rejects_regions_whose_cidrs_overlap()
    {
        var home = new Region(RegionCode.Parse("eu-west-2"), "London", new GeoPoint(51.5, -0.1), RegionRole.Home, Cidr.Parse("10.0.0.0/16"));
        var worker = new Region(RegionCode.Parse("us-east-1"), "Virginia", new GeoPoint(39, -77), RegionRole.Worker, Cidr.Parse("10.0.128.0/17"));

        var error = Assert.Throws<DomainException>(() => new RegionCatalog([home, worker]));

        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlap_names_the_other_region_with_its_name_and_cidr()
    {
        var worker = new Region(RegionCode.Parse("ap-south-1"), "Asia Pacific (Mumbai)", new GeoPoint(19.08, 72.88), RegionRole.Worker, Cidr.Parse("10.1.0.0/16"));

        var error = Assert.Throws<DomainException>(() => RegionCatalog.Default.WithWorker(worker));

        Assert.Equal("10.1.0.0/16 overlaps us-east-1 (US East (N. Virginia), 10.1.0.0/16); choose a CIDR that overlaps no other region.", error.Message);
    }

    [Fact]
    public void Adding_a_worker_makes_a_new_catalogue_and_leaves_the_old_one_as_it_was()
    {
        var worker = new Region(RegionCode.Parse("ap-south-1"), "Asia Pacific (Mumbai)", new GeoPoint(19.08, 72.88), RegionRole.Worker, Cidr.Parse("10.3.0.0/16"));

        var added = RegionCatalog.Default.WithWorker(worker);

        Assert.Equal(["us-east-1", "us-west-2", "ap-south-1"], added.Workers.Select(r => r.Code.Value));
        Assert.True(added.RunsWorkersIn(worker.Code));
        Assert.False(RegionCatalog.Default.Contains(worker.Code));
        Assert.Throws<DomainException>(() => added.WithWorker(worker with { Cidr = Cidr.Parse("10.4.0.0/16") }));
    }

    [Fact]
    public void A_disabled_worker_region_runs_no_workers_until_it_is_enabled_again()
    {
        var useast1 = RegionCode.Parse("us-east-1");

        var disabled = RegionCatalog.Default.WithEnabled(useast1, enabled: false);

        Assert.False(disabled.RunsWorkersIn(useast1));
        Assert.True(disabled.IsDisabled(useast1));
        Assert.True(disabled.RunsWorkersIn(RegionCode.Parse("us-west-2")));
        Assert.True(RegionCatalog.Default.RunsWorkersIn(useast1));
        var enabled = disabled.WithEnabled(useast1, enabled: true);
        Assert.True(enabled.RunsWorkersIn(useast1));
        Assert.False(enabled.IsDisabled(useast1));
    }

    [Fact]
    public void The_home_region_cannot_be_disabled()
    {
        var error = Assert.Throws<DomainException>(() => RegionCatalog.Default.WithEnabled(RegionCode.Parse("eu-west-2"), enabled: false));

        Assert.Equal("eu-west-2 is the home region (the portal, notebooks and schedulers run there); it cannot be disabled.", error.Message);
        Assert.Throws<DomainException>(() => new RegionCatalog([RegionCatalog.Default.Home with { Enabled = false }]));
    }

    [Fact]
    public void The_home_region_runs_no_workers()
    {
        Assert.False(RegionCatalog.Default.RunsWorkersIn(RegionCatalog.Default.Home.Code));
        Assert.False(RegionCatalog.Default.RunsWorkersIn(RegionCode.Parse("ap-south-1")));
    }

    [Fact]
    public void Needs_exactly_one_home_region()
    {
        var worker = new Region(RegionCode.Parse("us-east-1"), "Virginia", new GeoPoint(39, -77), RegionRole.Worker, Cidr.Parse("10.1.0.0/16"));

        Assert.Throws<DomainException>(() => new RegionCatalog([worker]));
    }

    [Theory]
    [InlineData("eu-west-2", true)]
    [InlineData("ap-southeast-4", true)]
    [InlineData("EU-WEST-2", false)]
    [InlineData("euwest2", false)]
    [InlineData("eu-west-", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parses_region_codes(string? text, bool valid)
    {
        Assert.Equal(valid, RegionCode.TryParse(text, out _));
    }
}
