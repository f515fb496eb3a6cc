"""Pool isolation in the sandbox, as FSx gives it on AWS: a region's workers see only that region's data folder, and
the notebook's kernel sees none, so a read in the wrong place fails loudly instead of quietly moving raw data.

On AWS each region's file system is mounted only on that region's workers. Here every folder is on one disk, so the
processes refuse it themselves: an audit hook refuses Python's own opens and listings under the data root outside
the process's folder (xarray's format sniffing, zarr's stores, plain ``open``), and ``netCDF4.Dataset`` is replaced by
a subclass that checks its path first (netCDF's C library opens files without Python seeing it; xarray's file
manager calls ``netCDF4.Dataset`` again wherever a chunk is read, so the check runs on the worker that reads).

    PORTAL_DATA_ROOT   the folder holding every region's data (<root>/<region>/<bucket>/...)
    PORTAL_POOL_DATA   this process's own region folder; unset: nothing under the root may be read

Workers load it with ``dask worker --preload portal_sandbox.isolation``; the kernel imports it before starting.
"""

import os
import sys

_state = {"root": None, "allowed": None}


class DataOutsideRegionError(PermissionError):
    """A read of a dataset that this process's region does not hold."""


def _folder(path):
    return os.path.realpath(path).rstrip(os.sep) + os.sep


def check(path):
    """Raises DataOutsideRegionError when ``path`` is under the data root but outside this process's region folder."""
    root, allowed = _state["root"], _state["allowed"]
    if root is None or path is None:
        return
    try:
        text = os.fsdecode(path)
    except TypeError:
        return  # a file descriptor or an object: not a path
    full = _folder(text if os.path.isabs(text) else os.path.join(os.getcwd(), text))
    if full.startswith(root) and not (allowed and full.startswith(allowed)):
        where = f"this pool reads only {allowed.rstrip(os.sep)}" if allowed else "the notebook's kernel reads no data"
        raise DataOutsideRegionError(
            f"{text} is data of another region: {where}. Run the read in that region's pool "
            "(portal_dask.in_region, open_in_region, open_era5, open_cmip6_in_region…), so that only results cross regions."
        )


def _audit(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args:
        check(args[0])


try:
    import netCDF4 as _netCDF4
except ImportError:  # no netCDF4 here: nothing to guard
    _netCDF4 = None

if _netCDF4 is not None:

    class Dataset(_netCDF4.Dataset):
        """netCDF4.Dataset that refuses another region's files (see the module's docstring).

        Defined at module level so that pickles of xarray's file managers name it (portal_sandbox.isolation.Dataset)
        and every process resolves it to its own class, with its own region's check.
        """

        def __init__(self, filename, *args, **kwargs):
            check(filename)
            super().__init__(filename, *args, **kwargs)


def _guard_netcdf4():
    if _netCDF4 is not None:
        _netCDF4.Dataset = Dataset


def install(data_root, allowed=None):
    """Turns isolation on in this process (once; a later call changes nothing)."""
    if _state["root"] is not None or not data_root:
        return
    _state["root"] = _folder(data_root)
    _state["allowed"] = _folder(allowed) if allowed else None
    sys.addaudithook(_audit)
    _guard_netcdf4()


def install_from_environment():
    install(os.environ.get("PORTAL_DATA_ROOT"), os.environ.get("PORTAL_POOL_DATA"))


def dask_setup(worker):  # noqa: ARG001 - the hook dask calls for --preload modules
    install_from_environment()


# Importing the module is enough (kernels, tests); dask also calls dask_setup.
install_from_environment()
