using Portal.Domain.Regions;

namespace Portal.Infra.Catalogue;

/// <summary>
/// One Open Data Registry dataset as its files say it, whichever format it came from (the dataset YAML, the facts CSV):
/// the facts the catalogue keeps, before they become portal datasets (<see cref="CatalogueBuilder"/>).
/// </summary>
/// <param name="Slug">The registry's name: the dataset file's name without <c>.yaml</c>.</param>
/// <param name="License">The licence's first line.</param>
/// <param name="ManagedBy">Who publishes it, without the markdown link the registry wraps it in.</param>
/// <param name="Resources">Its S3 buckets and prefixes, in the registry's order (the first one's region is its home).</param>
internal sealed record RegistryDataset(
    string Slug,
    string Name,
    bool Deprecated,
    string DeprecatedNotice,
    IReadOnlyList<string> Tags,
    string License,
    string ManagedBy,
    string UpdateFrequency,
    IReadOnlyList<RegistryResource> Resources)
{
    /// <summary>The slug of the dataset that replaces this deprecated one (<see cref="RegistrySuccessors"/>).</summary>
    public string? Successor { get; init; }

    /// <summary>The file it was read from, for problems found later (an id taken twice).</summary>
    public string File { get; init; } = string.Empty;

    /// <summary>The 1-based line it starts on in <see cref="File"/>.</summary>
    public int Line { get; init; }
}

/// <summary>An S3 bucket resource of a registry dataset: a bucket, a prefix in it (empty for the whole bucket), its region.</summary>
internal sealed record RegistryResource(string Bucket, string Prefix, RegionCode Region, bool RequesterPays, string Description)
{
    /// <summary><c>s3://bucket[/prefix]</c>.</summary>
    public string S3Uri => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";

    /// <summary>The registry's ARN for it: <c>arn:aws:s3:::bucket[/prefix]</c>.</summary>
    public string Arn => Prefix.Length == 0 ? $"{RegistryArn.S3Prefix}{Bucket}" : $"{RegistryArn.S3Prefix}{Bucket}/{Prefix}";
}
