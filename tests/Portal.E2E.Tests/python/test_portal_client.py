"""portal_dask.client against a running portal with real compute (run by PythonClientTests.cs, which starts the portal).

Needs PORTAL_URL and PORTAL_TOKEN (a read-write token of ada's) and PORTAL_READ_TOKEN (a read token of hers); without
them the tests fail, never skip. The client reads PORTAL_URL and PORTAL_TOKEN itself, as a user's script would.
"""

import os
import urllib.parse

import pytest

from portal_dask import (
    PortalAuthError,
    PortalForbiddenError,
    PortalNotFoundError,
    PortalValidationError,
    Session,
    estimate,
)

REQUEST = dict(variable="air_temperature_at_2_metres", start="2022-01-01", end="2022-01-31")


@pytest.fixture(scope="module", autouse=True)
def portal():
    missing = [name for name in ("PORTAL_URL", "PORTAL_TOKEN", "PORTAL_READ_TOKEN") if not os.environ.get(name)]
    assert not missing, f"{', '.join(missing)} not set: run these tests through PythonClientTests (dotnet test), which starts the portal"
    return os.environ["PORTAL_URL"]


def test_a_session_is_estimated_launched_used_from_dask_opened_extended_and_stopped(portal):
    figure = estimate(["era5"], workers_per_region=1, maximum_hours=2, **REQUEST)
    assert figure.hours == 2 and figure.total_usd > 0
    assert [r["region"] for r in figure.regions if r["role"] == "Worker"] == ["us-east-1"]

    changes = []
    session = Session.launch(["era5"], workers_per_region=1, maximum_hours=2, name="from python",
                             progress=changes.append, timeout=180, **REQUEST)
    try:
        assert (session.state, session.name) == ("Ready", "from python")
        assert session.regions == ["us-east-1"]
        assert "Ready" in [c.status for c in changes if c.step is None]
        assert any(c.step is not None and c.step.kind == "Workers" and c.status == "Complete" for c in changes)

        # The sandbox's scheduler listens on the portal machine's loopback address: reachable from this test.
        assert session.scheduler_address.startswith("tcp://127.0.0.1:")
        client = session.client
        assert client.submit(lambda x: x + 1, 1).result() == 2
        workers = client.scheduler_info()["workers"].values()
        assert workers and all("pool-us-east-1" in w["resources"] for w in workers)
        assert session.dashboard_link.startswith("http://127.0.0.1:")

        assert Session.get(session.id).state == "Ready"
        assert session.id in [s.id for s in Session.list()]

        link = urllib.parse.urlsplit(session.notebook_url())
        portal_address = urllib.parse.urlsplit(portal)
        assert (link.scheme, link.netloc) == (portal_address.scheme, portal_address.netloc)
        assert link.path.startswith("/")

        expires = session.expires_at
        assert session.extend(1)
        assert (session.expires_at - expires).total_seconds() == pytest.approx(3600, abs=5)
    finally:
        session.stop(wait=True, timeout=120)

    assert session.state == "Stopped"
    assert client.status == "closed"
    assert all(step.status == "Deleted" for step in Session.get(session.id).steps)


def test_a_bad_token_is_refused_with_401():
    with pytest.raises(PortalAuthError) as raised:
        Session.list(token="portal_pat_" + "A" * 43)

    assert raised.value.status == 401


def test_an_unknown_session_is_404():
    with pytest.raises(PortalNotFoundError) as raised:
        Session.get("s-0000000000")

    assert raised.value.status == 404


def test_an_invalid_request_names_each_field():
    with pytest.raises(PortalValidationError) as unreadable:
        Session.launch(["era5"], variable="air_temperature_at_2_metres", start="01/02/2022", end="2022-01-31")
    with pytest.raises(PortalValidationError) as invalid:
        Session.launch(["era5"], workers_per_region=0, **REQUEST)

    assert unreadable.value.status == 400 and "yyyy-MM-dd" in unreadable.value.errors["startDate"][0]
    assert "workersPerRegion" in invalid.value.errors
    assert "workersPerRegion" in str(invalid.value)


def test_a_read_token_may_estimate_but_not_launch():
    read = os.environ["PORTAL_READ_TOKEN"]

    assert estimate(["era5"], token=read, **REQUEST).total_usd > 0
    with pytest.raises(PortalForbiddenError) as raised:
        Session.launch(["era5"], token=read, **REQUEST)

    assert raised.value.status == 403
