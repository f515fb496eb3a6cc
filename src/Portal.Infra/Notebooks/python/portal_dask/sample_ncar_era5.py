"""Sample data in nsf-ncar-era5's layout (see ``ncar_era5``), synthetic, for the sandbox and the tests.

``<root>/<region>/<dataset>/e5.oper.an.sfc/<YYYYMM>/e5.oper.an.sfc.<code>.ll025sc.<YYYYMM>0100_<YYYYMM><last>23.nc`` for
every month from the start's to the end's, with NCAR's names: the variable (``VAR_2T``…) on ``time``, ``latitude`` (90
to -90) and ``longitude`` (0 to 355), every 5 degrees instead of 0.25, at 00:00 on the 1st, 8th, 15th and 22nd instead
of every hour. The values are ``sampledata``'s ERA5 fields (the same seed, another identity), so the two copies of a
month look alike without being the same bytes. Variables NCAR keeps outside ``e5.oper.an.sfc`` are refused.
"""

import datetime
import os

from ._sampling import SEED, Generated, _rng, _Writer
from .ncar_era5 import STREAM, ncar_era5_file_name, ncar_era5_parameter


def _ncar_file(variable, month):
    import numpy as np
    import pandas as pd
    import xarray as xr

    from .sampledata import ERA5_VARIABLES, _era5_values

    parameter = ncar_era5_parameter(variable)
    long_name, units = ERA5_VARIABLES[variable]
    lat = np.arange(90.0, -90.1, -5.0)
    lon = np.arange(0.0, 360.0, 5.0)
    times = [datetime.datetime(month.year, month.month, day) for day in (1, 8, 15, 22)]
    values = _era5_values(variable, lat, lon, times, _rng("nsf-ncar-era5", variable, f"{month:%Y-%m}"))
    return xr.Dataset(
        {parameter.name: (("time", "latitude", "longitude"), values,
                          {"units": units, "long_name": long_name, "short_name": parameter.code.rsplit("_", 1)[-1]})},
        coords={
            "time": ("time", pd.to_datetime(times), {"long_name": "time"}),
            "latitude": ("latitude", lat, {"units": "degrees_north", "long_name": "latitude"}),
            "longitude": ("longitude", lon, {"units": "degrees_east", "long_name": "longitude"}),
        },
        attrs={
            "title": "Synthetic sample data in the layout of NSF NCAR's ERA5 (ds633.0)",
            "comment": "Not ERA5 data: a smooth pattern plus seeded noise, for the portal's sandbox and tests.",
            "source": f"portal_dask.sample_ncar_era5 (seed {SEED})",
        },
    )


def generate_ncar_era5(root, variables, start, end, region="us-west-2", dataset="nsf-ncar-era5"):
    """Writes the missing monthly files of ``variables`` (era5-pds names) under ``<root>/<region>/<dataset>``."""
    from .era5 import _months
    from .pools import pool_resource

    pool_resource(region)
    variables = [variables] if isinstance(variables, str) else list(variables)
    if not variables:
        raise ValueError("no ERA5 variable to write")
    codes = {variable: ncar_era5_parameter(variable) for variable in variables}  # refuses those kept elsewhere
    folder = os.path.join(os.path.abspath(root), region, dataset)
    result = Generated(folder=folder)
    writer = _Writer(folder)
    try:
        for month in _months(start, end):
            for variable in variables:
                relative = f"{STREAM}/{month:%Y%m}/{ncar_era5_file_name(codes[variable].code, month)}"
                final = os.path.join(folder, *relative.split("/"))
                if os.path.exists(final):
                    result.present.append(relative)
                    continue
                temp = writer.temp_path(os.path.basename(final))
                name = codes[variable].name
                _ncar_file(variable, month).to_netcdf(temp, format="NETCDF4", encoding={
                    name: {"zlib": True, "complevel": 4, "dtype": "float32", "_FillValue": None},
                    "time": {"units": "hours since 1900-01-01 00:00:00", "calendar": "gregorian", "dtype": "int32"},
                    "latitude": {"_FillValue": None},
                    "longitude": {"_FillValue": None},
                })
                writer.place_file(temp, final)
                result.written.append(relative)
    finally:
        writer.close()
    return result
