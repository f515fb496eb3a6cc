"""Starts one region's pool of Dask workers in the sandbox: first its sample data, then the workers.

    python3 -m portal_sandbox.pool <request.json> -- <dask worker arguments>

The request (written by the portal) names the data root, the region and, per dataset of that region, what the session
reads. The sample data is made once, from a fixed seed, laid out like the region's FSx mount; then this process becomes
`dask worker` (exec), so the portal's process id is the workers' own.
"""

import json
import os
import sys


def prepare(request):
    """Makes the sample data the request names (nothing when it is already there), one generator per layout."""
    from portal_dask import sampledata
    from portal_dask.ncar_era5 import NcarEra5VariableError

    root, region = request["root"], request["region"]
    for dataset in request["datasets"]:
        kind, folder = dataset["kind"], dataset["folder"]
        start, end, variables = dataset["start"], dataset["end"], dataset["variables"]
        if kind == "era5_pds":
            sampledata.generate_era5(root, variables, start, end, region=region, dataset=folder)
        elif kind == "nsf_ncar_era5":
            try:
                sampledata.generate_ncar_era5(root, variables, start, end, region=region, dataset=folder)
            except NcarEra5VariableError as error:  # the notebook says the same and reads era5-pds, or stops
                print(f"No sample for {folder}: {error}", flush=True)
        elif kind == "cmip6_zarr":
            # As the notebook searches: the chosen experiment, and historical when the CMIP activity is asked for.
            experiments = [dataset["experiment"]]
            if "CMIP" in dataset["activityIds"] and "historical" not in experiments:
                experiments.append("historical")
            known = [name for name in variables if name in sampledata.CMIP6_VARIABLES]
            sampledata.generate_cmip6(root, variables=known or ["tas"], experiments=experiments, region=region, dataset=folder)
        elif kind == "nex_gddp_cmip6":
            # The variables NEX-GDDP-CMIP6 has (the notebook says which it has not), for the years of the dates.
            known = [name for name in variables if name in sampledata.NEX_GDDP_VARIABLES]
            if known:
                sampledata.generate_nex_gddp(root, known, dataset["experiment"], start, end, region=region, dataset=folder)
        elif kind == "cesm2_lens":
            # The CESM variables behind the CMIP6 ids that have one, for the experiments the dates need.
            sampledata.generate_cesm2(root, variables, start, end, region=region, dataset=folder)


def main(argv):
    if len(argv) < 3 or argv[2] != "--":
        print("usage: python3 -m portal_sandbox.pool <request.json> -- <dask worker arguments>", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as file:
        request = json.load(file)
    prepare(request)
    print(f"Sample data ready under {request['root']}/{request['region']}; starting the workers.", flush=True)
    os.execv(sys.executable, [sys.executable, "-m", "distributed.cli.dask_worker", *argv[3:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
