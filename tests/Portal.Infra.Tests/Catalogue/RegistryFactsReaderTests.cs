using System.Text;
using Portal.Domain.Datasets;
using Portal.Infra.Catalogue;

namespace Portal.Infra.Tests.Catalogue;

public sealed class RegistryFactsReaderTests
{
    private const string Header = "slug,name,deprecated,region,arn,requester_pays,tags,license,managed_by,update_frequency";

    private readonly List<CatalogueProblem> _problems = [];

    [Fact]
    public void Gathers_a_datasets_rows_in_order_with_its_tags_and_requester_pays_per_bucket()
    {
        var datasets = Read(
            Header,
            "example-model,Example Model Output,false,us-west-2,arn:aws:s3:::example-model/zarr/,false,climate;Zarr; model ,Free to use,[Example Lab](https://lab.example.org),Yearly",
            "example-model,Example Model Output,false,us-east-2,arn:aws:s3:::example-model-netcdf,true,climate;Zarr; model ,Free to use,[Example Lab](https://lab.example.org),Yearly",
            "example-model,Example Model Output,false,us-west-2,arn:aws:s3:::example-model/extras,false,climate;Zarr; model ,Free to use,[Example Lab](https://lab.example.org),Yearly");

        Assert.Empty(_problems);
        var dataset = Assert.Single(datasets);
        Assert.Equal(("example-model", "Example Model Output", "Free to use", "Example Lab", "Yearly"),
            (dataset.Slug, dataset.Name, dataset.License, dataset.ManagedBy, dataset.UpdateFrequency));
        Assert.Equal(["climate", "Zarr", "model"], dataset.Tags);
        Assert.Equal(
            ["us-west-2 s3://example-model/zarr False", "us-east-2 s3://example-model-netcdf True", "us-west-2 s3://example-model/extras False"],
            dataset.Resources.Select(r => $"{r.Region} {r.S3Uri} {r.RequesterPays}"));
        Assert.Equal(("test.csv", 2), (dataset.File, dataset.Line));
    }

    [Fact]
    public void A_bad_row_is_reported_with_its_line_and_skipped_and_the_other_rows_are_read()
    {
        var datasets = Read(
            Header,
            "example-a,Example A,false,us-east-1,arn:aws:s3:::example-a,false,climate,Free,Lab,Daily",
            "example-a,Example A,false,us-east-1,s3://example-a/not-an-arn,false,climate,Free,Lab,Daily",
            "example-b,Example B,maybe,us-east-1,arn:aws:s3:::example-b,false,climate,Free,Lab,Daily",
            "example-c,Example C,false,nowhere,arn:aws:s3:::example-c,false,climate,Free,Lab,Daily",
            "example-d,Example D,false,us-east-1",
            "example-e,Example E,true,eu-west-1,arn:aws:s3:::example-e,false,climate,Free,Lab,Daily");

        Assert.Equal(["example-a", "example-e"], datasets.Select(d => d.Slug));
        Assert.Equal([3, 4, 5, 6], _problems.Select(p => p.Line));
        Assert.All(_problems, p => Assert.Equal("test.csv", p.File));
        Assert.Contains("s3://example-a/not-an-arn", _problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("deprecated is 'maybe'", _problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'nowhere' is not an AWS region code", _problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("fields", _problems[3].Message, StringComparison.Ordinal);
        Assert.True(datasets[1].Deprecated);
    }

    [Fact]
    public void A_file_without_the_facts_columns_is_reported_once_and_gives_nothing()
    {
        var datasets = Read("slug,name,region", "example-a,Example A,us-east-1");

        Assert.Empty(datasets);
        var problem = Assert.Single(_problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("deprecated, arn, requester_pays, tags, license, managed_by, update_frequency", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_rows_may_leave_the_datasets_columns_empty_and_comments_are_skipped()
    {
        var datasets = Read(
            "# the shipped catalogue's header comment",
            Header + ",deprecated_notice",
            "example-old,Example Old,true,us-east-1,arn:aws:s3:::example-old,false,climate,Free,Lab,Never,Moved to registry.opendata.aws/example-new",
            "example-old,,,us-east-1,arn:aws:s3:::example-old-extra,true,,,,,",
            "example-new,Example New,false,us-west-2,arn:aws:s3:::example-new,false,climate,Free,Lab,Daily,");

        Assert.Empty(_problems);
        var old = datasets[0];
        Assert.Equal(("Example Old", true, "Example Old"), (old.Name, old.Deprecated, old.Name));
        Assert.Equal(["s3://example-old", "s3://example-old-extra"], old.Resources.Select(r => r.S3Uri));
        Assert.Equal("example-new", old.Successor);
        Assert.Equal(3, old.Line);
    }

    [Fact]
    public void What_the_writer_writes_reads_back_the_same()
    {
        var written = new[]
        {
            new RegistryDataset("example-z", "Example, with a comma", true, "See registry.opendata.aws/example-a", ["climate", "netcdf"], "Free \"as in\" beer", "Lab", "Daily",
                [new("example-z", "data/2024", Region("us-east-1"), false, ""), new("example-z-eu", "", Region("eu-west-1"), true, "")]),
            new RegistryDataset("example-a", "Example A", false, "", [], "", "", "", [new("example-a", "", Region("us-west-2"), false, "")]),
            new RegistryDataset("example-none", "No buckets", false, "", [], "", "", "", []),
        };
        using var stream = new MemoryStream();
        var (datasets, rows) = RegistryFactsWriter.Write(stream, written, ["made by a test"]);
        stream.Position = 0;

        var read = RegistryFactsReader.Read(stream, "written.csv", _problems, TestContext.Current.CancellationToken);

        Assert.Equal((2, 3), (datasets, rows));
        Assert.Empty(_problems);
        Assert.Equal(["example-a", "example-z"], read.Select(d => d.Slug));
        var z = read[1];
        Assert.Equal((written[0].Name, written[0].License, written[0].DeprecatedNotice, true), (z.Name, z.License, z.DeprecatedNotice, z.Deprecated));
        Assert.Equal(written[0].Tags, z.Tags);
        Assert.Equal(written[0].Resources.Select(r => r with { Description = "" }), z.Resources);
        Assert.Equal("example-a", z.Successor);
    }

    private static Portal.Domain.Regions.RegionCode Region(string code) => Portal.Domain.Regions.RegionCode.Parse(code);

    private IReadOnlyList<RegistryDataset> Read(params string[] lines)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return RegistryFactsReader.Read(stream, "test.csv", _problems, TestContext.Current.CancellationToken);
    }
}
