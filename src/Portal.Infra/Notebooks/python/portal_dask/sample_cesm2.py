"""Sample data in ncar-cesm2-lens's layout (see ``cesm2``), synthetic, for the sandbox and the tests.

``<root>/<region>/<dataset>/atm/monthly/cesm2LE-<experiment>-<forcing>-<variable>.zarr``: one consolidated Zarr store per
CESM variable the requested CMIP6 ids map to, for every experiment the dates need, each with the experiment's whole
period (historical 1850-2014, ssp370 2015-2100). Dimensions ``member_id`` (two members instead of fifty), ``time``
(mid-month on CESM's 365-day calendar), ``lat`` (-85 to 85) and ``lon`` (0 to 350) every 10 degrees, and ``lev`` (four
of the 32 hybrid levels, hPa, top first) for T and Z3. About 5 MB a store for ssp370, 10 MB for historical.
"""

import os

from ._sampling import SEED, Generated, _rng, _Writer
from .cesm2 import CESM2_EXPERIMENTS, CESM2_FORCINGS, CESM2_VARIABLES, cesm2_experiments, cesm2_store_name

MEMBERS = ("r1i1001p1f1", "r2i1021p1f1")
LEVELS = (3.64, 288.1, 691.4, 992.6)  # hPa, top first as in CAM's 32 levels
UNITS = {"TREFHT": "K", "TREFHTMX": "K", "TREFHTMN": "K", "TS": "K", "T": "K", "Z3": "m", "U": "m/s", "Q": "kg/kg",
         "PSL": "Pa", "TMQ": "kg/m2", "LHFLX": "W/m2", "SHFLX": "W/m2", "FLUT": "W/m2", "PRECC": "m/s", "PRECL": "m/s"}
TIME_CHUNK = 120


def _mid_months(first_year, last_year):
    import cftime

    starts = [cftime.DatetimeNoLeap(year, month, 1) for year in range(first_year, last_year + 1) for month in range(1, 13)]
    starts.append(cftime.DatetimeNoLeap(last_year + 1, 1, 1))
    return [start + (end - start) / 2 for start, end in zip(starts[:-1], starts[1:])]


def _values(name, experiment, times, lat, lon, rng):
    """A smooth field over (member, time, [lev,] lat, lon) with a warming trend, plus noise. float32."""
    import numpy as np

    from .sampledata import CMIP6_EXPERIMENTS

    first, last = CESM2_EXPERIMENTS[experiment]
    years = np.array([t.year + (t.dayofyr - 1) / 365 for t in times])[None, :, None, None]
    season = np.cos(2 * np.pi * (np.array([t.dayofyr for t in times], dtype=float)[None, :, None, None] - 15) / 365)
    progress = (years - first) / (last + 1 - first)
    historical = CMIP6_EXPERIMENTS["historical"][3]
    trend = historical * progress**3 if experiment == "historical" else historical + CMIP6_EXPERIMENTS["ssp370"][3] * progress
    phi = np.deg2rad(lat)[None, None, :, None]
    lam = np.deg2rad(lon)[None, None, None, :]
    shape = (len(MEMBERS), len(times), len(lat), len(lon))
    noise = rng.standard_normal(shape)
    surface = 300 - 50 * np.sin(phi) ** 2 - 15 * np.sin(phi) * season + 2 * np.cos(lam) * np.cos(phi) + trend
    height = np.array([38.0, 9.5, 3.0, 0.1])[None, None, :, None, None]  # km, standard atmosphere at LEVELS
    fields = {
        "TREFHT": lambda: surface + 0.8 * noise,
        "TREFHTMX": lambda: surface + 5 + 0.8 * noise,
        "TREFHTMN": lambda: surface - 5 + 0.8 * noise,
        "TS": lambda: surface + 1 + 0.8 * noise,
        "T": lambda: np.maximum(surface[:, :, None] - 6.5 * height, 215) + 0.8 * noise[:, :, None],
        "Z3": lambda: 1000 * height + 80 * np.cos(phi)[:, :, None] + 20 * trend[:, :, None] + 10 * noise[:, :, None],
        "U": lambda: -6 * np.cos(3 * phi) + 2 * noise,
        "Q": lambda: np.maximum(0.015 * np.cos(phi) ** 2 + 0.001 * noise, 0),
        "PSL": lambda: 101325 + 800 * np.cos(4 * phi) + 300 * noise,
        "TMQ": lambda: np.maximum(45 * np.cos(phi) ** 2 + 2 * noise, 0),
        "LHFLX": lambda: 80 * np.cos(phi) ** 2 + 10 * noise,
        "SHFLX": lambda: 20 + 10 * np.cos(phi) + 5 * noise,
        "FLUT": lambda: 240 + 40 * np.cos(phi) ** 2 + 10 * noise,
        "PRECC": lambda: 1e-8 * (1 + 4 * np.exp(-((lat[None, None, :, None] / 10) ** 2))) * rng.exponential(size=shape),
        "PRECL": lambda: 1.5e-8 * (1 + np.cos(2 * phi) ** 2) * rng.exponential(size=shape),
    }
    return fields[name]().astype("float32")


