"""portal_dask.sampledata: deterministic, idempotent, atomic sample data in era5-pds's and cmip6-pds's layouts."""

import csv
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import MODULE, REPOSITORY
from portal_dask import sampledata
from portal_dask.sampledata import (
    CATALOGUE_COLUMNS,
    CMIP6_EXPERIMENTS,
    CMIP6_VARIABLES,
    ERA5_VARIABLES,
    generate_cmip6,
    generate_era5,
    main,
)

ERA5_ARGUMENTS = ["--era5-variable", "air_temperature_at_2_metres", "--start", "2022-01-20", "--end", "2022-02-03"]
CMIP6_ARGUMENTS = ["--cmip6-variables", "tas", "--cmip6-experiments", "ssp126"]


def _run_cli(root, *arguments):
    environment = dict(os.environ, PYTHONPATH=MODULE, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-m", "portal_dask.sampledata", "--root", str(root), *arguments],
        env=environment, capture_output=True, text=True, timeout=120,
    )


def _files(root):
    """{relative path: (bytes, modification time)} of every file under root."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as file:
                found[os.path.relpath(path, root)] = (file.read(), os.stat(path).st_mtime_ns)
    return found


def test_the_command_and_the_functions_write_the_same_bytes_and_a_second_run_writes_nothing(tmp_path):
    by_command, by_function = tmp_path / "command", tmp_path / "function"

    first = _run_cli(by_command, *ERA5_ARGUMENTS, *CMIP6_ARGUMENTS, "--json")
    generate_era5(by_function, "air_temperature_at_2_metres", "2022-01-20", "2022-02-03")
    generate_cmip6(by_function, variables="tas", experiments="ssp126")
    written = _files(by_command)
    again = _run_cli(by_command, *ERA5_ARGUMENTS, *CMIP6_ARGUMENTS, "--json")

    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["era5"]["written"] == ["2022/01/data/air_temperature_at_2_metres.nc", "2022/02/data/air_temperature_at_2_metres.nc"]
    assert report["cmip6"]["written"] == [
        "CMIP6/ScenarioMIP/PORTAL/PORTAL-SAMPLE/ssp126/r1i1p1f1/Amon/tas/gr/v20261201", "pangeo-cmip6.csv", "pangeo-cmip6.json",
    ]
    assert {path: content for path, (content, _) in written.items()} == {
        path: content for path, (content, _) in _files(by_function).items()
    }
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["era5"]["written"] == [] and json.loads(again.stdout)["cmip6"]["written"] == []
    assert _files(by_command) == written  # same bytes, untouched
    assert not any(".sampledata-tmp" in path for path in written)


def test_era5_files_follow_era5_pds_with_a_latitude_gradient_and_seasons(tmp_path):
    import xarray as xr

    result = generate_era5(tmp_path, ["air_temperature_at_2_metres", "eastward_wind_at_10_metres"], "2021-01-01", "2021-07-31", region="us-west-2", dataset="era5")

    assert len(result.written) == 14 and result.present == []
    path = tmp_path / "us-west-2" / "era5" / "2021" / "07" / "data" / "air_temperature_at_2_metres.nc"
    assert 10_000 < path.stat().st_size < 100_000
    with xr.open_dataset(tmp_path / "us-west-2" / "era5" / "2021" / "01" / "data" / "air_temperature_at_2_metres.nc") as january, \
            xr.open_dataset(path) as july:
        t2m = january["air_temperature_at_2_metres"]
        assert t2m.dims == ("time0", "lat", "lon") and t2m.dtype == "float32" and t2m.attrs["units"] == "K"
        assert t2m.sizes["time0"] >= 2 and float(january.lat[0]) == 90 and float(january.lat[-1]) == -90
        equator, north = float(t2m.sel(lat=0).mean()), float(t2m.sel(lat=85).mean())
        assert 290 < equator < 310 and equator - north > 30
        assert float(july["air_temperature_at_2_metres"].sel(lat=70).mean()) - float(t2m.sel(lat=70).mean()) > 15
    with xr.open_dataset(tmp_path / "us-west-2" / "era5" / "2021" / "03" / "data" / "eastward_wind_at_10_metres.nc") as wind:
        assert wind["eastward_wind_at_10_metres"].attrs["units"] == "m s-1"


def test_cmip6_stores_and_catalogue_follow_cmip6_pds(sample_root):
    import xarray as xr

    folder = sample_root / "us-west-2" / "cmip6-pds"
    with open(folder / "pangeo-cmip6.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    with open(folder / "pangeo-cmip6.json") as file:
        collection = json.load(file)

    assert tuple(rows[0]) == CATALOGUE_COLUMNS
    assert [(row["activity_id"], row["experiment_id"]) for row in rows] == [("CMIP", "historical"), ("ScenarioMIP", "ssp245")]
    assert rows[1]["zstore"] == "s3://cmip6-pds/CMIP6/ScenarioMIP/PORTAL/PORTAL-SAMPLE/ssp245/r1i1p1f1/Amon/tas/gr/v20261201/"
    assert collection["catalog_file"] == "pangeo-cmip6.csv" and collection["assets"]["column_name"] == "zstore"
    store = folder / rows[1]["zstore"][len("s3://cmip6-pds/"):]
    assert (store / ".zmetadata").is_file()
    with xr.open_zarr(store, consolidated=True) as ssp245:
        assert ssp245["tas"].dims == ("time", "lat", "lon") and ssp245["tas"].attrs["units"] == "K"
        assert str(ssp245.time.values[0])[:7] == "2015-01" and str(ssp245.time.values[-1])[:7] == "2100-12"
        assert ssp245.sizes["time"] == 86 * 12
        late, early = ssp245["tas"].isel(time=slice(-120, None)).mean(), ssp245["tas"].isel(time=slice(0, 120)).mean()
        assert float(late - early) > 0.5  # the scenario warms


def test_variables_on_pressure_levels_have_a_plev_dimension(tmp_path):
    import xarray as xr

    generate_cmip6(tmp_path, variables=["ta"], experiments=["ssp370"], members=2)

    base = tmp_path / "us-west-2" / "cmip6-pds" / "CMIP6" / "ScenarioMIP" / "PORTAL" / "PORTAL-SAMPLE" / "ssp370"
    assert sorted(os.listdir(base)) == ["r1i1p1f1", "r2i1p1f1"]
    with xr.open_zarr(base / "r2i1p1f1" / "Amon" / "ta" / "gr" / "v20261201", consolidated=True) as ta:
        assert ta["ta"].dims == ("time", "plev", "lat", "lon")
        assert float(ta["ta"].isel(plev=0).mean()) > float(ta["ta"].isel(plev=-1).mean())


def test_an_interrupted_run_leaves_no_half_written_file_and_the_next_run_finishes(tmp_path, monkeypatch):
    import xarray as xr

    write = xr.Dataset.to_netcdf
    calls = []

    def crash_on_the_second_file(dataset, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 2:
            with open(path, "wb") as file:
                file.write(b"CDF half a file")
            raise KeyboardInterrupt("the machine went away")
        return write(dataset, path, *args, **kwargs)

    monkeypatch.setattr(xr.Dataset, "to_netcdf", crash_on_the_second_file)
    with pytest.raises(KeyboardInterrupt):
        generate_era5(tmp_path, "surface_air_pressure", "2020-01-01", "2020-03-31")
    monkeypatch.setattr(xr.Dataset, "to_netcdf", write)
    folder = tmp_path / "us-east-1" / "era5-pds"
    placed = sorted(str(path.relative_to(folder)) for path in folder.rglob("*.nc") if ".sampledata-tmp" not in str(path))
    finished = generate_era5(tmp_path, "surface_air_pressure", "2020-01-01", "2020-03-31")

    assert placed == ["2020/01/data/surface_air_pressure.nc"]
    assert finished.present == ["2020/01/data/surface_air_pressure.nc"]
    assert finished.written == ["2020/02/data/surface_air_pressure.nc", "2020/03/data/surface_air_pressure.nc"]
    with xr.open_dataset(folder / "2020" / "02" / "data" / "surface_air_pressure.nc") as february:
        assert february["surface_air_pressure"].attrs["units"] == "Pa"


@pytest.mark.parametrize(
    "arguments",
    [
        ["--era5-variable", "air_temperature_at_2_metres"],
        ["--era5-variable", "not_a_variable", "--start", "2022-01-01", "--end", "2022-01-31"],
        ["--era5-variable", "air_temperature_at_2_metres", "--start", "2022-02-01", "--end", "2022-01-31"],
        ["--era5-variable", "air_temperature_at_2_metres", "--start", "2022-13-01", "--end", "2022-01-31"],
        ["--cmip6-experiments", "ssp999"],
        ["--cmip6-members", "0"],
        ["--cmip6", "--cmip6-region", "Oregon"],
        [],
    ],
)
def test_the_command_refuses_incomplete_or_unknown_requests(tmp_path, arguments, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--root", str(tmp_path), *arguments])

    assert exited.value.code == 2
    assert capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def _cs_terms(path, pattern):
    with open(os.path.join(REPOSITORY, path), encoding="utf-8") as file:
        return re.findall(pattern, file.read())


def test_the_era5_variables_and_units_are_the_forms():
    offered = _cs_terms("src/Portal.Domain/Datasets/Era5Variables.cs", r'new\("(\w+)", "([^"]*)", VariableCategory\.\w+, "([^"]*)"\)')

    assert offered and {name: (long_name, units) for name, long_name, units in offered} == ERA5_VARIABLES


def test_every_cmip6_variable_and_experiment_the_form_offers_can_be_generated():
    cs = "src/Portal.Domain/Datasets/Cmip6Vocabulary.cs"
    text = open(os.path.join(REPOSITORY, cs), encoding="utf-8").read()
    variables = re.findall(r'new\("(\w+)"', text[text.index("VariableIds"):text.index("Experiments {")])
    experiments = re.findall(r'new\("(\w+)"', text[text.index("Experiments {"):])

    assert variables and set(variables) <= set(CMIP6_VARIABLES)
    assert experiments and set(experiments) | {"historical"} == set(CMIP6_EXPERIMENTS)
    assert {CMIP6_EXPERIMENTS[name][0] for name in experiments} == {"ScenarioMIP"}
    assert CMIP6_EXPERIMENTS["historical"][:3] == ("CMIP", 1850, 2014)


def test_generation_of_what_one_session_needs_is_quick(tmp_path):
    import time

    started = time.monotonic()
    generate_era5(tmp_path, "air_temperature_at_2_metres", "2022-01-01", "2022-12-31")
    generate_cmip6(tmp_path, variables=["tas"], experiments=["historical", "ssp245"])
    elapsed = time.monotonic() - started

    print(f"a year of ERA5 and CMIP6 tas for historical and ssp245 in {elapsed:.2f} s")
    assert elapsed < 10  # about 1.5 s on an idle core; generous for a shared machine
    assert sampledata.SEED == 20261207  # changing the seed changes every sample: do it on purpose only
