using Portal.Domain.Datasets;
using Portal.Infra.Catalogue;

namespace Portal.Infra.Tests.Catalogue;

public sealed class RegistryYamlReaderTests : IDisposable
{
    private const string Reanalysis = """
        Name: Example Reanalysis
        Description: |
          Hourly fields on a regular grid.
        ManagedBy: "[Example Weather Service](https://weather.example.org/)"
        UpdateFrequency: Monthly
        Tags:
          - Climate
          - weather
          - NetCDF
        License: |
          Free to use with attribution.
          See https://weather.example.org/terms for the conditions.
        Resources:
          - Description: NetCDF files, one per variable and month
            ARN: arn:aws:s3:::example-reanalysis/netcdf/
            Region: us-east-1
            Type: S3 Bucket
          - Description: New-object notifications
            ARN: arn:aws:sns:us-east-1:123456789012:example-reanalysis-object_created
            Region: us-east-1
            Type: SNS Topic
          - Description: The same fields as Zarr
            ARN: arn:aws:s3:::example-reanalysis-zarr
            Region: eu-west-1
            Type: S3 Bucket
        """;

    private readonly List<CatalogueProblem> _problems = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-registry-yaml-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_name_tags_first_licence_line_publisher_without_link_and_update_frequency()
    {
        var dataset = Read(Reanalysis, "example-reanalysis.yaml");

        Assert.Empty(_problems);
        Assert.NotNull(dataset);
        Assert.Equal("example-reanalysis", dataset.Slug);
        Assert.Equal("Example Reanalysis", dataset.Name);
        Assert.Equal(["Climate", "weather", "NetCDF"], dataset.Tags);
        Assert.Equal("Free to use with attribution.", dataset.License);
        Assert.Equal("Example Weather Service", dataset.ManagedBy);
        Assert.Equal("Monthly", dataset.UpdateFrequency);
        Assert.False(dataset.Deprecated);
        Assert.Null(dataset.Successor);
    }

    [Fact]
    public void Keeps_the_s3_buckets_with_their_prefixes_in_order_and_passes_over_other_resource_types()
    {
        var dataset = Read(Reanalysis, "example-reanalysis.yaml")!;

        Assert.Collection(
            dataset.Resources,
            r =>
            {
                Assert.Equal(("example-reanalysis", "netcdf", "us-east-1"), (r.Bucket, r.Prefix, r.Region.Value));
                Assert.Equal("NetCDF files, one per variable and month", r.Description);
                Assert.False(r.RequesterPays);
            },
            r => Assert.Equal(("example-reanalysis-zarr", "", "eu-west-1"), (r.Bucket, r.Prefix, r.Region.Value)));
    }

    [Fact]
    public void Reads_requester_pays_per_bucket()
    {
        var dataset = Read("""
            Name: Example Imagery
            Tags: [aerial imagery, cog]
            License: Public domain
            Resources:
              - Description: Analytic tiles (requester pays)
                ARN: arn:aws:s3:::example-imagery-analytic
                Region: us-west-2
                Type: S3 Bucket
                RequesterPays: True
              - Description: Thumbnails
                ARN: arn:aws:s3:::example-imagery-thumbs
                Region: us-west-2
                Type: S3 Bucket
                RequesterPays: false
            """, "example-imagery.yml")!;

        Assert.Equal([true, false], dataset.Resources.Select(r => r.RequesterPays));
    }

    [Fact]
    public void A_deprecated_dataset_keeps_its_notice_and_gets_the_successor_its_registry_link_names()
    {
        var dataset = Read("""
            Deprecated: True
            DeprecatedNotice: |
              #### This copy is no longer updated. The data now lives here: [https://registry.opendata.aws/example-reanalysis-v2/](https://registry.opendata.aws/example-reanalysis-v2/)
            Name: Example Reanalysis (old copy)
            Tags: [climate]
            License: Free
            Resources:
              - Description: Old bucket
                ARN: arn:aws:s3:::example-reanalysis-old
                Region: us-east-1
                Type: S3 Bucket
            """, "example-reanalysis-old.yaml")!;

        Assert.True(dataset.Deprecated);
        Assert.StartsWith("#### This copy is no longer updated.", dataset.DeprecatedNotice, StringComparison.Ordinal);
        var resolved = Assert.Single(RegistrySuccessors.Resolve([dataset]));
        Assert.Equal("example-reanalysis-v2", resolved.Successor);
    }

