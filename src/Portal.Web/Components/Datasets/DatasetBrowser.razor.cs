using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;

namespace Portal.Web.Components.Datasets;

/// <summary>
/// The catalogue as a filtered, virtualized list (the whole registry stays fast to render and scroll): free text,
/// theme, format, region and "analysed end to end" filters shared with the map, each dataset a checkbox named by its
/// display name, the selection as chips whose close buttons deselect.
/// </summary>
public sealed partial class DatasetBrowser
{
    private const string AnyValue = "";
    private const int MaxThemes = 60;

    /// <summary>A row's height in pixels, for the virtualizer (matches .portal-dataset-row in app.css).</summary>
    private const float RowHeight = 76;


    /// <summary>The catalogue's search, built once per catalogue version.</summary>
    [Parameter, EditorRequired]
    public required DatasetSearch Search { get; set; }

    /// <summary>The filters (two-way: <c>@bind-Filter</c>).</summary>
    [Parameter, EditorRequired]
    public required DatasetFilter Filter { get; set; }

    [Parameter]
    public EventCallback<DatasetFilter> FilterChanged { get; set; }

    /// <summary>The datasets the filters keep, in list order.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<Dataset> Shown { get; set; }

    /// <summary>The datasets each region holds under the filters (its region filter aside), for the region choices.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyDictionary<RegionCode, int> RegionCounts { get; set; }

    /// <summary>The selected datasets, in the order they were selected.</summary>
    /// <remarks>Defaults to none.</remarks>
    [Parameter]
    public IReadOnlyList<Dataset> SelectedDatasets { get; set; } = [];

    /// <summary>Whether workers can run in a region; datasets elsewhere are flagged.</summary>
    [Parameter, EditorRequired]
    public required Func<RegionCode, bool> HasWorkers { get; set; }

    /// <summary>Raised with a dataset's id when its checkbox or chip is used.</summary>
    [Parameter]
    public EventCallback<DatasetId> OnToggle { get; set; }

    /// <summary>Disables every control.</summary>
    /// <remarks>Defaults to <c>false</c>.</remarks>
    [Parameter]
    public bool Disabled { get; set; }

    private IEnumerable<(string, string)> ThemeOptions =>
        [(AnyValue, "Any theme"), .. Search.Tags.Take(MaxThemes).Select(t => (t.Tag, string.Create(CultureInfo.InvariantCulture, $"{t.Tag} ({t.Count})")))];

    private IEnumerable<(string, string)> FormatOptions => [(AnyValue, "Any format"), .. Search.Formats.Select(f => (f.ToString(), FormatName(f)))];

    /// <summary>The regions holding datasets under the other filters, the busiest first; the chosen one is always offered.</summary>
    private IEnumerable<(string, string)> RegionOptions
    {
        get
        {
            var counts = RegionCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Value, StringComparer.Ordinal)
                .Select(c => (c.Key.Value, string.Create(CultureInfo.InvariantCulture, $"{c.Key} ({c.Value})")));
            var chosen = Filter.Region is { } region && !RegionCounts.ContainsKey(region) ? [(region.Value, $"{region} (0)")] : Array.Empty<(string, string)>();
            return [(AnyValue, "Any region"), .. counts, .. chosen];
        }
    }

    private ICollection<Dataset> ShownItems => Shown as ICollection<Dataset> ?? [.. Shown];

    private string CountText =>
        Filter.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"{Search.Count:N0} datasets")
            : string.Create(CultureInfo.InvariantCulture, $"{Shown.Count:N0} of {Search.Count:N0} datasets match");

    /// <summary>The list is one Tab stop (app.js moves it with the arrow keys): the first row holds it until then.</summary>
    private bool IsFirst(Dataset dataset) => Shown.Count > 0 && Shown[0].Id == dataset.Id;

    private bool IsSelected(Dataset dataset) => SelectedDatasets.Any(d => d.Id == dataset.Id);

    private string RowClass(Dataset dataset) => "portal-dataset-row" + (IsSelected(dataset) ? " selected" : null);

    private Task TextChangedAsync(string? text) => FilterChanged.InvokeAsync(Filter with { Text = string.IsNullOrWhiteSpace(text) ? null : text });

    private Task TagChangedAsync(string? tag) => FilterChanged.InvokeAsync(Filter with { Tag = string.IsNullOrEmpty(tag) ? null : tag });

    private Task FormatChangedAsync(string? format) =>
        FilterChanged.InvokeAsync(Filter with { Format = Enum.TryParse<DataFormat>(format, out var parsed) ? parsed : null });

    private Task RegionChangedAsync(string? region) =>
        FilterChanged.InvokeAsync(Filter with { Region = RegionCode.TryParse(region, out var parsed) ? parsed : null });

    private Task AnalysableChangedAsync(bool only) => FilterChanged.InvokeAsync(Filter with { AnalysableOnly = only });

    private Task ClearAsync() => FilterChanged.InvokeAsync(DatasetFilter.None);

    /// <summary>The format words people know.</summary>
    internal static string FormatName(DataFormat format) => format switch
    {
        DataFormat.NetCdf => "netCDF",
        DataFormat.Zarr => "Zarr",
        DataFormat.Cog => "COG",
        DataFormat.Unknown => "format not stated",
        DataFormat.GeoTiff => "GeoTIFF",
        DataFormat.Hdf5 => "HDF5",
        DataFormat.Csv => "CSV",
        DataFormat.Grib => "GRIB",
        _ => format.ToString(),
    };
}
