"""Data locality, measured: bytes read in each pool, bytes moved between pools, bytes delivered to the notebook.

``measure_locality(client)`` returns the figure the portal's API parses (``/api/v1/sessions/{id}/locality``)::

    {"pools": {"us-east-1": {"workers": 2, "bytesRead": 123456}, "us-west-2": {"workers": 2, "bytesRead": 0}},
     "betweenPools": [{"from": "us-east-1", "to": "us-west-2", "rawBytes": 0, "resultBytes": 5400},
                      {"from": "us-west-2", "to": "us-east-1", "rawBytes": 0, "resultBytes": 0}],
     "toClientBytes": 5400}

- ``pools``: every pool with a connected worker, by region. ``bytesRead`` is what ``LocalityPlugin`` counted on its
  workers: the size (Dask's ``nbytes``) of every task result that a read from files produced there, since the plugin
  was installed. A read task is one whose key is named by ``READ_KEY_PREFIXES`` (``is_read_key``).
- ``betweenPools``: one entry per ordered pair of distinct pools, zeros included. The bytes come from each worker's
  own log of the data it fetched from other workers (Dask's ``transfer_incoming_log``). A fetched key counts as
  ``rawBytes`` (raw data left its region) when it is a read task's, or when the worker that sent it had made it by
  only rearranging raw data (``RAW_PASSTHROUGH_PREFIXES``: the ``concatenate-`` chunks ``open_mfdataset`` joins the
  files with, a ``getitem-`` slice); any other key counts as ``resultBytes``.
- ``toClientBytes``: the bytes workers sent to an address that is not a worker, from their ``transfer_outgoing_log``:
  results the scheduler gathers for the notebook's client (``client.gather``, ``.compute()``, ``future.result()``).

Transfers count from the worker's start and reads from ``start_locality``; workers without a pool resource, and
transfers from workers that have left, are not counted. Dask keeps the last 100,000 transfers of each worker.
"""

import json
import re

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # distributed is not installed: the plugin cannot run here
    WorkerPlugin = object

READ_KEY_PREFIXES = ("open_dataset-", "original-")
"""Key names of tasks that read from files.

xarray names the chunks of every variable it opens ``open_dataset-<token><variable>-<token>`` (``open_dataset``,
``open_mfdataset`` and ``open_zarr`` alike), and dask names the task holding an opened file's array
``original-<array name>``. Low-level fusion renames fused chains by joining their names (``concatenate-open_dataset-
getitem-<token>``), so a prefix also counts after a dash. ``open_mfdataset(parallel=True)`` opens each file in a
delayed task named ``open_dataset-<uuid>`` that returns the lazily opened dataset (metadata only): not a read.
"""

RAW_PASSTHROUGH_PREFIXES = ("concatenate-", "getitem-", "rechunk-", "transpose-", "astype-", "reshape-", "squeeze-")
"""Key names of tasks that rearrange their inputs without reducing them: made from raw data, their results are raw."""

_RAW_KEYS_KEPT = 100_000  # as many as Dask keeps transfers in each log

_OPENER = re.compile(r"^open_dataset-[0-9a-f-]+$")
_STRINGIFIED_TUPLE = re.compile(r"""^\(\s*b?(['"])(.*?)\1\s*,""")

_COUNTERS = "_portal_locality"  # the Worker attribute that holds the counts, so re-installing the plugin keeps them


def _key_name(key):
    """The name part of a key: ``x-1`` for ``("x-1", 0, 2)``, and for ``"('x-1', 0, 2)"``, as distributed before
    2023.4 writes tuple keys on workers and in transfer logs."""
    name = key[0] if isinstance(key, tuple) and key else key
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    name = str(name)
    stringified = _STRINGIFIED_TUPLE.match(name)
    return stringified.group(2) if stringified else name


def is_read_key(key):
    """True when ``key`` (a string or a chunk's tuple) names a task that reads from files (``READ_KEY_PREFIXES``)."""
    name = _key_name(key)
    if _OPENER.match(name):
        return False
    return any(name.startswith(prefix) or "-" + prefix in name for prefix in READ_KEY_PREFIXES)


def _is_passthrough(key):
    return _key_name(key).startswith(RAW_PASSTHROUGH_PREFIXES)


class LocalityPlugin(WorkerPlugin):
    """A Dask worker plugin: counts the bytes that read tasks produce on the worker (``bytesRead``), and remembers the
    keys of raw results it made (reads, and rearrangements of them) so that their transfers count as raw.

    ``start_locality(client)`` installs it on every worker, now and later. The counts live on the worker itself, so
    installing the plugin again keeps them.
    """

    name = "portal-locality"
    idempotent = True  # distributed >= 2023.9: register_plugin does nothing when the plugin is already there

    def __init__(self):
        self._counters = None
        self._worker = None

    def setup(self, worker):
        self._worker = worker
        counters = getattr(worker, _COUNTERS, None)
        if counters is None:
            counters = {"bytesRead": 0, "readTasks": 0, "rawKeys": {}}
            setattr(worker, _COUNTERS, counters)
        self._counters = counters

    def transition(self, key, start, finish, *args, **kwargs):
        # A task the worker ran lands in memory from "executing" (or "long-running" when it seceded); data fetched
        # from another worker lands from "flight" and was read there, not here.
        if finish != "memory" or start not in ("executing", "long-running"):
            return
        state = getattr(self._worker, "state", self._worker)  # distributed < 2022.8 kept tasks on the worker
        task = state.tasks.get(key)
        raw_keys = self._counters["rawKeys"]
        if is_read_key(key):
            nbytes = getattr(task, "nbytes", None) if task is not None else None
            self._counters["bytesRead"] += int(nbytes or 0)
            self._counters["readTasks"] += 1
        elif not _is_passthrough(key) or not any(
            str(dependency.key) in raw_keys for dependency in getattr(task, "dependencies", ())
        ):
            return
        raw_keys[str(key)] = None
        if len(raw_keys) > _RAW_KEYS_KEPT:
            del raw_keys[next(iter(raw_keys))]  # the oldest: dicts keep insertion order


