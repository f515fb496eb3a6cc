"""The layouts beyond era5-pds and cmip6-pds: file naming, the choice of ERA5 copy, the variable maps, and reading the
generated samples (nsf-ncar-era5, NEX-GDDP-CMIP6, CESM2-LENS) as the notebook reads them. No cluster here."""

import os

import pytest

from portal_dask import (
    NcarEra5VariableError,
    by_path_datasets,
    cesm2_experiments,
    cesm2_store_path,
    cesm2_variables,
    choose_reanalysis,
    find_nex_gddp_files,
    ncar_era5_files,
    ncar_era5_parameter,
    nex_gddp_path,
    nex_gddp_scenarios,
    nex_gddp_variables,
    reanalysis_files,
    reanalysis_variable,
)
from portal_dask.by_path import _list, open_hint
from portal_dask.cesm2 import open_cesm2
from portal_dask.ncar_era5 import NCAR_ERA5_ELSEWHERE, NCAR_ERA5_PARAMETERS
from portal_dask.sampledata import ERA5_VARIABLES, generate_cesm2, generate_ncar_era5, generate_nex_gddp, main

WEST = "us-west-2"
ERA5_PDS = {"region": "us-east-1", "fsx_path": "/fsx/us-east-1/era5-pds", "layout": "era5_pds", "kind": "reanalysis", "name": "ERA5 reanalysis"}
NCAR = {"region": WEST, "fsx_path": "/fsx/us-west-2/nsf-ncar-era5", "layout": "nsf_ncar_era5", "kind": "reanalysis",
        "name": "ERA5 reanalysis (NSF NCAR)"}


# nsf-ncar-era5 ---------------------------------------------------------------------------------------------------------

def test_ncar_file_names_follow_e5_oper_an_sfc_with_the_months_first_and_last_hour():
    files = ncar_era5_files("/fsx/us-west-2/nsf-ncar-era5/", "air_temperature_at_2_metres", "2019-12-15", "2020-02-01")

    assert files == [
        "/fsx/us-west-2/nsf-ncar-era5/e5.oper.an.sfc/201912/e5.oper.an.sfc.128_167_2t.ll025sc.2019120100_2019123123.nc",
        "/fsx/us-west-2/nsf-ncar-era5/e5.oper.an.sfc/202001/e5.oper.an.sfc.128_167_2t.ll025sc.2020010100_2020013123.nc",
        "/fsx/us-west-2/nsf-ncar-era5/e5.oper.an.sfc/202002/e5.oper.an.sfc.128_167_2t.ll025sc.2020020100_2020022923.nc",
    ]
    assert ncar_era5_files("/r", "eastward_wind_at_100_metres", "2021-02-01", "2021-02-28") == [
        "/r/e5.oper.an.sfc/202102/e5.oper.an.sfc.228_246_100u.ll025sc.2021020100_2021022823.nc"
    ]


def test_every_era5_variable_the_form_offers_has_an_ncar_file_or_a_reason_naming_where_ncar_keeps_it():
    assert set(NCAR_ERA5_PARAMETERS) | set(NCAR_ERA5_ELSEWHERE) == set(ERA5_VARIABLES)
    assert not set(NCAR_ERA5_PARAMETERS) & set(NCAR_ERA5_ELSEWHERE)
    assert ncar_era5_parameter("air_temperature_at_2_metres") == ("128_167_2t", "VAR_2T")
    assert ncar_era5_parameter("sea_surface_temperature").name == "SSTK"

    with pytest.raises(NcarEra5VariableError) as precipitation:
        ncar_era5_files("/r", "precipitation_amount_1hour_Accumulation", "2022-01-01", "2022-01-31")
    with pytest.raises(NcarEra5VariableError) as maximum:
        ncar_era5_parameter("air_temperature_at_2_metres_1hour_Maximum")
    with pytest.raises(NcarEra5VariableError) as waves:
        ncar_era5_parameter("significant_height_of_wind_and_swell_waves")

    assert "e5.oper.fc.sfc.accumu" in str(precipitation.value) and "128_142_lsp" in str(precipitation.value)
    assert "Select ERA5 reanalysis (era5-pds)" in str(precipitation.value)
    assert "e5.oper.fc.sfc.minmax" in str(maximum.value) and "128_201_mx2t" in str(maximum.value)
    assert "ocean-wave" in str(waves.value)


