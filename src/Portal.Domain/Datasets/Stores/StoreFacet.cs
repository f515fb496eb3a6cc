namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// A column of an intake-esm CMIP6 catalogue that users filter by. Each has a column name in the catalogue's CSV
/// (<see cref="StoreFacets.ColumnName"/>).
/// </summary>
public enum StoreFacet
{
    /// <summary><c>activity_id</c>, such as <c>CMIP</c> or <c>ScenarioMIP</c>.</summary>
    Activity,

    /// <summary><c>institution_id</c>, such as <c>NOAA-GFDL</c>.</summary>
    Institution,

    /// <summary><c>source_id</c>: the model, such as <c>GFDL-ESM4</c>.</summary>
    Source,

    /// <summary><c>experiment_id</c>, such as <c>historical</c> or <c>ssp585</c>.</summary>
    Experiment,

    /// <summary><c>member_id</c>: the ensemble member, such as <c>r1i1p1f1</c>.</summary>
    Member,

    /// <summary><c>table_id</c>: realm and frequency, such as <c>Amon</c>.</summary>
    Table,

    /// <summary><c>variable_id</c>, such as <c>tas</c>.</summary>
    Variable,

    /// <summary><c>grid_label</c>, such as <c>gn</c> (native grid) or <c>gr</c> (regridded).</summary>
    Grid,
}
