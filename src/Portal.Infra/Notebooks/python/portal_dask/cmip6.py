"""CMIP6 as cmip6-pds stores it, searched with pandas alone: what intake-esm does underneath, without intake-esm.

cmip6-pds follows Pangeo's catalogue layout: its root holds ``pangeo-cmip6.json``, an intake-esm "ESM collection"
(esmcat 0.1.0) whose ``catalog_file`` names a CSV with one row per consolidated Zarr store, and whose
``assets.column_name`` (``zstore``) holds the store's URI, ``s3://cmip6-pds/CMIP6/<activity_id>/...``. The columns
are pangeo-cmip6's: activity_id, institution_id, source_id, experiment_id, member_id, table_id, variable_id,
grid_label, zstore, dcpp_init_year, version (shared/reference/catalogue/intake_esm_samples/pangeo-cmip6-aws-style-
sample.csv). Stores that share ``aggregation_control.groupby_attrs`` form one dataset keyed like intake-esm's
``activity_id.institution_id.source_id.experiment_id.table_id.grid_label``: members joined along a new
``member_id`` dimension, variables merged.
"""

import json
import os

GROUPBY_ATTRS = ("activity_id", "institution_id", "source_id", "experiment_id", "table_id", "grid_label")
"""The key of a dataset when the catalogue names none (pangeo-cmip6.json's aggregation_control.groupby_attrs)."""


def read_cmip6_catalogue(json_path):
    """Reads an intake-esm collection JSON and the CSV its ``catalog_file`` names; returns the CSV as a DataFrame.

    The CSV is looked for in the JSON's folder first (by its relative path, then by its file name, since cmip6-pds's
    JSON names it by URL) and otherwise read as given. The JSON itself is kept in ``df.attrs["esmcat"]``.
    """
    import pandas as pd

    with open(json_path, encoding="utf-8") as file:
        esmcat = json.load(file)
    catalog_file = esmcat.get("catalog_file")
    if not catalog_file:
        raise ValueError(f"{json_path} names no catalog_file")
    folder = os.path.dirname(os.path.abspath(json_path))
    candidates = [os.path.join(folder, os.path.basename(catalog_file))]
    if "://" not in catalog_file and not os.path.isabs(catalog_file):
        candidates.insert(0, os.path.join(folder, catalog_file))
    table = next((path for path in candidates if os.path.exists(path)), catalog_file)
    # Read every column as text: "20190726" is a version, not a number, and an empty dcpp_init_year stays empty.
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    frame.attrs["esmcat"] = esmcat
    return frame


def _as_list(value):
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def search_cmip6(df, activity_ids=None, table_id=None, variable_ids=None, experiment_ids=None, **facets):
    """The rows whose facets match: each argument a value or a list of values, None for any.

    Other columns can be matched by name (``member_id="r1i1p1f1"``). An empty result is a DataFrame with no rows:
    test ``found.empty`` and say so.
    """
    wanted = dict(facets)
    wanted.update(activity_id=activity_ids, table_id=table_id, variable_id=variable_ids, experiment_id=experiment_ids)
    mask = None
    for column, values in wanted.items():
        values = _as_list(values)
        if values is None:
            continue
        if column not in df.columns:
            raise KeyError(f"the catalogue has no column {column!r}")
        matches = df[column].isin([str(value) for value in values])
        mask = matches if mask is None else mask & matches
    found = df if mask is None else df[mask]
    found = found.reset_index(drop=True)
    found.attrs = dict(df.attrs)
    return found


def _local_path(uri, s3_uri, fsx_path):
    prefix = s3_uri.rstrip("/") + "/"
    if not uri.startswith(prefix):
        raise ValueError(f"the store {uri} is not in {s3_uri}, which is mounted at {fsx_path}")
    return fsx_path.rstrip("/") + "/" + uri[len(prefix) :].rstrip("/")


def open_cmip6_stores(rows, s3_uri, fsx_path):
    """Opens the stores of the rows lazily through the local mount; returns ``{key: Dataset}`` (empty for no rows).

    ``s3://cmip6-pds/CMIP6/...`` becomes ``<fsx_path>/CMIP6/...`` and opens with ``xarray.open_zarr(path,
    consolidated=True)``. As in intake-esm, every dataset gains a ``member_id`` dimension (and ``dcpp_init_year`` when
    the rows have one), and the variables of a key are merged.
    """
    import pandas as pd
    import xarray as xr

    if len(rows) == 0:
        return {}
    esmcat = rows.attrs.get("esmcat") or {}
    column = (esmcat.get("assets") or {}).get("column_name") or "zstore"
    groupby = list((esmcat.get("aggregation_control") or {}).get("groupby_attrs") or GROUPBY_ATTRS)
    datasets = {}
    for group, stores in rows.groupby(groupby, sort=True):
        group = group if isinstance(group, tuple) else (group,)
        key = ".".join(str(part) for part in group)
        by_variable = []
        for _, by_member in stores.groupby("variable_id", sort=True):
            opened = []
            for _, row in by_member.sort_values(["member_id"]).iterrows():
                dataset = xr.open_zarr(_local_path(row[column], s3_uri, fsx_path), consolidated=True)
                if str(row.get("dcpp_init_year", "") or "").strip():
                    dataset = dataset.expand_dims(dcpp_init_year=[float(row["dcpp_init_year"])])
                opened.append(dataset)
            members = pd.Index(list(by_member.sort_values(["member_id"])["member_id"]), name="member_id")
            by_variable.append(xr.concat(opened, dim=members, coords="minimal", compat="override"))
        datasets[key] = by_variable[0] if len(by_variable) == 1 else xr.merge(by_variable, compat="override")
    return datasets


def _search_and_open(json_path, s3_uri, fsx_path, facets):
    """Runs on a worker of the region's pool, where the catalogue and the stores are mounted."""
    return open_cmip6_stores(search_cmip6(read_cmip6_catalogue(json_path), **facets), s3_uri, fsx_path)


def open_cmip6_in_region(client, region, json_path, s3_uri, fsx_path, activity_ids=None, table_id=None,
                         variable_ids=None, experiment_ids=None, **facets):
    """Searches the catalogue and opens the matching stores as one task in the region's pool; returns ``{key: Dataset}``.

    The catalogue and the stores are mounted only in that region; only the datasets' metadata reaches the notebook,
    and every task of the returned datasets asks for the region's pool. An empty dict means no store matched.
    """
    from .pools import keep_in_region, pool_resource

    facets = dict(facets, activity_ids=activity_ids, table_id=table_id, variable_ids=variable_ids,
                  experiment_ids=experiment_ids)
    future = client.submit(_search_and_open, json_path, s3_uri, fsx_path, facets,
                           resources={pool_resource(region): 1}, pure=False)
    return {key: keep_in_region(dataset, region) for key, dataset in future.result().items()}
