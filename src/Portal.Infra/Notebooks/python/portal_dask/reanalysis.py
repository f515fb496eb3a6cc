"""ERA5 from whichever copy a session selected: era5-pds (layout ``era5_pds``) or nsf-ncar-era5 (``nsf_ncar_era5``).

The notebook's parameters describe each selected dataset in ``DATASET_PATHS`` (region, paths, ``layout``, ``kind``,
``name``); these helpers pick the ERA5 copy to read, list its monthly files and name the variable inside them. They use
the standard library only.

When both copies are selected, nsf-ncar-era5 is read: the Open Data Registry marks era5-pds deprecated and names NSF
NCAR's copy as its successor (shared/reference/catalogue/open-data-registry/ecmwf-era5.yaml). The one exception is a
variable NCAR keeps outside its analysis-surface files (see ``ncar_era5``): then era5-pds is read, and the reason says so.
"""

from .era5 import era5_files
from .ncar_era5 import NCAR_ERA5_PARAMETERS, ncar_era5_files, ncar_era5_parameter

ERA5_PDS = "era5_pds"
NSF_NCAR_ERA5 = "nsf_ncar_era5"
REANALYSIS_LAYOUTS = (NSF_NCAR_ERA5, ERA5_PDS)
"""The layouts the built-in reanalysis reads, preferred first."""


def _describe(dataset_id, entry):
    return f"{entry.get('name', dataset_id)} ({dataset_id}, {entry['region']})"


def choose_reanalysis(dataset_paths, variable):
    """The id of the ERA5 copy to read in ``dataset_paths`` and a sentence saying why; ``LookupError`` when none.

    One copy selected: that one. Both: nsf-ncar-era5, unless it keeps ``variable`` outside its analysis-surface files
    and era5-pds is selected too.
    """
    by_layout = {}
    for dataset_id, entry in sorted(dataset_paths.items()):
        if entry.get("layout") in REANALYSIS_LAYOUTS:
            by_layout.setdefault(entry["layout"], dataset_id)
    if not by_layout:
        raise LookupError("No ERA5 dataset is selected: DATASET_PATHS has no dataset of layout era5_pds or nsf_ncar_era5.")
    if len(by_layout) == 1:
        dataset_id = next(iter(by_layout.values()))
        return dataset_id, f"Reading ERA5 from {_describe(dataset_id, dataset_paths[dataset_id])}, the ERA5 copy selected."
    ncar, pds = by_layout[NSF_NCAR_ERA5], by_layout[ERA5_PDS]
    if variable in NCAR_ERA5_PARAMETERS:
        return ncar, (
            f"Both ERA5 copies are selected: reading {_describe(ncar, dataset_paths[ncar])}, which the registry names as "
            f"the successor of the deprecated {pds}; {_describe(pds, dataset_paths[pds])} is not read."
        )
    return pds, (
        f"Both ERA5 copies are selected: reading {_describe(pds, dataset_paths[pds])}, because {ncar} keeps {variable} "
        f"outside its analysis-surface files; {ncar} is not read."
    )


def reanalysis_files(entry, variable, start, end):
    """The monthly files of ``variable`` (an era5-pds name) from the month of ``start`` to that of ``end``, as mounted.

    ``NcarEra5VariableError`` (a ValueError) explains a variable nsf-ncar-era5 keeps elsewhere.
    """
    layout = entry.get("layout")
    if layout == ERA5_PDS:
        return era5_files(entry["fsx_path"], variable, start, end)
    if layout == NSF_NCAR_ERA5:
        return ncar_era5_files(entry["fsx_path"], variable, start, end)
    raise ValueError(f"layout {layout!r} is not an ERA5 layout ({', '.join(REANALYSIS_LAYOUTS)})")


def reanalysis_variable(entry, variable):
    """The name of ``variable`` (an era5-pds name) inside the dataset's files: itself in era5-pds, ``VAR_2T``… at NCAR."""
    if entry.get("layout") == NSF_NCAR_ERA5:
        return ncar_era5_parameter(variable).name
    return variable
