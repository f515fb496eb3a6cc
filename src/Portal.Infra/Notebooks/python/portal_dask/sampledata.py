"""Deterministic sample data in the layouts of era5-pds and cmip6-pds (here), nsf-ncar-era5, NEX-GDDP-CMIP6 and
CESM2-LENS (``sample_ncar_era5``, ``sample_nex_gddp``, ``sample_cesm2``), for the sandbox and the tests.

Synthetic fields (a smooth climate-like pattern plus noise from a fixed seed), never real ERA5 or CMIP6 data; every
file says so in its attributes. The same arguments give the same bytes on the same machine.

Command line (``python3 -m portal_dask.sampledata --help``)::

    python3 -m portal_dask.sampledata --root DIR
        [--era5-variable NAME [NAME ...] --start YYYY-MM-DD --end YYYY-MM-DD]
        [--era5-region us-east-1] [--era5-dataset era5-pds]
        [--cmip6] [--cmip6-variables tas [ta zg rsut tauv]] [--cmip6-experiments historical ssp126 ssp245 ssp370 ssp585]
        [--cmip6-members 1] [--cmip6-region us-west-2] [--cmip6-dataset cmip6-pds]
        [--ncar-era5-variable NAME [NAME ...]] [--ncar-era5-region us-west-2] [--ncar-era5-dataset nsf-ncar-era5]
        [--nex-variables tas [pr ...]] [--nex-experiment ssp245] [--nex-region us-west-2]
        [--nex-dataset nex-gddp-cmip6/NEX-GDDP-CMIP6]
        [--cesm2-variables tas [ta zg pr ...]] [--cesm2-forcing cmip6] [--cesm2-region us-west-2]
        [--cesm2-dataset ncar-cesm2-lens]
        [--json]

The nsf-ncar-era5, NEX-GDDP-CMIP6 and CESM2-LENS options need ``--start`` and ``--end`` too. It exits 0 after writing
what was missing (and prints what it wrote, as JSON with ``--json``), 2 for bad arguments, 1 when generation failed.
Functions: ``generate_era5``, ``generate_cmip6``, ``generate_ncar_era5``, ``generate_nex_gddp``, ``generate_cesm2``.

ERA5: ``<root>/<region>/<dataset>/YYYY/MM/data/<variable>.nc`` for every month from the start's month to the end's
(era5-pds's layout: github.com/planet-os/notebooks, aws/era5-pds.md). Dimensions ``time0`` (the 1st, 8th, 15th and 22nd
of the month at 00:00), ``lat`` (90 to -90 every 5 degrees, as ERA5 runs north to south) and ``lon`` (0 to 355 every 5
degrees); float32 with the variable's units; about 40 KB a file. Kelvin variables are warm at the equator, cold at the
poles, with a seasonal cycle opposite in each hemisphere and noise of about 1 K.

CMIP6: for every requested variable (table Amon only), experiment and member, one consolidated Zarr store at
``<root>/<region>/<dataset>/CMIP6/<activity_id>/PORTAL/PORTAL-SAMPLE/<experiment_id>/r<n>i1p1f1/Amon/<variable_id>/gr/
v20261201/``, with the whole experiment's period: historical (activity CMIP) 1850-2014, the SSPs (ScenarioMIP)
2015-2100. Dimensions ``time`` (monthly, mid-month), ``lat`` (-85 to 85 every 10 degrees), ``lon`` (5 to 355 every 10
degrees), plus ``plev`` (4 levels) for ta and zg. ``pangeo-cmip6.json`` and ``pangeo-cmip6.csv`` at the dataset's root
list every store present, in pangeo-cmip6's columns, with ``zstore = s3://<dataset>/CMIP6/.../``. Generating tas for
historical and one SSP (what one session needs) writes about 5 MB in about a second; the default full set (tas, five
experiments) about 11 MB in about 3 s.

What exists is kept: a second run with the same arguments writes nothing. Every file or store is written in
``<dataset>/.sampledata-tmp`` and then renamed into place, so an interrupted run leaves no half-written file where the
data is read (only, at worst, a leftover in that temporary folder, which the next run clears).
"""

import argparse
import datetime
import json
import os
import sys

from ._sampling import SEED, Generated, _known, _rng, _Writer  # noqa: F401 - SEED and Generated are part of this module's API
from .cesm2 import CESM2_FORCINGS, CESM2_VARIABLES
from .nex_gddp import NEX_GDDP_VARIABLES
from .sample_cesm2 import generate_cesm2
from .sample_ncar_era5 import generate_ncar_era5
from .sample_nex_gddp import generate_nex_gddp

