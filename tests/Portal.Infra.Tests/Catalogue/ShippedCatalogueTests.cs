using Portal.Domain.Datasets;
using Portal.Infra.Catalogue;

namespace Portal.Infra.Tests.Catalogue;

/// <summary>The catalogue a new portal imports at its first start, read and built as that import does.</summary>
public sealed class ShippedCatalogueTests
{
    private readonly List<CatalogueProblem> _problems = [];

    [Fact]
    public void Imports_more_than_1100_datasets_without_a_problem()
    {
        var catalogue = Build();

        Assert.Empty(_problems);
        Assert.InRange(catalogue.Count, 1100, 1400);
        Assert.Equal(catalogue.Count, catalogue.Select(d => d.Id).Distinct().Count());
        Assert.Equal(DatasetCatalog.Curated.Select(d => d.Id), catalogue.Take(DatasetCatalog.Curated.Count).Select(d => d.Id));
    }

    [Fact]
    public void Holds_era5_in_its_new_home_and_the_old_copy_deprecated_with_the_new_one_as_its_successor()
    {
        var catalogue = new DatasetCatalog(Build());

        var ncar = catalogue.Get(DatasetCatalog.Era5Ncar);
        Assert.Equal(("us-west-2", "s3://nsf-ncar-era5", DatasetLayout.NsfNcarEra5), (ncar.Location.Region.Value, ncar.Location.S3Uri, ncar.Layout));
        Assert.False(ncar.Deprecated);

        var era5 = catalogue.Get(DatasetCatalog.Era5);
        Assert.Equal(("ecmwf-era5", "us-east-1", "s3://era5-pds"), (era5.Slug, era5.Location.Region.Value, era5.Location.S3Uri));
        Assert.True(era5.Deprecated);
        Assert.Equal(DatasetCatalog.Era5Ncar, era5.Successor);
        Assert.Contains("meteorological", era5.Tags);
    }

    [Fact]
    public void Holds_cmip6_in_both_its_regions_and_other_registry_data_at_its_prefix()
    {
        var catalogue = new DatasetCatalog(Build());

        var cmip6 = catalogue.Get(DatasetCatalog.Cmip6);
        Assert.Equal(("us-west-2", "s3://cmip6-pds", DataFormat.Zarr), (cmip6.Location.Region.Value, cmip6.Location.S3Uri, cmip6.Format));
        var esgf = catalogue.Get(DatasetId.Parse("cmip6-us-east-2"));
        Assert.Equal(("cmip6", "us-east-2", "s3://esgf-world", DatasetKind.Other), (esgf.Slug, esgf.Location.Region.Value, esgf.Location.S3Uri, esgf.Kind));

        // NEX-GDDP's curated prefix stands; the registry's whole bucket is not another location, its COG bucket is.
        var nex = catalogue.Get(DatasetCatalog.NexGddpCmip6);
        Assert.Equal("s3://nex-gddp-cmip6/NEX-GDDP-CMIP6", nex.Location.S3Uri);
        Assert.Equal(["s3://nex-gddp-cmip6-cog"], nex.MoreLocations.Select(l => l.S3Uri));

        Assert.Contains(catalogue.All, d => d.Location.Prefix.Length > 0 && d.Layout == DatasetLayout.None);
        Assert.True(catalogue.CountsByRegion.Count > 10);
    }

    /// <summary>
    /// The generator's output from the registry facts where they are (the development machine's shared reference);
    /// elsewhere (a clone on its own) from the shipped file itself: reading and writing it again must give it back, so
    /// the shipped file is always what the generator writes. Either way the test runs; it never skips.
    /// </summary>
    [Fact]
    public void Is_what_the_generator_makes_from_the_registry_facts()
    {
        var facts = Path.Combine(RepositoryRoot(), "..", "shared", "reference", "catalogue", "odr_datasets.csv");
        IReadOnlyList<RegistryDataset> datasets;
        if (File.Exists(facts))
        {
            datasets = [.. RegistryFactsReader.ReadFile(facts, _problems, TestContext.Current.CancellationToken)];
        }
        else
        {
            using var source = ShippedCatalogue.Open();
            datasets = [.. RegistryFactsReader.Read(source, ShippedCatalogue.FileName, _problems, TestContext.Current.CancellationToken)];
        }

        using var regenerated = new MemoryStream();
        RegistryFactsWriter.Write(regenerated, datasets, []);
        using var shipped = ShippedCatalogue.Open();
        using var reader = new StreamReader(shipped);
        var shippedRows = reader.ReadToEnd().Split('\n').Where(l => !l.StartsWith('#'));

        Assert.Empty(_problems);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(regenerated.ToArray()).Split('\n'), shippedRows);
    }

    private IReadOnlyList<Dataset> Build()
    {
        using var shipped = ShippedCatalogue.Open();
        var registry = RegistryFactsReader.Read(shipped, ShippedCatalogue.FileName, _problems, TestContext.Current.CancellationToken);
        var built = CatalogueBuilder.Build(registry, DatasetCatalog.Curated);
        _problems.AddRange(built.Problems);
        return built.Datasets;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln is not above the test's folder.");
    }
}
