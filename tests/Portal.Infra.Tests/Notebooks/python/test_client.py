"""portal_dask.client against a small fake of the portal's API on a real loopback HTTP server (no portal, no Dask).

The live tests against the real portal are in tests/Portal.E2E.Tests/python (PythonClientTests runs them).
"""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal_dask import (
    Portal,
    PortalAuthError,
    PortalConfigError,
    PortalConflictError,
    PortalConnectionError,
    PortalError,
    PortalForbiddenError,
    PortalNotFoundError,
    PortalRateLimitError,
    PortalValidationError,
    Session,
    SessionFailedError,
    SessionTimeoutError,
    estimate,
)

TOKEN = "portal_pat_" + "x" * 43
NOTEBOOK = "http://127.0.0.1:9/notebooks/portal-s-0000000000.ipynb?token=secret-link"


def detail(state, steps=(), **extra):
    data = {
        "id": "s-0000000000",
        "name": "Jan",
        "owner": "ada",
        "state": state,
        "createdAt": "2026-12-08T01:25:25.1234567+00:00",
        "readyAt": None,
        "expiresAt": "2026-12-08T05:25:25+00:00",
        "idleStopAt": None,
        "failureReason": None,
        "schedulerAddress": "",
        "hourlyUsd": 1.5,
        "costSoFarUsd": 0.25,
        "steps": [
            {"name": name, "kind": kind, "region": region, "status": status, "message": None}
            for name, kind, region, status in steps
        ],
        "locality": None,
    }
    data.update(extra)
    return data


class FakePortal:
    """Answers each (method, path) with the next of its queued answers (the last repeats) and records every request."""

    def __init__(self):
        self.answers = {}
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append(
                    {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": json.loads(body) if body else None}
                )
                queue = fake.answers.get((self.command, self.path))
                if not queue:
                    status, payload, headers = 404, {"title": "Not Found", "status": 404, "detail": "No such route in the fake."}, {}
                else:
                    status, payload, headers = queue.pop(0) if len(queue) > 1 else queue[0]
                text = b"" if payload is None else (payload if isinstance(payload, bytes) else json.dumps(payload).encode())
                self.send_response(status)
                kind = "application/problem+json" if status >= 400 else "application/json"
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(text)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(text)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def on(self, method, path, *answers):
        self.answers[(method, path)] = [a if isinstance(a, tuple) and len(a) == 3 else (a[0], a[1], {}) for a in answers]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    running = FakePortal()
    yield running
    running.close()


@pytest.fixture(autouse=True)
def no_ambient_config(monkeypatch, tmp_path):
    monkeypatch.delenv("PORTAL_URL", raising=False)
    monkeypatch.delenv("PORTAL_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_url_and_token_come_from_the_environment_before_the_cli_config_file(monkeypatch, tmp_path):
    folder = tmp_path / "config" / "portal"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"url": "https://file.example.org/", "token": "portal_pat_fromfile"}))

    from_file = Portal()
    monkeypatch.setenv("PORTAL_URL", "https://env.example.org/api/v1")
    from_env = Portal()

    assert from_file.url == "https://file.example.org"
    assert from_env.url == "https://env.example.org"
    assert Portal(url="http://127.0.0.1:5000", token="t").url == "http://127.0.0.1:5000"


