"""Sample data in NEX-GDDP-CMIP6's layout (see ``nex_gddp``), synthetic, for the sandbox and the tests.

``<root>/<region>/<dataset>/<model>/<scenario>/r1i1p1f1/<variable>/<variable>_day_<model>_<scenario>_r1i1p1f1_gn_<year>.nc``
for every year from the start's to the end's (historical up to 2014, the chosen SSP after), for the model
``PORTAL-SAMPLE`` (not a CMIP6 model: the files are the portal's synthetic samples). Daily values on a 365-day calendar
(``noleap``, as several of NASA's models use) on ``time``, ``lat`` (-57.5 to 87.5, NASA's grid stops at 60 S) and ``lon``
(2.5 to 357.5), every 5 degrees instead of 0.25; about 3 MB a file. Temperatures warm along the scenario.
"""

import os

from ._sampling import SEED, Generated, _known, _rng, _Writer
from .nex_gddp import NEX_GDDP_VARIABLES, nex_gddp_file_name, nex_gddp_scenarios

MODEL = "PORTAL-SAMPLE"
MEMBER = "r1i1p1f1"
GRID_LABEL = "gn"


def _values(variable, scenario, year, lat, lon, rng):
    """A smooth daily field over (day, lat, lon) plus noise, in the variable's NEX-GDDP-CMIP6 units. float32."""
    import numpy as np

    from .sampledata import CMIP6_EXPERIMENTS

    _, first, last, warming = CMIP6_EXPERIMENTS[scenario]
    trend = warming * (year - first) / (last + 1 - first) + (CMIP6_EXPERIMENTS["historical"][3] if scenario != "historical" else 0)
    phi = np.deg2rad(lat)[None, :, None]
    lam = np.deg2rad(lon)[None, None, :]
    day = np.arange(1, 366, dtype=float)[:, None, None]
    season = np.cos(2 * np.pi * (day - 15) / 365)
    shape = (365, len(lat), len(lon))
    noise = rng.standard_normal(shape)
    tas = 300 - 50 * np.sin(phi) ** 2 - 15 * np.sin(phi) * season + 2 * np.cos(lam) * np.cos(phi) + trend
    fields = {
        "tas": lambda: tas + noise,
        "tasmax": lambda: tas + 5 + noise,
        "tasmin": lambda: tas - 5 + noise,
        "pr": lambda: 3e-5 * (1 + 3 * np.exp(-((lat[None, :, None] / 10) ** 2))) * rng.exponential(size=shape),
        "hurs": lambda: np.clip(70 + 15 * np.cos(2 * phi) + 5 * noise, 0, 100),
        "huss": lambda: np.maximum(0.015 * np.cos(phi) ** 2 + 0.001 * noise, 0),
        "rlds": lambda: 350 - 150 * np.sin(phi) ** 2 + 10 * noise,
        "rsds": lambda: np.maximum(200 * np.cos(phi) * (1 - 0.3 * season * np.sin(phi)) + 10 * noise, 0),
        "sfcWind": lambda: np.abs(5 + 3 * np.abs(np.sin(2 * phi)) + noise),
    }
    return fields[variable]().astype("float32")


def _nex_file(variable, scenario, year):
    import numpy as np
    import xarray as xr

    long_name, units = NEX_GDDP_VARIABLES[variable]
    lat = np.arange(-57.5, 90.0, 5.0)
    lon = np.arange(2.5, 360.0, 5.0)
    times = xr.cftime_range(f"{year}-01-01 12:00", periods=365, freq="D", calendar="noleap")
    values = _values(variable, scenario, year, lat, lon, _rng("nex-gddp-cmip6", variable, scenario, year))
    return xr.Dataset(
        {variable: (("time", "lat", "lon"), values, {"units": units, "long_name": long_name, "standard_name": variable})},
        coords={
            "time": ("time", times, {"standard_name": "time", "axis": "T"}),
            "lat": ("lat", lat, {"units": "degrees_north", "standard_name": "latitude", "axis": "Y"}),
            "lon": ("lon", lon, {"units": "degrees_east", "standard_name": "longitude", "axis": "X"}),
        },
        attrs={
            "title": "Synthetic sample data in the layout of NEX-GDDP-CMIP6",
            "comment": "Not NEX-GDDP-CMIP6 data: a smooth pattern, an illustrative trend and seeded noise, for the portal's sandbox.",
            "source": f"portal_dask.sample_nex_gddp (seed {SEED})",
            "scenario": scenario, "variant_label": MEMBER, "cmip6_source_id": MODEL,
        },
    )


def generate_nex_gddp(root, variables, experiment, start, end, region="us-west-2", dataset="nex-gddp-cmip6/NEX-GDDP-CMIP6"):
    """Writes the missing yearly files of ``variables`` for ``start``..``end`` under ``<root>/<region>/<dataset>``."""
    from .pools import pool_resource

    pool_resource(region)
    variables = _known(variables, NEX_GDDP_VARIABLES, "NEX-GDDP-CMIP6 variables")
    folder = os.path.join(os.path.abspath(root), region, dataset)
    result = Generated(folder=folder)
    writer = _Writer(folder)
    try:
        for scenario, first, last in nex_gddp_scenarios(experiment, start, end):
            for variable in variables:
                for year in range(first, last + 1):
                    name = nex_gddp_file_name(variable, MODEL, scenario, MEMBER, year, GRID_LABEL)
                    relative = "/".join([MODEL, scenario, MEMBER, variable, name])
                    final = os.path.join(folder, *relative.split("/"))
                    if os.path.exists(final):
                        result.present.append(relative)
                        continue
                    temp = writer.temp_path(name)
                    _nex_file(variable, scenario, year).to_netcdf(temp, format="NETCDF4", encoding={
                        variable: {"zlib": True, "complevel": 4, "dtype": "float32", "_FillValue": 1.0e20},
                        "time": {"units": f"days since {year}-01-01", "calendar": "noleap", "dtype": "float64"},
                        "lat": {"_FillValue": None},
                        "lon": {"_FillValue": None},
                    })
                    writer.place_file(temp, final)
                    result.written.append(relative)
    finally:
        writer.close()
    return result