def _store(name, experiment, forcing):
    import numpy as np
    import xarray as xr

    first, last = CESM2_EXPERIMENTS[experiment]
    lat = np.arange(-85.0, 86.0, 10.0)
    lon = np.arange(0.0, 360.0, 10.0)
    times = _mid_months(first, last)
    values = _values(name, experiment, times, lat, lon, _rng("ncar-cesm2-lens", name, experiment, forcing))
    levels = name in ("T", "Z3")
    dims = ("member_id", "time", "lev", "lat", "lon") if levels else ("member_id", "time", "lat", "lon")
    coords = {
        "member_id": ("member_id", list(MEMBERS)),
        "time": ("time", xr.CFTimeIndex(times), {"long_name": "time"}),
        "lat": ("lat", lat, {"units": "degrees_north", "long_name": "latitude"}),
        "lon": ("lon", lon, {"units": "degrees_east", "long_name": "longitude"}),
    }
    if levels:
        coords["lev"] = ("lev", np.array(LEVELS), {"units": "hPa", "long_name": "hybrid level at midpoints (1000*(A+B))"})
    attrs = {
        "title": f"Synthetic sample data in the layout of CESM2-LENS ({experiment}, {forcing})",
        "comment": "Not model output: a smooth pattern, an illustrative trend and seeded noise, for the portal's sandbox.",
        "source": f"portal_dask.sample_cesm2 (seed {SEED})",
    }
    dataset = xr.Dataset({name: (dims, values, {"units": UNITS[name], "long_name": name})}, coords=coords, attrs=attrs)
    chunks = (1, TIME_CHUNK) + values.shape[2:]
    encoding = {name: {"chunks": chunks},
                "time": {"units": f"days since {first}-01-01", "calendar": "noleap", "dtype": "float64"}}
    return dataset, encoding


def generate_cesm2(root, variable_ids, start, end, forcing="cmip6", region="us-west-2", dataset="ncar-cesm2-lens"):
    """Writes the missing stores of the CESM variables behind ``variable_ids`` (CMIP6 ids) for the experiments the dates
    need; ids with no CESM2-LENS equivalent are skipped (``cesm2.cesm2_variables`` says why)."""
    from .pools import pool_resource

    pool_resource(region)
    if forcing not in CESM2_FORCINGS:
        raise ValueError(f"{forcing!r} is not a CESM2-LENS forcing variant: {', '.join(CESM2_FORCINGS)}")
    variable_ids = [variable_ids] if isinstance(variable_ids, str) else list(variable_ids)
    names = sorted({name for variable in variable_ids if variable in CESM2_VARIABLES for name in CESM2_VARIABLES[variable][0]})
    folder = os.path.join(os.path.abspath(root), region, dataset)
    result = Generated(folder=folder)
    writer = _Writer(folder)
    try:
        for experiment, _, _ in cesm2_experiments(start, end):
            for name in names:
                relative = f"atm/monthly/{cesm2_store_name(experiment, forcing, name)}"
                final = os.path.join(folder, *relative.split("/"))
                if os.path.isdir(final):
                    result.present.append(relative)
                    continue
                data, encoding = _store(name, experiment, forcing)
                temp = writer.temp_path(os.path.basename(final))
                data.to_zarr(temp, mode="w", consolidated=True, encoding=encoding)
                (result.written if writer.place_folder(temp, final) else result.present).append(relative)
    finally:
        writer.close()
    return result