def test_missing_or_unusable_settings_say_where_to_set_them(tmp_path):
    with pytest.raises(PortalConfigError, match="PORTAL_URL"):
        Portal()
    with pytest.raises(PortalConfigError, match="API tokens"):
        Portal(url="https://portal.example.org")
    with pytest.raises(PortalConfigError, match="https://portal.example.org"):
        Portal(url="portal.example.org", token=TOKEN)
    with pytest.raises(PortalConfigError, match="spaces"):
        Portal(url="https://portal.example.org", token=TOKEN + "\n")
    folder = tmp_path / "config" / "portal"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{not json")
    with pytest.raises(PortalConfigError, match="portal login"):
        Portal()


def test_the_token_is_in_no_repr_and_no_error_message(fake):
    fake.on("GET", "/api/v1/sessions/s-0000000000", (401, {"title": "Unauthorized", "status": 401, "detail": "The token has expired."}))
    portal = Portal(fake.url, TOKEN)

    with pytest.raises(PortalAuthError) as raised:
        Session.get("s-0000000000", url=fake.url, token=TOKEN)

    assert TOKEN not in repr(portal)
    assert TOKEN not in str(raised.value) and TOKEN not in repr(raised.value)
    assert fake.requests[0]["headers"]["Authorization"] == "Bearer " + TOKEN


def test_launch_sends_the_request_with_the_apis_field_names_and_a_launch_key(fake):
    fake.on("POST", "/api/v1/sessions", (201, detail("Requested")))
    import datetime

    session = Session.launch(
        ["era5", "cmip6"], "air_temperature_at_2_metres", datetime.date(2022, 1, 1), "2022-01-31",
        data_type="Both", variable_ids="tas", workers_per_region=2, maximum_hours=4, name="Jan",
        url=fake.url, token=TOKEN, wait=False,
    )

    body = fake.requests[0]["body"]
    assert body["datasets"] == ["era5", "cmip6"]
    assert body["variable"] == "air_temperature_at_2_metres"
    assert (body["startDate"], body["endDate"]) == ("2022-01-01", "2022-01-31")
    assert (body["dataType"], body["variableIds"], body["workersPerRegion"], body["maximumHours"]) == ("Both", ["tas"], 2, 4)
    assert body["name"] == "Jan" and body["allowDuplicate"] is False
    assert len(body["launchKey"]) == 32
    assert "tableId" not in body  # left out: the form's default
    assert (session.id, session.state, session.created_at.microsecond) == ("s-0000000000", "Requested", 123456)


def test_bad_arguments_are_refused_before_any_call(fake):
    with pytest.raises(ValueError, match="at least one dataset"):
        Session.launch([], url=fake.url, token=TOKEN)
    with pytest.raises(TypeError, match="workers_per_region"):
        Session.launch(["era5"], workers_per_region="2", url=fake.url, token=TOKEN)
    with pytest.raises(TypeError, match="date"):
        Session.launch(["era5"], start=20220101, url=fake.url, token=TOKEN)
    with pytest.raises(ValueError, match="session id"):
        Session.get("", url=fake.url, token=TOKEN)
    assert fake.requests == []


@pytest.mark.parametrize(
    "status, error",
    [(401, PortalAuthError), (403, PortalForbiddenError), (404, PortalNotFoundError), (409, PortalConflictError),
     (429, PortalRateLimitError), (503, PortalError)],
)
def test_each_problem_status_raises_its_error_with_title_and_detail(fake, status, error):
    fake.on("POST", "/api/v1/sessions", (status, {"title": "Nope", "status": status, "detail": "Because.", "runningSession": "s-1111111111"}))

    with pytest.raises(error) as raised:
        Session.launch(["era5"], url=fake.url, token=TOKEN)

    assert (raised.value.status, raised.value.title, raised.value.detail) == (status, "Nope", "Because.")
    assert f"{status} Nope: Because." in str(raised.value)
    if status == 409:
        assert raised.value.running_session == "s-1111111111"


def test_a_validation_problem_carries_the_field_errors(fake):
    problem = {"title": "One or more validation errors occurred.", "status": 400, "detail": "The request has problems.",
               "errors": {"workersPerRegion": ["Workers per region must be between 1 and 50."]}}
    fake.on("POST", "/api/v1/estimate", (400, problem))

    with pytest.raises(PortalValidationError) as raised:
        estimate(["era5"], workers_per_region=0, url=fake.url, token=TOKEN)

    assert raised.value.errors == {"workersPerRegion": ["Workers per region must be between 1 and 50."]}
    assert "workersPerRegion: Workers per region must be between 1 and 50." in str(raised.value)


def test_an_answer_that_is_not_problem_details_still_says_what_came_back(fake):
    fake.on("GET", "/api/v1/sessions/s-0000000000", (502, b"<html>Bad gateway</html>"))

    with pytest.raises(PortalError) as raised:
        Session.get("s-0000000000", url=fake.url, token=TOKEN)

    assert raised.value.status == 502 and "Bad gateway" in str(raised.value)


def test_a_redirect_is_refused_so_the_token_goes_nowhere_else(fake):
    other = FakePortal()
    try:
        fake.on("GET", "/api/v1/sessions/s-0000000000", (302, None, {"Location": other.url + "/elsewhere"}))

        with pytest.raises(PortalError, match="redirect") as raised:
            Session.get("s-0000000000", url=fake.url, token=TOKEN)

        assert raised.value.status == 302
        assert other.requests == []
    finally:
        other.close()


def test_a_portal_that_does_not_answer_is_a_connection_error():
    closed = FakePortal()
    url = closed.url
    closed.close()

    with pytest.raises(PortalConnectionError, match="cannot be reached"):
        Session.get("s-0000000000", url=url, token=TOKEN)


def test_list_reads_every_page(fake):
    summary = {k: v for k, v in detail("Ready").items() if k != "steps"}
    fake.on("GET", "/api/v1/sessions?pageSize=100",
            (200, {"items": [summary], "page": 1, "pageSize": 100, "total": 2, "next": "/api/v1/sessions?pageSize=100&page=2"}))
    fake.on("GET", "/api/v1/sessions?pageSize=100&page=2",
            (200, {"items": [dict(summary, id="s-1111111111")], "page": 2, "pageSize": 100, "total": 2, "next": None}))

    sessions = Session.list(url=fake.url + "/", token=TOKEN)

    assert [s.id for s in sessions] == ["s-0000000000", "s-1111111111"]
    assert sessions[0].steps == []


def test_waiting_reports_each_change_and_ends_at_ready(fake):
    scheduler = ("scheduler", "Scheduler", "eu-west-2")
    workers = ("workers", "Workers", "us-east-1")
    fake.on("POST", "/api/v1/sessions", (201, detail("Requested", [scheduler + ("Pending",), workers + ("Pending",)])))
    fake.on(
        "GET", "/api/v1/sessions/s-0000000000",
        (200, detail("Provisioning", [scheduler + ("InProgress",), workers + ("Pending",)])),
        (200, detail("Provisioning", [scheduler + ("Complete",), workers + ("InProgress",)])),
        (200, detail("Ready", [scheduler + ("Complete",), workers + ("Complete",)], schedulerAddress="tcp://10.0.0.5:8786")),
    )
    changes = []

    session = Session.launch(["era5"], url=fake.url, token=TOKEN, connect=False, poll=0.01, progress=changes.append)

    assert [str(c) for c in changes] == [
        "s-0000000000: Requested",
        "s-0000000000: Provisioning",
        "s-0000000000 scheduler eu-west-2: InProgress",
        "s-0000000000 scheduler eu-west-2: Complete",
        "s-0000000000 workers us-east-1: InProgress",
        "s-0000000000: Ready",
        "s-0000000000 workers us-east-1: Complete",
    ]
    assert (session.state, session.scheduler_address, session.regions) == ("Ready", "tcp://10.0.0.5:8786", ["us-east-1"])


def test_changes_are_logged_when_no_progress_callback_is_given(fake, caplog):
    fake.on("POST", "/api/v1/sessions", (201, detail("Requested")))
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, detail("Ready")))

    with caplog.at_level(logging.INFO, logger="portal_dask.client"):
        Session.launch(["era5"], url=fake.url, token=TOKEN, connect=False, poll=0.01)

    assert [r.getMessage() for r in caplog.records] == ["s-0000000000: Requested", "s-0000000000: Ready"]