def test_ncar_samples_sit_where_the_file_names_say_with_ncars_names(tmp_path):
    import xarray as xr

    result = generate_ncar_era5(tmp_path, ["air_temperature_at_2_metres", "surface_air_pressure"], "2022-01-20", "2022-02-03")
    files = ncar_era5_files(str(tmp_path / WEST / "nsf-ncar-era5"), "air_temperature_at_2_metres", "2022-01-20", "2022-02-03")

    assert len(result.written) == 4 and all(os.path.exists(path) for path in files)
    with xr.open_mfdataset(files, combine="by_coords", parallel=False) as dataset:
        t2m = dataset["VAR_2T"]
        assert t2m.dims == ("time", "latitude", "longitude") and t2m.attrs["units"] == "K"
        assert t2m.sizes["time"] == 8 and float(dataset.latitude[0]) == 90
        assert 290 < float(t2m.sel(latitude=0).mean()) < 310
    assert generate_ncar_era5(tmp_path, "air_temperature_at_2_metres", "2022-01-01", "2022-02-28").written == []
    with pytest.raises(NcarEra5VariableError):
        generate_ncar_era5(tmp_path, "precipitation_amount_1hour_Accumulation", "2022-01-01", "2022-01-31")


# The choice of ERA5 copy -------------------------------------------------------------------------------------------------

def test_one_era5_copy_is_read_as_selected():
    for key, entry in (("era5", ERA5_PDS), ("nsf-ncar-era5", NCAR)):
        chosen, reason = choose_reanalysis({key: entry, "cmip6": {"region": WEST, "layout": "cmip6_zarr"}}, "air_temperature_at_2_metres")
        assert chosen == key and reason.startswith("Reading ERA5 from ") and "the ERA5 copy selected" in reason


def test_with_both_copies_nsf_ncar_era5_is_read_unless_it_keeps_the_variable_elsewhere():
    both = {"era5": ERA5_PDS, "nsf-ncar-era5": NCAR}

    chosen, reason = choose_reanalysis(both, "air_temperature_at_2_metres")
    assert chosen == "nsf-ncar-era5"
    assert reason.startswith("Both ERA5 copies are selected: reading ERA5 reanalysis (NSF NCAR) (nsf-ncar-era5, us-west-2)")
    assert "successor of the deprecated era5" in reason

    chosen, reason = choose_reanalysis(both, "precipitation_amount_1hour_Accumulation")
    assert chosen == "era5" and "because nsf-ncar-era5 keeps precipitation_amount_1hour_Accumulation outside" in reason

    with pytest.raises(LookupError):
        choose_reanalysis({"cmip6": {"region": WEST, "layout": "cmip6_zarr"}}, "air_temperature_at_2_metres")


def test_the_files_and_the_name_inside_them_follow_the_chosen_copys_layout():
    assert reanalysis_files(ERA5_PDS, "surface_air_pressure", "2022-03-01", "2022-03-31") == [
        "/fsx/us-east-1/era5-pds/2022/03/data/surface_air_pressure.nc"
    ]
    assert reanalysis_files(NCAR, "surface_air_pressure", "2022-03-01", "2022-03-31") == [
        "/fsx/us-west-2/nsf-ncar-era5/e5.oper.an.sfc/202203/e5.oper.an.sfc.128_134_sp.ll025sc.2022030100_2022033123.nc"
    ]
    assert reanalysis_variable(ERA5_PDS, "surface_air_pressure") == "surface_air_pressure"
    assert reanalysis_variable(NCAR, "surface_air_pressure") == "SP"
    with pytest.raises(ValueError):
        reanalysis_files({"layout": "cmip6_zarr", "fsx_path": "/x"}, "surface_air_pressure", "2022-03-01", "2022-03-31")


# NEX-GDDP-CMIP6 -------------------------------------------------------------------------------------------------------

