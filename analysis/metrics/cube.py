"""Pre-aggregated counts: complaints per day × kelurahan × category × channel × validity, built once per
data version, from which a filtered count is a sum over a few hundred thousand rows at most instead of a
filter over every complaint.

At 5,000,000 complaints a filter of the whole table costs ~0.1 s per period and ``period_changes`` cuts
three periods for every table of Tren, Briefing and Ringkasan's findings; the cube holds one row per
combination that occurs (two years × 21 kelurahan × the categories × the channels: ≤ ~300,000 rows at any
volume) and answers the same counts in milliseconds. The raw rows are still what every other figure reads.

Equivalence: a complaint is counted in a period when ``start <= received_at < end + 1 day``, which is the
same as ``start <= floor(received_at, day) <= end``; kelurahan, category and channel are the same
categorical columns (same categories, same order), so a group-by over the cube gives the same index, the
same order and the same integers as the group-by over the rows (``tests/test_cube.py`` checks it on the
sample data for many filters).
"""

from __future__ import annotations

import hashlib
import threading
import types
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset, read_side_table, write_side_table
from analysis.data.schema import Kind
from analysis.metrics.filters import Filters, _isin, figures_only, selected_kelurahan

# The dimensions kept; a count by any subset of them can be answered from the cube.
DIMENSIONS: tuple[str, ...] = ("kelurahan", "category", "channel")
_COLUMNS = ("received_at", *DIMENSIONS, "is_valid")
T = TypeVar("T")

_lock = threading.Lock()
# (what, id of each source frame) -> (weak references to the frames, the table built from them). The
# Dataset's frames never change, so a table is valid as long as its frames live; a new data version is
# new frames, hence new tables; tables of frames gone are dropped at the next build.
_built: dict[tuple, tuple[tuple[weakref.ref, ...], Any]] = {}


def per_frames(what: str, frames: tuple[pd.DataFrame, ...], build: Callable[[], T]) -> T:
    """``build()``, remembered for as long as every frame of ``frames`` lives (by identity: the frames must
    not be changed afterwards, as the Dataset's never are). ``what`` names the table."""
    key = (what, *map(id, frames))
    with _lock:
        found = _built.get(key)
        if found is not None and all(ref() is frame for ref, frame in zip(found[0], frames, strict=True)):
            return found[1]
    value = build()
    with _lock:
        for stale in [k for k, (refs, _) in _built.items() if any(ref() is None for ref in refs)]:
            del _built[stale]
        _built[key] = (tuple(weakref.ref(frame) for frame in frames), value)
    return value


# (what, id of each source frame, arguments) -> (weak references, result), least recently used first: figures
# that depend on a filter, kept for the few filters in use (a page's citywide measures do not change when
# the kelurahan filter does). Bounded: MAX_RESULTS entries whatever the number of sessions.
_results: OrderedDict[tuple, tuple[tuple[weakref.ref, ...], Any]] = OrderedDict()
MAX_RESULTS = 16


def per_frames_and_arguments(
    what: str, frames: tuple[pd.DataFrame, ...], arguments: tuple, build: Callable[[], T]
) -> T:
    """``build()`` for these ``frames`` (by identity, never changed afterwards) and hashable
    ``arguments`` (the filters, a date …), remembered among the ``MAX_RESULTS`` most recently used.
    The result is shared: callers must not change it."""
    key = (what, *map(id, frames), arguments)
    with _lock:
        found = _results.get(key)
        if found is not None and all(ref() is frame for ref, frame in zip(found[0], frames, strict=True)):
            _results.move_to_end(key)
            return found[1]
    value = build()
    with _lock:
        _results[key] = (tuple(weakref.ref(frame) for frame in frames), value)
        _results.move_to_end(key)
        while len(_results) > MAX_RESULTS:
            _results.popitem(last=False)
    return value


