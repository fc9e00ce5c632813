"""The whole data set the app works on: three clean tables, the reference data and the load reports."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import types
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

from analysis.core import settings
from analysis.data import contract, plausibility, worker
from analysis.data.loading import load_table
from analysis.data.plausibility import plausible_range
from analysis.data.problems import Problem, UnreadableFile, ValidationReport
from analysis.data.reference import Reference, load_reference
from analysis.data.schema import KINDS, Kind

FILE_NAMES: dict[Kind, str] = {kind: f"{kind}.csv" for kind in KINDS}
# The date column whose plausible range (``analysis.data.plausibility``) bounds every page's periods.
DATE_COLUMNS: dict[Kind, str] = {"patrols": "date", "complaints": "received_at"}

DateRange = tuple[np.datetime64, np.datetime64]


@dataclass(frozen=True)
class Dataset:
    """Immutable once built: the cache hands the same object to every session."""

    patrols: pd.DataFrame
    complaints: pd.DataFrame
    officers: pd.DataFrame
    reference: Reference
    data_dir: Path
    reports: dict[Kind, ValidationReport] = field(default_factory=dict)
    # Per kind, the path of its cache without suffix (``data/.cache/patrols-v3-…``): where tables derived
    # from that frame are kept (``read_side_table`` / ``write_side_table``); absent for a missing file.
    cache_stems: dict[Kind, Path] = field(default_factory=dict)
    # Per kind of ``DATE_COLUMNS``, its column's plausible range (None: no date) when already known (kept
    # beside the cache: ``date_range_kept``); a kind left out is computed from the frame when first asked.
    date_ranges: dict[Kind, DateRange | None] = field(default_factory=dict)

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
            self.date_ranges[kind] if kind in self.date_ranges else plausible_range(s.to_numpy())
            for kind, s in ((kind, getattr(self, kind)[column]) for kind, column in DATE_COLUMNS.items())
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
# Bump when the clean frame, the report or the cache's files change shape, so old caches are not read.
CACHE_VERSION = 3


def _cache_stem(data_dir: Path, path: Path) -> Path:
    """``data/.cache/<file stem>-v<version>-<size>-<mtime ns>``: the cache of ``path``, without suffix."""
    stat = path.stat()
    return data_dir / CACHE_DIR_NAME / f"{path.stem}-v{CACHE_VERSION}-{stat.st_size}-{stat.st_mtime_ns}"


def _with_suffix(stem: Path, suffix: str) -> Path:
    return stem.with_name(stem.name + suffix)


def _report_from_dict(payload: dict[str, Any]) -> ValidationReport:
    problems = [Problem(**problem) for problem in payload.pop("problems")]
    return ValidationReport(**payload, problems=problems)


def _replace_atomically(path: Path, write: Any) -> None:
    """``write(tmp)`` then rename over ``path``: a reader (or a process that has the old file mapped) sees
    the old file or the new one, never half of one. The temporary name is per process."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _remove_old_caches(stem: Path) -> None:
    """Every cache file of the same data file but another version, size or time. One at a time: a file
    that cannot go (on Windows a file mapped by a running server cannot be deleted) is left for later."""
    prefix = stem.name.split("-v")[0]
    for old in stem.parent.glob(f"{prefix}-v*"):
        if not old.name.startswith(f"{stem.name}."):
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)


def write_arrow(frame: pd.DataFrame, path: Path) -> None:
    """``frame`` as an uncompressed Arrow IPC file (Feather v2) at ``path``, in one record batch (so every
    column reads back in one chunk) with pandas' metadata (dtypes, categories and the index come back
    as they were: ``read_arrow``). Written to a temporary file and renamed."""
    # one chunk per column first: a batch never spans chunks, and a CSV parse leaves text in many
    table = pa.Table.from_pandas(frame, preserve_index=None).combine_chunks()

    def write(tmp: Path) -> None:
        with pa.OSFile(str(tmp), "wb") as sink, ipc.new_file(sink, table.schema) as writer:
            if len(frame):
                writer.write_table(table, max_chunksize=len(frame))
            else:  # one empty batch, which carries the categories (a table without batches loses them)
                writer.write_batch(pa.RecordBatch.from_pandas(frame, preserve_index=None))

    _replace_atomically(path, write)