def start_locality(client):
    """Installs ``LocalityPlugin`` on every worker of the client's cluster, now and later. Calling it again is harmless."""
    from .pools import keep_annotations

    keep_annotations()
    plugin = LocalityPlugin()
    register = getattr(client, "register_plugin", None)  # distributed >= 2023.9.2; register_worker_plugin is older
    if register is not None:
        register(plugin)
    else:
        client.register_worker_plugin(plugin, name=LocalityPlugin.name)


def _transfer_log(worker, new_name, old_name):
    log = getattr(worker, new_name, None)  # distributed >= 2022.9 ...
    if log is None:
        log = getattr(worker, old_name, ())  # ... renamed incoming_transfer_log and outgoing_transfer_log
    return list(log)


def _worker_report(dask_worker):
    """Runs on each worker (``client.run``): its read count, what it fetched, and what it sent."""
    counters = getattr(dask_worker, _COUNTERS, None) or {"bytesRead": 0, "rawKeys": {}}
    incoming = {}
    for entry in _transfer_log(dask_worker, "transfer_incoming_log", "incoming_transfer_log"):
        for key, nbytes in (entry.get("keys") or {}).items():
            fetched = (entry.get("who"), str(key), is_read_key(key))
            incoming[fetched] = incoming.get(fetched, 0) + int(nbytes or 0)
    outgoing = {}
    raw_sent = set()
    for entry in _transfer_log(dask_worker, "transfer_outgoing_log", "outgoing_transfer_log"):
        who = entry.get("who")
        outgoing[who] = outgoing.get(who, 0) + int(entry.get("total") or 0)
        raw_sent.update(str(key) for key in entry.get("keys") or {} if str(key) in counters["rawKeys"])
    return {
        "bytesRead": counters["bytesRead"],
        "incoming": [[who, key, read, nbytes] for (who, key, read), nbytes in incoming.items()],
        "outgoing": [[who, total] for who, total in outgoing.items()],
        "rawSent": sorted(raw_sent),
    }


def measure_locality(client):
    """The locality figure of the client's cluster as a JSON-ready dict (see this module's docstring)."""
    from .pools import pools_of_workers

    pool_of = pools_of_workers(client)
    reports = client.run(_worker_report)
    # An address that appears as a worker anywhere is a worker's, even when that worker has left since.
    workers = set(reports) | set(pool_of)
    raw_sent = set()
    for report in reports.values():
        workers.update(who for who, _, _, _ in report["incoming"] if who)
        raw_sent.update(report["rawSent"])

    regions = sorted(set(pool_of.values()))
    pools = {region: {"workers": 0, "bytesRead": 0} for region in regions}
    between = {(a, b): [0, 0] for a in regions for b in regions if a != b}
    to_client = 0
    for address, report in reports.items():
        region = pool_of.get(address)
        to_client += sum(total for who, total in report["outgoing"] if who not in workers)
        if region is None:
            continue
        pools[region]["workers"] += 1
        pools[region]["bytesRead"] += report["bytesRead"]
        for who, key, read, nbytes in report["incoming"]:
            source = pool_of.get(who)
            if source is not None and source != region:
                between[(source, region)][0 if read or key in raw_sent else 1] += nbytes
    return {
        "pools": pools,
        "betweenPools": [
            {"from": a, "to": b, "rawBytes": raw, "resultBytes": result} for (a, b), (raw, result) in sorted(between.items())
        ],
        "toClientBytes": to_client,
    }


def report_locality(url, token, figure=None, client=None):
    """POSTs the figure (measured with ``client`` when not given) to the portal's locality API; True when accepted.

    ``url`` is the session's ``/api/v1/sessions/{id}/locality``; ``token`` the session's token, sent as a bearer token
    and never printed.
    """
    import urllib.request

    if figure is None:
        if client is None:
            raise ValueError("report_locality needs a figure or a client to measure one")
        figure = measure_locality(client)
    request = urllib.request.Request(
        url,
        data=json.dumps(figure).encode("utf-8"),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return 200 <= response.status < 300
    except OSError:  # URLError and HTTPError included
        return False


def format_bytes(count):
    """Bytes in decimal units with one decimal: ``0 B``, ``950 B``, ``5.4 KB``, ``1.2 GB``."""
    count = int(count)
    if count < 1000:
        return f"{count} B"
    value = float(count)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 999.95 or unit == "TB":
            return f"{value:.1f} {unit}"


def describe_locality(figure):
    """One line for people: ``read 1.2 GB in us-east-1, 0.8 GB in us-west-2; moved between regions: 0 B raw, ...``."""
    pools = figure.get("pools") or {}
    reads = ", ".join(f"{format_bytes(pool['bytesRead'])} in {region}" for region, pool in sorted(pools.items()))
    raw = sum(pair["rawBytes"] for pair in figure.get("betweenPools") or [])
    results = sum(pair["resultBytes"] for pair in figure.get("betweenPools") or [])
    return (
        f"read {reads or 'nothing (no pool has a worker)'}; "
        f"moved between regions: {format_bytes(raw)} raw, {format_bytes(results)} of results; "
        f"{format_bytes(figure.get('toClientBytes') or 0)} to the notebook"
    )
