"""Run Dask work in the worker pool of the region that holds the data, and measure that it stayed there.

Public API (``from portal_dask import ...``)::

    # Pools (portal_dask.pools)
    pool_resource(region) -> "pool-us-east-1"
    pool_resources_argument(region, nthreads) -> "pool-us-east-1=4"       # dask worker --resources <this>
    in_region(region)                                                     # with-block: its tasks run in the pool
    keep_in_region(collection, region) -> collection                      # marks an existing graph's tasks
    compute_in_region(client, region, *collections) -> result or tuple   # the whole graph in the pool
    open_in_region(client, region, opener, *args, **kwargs) -> what opener opened, its tasks kept in the pool
    workers_in_pool(client, region) -> [worker address, ...]
    pools_of_workers(client) -> {worker address: region}
    check_pools(client, regions) -> {region: worker count}               # RuntimeError when one has none
    wait_for_pools(client, regions, timeout=120, poll=1.0) -> {region: worker count}
    PoolTimeoutError(RuntimeError)                                        # .pools, .counts
    keep_annotations()                                                    # turns Dask's low-level fusion off

    # Data: ERA5 in era5-pds (portal_dask.era5) or nsf-ncar-era5 (portal_dask.ncar_era5), either (portal_dask.reanalysis)
    era5_files(fsx_path, variable, start, end) -> [".../YYYY/MM/data/<variable>.nc", ...]
    ncar_era5_files(fsx_path, variable, start, end) -> [".../e5.oper.an.sfc/YYYYMM/e5.oper.an.sfc.128_167_2t.ll025sc...nc"]
    ncar_era5_parameter(variable) -> NcarParameter(code, name)          # NcarEra5VariableError: kept elsewhere
    choose_reanalysis(dataset_paths, variable) -> (dataset id, why)      # both selected: nsf-ncar-era5
    reanalysis_files(entry, variable, start, end) -> [monthly files]; reanalysis_variable(entry, variable) -> "VAR_2T"
    open_era5(client, region, files, chunks="auto") -> xarray.Dataset    # opened in the pool, reads routed there
    read_cmip6_catalogue(json_path) -> pandas.DataFrame
    search_cmip6(df, activity_ids=None, table_id=None, variable_ids=None, experiment_ids=None, **facets) -> DataFrame
    open_cmip6_stores(rows, s3_uri, fsx_path) -> {key: xarray.Dataset}    # {} when rows is empty
    open_cmip6_in_region(client, region, json_path, s3_uri, fsx_path, activity_ids=None, table_id=None,
                         variable_ids=None, experiment_ids=None, **facets) -> {key: xarray.Dataset}

    # Data: NEX-GDDP-CMIP6 (portal_dask.nex_gddp), CESM2-LENS (portal_dask.cesm2), the rest by path (portal_dask.by_path)
    nex_gddp_variables(variable_ids) -> ([ids it has], [sentences about the others])
    nex_gddp_scenarios(experiment, start, end) -> [("historical", 2010, 2014), ("ssp245", 2015, 2016)]
    nex_gddp_path(root, model, scenario, member, variable, year, grid_label="gn", version=None) -> path
    find_nex_gddp_files(root, variable, experiment, start, end, model=None) -> {"model", "members", "files"}
    open_nex_gddp_in_region(client, region, root, variables, experiment, start, end, model=None)
        -> {variable: (found, xarray.Dataset)}
    cesm2_variables(variable_ids) -> ({id: CESM names}, [sentences about ids with no equivalent])
    cesm2_experiments(start, end) -> [("historical", 2010, 2014), ("ssp370", 2015, 2016)]
    cesm2_store_path(root, experiment, forcing, variable) -> ".../atm/monthly/cesm2LE-ssp370-cmip6-TREFHT.zarr"
    open_cesm2_in_region(client, region, root, variable_ids, start, end, forcing="cmip6") -> {id: xarray.DataArray}
    by_path_datasets(dataset_paths) -> {id: entry}                       # layout "none"
    describe_by_path(client, dataset_paths) -> {id: where it is and how to open it}, listed in its pool

    # Locality (portal_dask.locality)
    LocalityPlugin, READ_KEY_PREFIXES, is_read_key(key)
    start_locality(client)                                                # installs LocalityPlugin (idempotent)
    measure_locality(client) -> {"pools": ..., "betweenPools": [...], "toClientBytes": n}
    report_locality(url, token, figure=None, client=None) -> bool        # POST to /api/v1/sessions/{id}/locality
    describe_locality(figure) -> "read 1.2 GB in us-east-1, ...; moved between regions: 0 B raw, 5.4 KB of results; ..."

    # Activity (portal_dask.activity)
    PortalActivity(url, token, every=60)                                  # scheduler plugin

    # The portal's API (portal_dask.client): launch and follow sessions from any Python (stdlib HTTP; distributed to connect)
    Session.launch(datasets, variable=None, start=None, end=None, *, data_type=None, ..., workers_per_region=None,
                   maximum_hours=None, name=None, url=None, token=None, wait=True, connect=True, timeout=900,
                   progress=None) -> Session, Ready, with .client a connected distributed.Client
    Session.get(id), Session.list(all=False), Session.estimate(...) / estimate(...) -> Estimate
    session.refresh(), .wait_until_ready(), .wait_until_stopped(), .client, .dashboard_link, .notebook_url(),
        .extend(hours=0), .retry(), .stop(wait=False), .close(); `with Session.launch(...) as s:` stops at the end
    Portal(url=None, token=None)                                          # PORTAL_URL / PORTAL_TOKEN, then the CLI's
                                                                          # ~/.config/portal/config.json
    PortalError (.status, .title, .detail, .errors), PortalConfigError, PortalConnectionError, PortalValidationError
    (400), PortalAuthError (401), PortalForbiddenError (403), PortalNotFoundError (404), PortalConflictError (409),
    PortalRateLimitError (429), SessionFailedError, SessionTimeoutError (.session)

    # Sample data: python3 -m portal_dask.sampledata --help, or portal_dask.sampledata.generate_era5 / generate_cmip6 /
    # generate_ncar_era5 / generate_nex_gddp / generate_cesm2

Every worker of a Portal session starts with ``--resources pool-<region>=<threads>`` and every pool task asks for 1,
so a worker runs as many pool tasks at once as it has threads, and raw bytes are read next to the data while only
reduced results cross regions::

    from portal_dask import era5_files, open_era5, in_region, start_locality, measure_locality, describe_locality

    start_locality(client)
    era5 = open_era5(client, "us-east-1", era5_files("/fsx/us-east-1/era5-pds", VARIABLE, START_DATE, END_DATE))
    with in_region("us-east-1"):
        mean = era5[VARIABLE].mean("time0")
    mean = mean.compute()
    print(describe_locality(measure_locality(client)))

Using the helpers turns Dask's low-level task fusion off in the notebook's process (``keep_annotations``): fusion
drops the annotations that route tasks to a pool. Workers and the scheduler need this module too (the Dask image and
the notebook lifecycle configuration install it). It imports dask, distributed, pandas and xarray only when used,
except distributed's plugin base classes.
"""

