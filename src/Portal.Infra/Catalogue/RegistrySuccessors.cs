using System.Text.RegularExpressions;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Finds the dataset that replaces a deprecated one. The registry has no field for it; its deprecation notices say it in
/// words, usually with a link: ecmwf-era5's reads "… worked with NSF NCAR to rehost the dataset here:
/// [https://registry.opendata.aws/nsf-ncar-era5/](…)".
/// </summary>
internal static partial class RegistrySuccessors
{
    /// <summary>
    /// Sets <see cref="RegistryDataset.Successor"/> on each deprecated dataset whose notice links a registry page
    /// (<c>registry.opendata.aws/&lt;slug&gt;</c>) or, failing that, names the slug of another dataset of the same import
    /// as a word of its own; the first mention wins.
    /// </summary>
    public static IReadOnlyList<RegistryDataset> Resolve(IReadOnlyList<RegistryDataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var slugs = datasets.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);
        return [.. datasets.Select(d => d.Deprecated && Find(d.Slug, d.DeprecatedNotice, slugs) is { } successor ? d with { Successor = successor } : d)];
    }

    /// <summary>The successor a notice names, or null.</summary>
    public static string? Find(string slug, string notice, IReadOnlySet<string> slugs)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        if (string.IsNullOrWhiteSpace(notice))
        {
            return null;
        }

        var text = notice.ToLowerInvariant();
        foreach (Match link in RegistryLink().Matches(text))
        {
            var linked = link.Groups[1].Value;
            if (linked != slug)
            {
                return linked;
            }
        }

        return Word().Matches(text).Select(m => m.Value).FirstOrDefault(word => word != slug && slugs.Contains(word));
    }

    [GeneratedRegex(@"registry\.opendata\.aws/([a-z0-9][a-z0-9_-]*)")]
    private static partial Regex RegistryLink();

    /// <summary>What a slug is made of; a slug inside a longer run (era5 in nsf-ncar-era5) is not a mention of it.</summary>
    [GeneratedRegex("[a-z0-9][a-z0-9_-]*")]
    private static partial Regex Word();
}
