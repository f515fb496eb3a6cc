#!/usr/bin/env bash
# Debian's Python stack for the sandbox's real compute (a Dask scheduler, a worker group per region, Jupyter, the
# notebook run headless) and for portal_dask's tests. Debian packages only: nothing comes from PyPI.
# Installs into /usr/bin/python3 (Sandbox:Python). Run as root or with sudo; does nothing when all is there.
set -euo pipefail

packages=(python3-distributed python3-xarray python3-netcdf4 python3-zarr python3-pandas python3-matplotlib
          python3-notebook python3-nbclient python3-ipykernel python3-pytest)
modules="import distributed, xarray, netCDF4, zarr, pandas, matplotlib, notebook, nbclient, ipykernel, pytest"

if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "$modules" 2>/dev/null; then
    echo "Debian's Python stack is installed."
else
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}"
fi
/usr/bin/python3 -c "$modules; print('distributed', distributed.__version__, '· xarray', xarray.__version__, '· notebook', notebook.__version__)"