ERA5_VARIABLES = {
    # name: (long name, units), as the portal's form offers them (src/Portal.Domain/Datasets/Era5Variables.cs, whose
    # names come from shared/reference/catalogue/era5_pds_variables.csv). A Python test keeps the two lists equal.
    "air_temperature_at_2_metres": ("2 metre temperature", "K"),
    "air_temperature_at_2_metres_1hour_Maximum": ("2 metres maximum temperature since previous post-processing", "K"),
    "air_temperature_at_2_metres_1hour_Minimum": ("2 metres minimum temperature since previous post-processing", "K"),
    "dew_point_temperature_at_2_metres": ("2 metre dew point temperature", "K"),
    "sea_surface_temperature": ("Sea surface temperature", "K"),
    "eastward_wind_at_10_metres": ("10 metre U wind component", "m s-1"),
    "northward_wind_at_10_metres": ("10 metre V wind component", "m s-1"),
    "eastward_wind_at_100_metres": ("100 metre U wind component", "m s-1"),
    "northward_wind_at_100_metres": ("100 metre V wind component", "m s-1"),
    "sea_surface_wave_mean_period": ("Mean wave period", "s"),
    "sea_surface_wind_wave_from_direction": ("Mean direction of wind waves", "degree"),
    "significant_height_of_wind_and_swell_waves": ("Significant height of combined wind waves and swell", "m"),
    "precipitation_amount_1hour_Accumulation": ("Total precipitation", "m"),
    "snow_density": ("Snow density", "kg m-3"),
    "lwe_thickness_of_surface_snow_amount": ("Snow depth", "m of water equivalent"),
    "air_pressure_at_mean_sea_level": ("Mean sea level pressure", "Pa"),
    "surface_air_pressure": ("Surface pressure", "Pa"),
}

CMIP6_VARIABLES = {
    # variable_id: (long name, units, on pressure levels), for the variables the form offers
    # (src/Portal.Domain/Datasets/Cmip6Vocabulary.cs); names and units from the CMIP6 Amon table.
    "tas": ("Near-Surface Air Temperature", "K", False),
    "ta": ("Air Temperature", "K", True),
    "zg": ("Geopotential Height", "m", True),
    "rsut": ("TOA Outgoing Shortwave Radiation", "W m-2", False),
    "tauv": ("Surface Downward Northward Wind Stress", "Pa", False),
    # The variables that follow the form's ERA5 categories (src/Portal.Domain/Datasets/Cmip6Variables.cs); names and
    # units from the CMIP6 data request (Amon, and LImon for snow).
    "tasmax": ("Daily Maximum Near-Surface Air Temperature", "K", False),
    "tasmin": ("Daily Minimum Near-Surface Air Temperature", "K", False),
    "ts": ("Surface Temperature", "K", False),
    "tos": ("Sea Surface Temperature", "degC", False),
    "sfcWind": ("Near-Surface Wind Speed", "m s-1", False),
    "uas": ("Eastward Near-Surface Wind", "m s-1", False),
    "vas": ("Northward Near-Surface Wind", "m s-1", False),
    "pr": ("Precipitation", "kg m-2 s-1", False),
    "prc": ("Convective Precipitation", "kg m-2 s-1", False),
    "prsn": ("Snowfall Flux", "kg m-2 s-1", False),
    "snw": ("Surface Snow Amount", "kg m-2", False),
    "snd": ("Snow Depth", "m", False),
    "snc": ("Snow Area Percentage", "%", False),
    "psl": ("Sea Level Pressure", "Pa", False),
    "ps": ("Surface Air Pressure", "Pa", False),
}

CMIP6_EXPERIMENTS = {
    # experiment_id: (activity_id, first year, last year, warming in K over the period), the experiments the form
    # offers plus historical. The periods are CMIP6's (historical 1850-2014, the SSPs 2015-2100); the warming is
    # illustrative, in the order of the scenarios, not a model's.
    "historical": ("CMIP", 1850, 2014, 1.1),
    "ssp126": ("ScenarioMIP", 2015, 2100, 0.6),
    "ssp245": ("ScenarioMIP", 2015, 2100, 1.5),
    "ssp370": ("ScenarioMIP", 2015, 2100, 2.6),
    "ssp585": ("ScenarioMIP", 2015, 2100, 3.5),
}