def test_nex_file_names_and_the_scenarios_the_dates_need():
    assert nex_gddp_path("/fsx/us-west-2/nex-gddp-cmip6/NEX-GDDP-CMIP6/", "ACCESS-CM2", "ssp245", "r1i1p1f1", "tas", 2015) == (
        "/fsx/us-west-2/nex-gddp-cmip6/NEX-GDDP-CMIP6/ACCESS-CM2/ssp245/r1i1p1f1/tas/tas_day_ACCESS-CM2_ssp245_r1i1p1f1_gn_2015.nc"
    )
    assert nex_gddp_path("/r", "ACCESS-CM2", "ssp126", "r1i1p1f1", "tasmax", 2016, version="2.0").endswith(
        "/tasmax_day_ACCESS-CM2_ssp126_r1i1p1f1_gn_2016_v2.0.nc"
    )
    assert nex_gddp_scenarios("ssp245", "2013-06-01", "2016-01-31") == [("historical", 2013, 2014), ("ssp245", 2015, 2016)]
    assert nex_gddp_scenarios("ssp585", "2022-01-01", "2022-11-28") == [("ssp585", 2022, 2022)]
    assert nex_gddp_scenarios("ssp126", "1990-01-01", "1990-12-31") == [("historical", 1990, 1990)]
    for experiment, start in (("ssp999", "2022-01-01"), ("historical", "2000-01-01"), ("ssp245", "1900-01-01")):
        with pytest.raises(ValueError):
            nex_gddp_scenarios(experiment, start, start[:4] + "-12-31")


def test_only_nex_variables_are_read_and_the_others_are_named():
    found, missing = nex_gddp_variables(["tas", "ta", "pr", "zg"])

    assert found == ["tas", "pr"]
    assert missing == [
        "NEX-GDDP-CMIP6 has no ta: its variables are hurs, huss, pr, rlds, rsds, sfcWind, tas, tasmax, tasmin.",
        "NEX-GDDP-CMIP6 has no zg: its variables are hurs, huss, pr, rlds, rsds, sfcWind, tas, tasmax, tasmin.",
    ]


def _touch(root, model, scenario, member, variable, name):
    folder = root / model / scenario / member / variable
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"")


def test_the_files_are_found_by_listing_first_model_with_every_year_newest_version_each_model_its_member_and_grid(tmp_path):
    # AAA lacks 2015; BBB has both years, 2015 in three issues, its own member and grid label; CCC is complete too.
    _touch(tmp_path, "AAA", "historical", "r1i1p1f1", "tas", "tas_day_AAA_historical_r1i1p1f1_gn_2014.nc")
    _touch(tmp_path, "AAA", "ssp245", "r1i1p1f1", "tas", "tas_day_AAA_ssp245_r1i1p1f1_gn_2016.nc")
    _touch(tmp_path, "BBB", "historical", "r4i1p1f2", "tas", "tas_day_BBB_historical_r4i1p1f2_gr_2014.nc")
    for name in ("tas_day_BBB_ssp245_r4i1p1f2_gr_2015.nc", "tas_day_BBB_ssp245_r4i1p1f2_gr_2015_v1.1.nc",
                 "tas_day_BBB_ssp245_r4i1p1f2_gr_2015_v2.0.nc", "tas_day_BBB_ssp245_r4i1p1f2_gr_2015_v10.0.nc.tmp"):
        _touch(tmp_path, "BBB", "ssp245", "r4i1p1f2", "tas", name)
    _touch(tmp_path, "CCC", "historical", "r1i1p1f1", "tas", "tas_day_CCC_historical_r1i1p1f1_gn_2014.nc")
    _touch(tmp_path, "CCC", "ssp245", "r1i1p1f1", "tas", "tas_day_CCC_ssp245_r1i1p1f1_gn_2015.nc")

    found = find_nex_gddp_files(str(tmp_path), "tas", "ssp245", "2014-07-01", "2015-06-30")
    chosen = find_nex_gddp_files(str(tmp_path), "tas", "ssp245", "2014-07-01", "2015-06-30", model="CCC")

    assert found["model"] == "BBB" and found["members"] == {"historical": "r4i1p1f2", "ssp245": "r4i1p1f2"}
    assert [os.path.basename(path) for path in found["files"]] == [
        "tas_day_BBB_historical_r4i1p1f2_gr_2014.nc", "tas_day_BBB_ssp245_r4i1p1f2_gr_2015_v2.0.nc",
    ]
    assert chosen["model"] == "CCC"
    with pytest.raises(LookupError) as missing:
        find_nex_gddp_files(str(tmp_path), "tas", "ssp245", "2014-07-01", "2016-06-30")
    assert "no tas of any of the 3 models for every year of historical 2014-2014, ssp245 2015-2016" in str(missing.value)
    with pytest.raises(LookupError):
        find_nex_gddp_files(str(tmp_path), "pr", "ssp245", "2015-01-01", "2015-12-31", model="AAA")


