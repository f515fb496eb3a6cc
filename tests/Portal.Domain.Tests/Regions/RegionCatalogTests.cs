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