CMIP6_TABLE = "Amon"
CMIP6_INSTITUTION = "PORTAL"  # not a CMIP6 institution: the stores are the portal's synthetic samples
CMIP6_SOURCE = "PORTAL-SAMPLE"
CMIP6_GRID_LABEL = "gr"  # "regridded data reported on the data provider's preferred target grid"
CMIP6_VERSION = "20261201"
CMIP6_PLEV = (100000.0, 85000.0, 50000.0, 25000.0)  # Pa, four of the CMIP6 plev19 levels
CMIP6_TIME_CHUNK = 120  # months per Zarr chunk: ten years

# pangeo-cmip6's catalogue columns, in order (shared/reference/catalogue/intake_esm_samples/pangeo-cmip6-aws-style-
# sample.csv) and its collection JSON (pangeo-cmip6-zarr.json there), with this sample's CSV beside it.
CATALOGUE_COLUMNS = (
    "activity_id", "institution_id", "source_id", "experiment_id", "member_id", "table_id", "variable_id",
    "grid_label", "zstore", "dcpp_init_year", "version",
)
CATALOGUE_JSON = "pangeo-cmip6.json"
CATALOGUE_CSV = "pangeo-cmip6.csv"


def _months(start, end):
    from .era5 import _months as months

    return list(months(start, end))


def _era5_values(variable, lat, lon, times, rng):
    """A smooth field for the variable over (time, lat, lon), plus noise. Returns float32."""
    import numpy as np

    phi = np.deg2rad(lat)[None, :, None]
    lam = np.deg2rad(lon)[None, None, :]
    day = np.array([t.timetuple().tm_yday for t in times], dtype=float)[:, None, None]
    season = np.cos(2 * np.pi * (day - 15) / 365.25)  # +1 in mid-January, -1 in mid-July
    shape = (len(times), len(lat), len(lon))
    noise = rng.standard_normal(shape)
    # Warm equator, cold poles; the winter hemisphere colder; a little longitude structure.
    temperature = 300 - 50 * np.sin(phi) ** 2 - 15 * np.sin(phi) * season + 2 * np.cos(lam) * np.cos(phi)
    if variable == "air_temperature_at_2_metres":
        values = temperature + noise
    elif variable == "air_temperature_at_2_metres_1hour_Maximum":
        values = temperature + 3 + noise
    elif variable == "air_temperature_at_2_metres_1hour_Minimum":
        values = temperature - 3 + noise
    elif variable == "dew_point_temperature_at_2_metres":
        values = temperature - 4 - 4 * np.sin(phi) ** 2 + noise
    elif variable == "sea_surface_temperature":
        values = np.maximum(temperature + 2 + 0.3 * noise, 271.35)  # sea water freezes at about -1.8 degC
    elif variable.startswith("eastward_wind"):
        scale = 1.3 if "100" in variable else 1.0
        values = scale * (-6 * np.cos(3 * phi) + 2 * noise)  # easterly trades, westerlies at mid-latitudes
    elif variable.startswith("northward_wind"):
        scale = 1.3 if "100" in variable else 1.0
        values = scale * (np.sin(2 * phi) * np.cos(lam) + 2 * noise)
    elif variable == "sea_surface_wave_mean_period":
        values = 7 + 3 * np.abs(np.sin(phi)) + 0.5 * noise
    elif variable == "sea_surface_wind_wave_from_direction":
        values = np.mod(270 + 40 * np.sin(phi) + 20 * noise, 360)
    elif variable == "significant_height_of_wind_and_swell_waves":
        values = np.maximum(1.5 + 2 * np.sin(phi) ** 2 + 0.3 * noise, 0.05)
    elif variable == "precipitation_amount_1hour_Accumulation":
        mean = 1e-4 * (1 + 3 * np.exp(-((lat[None, :, None] / 10) ** 2)))  # 0.1 mm an hour, more in the tropics
        values = mean * rng.exponential(size=shape)
    elif variable == "snow_density":
        values = 100 + 200 * np.sin(phi) ** 2 + 10 * np.abs(noise)
    elif variable == "lwe_thickness_of_surface_snow_amount":
        winter = np.clip(np.sin(phi) * season, 0, None)  # snow in the winter hemisphere, towards the poles
        values = np.clip(np.abs(np.sin(phi)) - 0.5, 0, None) * (0.2 + 0.3 * winter) * (1 + 0.1 * noise)
        values = np.maximum(values, 0)
    elif variable == "air_pressure_at_mean_sea_level":
        values = 101325 + 800 * np.cos(4 * phi) + 300 * noise
    elif variable == "surface_air_pressure":
        values = 99000 + 800 * np.cos(4 * phi) - 1500 * np.cos(lam) ** 2 * np.cos(phi) + 300 * noise
    else:
        raise ValueError(f"{variable!r} is not one of the ERA5 variables the portal offers")
    return values.astype("float32")


