"""ERA5 as NSF NCAR keeps it in nsf-ncar-era5 (us-west-2): RDA dataset ds633.0 (doi:10.5065/BH6N-5N20), one
CF-compliant netCDF-4 file per parameter and month for the surface analyses::

    e5.oper.an.sfc/<YYYYMM>/e5.oper.an.sfc.<table>_<number>_<short name>.ll025sc.<YYYYMM>0100_<YYYYMM><last day>23.nc

for instance ``e5.oper.an.sfc/202201/e5.oper.an.sfc.128_167_2t.ll025sc.2022010100_2022013123.nc``, hourly, with the
dimensions ``time``, ``latitude`` (90 to -90) and ``longitude`` (0 to 359.75), and the parameter in upper case, prefixed
``VAR_`` when its short name starts with a digit (2t is ``VAR_2T``). Sources: the registry's entry
(shared/reference/catalogue/open-data-registry/nsf-ncar-era5.yaml); NCAR's RDA download scripts for ds633.0 and code
that reads the bucket (for instance ``wget https://data.rda.ucar.edu/ds633.0/e5.oper.an.sfc/<YYYYMM>/
e5.oper.an.sfc.228_246_100u.ll025sc...``, and readers naming ``VAR_2T``, ``VAR_100U``, ``SSTK``, ``RSN``, ``SD``).

The portal's form offers era5-pds's variables (src/Portal.Domain/Datasets/Era5Variables.cs); most have an
analysis-surface file here. Those that do not are refused with where NCAR keeps them instead: the 2 m maximum and
minimum temperatures and precipitation are forecast fields (``e5.oper.fc.sfc.minmax`` and ``e5.oper.fc.sfc.accumu``:
half-monthly files by forecast initial time and forecast hour, which the built-in analysis does not read), and the
ocean-wave parameters are not in the analysis-surface stream.
"""

import calendar
import collections

from .era5 import _months

STREAM = "e5.oper.an.sfc"
GRID = "ll025sc"

NcarParameter = collections.namedtuple("NcarParameter", "code name")
"""A parameter of ``e5.oper.an.sfc``: the ``<table>_<number>_<short name>`` in the file name, the variable inside."""

NCAR_ERA5_PARAMETERS = {
    # era5-pds variable: its e5.oper.an.sfc parameter (ECMWF GRIB table 128, or 228 for the 100 m winds).
    "air_temperature_at_2_metres": NcarParameter("128_167_2t", "VAR_2T"),
    "dew_point_temperature_at_2_metres": NcarParameter("128_168_2d", "VAR_2D"),
    "sea_surface_temperature": NcarParameter("128_034_sstk", "SSTK"),
    "eastward_wind_at_10_metres": NcarParameter("128_165_10u", "VAR_10U"),
    "northward_wind_at_10_metres": NcarParameter("128_166_10v", "VAR_10V"),
    "eastward_wind_at_100_metres": NcarParameter("228_246_100u", "VAR_100U"),
    "northward_wind_at_100_metres": NcarParameter("228_247_100v", "VAR_100V"),
    "snow_density": NcarParameter("128_033_rsn", "RSN"),
    "lwe_thickness_of_surface_snow_amount": NcarParameter("128_141_sd", "SD"),
    "air_pressure_at_mean_sea_level": NcarParameter("128_151_msl", "MSL"),
    "surface_air_pressure": NcarParameter("128_134_sp", "SP"),
}

_FORECAST = (
    "a forecast field: NCAR keeps it in {stream} ({codes}), half-monthly files indexed by forecast initial time and "
    "forecast hour, which the built-in analysis does not read"
)
_WAVES = "an ocean-wave parameter (ECMWF table 140), which NCAR does not keep in e5.oper.an.sfc"

NCAR_ERA5_ELSEWHERE = {
    "air_temperature_at_2_metres_1hour_Maximum": _FORECAST.format(stream="e5.oper.fc.sfc.minmax", codes="128_201_mx2t, MX2T"),
    "air_temperature_at_2_metres_1hour_Minimum": _FORECAST.format(stream="e5.oper.fc.sfc.minmax", codes="128_202_mn2t, MN2T"),
    "precipitation_amount_1hour_Accumulation": _FORECAST.format(
        stream="e5.oper.fc.sfc.accumu", codes="large-scale 128_142_lsp and convective 128_143_cp"
    ),
    "sea_surface_wave_mean_period": _WAVES,
    "sea_surface_wind_wave_from_direction": _WAVES,
    "significant_height_of_wind_and_swell_waves": _WAVES,
}


class NcarEra5VariableError(ValueError):
    """A variable that nsf-ncar-era5 has no analysis-surface file of; the message says where NCAR keeps it."""


def ncar_era5_parameter(variable):
    """The ``NcarParameter`` of an era5-pds variable; ``NcarEra5VariableError`` says why there is none."""
    if variable in NCAR_ERA5_PARAMETERS:
        return NCAR_ERA5_PARAMETERS[variable]
    if variable in NCAR_ERA5_ELSEWHERE:
        raise NcarEra5VariableError(
            f"nsf-ncar-era5 has no {STREAM} file of {variable}: it is {NCAR_ERA5_ELSEWHERE[variable]}. "
            "Select ERA5 reanalysis (era5-pds) for it, or open those files from DATASET_PATHS yourself."
        )
    raise NcarEra5VariableError(f"{variable!r} is not an ERA5 variable the portal offers")


def ncar_era5_file_name(code, month):
    """``e5.oper.an.sfc.<code>.ll025sc.<YYYYMM>0100_<YYYYMM><last day>23.nc`` for the month of the date ``month``."""
    last_day = calendar.monthrange(month.year, month.month)[1]
    return f"{STREAM}.{code}.{GRID}.{month:%Y%m}0100_{month:%Y%m}{last_day:02d}23.nc"


def ncar_era5_files(fsx_path, variable, start, end):
    """The paths of the monthly files of ``variable`` (an era5-pds name) from the month of ``start`` to that of ``end``.

    ``ncar_era5_files("/fsx/us-west-2/nsf-ncar-era5", "air_temperature_at_2_metres", "2022-01-15", "2022-02-01")`` is
    ``[".../e5.oper.an.sfc/202201/e5.oper.an.sfc.128_167_2t.ll025sc.2022010100_2022013123.nc",
    ".../e5.oper.an.sfc/202202/e5.oper.an.sfc.128_167_2t.ll025sc.2022020100_2022022823.nc"]``.
    """
    code = ncar_era5_parameter(variable).code
    root = fsx_path.rstrip("/")
    return [f"{root}/{STREAM}/{month:%Y%m}/{ncar_era5_file_name(code, month)}" for month in _months(start, end)]
