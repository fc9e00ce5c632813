"""The whole data set the app works on: three clean tables, the reference data and the load reports."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.core import settings
from analysis.data import contract
from analysis.data.loading import load_table
from analysis.data.plausibility import plausible_range
from analysis.data.problems import Problem, UnreadableFile, ValidationReport
from analysis.data.reference import Reference, load_reference
from analysis.data.schema import KINDS, Kind

FILE_NAMES: dict[Kind, str] = {kind: f"{kind}.csv" for kind in KINDS}


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
        found = self._plausible_range
        return found[0] if found else None

    @property
    def last_date(self) -> date | None:
        """The last day of the data's plausible range: periods are counted back from here, and the
        freshness line names it. A patrol or complaint dated far after all the others (a mistyped year)
        is left out, so one bad row cannot move every page's default period."""
        found = self._plausible_range
        return found[1] if found else None

    @cached_property
    def _plausible_range(self) -> tuple[date, date] | None:
        """(first, last) plausible day of patrols and complaints together, computed once per Dataset.

        The frames never change after the Dataset is built (the cache hands the same object to every
        session), so the range is remembered: at a million rows each computation is a few NumPy passes
        over both date columns (~0.07 s), and every page asks for it several times per rerun.
        """
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
        tmp = parquet.with_name(f".{parquet.name}.{os.getpid()}.tmp")  # two processes never share one
        # one row group: read back whole, every column comes in one chunk (``read_cached_frame``)
        frame.to_parquet(tmp, index=False, row_group_size=max(1, len(frame)))
        os.replace(tmp, parquet)
        payload = report.to_dict()
        payload["problems"] = [{**p.to_dict(), "reason_en": p.reason_en} for p in report.problems]
        tmp = report_path.with_name(f".{report_path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, report_path)
    except OSError:
        pass


def single_chunk(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every Arrow-backed column (the ``str`` columns) held in one contiguous chunk.

    A Parquet read or a CSV parse leaves each text column in several chunks (one per row group or block).
    Arrow's ``take`` on a chunked column first concatenates the chunks, so every filter of a million rows
    paid ~6 ms per text column for the copy; on one chunk the same take costs ~0.2 ms. The values,
    dtypes and index are unchanged; columns already in one chunk are left as they are (no copy).
    """
    replaced = {}
    for name in frame.columns:
        values = frame[name].array
        if not isinstance(values, pd.arrays.ArrowStringArray):
            continue
        chunks = values._pa_array
        if chunks.num_chunks > 1:
            replaced[name] = pd.Series(
                type(values)(pa.chunked_array([chunks.combine_chunks()]), dtype=values.dtype),
                index=frame.index,
                name=name,
            )
    if not replaced:
        return frame
    return frame.assign(**replaced)


def read_cached_frame(parquet: Path) -> pd.DataFrame:
    """The clean frame stored at ``parquet``, as ``pandas.read_parquet`` gives it, each column in one chunk.

    The file holds one row group; reading it whole (``ParquetFile.read``) gives every column in one chunk
    at once, where ``read_table`` split it into batches that ``single_chunk`` then had to copy together
    (≈ 100 MB more resident memory at a million rows, kept by Arrow's allocator). The conversion is
    pandas' own (the ``str`` and categorical columns as ``read_parquet`` makes them); where that
    helper is missing the frame is read with ``read_parquet`` and joined by ``single_chunk``.
    """
    try:
        from pandas.io._util import arrow_table_to_pandas
    except ImportError:  # another pandas: the public way
        return single_chunk(pd.read_parquet(parquet))
    return single_chunk(arrow_table_to_pandas(pq.ParquetFile(parquet).read()))


def load_table_cached(
    path: Path, kind: Kind, reference: Reference, data_dir: Path, officers: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, ValidationReport]:
    """``load_table`` for a data file, remembered as Parquet in ``data/.cache`` until the file changes.

    The warm start reads the clean frame (categories included) instead of parsing and validating the
    CSV again; the report comes back with it, so rejected rows are still reported. Either way the frame
    is checked against the clean-frame contract (``contract.validate_frame``): a freshly read frame in full
    before it is cached (a break raises ``contract.ContractError``: a loader bug); a cached frame for its
    columns and exact dtypes only (a cache written by an older version is ignored and the file read again).
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
            # values were checked in full when the cache was written; here only columns and dtypes
            frame = contract.validate_frame(read_cached_frame(parquet), kind, reference, depth="schema")
            return frame, report
        except (OSError, ValueError, TypeError, KeyError):  # ContractError is a ValueError
            pass  # a damaged or outdated cache is ignored and rewritten
    frame, report = load_table(path, kind, reference, officers=officers)
    contract.validate_frame(frame, kind, reference)
    _write_cache(frame, report, parquet, report_path)
    return single_chunk(frame), report


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


def officers_in_data_dir(
    kind: Kind, reference: Reference, data_dir: Path | None = None
) -> pd.DataFrame | None:
    """The data folder's officers (``DASHBOARD_DATA_DIR``), for a patrols file whose leaders' empty NRPs
    are looked up by name; None for other kinds or when there is no readable officers file."""
    path = (data_dir or settings.DATA_DIR.read()) / FILE_NAMES["officers"]
    if kind != "patrols" or not path.exists():
        return None
    try:
        return load_table(path, "officers", reference)[0]
    except UnreadableFile:
        return None
