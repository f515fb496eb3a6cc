"""portal_dask against a real Dask cluster: two pools of two workers, 2 threads each, sized ``pool-<region>=2``."""

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import CMIP6_EXPERIMENTS, EAST, ERA5_END, ERA5_START, ERA5_VARIABLE, MODULE, THREADS, WEST
from portal_dask import (
    PoolTimeoutError,
    compute_in_region,
    describe_locality,
    era5_files,
    in_region,
    measure_locality,
    open_cmip6_in_region,
    open_era5,
    pool_resources_argument,
    start_locality,
    wait_for_pools,
    workers_in_pool,
)

TASK_SECONDS = 0.2


def _address(_):
    from distributed import get_worker

    return get_worker().address


def _nap(i):
    time.sleep(TASK_SECONDS)
    return i


def _restrictions(dask_scheduler, keys):
    # Tuple keys arrive as lists; distributed before 2023.4 keeps them as their str() on the scheduler.
    keys = [tuple(key) if isinstance(key, list) else key for key in keys]
    tasks = {key: dask_scheduler.tasks.get(key) or dask_scheduler.tasks[str(key)] for key in keys}
    return {str(key): dict(task.resource_restrictions or {}) for key, task in tasks.items()}


def test_tasks_annotated_in_a_region_run_only_on_its_workers(client):
    import dask

    with in_region(WEST):
        where = [dask.delayed(_address, pure=False)(i) for i in range(12)]
    addresses = set(client.gather(client.compute(where)))

    assert addresses and addresses <= set(workers_in_pool(client, WEST))
    assert set(compute_in_region(client, EAST, *[dask.delayed(_address, pure=False)(i) for i in range(12)])) <= set(
        workers_in_pool(client, EAST)
    )


def test_an_annotated_array_chain_keeps_its_pool_through_graph_optimisation(client):
    import dask.array as da
    from distributed import futures_of

    with in_region(WEST):
        chain = (da.random.RandomState(1).random_sample(4000, chunks=500) + 1) * 2
    futures = futures_of(client.persist(chain))
    client.gather(futures)
    holders = client.who_has(futures)
    restrictions = client.run_on_scheduler(_restrictions, keys=[future.key for future in futures])

    assert len(futures) == 8
    assert {address for addresses in holders.values() for address in addresses} <= set(workers_in_pool(client, WEST))
    # Low-level fusion merges such a chain and drops its annotation (seen with dask 2022.12): in_region turns it off.
    assert all(restriction == {"pool-us-west-2": 1} for restriction in restrictions.values()), restrictions


def _nap_span(i):
    from distributed import get_worker

    began = time.monotonic()
    time.sleep(TASK_SECONDS)
    return get_worker().address, began, time.monotonic()


def _most_at_once(spans):
    """The most tasks any one worker ran at the same time, from each task's (worker, start, end)."""
    most = 0
    for address, began, _ in spans:
        running = sum(1 for other, b, e in spans if other == address and b <= began < e)
        most = max(most, running)
    return most


def test_pool_tasks_use_every_thread_when_the_pool_equals_the_threads(client):
    import dask

    east = workers_in_pool(client, EAST)
    assert len(east) * THREADS == 4
    client.gather([client.submit(_nap, i, pure=False, workers=east) for i in range(4)])  # warm up both workers

    with in_region(EAST):
        routed = [dask.delayed(_nap_span, pure=False)(i) for i in range(8)]
    spans = client.gather(client.compute(routed))

    # Overlap, not elapsed time (a busy machine stretches every task): with pool-<region>=1 per task and the pool sized
    # to the worker's threads, a worker runs THREADS pool tasks at once; were the pool 1, it would run one at a time.
    print("tasks at once per worker:", _most_at_once(spans), spans)
    assert {address for address, _, _ in spans} <= set(east)
    assert _most_at_once(spans) == THREADS


def test_waiting_for_a_pool_without_workers_stops_at_the_timeout_and_names_the_pool(client):
    assert wait_for_pools(client, [EAST, WEST], timeout=5) == {EAST: 2, WEST: 2}

    started = time.monotonic()
    with pytest.raises(PoolTimeoutError) as raised:
        wait_for_pools(client, [EAST, "eu-central-1"], timeout=1, poll=0.2)
    elapsed = time.monotonic() - started

    assert 1 <= elapsed < 2.5
    assert str(raised.value).startswith("The pool pool-eu-central-1 has no worker after 1 s: open the session's page")
    assert "pool-us-east-1" not in str(raised.value)
    assert raised.value.counts == {EAST: 2, "eu-central-1": 0}


def _fsx(root, region, dataset):
    return os.path.join(str(root), region, dataset)


def _difference(after, before):
    """The figure's growth between two measures (the cluster is shared by the tests)."""
    pools = {
        region: after["pools"][region]["bytesRead"] - before["pools"].get(region, {"bytesRead": 0})["bytesRead"]
        for region in after["pools"]
    }
    earlier = {(pair["from"], pair["to"]): pair for pair in before["betweenPools"]}
    between = {}
    for pair in after["betweenPools"]:
        old = earlier.get((pair["from"], pair["to"]), {"rawBytes": 0, "resultBytes": 0})
        between[(pair["from"], pair["to"])] = (pair["rawBytes"] - old["rawBytes"], pair["resultBytes"] - old["resultBytes"])
    return pools, between, after["toClientBytes"] - before["toClientBytes"]


