"""Launch, follow and stop Portal sessions from any Python, through the portal's HTTP API (``/api/v1``).

::

    from portal_dask import Session

    session = Session.launch(datasets=["era5"], variable="air_temperature_at_2_metres",
                             start="2022-01-01", end="2022-01-31")    # waits for Ready, connects, waits for the pools
    client = session.client                                          # a connected distributed.Client
    ...
    session.stop()

``Session.launch`` returns when the session is Ready and ``session.client`` is a ``distributed.Client`` connected to its
scheduler, with a worker in every region's pool. It is also a context manager: ``with Session.launch(...) as session:``
stops the session at the end of the block.

Where it runs: the client connects to the session's Dask scheduler directly. On AWS the scheduler lives in the portal's
private network (the home region's VPC), so run this in the session's notebook or on a machine in that network; from
elsewhere launch, follow and stop work, and ``session.client`` cannot connect. In the sandbox with real compute the
scheduler listens on the portal machine's loopback address.

Credentials: ``url`` and ``token`` default to ``PORTAL_URL`` and ``PORTAL_TOKEN``, then to the ``portal`` command-line
client's file ``$XDG_CONFIG_HOME/portal/config.json`` (``~/.config/portal/config.json``): ``{"url": ..., "token": ...}``.
The token is a personal API token (``portal_pat_...``, made on the portal's "API tokens" page) or an Entra access token.
Neither the token nor a notebook URL is ever logged, printed or part of a ``repr``.

Only the standard library speaks HTTP here; ``distributed`` is imported when a client is connected.
"""

import datetime
import json
import logging
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

__all__ = [
    "Portal",
    "Session",
    "Step",
    "Change",
    "Estimate",
    "estimate",
    "PortalError",
    "PortalConfigError",
    "PortalConnectionError",
    "PortalValidationError",
    "PortalAuthError",
    "PortalForbiddenError",
    "PortalNotFoundError",
    "PortalConflictError",
    "PortalRateLimitError",
    "SessionFailedError",
    "SessionTimeoutError",
]

log = logging.getLogger(__name__)

READY = "Ready"
STOPPED = "Stopped"
#: States a session does not leave by itself while it is being launched: waiting for Ready ends there.
_NOT_GOING_TO_BE_READY = ("Stopping", STOPPED, "Failed", "NeedsAttention")
#: States where nothing runs any more (``NeedsAttention``: a clean-up an operator must finish).
_ENDED = (STOPPED, "NeedsAttention")

_REQUEST_TIMEOUT = 30


# --- Errors -------------------------------------------------------------------------------------------------------


class PortalError(Exception):
    """The portal refused a call, or could not be asked: the RFC 9457 problem details it answered, when it did.

    ``status`` (HTTP status, None when there was no answer), ``title``, ``detail``, ``errors`` (``{field: [message]}``
    with the API's field names, such as ``workersPerRegion``) and ``problem`` (the whole answer as a dict).
    """

    def __init__(self, message, status=None, title=None, detail=None, errors=None, problem=None):
        super().__init__(message)
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors or {}
        self.problem = problem or {}


class PortalConfigError(PortalError):
    """No portal URL or token, or one that cannot be used: says where to set it."""


class PortalConnectionError(PortalError):
    """The portal could not be reached (no answer at all)."""


class PortalValidationError(PortalError):
    """400: the request has problems; ``errors`` holds the messages per field."""


class PortalAuthError(PortalError):
    """401: no token, or an unknown, expired or revoked one."""


class PortalForbiddenError(PortalError):
    """403: not allowed (someone else's notebook, everyone's sessions without being an admin, a ``read`` token)."""


class PortalNotFoundError(PortalError):
    """404: no such session, or not yours."""


class PortalConflictError(PortalError):
    """409: the command does not fit the session now, an identical session runs (``running_session``), or over budget."""

    @property
    def running_session(self):
        return self.problem.get("runningSession")


class PortalRateLimitError(PortalError):
    """429: too many launches; wait and try again."""


_ERRORS_BY_STATUS = {
    400: PortalValidationError,
    401: PortalAuthError,
    403: PortalForbiddenError,
    404: PortalNotFoundError,
    409: PortalConflictError,
    429: PortalRateLimitError,
}


class SessionFailedError(PortalError):
    """The session will not become Ready (it failed, or is stopping); ``session`` says why (``failure_reason``, steps)."""

    def __init__(self, message, session):
        super().__init__(message)
        self.session = session