def _era5_file(variable, month):
    """The sample dataset of one variable and month (four time steps)."""
    import numpy as np
    import pandas as pd
    import xarray as xr

    long_name, units = ERA5_VARIABLES[variable]
    lat = np.arange(90.0, -90.1, -5.0)
    lon = np.arange(0.0, 360.0, 5.0)
    times = [datetime.datetime(month.year, month.month, day) for day in (1, 8, 15, 22)]
    values = _era5_values(variable, lat, lon, times, _rng("era5", variable, f"{month:%Y-%m}"))
    # era5-pds names the time dimension time0 for analysed fields; notebooks find it as the dimension named time*.
    return xr.Dataset(
        {variable: (("time0", "lat", "lon"), values, {"units": units, "long_name": long_name})},
        coords={
            "time0": ("time0", pd.to_datetime(times), {"standard_name": "time"}),
            "lat": ("lat", lat, {"units": "degrees_north", "long_name": "latitude"}),
            "lon": ("lon", lon, {"units": "degrees_east", "long_name": "longitude"}),
        },
        attrs={
            "title": "Synthetic ERA5-like sample data",
            "comment": "Not ERA5 data: a smooth pattern plus seeded noise, for the portal's sandbox and tests.",
            "source": f"portal_dask.sampledata (seed {SEED})",
        },
    )


def generate_era5(root, variables, start, end, region="us-east-1", dataset="era5-pds"):
    """Writes the missing monthly files of ``variables`` (a name or a list) under ``<root>/<region>/<dataset>``."""
    from .pools import pool_resource

    pool_resource(region)  # refuses what is not a region
    variables = _known(variables, ERA5_VARIABLES, "ERA5 variables")
    folder = os.path.join(os.path.abspath(root), region, dataset)
    result = Generated(folder=folder)
    writer = _Writer(folder)
    try:
        for month in _months(start, end):
            for variable in variables:
                relative = f"{month:%Y}/{month:%m}/data/{variable}.nc"
                final = os.path.join(folder, *relative.split("/"))
                if os.path.exists(final):
                    result.present.append(relative)
                    continue
                temp = writer.temp_path(f"{variable}.nc")
                _era5_file(variable, month).to_netcdf(
                    temp,
                    format="NETCDF4",
                    encoding={
                        variable: {"zlib": True, "complevel": 4, "dtype": "float32", "_FillValue": None},
                        "time0": {"units": "hours since 1900-01-01 00:00:00", "calendar": "gregorian", "dtype": "int32"},
                        "lat": {"_FillValue": None},
                        "lon": {"_FillValue": None},
                    },
                )
                writer.place_file(temp, final)
                result.written.append(relative)
    finally:
        writer.close()
    return result


def _mid_months(first_year, last_year):
    import pandas as pd

    starts = pd.date_range(f"{first_year}-01-01", f"{last_year + 1}-01-01", freq="MS")
    return starts[:-1] + (starts[1:] - starts[:-1]) / 2


