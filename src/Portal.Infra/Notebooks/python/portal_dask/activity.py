"""The scheduler plugin that tells the portal a session is in use while Dask tasks run."""

try:
    from distributed.diagnostics.plugin import SchedulerPlugin
except ImportError:  # distributed is not installed: the plugin cannot run here
    SchedulerPlugin = object


class PortalActivity(SchedulerPlugin):
    """A Dask scheduler plugin: tells the portal the session is in use, once a minute while any task is processing.

    The portal stops a session that reports no activity for its idle timeout; a long computation must not look idle.
    ``client.register_scheduler_plugin(PortalActivity(activity_url, token))`` installs it (the scheduler needs this module).
    """

    name = "portal-activity"

    def __init__(self, url, token, every=60):
        self.url = url
        self.token = token
        self.every = every
        self._task = None

    async def start(self, scheduler):
        import asyncio

        self._task = asyncio.ensure_future(self._loop(scheduler))

    def is_busy(self, scheduler):
        return any(worker.processing for worker in scheduler.workers.values())

    def report(self):
        """One POST to the portal; False when it could not be reached."""
        import urllib.request

        request = urllib.request.Request(
            self.url + "?source=scheduler", data=b"", method="POST", headers={"Authorization": f"Bearer {self.token}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10):
                return True
        except OSError:
            return False

    async def _loop(self, scheduler):
        import asyncio

        while True:
            await asyncio.sleep(self.every)
            if self.is_busy(scheduler):
                await asyncio.get_running_loop().run_in_executor(None, self.report)

    async def close(self):
        if self._task is not None:
            self._task.cancel()