def read_arrow(path: Path) -> pd.DataFrame:
    """The frame ``write_arrow`` stored at ``path``, opened memory-mapped.

    Numbers, dates, flags and categorical codes are copied into the frame as pandas converts them;
    the text columns stay Arrow arrays over the mapped file: no decoding at start, and their pages are
    read by the operating system when first touched and belong to the page cache (file-backed,
    reclaimable), not to the server's own memory. The file must never be rewritten in place (it is
    only ever replaced by a rename, ``_replace_atomically``). The conversion is pandas' own, as for
    ``read_cached_frame``.
    """
    try:
        from pandas.io._util import arrow_table_to_pandas
    except ImportError:  # another pandas: the public way, same dtypes
        return single_chunk(ipc.open_file(pa.memory_map(str(path))).read_pandas())
    return single_chunk(arrow_table_to_pandas(ipc.open_file(pa.memory_map(str(path))).read_all()))


def _write_cache(frame: pd.DataFrame, report: ValidationReport, stem: Path) -> None:
    """Write the clean frame (Arrow IPC for the warm start, Parquet as the compact portable copy) and its
    report next to the data; a read-only folder just means no cache."""
    try:
        stem.parent.mkdir(exist_ok=True)
        _remove_old_caches(stem)
        # one row group: read back whole, every column comes in one chunk (``read_cached_frame``)
        _replace_atomically(
            _with_suffix(stem, ".parquet"),
            lambda tmp: frame.to_parquet(tmp, index=False, row_group_size=max(1, len(frame))),
        )
        write_arrow(frame.reset_index(drop=True), _with_suffix(stem, ".arrow"))
        payload = report.to_dict()
        payload["problems"] = [{**p.to_dict(), "reason_en": p.reason_en} for p in report.problems]
        text = json.dumps(payload, ensure_ascii=False)
        _replace_atomically(
            _with_suffix(stem, ".report.json"), lambda tmp: tmp.write_text(text, encoding="utf-8")
        )
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


def check_columns_and_dtypes(frame: pd.DataFrame, kind: Kind, reference: Reference) -> pd.DataFrame:
    """``frame`` itself when it has exactly the contract's columns, in order, each of exactly the
    declared dtype (categories in canonical order included); else ``contract.ContractError``.

    What ``contract.validate_frame(depth="schema")`` holds, by direct comparison: one comparison per
    column, without importing pandera (~0.3 s) or running it (~0.4 s at five million rows). For a
    cached frame, whose values were checked in full when the cache was written.
    """
    expected = contract.clean_columns(kind)
    actual = list(frame.columns)
    if actual != expected:
        extra = [name for name in actual if name not in expected]
        missing = [name for name in expected if name not in actual]
        misplaced = [want for have, want in zip(actual, expected, strict=False) if have != want]
        first = str((extra or missing or misplaced)[0])
        raise contract.ContractError(kind, first, f"columns {actual}, expected {expected}")
    for column in contract.fields(kind):
        dtype = contract.dtype_of(column, reference)
        actual = frame[column.name].dtype
        if actual != dtype or (
            column.dtype == "category" and list(actual.categories) != list(dtype.categories)
        ):
            raise contract.ContractError(kind, column.name, f"dtype {actual}, expected exactly {dtype}")
    return frame


def _read_cache(stem: Path, kind: Kind, reference: Reference) -> pd.DataFrame | None:
    """The cached clean frame of ``stem``: the mapped Arrow file, else the Parquet copy (and the Arrow
    file written again from it); None when neither reads back whole with the contract's columns and
    dtypes (a damaged or outdated cache is ignored)."""
    arrow, parquet = _with_suffix(stem, ".arrow"), _with_suffix(stem, ".parquet")
    for path, reader in ((arrow, read_arrow), (parquet, read_cached_frame)):
        if not path.exists():
            continue
        try:
            # values were checked in full when the cache was written; here only columns and dtypes
            frame = check_columns_and_dtypes(reader(path), kind, reference)
        except (OSError, ValueError, TypeError, KeyError, pa.ArrowException):  # ContractError: ValueError
            continue
        if path == parquet:
            try:
                write_arrow(frame, arrow)
                frame = check_columns_and_dtypes(read_arrow(arrow), kind, reference)
            except (OSError, ValueError, TypeError, KeyError, pa.ArrowException):
                pass
        return frame
    return None


