"""Tests of portal_dask's pool helpers against a fake client (and, for in_region, a fake dask): no cluster needed."""

import contextlib
import sys
import types
import unittest
from unittest import mock

import portal_dask

ANNOTATIONS = []
CONFIG = {}


@contextlib.contextmanager
def _annotate(**annotations):
    ANNOTATIONS.append(annotations)
    try:
        yield
    finally:
        ANNOTATIONS.pop()


# Stands in for dask only inside the tests that patch it in, so the real dask stays for the other test modules.
FAKE_DASK = types.SimpleNamespace(annotate=_annotate, config=types.SimpleNamespace(set=CONFIG.update))


class FakeClient:
    def __init__(self, workers, old_distributed=False):
        self.workers = workers
        self.old = old_distributed
        self.computed = []

    def scheduler_info(self, **kwargs):
        if self.old and kwargs:
            raise TypeError("scheduler_info() got an unexpected keyword argument 'n_workers'")
        if not self.old:
            assert kwargs == {"n_workers": -1}
        return {"workers": self.workers}

    def compute(self, collections, resources):
        self.computed.append((collections, resources))
        return [f"future-{c}" for c in collections]

    def gather(self, futures):
        return [f.replace("future-", "result-") for f in futures]


WORKERS = {
    "tcp://10.1.0.5:9000": {"resources": {"pool-us-east-1": 4}},
    "tcp://10.1.0.6:9000": {"resources": {"pool-us-east-1": 4}},
    "tcp://10.2.0.7:9000": {"resources": {"pool-us-west-2": 16}},
    "tcp://10.0.0.9:9000": {"resources": {}},
}


class PortalDaskTests(unittest.TestCase):
    def test_pool_resource_names_the_region(self):
        self.assertEqual(portal_dask.pool_resource("us-east-1"), "pool-us-east-1")
        self.assertEqual(portal_dask.pool_resource("ap-southeast-4"), "pool-ap-southeast-4")

    def test_pool_resource_refuses_what_is_not_a_region(self):
        for bad in ["", "US-EAST-1", "us-east", "pool-us-east-1", None, 7, "us-east-1; rm -rf /"]:
            with self.assertRaises(ValueError):
                portal_dask.pool_resource(bad)

    def test_pool_resources_argument_offers_as_much_of_the_pool_as_the_worker_has_threads(self):
        self.assertEqual(portal_dask.pool_resources_argument("us-east-1", 4), "pool-us-east-1=4")
        self.assertEqual(portal_dask.pool_resources_argument("eu-west-2", 1), "pool-eu-west-2=1")
        for bad in [0, -1, 2.5, "4", True, None]:
            with self.assertRaises(ValueError):
                portal_dask.pool_resources_argument("us-east-1", bad)
        with self.assertRaises(ValueError):
            portal_dask.pool_resources_argument("us-east-1=4", 4)

    def test_in_region_annotates_tasks_with_the_pool_resource_and_keeps_annotations(self):
        with mock.patch.dict(sys.modules, {"dask": FAKE_DASK}):
            with portal_dask.in_region("us-west-2"):
                self.assertEqual(ANNOTATIONS, [{"resources": {"pool-us-west-2": 1}}])
            self.assertEqual(ANNOTATIONS, [])
            self.assertEqual(CONFIG, {"optimization.fuse.active": False})

    def test_in_region_refuses_what_is_not_a_region_before_annotating(self):
        with mock.patch.dict(sys.modules, {"dask": FAKE_DASK}):
            with self.assertRaises(ValueError):
                with portal_dask.in_region("pool-us-west-2"):
                    pass
            self.assertEqual(ANNOTATIONS, [])

    def test_compute_in_region_asks_for_the_pool_and_returns_one_or_several_results(self):
        client = FakeClient(WORKERS)
        self.assertEqual(portal_dask.compute_in_region(client, "us-east-1", "mean"), "result-mean")
        self.assertEqual(portal_dask.compute_in_region(client, "us-east-1", "a", "b"), ("result-a", "result-b"))
        self.assertEqual(client.computed[0], (["mean"], {"pool-us-east-1": 1}))
        with self.assertRaises(ValueError):
            portal_dask.compute_in_region(client, "us-east-1")

    def test_workers_in_pool_lists_only_that_regions_workers(self):
        client = FakeClient(WORKERS)
        self.assertEqual(portal_dask.workers_in_pool(client, "us-east-1"), ["tcp://10.1.0.5:9000", "tcp://10.1.0.6:9000"])
        self.assertEqual(portal_dask.workers_in_pool(client, "eu-west-2"), [])

    def test_workers_in_pool_works_with_distributed_before_2025_4(self):
        client = FakeClient(WORKERS, old_distributed=True)
        self.assertEqual(portal_dask.workers_in_pool(client, "us-west-2"), ["tcp://10.2.0.7:9000"])

    def test_check_pools_counts_workers_and_names_empty_regions(self):
        client = FakeClient(WORKERS)
        self.assertEqual(portal_dask.check_pools(client, ["us-east-1", "us-west-2"]), {"us-east-1": 2, "us-west-2": 1})
        with self.assertRaises(RuntimeError) as raised:
            portal_dask.check_pools(client, ["us-east-1", "eu-central-1"])
        self.assertIn("eu-central-1", str(raised.exception))
        self.assertNotIn("us-east-1,", str(raised.exception))

    def test_pools_of_workers_maps_each_pooled_worker_to_its_region(self):
        client = FakeClient(WORKERS)
        self.assertEqual(
            portal_dask.pools_of_workers(client),
            {"tcp://10.1.0.5:9000": "us-east-1", "tcp://10.1.0.6:9000": "us-east-1", "tcp://10.2.0.7:9000": "us-west-2"},
        )

    def test_wait_for_pools_returns_the_counts_once_every_pool_has_a_worker(self):
        client = FakeClient(WORKERS)
        self.assertEqual(portal_dask.wait_for_pools(client, ["us-east-1", "us-west-2"], timeout=0), {"us-east-1": 2, "us-west-2": 1})

    def test_wait_for_pools_names_every_empty_pool_and_what_to_do(self):
        client = FakeClient(WORKERS)
        with self.assertRaises(portal_dask.PoolTimeoutError) as raised:
            portal_dask.wait_for_pools(client, ["us-east-1", "eu-central-1", "ap-south-1"], timeout=0.05, poll=0.01)
        message = str(raised.exception)
        self.assertTrue(message.startswith("The pools pool-eu-central-1, pool-ap-south-1 have no worker after 0.05 s: "), message)
        self.assertIn("open the session's page in the portal; if the workers step failed, Retry it; otherwise wait and run this cell again", message)
        self.assertNotIn("pool-us-east-1", message)
        self.assertEqual(raised.exception.pools, ["pool-eu-central-1", "pool-ap-south-1"])
        self.assertIsInstance(raised.exception, RuntimeError)


if __name__ == "__main__":
    unittest.main()
