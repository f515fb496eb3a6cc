namespace Portal.Domain.Datasets;

/// <summary>A public dataset the portal can analyse in place.</summary>
public sealed record Dataset(
    DatasetId Id,
    string Name,
    DatasetKind Kind,
    DataLocation Location,
    DataFormat Format,
    DateCoverage Coverage,
    string Licence,
    string Description)
{
    /// <summary>The name people see and assistive technology reads: "ERA5 reanalysis (us-east-1)".</summary>
    public string DisplayName => $"{Name} ({Location.Region})";
}
