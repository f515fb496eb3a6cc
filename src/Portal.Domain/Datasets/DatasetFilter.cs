using Portal.Domain.Regions;

namespace Portal.Domain.Datasets;

/// <summary>
/// What the explore page's filters ask for, shared by the map and the list: a theme (registry tag), a format, a
/// region and free text. An empty part matches everything.
/// </summary>
public sealed record DatasetFilter
{
    /// <summary>Matches every dataset.</summary>
    public static DatasetFilter None { get; } = new();

    /// <summary>A registry tag such as <c>climate</c>, or null for any.</summary>
    public string? Tag { get; init; }

    public DataFormat? Format { get; init; }

    public RegionCode? Region { get; init; }

    /// <summary>Words that must all appear in the name, slug, tags, publisher or bucket (any case).</summary>
    public string? Text { get; init; }

    /// <summary>Only the datasets the built-in analysis reads end to end.</summary>
    public bool AnalysableOnly { get; init; }

    /// <summary>True when nothing is filtered.</summary>
    public bool IsEmpty => Tag is null && Format is null && Region is null && string.IsNullOrWhiteSpace(Text) && !AnalysableOnly;

    /// <summary>The same filter without its region: what the map counts per region.</summary>
    public DatasetFilter WithoutRegion() => this with { Region = null };
}
