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

    public required IReadOnlyList<DatasetId> Datasets { get; init; }

    public required int WorkersPerRegion { get; init; }

    public required int MaximumHours { get; init; }

    public string WorkerSize { get; init; } = DefaultWorkerSize;

    /// <summary>True when the analysis needs CMIP6 facets (predictive or both).</summary>
    public bool UsesProjections => DataType is DataType.Predictive or DataType.Both;

    /// <summary>True when the analysis needs ERA5 (historical or both).</summary>
    public bool UsesReanalysis => DataType is DataType.Historical or DataType.Both;
}
