using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Infra.Catalogue;

namespace Portal.Infra.Tests.Catalogue;

public sealed class CatalogueBuilderTests
{
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsEast2 = RegionCode.Parse("us-east-2");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    [Fact]
    public void One_dataset_per_region_the_slug_for_the_first_resources_region_and_slug_region_for_the_others()
    {
        var registry = Registry("example-model", Bucket("example-model-zarr", "", UsWest2), Bucket("example-model-nc", "", UsEast2));

        var built = CatalogueBuilder.Build([registry], []);

        Assert.Empty(built.Problems);
        Assert.Equal(["example-model us-west-2", "example-model-us-east-2 us-east-2"], built.Datasets.Select(d => $"{d.Id} {d.Location.Region}"));
        Assert.All(built.Datasets, d => Assert.Equal("example-model", d.Slug));
        Assert.Equal(2, built.Imported);
    }

    [Fact]
    public void The_location_keeps_the_registrys_prefix_and_the_regions_other_buckets_are_more_locations()
    {
        var registry = Registry(
            "example-model",
            Bucket("example-model", "CMIP6/day", UsWest2),
            Bucket("example-model", "CMIP6/month", UsWest2),
            Bucket("example-model-nc", "", UsEast2),
            Bucket("example-model", "CMIP6/month", UsWest2));

        var dataset = CatalogueBuilder.Build([registry], []).Datasets[0];

        Assert.Equal("s3://example-model/CMIP6/day", dataset.Location.S3Uri);
        Assert.Equal("CMIP6/day", dataset.Location.Prefix);
        Assert.Equal(["s3://example-model/CMIP6/month"], dataset.MoreLocations.Select(l => l.S3Uri));
    }

    [Theory]
    [InlineData("NetCDF", DataFormat.NetCdf)]
    [InlineData("zarr", DataFormat.Zarr)]
    [InlineData("COG", DataFormat.Cog)]
    [InlineData("cloud optimized geotiff", DataFormat.Cog)]
    [InlineData("parquet", DataFormat.Parquet)]
    [InlineData("grib2", DataFormat.Grib)]
    [InlineData("GRIB", DataFormat.Grib)]
    [InlineData("csv", DataFormat.Csv)]
    [InlineData("geotiff", DataFormat.GeoTiff)]
    [InlineData("hdf5", DataFormat.Hdf5)]
    [InlineData("hdf", DataFormat.Hdf5)]
    [InlineData("satellite imagery", DataFormat.Unknown)]
    public void The_format_comes_from_the_tags(string tag, DataFormat expected) =>
        Assert.Equal(expected, CatalogueBuilder.FormatFrom(["climate", tag]));

    [Fact]
    public void The_first_tag_that_names_a_format_wins()
    {
        Assert.Equal(DataFormat.NetCdf, CatalogueBuilder.FormatFrom(["climate", "netcdf", "cog"]));
    }

    [Fact]
    public void Registry_datasets_are_other_data_with_lower_case_tags_and_requester_pays_if_any_bucket_in_the_region_is()
    {
        var registry = Registry("example-imagery", Bucket("example-imagery-a", "", UsWest2), Bucket("example-imagery-b", "", UsWest2, requesterPays: true))
            with { Tags = [" Aerial Imagery ", "COG", "cog"], License = "Public domain", ManagedBy = "Example Agency", UpdateFrequency = "Yearly" };

        var dataset = Assert.Single(CatalogueBuilder.Build([registry], []).Datasets);

        Assert.Equal((DatasetKind.Other, DataFormat.Cog, DatasetLayout.None), (dataset.Kind, dataset.Format, dataset.Layout));
        Assert.Null(dataset.Coverage);
        Assert.Equal(string.Empty, dataset.Description);
        Assert.Equal(["aerial imagery", "cog"], dataset.Tags);
        Assert.True(dataset.RequesterPays);
        Assert.Equal(("Public domain", "Example Agency", "Yearly"), (dataset.Licence, dataset.ManagedBy, dataset.UpdateFrequency));
    }