def _cmip6_values(variable, experiment, lat, lon, times, rng):
    """A smooth field over (time, [plev,] lat, lon) with a warming trend for temperatures, plus noise."""
    import numpy as np

    _, first_year, last_year, warming = CMIP6_EXPERIMENTS[experiment]
    phi = np.deg2rad(lat)[None, :, None]
    lam = np.deg2rad(lon)[None, None, :]
    years = np.asarray(times.year + (times.dayofyear - 1) / 365.25, dtype=float)[:, None, None]
    season = np.cos(2 * np.pi * (np.asarray(times.dayofyear, dtype=float)[:, None, None] - 15) / 365.25)
    progress = (years - first_year) / (last_year + 1 - first_year)
    if experiment == "historical":
        trend = warming * progress**3  # slow at first, faster after 1950
    else:
        trend = CMIP6_EXPERIMENTS["historical"][3] + warming * progress  # continues from the end of historical
    shape = (len(times), len(lat), len(lon))
    surface = 300 - 50 * np.sin(phi) ** 2 - 15 * np.sin(phi) * season + 2 * np.cos(lam) * np.cos(phi) + trend
    if variable == "tas":
        return (surface + 0.8 * rng.standard_normal(shape)).astype("float32")
    if variable == "rsut":
        return (100 + 30 * np.cos(2 * phi) + 20 * season * np.sin(phi) + 5 * rng.standard_normal(shape)).astype("float32")
    if variable == "tauv":
        return (0.02 * np.sin(2 * phi) + 0.01 * rng.standard_normal(shape)).astype("float32")
    noise = rng.standard_normal(shape)
    if variable in ("tasmax", "tasmin", "ts"):
        offset = {"tasmax": 5.0, "tasmin": -5.0, "ts": 1.0}[variable]
        return (surface + offset + 0.8 * noise).astype("float32")
    if variable == "tos":
        return (np.maximum(surface - 273.15, -1.8) + 0.3 * noise).astype("float32")
    if variable in ("sfcWind", "uas", "vas"):
        # Westerlies in mid-latitudes, trades near the equator.
        u = 8 * np.sin(2 * phi) ** 2 * np.sign(phi + 1e-9) - 3 * np.cos(phi) ** 8 + 1.5 * noise
        return (np.abs(u) + 2 if variable == "sfcWind" else u if variable == "uas" else 1.5 * noise).astype("float32")
    if variable in ("pr", "prc", "prsn"):
        # Wet tropics and storm tracks, in kg m-2 s-1 (3e-5 is about 2.6 mm a day); snowfall only where it is cold.
        wet = 3e-5 * (np.cos(phi) ** 4 + 0.5 * np.sin(2 * phi) ** 2) * (1 + 0.3 * season * np.sin(phi))
        share = {"pr": 1.0, "prc": 0.6, "prsn": 1.0}[variable]
        amount = np.maximum(share * wet * (1 + 0.4 * noise), 0)
        return (amount * (surface < 273.15) if variable == "prsn" else amount).astype("float32")
    if variable in ("snw", "snd", "snc"):
        cold = np.clip((273.15 - surface) / 30, 0, 1)
        scale = {"snw": 200.0, "snd": 0.6, "snc": 100.0}[variable]
        return (scale * cold * (1 + 0.1 * np.abs(noise))).astype("float32")
    if variable in ("psl", "ps"):
        pressure = 101325 + 800 * np.cos(2 * phi) * season + 100 * noise
        return (pressure - (1500 * np.cos(phi) ** 2 if variable == "ps" else 0)).astype("float32")
    # On pressure levels: heights of the standard atmosphere, temperature falling 6.5 K a kilometre up to 220 K.
    height_km = np.array([0.1, 1.5, 5.6, 10.4])[None, :, None, None]
    levels = (len(times), len(CMIP6_PLEV), len(lat), len(lon))
    if variable == "ta":
        return (np.maximum(surface[:, None] - 6.5 * height_km, 220) + 0.8 * rng.standard_normal(levels)).astype("float32")
    if variable == "zg":
        heights = 1000 * height_km + 80 * np.cos(phi)[:, None] + 20 * trend[:, None]
        return (heights + 10 * rng.standard_normal(levels)).astype("float32")
    raise ValueError(f"{variable!r} is not one of the CMIP6 variables the portal offers")


def _cmip6_facets(variable, experiment, member):
    activity = CMIP6_EXPERIMENTS[experiment][0]
    return {
        "activity_id": activity,
        "institution_id": CMIP6_INSTITUTION,
        "source_id": CMIP6_SOURCE,
        "experiment_id": experiment,
        "member_id": f"r{member}i1p1f1",
        "table_id": CMIP6_TABLE,
        "variable_id": variable,
        "grid_label": CMIP6_GRID_LABEL,
        "version": CMIP6_VERSION,
    }


def _store_relative(facets):
    return "/".join(
        ["CMIP6"]
        + [facets[name] for name in ("activity_id", "institution_id", "source_id", "experiment_id", "member_id",
                                     "table_id", "variable_id", "grid_label")]
        + ["v" + facets["version"]]
    )


def _cmip6_store(variable, experiment, member):
    import numpy as np
    import xarray as xr

    long_name, units, on_levels = CMIP6_VARIABLES[variable]
    _, first_year, last_year, _ = CMIP6_EXPERIMENTS[experiment]
    facets = _cmip6_facets(variable, experiment, member)
    lat = np.arange(-85.0, 86.0, 10.0)
    lon = np.arange(5.0, 360.0, 10.0)
    times = _mid_months(first_year, last_year)
    values = _cmip6_values(variable, experiment, lat, lon, times, _rng("cmip6", variable, experiment, member))
    dims = ("time", "plev", "lat", "lon") if on_levels else ("time", "lat", "lon")
    coords = {
        "time": ("time", times, {"standard_name": "time", "axis": "T"}),
        "lat": ("lat", lat, {"units": "degrees_north", "standard_name": "latitude", "axis": "Y"}),
        "lon": ("lon", lon, {"units": "degrees_east", "standard_name": "longitude", "axis": "X"}),
    }
    if on_levels:
        coords["plev"] = ("plev", np.array(CMIP6_PLEV), {"units": "Pa", "standard_name": "air_pressure", "axis": "Z"})
    attrs = {name: value for name, value in facets.items() if name != "version"}
    attrs.update(
        variant_label=facets["member_id"],
        title="Synthetic CMIP6-like sample data",
        comment="Not model output: a smooth pattern, an illustrative trend and seeded noise, for the portal's sandbox.",
        source=f"portal_dask.sampledata (seed {SEED})",
    )
    dataset = xr.Dataset({variable: (dims, values, {"units": units, "long_name": long_name})}, coords=coords, attrs=attrs)
    chunks = (CMIP6_TIME_CHUNK,) + values.shape[1:]
    encoding = {
        variable: {"chunks": chunks},
        "time": {"units": f"days since {first_year}-01-01", "calendar": "proleptic_gregorian", "dtype": "float64"},
    }
    return dataset, encoding, facets


