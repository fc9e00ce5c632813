"""The whole data set the app works on: three clean tables, the reference data and the load reports."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.reference import Reference, load_reference
from analysis.schema import KINDS, Kind

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FILE_NAMES: dict[Kind, str] = {kind: f"{kind}.csv" for kind in KINDS}


def data_dir_from_env() -> Path:
    """``DASHBOARD_DATA_DIR`` if set, else the bundled ``data/`` folder."""
    configured = os.environ.get("DASHBOARD_DATA_DIR")
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DATA_DIR


@dataclass(frozen=True)
class Dataset:
    """Immutable once built: the cache hands the same object to every session."""

    patrols: pd.DataFrame
    complaints: pd.DataFrame
    officers: pd.DataFrame
    reference: Reference
    data_dir: Path
    reports: dict = field(default_factory=dict)  # Kind -> analysis.loading.ValidationReport

    @property
    def first_date(self) -> date | None:
        firsts = [s.min() for s in (self.patrols["date"], self.complaints["received_at"]) if len(s)]
        return min(firsts).date() if firsts else None

    @property
    def last_date(self) -> date | None:
        """The latest day with a patrol or a complaint: periods are counted back from here."""
        lasts = [s.max() for s in (self.patrols["date"], self.complaints["received_at"]) if len(s)]
        return max(lasts).date() if lasts else None


def data_signature(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each data file: a cache key that changes when data changes."""
    signature = []
    for name in FILE_NAMES.values():
        path = data_dir / name
        if path.exists():
            stat = path.stat()
            signature.append((name, stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


def load_dataset(data_dir: Path, reference: Reference | None = None) -> Dataset:
    """Load and validate every data file in ``data_dir``; a missing file gives an empty table."""
    from analysis.loading import empty_frame, load_table

    reference = reference or load_reference()
    frames: dict[Kind, pd.DataFrame] = {}
    reports = {}
    for kind, name in FILE_NAMES.items():
        path = data_dir / name
        if path.exists():
            frames[kind], reports[kind] = load_table(path, kind, reference)
        else:
            frames[kind] = empty_frame(kind, reference)
    return Dataset(
        patrols=frames["patrols"],
        complaints=frames["complaints"],
        officers=frames["officers"],
        reference=reference,
        data_dir=data_dir,
        reports=reports,
    )