    [Fact]
    public void A_curated_dataset_keeps_its_own_fields_and_takes_the_registrys_tags_licence_deprecation_and_other_locations()
    {
        var curated = new Dataset(DatasetId.Parse("reanalysis"), "Curated reanalysis", DatasetKind.Reanalysis,
            new DataLocation(UsEast1, "s3://example-reanalysis/netcdf"), DataFormat.NetCdf,
            new DateCoverage(new DateOnly(1979, 1, 1), new DateOnly(2020, 12, 31)), "Curated licence", "Written by hand.")
        {
            Slug = "example-reanalysis",
            Layout = DatasetLayout.Era5Pds,
            Successor = DatasetId.Parse("example-new"),
        };
        var registry = Registry(
                "example-reanalysis",
                Bucket("example-reanalysis", "", UsEast1),
                Bucket("example-reanalysis", "netcdf", UsEast1),
                Bucket("example-reanalysis-zarr", "", UsEast1, requesterPays: true),
                Bucket("example-reanalysis-eu", "", UsEast2))
            with { Tags = ["Climate"], License = "Registry licence", ManagedBy = "Registry publisher", Deprecated = true };
        var successor = Registry("example-new", Bucket("example-new", "", UsWest2));

        var built = CatalogueBuilder.Build([registry, successor], [curated]);

        Assert.Empty(built.Problems);
        Assert.Equal(["reanalysis", "example-new", "example-reanalysis-us-east-2"], built.Datasets.Select(d => d.Id.Value));
        var dataset = built.Datasets[0];
        Assert.Equal(("Curated reanalysis", DatasetKind.Reanalysis, DataFormat.NetCdf, DatasetLayout.Era5Pds, "Written by hand."),
            (dataset.Name, dataset.Kind, dataset.Format, dataset.Layout, dataset.Description));
        Assert.Equal(curated.Location, dataset.Location);
        Assert.Equal(curated.Coverage, dataset.Coverage);
        Assert.Equal(["climate"], dataset.Tags);
        Assert.Equal(("Registry licence", "Registry publisher", true, true), (dataset.Licence, dataset.ManagedBy, dataset.Deprecated, dataset.RequesterPays));
        // The whole bucket holds the curated prefix: the same data, widened; it is no other location.
        Assert.Equal(["s3://example-reanalysis-zarr"], dataset.MoreLocations.Select(l => l.S3Uri));
        Assert.Equal(DatasetId.Parse("example-new"), dataset.Successor);
    }

    [Fact]
    public void Curated_datasets_the_import_does_not_mention_are_kept_first_in_their_order()
    {
        var built = CatalogueBuilder.Build([Registry("example-a", Bucket("example-a", "", UsEast1))], DatasetCatalog.Curated);

        Assert.Equal([.. DatasetCatalog.Curated.Select(d => d.Id), DatasetId.Parse("example-a")], built.Datasets.Select(d => d.Id));
        Assert.Equal(DatasetCatalog.Curated, built.Datasets.Take(DatasetCatalog.Curated.Count));
        Assert.Equal(1, built.Imported);
    }

    [Fact]
    public void An_id_taken_twice_is_reported_and_the_later_dataset_skipped()
    {
        // example-a's second region makes example-a-us-east-2, which is also a slug of its own.
        var first = Registry("example-a", Bucket("example-a", "", UsWest2), Bucket("example-a-east", "", UsEast2)) with { File = "facts.csv", Line = 2 };
        var second = Registry("example-a-us-east-2", Bucket("example-other", "", UsEast1)) with { File = "facts.csv", Line = 9 };

        var built = CatalogueBuilder.Build([first, second], []);

        Assert.Equal(["example-a", "example-a-us-east-2"], built.Datasets.Select(d => d.Id.Value));
        Assert.Equal(UsEast2, built.Datasets[1].Location.Region);
        var problem = Assert.Single(built.Problems);
        Assert.Equal(("facts.csv", 9), (problem.File, problem.Line));
        Assert.Contains("example-a-us-east-2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successor_slug_becomes_the_successors_id_and_one_not_in_the_catalogue_is_dropped()
    {
        var curatedNew = new Dataset(DatasetId.Parse("new-home"), "New home", DatasetKind.Reanalysis, new DataLocation(UsWest2, "s3://example-new"),
            DataFormat.NetCdf, null, "", "") { Slug = "example-new" };
        var old = Registry("example-old", Bucket("example-old", "", UsEast1)) with { Deprecated = true, Successor = "example-new" };
        var orphan = Registry("example-orphan", Bucket("example-orphan", "", UsEast1)) with { Deprecated = true, Successor = "example-gone" };

        var built = CatalogueBuilder.Build([old, orphan, Registry("example-new", Bucket("example-new", "", UsWest2))], [curatedNew]);

        Assert.Equal(DatasetId.Parse("new-home"), built.Datasets.Single(d => d.Slug == "example-old").Successor);
        Assert.Null(built.Datasets.Single(d => d.Slug == "example-orphan").Successor);
    }

    [Fact]
    public void Datasets_kept_from_the_stored_catalogue_stay_and_win_id_clashes()
    {
        var stored = CatalogueBuilder.Build([Registry("example-a", Bucket("example-a", "", UsEast1))], []).Datasets;
        var other = Registry("example-b", Bucket("example-b", "", UsEast1));

        var built = CatalogueBuilder.Build([other, Registry("example-a", Bucket("example-a-moved", "", UsWest2))], [], keep: stored);

        Assert.Equal(["example-a", "example-b"], built.Datasets.Select(d => d.Id.Value));
        Assert.Equal("s3://example-a", built.Datasets[0].Location.S3Uri);
        Assert.Contains("is taken by example-a", Assert.Single(built.Problems).Message, StringComparison.Ordinal);
    }

    private static RegistryDataset Registry(string slug, params RegistryResource[] resources) =>
        new(slug, $"Dataset {slug}", false, string.Empty, ["climate"], "Free", "Lab", "Daily", resources);

    private static RegistryResource Bucket(string bucket, string prefix, RegionCode region, bool requesterPays = false) =>
        new(bucket, prefix, region, requesterPays, string.Empty);
}
