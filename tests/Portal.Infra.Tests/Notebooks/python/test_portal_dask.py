"""Tests of portal_dask against a stand-in for dask and distributed (neither is installed where the tests run)."""

import contextlib
import sys
import types
import unittest

ANNOTATIONS = []


@contextlib.contextmanager
def _annotate(**annotations):
    ANNOTATIONS.append(annotations)
    try:
        yield
    finally:
        ANNOTATIONS.pop()


sys.modules["dask"] = types.SimpleNamespace(annotate=_annotate)

import portal_dask  # noqa: E402


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
    "tcp://10.1.0.5:9000": {"resources": {"pool-us-east-1": 1}},
    "tcp://10.1.0.6:9000": {"resources": {"pool-us-east-1": 1}},
    "tcp://10.2.0.7:9000": {"resources": {"pool-us-west-2": 1}},
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

    def test_in_region_annotates_tasks_with_the_pool_resource(self):
        with portal_dask.in_region("us-west-2"):
            self.assertEqual(ANNOTATIONS, [{"resources": {"pool-us-west-2": 1}}])
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


if __name__ == "__main__":
    unittest.main()
