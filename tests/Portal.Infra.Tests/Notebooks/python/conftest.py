"""Shared fixtures: portal_dask on the path, a real two-pool Dask cluster, and sample data in a temporary folder.

Run with ``/usr/bin/python3 -B -m pytest -q -p no:cacheprovider tests/Portal.Infra.Tests/Notebooks/python`` (Debian's
python3-distributed, python3-xarray, python3-netcdf4, python3-zarr, python3-pandas and python3-pytest).
"""

import logging
import os
import sys

import pytest

MODULE = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 4, "src", "Portal.Infra", "Notebooks", "python"))
if MODULE not in sys.path:
    sys.path.insert(0, MODULE)

REPOSITORY = os.path.abspath(os.path.join(MODULE, *[os.pardir] * 4))

EAST, WEST = "us-east-1", "us-west-2"
THREADS = 2
ERA5_VARIABLE = "air_temperature_at_2_metres"
ERA5_START, ERA5_END = "2022-01-01", "2022-02-28"
CMIP6_EXPERIMENTS = ("historical", "ssp245")


def _resources(argument):
    """The resources dict ``dask worker --resources <argument>`` gives a worker (distributed/cli/dask_worker.py)."""
    return {name: float(amount) for name, amount in (pair.split("=") for pair in argument.replace(",", " ").split())}


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    """A real scheduler and four real workers in this process, two per pool, each with 2 threads and the pool sized to
    them: ``pool-us-east-1=2`` and ``pool-us-west-2=2``, as the portal starts them."""
    import dask
    from distributed import Scheduler, SpecCluster, Worker

    from portal_dask import pool_resources_argument

    logging.getLogger("distributed").setLevel(logging.ERROR)
    dask.config.set({"temporary-directory": str(tmp_path_factory.mktemp("dask"))})
    workers = {
        f"{region}-{n}": {
            "cls": Worker,
            "options": {"nthreads": THREADS, "resources": _resources(pool_resources_argument(region, THREADS))},
        }
        for region in (EAST, WEST)
        for n in range(2)
    }
    scheduler = {"cls": Scheduler, "options": {"dashboard_address": "127.0.0.1:0", "host": "127.0.0.1"}}
    with SpecCluster(workers=workers, scheduler=scheduler) as running:
        yield running


@pytest.fixture(scope="session")
def client(cluster):
    from distributed import Client

    with Client(cluster) as connected:
        connected.wait_for_workers(4)
        yield connected


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory):
    """ERA5 for January and February 2022 in us-east-1, CMIP6 tas for historical and ssp245 in us-west-2."""
    from portal_dask.sampledata import generate_cmip6, generate_era5

    root = tmp_path_factory.mktemp("sample")
    generate_era5(root, ERA5_VARIABLE, ERA5_START, ERA5_END, region=EAST)
    generate_cmip6(root, variables=["tas"], experiments=CMIP6_EXPERIMENTS, region=WEST)
    return root
