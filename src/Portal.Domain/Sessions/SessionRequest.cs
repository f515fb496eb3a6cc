using Portal.Domain.Datasets;

namespace Portal.Domain.Sessions;

/// <summary>Everything the user asked for on the explore page; every question of the sample notebook, answered once.</summary>
public sealed record SessionRequest
{
    /// <summary>The worker instance type when the form does not choose one (16 vCPU, 64 GiB, local NVMe).</summary>
    public const string DefaultWorkerSize = "m5d.4xlarge";

    public required DataType DataType { get; init; }

    public required VariableCategory VariableCategory { get; init; }

    /// <summary>The ERA5 variable (file name stem in era5-pds), for example <c>air_temperature_at_2_metres</c>.</summary>
    public required string Variable { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public IReadOnlyList<string> ActivityIds { get; init; } = [];

    public string TableId { get; init; } = "Amon";

    public IReadOnlyList<string> VariableIds { get; init; } = [];

    public string Experiment { get; init; } = "ssp245";

    /// <summary>The CMIP6 institutions to read (<c>NOAA-GFDL</c>…); empty for any.</summary>
    public IReadOnlyList<string> InstitutionIds { get; init; } = [];

    /// <summary>The CMIP6 models (source IDs, <c>GFDL-ESM4</c>…); empty for any.</summary>
    public IReadOnlyList<string> SourceIds { get; init; } = [];

    public required IReadOnlyList<DatasetId> Datasets { get; init; }

    public required int WorkersPerRegion { get; init; }

    public required int MaximumHours { get; init; }

    public string WorkerSize { get; init; } = DefaultWorkerSize;

    /// <summary>True when the analysis needs CMIP6 facets (predictive or both).</summary>
    public bool UsesProjections => DataType is DataType.Predictive or DataType.Both;

    /// <summary>True when the analysis needs ERA5 (historical or both).</summary>
    public bool UsesReanalysis => DataType is DataType.Historical or DataType.Both;

    /// <summary>True when <paramref name="other"/> asks for exactly the same analysis and compute (lists compared in order).</summary>
    public bool IsSameAs(SessionRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return DataType == other.DataType
               && VariableCategory == other.VariableCategory
               && Variable == other.Variable
               && StartDate == other.StartDate
               && EndDate == other.EndDate
               && ActivityIds.SequenceEqual(other.ActivityIds)
               && TableId == other.TableId
               && VariableIds.SequenceEqual(other.VariableIds)
               && Experiment == other.Experiment
               && InstitutionIds.SequenceEqual(other.InstitutionIds)
               && SourceIds.SequenceEqual(other.SourceIds)
               && Datasets.Select(d => d.Value).Order(StringComparer.Ordinal).SequenceEqual(other.Datasets.Select(d => d.Value).Order(StringComparer.Ordinal))
               && WorkersPerRegion == other.WorkersPerRegion
               && MaximumHours == other.MaximumHours
               && WorkerSize == other.WorkerSize;
    }
}
