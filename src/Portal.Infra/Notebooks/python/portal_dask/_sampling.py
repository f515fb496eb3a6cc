"""What every sample generator shares: the seed, the report of what was written, and writing atomically.

The generators (``sampledata`` for era5-pds and cmip6-pds, ``sample_ncar_era5``, ``sample_nex_gddp``, ``sample_cesm2``)
write synthetic values only; this module holds no layout.
"""

import dataclasses
import hashlib
import os
import shutil
import time
import uuid

SEED = 20261207
"""The fixed seed every field's noise derives from (with the file's identity: variable, month, experiment, member)."""

_TEMP = ".sampledata-tmp"
_STALE_SECONDS = 3600


@dataclasses.dataclass
class Generated:
    """What a generation found: the dataset's folder, and the files or stores it wrote and those already present."""

    folder: str
    written: list = dataclasses.field(default_factory=list)
    present: list = dataclasses.field(default_factory=list)
    catalogue: str = None

    def to_dict(self):
        return dataclasses.asdict(self)


def _known(values, known, what):
    """``values`` (a name or a list) as a list, each one of ``known``; a ValueError names the unknown ones and the choices."""
    values = [values] if isinstance(values, str) else list(values)
    unknown = [name for name in values if name not in known]
    if unknown or not values:
        raise ValueError(f"unknown {what} {unknown}: choose from {', '.join(known)}")
    return values


def _rng(*identity):
    import numpy as np

    digest = hashlib.sha256("/".join(str(part) for part in (SEED, *identity)).encode("utf-8")).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


class _Writer:
    """Writes into ``<folder>/.sampledata-tmp`` and renames into place; creates that folder only when it writes."""

    def __init__(self, folder):
        self.folder = folder
        self.temp = os.path.join(folder, _TEMP)
        self._clear_stale()

    def _clear_stale(self):
        if not os.path.isdir(self.temp):
            return
        now = time.time()
        for name in os.listdir(self.temp):
            path = os.path.join(self.temp, name)
            try:
                if now - os.path.getmtime(path) > _STALE_SECONDS:  # younger ones may be another run's, still writing
                    shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
            except OSError:
                pass

    def temp_path(self, name):
        os.makedirs(self.temp, exist_ok=True)
        return os.path.join(self.temp, f"{uuid.uuid4().hex}-{name}")

    @staticmethod
    def place_file(temp, final):
        os.makedirs(os.path.dirname(final), exist_ok=True)
        os.replace(temp, final)

    @staticmethod
    def place_folder(temp, final):
        os.makedirs(os.path.dirname(final), exist_ok=True)
        try:
            os.rename(temp, final)
            return True
        except OSError:
            if os.path.isdir(final):  # another run placed the same store first: its bytes are the same
                shutil.rmtree(temp, ignore_errors=True)
                return False
            raise

    def write_if_changed(self, final, content):
        """Writes ``content`` (bytes) to ``final`` unless it already holds exactly that; True when it wrote."""
        try:
            with open(final, "rb") as file:
                if file.read() == content:
                    return False
        except FileNotFoundError:
            pass
        temp = self.temp_path(os.path.basename(final))
        with open(temp, "wb") as file:
            file.write(content)
        self.place_file(temp, final)
        return True

    def close(self):
        try:
            os.rmdir(self.temp)  # only when empty: another run may be writing there
        except OSError:
            pass