def _catalogue_rows(folder, bucket):
    """One row per consolidated store under ``<folder>/CMIP6``, sorted, in pangeo-cmip6's columns."""
    rows = []
    top = os.path.join(folder, "CMIP6")
    for current, directories, files in os.walk(top):
        directories.sort()
        if ".zmetadata" not in files:
            continue
        parts = os.path.relpath(current, top).split(os.sep)
        directories[:] = []  # a store's own folders hold its arrays, not more stores
        if len(parts) != 9 or not parts[8].startswith("v"):
            continue
        names = ("activity_id", "institution_id", "source_id", "experiment_id", "member_id", "table_id",
                 "variable_id", "grid_label")
        row = dict(zip(names, parts[:8]))
        row.update(zstore=f"s3://{bucket}/CMIP6/{'/'.join(parts)}/", dcpp_init_year="", version=parts[8][1:])
        rows.append(row)
    return sorted(rows, key=lambda row: row["zstore"])


def _catalogue_json(bucket):
    # The shape of pangeo-cmip6.json (shared/reference/catalogue/intake_esm_samples/pangeo-cmip6-zarr.json), naming
    # the CSV beside it; cmip6-pds's own JSON names its CSV by URL (read_cmip6_catalogue reads either).
    vocabulary = "https://raw.githubusercontent.com/WCRP-CMIP/CMIP6_CVs/master/CMIP6_{}.json"
    controlled = {"activity_id", "source_id", "institution_id", "experiment_id", "table_id", "grid_label"}
    join_options = {"coords": "minimal", "compat": "override"}
    collection = {
        "esmcat_version": "0.1.0",
        "id": "pangeo-cmip6",
        "description": f"Synthetic sample stores in the layout of {bucket} (portal_dask.sampledata): not model output.",
        "catalog_file": CATALOGUE_CSV,
        "attributes": [
            {"column_name": name, "vocabulary": vocabulary.format(name) if name in controlled else ""}
            for name in ("activity_id", "source_id", "institution_id", "experiment_id", "member_id", "table_id",
                         "variable_id", "grid_label", "version", "dcpp_init_year")
        ],
        "assets": {"column_name": "zstore", "format": "zarr"},
        "aggregation_control": {
            "variable_column_name": "variable_id",
            "groupby_attrs": ["activity_id", "institution_id", "source_id", "experiment_id", "table_id", "grid_label"],
            "aggregations": [
                {"type": "join_new", "attribute_name": "member_id", "options": join_options},
                {"type": "join_new", "attribute_name": "dcpp_init_year", "options": join_options},
                {"type": "union", "attribute_name": "variable_id"},
            ],
        },
    }
    return (json.dumps(collection, indent=2) + "\n").encode("utf-8")


