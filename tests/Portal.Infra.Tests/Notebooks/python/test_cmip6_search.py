"""The CMIP6 search with pandas alone, on the generated catalogue and on a catalogue shaped like cmip6-pds's own."""

import json

from portal_dask import open_cmip6_stores, read_cmip6_catalogue, search_cmip6

SSP245 = "ScenarioMIP.PORTAL.PORTAL-SAMPLE.ssp245.Amon.gr"
HISTORICAL = "CMIP.PORTAL.PORTAL-SAMPLE.historical.Amon.gr"


def _catalogue(sample_root):
    return read_cmip6_catalogue(str(sample_root / "us-west-2" / "cmip6-pds" / "pangeo-cmip6.json"))


def test_a_search_finds_the_stores_of_the_chosen_facets_and_opens_them_by_key(sample_root):
    fsx = str(sample_root / "us-west-2" / "cmip6-pds")

    found = search_cmip6(_catalogue(sample_root), ["ScenarioMIP", "CMIP"], "Amon", ["tas"], ["ssp245", "historical"])
    datasets = open_cmip6_stores(found, "s3://cmip6-pds", fsx)

    assert sorted(found["experiment_id"]) == ["historical", "ssp245"]
    assert sorted(datasets) == [HISTORICAL, SSP245]
    assert datasets[SSP245]["tas"].dims == ("member_id", "time", "lat", "lon")
    assert list(datasets[SSP245]["member_id"].values) == ["r1i1p1f1"]
    assert str(datasets[HISTORICAL].time.values[-1])[:4] == "2014"


def test_scalar_facets_search_like_lists(sample_root):
    catalogue = _catalogue(sample_root)

    assert search_cmip6(catalogue, "ScenarioMIP", "Amon", "tas", "ssp245").equals(
        search_cmip6(catalogue, ["ScenarioMIP"], ["Amon"], ["tas"], ["ssp245"])
    )
    assert len(search_cmip6(catalogue)) == 2
    assert list(search_cmip6(catalogue, member_id="r1i1p1f1")["member_id"]) == ["r1i1p1f1", "r1i1p1f1"]


def test_a_search_without_match_is_empty_and_opens_nothing(sample_root):
    catalogue = _catalogue(sample_root)

    for found in [
        search_cmip6(catalogue, ["ScenarioMIP"], "Amon", ["tas"], ["ssp585"]),  # not generated
        search_cmip6(catalogue, ["ScenarioMIP", "CMIP"], "day", ["tas"], ["ssp245"]),  # no daily table
        search_cmip6(catalogue, ["DCPP"], "Amon", ["tas"], ["ssp245", "historical"]),
        search_cmip6(catalogue, ["CMIP"], "Amon", ["zg"], ["historical"]),
    ]:
        assert found.empty
        assert list(found.columns) == list(catalogue.columns)
        assert open_cmip6_stores(found, "s3://cmip6-pds", "/nowhere") == {}


def test_the_catalogue_file_is_found_beside_the_json_when_the_json_names_it_by_url(tmp_path):
    # cmip6-pds's JSON names its CSV by URL (the registry's cmip6.yaml links https://cmip6-pds.s3.amazonaws.com/
    # pangeo-cmip6.csv); on the mount the CSV sits beside it.
    (tmp_path / "pangeo-cmip6.json").write_text(json.dumps({
        "esmcat_version": "0.1.0",
        "catalog_file": "https://cmip6-pds.s3.amazonaws.com/pangeo-cmip6.csv",
        "assets": {"column_name": "zstore", "format": "zarr"},
        "aggregation_control": {"variable_column_name": "variable_id", "groupby_attrs": ["activity_id", "source_id"]},
    }))
    (tmp_path / "pangeo-cmip6.csv").write_text(
        "activity_id,institution_id,source_id,experiment_id,member_id,table_id,variable_id,grid_label,zstore,dcpp_init_year,version\n"
        "CMIP,NOAA-GFDL,GFDL-ESM4,historical,r1i1p1f1,Amon,tas,gr1,s3://cmip6-pds/CMIP6/CMIP/NOAA-GFDL/GFDL-ESM4/historical/r1i1p1f1/Amon/tas/gr1/v20190726/,,20190726\n"
        "DCPP,IPSL,IPSL-CM6A-LR,dcppA-hindcast,r1i1p1f1,Amon,tas,gr,s3://cmip6-pds/CMIP6/DCPP/IPSL/IPSL-CM6A-LR/dcppA-hindcast/s1960-r1i1p1f1/Amon/tas/gr/v20200101/,1960,20200101\n"
    )

    catalogue = read_cmip6_catalogue(str(tmp_path / "pangeo-cmip6.json"))

    assert list(catalogue["version"]) == ["20190726", "20200101"]  # text, not numbers
    assert list(catalogue["dcpp_init_year"]) == ["", "1960"]
    assert catalogue.attrs["esmcat"]["assets"]["column_name"] == "zstore"
    assert list(search_cmip6(catalogue, activity_ids="DCPP")["source_id"]) == ["IPSL-CM6A-LR"]
