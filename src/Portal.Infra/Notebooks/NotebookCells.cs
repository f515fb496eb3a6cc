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

        client = Client(SCHEDULER_ADDRESS)


        def workers_in_pool(pool):
            """Addresses of the connected workers that advertise the Dask resource `pool`."""
            try:
                info = client.scheduler_info(n_workers=-1)
            except TypeError:  # distributed before 2025.4 takes no n_workers and always lists every worker
                info = client.scheduler_info()
            return [address for address, worker in info["workers"].items() if worker.get("resources", {}).get(pool, 0) > 0]


        pools_without_workers = []
        for region, pool in POOLS.items():
            workers = workers_in_pool(pool)
            if workers:
                print(f"{region}: {len(workers)} of {WORKERS_PER_REGION} workers connected in {pool}.")
            else:
                pools_without_workers.append(pool)
                print(
                    f"{region}: no connected worker advertises {pool}, so nothing that reads {region} data can run yet. "
                    "Workers can take a minute or two to join: run this cell again shortly. "
                    "If it stays like this, look at the session's page in the portal."
                )

        client
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