def test_nex_samples_are_daily_on_a_365_day_calendar_and_warm_along_the_scenario(tmp_path):
    import xarray as xr

    result = generate_nex_gddp(tmp_path, ["tas"], "ssp585", "2014-01-01", "2015-12-31")
    root = str(tmp_path / WEST / "nex-gddp-cmip6" / "NEX-GDDP-CMIP6")
    found = find_nex_gddp_files(root, "tas", "ssp585", "2014-01-01", "2015-12-31")

    assert result.written == [
        "PORTAL-SAMPLE/historical/r1i1p1f1/tas/tas_day_PORTAL-SAMPLE_historical_r1i1p1f1_gn_2014.nc",
        "PORTAL-SAMPLE/ssp585/r1i1p1f1/tas/tas_day_PORTAL-SAMPLE_ssp585_r1i1p1f1_gn_2015.nc",
    ]
    assert found["model"] == "PORTAL-SAMPLE" and len(found["files"]) == 2
    with xr.open_mfdataset(found["files"], combine="by_coords", parallel=False) as dataset:
        tas = dataset["tas"].sel(time=slice("2014-03-01", "2015-02-28"))
        assert tas.dims == ("time", "lat", "lon") and tas.attrs["units"] == "K" and tas.sizes["time"] == 365
        assert dataset.time.encoding.get("calendar") == "noleap" or dataset.indexes["time"].calendar == "noleap"
        assert float(dataset.lat.min()) > -60
        assert float(dataset["tas"].sel(time="2015").mean()) > float(dataset["tas"].sel(time="2014").mean())
    with pytest.raises(ValueError):
        generate_nex_gddp(tmp_path, ["ta"], "ssp585", "2015-01-01", "2015-12-31")


# CESM2-LENS -------------------------------------------------------------------------------------------------------------

def test_cesm2_store_names_experiments_and_variables():
    assert cesm2_store_path("/fsx/us-west-2/ncar-cesm2-lens/", "historical", "cmip6", "TREFHT") == (
        "/fsx/us-west-2/ncar-cesm2-lens/atm/monthly/cesm2LE-historical-cmip6-TREFHT.zarr"
    )
    assert cesm2_store_path("/r", "ssp370", "smbb", "PRECC").endswith("/atm/monthly/cesm2LE-ssp370-smbb-PRECC.zarr")
    assert cesm2_experiments("2010-01-01", "2022-12-31") == [("historical", 2010, 2014), ("ssp370", 2015, 2022)]
    with pytest.raises(ValueError):
        cesm2_store_path("/r", "ssp245", "cmip6", "TREFHT")
    with pytest.raises(ValueError):
        cesm2_store_path("/r", "ssp370", "waccm", "TREFHT")

    mapped, refused = cesm2_variables(["tas", "ta", "zg", "pr", "rsut", "tauv", "siconc"])

    assert mapped == {"tas": ("TREFHT",), "ta": ("T",), "zg": ("Z3",), "pr": ("PRECC", "PRECL")}
    assert refused[0].startswith("CESM2-LENS has no equivalent of rsut: ") and "FSNTOA" in refused[0]
    assert refused[1].startswith("CESM2-LENS has no equivalent of tauv: ")
    assert refused[2] == "CESM2-LENS has no equivalent of siconc: no monthly atmosphere store of CESM2-LENS matches it."