def test_a_failed_launch_raises_with_the_reason_and_the_session(fake):
    fake.on("POST", "/api/v1/sessions", (201, detail("Provisioning")))
    failed = detail("Failed", [("workers", "Workers", "us-east-1", "Failed")], failureReason="CREATE_FAILED: quota")
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, failed))

    with pytest.raises(SessionFailedError, match="CREATE_FAILED: quota") as raised:
        Session.launch(["era5"], url=fake.url, token=TOKEN, poll=0.01, progress=lambda c: None)

    assert raised.value.session.state == "Failed"


def test_waiting_gives_up_at_the_timeout_and_leaves_the_session_to_the_caller(fake):
    fake.on("POST", "/api/v1/sessions", (201, detail("Provisioning")))
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, detail("Provisioning")))

    with pytest.raises(SessionTimeoutError, match="goes on") as raised:
        Session.launch(["era5"], url=fake.url, token=TOKEN, timeout=0.2, poll=0.05, progress=lambda c: None)

    assert isinstance(raised.value, TimeoutError)
    assert raised.value.session.id == "s-0000000000"
    assert not any(r["path"].endswith("/stop") for r in fake.requests)


def test_commands_post_to_the_session_and_return_the_portals_sentence(fake):
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, detail("Ready")), (200, detail("Stopping")))
    fake.on("POST", "/api/v1/sessions/s-0000000000/extend", (200, {"outcome": "Done", "message": "Extended by 2 hours."}))
    fake.on("POST", "/api/v1/sessions/s-0000000000/notebook-url", (200, {"url": NOTEBOOK}))
    fake.on("POST", "/api/v1/sessions/s-0000000000/stop", (200, {"outcome": "Done", "message": "Stopping."}))
    session = Session.get("s-0000000000", url=fake.url, token=TOKEN)

    assert session.extend(2) == "Extended by 2 hours."
    assert session.notebook_url() == NOTEBOOK
    assert session.stop() == "Stopping."

    assert [r["body"] for r in fake.requests if r["path"].endswith("/extend")] == [{"hours": 2}]
    assert session.state == "Stopping"
    assert NOTEBOOK not in repr(session) and "secret-link" not in repr(session.__dict__.get("raw"))
    with pytest.raises(ValueError, match="hours"):
        session.extend(-1)


