"""NEX-GDDP-CMIP6 as NASA keeps it in s3://nex-gddp-cmip6/NEX-GDDP-CMIP6 (us-west-2): daily 0.25 degree downscaled
CMIP6 projections, one netCDF file per model, scenario, member, variable and year::

    <model>/<scenario>/<member>/<variable>/<variable>_day_<model>_<scenario>_<member>_<grid label>_<year>[_v<n>.<m>].nc

for instance ``ACCESS-CM2/ssp245/r1i1p1f1/tas/tas_day_ACCESS-CM2_ssp245_r1i1p1f1_gn_2015.nc``. Files NASA reissued
carry a version after the year (``_v1.1``, ``_v2.0``) beside or instead of the first issue; the grid label is the
model's (``gn`` for most, ``gr`` or ``gr1`` for some) and the member too (``r1i1p1f1`` for most, ``r1i1p1f2``,
``r4i1p1f1``… for others). Scenarios: historical (1950-2014) and ssp126, ssp245, ssp370, ssp585 (2015-2100), not every
model having every one. Variables: hurs, huss, pr, rlds, rsds, sfcWind, tas, tasmax, tasmin, on ``time``, ``lat`` and
``lon``. Sources: the registry's entry (shared/reference/catalogue/open-data-registry/nex-gddp-cmip6.yaml), NASA's
technical note (doi:10.7917/OFSG3345), Earth Engine's NASA/GDDP-CMIP6 catalogue page (variables, units, models) and
code that reads the bucket (VirtualiZarr's documentation opens ``.../tasmax_day_ACCESS-CM2_ssp126_r1i1p1f1_gn_2015_v2.0.nc``).

Because members, grid labels and versions differ by model, the files are found by listing the mounted folders (where
they are mounted: in the region's pool), not guessed.
"""

import datetime
import os
import re

NEX_GDDP_VARIABLES = {
    # variable: (long name, units), as Earth Engine's NASA/GDDP-CMIP6 page and the files' attributes give them.
    "hurs": ("Near-Surface Relative Humidity", "%"),
    "huss": ("Near-Surface Specific Humidity", "1"),
    "pr": ("Precipitation", "kg m-2 s-1"),
    "rlds": ("Surface Downwelling Longwave Radiation", "W m-2"),
    "rsds": ("Surface Downwelling Shortwave Radiation", "W m-2"),
    "sfcWind": ("Daily-Mean Near-Surface Wind Speed", "m s-1"),
    "tas": ("Daily Near-Surface Air Temperature", "K"),
    "tasmax": ("Daily Maximum Near-Surface Air Temperature", "K"),
    "tasmin": ("Daily Minimum Near-Surface Air Temperature", "K"),
}

NEX_GDDP_SCENARIOS = {"historical": (1950, 2014), "ssp126": (2015, 2100), "ssp245": (2015, 2100),
                      "ssp370": (2015, 2100), "ssp585": (2015, 2100)}


def nex_gddp_variables(variable_ids):
    """Splits CMIP6 variable ids into those NEX-GDDP-CMIP6 has and sentences about those it has not."""
    found = [name for name in variable_ids if name in NEX_GDDP_VARIABLES]
    missing = [
        f"NEX-GDDP-CMIP6 has no {name}: its variables are {', '.join(NEX_GDDP_VARIABLES)}."
        for name in variable_ids if name not in NEX_GDDP_VARIABLES
    ]
    return found, missing


def nex_gddp_scenarios(experiment, start, end):
    """``[(scenario, first year, last year)]`` covering ``start``..``end``: historical to 2014, ``experiment`` from 2015."""
    if experiment not in NEX_GDDP_SCENARIOS or experiment == "historical":
        raise ValueError(f"{experiment!r} is not a NEX-GDDP-CMIP6 scenario: choose one of ssp126, ssp245, ssp370, ssp585")
    first, last = datetime.date.fromisoformat(start).year, datetime.date.fromisoformat(end).year
    if last < first:
        raise ValueError(f"the end {end} is before the start {start}")
    spans = []
    for scenario in ("historical", experiment):
        low, high = NEX_GDDP_SCENARIOS[scenario]
        if max(first, low) <= min(last, high):
            spans.append((scenario, max(first, low), min(last, high)))
    if not spans:
        raise ValueError(f"NEX-GDDP-CMIP6 runs from 1950 to 2100: {start} to {end} is outside it")
    return spans


