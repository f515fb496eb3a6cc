"""ERA5 as era5-pds stores it: one netCDF file per variable and month, ``<bucket>/YYYY/MM/data/<variable>.nc``.

The layout is Planet OS's (github.com/planet-os/notebooks, aws/era5-pds.md, "Data Structure"); the region's FSx file
system mounts the bucket at the dataset's ``fsx_path``.
"""

import datetime


def _months(start, end):
    """The first day of every month from the month of ``start`` to the month of ``end`` (ISO dates), both included."""
    first = datetime.date.fromisoformat(start).replace(day=1)
    last = datetime.date.fromisoformat(end).replace(day=1)
    if last < first:
        raise ValueError(f"the end {end} is before the start {start}")
    month = first
    while month <= last:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def era5_files(fsx_path, variable, start, end):
    """The paths of the monthly files of ``variable`` from the month of ``start`` to the month of ``end``.

    ``era5_files("/fsx/us-east-1/era5-pds", "air_temperature_at_2_metres", "2022-01-15", "2022-02-01")`` is
    ``[".../2022/01/data/air_temperature_at_2_metres.nc", ".../2022/02/data/air_temperature_at_2_metres.nc"]``.
    """
    if not variable or "/" in variable or variable.startswith("."):
        raise ValueError(f"{variable!r} is not an era5-pds variable name")
    root = fsx_path.rstrip("/")
    return [f"{root}/{month:%Y}/{month:%m}/data/{variable}.nc" for month in _months(start, end)]


def _open_files(files, chunks):
    """Runs on a worker of the region's pool, where the files are mounted: opens them as one lazy dataset."""
    import xarray as xr

    # One after another (parallel=False): netCDF4 >= 1.6.1 is not thread-safe when several threads open files
    # (pydata/xarray#7079, #9125). Only metadata is read here; the data is read when the dataset is computed.
    return xr.open_mfdataset(files, combine="by_coords", parallel=False, chunks=chunks)


def open_era5(client, region, files, chunks="auto"):
    """Opens the files lazily in the region's pool and returns the dataset; only its metadata reaches the notebook.

    Every task of the returned dataset (the reads included) asks for the region's pool, so the files are read where
    they are mounted; reductions built on it inside ``in_region(region)`` stay there too.
    """
    from .pools import keep_in_region, pool_resource

    files = list(files)
    if not files:
        raise ValueError("open_era5 needs at least one file: era5_files gave none for the dates")
    future = client.submit(_open_files, files, chunks, resources={pool_resource(region): 1}, pure=False)
    return keep_in_region(future.result(), region)