def build_complaint_cube(complaints: pd.DataFrame) -> pd.DataFrame:
    """Counts of ``complaints`` (a clean frame: ``received_at``, ``kelurahan``, ``category``, ``channel``,
    ``is_valid``) per day and combination of ``DIMENSIONS`` and validity.

    Columns: ``day`` (datetime64, midnight; NaT for a missing time), the three dimensions (their dtypes
    kept, missing values kept as missing), ``is_valid`` (bool) and ``count`` (int64, ≥ 1). One row per
    combination that occurs; the counts add up to ``len(complaints)``.
    """
    frame = pd.DataFrame(
        {
            "day": complaints["received_at"].dt.floor("D"),
            **{name: complaints[name] for name in DIMENSIONS},
            "is_valid": complaints["is_valid"],
        }
    )
    return (
        frame.groupby(["day", *DIMENSIONS, "is_valid"], observed=True, dropna=False, sort=False)
        .size()
        .rename("count")
        .reset_index()
    )


def complaint_cube(complaints: pd.DataFrame) -> pd.DataFrame | None:
    """The cube of ``complaints`` (built on first use, then shared for as long as the frame lives), or
    None when the frame lacks a column the cube needs."""
    if not set(_COLUMNS) <= set(complaints.columns):
        return None
    return per_frames("complaint_cube", (complaints,), lambda: build_complaint_cube(complaints))


def build_patrol_days(patrols: pd.DataFrame) -> pd.DataFrame:
    """The distinct (``date``, ``kelurahan``, ``unit``) rows of ``patrols`` (``patrol_days``' table)."""
    return patrols[["date", "kelurahan", "unit"]].drop_duplicates().reset_index(drop=True)


def patrol_days(patrols: pd.DataFrame) -> pd.DataFrame:
    """One row per day × kelurahan × unit with a patrol (columns ``date``, ``kelurahan``, ``unit``, in the
    patrols' dtypes; missing values kept), remembered per frame: a few tens of thousands of rows at any
    volume. ``filter_patrols`` on it, for filters without categories, keeps exactly the days and kelurahan
    it keeps on the rows, so the last visit per kelurahan (``overview.days_since_last_visit``) is the same.
    """
    return per_frames("patrol_days", (patrols,), lambda: build_patrol_days(patrols))


def build_activity_days(keys: pd.Series, days: pd.Series) -> pd.DataFrame:
    """The distinct (``key``, ``date``) pairs of ``keys`` and ``days`` (same length, a day per row):
    ``activity_days``' table."""
    pairs = pd.DataFrame({"key": keys.reset_index(drop=True), "date": days.reset_index(drop=True)})
    return pairs.drop_duplicates(ignore_index=True)


def activity_days(source: pd.DataFrame, key: str, days: Callable[[], pd.Series]) -> pd.DataFrame:
    """The distinct (``key``, ``date``) pairs of ``source[key]`` and ``days()`` (a day per row of
    ``source``), remembered per frame and key column: an officer's latest day up to any date is the same
    over the pairs as over the rows, and there are a few hundred officers × days instead of millions of
    rows. Columns ``key`` (the raw values, missing kept) and ``date``."""
    return per_frames(f"activity_days:{key}", (source,), lambda: build_activity_days(source[key], days()))


def handled_day(complaints: pd.DataFrame) -> pd.Series:
    """The day a complaint was handled: resolved, else received (``officers``' reporting gaps)."""
    return complaints["resolved_at"].fillna(complaints["received_at"]).dt.normalize()


# The tables built once per data version and kept beside the data's cache (``prime``), by the name
# ``per_frames`` remembers them under: (kind of the frame they come from, how they are built). Each
# must be what its function builds on the first call (``tests/test_cube.py`` checks it).
PRIMED: dict[str, tuple[Kind, Callable[[pd.DataFrame], pd.DataFrame]]] = {
    "complaint_cube": ("complaints", build_complaint_cube),
    "patrol_days": ("patrols", build_patrol_days),
    "activity_days:leader_nrp": ("patrols", lambda p: build_activity_days(p["leader_nrp"], p["date"])),
    "activity_days:handled_by_nrp": (
        "complaints",
        lambda c: build_activity_days(c["handled_by_nrp"], handled_day(c)),
    ),
}


