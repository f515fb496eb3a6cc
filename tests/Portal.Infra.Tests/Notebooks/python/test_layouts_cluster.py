"""The new layouts against the real two-pool cluster: each is found, opened and read in its own region's pool."""

import os

import pytest

from conftest import EAST, WEST
from portal_dask import (
    choose_reanalysis,
    compute_in_region,
    describe_by_path,
    measure_locality,
    open_cesm2_in_region,
    open_era5,
    open_in_region,
    open_nex_gddp_in_region,
    reanalysis_files,
    reanalysis_variable,
    start_locality,
    workers_in_pool,
)
from portal_dask.sampledata import generate_cesm2, generate_ncar_era5, generate_nex_gddp

START, END = "2022-01-01", "2022-02-28"


@pytest.fixture(scope="module")
def west_root(tmp_path_factory):
    """nsf-ncar-era5, NEX-GDDP-CMIP6 and CESM2-LENS samples for January and February 2022, all in us-west-2."""
    root = tmp_path_factory.mktemp("layouts")
    generate_ncar_era5(root, "air_temperature_at_2_metres", START, END)
    generate_nex_gddp(root, ["tas"], "ssp245", START, END)
    generate_cesm2(root, ["tas"], START, END)
    return root


def _where(root, dataset):
    return os.path.join(str(root), WEST, dataset)


def _read_in(client, region, work):
    """Runs ``work`` and returns how many bytes each pool read meanwhile."""
    start_locality(client)
    before = measure_locality(client)["pools"]
    result = work()
    after = measure_locality(client)["pools"]
    return result, {pool: after[pool]["bytesRead"] - before.get(pool, {"bytesRead": 0})["bytesRead"] for pool in after}


def test_nsf_ncar_era5_opens_and_reduces_in_its_pool(client, west_root):
    entry = {"region": WEST, "fsx_path": _where(west_root, "nsf-ncar-era5"), "layout": "nsf_ncar_era5", "name": "ERA5 (NCAR)"}
    chosen, _ = choose_reanalysis({"nsf-ncar-era5": entry}, "air_temperature_at_2_metres")
    files = reanalysis_files(entry, "air_temperature_at_2_metres", START, END)

    def work():
        dataset = open_era5(client, WEST, files)
        return compute_in_region(client, WEST, dataset[reanalysis_variable(entry, "air_temperature_at_2_metres")].mean("time"))

    field, read = _read_in(client, WEST, work)

    assert chosen == "nsf-ncar-era5" and len(files) == 2
    assert field.dims == ("latitude", "longitude") and 250 < float(field.mean()) < 300
    assert read[WEST] >= 2 * 4 * 37 * 72 * 4 and read.get(EAST, 0) == 0


def test_nex_gddp_is_found_and_opened_in_its_pool(client, west_root):
    def work():
        opened = open_nex_gddp_in_region(client, WEST, _where(west_root, "nex-gddp-cmip6/NEX-GDDP-CMIP6"), ["tas"], "ssp245", START, END)
        found, dataset = opened["tas"]
        return found, compute_in_region(client, WEST, dataset["tas"].sel(time=slice(START, END)).mean("time"))

    (found, field), read = _read_in(client, WEST, work)

    assert found["model"] == "PORTAL-SAMPLE" and found["members"] == {"ssp245": "r1i1p1f1"}
    assert field.dims == ("lat", "lon") and 250 < float(field.mean()) < 310
    assert read[WEST] > 0 and read.get(EAST, 0) == 0


def test_cesm2_lens_opens_in_its_pool_with_its_members(client, west_root):
    def work():
        cesm2 = open_cesm2_in_region(client, WEST, _where(west_root, "ncar-cesm2-lens"), ["tas"], START, END)
        return compute_in_region(client, WEST, cesm2["tas"].mean(["time", "member_id"]))

    field, read = _read_in(client, WEST, work)

    assert field.dims == ("lat", "lon") and 250 < float(field.mean()) < 310
    assert read[WEST] >= 2 * 2 * 18 * 36 * 4 and read.get(EAST, 0) == 0


def test_opening_by_path_runs_in_the_pool_and_keeps_the_reads_there(client, west_root):
    import xarray as xr

    store = os.path.join(_where(west_root, "ncar-cesm2-lens"), "atm", "monthly", "cesm2LE-ssp370-cmip6-TREFHT.zarr")
    opened = open_in_region(client, WEST, xr.open_zarr, store, consolidated=True)
    mean = compute_in_region(client, WEST, opened["TREFHT"].isel(time=slice(0, 12)).mean())

    assert 250 < float(mean) < 310
    assert workers_in_pool(client, WEST)


def test_datasets_of_no_layout_are_described_from_their_pools(client, west_root):
    paths = {
        "mounted": {"region": WEST, "layout": "none", "format": "zarr", "name": "A mounted one",
                    "fsx_path": _where(west_root, "ncar-cesm2-lens"), "s3_uri": "s3://ncar-cesm2-lens", "more_s3_uris": []},
        "remote": {"region": EAST, "layout": "none", "format": "csv", "name": "A remote one",
                   "fsx_path": "/nowhere/us-east-1/remote", "s3_uri": "s3://remote-bucket/prefix",
                   "more_s3_uris": ["s3://remote-bucket/other"], "requester_pays": False},
        "analysed": {"region": WEST, "layout": "cesm2_lens", "fsx_path": "/x", "s3_uri": "s3://x"},
    }

    texts = describe_by_path(client, paths)

    assert list(texts) == ["mounted", "remote"]
    assert texts["mounted"].startswith(f"A mounted one (mounted, us-west-2, zarr): {_where(west_root, 'ncar-cesm2-lens')} (mounted")
    assert "holds: atm" in texts["mounted"]
    assert texts["remote"].startswith("A remote one (remote, us-east-1, csv): s3://remote-bucket/prefix\n")
    assert "  also: s3://remote-bucket/other" in texts["remote"]
    assert "open_in_region(client, 'us-east-1', dask.dataframe.read_csv, 's3://remote-bucket/prefix'" in texts["remote"]
