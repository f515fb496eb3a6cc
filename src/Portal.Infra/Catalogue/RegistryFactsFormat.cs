namespace Portal.Infra.Catalogue;

/// <summary>
/// The registry facts CSV (shared/reference/catalogue/odr_datasets.csv, and the portal's shipped
/// <c>Catalogue/Data/registry-datasets.csv</c>): a header, then one row per dataset and S3 resource. Tags are separated
/// by <c>;</c>. Lines starting with <c>#</c> are comments. A dataset's columns (name to update_frequency, and the
/// optional deprecated_notice) are read from its first row that has a name; its later rows may leave them empty, as
/// the shipped file does.
/// </summary>
internal static class RegistryFactsFormat
{
    public const string Slug = "slug";
    public const string Name = "name";
    public const string Deprecated = "deprecated";
    public const string Region = "region";
    public const string Arn = "arn";
    public const string RequesterPays = "requester_pays";
    public const string Tags = "tags";
    public const string License = "license";
    public const string ManagedBy = "managed_by";
    public const string UpdateFrequency = "update_frequency";

    /// <summary>Optional: the registry's DeprecatedNotice, from which a successor is found.</summary>
    public const string DeprecatedNotice = "deprecated_notice";

    public const char CommentPrefix = '#';
    public const char TagSeparator = ';';

    /// <summary>The columns every file has, in the order the registry's facts list them.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [Slug, Name, Deprecated, Region, Arn, RequesterPays, Tags, License, ManagedBy, UpdateFrequency];
}
