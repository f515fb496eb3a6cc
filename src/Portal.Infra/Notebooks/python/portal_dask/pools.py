"""Worker pools: one per region, named by the Dask resource its workers advertise.

A worker of a region's pool starts with ``--resources pool-<region>=<threads>`` (``pool_resources_argument``) and every
task routed to the pool asks for 1 of that resource, so a worker runs as many pool tasks at once as it has threads.
"""

from contextlib import contextmanager
import re
import time

_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")


class PoolTimeoutError(RuntimeError):
    """Raised by ``wait_for_pools`` when a pool still has no worker at the deadline.

    ``pools`` lists the pools without a worker (``pool-us-west-2``), ``counts`` the workers of every region asked for.
    """

    def __init__(self, message, pools, counts):
        super().__init__(message)
        self.pools = pools
        self.counts = counts


def pool_resource(region):
    """The Dask resource the workers of a region advertise: ``pool-us-east-1``."""
    if not isinstance(region, str) or not _REGION.match(region):
        raise ValueError(f"{region!r} is not an AWS region code such as 'us-east-1'")
    return "pool-" + region


def pool_resources_argument(region, nthreads):
    """The value of ``dask worker --resources`` for a worker of the region's pool: ``pool-us-east-1=4``.

    The amount equals the worker's threads because every pool task asks for 1: the worker then runs as many pool
    tasks at once as it has threads. The portal's C# side builds the same string when it starts workers.
    """
    if isinstance(nthreads, bool) or not isinstance(nthreads, int) or nthreads < 1:
        raise ValueError(f"{nthreads!r} is not a number of threads (a whole number of at least 1)")
    return f"{pool_resource(region)}={nthreads}"


def keep_annotations():
    """Turns off Dask's low-level task fusion in this process, so the pool annotations reach the scheduler.

    Fusion merges the tasks of a chain into one task and drops their annotations: with dask 2022.12 an annotated read
    then runs on any worker (test_portal_dask_cluster checks it). Every helper of this module that builds or computes
    routed work calls this; the setting stays for the rest of the session because annotated graphs outlive the block
    that annotated them.
    """
    import dask

    dask.config.set({"optimization.fuse.active": False})


def _pool_annotation(region):
    return {pool_resource(region): 1}


@contextmanager
def in_region(region):
    """Tasks created inside this block run only on the workers of ``region`` (each asks for 1 of its pool resource)."""
    import dask

    resources = _pool_annotation(region)
    keep_annotations()
    with dask.annotate(resources=resources):
        yield


def _graphs(collection):
    """The task graphs behind a dask collection, or behind each dask-backed variable of an xarray object."""
    variables = getattr(collection, "variables", None)  # an xarray Dataset ...
    if variables is None and hasattr(collection, "variable"):  # ... or DataArray, with its coordinates
        variables = dict(collection.coords.variables, _=collection.variable)
    if variables is not None:
        for variable in variables.values():
            data = getattr(variable, "_data", None)
            if hasattr(data, "__dask_graph__") and data.__dask_graph__() is not None:
                yield data.__dask_graph__()
    elif hasattr(collection, "__dask_graph__") and collection.__dask_graph__() is not None:
        yield collection.__dask_graph__()


def keep_in_region(collection, region):
    """Marks every task of an existing collection (dask or xarray) to run in the region's pool; returns it.

    For collections made elsewhere: a dataset opened in a worker's task comes back without the annotations it was
    built with (pickling a dask graph drops them, dask 2022.12), so ``open_era5`` and ``open_cmip6_in_region`` mark
    their datasets with this. The marks are the ones ``in_region`` gives, set on the graph's layers in place.
    """
    resources = _pool_annotation(region)
    keep_annotations()
    for graph in _graphs(collection):
        for layer in getattr(graph, "layers", {}).values():
            layer.annotations = dict(layer.annotations or {}, resources=resources)
    return collection


def compute_in_region(client, region, *collections):
    """Computes collections on the workers of ``region`` and returns the results (one value, or a tuple).

    Every task of the collections' graphs, the reads included, asks for the pool: use it for work whose data all lives
    in that region. To combine data of several regions, compute each region's part with this and combine the results
    in the notebook: on AWS the worker regions reach only the home region (hub and spoke), so a graph whose task needs
    results from two pools would have one pool's workers fetch from the other's, which the network does not route.
    """
    if not collections:
        raise ValueError("compute_in_region needs at least one collection")
    keep_annotations()
    futures = client.compute(list(collections), resources=_pool_annotation(region))
    results = client.gather(futures)
    return results[0] if len(collections) == 1 else tuple(results)


def open_in_region(client, region, opener, *args, **kwargs):
    """Runs ``opener(*args, **kwargs)`` as a task in the region's pool, where the data is, and returns what it opened.

    For datasets of no built-in layout: ``open_in_region(client, "us-west-2", xarray.open_zarr, path)``. What comes back
    is lazy (only its metadata crossed), and every task of it asks for the region's pool (``keep_in_region``).
    """
    import functools

    call = functools.partial(opener, *args, **kwargs)
    future = client.submit(call, resources={pool_resource(region): 1}, pure=False)
    return keep_in_region(future.result(), region)


def _workers(client):
    try:
        info = client.scheduler_info(n_workers=-1)
    except TypeError:  # distributed before 2025.4 has no n_workers and lists every worker
        info = client.scheduler_info()
    return info.get("workers", {})


def pools_of_workers(client):
    """``{worker address: region}`` for every connected worker that advertises a pool resource."""
    pools = {}
    for address, worker in _workers(client).items():
        regions = sorted(
            name[len("pool-") :]
            for name, amount in (worker.get("resources") or {}).items()
            if name.startswith("pool-") and amount > 0
        )
        if regions:  # a worker serves one pool; should one advertise several, the first by name counts
            pools[address] = regions[0]
    return pools


def workers_in_pool(client, region):
    """The addresses of the connected workers that serve ``region``."""
    resource = pool_resource(region)
    return sorted(
        address
        for address, worker in _workers(client).items()
        if (worker.get("resources") or {}).get(resource, 0) > 0
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


def wait_for_pools(client, regions, timeout=120, poll=1.0):
    """Waits until every region's pool has a worker; returns ``{region: worker count}``.

    Asks the scheduler every ``poll`` seconds. At ``timeout`` seconds it raises ``PoolTimeoutError`` naming each pool
    that still has no worker and what to do about it; it never waits longer.
    """
    regions = list(regions)
    for region in regions:
        pool_resource(region)  # refuses what is not a region before waiting for it
    keep_annotations()
    deadline = time.monotonic() + timeout
    while True:
        counts = {region: len(workers_in_pool(client, region)) for region in regions}
        empty = [pool_resource(region) for region, count in counts.items() if count == 0]
        if not empty:
            return counts
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise PoolTimeoutError(_timeout_message(empty, timeout), empty, counts)
        time.sleep(min(poll, remaining))


def _timeout_message(pools, timeout):
    subject = f"The pool {pools[0]} has" if len(pools) == 1 else "The pools " + ", ".join(pools) + " have"
    return (
        f"{subject} no worker after {timeout:g} s: open the session's page in the portal; "
        "if the workers step failed, Retry it; otherwise wait and run this cell again."
    )