class SessionTimeoutError(PortalError, TimeoutError):
    """Waiting ran out of time. The session goes on (and costs): ``session.stop()``, or wait again on ``session``."""

    def __init__(self, message, session):
        super().__init__(message)
        self.session = session


# --- The connection -----------------------------------------------------------------------------------------------


def _config_file():
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "portal", "config.json")


def _read_config(path):
    try:
        with open(path, encoding="utf-8") as file:
            config = json.load(file)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise PortalConfigError(f"{path} cannot be read as JSON ({error}): fix it, or run `portal login` again.") from None
    if not isinstance(config, dict):
        raise PortalConfigError(f"{path} is not a JSON object with 'url' and 'token': run `portal login` again.")
    return config


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """The API never redirects; following one would send the token to wherever it points."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise PortalError(
            f"The portal answered {code} with a redirect to {newurl}: give its exact URL (https://... with no path), "
            "as the address bar shows it after sign-in.",
            status=code,
        )


class Portal:
    """One portal and the token to call it with: the HTTP side of :class:`Session`.

    ``Portal()`` takes ``PORTAL_URL``/``PORTAL_TOKEN``, then the ``portal`` CLI's config file; pass ``url``/``token`` to
    choose. ``url`` is the portal's address (``https://portal.example.org``); a trailing ``/api/v1`` is accepted.
    """

    def __init__(self, url=None, token=None, timeout=_REQUEST_TIMEOUT):
        config = None
        if url is None and not os.environ.get("PORTAL_URL") or token is None and not os.environ.get("PORTAL_TOKEN"):
            config = _read_config(_config_file())
        url = url if url is not None else os.environ.get("PORTAL_URL") or (config or {}).get("url")
        token = token if token is not None else os.environ.get("PORTAL_TOKEN") or (config or {}).get("token")
        self.url = _portal_url(url)
        self._token = _checked_token(token)
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_RefuseRedirects())

    def __repr__(self):
        return f"Portal({self.url!r})"

    def api_url(self, path):
        """The absolute URL of an API path (``/sessions``) or of a path the API answered (``/api/v1/sessions?page=2``,
        which, like ASP.NET Core's ``Request.Path``, leaves out a path base the portal may sit under)."""
        return self.url + (path if path.startswith("/api/") else "/api/v1" + path)

    def request(self, method, path, body=None):
        """One call: the answer's JSON (None when empty), or the matching :class:`PortalError`."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.api_url(path), data=data, method=method)
        request.add_header("Authorization", "Bearer " + self._token)
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", f"portal_dask Python/{sys.version_info[0]}.{sys.version_info[1]}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as answer:
            raise _problem(answer, method, path) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PortalConnectionError(f"The portal at {self.url} cannot be reached ({reason}): check the URL and that it runs.") from None
        return json.loads(text) if text.strip() else None

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None):
        return self.request("POST", path, {} if body is None else body)


def _portal_url(url):
    if not url:
        raise PortalConfigError(
            "No portal URL: pass url=..., set PORTAL_URL, or run `portal login --url ... --token ...` "
            f"(which writes {_config_file()})."
        )
    if not isinstance(url, str):
        raise PortalConfigError(f"The portal URL is a string such as https://portal.example.org, not {type(url).__name__}.")
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PortalConfigError(f"{url!r} is not a portal URL: write it as https://portal.example.org.")
    path = parts.path.rstrip("/")
    if path.endswith("/api/v1"):
        path = path[: -len("/api/v1")]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _checked_token(token):
    if not token:
        raise PortalConfigError(
            "No API token: make one on the portal's 'API tokens' page (/account/tokens), then pass token=..., "
            f"set PORTAL_TOKEN, or run `portal login` (which writes {_config_file()})."
        )
    if not isinstance(token, str) or token != token.strip() or any(c.isspace() or ord(c) < 32 for c in token):
        raise PortalConfigError("The API token has spaces or control characters: copy it again from the 'API tokens' page.")
    return token


def _problem(answer, method, path):
    """The exception for an HTTP error answer, built from its problem details (or its first words when it has none)."""
    status = answer.code
    try:
        text = answer.read().decode("utf-8", "replace")
    except OSError:
        text = ""
    problem = {}
    if text.strip():
        try:
            parsed = json.loads(text)
            problem = parsed if isinstance(parsed, dict) else {}
        except ValueError:
            problem = {}
    title = problem.get("title") or answer.reason
    detail = problem.get("detail") or (text.strip()[:200] if not problem else None)
    errors = problem.get("errors") if isinstance(problem.get("errors"), dict) else {}
    message = f"{method} {path}: {status} {title}"
    if detail:
        message += f": {detail}"
    for field, messages in errors.items():
        message += "\n  " + field + ": " + " ".join(str(m) for m in (messages if isinstance(messages, list) else [messages]))
    cls = _ERRORS_BY_STATUS.get(status, PortalError)
    return cls(message, status=status, title=title, detail=detail, errors=errors, problem=problem)


# --- Requests -----------------------------------------------------------------------------------------------------

#: Python keyword -> the API's field (the body of POST /sessions and POST /estimate).
_REQUEST_FIELDS = {
    "datasets": "datasets",
    "data_type": "dataType",
    "variable_category": "variableCategory",
    "variable": "variable",
    "start": "startDate",
    "end": "endDate",
    "activity_ids": "activityIds",
    "table_id": "tableId",
    "variable_ids": "variableIds",
    "experiment": "experiment",
    "institution_ids": "institutionIds",
    "source_ids": "sourceIds",
    "workers_per_region": "workersPerRegion",
    "maximum_hours": "maximumHours",
    "worker_size": "workerSize",
    "name": "name",
}
_LIST_FIELDS = ("datasets", "activity_ids", "variable_ids", "institution_ids", "source_ids")
_INT_FIELDS = ("workers_per_region", "maximum_hours")


def _request_body(**fields):
    """The API's body from keyword arguments: left-out (None) fields take the form's defaults on the portal."""
    body = {}
    for name, value in fields.items():
        if name not in _REQUEST_FIELDS:
            raise TypeError(f"{name} is not a request field; they are: {', '.join(_REQUEST_FIELDS)}.")
        if value is None:
            continue
        if name in _LIST_FIELDS:
            value = [value] if isinstance(value, str) else list(value)
            if not all(isinstance(item, str) for item in value):
                raise TypeError(f"{name} is a list of strings, such as ['era5'].")
        elif name in ("start", "end"):
            value = _iso_date(name, value)
        elif name in _INT_FIELDS:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} is a whole number, not {value!r}.")
        elif not isinstance(value, str):
            raise TypeError(f"{name} is a string, not {type(value).__name__}.")
        body[_REQUEST_FIELDS[name]] = value
    if not body.get("datasets"):
        raise ValueError("datasets names at least one dataset id, such as ['era5'] (the portal's catalogue lists them).")
    return body


def _iso_date(name, value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        return value.strip()
    raise TypeError(f"{name} is a date or a 'yyyy-mm-dd' string, not {type(value).__name__}.")


def _timestamp(text):
    """An ISO 8601 timestamp from the API (.NET writes 7 decimals; Python before 3.11 reads at most 6)."""
    if not text:
        return None
    text = text.replace("Z", "+00:00")
    if "." in text:
        head, _, rest = text.partition(".")
        digits = len(rest) - len(rest.lstrip("0123456789"))
        text = head + "." + rest[:min(digits, 6)].ljust(6, "0") + rest[digits:]
    return datetime.datetime.fromisoformat(text)


class Estimate:
    """What a request would cost (``POST /estimate``): per hour, for its maximum hours, and against copying the data home.

    ``hourly_usd``, ``hours``, ``total_usd``, ``complete`` (False when a price is missing), ``regions`` (per region
    lines), ``copy_home`` (the comparison, or None) and ``raw`` (the whole answer).
    """

    def __init__(self, raw):
        self.raw = raw
        self.hourly_usd = raw.get("hourlyUsd")
        self.hours = raw.get("hours")
        self.total_usd = raw.get("totalUsd")
        self.complete = raw.get("complete")
        self.regions = raw.get("regions") or []
        self.copy_home = raw.get("copyHome")

    def __repr__(self):
        return f"Estimate(hourly_usd={self.hourly_usd}, hours={self.hours}, total_usd={self.total_usd})"


def estimate(datasets, variable=None, start=None, end=None, url=None, token=None, **request):
    """The portal's estimate for a request (the same keywords as :meth:`Session.launch`), without launching anything."""
    portal = Portal(url, token)
    return Estimate(portal.post("/estimate", _request_body(datasets=datasets, variable=variable, start=start, end=end, **request)))


# --- Sessions -----------------------------------------------------------------------------------------------------


class Step:
    """One resource a session creates: ``name``, ``kind`` (Scheduler, Workers, Notebook), ``region``, ``status``
    (Pending, InProgress, Complete, Failed, Deleting, Deleted) and ``message``."""

    __slots__ = ("name", "kind", "region", "status", "message")

    def __init__(self, name, kind, region, status, message=None):
        self.name, self.kind, self.region, self.status, self.message = name, kind, region, status, message

    def __repr__(self):
        return f"Step({self.name!r}, {self.kind!r}, {self.region!r}, {self.status!r})"


class Change:
    """A change seen while waiting: the session's state, or a step's status. ``str()`` is one line for people, so
    ``progress=print`` prints the launch as it goes."""

    __slots__ = ("session_id", "step", "status", "message")

    def __init__(self, session_id, step, status, message=None):
        self.session_id, self.step, self.status, self.message = session_id, step, status, message

    def __str__(self):
        what = f"{self.session_id} {self.step.kind.lower()} {self.step.region}" if self.step else self.session_id
        return f"{what}: {self.status}" + (f" ({self.message})" if self.message else "")

    def __repr__(self):
        return f"Change({str(self)!r})"


def _log_change(change):
    log.info("%s", change)


class Session:
    """A Portal session: launched, found or listed through the API, then followed, connected to and stopped.

    Attributes from the portal (refreshed by :meth:`refresh` and while waiting): ``id``, ``name``, ``owner``,
    ``state`` (Requested, Provisioning, Ready, Stopping, Stopped, Failed, NeedsAttention), ``created_at``,
    ``ready_at``, ``expires_at``, ``idle_stop_at``, ``failure_reason``, ``scheduler_address``, ``hourly_usd``,
    ``cost_so_far_usd``, ``steps`` (:class:`Step`), ``locality`` (the data locality figure, a dict, or None).
    """

    def __init__(self, portal, data):
        self.portal = portal
        self._client = None
        self._update(data)

    # -- Finding and launching

    @classmethod
    def launch(cls, datasets, variable=None, start=None, end=None, *, data_type=None, variable_category=None,
               activity_ids=None, table_id=None, variable_ids=None, experiment=None, institution_ids=None,
               source_ids=None, workers_per_region=None, maximum_hours=None, worker_size=None, name=None,
               launch_key=None, allow_duplicate=False, url=None, token=None, wait=True, connect=True, timeout=900,
               poll=2.0, progress=None):
        """Launches a session, waits for Ready and connects: ``session.client`` is then a ``distributed.Client`` with a
        worker in every region's pool.

        ``datasets`` are catalogue ids (``["era5", "cmip6"]``); one worker pool runs in each region that holds one.
        ``start``/``end`` are dates or ``"yyyy-mm-dd"``. The other request fields are keyword arguments with Python names
        (``data_type="Both"``, ``activity_ids=[...]``, ``table_id``, ``variable_ids``, ``experiment``,
        ``institution_ids``, ``source_ids``, ``workers_per_region``, ``maximum_hours``, ``worker_size``, ``name``);
        what is left out takes the explore form's default. ``launch_key`` (a new one per call unless given) makes a
        repeated call answer with the session the first one made; ``allow_duplicate=True`` launches even when an
        identical session of yours runs (else :class:`PortalConflictError` with ``running_session``).

        ``wait=False`` returns as soon as the portal accepted the launch; ``connect=False`` waits for Ready without
        connecting. ``timeout`` (seconds) bounds the wait and the connection: past it :class:`SessionTimeoutError`
        (or ``PoolTimeoutError`` when a pool has no worker yet). A session that fails raises :class:`SessionFailedError`;
        a scheduler that cannot be reached from here, :class:`PortalConnectionError`. Each of these carries the
        session as ``.session``: it goes on (and costs) until you stop it, or wait and connect again.
        ``progress`` is called with each :class:`Change` (``progress=print`` shows them); by default they are logged
        at INFO on ``portal_dask.client``.
        """
        portal = Portal(url, token)
        body = _request_body(
            datasets=datasets, variable=variable, start=start, end=end, data_type=data_type,
            variable_category=variable_category, activity_ids=activity_ids, table_id=table_id,
            variable_ids=variable_ids, experiment=experiment, institution_ids=institution_ids, source_ids=source_ids,
            workers_per_region=workers_per_region, maximum_hours=maximum_hours, worker_size=worker_size, name=name,
        )
        body["launchKey"] = launch_key or uuid.uuid4().hex
        body["allowDuplicate"] = bool(allow_duplicate)
        session = cls(portal, portal.post("/sessions", body))
        (progress or _log_change)(Change(session.id, None, session.state))
        if not wait:
            return session
        deadline = time.monotonic() + timeout
        session.wait_until_ready(timeout=timeout, poll=poll, progress=progress)
        if connect:
            try:
                session.connect(timeout=max(1.0, deadline - time.monotonic()))
            except Exception as error:
                error.session = session
                raise
        return session

    @classmethod
    def get(cls, session_id, url=None, token=None):
        """The session with this id (``s-...``), if it is yours (or you are an admin); else :class:`PortalNotFoundError`."""
        portal = Portal(url, token)
        return cls(portal, portal.get("/sessions/" + _quoted_id(session_id)))

    @classmethod
    def list(cls, all=False, url=None, token=None):
        """Your sessions, newest first (``all=True``: everyone's, admins only), every page of them. Each holds the list's
        summary (no steps): :meth:`refresh` reads the rest."""
        portal = Portal(url, token)
        sessions = []
        path = "/sessions?pageSize=100" + ("&all=true" if all else "")
        while path:
            page = portal.get(path)
            sessions.extend(cls(portal, item) for item in page.get("items") or [])
            path = page.get("next")
        return sessions

    estimate = staticmethod(estimate)

    # -- What the portal says

    def _update(self, data):
        self.raw = data
        self.id = data["id"]
        self.name = data.get("name")
        self.owner = data.get("owner")
        self.state = data.get("state")
        self.created_at = _timestamp(data.get("createdAt"))
        self.ready_at = _timestamp(data.get("readyAt"))
        self.expires_at = _timestamp(data.get("expiresAt"))
        self.idle_stop_at = _timestamp(data.get("idleStopAt"))
        self.failure_reason = data.get("failureReason")
        self.scheduler_address = data.get("schedulerAddress") or None
        self.hourly_usd = data.get("hourlyUsd")
        self.cost_so_far_usd = data.get("costSoFarUsd")
        self.locality = data.get("locality")
        if "steps" in data:
            self.steps = [
                Step(s.get("name"), s.get("kind"), s.get("region"), s.get("status"), s.get("message")) for s in data["steps"] or []
            ]
        elif not hasattr(self, "steps"):
            self.steps = []

    def __repr__(self):
        return f"Session({self.id!r}, name={self.name!r}, state={self.state!r})"

    @property
    def regions(self):
        """The regions with a worker pool, in the order of the steps."""
        return [step.region for step in self.steps if step.kind == "Workers"]

    def refresh(self):
        """Reads the session again (state, steps, cost so far, locality); returns it."""
        self._update(self.portal.get("/sessions/" + _quoted_id(self.id)))
        return self

    def wait_until_ready(self, timeout=900, poll=2.0, progress=None):
        """Follows the launch until Ready, reporting each change; :class:`SessionFailedError` when it will not get
        there (Failed, stopped), :class:`SessionTimeoutError` after ``timeout`` seconds."""
        self._wait(lambda s: s.state == READY, _NOT_GOING_TO_BE_READY, timeout, poll, progress, "Ready")
        return self

    def wait_until_stopped(self, timeout=600, poll=2.0, progress=None):
        """Follows a stop until nothing runs any more (Stopped, or NeedsAttention when a clean-up needs an operator)."""
        self._wait(lambda s: s.state in _ENDED, (), timeout, poll, progress, "Stopped")
        return self

    def _wait(self, done, hopeless, timeout, poll, progress, goal):
        report = progress or _log_change
        deadline = time.monotonic() + timeout
        seen = self._statuses()
        hiccups = 0
        while True:
            if done(self):
                return
            if self.state in hopeless:
                raise SessionFailedError(self._why_not(goal), self)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SessionTimeoutError(
                    f"Session {self.id} is {self.state}, not {goal}, after {timeout:g} s. It goes on (and costs): "
                    "call .stop() on the exception's session, or wait again with .wait_until_ready().",
                    self,
                )
            time.sleep(min(poll, remaining))
            try:
                self.refresh()
                hiccups = 0
            except PortalError as error:
                # A long wait outlives a portal restart or a load balancer's bad minute; a refusal ends it at once.
                hiccups += 1
                if not _transient(error) or hiccups > _WAIT_HICCUPS:
                    raise
                log.warning("Session %s: the portal did not answer (%s); asking again.", self.id, error.title or error)
                continue
            now = self._statuses()
            for key, (step, status, message) in now.items():
                if seen.get(key, (None, None, None))[1] != status:
                    report(Change(self.id, step, status, message))
            seen = now

    def _statuses(self):
        statuses = {None: (None, self.state, self.failure_reason)}
        for step in self.steps:
            statuses[step.name] = (step, step.status, step.message)
        return statuses

    def _why_not(self, goal):
        failed = [f"{s.kind} in {s.region}: {s.message or s.status}" for s in self.steps if s.status == "Failed"]
        reason = self.failure_reason or "; ".join(failed) or "no reason given"
        hint = " Retry it with .retry(), or .stop() it." if self.state == "Failed" else ""
        return f"Session {self.id} is {self.state}, so it will not be {goal}: {reason}.{hint}"

    # -- Commands

    def stop(self, wait=False, timeout=600, poll=2.0, progress=None):
        """Stops the session (or cancels its launch), closing ``client`` first; ``wait=True`` follows it until Stopped.
        Returns the portal's sentence (``Done`` or ``Unchanged`` when it was stopping already)."""
        self.close()
        answer = self.portal.post("/sessions/" + _quoted_id(self.id) + "/stop")
        self.refresh()
        if wait:
            self.wait_until_stopped(timeout=timeout, poll=poll, progress=progress)
        return (answer or {}).get("message")

    def extend(self, hours=0):
        """``0`` restarts the idle deadline; 1 or more adds hours to the lifetime. Returns the portal's sentence."""
        if isinstance(hours, bool) or not isinstance(hours, int) or hours < 0:
            raise ValueError(f"hours is 0 (restart the idle deadline) or a whole number of hours to add, not {hours!r}.")
        answer = self.portal.post("/sessions/" + _quoted_id(self.id) + "/extend", {"hours": hours})
        self.refresh()
        return (answer or {}).get("message")

    def retry(self):
        """Retries a failed session from the step that failed; follow it with :meth:`wait_until_ready`."""
        answer = self.portal.post("/sessions/" + _quoted_id(self.id) + "/retry")
        self.refresh()
        return (answer or {}).get("message")

    def notebook_url(self):
        """A fresh, absolute, presigned URL of the session's notebook (owner only). It is a credential: open it, do not
        share or log it."""
        return self.portal.post("/sessions/" + _quoted_id(self.id) + "/notebook-url")["url"]

    # -- Dask

    def connect(self, timeout=120):
        """Connects a ``distributed.Client`` to the session's scheduler and waits until every region's pool has a worker.

        The scheduler must be reachable from here: the session's notebook, or a machine in the portal's network.
        """
        if self._client is not None:
            return self._client
        if not self.steps:  # a session from Session.list() holds no steps: the pools to wait for are in them
            self.refresh()
        if self.state != READY or not self.scheduler_address:
            raise PortalError(f"Session {self.id} is {self.state}: a client connects once it is Ready (wait_until_ready()).")
        from distributed import Client

        from .pools import wait_for_pools

        deadline = time.monotonic() + timeout
        try:
            client = Client(self.scheduler_address, timeout=f"{max(1, int(timeout))}s")
        except OSError as error:
            raise PortalConnectionError(
                f"Session {self.id}'s scheduler at {self.scheduler_address} cannot be reached ({error}). It is reachable "
                "from the session's notebook and from the portal's network only: run this there."
            ) from None
        try:
            wait_for_pools(client, self.regions, timeout=max(1.0, deadline - time.monotonic()))
        except BaseException:
            client.close()
            raise
        self._client = client
        return client

    @property
    def client(self):
        """The connected ``distributed.Client`` (connected now if it is not yet)."""
        return self.connect()

    @property
    def dashboard_link(self):
        """The Dask dashboard, as the connected scheduler advertises it (None before connecting)."""
        return self._client.dashboard_link if self._client is not None else None

    def close(self):
        """Closes the Dask client, leaving the session running."""
        if self._client is not None:
            client, self._client = self._client, None
            client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.state in _ENDED:
            self.close()
        else:
            self.stop()


_WAIT_HICCUPS = 5


def _transient(error):
    return isinstance(error, PortalConnectionError) or error.status in (502, 503, 504)


def _quoted_id(session_id):
    if not isinstance(session_id, str) or not session_id.strip():
        raise ValueError(f"A session id is a string such as 's-4k7q2m9x1z', not {session_id!r}.")
    return urllib.parse.quote(session_id.strip(), safe="")