def _catalogue_csv(rows):
    import csv
    import io

    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CATALOGUE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def generate_cmip6(root, variables=("tas",), experiments=tuple(CMIP6_EXPERIMENTS), members=1, region="us-west-2",
                   dataset="cmip6-pds"):
    """Writes the missing stores under ``<root>/<region>/<dataset>/CMIP6`` and brings the catalogue up to date."""
    from .pools import pool_resource

    pool_resource(region)
    variables = _known(variables, CMIP6_VARIABLES, "CMIP6 variables")
    experiments = _known(experiments, CMIP6_EXPERIMENTS, "CMIP6 experiments")
    if isinstance(members, bool) or not isinstance(members, int) or not 1 <= members <= 9:
        raise ValueError(f"{members!r} members: choose 1 to 9")
    folder = os.path.join(os.path.abspath(root), region, dataset)
    result = Generated(folder=folder, catalogue=os.path.join(folder, CATALOGUE_JSON))
    writer = _Writer(folder)
    try:
        for experiment in experiments:
            for variable in variables:
                for member in range(1, members + 1):
                    relative = _store_relative(_cmip6_facets(variable, experiment, member))
                    final = os.path.join(folder, *relative.split("/"))
                    if os.path.isdir(final):
                        result.present.append(relative)
                        continue
                    data, encoding, _ = _cmip6_store(variable, experiment, member)
                    temp = writer.temp_path(variable + ".zarr")
                    data.to_zarr(temp, mode="w", consolidated=True, encoding=encoding)
                    if writer.place_folder(temp, final):
                        result.written.append(relative)
                    else:
                        result.present.append(relative)
        bucket = os.path.basename(folder)
        if writer.write_if_changed(os.path.join(folder, CATALOGUE_CSV), _catalogue_csv(_catalogue_rows(folder, bucket))):
            result.written.append(CATALOGUE_CSV)
        if writer.write_if_changed(os.path.join(folder, CATALOGUE_JSON), _catalogue_json(bucket)):
            result.written.append(CATALOGUE_JSON)
    finally:
        writer.close()
    return result


def _iso_date(text):
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None
    return text


def _parser():
    parser = argparse.ArgumentParser(
        prog="python3 -m portal_dask.sampledata",
        description="Writes deterministic sample data in the layouts of era5-pds, cmip6-pds, nsf-ncar-era5, "
                    "NEX-GDDP-CMIP6 and CESM2-LENS (synthetic values).",
    )
    parser.add_argument("--root", required=True, help="the folder that holds one folder per region")
    era5 = parser.add_argument_group("ERA5 (monthly netCDF files)")
    era5.add_argument("--era5-variable", nargs="+", action="extend", default=[], metavar="NAME",
                      choices=list(ERA5_VARIABLES), help="one or more era5-pds variables: " + ", ".join(ERA5_VARIABLES))
    era5.add_argument("--start", type=_iso_date, help="the first day wanted, YYYY-MM-DD (its whole month is written)")
    era5.add_argument("--end", type=_iso_date, help="the last day wanted, YYYY-MM-DD (its whole month is written)")
    era5.add_argument("--era5-region", default="us-east-1", help="the region folder (default: us-east-1)")
    era5.add_argument("--era5-dataset", default="era5-pds", help="the dataset folder (default: era5-pds)")
    cmip6 = parser.add_argument_group("CMIP6 (Zarr stores and their catalogue)")
    cmip6.add_argument("--cmip6", action="store_true", help="write CMIP6 stores (implied by any other --cmip6-* option)")
    cmip6.add_argument("--cmip6-variables", nargs="+", metavar="ID", choices=list(CMIP6_VARIABLES),
                       help="variable_ids (default: tas)")
    cmip6.add_argument("--cmip6-experiments", nargs="+", metavar="ID", choices=list(CMIP6_EXPERIMENTS),
                       help="experiment_ids (default: all of " + ", ".join(CMIP6_EXPERIMENTS) + ")")
    cmip6.add_argument("--cmip6-members", type=int, help="ensemble members r1i1p1f1 ... (default: 1)")
    cmip6.add_argument("--cmip6-region", default=None, help="the region folder (default: us-west-2)")
    cmip6.add_argument("--cmip6-dataset", default=None, help="the dataset folder (default: cmip6-pds)")
    ncar = parser.add_argument_group("nsf-ncar-era5 (monthly netCDF files, NCAR's names; needs --start and --end)")
    ncar.add_argument("--ncar-era5-variable", nargs="+", action="extend", default=[], metavar="NAME",
                      choices=list(ERA5_VARIABLES), help="era5-pds names of variables NCAR keeps in e5.oper.an.sfc")
    ncar.add_argument("--ncar-era5-region", default="us-west-2", help="the region folder (default: us-west-2)")
    ncar.add_argument("--ncar-era5-dataset", default="nsf-ncar-era5", help="the dataset folder (default: nsf-ncar-era5)")
    nex = parser.add_argument_group("NEX-GDDP-CMIP6 (yearly netCDF files; needs --start and --end)")
    nex.add_argument("--nex-variables", nargs="+", default=[], metavar="ID", choices=list(NEX_GDDP_VARIABLES),
                     help="variables: " + ", ".join(NEX_GDDP_VARIABLES))
    nex.add_argument("--nex-experiment", default="ssp245", choices=[name for name in CMIP6_EXPERIMENTS if name != "historical"],
                     help="the SSP after 2014 (default: ssp245); historical before")
    nex.add_argument("--nex-region", default="us-west-2", help="the region folder (default: us-west-2)")
    nex.add_argument("--nex-dataset", default="nex-gddp-cmip6/NEX-GDDP-CMIP6",
                     help="the dataset folder (default: nex-gddp-cmip6/NEX-GDDP-CMIP6)")
    cesm2 = parser.add_argument_group("CESM2-LENS (Zarr stores per CESM variable; needs --start and --end)")
    cesm2.add_argument("--cesm2-variables", nargs="+", default=[], metavar="ID", choices=list(CESM2_VARIABLES),
                       help="CMIP6 ids mapped to CESM variables: " + ", ".join(CESM2_VARIABLES))
    cesm2.add_argument("--cesm2-forcing", default="cmip6", choices=list(CESM2_FORCINGS), help="forcing variant (default: cmip6)")
    cesm2.add_argument("--cesm2-region", default="us-west-2", help="the region folder (default: us-west-2)")
    cesm2.add_argument("--cesm2-dataset", default="ncar-cesm2-lens", help="the dataset folder (default: ncar-cesm2-lens)")
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")
    return parser