def test_a_client_is_refused_until_the_session_is_ready(fake):
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, detail("Provisioning")))
    session = Session.get("s-0000000000", url=fake.url, token=TOKEN)

    with pytest.raises(PortalError, match="once it is Ready"):
        session.client


def test_a_ready_session_connects_a_client_to_its_scheduler_with_every_pool(fake, cluster):
    """The fake portal names the real two-pool cluster of conftest.py as the session's scheduler."""
    steps = [("scheduler", "Scheduler", "eu-west-2", "Complete"), ("east", "Workers", "us-east-1", "Complete"),
             ("west", "Workers", "us-west-2", "Complete")]
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, detail("Ready", steps, schedulerAddress=cluster.scheduler_address)))
    fake.on("POST", "/api/v1/sessions/s-0000000000/stop", (200, {"outcome": "Done", "message": "Stopping."}))
    session = Session.get("s-0000000000", url=fake.url, token=TOKEN)

    client = session.client

    assert session.client is client
    assert client.submit(lambda x: x + 1, 1).result() == 2
    pools = {name for worker in client.scheduler_info()["workers"].values() for name in worker["resources"]}
    assert pools == {"pool-us-east-1", "pool-us-west-2"}
    assert session.dashboard_link.startswith("http://127.0.0.1:")
    session.stop()
    assert client.status == "closed"
    assert session.dashboard_link is None


def test_a_with_block_stops_the_session_at_its_end_even_when_it_raises(fake):
    fake.on("POST", "/api/v1/sessions", (201, detail("Ready")))
    fake.on("POST", "/api/v1/sessions/s-0000000000/stop", (200, {"outcome": "Done", "message": "Stopping."}))
    fake.on("GET", "/api/v1/sessions/s-0000000000", (200, detail("Stopping")))

    with pytest.raises(KeyError):
        with Session.launch(["era5"], url=fake.url, token=TOKEN, connect=False, progress=lambda c: None) as session:
            raise KeyError("the analysis failed")

    assert [r["path"] for r in fake.requests if r["method"] == "POST"] == ["/api/v1/sessions", "/api/v1/sessions/s-0000000000/stop"]
    assert session.state == "Stopping"


def test_waiting_rides_out_a_portal_that_briefly_does_not_answer_but_not_a_refusal(fake, caplog):
    fake.on("POST", "/api/v1/sessions", (201, detail("Provisioning")))
    fake.on("GET", "/api/v1/sessions/s-0000000000", (503, {"title": "Service Unavailable", "status": 503}), (200, detail("Ready")))

    session = Session.launch(["era5"], url=fake.url, token=TOKEN, connect=False, poll=0.01, progress=lambda c: None)

    assert session.state == "Ready"
    assert "did not answer" in caplog.text
    fake.on("GET", "/api/v1/sessions/s-0000000000", (401, {"title": "Unauthorized", "status": 401}))
    session.state = "Provisioning"
    with pytest.raises(PortalAuthError):
        session.wait_until_ready(poll=0.01, progress=lambda c: None)


def test_a_scheduler_out_of_reach_is_a_connection_error_that_still_hands_over_the_session(fake):
    closed = FakePortal()
    port = closed.server.server_address[1]
    closed.close()
    steps = [("east", "Workers", "us-east-1", "Complete")]
    fake.on("POST", "/api/v1/sessions", (201, detail("Ready", steps, schedulerAddress=f"tcp://127.0.0.1:{port}")))

    with pytest.raises(PortalConnectionError, match="portal's network") as raised:
        Session.launch(["era5"], url=fake.url, token=TOKEN, timeout=2, progress=lambda c: None)

    assert raised.value.session.id == "s-0000000000"