def _code_bytes(code: types.CodeType) -> bytes:
    """What a function's code does (its bytecode, names and constants, nested code included), without
    where it lies (file, line): the same in every process for the same code."""
    parts = [code.co_code, repr(code.co_names).encode(), repr(code.co_varnames).encode()]
    for const in code.co_consts:
        parts.append(_code_bytes(const) if isinstance(const, types.CodeType) else repr(const).encode())
    return b"\x00".join(parts)


def tables_fingerprint() -> str:
    """A short hash of how the kept tables are built (the builders' code, the dimensions, pandas'
    version): a kept table built by other code is not read back, it is built again."""
    builders = [
        build_complaint_cube,
        build_patrol_days,
        build_activity_days,
        handled_day,
        *(build for _, build in PRIMED.values()),
    ]
    digest = hashlib.sha256(repr((DIMENSIONS, pd.__version__)).encode())
    for build in builders:
        digest.update(_code_bytes(build.__code__))
    return digest.hexdigest()[:12]


def prime(dataset: Dataset) -> None:
    """Make ``PRIMED``'s tables of ``dataset``'s frames ready before the first page asks for them: read
    back from beside the data's cache (``Dataset.cache_stems``) when kept there by the same code, else
    built (≈ 1.8 s at five million patrols and complaints) and kept there for the next restart. Each is
    then remembered as its function would remember it (``per_frames``), for the frame and for its
    ``figures_frame`` (the whole history Ringkasan's reporting gaps read), so the first page aggregates
    no row. A frame without a cache (a missing file) is left to the functions themselves."""
    fingerprint = tables_fingerprint()
    for what, (kind, build) in PRIMED.items():
        frame, stem = getattr(dataset, kind), dataset.cache_stems.get(kind)
        if stem is None or (what == "complaint_cube" and not set(_COLUMNS) <= set(frame.columns)):
            continue
        name = f"{what.replace(':', '-')}.{fingerprint}"
        table = read_side_table(stem, name)
        if table is None:
            table = build(frame)
            write_side_table(stem, name, table)
        remember(what, (frame,), table)
        # Figures over the whole history read the frame without its free-text columns (``figures_frame``,
        # one object per frame): the same rows and key columns, so the same table, under that frame too.
        if what.startswith("activity_days:") and what.split(":", 1)[1] in figures_frame(frame).columns:
            remember(what, (figures_frame(frame),), table)


def remember(what: str, frames: tuple[pd.DataFrame, ...], value: Any) -> None:
    """Hand ``per_frames`` the table ``what`` of ``frames`` (by identity), built elsewhere: the next
    ``per_frames(what, frames, ...)`` returns ``value`` without building."""
    with _lock:
        _built[(what, *map(id, frames))] = (tuple(weakref.ref(frame) for frame in frames), value)


def cube_counts(
    cube: pd.DataFrame,
    filters: Filters,
    kecamatan_of: Mapping[str, str],
    keys: Sequence[str],
    include_invalid: bool = False,
) -> pd.Series:
    """``counts_by(counted_complaints(filter_complaints(complaints, filters, kecamatan_of),
    include_invalid), keys)`` (``analysis.metrics.trends``), read from the complaints' cube.

    ``keys`` must be a subset of ``DIMENSIONS``. Returns int64 counts named ``count``, indexed by
    ``keys`` (observed combinations only, missing keys dropped, in the order of the categories).
    """
    unknown = set(keys) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"the cube cannot count by {sorted(unknown)}")
    start, end = np.datetime64(filters.start, "us"), np.datetime64(filters.end, "us")
    days = cube["day"].to_numpy()
    mask = (days >= start) & (days <= end)
    kelurahan = selected_kelurahan(filters, kecamatan_of)
    if kelurahan is not None:
        mask &= _isin(cube["kelurahan"], kelurahan).to_numpy()
    if filters.categories:
        mask &= _isin(cube["category"], filters.categories).to_numpy()
    if filters.channels:
        mask &= _isin(cube["channel"], filters.channels).to_numpy()
    if not include_invalid:
        mask &= cube["is_valid"].to_numpy()
    return cube.loc[mask].groupby(list(keys), observed=True)["count"].sum().rename("count")


