"""Run Dask work in the worker pool of the region that holds the data.

Every worker of a Portal session starts with ``--resources pool-<region>=1``. Work annotated with that resource
runs only on that region's workers, so raw bytes are read next to the data and only reduced results cross regions.

    from portal_dask import in_region, compute_in_region, workers_in_pool

    with in_region("us-east-1"):
        ds = xr.open_mfdataset(files, parallel=True)
    mean = compute_in_region(client, "us-east-1", ds.mean("time"))

The same helpers are written inline in the notebooks the portal generates, so those also run where this module is
not installed; the notebook lifecycle configuration installs it next to the pinned Dask client.
"""

from contextlib import contextmanager
import re

__all__ = ["pool_resource", "in_region", "compute_in_region", "workers_in_pool", "check_pools"]

_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")


def pool_resource(region):
    """The Dask resource the workers of a region advertise: ``pool-us-east-1``."""
    if not isinstance(region, str) or not _REGION.match(region):
        raise ValueError(f"{region!r} is not an AWS region code such as 'us-east-1'")
    return "pool-" + region


@contextmanager
def in_region(region):
    """Tasks created inside this block run only on the workers of ``region``."""
    import dask

    with dask.annotate(resources={pool_resource(region): 1}):
        yield


def compute_in_region(client, region, *collections):
    """Computes collections on the workers of ``region`` and returns the results (one value, or a tuple)."""
    if not collections:
        raise ValueError("compute_in_region needs at least one collection")
    resources = {pool_resource(region): 1}
    futures = client.compute(list(collections), resources=resources)
    results = client.gather(futures)
    return results[0] if len(collections) == 1 else tuple(results)


def workers_in_pool(client, region):
    """The addresses of the connected workers that serve ``region``."""
    resource = pool_resource(region)
    try:
        info = client.scheduler_info(n_workers=-1)
    except TypeError:  # distributed before 2025.4 has no n_workers and lists every worker
        info = client.scheduler_info()
    return sorted(
        address
        for address, worker in info.get("workers", {}).items()
        if worker.get("resources", {}).get(resource, 0) > 0
    )


def check_pools(client, regions):
    """Returns {region: worker count}; raises RuntimeError naming the regions with no worker yet."""
    counts = {region: len(workers_in_pool(client, region)) for region in regions}
    empty = [region for region, count in counts.items() if count == 0]
    if empty:
        raise RuntimeError(
            "No Dask worker serves " + ", ".join(empty) + " yet: the pool may still be starting. "
            "Wait a minute and run this cell again, or check the session's page in the portal."
        )
    return counts