def nex_gddp_file_name(variable, model, scenario, member, year, grid_label="gn", version=None):
    """``<variable>_day_<model>_<scenario>_<member>_<grid label>_<year>[_v<version>].nc``."""
    suffix = f"_v{version}" if version else ""
    return f"{variable}_day_{model}_{scenario}_{member}_{grid_label}_{year}{suffix}.nc"


def nex_gddp_path(root, model, scenario, member, variable, year, grid_label="gn", version=None):
    """The path of one file under the dataset's root (``.../NEX-GDDP-CMIP6``)."""
    name = nex_gddp_file_name(variable, model, scenario, member, year, grid_label, version)
    return "/".join([root.rstrip("/"), model, scenario, member, variable, name])


def _listdir(path):
    try:
        return sorted(name for name in os.listdir(path) if not name.startswith("."))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _newest_by_year(folder, variable, model, scenario, member):
    """``{year: file name}`` in a variable's folder, the newest version of each year (no version counts as oldest)."""
    pattern = re.compile(
        rf"^{re.escape(variable)}_day_{re.escape(model)}_{re.escape(scenario)}_{re.escape(member)}_"
        r"(?P<grid>[A-Za-z0-9]+)_(?P<year>\d{4})(?:_v(?P<version>\d+(?:\.\d+)*))?\.nc$"
    )
    newest = {}
    for name in _listdir(folder):
        match = pattern.match(name)
        if match:
            version = tuple(int(part) for part in (match["version"] or "0").split("."))
            year = int(match["year"])
            if year not in newest or version > newest[year][0]:
                newest[year] = (version, name)
    return {year: name for year, (_, name) in newest.items()}


def _model_files(root, model, variable, spans):
    """The files of one model for the spans, with its member per scenario; None when a year is missing."""
    files, members = [], {}
    for scenario, first, last in spans:
        for member in _listdir(os.path.join(root, model, scenario)):
            folder = os.path.join(root, model, scenario, member, variable)
            by_year = _newest_by_year(folder, variable, model, scenario, member)
            if all(year in by_year for year in range(first, last + 1)):
                members[scenario] = member
                files += [os.path.join(folder, by_year[year]) for year in range(first, last + 1)]
                break
        else:
            return None
    return {"model": model, "members": members, "files": files}


def find_nex_gddp_files(root, variable, experiment, start, end, model=None):
    """Finds the yearly files of ``variable`` for ``start``..``end`` under the mounted root, where it is mounted.

    Returns ``{"variable", "model", "members": {scenario: member}, "files": [...]}`` for ``model``, or for the first model
    by name that has every year for every scenario the dates need (historical to 2014, ``experiment`` after). Raises
    ``LookupError`` naming what is missing.
    """
    if variable not in NEX_GDDP_VARIABLES:
        raise ValueError(nex_gddp_variables([variable])[1][0])
    spans = nex_gddp_scenarios(experiment, start, end)
    models = [model] if model else _listdir(root)
    for candidate in models:
        found = _model_files(root, candidate, variable, spans)
        if found:
            return dict(found, variable=variable)
    wanted = ", ".join(f"{scenario} {first}-{last}" for scenario, first, last in spans)
    which = f"model {model}" if model else f"any of the {len(models)} models"
    raise LookupError(f"NEX-GDDP-CMIP6 under {root} has no {variable} of {which} for every year of {wanted}.")


def _find_and_open(root, variables, experiment, start, end, model, chunks):
    """Runs on a worker of the region's pool, where the files are mounted: finds and opens each variable's files."""
    import xarray as xr

    opened = {}
    for variable in variables:
        found = find_nex_gddp_files(root, variable, experiment, start, end, model)
        # One file after another: netCDF4 is not thread-safe when several threads open files (see era5._open_files).
        dataset = xr.open_mfdataset(found["files"], combine="by_coords", parallel=False, chunks=chunks)
        opened[variable] = (found, dataset)
    return opened


def open_nex_gddp_in_region(client, region, root, variables, experiment, start, end, model=None, chunks="auto"):
    """Finds and opens the files of each variable as one task in the region's pool; returns ``{variable: (found, Dataset)}``.

    ``found`` says which model, members and files were read. Only metadata reaches the notebook, and every task of the
    datasets asks for the region's pool. ``LookupError`` says what is missing.
    """
    from .pools import keep_in_region, pool_resource

    future = client.submit(_find_and_open, root, list(variables), experiment, start, end, model, chunks,
                           resources={pool_resource(region): 1}, pure=False)
    return {name: (found, keep_in_region(dataset, region)) for name, (found, dataset) in future.result().items()}