def figures_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``filters.figures_only(frame)`` (no free-text or personal column; the other columns the same objects,
    no copy), the same object for as long as ``frame`` lives: the whole history handed to figures that
    remember their tables per frame (``activity_days``, ``officers.shared_reporting_gaps``) keeps them
    from one rerun to the next, and nothing in it needs masking."""
    return per_frames("figures_frame", (frame,), lambda: figures_only(frame))


def complaint_cube_by_day(complaints: pd.DataFrame) -> pd.DataFrame | None:
    """``complaint_cube(complaints)`` in day order without its rows of a missing day, for
    ``period_counts``: the cube itself when it is already so (complaints come in time order), else a
    sorted copy, remembered per frame. None when the frame lacks a column the cube needs."""
    full = complaint_cube(complaints)
    if full is None:
        return None

    def build() -> pd.DataFrame:
        days = full["day"]
        if days.is_monotonic_increasing and not days.hasnans:
            return full
        return full.loc[days.notna()].sort_values("day", kind="stable").reset_index(drop=True)

    return per_frames("complaint_cube_by_day", (complaints,), build)


def period_counts(
    by_day: pd.DataFrame,
    filters: Filters,
    kecamatan_of: Mapping[str, str],
    keys: Sequence[str],
    include_invalid: bool = False,
) -> pd.Series:
    """``cube_counts`` of ``complaint_cube_by_day``'s table, reading only the rows of the period's days
    (two binary searches): a 90-day period reads an eighth of a two-year cube, which at 5,000,000
    complaints holds about two million rows. Same index, order and integers as ``cube_counts``."""
    unknown = set(keys) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"the cube cannot count by {sorted(unknown)}")
    days = by_day["day"].to_numpy()
    first = int(np.searchsorted(days, np.datetime64(filters.start, "us"), side="left"))
    last = int(np.searchsorted(days, np.datetime64(filters.end, "us"), side="right"))
    part = by_day.iloc[first:last]
    if not all(isinstance(part[key].dtype, pd.CategoricalDtype) for key in keys):
        return cube_counts(part, filters, kecamatan_of, keys, include_invalid)
    # The same sums on the categories' codes: one bincount instead of copying the rows and a group-by.
    mask = np.ones(len(part), dtype=bool)
    kelurahan = selected_kelurahan(filters, kecamatan_of)
    if kelurahan is not None:
        mask &= _isin(part["kelurahan"], kelurahan).to_numpy()
    if filters.categories:
        mask &= _isin(part["category"], filters.categories).to_numpy()
    if filters.channels:
        mask &= _isin(part["channel"], filters.channels).to_numpy()
    if not include_invalid:
        mask &= part["is_valid"].to_numpy(dtype=bool)
    codes = [part[key].cat.codes.to_numpy()[mask].astype("int64") for key in keys]
    weights = part["count"].to_numpy()[mask]
    known = np.logical_and.reduce([c >= 0 for c in codes])  # a missing key is never counted
    shape = tuple(len(part[key].cat.categories) for key in keys)
    cells = np.ravel_multi_index(tuple(c[known] for c in codes), shape)
    sums = np.bincount(cells, weights=weights[known], minlength=int(np.prod(shape)))
    occurring = np.flatnonzero(sums)  # each row counts at least one complaint
    levels = [
        pd.Categorical.from_codes(level, dtype=part[key].dtype)
        for key, level in zip(keys, np.unravel_index(occurring, shape), strict=True)
    ]
    index = (
        pd.MultiIndex.from_arrays(levels, names=list(keys))
        if len(keys) > 1
        else pd.CategoricalIndex(levels[0], name=keys[0])
    )
    return pd.Series(sums[occurring].astype("int64"), index=index, name="count")