    [Fact]
    public void A_bad_arn_is_reported_with_its_file_and_line_and_the_file_is_skipped()
    {
        var dataset = Read("""
            Name: Example Broken
            Tags: [climate]
            License: Free
            Resources:
              - Description: Data
                ARN: arn:aws:s3:::Not_A_Bucket/data
                Region: us-east-1
                Type: S3 Bucket
            """, "example-broken.yaml");

        Assert.Null(dataset);
        var problem = Assert.Single(_problems);
        Assert.Equal(("example-broken.yaml", 6), (problem.File, problem.Line));
        Assert.Contains("Not_A_Bucket", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bucket_without_region_and_a_file_without_name_are_reported_and_skipped()
    {
        Assert.Null(Read("""
            Name: Example No Region
            Resources:
              - Description: Data
                ARN: arn:aws:s3:::example-no-region
                Type: S3 Bucket
            """, "example-no-region.yaml"));
        Assert.Null(Read("""
            Tags: [climate]
            Resources: []
            """, "example-no-name.yaml"));

        Assert.Collection(
            _problems,
            p => Assert.Equal(("example-no-region.yaml", 3, "An S3 Bucket resource has no Region."), (p.File, p.Line, p.Message)),
            p => Assert.Equal(("example-no-name.yaml", 1, "Name is missing."), (p.File, p.Line, p.Message)));
    }

    [Fact]
    public void Text_that_is_not_yaml_is_reported_with_the_line_the_parser_stopped_at()
    {
        Assert.Null(Read("Name: Example\nTags:\n  - climate\n  bad: [unclosed\n", "example-bad-yaml.yaml"));

        var problem = Assert.Single(_problems);
        Assert.Equal("example-bad-yaml.yaml", problem.File);
        Assert.InRange(problem.Line, 3, 5);
        Assert.StartsWith("Not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_point_is_passed_over_like_a_resource_no_association_can_link()
    {
        var dataset = Read("""
            Name: Example Controlled Data
            Tags: [health]
            License: By agreement
            Resources:
              - Description: Through an access point
                ARN: arn:aws:s3:us-east-1:123456789012:accesspoint/example-ap/data/
                Region: us-east-1
                Type: S3 Bucket
            """, "example-controlled.yaml");

        Assert.Empty(_problems);
        Assert.Empty(dataset!.Resources);
    }

    [Fact]
    public void A_folder_reads_yaml_and_yml_files_in_name_order_skips_the_bad_ones_and_links_successors_among_them()
    {
        File.WriteAllText(Path.Combine(_folder, "example-reanalysis.yaml"), Reanalysis);
        File.WriteAllText(Path.Combine(_folder, "example-archive.yml"), """
            Deprecated: true
            DeprecatedNotice: Superseded by example-reanalysis, which has the same fields.
            Name: Example Archive
            Tags: [climate]
            License: Free
            Resources:
              - Description: Archive
                ARN: arn:aws:s3:::example-archive
                Region: us-east-2
                Type: S3 Bucket
            """);
        File.WriteAllText(Path.Combine(_folder, "example-broken.yaml"), "Name: [unclosed\n");
        File.WriteAllText(Path.Combine(_folder, "README.md"), "Not a dataset.");

        var datasets = RegistryYamlReader.ReadFolder(_folder, _problems, TestContext.Current.CancellationToken);

        Assert.Equal(["example-archive", "example-reanalysis"], datasets.Select(d => d.Slug));
        Assert.Equal("example-reanalysis", datasets[0].Successor);
        Assert.Equal("example-broken.yaml", Assert.Single(_problems).File);
    }

    [Fact]
    public void The_file_name_must_be_a_registry_slug()
    {
        Assert.Null(Read(Reanalysis, "Example Reanalysis.yaml"));

        Assert.Contains("is not a registry slug", Assert.Single(_problems).Message, StringComparison.Ordinal);
    }

    private RegistryDataset? Read(string yaml, string fileName)
    {
        using var text = new StringReader(yaml);
        return RegistryYamlReader.Read(text, fileName, _problems);
    }
}