def _open_both(client, sample_root):
    files = era5_files(_fsx(sample_root, EAST, "era5-pds"), ERA5_VARIABLE, ERA5_START, ERA5_END)
    era5 = open_era5(client, EAST, files)
    cmip6 = open_cmip6_in_region(
        client, WEST, os.path.join(_fsx(sample_root, WEST, "cmip6-pds"), "pangeo-cmip6.json"), "s3://cmip6-pds",
        _fsx(sample_root, WEST, "cmip6-pds"), activity_ids=["CMIP"], table_id="Amon", variable_ids=["tas"],
        experiment_ids=["historical"],
    )
    return era5, cmip6


def test_locality_counts_reads_in_their_pools_and_only_results_between_pools(client, sample_root):
    start_locality(client)
    start_locality(client)  # a second call keeps the plugin and its counts
    before = measure_locality(client)
    era5, cmip6 = _open_both(client, sample_root)
    assert list(cmip6) == ["CMIP.PORTAL.PORTAL-SAMPLE.historical.Amon.gr"]
    historical = cmip6["CMIP.PORTAL.PORTAL-SAMPLE.historical.Amon.gr"]

    with in_region(EAST):
        era5_mean = era5[ERA5_VARIABLE].mean()
    with in_region(WEST):
        cmip6_map = historical["tas"].sel(time=slice("1990-01-01", "2014-12-31")).mean(["member_id", "time"])
    with in_region(EAST):  # the two meet in us-east-1: the CMIP6 map, a result, crosses from us-west-2
        difference = cmip6_map.mean() - era5_mean
    value = float(difference.compute())
    after = measure_locality(client)

    read, between, to_client = _difference(after, before)
    print(json.dumps(after), describe_locality(after), sep="\n")
    assert abs(value) < 30  # both are near-surface temperatures in kelvin
    assert set(after) == {"pools", "betweenPools", "toClientBytes"}
    assert after["pools"][EAST]["workers"] == 2 and after["pools"][WEST]["workers"] == 2
    assert read[EAST] >= 2 * 4 * 37 * 72 * 4  # two monthly files of 4 x 37 x 72 float32 values
    assert read[WEST] >= 300 * 18 * 36 * 4  # 1990-2014: 300 months of 18 x 36 values
    assert between[(EAST, WEST)] == (0, 0)
    raw, results = between[(WEST, EAST)]
    assert raw == 0
    assert 0 < results < (read[EAST] + read[WEST]) / 50
    assert 0 < to_client < (read[EAST] + read[WEST]) / 10
    assert json.loads(json.dumps(after)) == after


def test_locality_counts_raw_data_that_leaves_its_region(client, sample_root):
    start_locality(client)
    era5, _ = _open_both(client, sample_root)
    before = measure_locality(client)

    with in_region(WEST):  # wrongly routed: the elementwise step pulls raw ERA5 chunks to us-west-2
        misplaced = (era5[ERA5_VARIABLE] * 1.0).mean()
    misplaced.compute()
    _, between, _ = _difference(measure_locality(client), before)

    assert between[(EAST, WEST)][0] >= 2 * 4 * 37 * 72 * 4
    assert "raw" in describe_locality(measure_locality(client))


def test_a_cmip6_search_without_match_opens_nothing(client, sample_root):
    assert "ssp585" not in CMIP6_EXPERIMENTS  # the sample holds historical and ssp245 only
    found = open_cmip6_in_region(
        client, WEST, os.path.join(_fsx(sample_root, WEST, "cmip6-pds"), "pangeo-cmip6.json"), "s3://cmip6-pds",
        _fsx(sample_root, WEST, "cmip6-pds"), activity_ids=["ScenarioMIP"], table_id="Amon", variable_ids=["tas"],
        experiment_ids=["ssp585"],
    )

    assert found == {}


def test_a_dask_worker_started_with_the_pool_argument_serves_the_pool(tmp_path):
    """The string the portal passes to ``dask worker --resources`` gives the worker the pool, sized to its threads."""
    from distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    environment = dict(os.environ, PYTHONPATH=MODULE, PYTHONDONTWRITEBYTECODE="1", DASK_TEMPORARY_DIRECTORY=str(tmp_path))
    common = dict(cwd=tmp_path, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
         "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(scheduler_file)], **common)
    worker = None
    try:
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
             "--nthreads", "3", "--resources", pool_resources_argument(EAST, 3), "--no-nanny",
             "--dashboard-address", "127.0.0.1:0"], **common)
        with Client(scheduler_file=str(scheduler_file), timeout=30) as remote:
            assert wait_for_pools(remote, [EAST], timeout=30) == {EAST: 1}
            (info,) = remote.scheduler_info()["workers"].values()
            assert info["resources"] == {"pool-us-east-1": 3.0}
            assert info["nthreads"] == 3
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