def test_cesm2_samples_read_under_cmip6_names_across_experiments_with_members(tmp_path):
    result = generate_cesm2(tmp_path, ["tas", "ta", "pr", "rsut"], "2014-01-01", "2015-12-31")
    root = str(tmp_path / WEST / "ncar-cesm2-lens")

    assert sorted(result.written) == sorted(
        f"atm/monthly/cesm2LE-{experiment}-cmip6-{name}.zarr"
        for experiment in ("historical", "ssp370") for name in ("PRECC", "PRECL", "T", "TREFHT")
    )
    tas = open_cesm2(root, "tas", "2014-01-01", "2015-12-31")
    assert tas.name == "tas" and tas.dims == ("member_id", "time", "lat", "lon") and tas.sizes["time"] == 24
    assert tas.sizes["member_id"] == 2 and tas.attrs["units"] == "K"
    assert 270 < float(tas.mean()) < 300
    ta = open_cesm2(root, "ta", "2015-01-01", "2015-12-31")
    assert "lev" not in ta.dims and float(ta["lev"]) == pytest.approx(992.6)  # the lowest level, the warmest
    assert float(ta.mean()) > 250
    pr = open_cesm2(root, "pr", "2015-01-01", "2015-06-30")
    assert pr.attrs["units"] == "kg m-2 s-1" and 1e-6 < float(pr.mean()) < 1e-3  # m/s of water times 1000 kg m-3
    with pytest.raises(ValueError):
        open_cesm2(root, "rsut", "2015-01-01", "2015-06-30")


def test_the_command_writes_each_new_layout(tmp_path, capsys):
    code = main(["--root", str(tmp_path), "--start", "2022-01-01", "--end", "2022-01-31",
                 "--ncar-era5-variable", "air_temperature_at_2_metres", "--nex-variables", "tas", "--cesm2-variables", "tas"])

    assert code == 0
    assert (tmp_path / WEST / "nsf-ncar-era5" / "e5.oper.an.sfc" / "202201").is_dir()
    assert (tmp_path / WEST / "nex-gddp-cmip6" / "NEX-GDDP-CMIP6" / "PORTAL-SAMPLE" / "ssp245").is_dir()
    assert (tmp_path / WEST / "ncar-cesm2-lens" / "atm" / "monthly" / "cesm2LE-ssp370-cmip6-TREFHT.zarr").is_dir()
    assert "ncar_era5: wrote 1" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--root", str(tmp_path), "--nex-variables", "tas"])  # no dates


# Datasets opened by path -----------------------------------------------------------------------------------------------

def test_datasets_of_no_layout_are_listed_with_the_line_that_opens_them_by_format(tmp_path):
    paths = {
        "cmip6": {"region": WEST, "layout": "cmip6_zarr"},
        "noaa-gfs": {"region": "us-east-1", "layout": "none", "format": "grib", "s3_uri": "s3://noaa-gfs-bdp-pds"},
        "mur-sst": {"region": WEST, "layout": "none", "format": "zarr", "s3_uri": "s3://mur-sst/zarr-v1"},
    }

    assert list(by_path_datasets(paths)) == ["mur-sst", "noaa-gfs"]
    assert open_hint(paths["mur-sst"], "s3://mur-sst/zarr-v1") == (
        "data = open_in_region(client, 'us-west-2', xarray.open_zarr, 's3://mur-sst/zarr-v1', storage_options={'anon': True})"
    )
    paying = {"region": "us-east-1", "format": "parquet", "requester_pays": True}
    assert "dask.dataframe.read_parquet, 's3://b/p', storage_options={'requester_pays': True})" in open_hint(paying, "s3://b/p")
    netcdf = open_hint({"region": WEST, "format": "netcdf"}, "s3://b/p")
    assert "s3fs.S3FileSystem(anon=True)" in netcdf and "fs.glob('s3://b/p' + '/<files>*.nc')" in netcdf
    assert open_hint({"region": WEST, "format": "netcdf"}, "/fsx/us-west-2/b") == (
        "data = open_in_region(client, 'us-west-2', xarray.open_mfdataset, '/fsx/us-west-2/b' + '/<files>*.nc')"
    )
    assert "list s3://b/p" in open_hint({"region": WEST, "format": "unknown"}, "s3://b/p")

    (tmp_path / "mounted" / "2024").mkdir(parents=True)
    listed = _list({"fsx_path": str(tmp_path / "mounted"), "s3_uri": "s3://b"}, 10)
    assert listed == {"path": str(tmp_path / "mounted"), "mounted": True, "entries": ["2024"], "note": None}
    assert _list({"fsx_path": str(tmp_path / "absent"), "s3_uri": "s3://b"}, 10)["path"] == "s3://b"
