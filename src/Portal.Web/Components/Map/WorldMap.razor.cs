using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Regions;

namespace Portal.Web.Components.Map;

/// <summary>
/// The explore page's world map: Natural Earth countries as server-rendered SVG, the portal's regions (the home region
/// drawn distinctly), and one button per AWS region that holds datasets, showing how many match the filters and how
/// many are selected. Markers never overlap (<see cref="MarkerLayout"/>); one pushed away from its region is tied to it
/// by a leader line. Activating a marker (click, tap, Enter or Space) shows that region's datasets in the list.
/// </summary>
public sealed partial class WorldMap
{
    /// <summary>A marker's diameter as a share of the map's width; the scoped CSS sizes markers with the same share (7.5cqw).</summary>
    internal const double MarkerShare = 0.075;

    // One markup string per geometry instance (in practice the one singleton), shared by every circuit and render.
    private static readonly ConditionalWeakTable<IWorldMap, string> CountriesCache = [];

    /// <summary>The portal's regions (home and workers), drawn as dots.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<Region> Regions { get; set; }

    /// <summary>How many datasets each region holds under the current filters; a region with none gets no marker.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyDictionary<RegionCode, int> Counts { get; set; }

    /// <summary>How many selected datasets each region holds.</summary>
    /// <remarks>Defaults to none.</remarks>
    [Parameter]
    public IReadOnlyDictionary<RegionCode, int> SelectedCounts { get; set; } = FrozenDictionary<RegionCode, int>.Empty;

    /// <summary>The region whose datasets the list shows, drawn expanded.</summary>
    /// <remarks>Defaults to none.</remarks>
    [Parameter]
    public RegionCode? ActiveRegion { get; set; }

    /// <summary>The id of the element a marker's activation fills (the dataset list), for <c>aria-controls</c>.</summary>
    /// <remarks>Defaults to <c>dataset-browser</c>.</remarks>
    [Parameter]
    public string ControlsId { get; set; } = "dataset-browser";

    /// <summary>Raised with a region's code when its marker is activated.</summary>
    [Parameter]
    public EventCallback<RegionCode> OnRegion { get; set; }

    /// <summary>Disables every marker, for example while a session launches.</summary>
    /// <remarks>Defaults to <c>false</c>. Markers are also disabled until the circuit is interactive.</remarks>
    [Parameter]
    public bool Disabled { get; set; }

    [Inject]
    private IWorldMap Geometry { get; set; } = default!;

    private bool ButtonsDisabled => Disabled || !RendererInfo.IsInteractive;

    private string ViewBox => $"0 0 {Format(Geometry.Width)} {Format(Geometry.Height)}";

    private string AspectRatioStyle => $"aspect-ratio: {Format(Geometry.Width)} / {Format(Geometry.Height)}";

    private MarkupString CountriesMarkup => new(GetCountriesMarkup(Geometry));

    /// <summary>The ocean and every country as SVG, built once per geometry and cached.</summary>
    internal static string GetCountriesMarkup(IWorldMap geometry) =>
        CountriesCache.GetValue(geometry, BuildCountriesMarkup);

    private static string BuildCountriesMarkup(IWorldMap geometry)
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
            : region.Enabled
                ? $"{region.DisplayName}, {region.Code}: worker region"
                : $"{region.DisplayName}, {region.Code}: worker region, disabled by an admin (no new workers)";

    private static string RegionClass(Region region) =>
        region.Role == RegionRole.Home ? "region region-home" : region.Enabled ? "region region-worker" : "region region-worker region-disabled";

    private static string MarkerClass(RegionMarker marker, bool active) =>
        "region-marker" + (marker.HasWorkers ? " has-workers" : " no-workers") + (marker.Disabled ? " disabled" : null) + (active ? " active" : null) + (marker.Selected > 0 ? " has-selected" : null);

    /// <summary>One marker per region holding datasets, the busiest placed first; positions as percentages of the map.</summary>
    private List<RegionMarker> PlacedMarkers()
    {
        var portal = Regions.ToDictionary(r => r.Code);
        var regions = Counts
            .Where(c => c.Value > 0)
            .Select(c => (Code: c.Key, Count: c.Value, Location: portal.TryGetValue(c.Key, out var r) ? r.Location : AwsRegions.Find(c.Key)?.Location))
            .Where(r => r.Location is not null)
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Code.Value, StringComparer.Ordinal)
            .ToList();
        var points = regions.Select(r => Project(r.Location!.Value)).ToList();
        var spots = MarkerLayout.Place(points, MarkerShare * Geometry.Width, Geometry.Width, Geometry.Height);
        var markers = new List<RegionMarker>(regions.Count);
        for (var i = 0; i < regions.Count; i++)
        {
            var (code, count, _) = regions[i];
            var known = portal.GetValueOrDefault(code);
            var hasWorkers = known is { RunsWorkers: true };
            var disabled = known is { Role: RegionRole.Worker, Enabled: false };
            var selected = SelectedCounts.GetValueOrDefault(code);
            var name = AwsRegions.Find(code)?.Name ?? code.Value;
            var afterCount = (count >= 1000 ? string.Create(CultureInfo.InvariantCulture, $" ({count:N0})") : string.Empty)
                             + $" {(count == 1 ? "dataset" : "datasets")} in {code}, {name}";
            var workers = hasWorkers ? ", worker region" : disabled ? ", worker region disabled by an admin" : ", no worker region";
            var style = string.Create(CultureInfo.InvariantCulture,
                $"left: {100 * spots[i].X / Geometry.Width:0.###}%; top: {100 * spots[i].Y / Geometry.Height:0.###}%");
            markers.Add(new RegionMarker(code, CountText(count), afterCount, workers, style, hasWorkers, disabled, selected, points[i].X, points[i].Y, spots[i].X, spots[i].Y));
        }

        return markers;
    }

    private static string CountText(int count) =>
        count < 1000 ? count.ToString(CultureInfo.InvariantCulture) : (count / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k";

    private sealed record RegionMarker(
        RegionCode Code,
        string CountText,
        string AfterCount,
        string Workers,
        string Style,
        bool HasWorkers,
        bool Disabled,
        int Selected,
        double PointX,
        double PointY,
        double X,
        double Y)
    {
        /// <summary>What the marker says, as one sentence (its accessible name, and its tooltip).</summary>
        public string Title => CountText + AfterCount + (Selected > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Selected} selected") : string.Empty) + Workers;

        public bool Displaced => Math.Abs(PointX - X) > 0.5 || Math.Abs(PointY - Y) > 0.5;
    }
}