def load_table_cached(
    path: Path, kind: Kind, reference: Reference, data_dir: Path, officers: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, ValidationReport]:
    """``load_table`` for a data file, remembered in ``data/.cache`` until the file changes.

    The warm start opens the clean frame (categories included) memory-mapped from an Arrow IPC file
    (``read_arrow``; the Parquet copy beside it when that file is missing or damaged) instead of parsing
    and validating the CSV again; the report comes back with it, so rejected rows are still reported.
    Either way the frame is checked against the clean-frame contract: a freshly read frame in full before
    it is cached (``contract.validate_frame``; a break raises ``contract.ContractError``: a loader bug); a
    cached frame for its columns and exact dtypes only (``check_columns_and_dtypes``: a cache that breaks
    them is ignored and the file read again).
    """
    return _load_table_cached(path, kind, reference, data_dir, officers)[:2]


def _load_table_cached(
    path: Path, kind: Kind, reference: Reference, data_dir: Path, officers: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, ValidationReport, Path]:
    """``load_table_cached`` and the stem of the cache files (``Dataset.cache_stems``)."""
    stem = _cache_stem(data_dir, path)
    if officers is not None and kind == "patrols":  # empty NRPs are looked up by name in officers.csv
        officers_file = data_dir / FILE_NAMES["officers"]
        if officers_file.exists():
            stat = officers_file.stat()
            stem = _with_suffix(stem, f"-o{stat.st_size}-{stat.st_mtime_ns}")
    cached = _cached(stem, kind, reference)
    if cached is not None:
        return (*cached, stem)
    if path.stat().st_size >= CHILD_PARSE_BYTES:
        try:  # the parse's peak stays in a child; the server then opens the cache as after a restart
            worker.run(_parse_into_cache, (path, kind, reference, officers, stem), CHILD_PARSE_BUDGET)
        except worker.ParseFailed:
            pass  # no child could do it (killed, no process to spare): the server parses it itself below
        else:
            cached = _cached(stem, kind, reference)
            if cached is not None:
                return (*cached, stem)
    report_path = _with_suffix(stem, ".report.json")
    frame, report = load_table(path, kind, reference, officers=officers)
    contract.validate_frame(frame, kind, reference)
    _write_cache(frame, report, stem)
    # the frame just written, mapped: the server holds the same memory after a cold start as after a warm one
    written = _read_cache(stem, kind, reference) if report_path.exists() else None
    return (single_chunk(frame) if written is None else written), report, stem


# A data file this large (a few hundred thousand rows and up) is parsed, checked and cached in a child
# process (``analysis.data.worker``, at a lower CPU priority): parsing five million rows takes several
# gigabytes for a moment, which then never sits in the server; the server maps the cache it wrote. No
# memory limit and an hour's time: this is the office's own data folder, not an upload.
CHILD_PARSE_BYTES = 64 * 1024 * 1024
CHILD_PARSE_BUDGET = worker.Budget(seconds=3600, memory_mb=1 << 30)


