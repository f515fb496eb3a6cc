"""The locality figure's delivery to the portal, its one-line description, and which keys count as reads."""

import http.server
import json
import threading

import pytest

from portal_dask import describe_locality, is_read_key, report_locality

FIGURE = {
    "pools": {"us-east-1": {"workers": 2, "bytesRead": 1_234_567_890}, "us-west-2": {"workers": 2, "bytesRead": 800_000_000}},
    "betweenPools": [
        {"from": "us-east-1", "to": "us-west-2", "rawBytes": 0, "resultBytes": 5400},
        {"from": "us-west-2", "to": "us-east-1", "rawBytes": 0, "resultBytes": 0},
    ],
    "toClientBytes": 5400,
}
TOKEN = "CfDJ8-session-token-never-printed"


@pytest.fixture
def portal():
    """A tiny HTTP server on 127.0.0.1 that records each request and answers with ``portal.status``."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            received.append({"path": self.path, "headers": dict(self.headers), "body": body})
            self.send_response(server.status)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    server.status = 204
    server.received = received
    server.url = f"http://127.0.0.1:{server.server_address[1]}/api/v1/sessions/s-4k7q2m9x1z/locality"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_figure_is_posted_as_json_with_the_sessions_token(portal, capsys):
    assert report_locality(portal.url, TOKEN, FIGURE) is True

    (request,) = portal.received
    assert request["path"] == "/api/v1/sessions/s-4k7q2m9x1z/locality"
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request["body"]) == FIGURE
    output = capsys.readouterr()
    assert TOKEN not in output.out + output.err


def test_a_refused_or_unreachable_report_returns_false_without_the_token(portal, capsys):
    portal.status = 401

    refused = report_locality(portal.url, TOKEN, FIGURE)
    unreachable = report_locality("http://127.0.0.1:9/api/v1/sessions/s-1/locality", TOKEN, FIGURE)

    assert refused is False and unreachable is False
    output = capsys.readouterr()
    assert TOKEN not in output.out + output.err


def test_a_report_needs_a_figure_or_a_client_to_measure_one():
    with pytest.raises(ValueError):
        report_locality("http://127.0.0.1:9/", TOKEN)


def test_the_description_reads_in_one_line():
    assert describe_locality(FIGURE) == (
        "read 1.2 GB in us-east-1, 800.0 MB in us-west-2; moved between regions: 0 B raw, 5.4 KB of results; "
        "5.4 KB to the notebook"
    )
    assert describe_locality({"pools": {}, "betweenPools": [], "toClientBytes": 0}) == (
        "read nothing (no pool has a worker); moved between regions: 0 B raw, 0 B of results; 0 B to the notebook"
    )


@pytest.mark.parametrize(
    ("key", "read"),
    [
        (("open_dataset-5196ef51fe09aecbff75fb1c199b2a0av-030bff2678b5937fce50795ebd6be356", 0, 0, 0), True),
        ("('open_dataset-5196ef51fe09aecbff75fb1c199b2a0av-030bff2678b5937fce50795ebd6be356', 1, 0, 0)", True),
        ("original-open_dataset-47fc945b3e5eb2bb557d93367f160af6v-a1df99dc82d39e332ac5d3da9d290a3e", True),
        ("('concatenate-open_dataset-getitem-9c9aca6f20a1e8e63fdbab7942bfc69c', 0, 0, 0)", True),  # fused by dask
        ("open_dataset-1f329adf-74c7-4c97-83c0-f74f508e4edd", False),  # open_mfdataset's opener: metadata only
        (("mean_chunk-24071ae8f3797807ac814b156b153286", 0, 0, 0), False),
        ("('getitem-9c9aca6f20a1e8e63fdbab7942bfc69c', 1, 0, 0)", False),
        ("finalize-0f182010bc2785b09f0686618fb7faab", False),
    ],
)
def test_read_keys_are_the_ones_xarray_names_for_opened_files(key, read):
    assert is_read_key(key) is read
