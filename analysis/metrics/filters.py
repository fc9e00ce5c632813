"""The shared filters: what they hold, how they apply to the frames, and how they travel in a URL."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pandas as pd

PeriodPreset = Literal["7", "30", "90", "last_week", "month", "year", "custom"]
PERIOD_PRESETS: tuple[PeriodPreset, ...] = ("7", "30", "90", "last_week", "month", "year", "custom")
DEFAULT_PRESET: PeriodPreset = "90"

# URL query-string keys -> Filters fields holding a list of values.
LIST_PARAMS: dict[str, str] = {
    "kecamatan": "kecamatan",
    "kelurahan": "kelurahan",
    "category": "categories",
    "unit": "units",
    "channel": "channels",
}


@dataclass(frozen=True)
class Filters:
    """A view of the data. An empty tuple means "all"; ``start`` and ``end`` are inclusive dates."""

    start: date
    end: date
    kecamatan: tuple[str, ...] = ()
    kelurahan: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    channels: tuple[str, ...] = field(default=())

    @property
    def days(self) -> int:
        """Days in the period, both ends included (1 when ``start == end``)."""
        return (self.end - self.start).days + 1

    def previous(self) -> Filters:
        """The same filter over the period of equal length just before this one."""
        return replace(self, start=self.start - timedelta(days=self.days), end=self.start - timedelta(days=1))

    def year_before(self) -> Filters:
        """The same filter over the same dates one year earlier."""
        return replace(self, start=_minus_year(self.start), end=_minus_year(self.end))


def _minus_year(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def preset_range(preset: PeriodPreset, last_day: date) -> tuple[date, date]:
    """The period a preset stands for, ending on ``last_day`` (the data's last date, not today).

    ``last_week`` ("minggu lalu", the weekly anev's period) is the last whole Monday–Sunday week ending
    on or before ``last_day``: the week just finished when ``last_day`` is a Sunday, else the one before.
    """
    if preset in ("7", "30", "90"):
        return last_day - timedelta(days=int(preset) - 1), last_day
    if preset == "last_week":
        sunday = last_day - timedelta(days=(last_day.weekday() + 1) % 7)
        return sunday - timedelta(days=6), sunday
    if preset == "month":
        return last_day.replace(day=1), last_day
    if preset == "year":
        return last_day.replace(month=1, day=1), last_day
    raise ValueError(f"no fixed range for preset {preset!r}")


def default_filters(last_day: date) -> Filters:
    """The filters a session starts with: the ``DEFAULT_PRESET`` period ending at ``last_day`` (the data's
    last day), no other filter.
    """
    start, end = preset_range(DEFAULT_PRESET, last_day)
    return Filters(start=start, end=end)


def selected_kelurahan(filters: Filters, kecamatan_of: Mapping[str, str]) -> list[str] | None:
    """Kelurahan in scope (kecamatan and kelurahan filters combined), or None for all of them."""
    if not filters.kecamatan and not filters.kelurahan:
        return None
    names = [k for k, kec in kecamatan_of.items() if not filters.kecamatan or kec in filters.kecamatan]
    if filters.kelurahan:
        names = [k for k in names if k in filters.kelurahan]
    return names


def _in_period(values: pd.Series, filters: Filters) -> pd.Series:
    start = pd.Timestamp(filters.start)
    end = pd.Timestamp(filters.end) + pd.Timedelta(days=1)
    return (values >= start) & (values < end)


def _stamps(values: pd.Series) -> np.ndarray | None:
    """A naive datetime64 column as its int64 ticks (a view, no copy; NaT is the smallest int64), or None
    for any other dtype (time-zone aware, object ...), which then takes the pandas comparison."""
    if not (isinstance(values.dtype, np.dtype) and values.dtype.kind == "M"):
        return None
    return values.to_numpy().view(np.int64)


def _bounds(stamps_dtype: np.dtype, filters: Filters) -> tuple[int, int]:
    """``start`` and ``end + 1 day`` in the ticks of ``stamps_dtype`` (a datetime64 dtype): a row is in the
    period when ``low <= ticks < high``, the same rows as ``_in_period``."""
    unit = np.datetime_data(stamps_dtype)[0]
    low = pd.Timestamp(filters.start).to_datetime64().astype(f"datetime64[{unit}]")
    high = (pd.Timestamp(filters.end) + pd.Timedelta(days=1)).to_datetime64().astype(f"datetime64[{unit}]")
    return int(low.astype(np.int64)), int(high.astype(np.int64))


_sorted_lock = threading.Lock()
# (id of the column's root array, its address, length, stride) -> (weak reference to the root, sorted?).
# The clean frames never change, so whether a date column is in date order is looked at once per column,
# whatever frame (``figures_only``, a column selection) holds it; a column gone is a dead reference.
_sorted: OrderedDict[tuple, tuple[weakref.ref, bool]] = OrderedDict()
_MAX_SORTED = 32


def _in_date_order(stamps: np.ndarray) -> bool:
    """Whether ``stamps`` never decreases (missing dates, the smallest ticks, first); remembered per
    column."""
    root = stamps
    while isinstance(root.base, np.ndarray):
        root = root.base
    key = (id(root), stamps.__array_interface__["data"][0], len(stamps), stamps.strides)
    with _sorted_lock:
        found = _sorted.get(key)
        if found is not None and found[0]() is root:
            _sorted.move_to_end(key)
            return found[1]
    ordered = bool(len(stamps) < 2 or (stamps[1:] >= stamps[:-1]).all())
    with _sorted_lock:
        _sorted[key] = (weakref.ref(root), ordered)
        while len(_sorted) > _MAX_SORTED:
            _sorted.popitem(last=False)
    return ordered


def _cut(
    frame: pd.DataFrame,
    column: str,
    filters: Filters,
    other: Callable[[pd.DataFrame], np.ndarray | None],
) -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` is in the period and that ``other`` keeps, in their order.

    The period first: on a column in date order (the loaders' files are, checked once per column) it is
    the block of rows between two binary searches, taken without a copy; otherwise one integer comparison
    per row. ``other(rows)`` gives the other filters' combined mask over those rows (None = all), and the
    kept rows are taken once. The same rows, index and columns as ``frame.loc[mask]`` of every mask.
    """
    stamps = _stamps(frame[column])
    mask: np.ndarray | None
    if stamps is None:
        rows, mask = frame, _in_period(frame[column], filters).to_numpy(dtype=bool)
    else:
        low, high = _bounds(frame[column].dtype, filters)
        if _in_date_order(stamps):
            first, last = np.searchsorted(stamps, [low, high], side="left")
            rows, mask = frame.iloc[int(first) : int(last)], None
        else:
            rows, mask = frame, (stamps >= low) & (stamps < high)
    kept = other(rows)
    if kept is not None:
        mask = kept if mask is None else mask & kept
    return rows if mask is None else rows.iloc[np.flatnonzero(mask)]


def _isin(values: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """``values.isin(wanted)``; for a categorical column through its codes (a lookup per row instead of
    a hash per row: ~1 ms instead of ~12 ms at a million rows). Missing values are never in ``wanted``."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return values.isin(list(wanted))
    hit = np.zeros(len(values.cat.categories) + 1, dtype=bool)  # the last slot: code -1 (missing)
    hit[:-1] = values.cat.categories.isin(list(wanted))
    return pd.Series(hit[values.cat.codes.to_numpy()], index=values.index, name=values.name)


def _topic_mask(topics: pd.Series, categories: Iterable[str]) -> pd.Series:
    mask = pd.Series(False, index=topics.index)
    for category in categories:
        mask |= topics.str.contains(category, regex=False, na=False)
    return mask


# Free text and personal columns: read by the records view, the briefing's notable sentence and the exports,
# never by a count, a chart or a map. Frames cut only for figures leave them out, so a filter does not copy
# the largest columns (at a million rows these five hold half of the bytes).
FREE_TEXT_COLUMNS: tuple[str, ...] = ("location", "notes", "description", "reporter_name", "reporter_phone")


def figures_only(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without ``FREE_TEXT_COLUMNS`` (those present): what every figure reads, nothing more.

    The other columns are the same objects (copy-on-write: no data is copied), the rows and their order
    unchanged; filtering the result copies only the columns figures use.
    """
    present = [c for c in FREE_TEXT_COLUMNS if c in frame.columns]
    return frame.drop(columns=present) if present else frame


def _and(mask: np.ndarray | None, more: pd.Series) -> np.ndarray:
    more_values = more.to_numpy(dtype=bool)
    return more_values if mask is None else mask & more_values


def _matching(
    *conditions: tuple[str, Iterable[str] | None, Callable[[pd.Series, Iterable[str]], pd.Series]],
) -> Callable[[pd.DataFrame], np.ndarray | None]:
    """For ``_cut``: the rows' combined mask of every ``(column, wanted, test)`` whose ``wanted`` is not
    None (an empty selection keeps nothing), or None when no condition applies."""

    def other(rows: pd.DataFrame) -> np.ndarray | None:
        mask = None
        for column, wanted, test in conditions:
            if wanted is not None:
                mask = _and(mask, test(rows[column], wanted))
        return mask

    return other


def filter_patrols(patrols: pd.DataFrame, filters: Filters, kecamatan_of: Mapping[str, str]) -> pd.DataFrame:
    """Patrols in the period and scope. Category keeps patrols that discussed it; channel does not apply.

    The rows of ``patrols`` in their order with their index; the columns unchanged (``_cut``).
    """
    other = _matching(
        ("kelurahan", selected_kelurahan(filters, kecamatan_of), _isin),
        ("unit", filters.units or None, _isin),
        ("topics", filters.categories or None, _topic_mask),
    )
    return _cut(patrols, "date", filters, other)


def filter_complaints(
    complaints: pd.DataFrame, filters: Filters, kecamatan_of: Mapping[str, str]
) -> pd.DataFrame:
    """Complaints received in the period and scope (all statuses; drop invalid ones where a count needs it).

    The unit filter does not apply: a complaint belongs to a unit only through whoever handled it. The
    rows of ``complaints`` in their order with their index; the columns unchanged (``_cut``).
    """
    other = _matching(
        ("kelurahan", selected_kelurahan(filters, kecamatan_of), _isin),
        ("category", filters.categories or None, _isin),
        ("channel", filters.channels or None, _isin),
    )
    return _cut(complaints, "received_at", filters, other)


def to_query_params(filters: Filters) -> dict[str, str]:
    """The filters as URL query parameters; lists comma-separated, empty ones left out."""
    params = {"start": filters.start.isoformat(), "end": filters.end.isoformat()}
    for key, attr in LIST_PARAMS.items():
        values = getattr(filters, attr)
        if values:
            params[key] = ",".join(values)
    return params


def from_query_params(
    params: Mapping[str, str],
    defaults: Filters,
    allowed: Mapping[str, Iterable[str]],
    data_range: tuple[date, date],
) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, falling back to ``defaults`` for anything not recognised.

    ``allowed`` maps each list parameter (``kelurahan``, ``category`` ...) to its known values. Returns the
    filters and the list of rejected ``key=value`` pieces, so the page can say what it ignored.
    """
    rejected: list[str] = []
    start, end = defaults.start, defaults.end
    if "start" in params or "end" in params:
        try:
            start = date.fromisoformat(params.get("start", defaults.start.isoformat()))
            end = date.fromisoformat(params.get("end", defaults.end.isoformat()))
            lo, hi = data_range
            if start > end or end < lo or start > hi + timedelta(days=366):
                raise ValueError("out of range")
        except ValueError:
            rejected.append(f"start={params.get('start', '')}, end={params.get('end', '')}")
            start, end = defaults.start, defaults.end
    chosen: dict[str, tuple[str, ...]] = {}
    for key, attr in LIST_PARAMS.items():
        raw = params.get(key, "")
        if not raw:
            continue
        known = set(allowed.get(key, ()))
        values = [v.strip() for v in raw.split(",") if v.strip()]
        good = tuple(v for v in values if v in known)
        rejected += [f"{key}={v}" for v in values if v not in known]
        chosen[attr] = good
    return replace(defaults, start=start, end=end, **chosen), rejected