from .activity import PortalActivity
from .by_path import by_path_datasets, describe_by_path
from .cesm2 import cesm2_experiments, cesm2_store_path, cesm2_variables, open_cesm2_in_region
from .client import (
    Change,
    Estimate,
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
    Step,
    estimate,
)
from .cmip6 import open_cmip6_in_region, open_cmip6_stores, read_cmip6_catalogue, search_cmip6
from .era5 import era5_files, open_era5
from .ncar_era5 import NcarEra5VariableError, ncar_era5_files, ncar_era5_parameter
from .nex_gddp import (
    find_nex_gddp_files,
    nex_gddp_path,
    nex_gddp_scenarios,
    nex_gddp_variables,
    open_nex_gddp_in_region,
)
from .reanalysis import choose_reanalysis, reanalysis_files, reanalysis_variable
from .locality import (
    READ_KEY_PREFIXES,
    LocalityPlugin,
    describe_locality,
    is_read_key,
    measure_locality,
    report_locality,
    start_locality,
)
from .pools import (
    PoolTimeoutError,
    check_pools,
    compute_in_region,
    in_region,
    keep_annotations,
    keep_in_region,
    open_in_region,
    pool_resource,
    pool_resources_argument,
    pools_of_workers,
    wait_for_pools,
    workers_in_pool,
)

__all__ = [
    "pool_resource",
    "pool_resources_argument",
    "in_region",
    "keep_in_region",
    "compute_in_region",
    "open_in_region",
    "workers_in_pool",
    "pools_of_workers",
    "check_pools",
    "wait_for_pools",
    "PoolTimeoutError",
    "keep_annotations",
    "era5_files",
    "open_era5",
    "ncar_era5_files",
    "ncar_era5_parameter",
    "NcarEra5VariableError",
    "choose_reanalysis",
    "reanalysis_files",
    "reanalysis_variable",
    "nex_gddp_variables",
    "nex_gddp_scenarios",
    "nex_gddp_path",
    "find_nex_gddp_files",
    "open_nex_gddp_in_region",
    "cesm2_variables",
    "cesm2_experiments",
    "cesm2_store_path",
    "open_cesm2_in_region",
    "by_path_datasets",
    "describe_by_path",
    "read_cmip6_catalogue",
    "search_cmip6",
    "open_cmip6_stores",
    "open_cmip6_in_region",
    "LocalityPlugin",
    "READ_KEY_PREFIXES",
    "is_read_key",
    "start_locality",
    "measure_locality",
    "report_locality",
    "describe_locality",
    "PortalActivity",
    "Session",
    "Step",
    "Change",
    "Estimate",
    "estimate",
    "Portal",
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
