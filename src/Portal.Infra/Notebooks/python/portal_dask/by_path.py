"""The registry's other datasets (layout ``none``): where each is, and how to open it by its format, in its pool.

The built-in analysis reads none of them, and the regions' file systems link only the datasets it reads, so these are
usually reached by their S3 URI (through fsspec and s3fs, anonymously for open data, ``requester_pays`` where the
registry says so); a dataset whose ``fsx_path`` exists on its pool's workers is read there instead. The listing runs in
the dataset's pool, as every read should, and so should the opening: ``open_in_region`` (portal_dask.pools).
"""

import os

_OPENERS = {
    # format: the callable and its arguments, for open_in_region(client, region, <these>); <...> to fill in.
    "zarr": "xarray.open_zarr, {path!r}{s3}",
    "netcdf": "xarray.open_mfdataset, {path!r} + '/<files>*.nc'",
    "hdf5": "xarray.open_dataset, {path!r} + '/<file>.h5', engine='h5netcdf'",
    "parquet": "dask.dataframe.read_parquet, {path!r}{s3}",
    "csv": "dask.dataframe.read_csv, {path!r} + '/<files>*.csv'{s3}",
    "cog": "rioxarray.open_rasterio, {path!r} + '/<file>.tif', chunks=True",
    "geotiff": "rioxarray.open_rasterio, {path!r} + '/<file>.tif', chunks=True",
    "grib": "xarray.open_dataset, {path!r} + '/<file>.grib2', engine='cfgrib'",
}


def by_path_datasets(dataset_paths):
    """``{id: entry}`` of the datasets the built-in analysis does not read (layout ``none``), by id."""
    return {key: entry for key, entry in sorted(dataset_paths.items()) if entry.get("layout", "none") == "none"}


def _s3_options(entry, path):
    """The keyword that lets the opener read S3: anonymous for open data, requester pays where the registry says so."""
    if not path.startswith("s3://"):
        return ""
    options = "{'requester_pays': True}" if entry.get("requester_pays") else "{'anon': True}"
    return f", storage_options={options}"


def open_hint(entry, path):
    """The line that opens the dataset at ``path`` by its format in its pool (``open_in_region``, portal_dask.pools)."""
    opener = _OPENERS.get(entry.get("format", "unknown"))
    region = entry["region"]
    if entry.get("format") == "netcdf" and path.startswith("s3://"):
        # xarray reads netCDF on S3 through file objects (h5netcdf), not by a glob of URLs.
        fs = "s3fs.S3FileSystem(requester_pays=True)" if entry.get("requester_pays") else "s3fs.S3FileSystem(anon=True)"
        return (f"fs = {fs}; data = open_in_region(client, {region!r}, lambda: xarray.open_mfdataset("
                f"[fs.open(p) for p in fs.glob({path!r} + '/<files>*.nc')], engine='h5netcdf'))")
    if opener is None:
        return (f"format {entry.get('format', 'unknown')}: list {path} (fsspec.filesystem('s3', anon=True).ls(...)), "
                f"then open its files with their library inside open_in_region(client, {region!r}, ...)")
    return f"data = open_in_region(client, {region!r}, {opener.format(path=path, s3=_s3_options(entry, path))})"


def _list(entry, limit):
    """Runs on a worker of the dataset's pool: the path to read it by (the mount when present) and its first entries."""
    fsx = entry.get("fsx_path")
    if fsx and os.path.isdir(fsx):
        return {"path": fsx, "mounted": True, "entries": sorted(os.listdir(fsx))[:limit], "note": None}
    path = entry["s3_uri"]
    try:
        import s3fs
    except ImportError:
        return {"path": path, "mounted": False, "entries": None,
                "note": "s3fs is not installed where the pool runs, so the bucket was not listed"}
    try:
        requester_pays = bool(entry.get("requester_pays"))
        fs = s3fs.S3FileSystem(anon=not requester_pays, requester_pays=requester_pays)
        return {"path": path, "mounted": False, "entries": [name.rsplit("/", 1)[-1] for name in fs.ls(path)[:limit]],
                "note": None}
    except Exception as error:  # no network, no credentials, a prefix gone: say so and list nothing
        return {"path": path, "mounted": False, "entries": None, "note": f"listing failed: {type(error).__name__}: {error}"}


def describe_by_path(client, dataset_paths, limit=10):
    """Lists each dataset of layout ``none`` in its own pool; returns ``{id: text}``: where it is, how to open it."""
    from .pools import pool_resource

    datasets = by_path_datasets(dataset_paths)
    futures = {key: client.submit(_list, entry, limit, resources={pool_resource(entry["region"]): 1}, pure=False)
               for key, entry in datasets.items()}
    texts = {}
    for key, entry in datasets.items():
        listed = futures[key].result()
        where = " (mounted on its pool's workers)" if listed["mounted"] else ""
        lines = [f"{entry.get('name', key)} ({key}, {entry['region']}, {entry.get('format', 'unknown')}): {listed['path']}{where}"]
        if listed["entries"] is not None:
            lines.append("  holds: " + (", ".join(listed["entries"]) or "nothing"))
        if listed["note"]:
            lines.append(f"  ({listed['note']})")
        lines += [f"  also: {more}" for more in entry.get("more_s3_uris", [])]
        lines.append("  open: " + open_hint(entry, listed["path"]))
        texts[key] = "\n".join(lines)
    return texts
