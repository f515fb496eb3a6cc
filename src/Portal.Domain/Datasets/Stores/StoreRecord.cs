namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// One Zarr store of an intake-esm CMIP6 catalogue: its eight facets, where it is (<paramref name="Path"/>, the
/// catalogue's <c>zstore</c> column, such as <c>s3://cmip6-pds/CMIP6/CMIP/NOAA-GFDL/GFDL-ESM4/historical/r1i1p1f1/Amon/tas/gr1/v20190726/</c>),
/// and the two optional columns.
/// </summary>
/// <param name="DcppInitYear">The DCPP hindcast's start year (<c>dcpp_init_year</c>); null for every other activity.</param>
/// <param name="Version">The publication version without its <c>v</c>, such as <c>20190726</c>; empty when the catalogue has none.</param>
public sealed record StoreRecord(
    string ActivityId,
    string InstitutionId,
    string SourceId,
    string ExperimentId,
    string MemberId,
    string TableId,
    string VariableId,
    string GridLabel,
    string Path,
    int? DcppInitYear,
    string Version)
{
    /// <summary>The value of one facet of this store.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="facet"/> is not a defined facet.</exception>
    public string Value(StoreFacet facet) => facet switch
    {
        StoreFacet.Activity => ActivityId,
        StoreFacet.Institution => InstitutionId,
        StoreFacet.Source => SourceId,
        StoreFacet.Experiment => ExperimentId,
        StoreFacet.Member => MemberId,
        StoreFacet.Table => TableId,
        StoreFacet.Variable => VariableId,
        StoreFacet.Grid => GridLabel,
        _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, "Not a store facet."),
    };
}
