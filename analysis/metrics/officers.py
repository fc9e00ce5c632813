"""Officer activity: who led what, where and how often; where reporting lapses; who a kelurahan depends on.

What the data can and cannot say
--------------------------------
A patrol records its leader (``leader_nrp``) and a head count (``personnel_count``, leader included); who
else went is not recorded. So "patrols joined" cannot be counted per person. A leader is credited instead
with the **personnel counted** on the patrols they led (the sum of ``personnel_count``), and with
**personnel-hours** ``personnel_count × duration_hours`` over the patrols that have both times.

An officer's **activity** is a patrol they led or a complaint they handled (``complaints.handled_by_nrp``).
A complaint counts on the day it was resolved, or on the day it was received while still open.

Units: a patrol belongs to the unit written on the patrol; a complaint to the unit of the officer who
handled it (from the roster, else the unit of the last patrol they led).

Reporting gaps follow Binmas online reporting: more than ``WARNING_DAYS`` day without recorded activity
is a warning, more than ``ALERT_DAYS`` days an alert, counted up to the end of the selected period.

A kelurahan is flagged when its assigned Bhabinkamtibmas never visited it in the period, or last did so
more than ``ABSENT_DAYS`` (30) days before the period's end.

A kelurahan **depends on one leader** when that leader led at least ``SINGLE_LEADER_SHARE`` (80 %) of its
visits and it had at least ``SINGLE_LEADER_MIN_VISITS`` (5) visits: with fewer visits a single name is
ordinary chance (two visits by one person are 100 %), and 80 % leaves room for one stand-in in five.
"""

from __future__ import annotations

import html
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal, TypeAlias

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.core.text import plain
from analysis.data.schema import RANKS, RESOLVED_STATUS, UNITS
from analysis.i18n import Lang, fmt_date, fmt_int, fmt_num, fmt_pct, t
from analysis.metrics.cube import activity_days, per_frames, per_frames_and_arguments
from analysis.metrics.style import (
    CALENDAR_SCALE,
    GAP_LEVEL_COLOURS,
    GAP_TEXT_COLOUR,
    OTHER_UNIT_COLOUR,
    PRESENCE_SCALE,
    UNIT_COLOURS,
    margin,
)

WARNING_DAYS = 1
ALERT_DAYS = 7
SINGLE_LEADER_SHARE = 0.8
SINGLE_LEADER_MIN_VISITS = 5
NEVER_VISITED_MIN_DAYS = 7
ABSENT_DAYS = 30  # a Bhabinkamtibmas is expected in their kelurahan every month at the very least

GapLevel = Literal["ok", "warning", "alert"]

RANK_TYPE = pd.CategoricalDtype(list(RANKS), ordered=True)
DIRECTORY_COLUMNS = ["nrp", "name", "rank", "unit", "assigned_kelurahan", "active", "in_roster"]
TOTAL_COLUMNS = [
    "patrols_led",
    "personnel_counted",
    "personnel_hours",
    "patrols_timed",
    "kelurahan_covered",
    "active_days",
    "complaints_handled",
    "complaints_resolved",
    "median_resolution_days",
]


_factor_lock = threading.Lock()
# id of a column's array -> (weak reference to it, its factorisation). The page's tables read the same few
# key columns of the same cut (leader, handler) several times each; the distinct values are found once
# per array. Bounded; arrays gone are dropped at the next insert.
_factors: OrderedDict[int, tuple[weakref.ref, tuple[np.ndarray, Any]]] = OrderedDict()
_MAX_FACTORS = 8


def _factorize(values: pd.Series) -> tuple[np.ndarray, Any]:
    """``pd.factorize(values)``, remembered per array for as long as it lives (frames never change). The
    codes are read-only: shared between callers."""
    array = values.array
    key = id(array)
    with _factor_lock:
        found = _factors.get(key)
        if found is not None and found[0]() is array:
            _factors.move_to_end(key)
            return found[1]
    codes, uniques = pd.factorize(values)
    codes.flags.writeable = False
    with _factor_lock:
        for stale in [k for k, (ref, _) in _factors.items() if ref() is None]:
            del _factors[stale]
        _factors[key] = (weakref.ref(array), (codes, uniques))
        while len(_factors) > _MAX_FACTORS:
            _factors.popitem(last=False)
    return codes, uniques


def _text(values: pd.Series) -> pd.Series:
    """Categorical or str column as plain ``string`` text (already stripped, never ``""``: the clean-frame
    contract, ``analysis.data.contract``).

    A categorical column is converted per category, then spread by its codes: converting the few category
    names instead of every row keeps a 200,000-row column at milliseconds.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        names = pd.Series(values.cat.categories.astype("string"))
        spread = names.array.take(values.cat.codes.to_numpy(), allow_fill=True)
        return pd.Series(spread, index=values.index, name=values.name)
    codes, uniques = _factorize(values)
    names = pd.Series(pd.Index(uniques).astype("string"))
    spread = names.array.take(codes, allow_fill=True)
    return pd.Series(spread, index=values.index, name=values.name)


def _codes(key: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes of a clean text key (-1 = NA) and the distinct values: grouping on the codes spares
    moving the text of every row around."""
    codes, uniques = _factorize(key)
    return codes, pd.Index(uniques, dtype="string", name="key")


def _clean_codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """``_codes(_text(values))`` with one pass over the rows: only the distinct values are converted."""
    raw, uniques = _factorize(values)
    codes, names = pd.factorize(_text(pd.Series(uniques)))
    return np.append(codes, -1)[raw], pd.Index(names, dtype="string", name="key")


Key: TypeAlias = pd.Series | tuple[np.ndarray, pd.Index]


