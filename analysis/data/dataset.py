"""The whole data set the app works on: three clean tables, the reference data and the load reports."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.data import contract
from analysis.data.loading import Problem, ValidationReport, load_table
from analysis.data.plausibility import plausible_range
from analysis.data.reference import Reference, load_reference
from analysis.data.schema import KINDS, Kind

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
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
    reports: dict[Kind, ValidationReport] = field(default_factory=dict)

    @property
    def first_date(self) -> date | None:
        """The first day of the data's plausible range (``analysis.data.plausibility``)."""
        found = self._plausible_range()
        return found[0] if found else None

    @property
    def last_date(self) -> date | None:
        """The last day of the data's plausible range: periods are counted back from here, and the
        freshness line names it. A patrol or complaint dated far after all the others (a mistyped year)
        is left out, so one bad row cannot move every page's default period."""
        found = self._plausible_range()
        return found[1] if found else None

    def _plausible_range(self) -> tuple[date, date] | None:
        ranges = [
            plausible_range(s.to_numpy())
            for s in (self.patrols["date"], self.complaints["received_at"])
            if len(s)
        ]
        found = [r for r in ranges if r is not None]
        if not found:
            return None
        return (
            pd.Timestamp(min(r[0] for r in found)).date(),
            pd.Timestamp(max(r[1] for r in found)).date(),
        )


def data_signature(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each data file: a cache key that changes when data changes."""
    signature = []
    for name in FILE_NAMES.values():
        path = data_dir / name
        if path.exists():
            stat = path.stat()
            signature.append((name, stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


CACHE_DIR_NAME = ".cache"
# Bump when the clean frame or the report changes shape, so old caches are not read.
CACHE_VERSION = 2


def _cache_paths(data_dir: Path, path: Path) -> tuple[Path, Path]:
    stat = path.stat()
    stem = f"{path.stem}-v{CACHE_VERSION}-{stat.st_size}-{stat.st_mtime_ns}"
    cache = data_dir / CACHE_DIR_NAME
    return cache / f"{stem}.parquet", cache / f"{stem}.report.json"


def _report_from_dict(payload: dict[str, Any]) -> ValidationReport:
    problems = [Problem(**problem) for problem in payload.pop("problems")]
    return ValidationReport(**payload, problems=problems)


def _write_cache(frame: pd.DataFrame, report: ValidationReport, parquet: Path, report_path: Path) -> None:
    """Write the clean frame and its report next to the data; a read-only folder just means no cache."""
    try:
        parquet.parent.mkdir(exist_ok=True)
        for old in parquet.parent.glob(f"{parquet.name.split('-v')[0]}-v*"):
            old.unlink(missing_ok=True)
        tmp = parquet.with_suffix(".tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, parquet)
        payload = report.to_dict()
        payload["problems"] = [{**p.to_dict(), "reason_en": p.reason_en} for p in report.problems]
        tmp = report_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, report_path)
    except OSError:
        pass


def load_table_cached(
    path: Path, kind: Kind, reference: Reference, data_dir: Path, officers: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, ValidationReport]:
    """``load_table`` for a data file, remembered as Parquet in ``data/.cache`` until the file changes.

    The warm start reads the clean frame (categories included) instead of parsing and validating the
    CSV again; the report comes back with it, so rejected rows are still reported. Either way the frame
    is checked against the clean-frame contract (``contract.validate_frame``, once per data version): a
    cached frame that breaks it (written by an older version, or changed by hand) is ignored and the
    file read again; a freshly read frame that breaks it raises ``contract.ContractError`` (a loader bug).
    """
    parquet, report_path = _cache_paths(data_dir, path)
    if officers is not None and kind == "patrols":  # empty NRPs are looked up by name in officers.csv
        officers_file = data_dir / FILE_NAMES["officers"]
        if officers_file.exists():
            stat = officers_file.stat()
            mark = f"-o{stat.st_size}-{stat.st_mtime_ns}"
            parquet = parquet.with_name(parquet.name.replace(".parquet", f"{mark}.parquet"))
            report_path = report_path.with_name(report_path.name.replace(".report", f"{mark}.report"))
    if parquet.exists() and report_path.exists():
        try:
            report = _report_from_dict(json.loads(report_path.read_text(encoding="utf-8")))
            return contract.validate_frame(pd.read_parquet(parquet), kind, reference), report
        except (OSError, ValueError, TypeError, KeyError):  # ContractError is a ValueError
            pass  # a damaged or outdated cache is ignored and rewritten
    frame, report = load_table(path, kind, reference, officers=officers)
    contract.validate_frame(frame, kind, reference)
    _write_cache(frame, report, parquet, report_path)
    return frame, report


def load_dataset(data_dir: Path, reference: Reference | None = None) -> Dataset:
    """Load and validate every data file in ``data_dir``; a missing file gives an empty table. Every
    frame holds to the clean-frame contract (``analysis.data.contract``); see ``load_table_cached``."""
    reference = reference or load_reference()
    frames: dict[Kind, pd.DataFrame] = {}
    reports = {}
    # officers first: a patrol leader's empty NRP is looked up by name among them
    for kind in sorted(FILE_NAMES, key=lambda k: k != "officers"):
        path = data_dir / FILE_NAMES[kind]
        if path.exists():
            officers = frames.get("officers") if kind == "patrols" else None
            frames[kind], reports[kind] = load_table_cached(path, kind, reference, data_dir, officers)
        else:
            frames[kind] = contract.empty_frame(kind, reference)
    reports = {kind: reports[kind] for kind in FILE_NAMES if kind in reports}
    return Dataset(
        patrols=frames["patrols"],
        complaints=frames["complaints"],
        officers=frames["officers"],
        reference=reference,
        data_dir=data_dir,
        reports=reports,
    )