def main(argv=None):
    """The command line; returns the exit code (argparse exits with 2 itself for bad arguments)."""
    from .pools import pool_resource

    parser = _parser()
    args = parser.parse_args(argv)
    want_era5 = bool(args.era5_variable)
    dated = [option for option, wanted in (("--era5-variable", args.era5_variable), ("--ncar-era5-variable", args.ncar_era5_variable),
                                           ("--nex-variables", args.nex_variables), ("--cesm2-variables", args.cesm2_variables))
             if wanted]
    cmip6_options = (args.cmip6_variables, args.cmip6_experiments, args.cmip6_members, args.cmip6_region,
                     args.cmip6_dataset)
    want_cmip6 = args.cmip6 or any(option is not None for option in cmip6_options)
    if dated and not (args.start and args.end):
        parser.error(f"{dated[0]} needs --start and --end")
    if dated and args.end < args.start:
        parser.error(f"--end {args.end} is before --start {args.start}")
    if (args.start or args.end) and not dated:
        parser.error("--start and --end need --era5-variable, --ncar-era5-variable, --nex-variables or --cesm2-variables")
    if not (dated or want_cmip6):
        parser.error("nothing to write: give --era5-variable (or another layout's variables) with --start and --end, or --cmip6")
    if args.cmip6_members is not None and not 1 <= args.cmip6_members <= 9:
        parser.error(f"--cmip6-members {args.cmip6_members}: choose 1 to 9")
    regions = (("--era5-region", args.era5_region), ("--cmip6-region", args.cmip6_region), ("--ncar-era5-region", args.ncar_era5_region),
               ("--nex-region", args.nex_region), ("--cesm2-region", args.cesm2_region))
    for option, region in regions:
        try:
            pool_resource(region or "us-west-2")
        except ValueError as error:
            parser.error(f"{option}: {error}")
    report = {}
    try:
        if want_era5:
            report["era5"] = generate_era5(args.root, args.era5_variable, args.start, args.end,
                                           region=args.era5_region, dataset=args.era5_dataset).to_dict()
        if want_cmip6:
            report["cmip6"] = generate_cmip6(
                args.root,
                variables=args.cmip6_variables or ["tas"],
                experiments=args.cmip6_experiments or list(CMIP6_EXPERIMENTS),
                members=args.cmip6_members if args.cmip6_members is not None else 1,
                region=args.cmip6_region or "us-west-2",
                dataset=args.cmip6_dataset or "cmip6-pds",
            ).to_dict()
        if args.ncar_era5_variable:
            report["ncar_era5"] = generate_ncar_era5(args.root, args.ncar_era5_variable, args.start, args.end,
                                                     region=args.ncar_era5_region, dataset=args.ncar_era5_dataset).to_dict()
        if args.nex_variables:
            report["nex_gddp"] = generate_nex_gddp(args.root, args.nex_variables, args.nex_experiment, args.start, args.end,
                                                   region=args.nex_region, dataset=args.nex_dataset).to_dict()
        if args.cesm2_variables:
            report["cesm2"] = generate_cesm2(args.root, args.cesm2_variables, args.start, args.end, forcing=args.cesm2_forcing,
                                             region=args.cesm2_region, dataset=args.cesm2_dataset).to_dict()
    except (ValueError, OSError) as error:
        print(f"sampledata: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, generated in report.items():
            print(f"{name}: wrote {len(generated['written'])}, kept {len(generated['present'])} in {generated['folder']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
