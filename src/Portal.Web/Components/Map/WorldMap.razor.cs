using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Infra.Map;

namespace Portal.Web.Components.Map;

/// <summary>
/// The explore page's world map: Natural Earth countries as server-rendered SVG, the configured regions as
/// markers (the home region drawn distinctly), and every dataset as a real <c>&lt;button role="checkbox"&gt;</c>
/// laid over its region, so mouse, keyboard (Enter/Space) and screen readers work without JavaScript.
/// </summary>
public sealed partial class WorldMap
{
    // One markup string per geometry instance (in practice the one singleton), shared by every circuit and render.
    private static readonly ConditionalWeakTable<WorldMapGeometry, string> CountriesCache = [];

    /// <summary>The regions to mark; a dataset is drawn at its region's location.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<Region> Regions { get; set; }

    /// <summary>The datasets to offer. One whose region is not in <see cref="Regions"/> is listed below the map instead.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<Dataset> Datasets { get; set; }

    /// <summary>The selected datasets, shown checked.</summary>
    /// <remarks>Defaults to an empty set.</remarks>
    [Parameter]
    public IReadOnlySet<DatasetId> Selected { get; set; } = FrozenSet<DatasetId>.Empty;

    /// <summary>Raised with a dataset's id when its marker is activated (click, Enter or Space).</summary>
    [Parameter]
    public EventCallback<DatasetId> OnToggle { get; set; }

    /// <summary>Disables every dataset marker, for example while a session launches.</summary>
    /// <remarks>Defaults to <c>false</c>. Markers are also disabled until the circuit is interactive.</remarks>
    [Parameter]
    public bool Disabled { get; set; }

    [Inject]
    private WorldMapGeometry Geometry { get; set; } = default!;

    private bool ButtonsDisabled => Disabled || !RendererInfo.IsInteractive;

    private string ViewBox => $"0 0 {Geometry.Width.ToString(CultureInfo.InvariantCulture)} {Geometry.Height.ToString(CultureInfo.InvariantCulture)}";

    private string AspectRatioStyle =>
        $"aspect-ratio: {Geometry.Width.ToString(CultureInfo.InvariantCulture)} / {Geometry.Height.ToString(CultureInfo.InvariantCulture)}";

    private MarkupString CountriesMarkup => new(GetCountriesMarkup(Geometry));

    /// <summary>The ocean and every country as SVG, built once per geometry and cached.</summary>
    internal static string GetCountriesMarkup(WorldMapGeometry geometry) =>
        CountriesCache.GetValue(geometry, BuildCountriesMarkup);

    private static string BuildCountriesMarkup(WorldMapGeometry geometry)
    {
        var svg = new StringBuilder(geometry.Countries.Sum(c => c.PathData.Length + c.Name.Length + 48) + geometry.OutlinePathData.Length + 128);
        svg.Append("<path class=\"ocean\" d=\"").Append(geometry.OutlinePathData).Append("\"></path>");
        svg.Append("<g class=\"countries\" fill-rule=\"evenodd\">");
        foreach (var country in geometry.Countries)
        {
            svg.Append("<path class=\"country\" d=\"").Append(country.PathData).Append("\"><title>")
                .Append(WebUtility.HtmlEncode(country.Name)).Append("</title></path>");
        }

        return svg.Append("</g>").ToString();
    }

    private (double X, double Y) Project(GeoPoint location) => Geometry.Project(location.Latitude, location.Longitude);

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string RegionLabel(Region region) =>
        region.Role == RegionRole.Home ? $"{region.Code} (home)" : region.Code.ToString();

    private static string RegionTitle(Region region) =>
        region.Role == RegionRole.Home
            ? $"{region.DisplayName}, {region.Code}: home region (portal, notebooks and schedulers)"
            : $"{region.DisplayName}, {region.Code}: worker region";

    /// <summary>
    /// Datasets placed over their region as percentages of the map, so they follow it at any size. Datasets sharing
    /// a region stack upwards from it (<c>--stack</c> is the position in the stack, see the scoped CSS).
    /// </summary>
    private IEnumerable<DatasetMarker> PlacedMarkers(Dictionary<DatasetId, string> labels)
    {
        var byRegion = Regions.ToDictionary(r => r.Code);
        foreach (var group in Datasets.Where(d => byRegion.ContainsKey(d.Location.Region)).GroupBy(d => d.Location.Region))
        {
            var (x, y) = Project(byRegion[group.Key].Location);
            var left = (100 * x / Geometry.Width).ToString("0.###", CultureInfo.InvariantCulture);
            var top = (100 * y / Geometry.Height).ToString("0.###", CultureInfo.InvariantCulture);
            var stack = 0;
            foreach (var dataset in group)
            {
                yield return new DatasetMarker(dataset, labels[dataset.Id], $"left: {left}%; top: {top}%; --stack: {stack++}");
            }
        }
    }

    /// <summary>
    /// The visible text of each marker: the first word of the name ("ERA5", "CMIP6") keeps markers of nearby regions
    /// apart; the whole name is used where first words would repeat. The accessible name is always the display name.
    /// </summary>
    private Dictionary<DatasetId, string> ShortLabels()
    {
        var firstWords = Datasets.ToDictionary(d => d.Id, d => d.Name.Split(' ', 2)[0]);
        var repeated = firstWords.Values.GroupBy(w => w, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Datasets.ToDictionary(d => d.Id, d => repeated.Contains(firstWords[d.Id]) ? d.Name : firstWords[d.Id]);
    }

    private List<Dataset> UnplacedDatasets()
    {
        var codes = Regions.Select(r => r.Code).ToHashSet();
        return [.. Datasets.Where(d => !codes.Contains(d.Location.Region))];
    }

    private sealed record DatasetMarker(Dataset Dataset, string Label, string Style);
}