def _cached(stem: Path, kind: Kind, reference: Reference) -> tuple[pd.DataFrame, ValidationReport] | None:
    """The cached frame and report under ``stem``; None when either is missing or unreadable."""
    report_path = _with_suffix(stem, ".report.json")
    if not report_path.exists():
        return None
    try:
        report = _report_from_dict(json.loads(report_path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    frame = _read_cache(stem, kind, reference)
    return None if frame is None else (frame, report)


def _parse_into_cache(
    path: Path, kind: Kind, reference: Reference, officers: pd.DataFrame | None, stem: Path
) -> None:
    """Run in the child: ``load_table``, the full contract check, and the cache written under ``stem``.
    Raises what ``load_table`` raises (the parent raises it again, with its message)."""
    frame, report = load_table(path, kind, reference, officers=officers)
    contract.validate_frame(frame, kind, reference)
    _write_cache(frame, report, stem)


def load_dataset(data_dir: Path, reference: Reference | None = None) -> Dataset:
    """Load and validate every data file in ``data_dir``; a missing file gives an empty table. Every
    frame holds to the clean-frame contract (``analysis.data.contract``); see ``load_table_cached``."""
    reference = reference or load_reference()
    frames: dict[Kind, pd.DataFrame] = {}
    reports = {}
    stems: dict[Kind, Path] = {}
    # officers first: a patrol leader's empty NRP is looked up by name among them
    for kind in sorted(FILE_NAMES, key=lambda k: k != "officers"):
        path = data_dir / FILE_NAMES[kind]
        if path.exists():
            officers = frames.get("officers") if kind == "patrols" else None
            frames[kind], reports[kind], stems[kind] = _load_table_cached(
                path, kind, reference, data_dir, officers
            )
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
        cache_stems=stems,
    )


def with_kept_date_ranges(dataset: Dataset) -> Dataset:
    """``dataset`` (the same frames) with each cached frame's plausible date range read from beside its
    cache, or computed and kept there for the next restart (``date_range_kept``): a warm start's first
    page reads two dates instead of passing over every row (≈ 0.2 s at five million rows)."""
    ranges = {
        kind: date_range_kept(getattr(dataset, kind)[column], dataset.cache_stems[kind])
        for kind, column in DATE_COLUMNS.items()
        if kind in dataset.cache_stems
    }
    return replace(dataset, date_ranges={**dataset.date_ranges, **ranges})


def _code_bytes(code: types.CodeType) -> bytes:
    """What a function's code does (bytecode, names, constants, nested code), not where it lies."""
    parts = [code.co_code, repr(code.co_names).encode(), repr(code.co_varnames).encode()]
    for const in code.co_consts:
        parts.append(_code_bytes(const) if isinstance(const, types.CodeType) else repr(const).encode())
    return b"\x00".join(parts)


def _plausibility_fingerprint() -> str:
    """A short hash of ``analysis.data.plausibility``'s rules (its functions' code and its constants) and
    NumPy's version: a range kept by other rules is not read back."""
    digest = hashlib.sha256(np.__version__.encode())
    for name, value in sorted(vars(plausibility).items()):
        if isinstance(value, types.FunctionType):
            digest.update(name.encode() + _code_bytes(value.__code__))
        elif isinstance(value, int | float) and not name.startswith("__"):
            digest.update(f"{name}={value!r}".encode())
    return digest.hexdigest()[:12]


def date_range_kept(dates: pd.Series, stem: Path) -> DateRange | None:
    """``plausible_range`` of ``dates`` (a column of the frame cached at ``stem``), read back from beside
    that cache when kept there by the same rules (``write_side_table``), else computed and kept: a warm
    start reads two dates instead of passing over every row."""
    name = f"plausible_range.{_plausibility_fingerprint()}"
    kept = read_side_table(stem, name)
    if kept is not None and list(kept.columns) == ["first", "last"] and len(kept) <= 1:
        if kept.empty:
            return None
        row = kept.iloc[0]
        return np.datetime64(row["first"], "D"), np.datetime64(row["last"], "D")
    found = plausible_range(dates.to_numpy()) if len(dates) else None
    table = pd.DataFrame(
        {
            "first": pd.Series([] if found is None else [found[0]], dtype="datetime64[s]"),
            "last": pd.Series([] if found is None else [found[1]], dtype="datetime64[s]"),
        }
    )
    write_side_table(stem, name, table)
    return found


def read_side_table(stem: Path, name: str) -> pd.DataFrame | None:
    """The table ``name`` kept beside the cache ``stem`` (``Dataset.cache_stems``) by
    ``write_side_table``, or None when there is none or it cannot be read. ``name``: letters, digits,
    ``_`` and ``.`` (the caller puts what the table depends on into it)."""
    path = _with_suffix(stem, f".{name}.arrow")
    if not path.exists():
        return None
    try:
        return read_arrow(path)
    except (OSError, ValueError, TypeError, KeyError, pa.ArrowException):
        return None


def write_side_table(stem: Path, name: str, table: pd.DataFrame) -> None:
    """Keep ``table`` (a small table derived from the frame cached at ``stem``) beside that cache, so a
    restart reads it instead of computing it again; it goes with the cache when the data file changes.
    A read-only folder just means it is not kept."""
    try:
        if stem.parent.is_dir():
            write_arrow(table, _with_suffix(stem, f".{name}.arrow"))
    except (OSError, ValueError, TypeError, pa.ArrowException):
        pass


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
