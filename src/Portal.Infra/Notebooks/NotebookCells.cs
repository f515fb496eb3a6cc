using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

/// <summary>
/// The fixed cells of a session notebook. They read only the names the parameters cell defines, so no text from a
/// request ever lands in them; regions come from <c>DATASET_PATHS</c> and <c>POOLS</c>, never from literals.
/// </summary>
internal static partial class NotebookCells
{
    public static NotebookCell ConnectIntro { get; } = NotebookCell.Markdown("connect-intro", """
        ## Connect to the session's Dask cluster

        The scheduler runs in the portal's home region. Every region that holds a selected dataset has a pool of workers
        next to the data, and its workers advertise the pool's name (`POOLS`) as a Dask resource. The cells below ask for
        that resource whenever they touch a region's data, so the raw bytes stay in their region and only reduced results
        cross to this notebook.
        """);

    public static NotebookCell Connect { get; } = NotebookCell.Code("connect", """"
        from dask.distributed import Client
        from portal_dask import start_locality, wait_for_pools

        client = Client(SCHEDULER_ADDRESS, timeout="60s")

        # Every pool must have a worker before its data can be read. Workers can take a minute or two to join; after
        # POOL_TIMEOUT seconds this stops with the pools that have none and what to do.
        POOL_TIMEOUT = 180
        for region, count in wait_for_pools(client, list(POOLS), timeout=POOL_TIMEOUT).items():
            print(f"{region}: {count} worker(s) connected in {POOLS[region]} ({WORKERS_PER_REGION} requested).")

        # Count where bytes are read and where they move (the locality cell at the end reports it to the portal).
        start_locality(client)
        client
        """");

    public static NotebookCell Activity { get; } = NotebookCell.Code("activity", """"
        # An idle session stops by itself (its page says when): report use now, after cells, and while Dask tasks run.
        import threading, time, urllib.request

        PORTAL_ACTIVITY_URL = PORTAL_COST_URL.rsplit("/", 1)[0] + "/activity"


        def report_activity():
            try:
                urllib.request.urlopen(urllib.request.Request(PORTAL_ACTIVITY_URL + "?source=notebook", b"", {"Authorization": "Bearer " + PORTAL_COST_TOKEN}), timeout=10).close()
                return True
            except OSError:
                return False


        _last = [time.monotonic()]


        def _after_cell(*_):
            if time.monotonic() - _last[0] >= 60:
                _last[0] = time.monotonic()
                threading.Thread(target=report_activity, daemon=True).start()


        try:
            get_ipython().events.register("post_run_cell", _after_cell)
            from portal_dask import PortalActivity
            client.register_scheduler_plugin(PortalActivity(PORTAL_ACTIVITY_URL, PORTAL_COST_TOKEN))
        except Exception as error:
            print(f"Only cells you run report use ({error}); Extend on the session page keeps it running.")
        print("The portal knows the session is in use." if report_activity() else "Could not reach " + PORTAL_ACTIVITY_URL)
        """");

    public static NotebookCell LocalityIntro { get; } = NotebookCell.Markdown("locality-intro", """
        ## Where the bytes went

        The portal's promise is that raw data never leaves its region. The Dask workers counted what they read from
        each region's data and what moved between regions; the figure is reported to the session's page.
        """);

    public static NotebookCell Locality { get; } = NotebookCell.Code("locality", """"
        from portal_dask import describe_locality, measure_locality, report_locality

        locality = measure_locality(client)
        print(describe_locality(locality))
        raw_between_regions = sum(pair["rawBytes"] for pair in locality["betweenPools"])
        if raw_between_regions:
            print(f"Warning: {raw_between_regions} bytes of raw data moved between regions.")
        PORTAL_LOCALITY_URL = PORTAL_COST_URL.rsplit("/", 1)[0] + "/locality"
        if not report_locality(PORTAL_LOCALITY_URL, PORTAL_COST_TOKEN, locality):
            print("Could not report the figure to " + PORTAL_LOCALITY_URL + "; the session page will not show it.")
        """");

    public static NotebookCell CostIntro { get; } = NotebookCell.Markdown("cost-intro", """
        ## Cost so far

        What this session has cost until now, as the portal computes it.
        """);

    public static NotebookCell Cost { get; } = NotebookCell.Code("cost", """"
        import json
        import urllib.error
        import urllib.request

        try:
            cost_request = urllib.request.Request(
                PORTAL_COST_URL,
                headers={"Accept": "application/json", "Authorization": f"Bearer {PORTAL_COST_TOKEN}"},
            )
            with urllib.request.urlopen(cost_request, timeout=10) as response:
                cost = json.load(response)
            print(
                f"Session {cost['sessionId']} has cost ${cost['costSoFarUsd']:,.2f} so far, "
                f"at ${cost['hourlyUsd']:,.2f} an hour (as of {cost['asOf']})."
            )
        except urllib.error.HTTPError as error:
            print(f"The portal answered {error.code} {error.reason} for {PORTAL_COST_URL}. The session's page in the portal shows its cost.")
        except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError) as error:
            print(f"Could not read the session's cost from {PORTAL_COST_URL}: {error}. The session's page in the portal shows its cost.")
        """");
}