def _as_codes(key: Key) -> tuple[np.ndarray, pd.Index]:
    return key if isinstance(key, tuple) else _codes(key)


def _latest_rows(keys: pd.Series, dates: pd.Series) -> np.ndarray:
    """Row positions, in file order, of the last row per distinct raw key in date order (NaT last, a later
    row wins a tie). Any row that could be the latest for its cleaned key is among them."""
    codes, _ = _factorize(keys)
    stamp = dates.to_numpy().astype("datetime64[us]").astype(np.int64)
    stamp = np.where(stamp == np.iinfo(np.int64).min, np.iinfo(np.int64).max, stamp)
    rows = np.flatnonzero(codes >= 0)
    order = rows[np.lexsort((rows, stamp[rows]))]
    _, last = np.unique(codes[order][::-1], return_index=True)
    return np.sort(order[::-1][last])


def _distinct_days(parts: Sequence[tuple[Key, pd.Series]]) -> pd.Series:
    """Per key, the number of distinct days over several (clean text key, midnight date) column pairs;
    rows without a key or a date are left out."""
    coded = [(*_as_codes(key), day.to_numpy().astype("datetime64[D]")) for key, day in parts]
    names = pd.Index([], dtype="string")
    for _, part_names, _ in coded:
        names = names.append(part_names).drop_duplicates()
    keys, days = [], []
    for codes, part_names, day in coded:
        ok = (codes >= 0) & ~np.isnat(day)
        keys.append(names.get_indexer(part_names)[codes[ok]])
        days.append(day[ok].astype(np.int64))
    key, day = np.concatenate(keys), np.concatenate(days)
    if not len(key):
        return pd.Series(dtype="int64", index=pd.Index([], dtype="string", name="nrp"))
    pairs = np.unique(key * (day.max() - day.min() + 1) + (day - day.min()))
    counts = np.bincount(pairs // (day.max() - day.min() + 1), minlength=len(names))
    present = np.flatnonzero(counts)
    return pd.Series(counts[present], index=names[present].rename("nrp"), dtype="int64")


def _lookup(keys: pd.Series, mapping: pd.Series) -> pd.Series:
    """``keys.map(mapping)`` as ``string``, looked up once per distinct key (a few hundred officers) rather
    than once per row; NA keys and unknown keys give NA."""
    codes, uniques = _factorize(keys)
    found = pd.Series(uniques).map(mapping).astype("string")
    return pd.Series(found.array.take(codes, allow_fill=True), index=keys.index, name=keys.name)


def markdown_text(text: str) -> str:
    r"""``text`` with every ASCII punctuation mark backslash-escaped, so names from data stay plain text
    inside Streamlit markdown (no links, emphasis, colour or LaTeX).

    >>> print(markdown_text("Aiptu *X* [a](b)"))
    Aiptu \*X\* \[a\]\(b\)
    """
    return plain(text)  # the one escaping helper, analysis.core.text


def _plot_text(text: object) -> str:
    """Data text for a plotly label: plotly reads a few HTML tags, so they are escaped."""
    return html.escape(str(text), quote=False)


def officer_label(rank: object, name: object) -> str:
    """Rank and name in Polri form: ``"Aiptu Roziek Mustofa"`` (the name alone when the rank is unknown)."""
    parts = [str(p) for p in (rank, name) if p is not None and not pd.isna(p) and str(p).strip()]
    return " ".join(parts)


def officer_labels(ranks: pd.Series, names: pd.Series) -> list[str]:
    """``officer_label`` of each rank and name pair, written once per distinct pair (a records list of
    hundreds of thousands of patrols has a few hundred leaders)."""
    if len(ranks) != len(names):
        raise ValueError(f"{len(ranks)} ranks for {len(names)} names")
    rank_codes, _ = pd.factorize(ranks)  # -1 for a missing value
    name_codes, name_values = pd.factorize(names)
    pair = (rank_codes.astype(np.int64) + 1) * (len(name_values) + 1) + (name_codes + 1)
    _, first, inverse = np.unique(pair, return_index=True, return_inverse=True)
    labels = np.array([officer_label(ranks.iloc[i], names.iloc[i]) for i in first.tolist()], dtype=object)
    return labels[inverse.reshape(-1)].tolist()


def officer_directory(
    officers: pd.DataFrame, patrols: pd.DataFrame | None = None, complaints: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every officer known from the roster, plus patrol leaders and complaint handlers missing from it.

    Rank is an ordered categorical in ``schema.RANKS`` order. An officer missing from the roster takes
    name, rank and unit from the last patrol they led (``in_roster`` False, ``active`` True).
    """
    roster = pd.DataFrame(
        {
            "nrp": _text(officers["nrp"]),
            "name": _text(officers["name"]),
            "rank": _text(officers["rank"]),
            "unit": _text(officers["unit"]),
            "assigned_kelurahan": _text(officers["assigned_kelurahan"]),
            "active": officers["active"],
            "in_roster": True,
        }
    ).dropna(subset=["nrp"])
    if patrols is None:
        patrols = pd.DataFrame(columns=["leader_nrp", "leader_name", "leader_rank", "unit", "date"])
    if complaints is None:
        complaints = pd.DataFrame(columns=["handled_by_nrp"])
    # Only the latest row of each distinct leader number can supply a leader's details.
    patrols = patrols.iloc[_latest_rows(patrols["leader_nrp"], patrols["date"])]
    leaders = (
        pd.DataFrame(
            {
                "nrp": _text(patrols["leader_nrp"]),
                "name": _text(patrols["leader_name"]),
                "rank": _text(patrols["leader_rank"]),
                "unit": _text(patrols["unit"]),
                "date": patrols["date"],
            }
        )
        .dropna(subset=["nrp"])
        .sort_values("date", kind="stable")
        .drop_duplicates("nrp", keep="last")
        .drop(columns="date")
    )
    leaders = leaders.loc[~leaders["nrp"].isin(roster["nrp"])].assign(
        assigned_kelurahan=pd.NA, active=True, in_roster=False
    )
    known = set(roster["nrp"]) | set(leaders["nrp"])
    handlers = _text(complaints["handled_by_nrp"].drop_duplicates()).dropna().drop_duplicates()
    handlers = handlers.loc[~handlers.isin(known)]
    strangers = pd.DataFrame(
        {"nrp": handlers.to_numpy(), "name": handlers.to_numpy(), "rank": pd.NA, "unit": pd.NA}
    ).assign(assigned_kelurahan=pd.NA, active=True, in_roster=False)
    parts = [p for p in (roster, leaders, strangers) if len(p)]
    directory = pd.concat(parts, ignore_index=True) if parts else roster
    return (
        directory[DIRECTORY_COLUMNS]
        .astype({"nrp": "string", "name": "string", "unit": "string", "assigned_kelurahan": "string"})
        .assign(rank=lambda d: d["rank"].astype("string").astype(RANK_TYPE))
        .drop_duplicates("nrp")
        .reset_index(drop=True)
    )


def roster_directory(officers: pd.DataFrame) -> pd.DataFrame:
    """``officer_directory(officers)`` (the roster alone), built once for as long as the ``officers`` frame
    lives (``analysis.metrics.cube.per_frames``): the roster does not change with the filters. Shared: the
    caller must not change it."""
    return per_frames("roster_directory", (officers,), lambda: officer_directory(officers))


def activity_records(
    patrols: pd.DataFrame, complaints: pd.DataFrame, directory: pd.DataFrame
) -> pd.DataFrame:
    """One row per recorded activity: ``nrp``, ``unit``, ``date`` (midnight), ``kind`` patrol/complaint."""
    led = pd.DataFrame(
        {"nrp": _text(patrols["leader_nrp"]), "unit": _text(patrols["unit"]), "date": patrols["date"]}
    ).assign(kind="patrol")
    handled_nrp = _text(complaints["handled_by_nrp"])
    unit_of = directory.set_index("nrp")["unit"]
    handled = pd.DataFrame(
        {
            "nrp": handled_nrp,
            "unit": _lookup(handled_nrp, unit_of),
            "date": complaints["resolved_at"].fillna(complaints["received_at"]).dt.normalize(),
        }
    ).assign(kind="complaint")
    records = pd.concat([led, handled], ignore_index=True).dropna(subset=["nrp", "date"])
    return records.astype({"nrp": "string", "unit": "string", "kind": "string"}).reset_index(drop=True)


def _complaint_figures(complaints: pd.DataFrame, key: Key) -> pd.DataFrame:
    """Complaints handled, resolved and the median resolution days per value of ``key``."""
    codes, names = _as_codes(key)
    keep = codes >= 0
    resolved = (complaints["status"] == RESOLVED_STATUS).to_numpy(dtype=bool, na_value=False)
    days = complaints["resolution_days"].to_numpy(dtype=np.float64, na_value=np.nan)
    handled = np.bincount(codes[keep], minlength=len(names))
    medians = (
        pd.Series(days[keep & resolved]).groupby(codes[keep & resolved]).median().reindex(range(len(names)))
    )
    figures = pd.DataFrame(
        {
            "complaints_handled": handled,
            "complaints_resolved": np.bincount(codes[keep & resolved], minlength=len(names)),
            "median_resolution_days": medians.to_numpy(dtype=np.float64, na_value=np.nan),
        },
        index=names,
    )
    return figures.loc[handled > 0]


def _patrol_figures(patrols: pd.DataFrame, key: Key) -> pd.DataFrame:
    """Patrols led, personnel counted, personnel-hours and kelurahan covered per value of ``key``."""
    codes, names = _as_codes(key)
    keep = codes >= 0
    n = len(names)
    hours = (patrols["personnel_count"] * patrols["duration_hours"]).to_numpy(
        dtype=np.float64, na_value=np.nan
    )
    timed = keep & ~np.isnan(hours)
    kelurahan, places = _clean_codes(patrols["kelurahan"])
    visited = keep & (kelurahan >= 0)
    pairs = np.unique(codes[visited].astype(np.int64) * max(len(places), 1) + kelurahan[visited])
    led = np.bincount(codes[keep], minlength=n)
    patrols_timed = np.bincount(codes[timed], minlength=n)
    figures = pd.DataFrame(
        {
            "patrols_led": led,
            "personnel_counted": np.bincount(
                codes[keep], weights=patrols["personnel_count"].to_numpy()[keep], minlength=n
            ).astype(np.int64),
            # Hours are unknown, not zero, where no patrol has both times.
            "personnel_hours": np.where(
                patrols_timed > 0, np.bincount(codes[timed], weights=hours[timed], minlength=n), np.nan
            ),
            "patrols_timed": patrols_timed,
            "kelurahan_covered": np.bincount(pairs // max(len(places), 1), minlength=n),
        },
        index=names,
    )
    return figures.loc[led > 0]


def _combine(patrol_part: pd.DataFrame, complaint_part: pd.DataFrame, days: pd.Series) -> pd.DataFrame:
    combined = patrol_part.join(complaint_part, how="outer").join(days.rename("active_days"), how="outer")
    counts = [c for c in TOTAL_COLUMNS if c not in ("personnel_hours", "median_resolution_days")]
    combined = combined.reindex(columns=TOTAL_COLUMNS)
    return combined.assign(**{c: combined[c].fillna(0).astype("int64") for c in counts})


def officer_totals(
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    officers: pd.DataFrame,
    units: Sequence[str] = (),
    *,
    directory: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per officer with any activity in the frames given: patrols led, personnel counted, personnel-hours,
    kelurahan covered, active days, complaints handled and resolved, median resolution days.

    ``personnel_hours`` is NaN for an officer none of whose patrols has both times; ``patrols_timed`` says
    how many patrols the hours come from. ``units`` keeps officers of those units (empty = all). Sorted
    by patrols led, complaints handled, then rank high → low. ``directory``: ``officer_directory(officers,
    patrols, complaints)`` when the caller already has it (computed here otherwise).
    """
    if directory is None:
        directory = officer_directory(officers, patrols, complaints)
    leader, handler = _clean_codes(patrols["leader_nrp"]), _clean_codes(complaints["handled_by_nrp"])
    handled_day = complaints["resolved_at"].fillna(complaints["received_at"]).dt.normalize()
    totals = _combine(
        _patrol_figures(patrols, leader),
        _complaint_figures(complaints, handler),
        _distinct_days([(leader, patrols["date"]), (handler, handled_day)]),  # as activity_records' days
    )
    people = directory.set_index("nrp")[["name", "rank", "unit"]]
    result = people.join(totals, how="inner").rename_axis("nrp").reset_index()
    if units:
        result = result.loc[result["unit"].isin(list(units))]
    return result.sort_values(
        ["patrols_led", "complaints_handled", "rank", "name"],
        ascending=[False, False, False, True],
        kind="stable",
        na_position="last",
    ).reset_index(drop=True)


def unit_totals(
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    officers: pd.DataFrame,
    units: Sequence[str] = (),
    *,
    directory: pd.DataFrame | None = None,
    records: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The same figures as ``officer_totals`` per unit, plus ``officers_active`` (distinct people active).

    Patrols count for the unit written on the patrol; complaints for the handler's unit (module docstring).
    Units in ``schema.UNITS`` order, then any other unit; complaints whose handler's unit is unknown are
    left out. ``units`` keeps those units (empty = all). ``directory`` and ``records``:
    ``officer_directory(officers, patrols, complaints)`` and ``activity_records`` of the same frames when
    the caller already has them (computed here otherwise).
    """
    if directory is None:
        directory = officer_directory(officers, patrols, complaints)
    if records is None:
        records = activity_records(patrols, complaints, directory)
    handler_unit = _lookup(_text(complaints["handled_by_nrp"]), directory.set_index("nrp")["unit"])
    totals = _combine(
        _patrol_figures(patrols, _text(patrols["unit"])),
        _complaint_figures(complaints, handler_unit),
        records.groupby("unit")["date"].nunique(),
    )
    active = records.groupby("unit")["nrp"].nunique().rename("officers_active")
    totals = totals.join(active, how="left").rename_axis("unit").reset_index()
    order = {u: i for i, u in enumerate(UNITS)}
    totals = totals.assign(
        officers_active=totals["officers_active"].fillna(0).astype("int64"),
        _order=totals["unit"].map(order).fillna(len(UNITS)),
    )
    if units:
        totals = totals.loc[totals["unit"].isin(list(units))]
    columns = ["unit", "officers_active", *TOTAL_COLUMNS]
    return totals.sort_values(["_order", "unit"], kind="stable")[columns].reset_index(drop=True)


def _latest_in(frame: pd.DataFrame) -> pd.Series:
    """The latest ``date`` per ``key`` of ``frame`` (already cut to the end day; NA keys left out):
    grouped on the raw keys first (a few hundred officers), so the conversion to text runs per officer,
    not per row."""
    latest = frame.groupby("key", observed=True)["date"].max()
    return latest.groupby(_text(latest.index.to_series()).to_numpy(), dropna=True).max()


def _last_activity(patrols: pd.DataFrame, complaints: pd.DataFrame, end: pd.Timestamp) -> pd.Series:
    """Per nrp, the day of their latest activity up to ``end`` (the same days ``activity_records`` gives)."""

    def handled_day() -> pd.Series:
        return complaints["resolved_at"].fillna(complaints["received_at"]).dt.normalize()

    # Over the distinct (officer, day) pairs, remembered per frame (``analysis.metrics.cube``): the same
    # latest day as over the rows, without grouping millions of rows by a text key on every rerun.
    led = activity_days(patrols, "leader_nrp", lambda: patrols["date"])
    handled = activity_days(complaints, "handled_by_nrp", handled_day)
    parts = [_latest_in(days.loc[(days["date"] <= end).to_numpy()]) for days in (led, handled)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.Series(dtype="datetime64[ns]", index=pd.Index([], dtype="string", name="nrp"))
    last = pd.concat(parts).groupby(level=0).max()
    return last.set_axis(last.index.astype("string").rename("nrp"))


def reporting_gaps(
    officers: pd.DataFrame,
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    as_of: date,
    units: Sequence[str] = (),
) -> pd.DataFrame:
    """Active roster officers with the days since their last recorded activity up to ``as_of``.

    Pass whole-history frames: activity after ``as_of`` is ignored, activity before the period still
    counts as the last one. ``days_without`` is NaN for an officer with no activity at all (an alert).
    ``level``: ``"alert"`` above ``ALERT_DAYS``, ``"warning"`` above ``WARNING_DAYS``, else ``"ok"``.
    ``units`` keeps officers of those units (empty = all). Alerts first, longest silence first, then
    rank high → low.
    """
    end = pd.Timestamp(as_of)
    directory = roster_directory(officers)  # only roster officers are listed
    roster = directory.loc[directory["in_roster"] & directory["active"]]
    if units:
        roster = roster.loc[roster["unit"].isin(list(units))]
    last = _last_activity(patrols, complaints, end).rename("last_activity")
    gaps = roster.join(last, on="nrp")
    days = (end - gaps["last_activity"]).dt.days.astype("float64")
    level = pd.Series("ok", index=gaps.index, dtype="string")
    level = level.mask(days > WARNING_DAYS, "warning").mask((days > ALERT_DAYS) | days.isna(), "alert")
    severity = level.map({"alert": 0, "warning": 1, "ok": 2})
    return (
        gaps.assign(days_without=days, level=level, _severity=severity, _never=days.isna())
        .sort_values(
            ["_severity", "_never", "days_without", "rank", "name"],
            ascending=[True, False, False, False, True],
            kind="stable",
            na_position="last",
        )[["nrp", "name", "rank", "unit", "assigned_kelurahan", "last_activity", "days_without", "level"]]
        .reset_index(drop=True)
    )


def shared_reporting_gaps(
    officers: pd.DataFrame,
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    as_of: date,
    units: Sequence[str] = (),
) -> pd.DataFrame:
    """``reporting_gaps(officers, patrols, complaints, as_of, units)`` for whole-history frames that never
    change (the Dataset's), remembered among ``cube.MAX_RESULTS`` recent results: it depends on neither the
    period's start nor the kelurahan, so Ringkasan's findings and the Personel page share one table, and a
    change of the kelurahan filter leaves it as it was. Shared: the caller must not change it."""
    return per_frames_and_arguments(
        "reporting_gaps",
        (officers, patrols, complaints),
        (as_of, tuple(units)),
        lambda: reporting_gaps(officers, patrols, complaints, as_of, units),
    )


def gap_summary(gaps: pd.DataFrame, lang: Lang = "id") -> str:
    """One sentence: how many officers are in alert and in warning."""
    counts = gaps["level"].value_counts()
    return t(
        "officers.gaps.summary",
        lang,
        alert=fmt_int(counts.get("alert", 0), lang),
        warning=fmt_int(counts.get("warning", 0), lang),
        total=fmt_int(len(gaps), lang),
    )


def gap_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gap list for people and downloads, one row per officer of ``reporting_gaps``, in its order.

    Columns: ``officer`` (Polri form), ``nrp``, ``unit``, ``assigned_kelurahan`` ("–" when none),
    ``last_activity`` (datetime64 at midnight, NaT for never), ``days_without`` (``Int64``, missing for
    never), ``level`` (``ok``/``warning``/``alert``). Headers, the level in words and "belum pernah" for
    never are the page's (``ui.columns.GAPS``).
    """
    return pd.DataFrame(
        {
            "officer": officer_labels(gaps["rank"], gaps["name"]),
            "nrp": gaps["nrp"].to_numpy(),
            "unit": gaps["unit"].fillna("–").to_numpy(),
            "assigned_kelurahan": gaps["assigned_kelurahan"].fillna("–").to_numpy(),
            "last_activity": pd.to_datetime(gaps["last_activity"]).dt.normalize().to_numpy(),
            "days_without": gaps["days_without"].astype("Int64").to_numpy(),
            "level": gaps["level"].astype("str").to_numpy(),
        }
    )


def gap_row_css(gaps: pd.DataFrame) -> list[str]:
    """One CSS text per row of ``gap_table``: warning rows amber, alert rows red, with dark text so they
    stay readable on a projector; ``""`` for a row without a gap."""
    colours = gaps["level"].astype("str").map(GAP_LEVEL_COLOURS).fillna("")
    return [f"background-color: {c}; color: {GAP_TEXT_COLOUR}" if c else "" for c in colours]


def leader_kelurahan_visits(patrols: pd.DataFrame) -> pd.DataFrame:
    """Patrols per leader and kelurahan: ``leader_nrp``, ``leader`` (Polri form), ``kelurahan``,
    ``visits``."""
    frame = pd.DataFrame(
        {
            "leader_nrp": _text(patrols["leader_nrp"]),
            "kelurahan": _text(patrols["kelurahan"]),
            "rank": patrols["leader_rank"],
            "name": patrols["leader_name"],
            "date": patrols["date"],
        }
    ).dropna(subset=["leader_nrp", "kelurahan"])
    # A leader written two ways (a promotion, a typo) keeps the label of their latest patrol.
    latest = frame.sort_values("date", kind="stable").drop_duplicates("leader_nrp", keep="last")
    labels = pd.Series(
        officer_labels(latest["rank"], latest["name"]), index=latest["leader_nrp"], dtype="string"
    )
    visits = frame.groupby(["leader_nrp", "kelurahan"]).size().rename("visits").reset_index()
    leader = visits["leader_nrp"].map(labels).astype("string")
    return visits.assign(leader=leader)[["leader_nrp", "leader", "kelurahan", "visits"]]


def assigned_kelurahan_visits(
    patrols: pd.DataFrame,
    officers: pd.DataFrame,
    kelurahan: Sequence[str] | None = None,
    as_of: date | None = None,
    *,
    visits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per kelurahan with an active assigned Bhabinkamtibmas (``officers.assigned_kelurahan``): their visits
    there, everybody's visits there, and ``never_visited`` when the assigned officer led none.

    With ``as_of`` (the period's end) also ``days_since_assigned`` (NaN when never) and ``long_absent``:
    visited in the period, but not in the last ``ABSENT_DAYS`` days up to ``as_of``.
    ``kelurahan`` limits the result to the kelurahan in scope (None = all). ``visits``:
    ``leader_kelurahan_visits(patrols)`` when the caller already has it (computed here otherwise).
    """
    directory = roster_directory(officers)
    assigned = directory.loc[
        directory["in_roster"] & directory["active"] & directory["assigned_kelurahan"].notna()
    ]
    if kelurahan is not None:
        assigned = assigned.loc[assigned["assigned_kelurahan"].isin(list(kelurahan))]
    if visits is None:
        visits = leader_kelurahan_visits(patrols)
    total = visits.groupby("kelurahan")["visits"].sum()
    own = visits.set_index(["leader_nrp", "kelurahan"])["visits"]
    pairs = list(zip(assigned["nrp"], assigned["assigned_kelurahan"], strict=True))
    by_assigned = [int(own.get(pair, 0)) for pair in pairs]
    own_last = (
        pd.DataFrame({"nrp": _text(patrols["leader_nrp"]), "kel": _text(patrols["kelurahan"])})
        .assign(date=patrols["date"])
        .groupby(["nrp", "kel"])["date"]
        .max()
    )
    last = pd.Series([own_last.get(pair, pd.NaT) for pair in pairs], dtype="datetime64[ns]")
    end = pd.Timestamp(as_of) if as_of is not None else pd.NaT
    days_since = (end - last).dt.days.astype("float64")
    result = pd.DataFrame(
        {
            "kelurahan": assigned["assigned_kelurahan"].to_numpy(),
            "nrp": assigned["nrp"].to_numpy(),
            "name": assigned["name"].to_numpy(),
            "rank": assigned["rank"].to_numpy(),
            "visits_by_assigned": pd.Series(by_assigned, dtype="int64").to_numpy(),
            "visits_total": [int(total.get(k, 0)) for k in assigned["assigned_kelurahan"]],
            "days_since_assigned": days_since.to_numpy(),
        }
    )
    return (
        result.assign(
            never_visited=result["visits_by_assigned"] == 0,
            long_absent=result["days_since_assigned"] > ABSENT_DAYS,
        )
        .sort_values(["never_visited", "kelurahan"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def single_leader_kelurahan(
    patrols: pd.DataFrame,
    min_share: float = SINGLE_LEADER_SHARE,
    min_visits: int = SINGLE_LEADER_MIN_VISITS,
    *,
    visits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per visited kelurahan, its most frequent leader and their share of its visits.

    ``depends_on_one`` is True when ``share >= min_share`` and ``visits >= min_visits`` (see the module
    docstring for why 0.8 and 5). A tie for the top leader is broken by name; the share is the same.
    Flagged kelurahan first, highest share first. ``visits``: ``leader_kelurahan_visits(patrols)`` when
    the caller already has it (computed here otherwise).
    """
    if visits is None:
        visits = leader_kelurahan_visits(patrols)
    columns = ["kelurahan", "visits", "leader_nrp", "leader", "leader_visits", "share", "depends_on_one"]
    if visits.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    top = (
        visits.sort_values(["kelurahan", "visits", "leader"], ascending=[True, False, True], kind="stable")
        .drop_duplicates("kelurahan")
        .rename(columns={"visits": "leader_visits"})
    )
    total = visits.groupby("kelurahan")["visits"].sum().rename("visits")
    result = top.join(total, on="kelurahan")
    result = result.assign(share=result["leader_visits"] / result["visits"])
    result = result.assign(depends_on_one=(result["share"] >= min_share) & (result["visits"] >= min_visits))
    return result.sort_values(
        ["depends_on_one", "share", "visits", "kelurahan"],
        ascending=[False, False, False, True],
        kind="stable",
    )[columns].reset_index(drop=True)


def coverage_flags(
    assigned_visits: pd.DataFrame,
    leader_shares: pd.DataFrame,
    lang: Lang = "id",
    period_days: int | None = None,
) -> list[str]:
    """Plain sentences for the Kapolsek: kelurahan never visited by their Bhabinkamtibmas, or not for more
    than ``ABSENT_DAYS`` days, and kelurahan that depend on one leader. Empty when nothing is flagged.

    A period shorter than ``NEVER_VISITED_MIN_DAYS`` (a week) is too short to blame an absence: instead of
    one "never visited" line per kelurahan it gets one line saying so.
    """
    lines = []
    never = assigned_visits.loc[assigned_visits["never_visited"]]
    if len(never) and period_days is not None and period_days < NEVER_VISITED_MIN_DAYS:
        lines.append(t("officers.flag.too_short", lang, days=fmt_int(NEVER_VISITED_MIN_DAYS, lang)))
        never = never.iloc[0:0]
    for row in never.itertuples():
        lines.append(
            t(
                "officers.flag.never_visited",
                lang,
                kelurahan=row.kelurahan,
                officer=officer_label(row.rank, row.name),
                others=fmt_int(row.visits_total, lang),
            )
        )
    for row in assigned_visits.loc[assigned_visits["long_absent"]].itertuples():
        lines.append(
            t(
                "officers.flag.long_absent",
                lang,
                kelurahan=row.kelurahan,
                officer=officer_label(row.rank, row.name),
                days=fmt_int(row.days_since_assigned, lang),
            )
        )
    for row in leader_shares.loc[leader_shares["depends_on_one"].astype(bool)].itertuples():
        lines.append(
            t(
                "officers.flag.one_leader",
                lang,
                kelurahan=row.kelurahan,
                officer=row.leader,
                led=fmt_int(row.leader_visits, lang),
                visits=fmt_int(row.visits, lang),
                share=fmt_pct(row.share, lang, 0),
            )
        )
    return lines


def activity_of(records: pd.DataFrame, unit: str | None = None, nrp: str | None = None) -> pd.DataFrame:
    """The ``activity_records`` of one unit or one officer (neither = all)."""
    mask = pd.Series(True, index=records.index)
    if unit is not None:
        mask &= records["unit"] == unit
    if nrp is not None:
        mask &= records["nrp"] == nrp
    return records.loc[mask.fillna(False).astype(bool)]


def coverage_table(visits: pd.DataFrame, kelurahan: Sequence[str]) -> pd.DataFrame:
    """The leader × kelurahan matrix as a table for download: ``officer`` (Polri form), then one int64
    column per kelurahan of ``kelurahan`` (zeros written out); the busiest leader first."""
    matrix = visits.pivot_table(index="leader", columns="kelurahan", values="visits", aggfunc="sum")
    matrix = matrix.reindex(columns=list(kelurahan), fill_value=0).fillna(0).astype("int64")
    order = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index
    table = matrix.loc[order].rename_axis(index="officer", columns=None)
    return table.reset_index()


def daily_activity(records: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Every day from ``start`` to ``end``: ``date``, ``patrols``, ``complaints``, ``total`` (zeros too).

    A record counts on its ``date`` when that is one of the days at midnight (as ``activity_records``
    gives them); counted with one integer day number per record, not a pivot of the records.
    """
    days = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D", name="date")
    stamps = records["date"].to_numpy().astype("datetime64[ns]")
    day = stamps.astype("datetime64[D]")
    offset = (day - np.datetime64(pd.Timestamp(start).date(), "D")).astype(np.int64)
    on_a_day = ~np.isnat(stamps) & (day.astype("datetime64[ns]") == stamps)
    on_a_day &= (offset >= 0) & (offset < len(days))
    kind = records["kind"]

    def count(name: str) -> np.ndarray:
        of_kind = (kind == name).to_numpy(dtype=bool, na_value=False)
        return np.bincount(offset[on_a_day & of_kind], minlength=len(days)).astype("int64")

    return pd.DataFrame({"date": days, "patrols": count("patrol"), "complaints": count("complaint")}).assign(
        total=lambda d: d["patrols"] + d["complaints"]
    )


def weekday_names(lang: Lang = "id") -> list[str]:
    """Monday-first short weekday names."""
    return t("officers.weekdays", lang).split(",")


def calendar_heatmap_figure(daily: pd.DataFrame, lang: Lang = "id", title: str = "") -> go.Figure:
    """GitHub-style day grid: one column per week (Monday first), one row per weekday, colour = activities.

    Days outside the period stay blank; a day in the period without activity is light grey. A week the
    period cuts (fewer than seven days in it) has its column label end in ``*``, explained on the axis.
    """
    names = weekday_names(lang)
    fig = go.Figure()
    title = _plot_text(title)
    if daily.empty:
        return fig.update_layout(title=title)
    dates = pd.to_datetime(daily["date"])
    week = dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    weeks = pd.date_range(week.min(), week.max(), freq="7D")
    grid = pd.DataFrame({"week": week, "weekday": dates.dt.day_of_week, "total": daily["total"].to_numpy()})
    z = grid.pivot(index="weekday", columns="week", values="total").reindex(index=range(7), columns=weeks)
    hover = {
        (w, d.day_of_week): t(
            "officers.calendar.hover",
            lang,
            date=fmt_date(d, lang, "long"),
            patrols=fmt_int(p, lang),
            complaints=fmt_int(c, lang),
        )
        for w, d, p, c in zip(week, dates, daily["patrols"], daily["complaints"], strict=True)
    }
    text = [[hover.get((w, wd), "") for w in weeks] for wd in range(7)]
    partial = (week.value_counts() < 7).to_dict()  # a week the period cuts: its column ends in "*"
    fig.add_trace(
        go.Heatmap(
            z=z.to_numpy(dtype="float64"),
            x=[fmt_date(w, lang, "short") + ("*" if partial.get(w, False) else "") for w in weeks],
            y=names,
            text=text,
            hovertemplate="%{text}<extra></extra>",
            colorscale=CALENDAR_SCALE,
            zmin=0,
            zmax=max(float(daily["total"].max()), 1.0),
            xgap=3,
            ygap=3,
            colorbar={"title": {"text": t("officers.calendar.legend", lang)}},
        )
    )
    return fig.update_layout(
        title=title,
        yaxis={"autorange": "reversed", "scaleanchor": "x", "constrain": "domain", "showgrid": False},
        xaxis={
            "side": "top",
            "type": "category",
            "showgrid": False,
            "title": {"text": t("display.bin.axis_note", lang) if any(partial.values()) else ""},
        },
        height=260,
        margin=margin(70, 10, left=50, right=20),
        plot_bgcolor="white",
    )


def coverage_matrix_figure(
    visits: pd.DataFrame, kelurahan: Sequence[str], lang: Lang = "id", max_leaders: int = 40
) -> go.Figure:
    """Leader × kelurahan matrix of patrols led (from ``leader_kelurahan_visits``).

    Columns are ``kelurahan`` in the order given (unvisited ones stay as empty columns); rows are the
    ``max_leaders`` leaders with most visits, busiest on top.
    """
    fig = go.Figure()
    if visits.empty:
        return fig.update_layout(title=t("officers.coverage.matrix_title", lang))
    totals = visits.groupby("leader")["visits"].sum().sort_values(ascending=False, kind="stable")
    leaders = totals.index[:max_leaders].tolist()
    leader_labels = [_plot_text(leader) for leader in leaders]
    columns = list(kelurahan) or sorted(visits["kelurahan"].unique())
    matrix = (
        visits.pivot_table(index="leader", columns="kelurahan", values="visits", aggfunc="sum")
        .reindex(index=leaders, columns=columns)
        .astype("float64")
    )
    fig.add_trace(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=[_plot_text(k) for k in columns],
            y=leader_labels,
            colorscale=PRESENCE_SCALE,
            zmin=0,
            xgap=1,
            ygap=1,
            text=matrix.fillna(0).astype("int64").astype(str).replace("0", "").to_numpy(),
            texttemplate="%{text}",
            hovertemplate=t("officers.coverage.hover", lang) + "<extra></extra>",
            colorbar={"title": {"text": t("officers.col.patrols_led", lang)}},
        )
    )
    return fig.update_layout(
        title=t("officers.coverage.matrix_title", lang),
        yaxis={"autorange": "reversed", "type": "category"},
        xaxis={"type": "category", "tickangle": -45},
        height=max(320, 120 + 24 * len(leaders)),
        margin=margin(60, 120),
        plot_bgcolor="white",
    )


def activity_by_rank_unit(totals: pd.DataFrame) -> pd.DataFrame:
    """Activities (patrols led + complaints handled) per rank and unit of the officer, ranks low → high.

    Officers whose rank is unknown (handlers missing from the roster) cannot be placed and are left out.
    """
    frame = totals.assign(
        activities=totals["patrols_led"] + totals["complaints_handled"],
        unit=totals["unit"].fillna("–"),
        rank=totals["rank"].astype(RANK_TYPE),
    )
    grouped = frame.groupby(["rank", "unit"], observed=True)["activities"].sum().reset_index()
    return grouped.loc[grouped["activities"] > 0].reset_index(drop=True)


def rank_unit_figure(by_rank_unit: pd.DataFrame, lang: Lang = "id") -> go.Figure:
    """Stacked bars: activities per rank (Polri order, low → high), one colour per unit."""
    fig = go.Figure()
    ranks = [r for r in RANKS if r in set(by_rank_unit["rank"].astype("string"))]
    units = [u for u in UNITS if u in set(by_rank_unit["unit"])]
    units += sorted(set(by_rank_unit["unit"]) - set(units))
    for unit in units:
        part = by_rank_unit.loc[by_rank_unit["unit"] == unit]
        part = part.set_index(part["rank"].astype("string"))
        fig.add_trace(
            go.Bar(
                name=_plot_text(unit),
                x=ranks,
                y=part["activities"].reindex(ranks).fillna(0).to_numpy(),
                marker_color=UNIT_COLOURS.get(unit, OTHER_UNIT_COLOUR),
                hovertemplate=f"{_plot_text(unit)} · %{{x}}: %{{y}}<extra></extra>",
            )
        )
    return fig.update_layout(
        barmode="stack",
        title=t("officers.rank_unit.title", lang),
        xaxis={
            "title": {"text": t("officers.col.rank", lang)},
            "categoryorder": "array",
            "categoryarray": ranks,
        },
        yaxis={"title": {"text": t("officers.rank_unit.y", lang)}},
        legend={"title": {"text": t("officers.col.unit", lang)}},
        height=380,
        margin=margin(60, 50, left=50, right=20),
    )


def _figures_columns(frame: pd.DataFrame) -> dict[str, object]:
    """The figure columns (``TOTAL_COLUMNS``) as numbers: counts ``int64``, personnel-hours and median
    days ``float`` rounded to one decimal (formatted for the screen at the page's edge)."""
    decimals = ("personnel_hours", "median_resolution_days")
    return {
        name: frame[name].astype("float64").round(1).to_numpy()
        if name in decimals
        else frame[name].astype("int64").to_numpy()
        for name in TOTAL_COLUMNS
    }


def officer_table(totals: pd.DataFrame) -> pd.DataFrame:
    """``officer_totals`` for people: ``officer`` (Polri form), ``nrp``, ``unit`` ("–" when none), then the
    ``TOTAL_COLUMNS`` as numbers (sortable on screen, numbers in a download)."""
    head = {
        "officer": officer_labels(totals["rank"], totals["name"]),
        "nrp": totals["nrp"].to_numpy(),
        "unit": totals["unit"].fillna("–").to_numpy(),
    }
    return pd.DataFrame(head | _figures_columns(totals))


def unit_table(units: pd.DataFrame) -> pd.DataFrame:
    """``unit_totals`` for people: ``unit``, ``officers_active``, then the ``TOTAL_COLUMNS``."""
    head = {"unit": units["unit"].to_numpy(), "officers_active": units["officers_active"].to_numpy()}
    return pd.DataFrame(head | _figures_columns(units))


def summary_metrics(row: pd.Series, lang: Lang = "id") -> list[tuple[str, str]]:
    """Label and formatted value of the eight headline figures of one officer or unit row (metric cards)."""
    resolved = f"{fmt_int(row['complaints_resolved'], lang)} / {fmt_int(row['complaints_handled'], lang)}"
    return [
        (t("officers.col.patrols_led", lang), fmt_int(row["patrols_led"], lang)),
        (t("officers.col.personnel_counted", lang), fmt_int(row["personnel_counted"], lang)),
        (t("officers.col.personnel_hours", lang), fmt_num(row["personnel_hours"], lang)),
        (t("officers.col.patrols_timed", lang), fmt_int(row["patrols_timed"], lang)),
        (t("officers.col.kelurahan_covered", lang), fmt_int(row["kelurahan_covered"], lang)),
        (t("officers.col.active_days", lang), fmt_int(row["active_days"], lang)),
        (t("officers.metric.resolved_of_handled", lang), resolved),
        (t("officers.col.median_days", lang), fmt_num(row["median_resolution_days"], lang)),
    ]
