using Portal.Domain.Regions;

namespace Portal.Domain.Datasets;

/// <summary>Where a dataset lives: its region, its S3 URI and the FSx for Lustre path it is mounted at in that region.</summary>
public sealed record DataLocation
{
    public DataLocation(RegionCode region, string s3Uri)
    {
        if (string.IsNullOrWhiteSpace(s3Uri) || !s3Uri.StartsWith("s3://", StringComparison.Ordinal) || s3Uri.Length <= 5)
        {
            throw new DomainException($"'{s3Uri}' is not an S3 URI (s3://bucket[/prefix]).");
        }

        Region = region;
        S3Uri = s3Uri.TrimEnd('/');
        FsxPath = $"/fsx/{region}/{S3Uri["s3://".Length..]}";
    }

    public RegionCode Region { get; }

    /// <summary>The bucket's name: <c>cmip6-pds</c>.</summary>
    public string Bucket => S3Uri["s3://".Length..].Split('/', 2)[0];

    /// <summary>The prefix inside the bucket, without slashes at either end; empty for a whole bucket.</summary>
    public string Prefix => S3Uri["s3://".Length..].Split('/', 2) is [_, var prefix] ? prefix : string.Empty;

    public string S3Uri { get; }

    /// <summary>The mount path <c>/fsx/&lt;region&gt;/&lt;bucket&gt;[/prefix]</c>, the same on every worker of the region.</summary>
    public string FsxPath { get; }
}
