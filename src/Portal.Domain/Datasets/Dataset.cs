namespace Portal.Domain.Datasets;

/// <summary>
/// A public dataset the portal can run next to: one Open Data Registry dataset in one region, at one bucket and prefix
/// (<see cref="Location"/>, the prefix an FSx data repository association links). The facts come from the registry;
/// the datasets the portal analyses end to end also carry a <see cref="Layout"/> and a <see cref="Coverage"/>.
/// </summary>
/// <param name="Coverage">The dates the built-in analysis can read; null when the portal does not know them.</param>
public sealed record Dataset(
    DatasetId Id,
    string Name,
    DatasetKind Kind,
    DataLocation Location,
    DataFormat Format,
    DateCoverage? Coverage,
    string Licence,
    string Description)
{
    /// <summary>The registry's name for the dataset (<c>nsf-ncar-era5</c>); several portal datasets share it when it lives in several regions.</summary>
    /// <remarks>Defaults to the id.</remarks>
    public string Slug { get; init; } = Id.Value;

    /// <summary>The registry's tags (<c>climate</c>, <c>netcdf</c>…), lower case.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Who publishes the data, as the registry says.</summary>
    public string ManagedBy { get; init; } = string.Empty;

    /// <summary>How often the data changes, as the registry says.</summary>
    public string UpdateFrequency { get; init; } = string.Empty;

    /// <summary>True when whoever reads the bucket pays for the requests and the bytes (the registry's RequesterPays).</summary>
    public bool RequesterPays { get; init; }

    /// <summary>True when the registry marks the dataset deprecated.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The dataset that replaces a deprecated one, when the registry names it.</summary>
    public DatasetId? Successor { get; init; }

    /// <summary>The dataset's other buckets and prefixes in the same region, opened from the notebook by path.</summary>
    public IReadOnlyList<DataLocation> MoreLocations { get; init; } = [];

    /// <summary>How many bytes the dataset holds, when known.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>How the built-in analysis reads it; <see cref="DatasetLayout.None"/> when it does not.</summary>
    public DatasetLayout Layout { get; init; }

    /// <summary>True for the datasets the built-in analysis reads end to end.</summary>
    public bool IsAnalysable => Layout != DatasetLayout.None;

    /// <summary>The name people see and assistive technology reads: "ERA5 reanalysis (us-east-1)".</summary>
    public string DisplayName => $"{Name} ({Location.Region})";
}
