"""The CESM2 Large Ensemble as NCAR keeps it in s3://ncar-cesm2-lens (us-west-2): one Zarr store per component,
frequency, experiment, forcing variant and CESM variable, every member of the ensemble in it (``member_id``)::

    <component>/<frequency>/cesm2LE-<experiment>-<forcing>-<variable>.zarr

for instance ``atm/monthly/cesm2LE-historical-cmip6-TREFHT.zarr``. Experiments: historical (1850-2014) and ssp370
(2015-2100), the only scenario LENS2 ran; forcing variants ``cmip6`` (CMIP6's biomass burning) and ``smbb`` (smoothed
biomass burning), 50 members each. Monthly atmosphere variables are CESM's (CAM) names, not CMIP6's: TREFHT is near-surface
air temperature, T and Z3 are on the model's 32 hybrid levels (``lev``, hPa, top first), precipitation is two rates
(PRECC convective, PRECL large-scale, m/s) and there is no PRECT. Sources: NCAR's intake-esm catalogue of the bucket
(github.com/NCAR/cesm2-le-aws, intake-catalogs/aws-cesm2-le.json and .csv: columns component, frequency, experiment,
forcing_variant, variable, path), the registry's entry (shared/reference/catalogue/open-data-registry/
ncar-cesm2-lens.yaml), and climepi's LENS2 reader (idm-oxford/climate-epidemics), which adds PRECC and PRECL.

CMIP6 variable ids are mapped to CESM names where one matches; ``cesm2_variables`` says clearly when none does (rsut:
the monthly stores hold net solar flux at the top, FSNTOA, not the outgoing flux; tauv: no wind stress is stored).
"""

import datetime

COMPONENT = "atm"
FREQUENCY = "monthly"
CESM2_FORCINGS = ("cmip6", "smbb")
CESM2_EXPERIMENTS = {"historical": (1850, 2014), "ssp370": (2015, 2100)}

CESM2_VARIABLES = {
    # CMIP6 variable_id: (CESM names whose sum it is, factor to CMIP6's units, CMIP6 units)
    "tas": (("TREFHT",), 1.0, "K"),
    "tasmax": (("TREFHTMX",), 1.0, "K"),
    "tasmin": (("TREFHTMN",), 1.0, "K"),
    "ts": (("TS",), 1.0, "K"),
    "ta": (("T",), 1.0, "K"),
    "zg": (("Z3",), 1.0, "m"),
    "ua": (("U",), 1.0, "m s-1"),
    "hus": (("Q",), 1.0, "1"),
    "psl": (("PSL",), 1.0, "Pa"),
    "prw": (("TMQ",), 1.0, "kg m-2"),
    "hfls": (("LHFLX",), 1.0, "W m-2"),
    "hfss": (("SHFLX",), 1.0, "W m-2"),
    "rlut": (("FLUT",), 1.0, "W m-2"),
    # PRECC + PRECL in m/s of liquid water; times 1000 kg m-3 gives CMIP6's kg m-2 s-1.
    "pr": (("PRECC", "PRECL"), 1000.0, "kg m-2 s-1"),
}

CESM2_NO_EQUIVALENT = {
    "rsut": "the monthly stores hold the net solar flux at the top of the atmosphere (FSNTOA), not the outgoing flux, "
            "and not the incoming flux that would give it",
    "tauv": "no surface wind stress (TAUY) is stored",
}


def cesm2_variables(variable_ids):
    """Splits CMIP6 variable ids into ``{id: CESM names}`` and sentences about those with no CESM2-LENS equivalent."""
    mapped, refused = {}, []
    for name in variable_ids:
        if name in CESM2_VARIABLES:
            mapped[name] = CESM2_VARIABLES[name][0]
        else:
            why = CESM2_NO_EQUIVALENT.get(name, "no monthly atmosphere store of CESM2-LENS matches it")
            refused.append(f"CESM2-LENS has no equivalent of {name}: {why}.")
    return mapped, refused


def cesm2_experiments(start, end):
    """``[(experiment, first year, last year)]`` covering ``start``..``end``: historical to 2014, ssp370 from 2015."""
    first, last = datetime.date.fromisoformat(start).year, datetime.date.fromisoformat(end).year
    if last < first:
        raise ValueError(f"the end {end} is before the start {start}")
    spans = [
        (experiment, max(first, low), min(last, high))
        for experiment, (low, high) in CESM2_EXPERIMENTS.items()
        if max(first, low) <= min(last, high)
    ]
    if not spans:
        raise ValueError(f"CESM2-LENS runs from 1850 to 2100: {start} to {end} is outside it")
    return spans


def cesm2_store_name(experiment, forcing, variable):
    """``cesm2LE-<experiment>-<forcing>-<variable>.zarr``."""
    if experiment not in CESM2_EXPERIMENTS:
        raise ValueError(f"{experiment!r} is not a CESM2-LENS experiment: {', '.join(CESM2_EXPERIMENTS)}")
    if forcing not in CESM2_FORCINGS:
        raise ValueError(f"{forcing!r} is not a CESM2-LENS forcing variant: {', '.join(CESM2_FORCINGS)}")
    return f"cesm2LE-{experiment}-{forcing}-{variable}.zarr"


def cesm2_store_path(root, experiment, forcing, variable, component=COMPONENT, frequency=FREQUENCY):
    """The path of one store under the dataset's root: ``<root>/atm/monthly/cesm2LE-...zarr``."""
    return "/".join([root.rstrip("/"), component, frequency, cesm2_store_name(experiment, forcing, variable)])


def open_cesm2(root, variable_id, start, end, forcing="cmip6"):
    """Opens ``variable_id`` (a CMIP6 id) for ``start``..``end`` from the mounted stores, as a DataArray named so.

    Runs where the stores are mounted. The experiments the dates need are joined along ``time``; the CESM variables of a
    sum are added and converted to CMIP6's units; a variable on levels keeps its lowest level (the largest ``lev``).
    """
    import xarray as xr

    if variable_id not in CESM2_VARIABLES:
        raise ValueError(cesm2_variables([variable_id])[1][0])
    names, factor, units = CESM2_VARIABLES[variable_id]
    parts = []
    for experiment, _, _ in cesm2_experiments(start, end):
        total = None
        for name in names:
            store = xr.open_zarr(cesm2_store_path(root, experiment, forcing, name), consolidated=True)
            total = store[name] if total is None else total + store[name]
        parts.append(total)
    data = parts[0] if len(parts) == 1 else xr.concat(parts, dim="time")
    if "lev" in data.dims:
        data = data.sel(lev=data["lev"].max())
    if factor != 1.0:
        data = data * factor
    data = data.sel(time=slice(start, end))
    data.name = variable_id
    data.attrs = {"units": units, "long_name": f"{variable_id} from CESM2-LENS {'+'.join(names)} ({forcing})"}
    return data


def _open_all(root, variable_ids, start, end, forcing):
    """Runs on a worker of the region's pool, where the stores are mounted."""
    return {name: open_cesm2(root, name, start, end, forcing) for name in variable_ids}


def open_cesm2_in_region(client, region, root, variable_ids, start, end, forcing="cmip6"):
    """Opens each variable (CMIP6 ids CESM2-LENS has) as one task in the region's pool; returns ``{id: DataArray}``.

    Only metadata reaches the notebook, and every task of the arrays asks for the region's pool.
    """
    from .pools import keep_in_region, pool_resource

    future = client.submit(_open_all, root, list(variable_ids), start, end, forcing,
                           resources={pool_resource(region): 1}, pure=False)
    return {name: keep_in_region(data, region) for name, data in future.result().items()}
