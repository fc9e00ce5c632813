"""The records behind every number: the filtered patrols and complaints as tables people can sort and
download, and the sentence that states the filter they come from.

Pure: frames in (already filtered, personal data already masked for the role), frames out. Dates stay
dates and numbers stay numbers (the page formats them), so sorting and the Excel download work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.core.text import scrub_text
from analysis.data.schema import COLUMNS, Kind
from analysis.i18n import Lang, fmt_date_range, t
from analysis.metrics.filters import Filters, selected_kelurahan
from analysis.metrics.officers import officer_labels
from analysis.metrics.trends import _minutes

ColumnType = Literal["date", "datetime", "integer", "number", "text"]

# (column, type) in the order shown. "leader" is rank and name in Polri form.
PATROL_FIELDS: tuple[tuple[str, ColumnType], ...] = (
    ("date", "date"),
    ("start_time", "text"),
    ("end_time", "text"),
    ("kelurahan", "text"),
    ("activity", "text"),
    ("leader", "text"),
    ("personnel_count", "integer"),
    ("topics", "text"),
    ("residents_met", "integer"),
    ("notes", "text"),
    ("unit", "text"),
    ("leader_nrp", "text"),
    ("kecamatan", "text"),
    ("duration_hours", "number"),
    ("location", "text"),
    ("patrol_id", "text"),
)
COMPLAINT_FIELDS: tuple[tuple[str, ColumnType], ...] = (
    ("received_at", "datetime"),
    ("kelurahan", "text"),
    ("category", "text"),
    ("status", "text"),
    ("channel", "text"),
    ("description", "text"),
    ("resolved_at", "datetime"),
    ("resolution_days", "number"),
    ("handled_by_nrp", "text"),
    ("patrol_id", "text"),
    ("reporter_name", "text"),
    ("reporter_phone", "text"),
    ("kecamatan", "text"),
    ("complaint_id", "text"),
)


def header(kind: Kind, column: str, lang: Lang = "id") -> str:
    """The column's name for people: the data contract's label, or this module's own for derived ones."""
    for c in COLUMNS[kind]:
        if c.name == column:
            return c.label_en if lang == "en" else c.label_id
    return t(f"records.col.{column}", lang)


def column_types(kind: Kind) -> dict[str, ColumnType]:
    """Column -> type of each column of ``patrol_records`` / ``complaint_records``, in their order."""
    return dict(PATROL_FIELDS if kind == "patrols" else COMPLAINT_FIELDS)


def _table(frame: pd.DataFrame, fields: tuple[tuple[str, ColumnType], ...]) -> pd.DataFrame:
    columns = {}
    for name, type_ in fields:
        values = frame[name]
        if type_ == "integer":
            values = pd.to_numeric(values, errors="coerce").round().astype("Int64")
        elif type_ == "number":
            values = pd.to_numeric(values, errors="coerce").astype("float64")
        elif type_ == "text":
            values = values.astype("string").fillna("")  # not recorded: a blank cell, not "None"
        columns[name] = values.to_numpy() if type_ in ("date", "datetime") else values.array
    return pd.DataFrame(columns)


FREE_TEXT = {"patrols": "notes", "complaints": "description"}


def _scrubbed(frame: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """Phone numbers, NIK and e-mail addresses in the free text replaced (for roles without personal data)."""
    column = FREE_TEXT[kind]
    text = frame[column].map(lambda v: scrub_text(v, max_len=100_000) if isinstance(v, str) else v)
    return frame.assign(**{column: text.astype("string")})


# How many records the page draws at most, latest first: a Polsek's quarter fits whole; a Polda's cut of
# tens of thousands would cost the server a second per rerun and the browser megabytes no one scrolls
# through. The page says how many there are, and its downloads hold all of them.
SHOWN_ROWS = 5_000
PATROL_ORDER = ("date", "start_time", "patrol_id")
COMPLAINT_ORDER = ("received_at", "complaint_id")


def latest(frame: pd.DataFrame, order: Sequence[str], limit: int | None = None) -> pd.DataFrame:
    """``frame``'s rows latest first (``order``'s columns descending, ties as they stand), the first
    ``limit`` of them (all with None). Only the ``order`` columns are sorted: the other columns, free text
    included, are taken once, and only for the rows kept."""
    keys = frame[list(order)].reset_index(drop=True)
    positions = keys.sort_values(list(order), ascending=False, kind="stable").index.to_numpy()
    return frame.iloc[positions if limit is None else positions[:limit]]


def patrol_records(patrols: pd.DataFrame, scrub: bool = False, limit: int | None = None) -> pd.DataFrame:
    """One row per patrol, latest first (date, then start time), columns of ``PATROL_FIELDS`` under their
    names: date (datetime64), times, place, activity, leader ("Aiptu Roziek Mustofa"), personnel (Int64),
    every topic as written ("A; B"), residents met (Int64, NA = unknown), notes, unit, the leader's NRP,
    duration in hours, location, ID. Headers are ``header``'s, at the page's edge. ``scrub``: personal
    numbers in the notes replaced (``analysis.core.text.scrub_text``). ``limit``: only the latest
    ``limit`` patrols (``latest``)."""
    ordered = latest(patrols, PATROL_ORDER, limit)
    ordered = ordered.assign(leader=officer_labels(ordered["leader_rank"], ordered["leader_name"]))
    return _table(_scrubbed(ordered, "patrols") if scrub else ordered, PATROL_FIELDS)


def complaint_records(
    complaints: pd.DataFrame, scrub: bool = False, limit: int | None = None
) -> pd.DataFrame:
    """One row per complaint, latest first, columns of ``COMPLAINT_FIELDS`` under their names: received
    (datetime64), place, category, status, channel, the whole description, resolved (datetime64, NaT),
    days to resolve (float), handler, patrol, reporter (as masked by the caller for the role), kecamatan,
    ID. ``scrub``: personal numbers in the description replaced. ``limit``: only the latest ``limit``."""
    ordered = latest(complaints, COMPLAINT_ORDER, limit)
    return _table(_scrubbed(ordered, "complaints") if scrub else ordered, COMPLAINT_FIELDS)


def counted_complaints(complaints: pd.DataFrame, include_invalid: bool) -> pd.DataFrame:
    """The complaints listed: the valid ones (what every chart counts by default), or all of them."""
    return complaints if include_invalid else complaints.loc[complaints["is_valid"]]


def filter_statement(filters: Filters, kecamatan_of: Mapping[str, str], lang: Lang = "id") -> str:
    """The filter the records come from, in words: "Periode 19–25 Mei 2025 · Kelurahan: Gedog · ..."."""
    parts = [t("records.filter.period", lang, range=fmt_date_range(filters.start, filters.end, lang))]
    if filters.kelurahan or filters.kecamatan:
        places = selected_kelurahan(filters, kecamatan_of) or []
        if filters.kecamatan and not filters.kelurahan:
            parts.append(t("records.filter.kecamatan", lang, values=", ".join(filters.kecamatan)))
        else:
            parts.append(t("records.filter.kelurahan", lang, values=", ".join(places) or "–"))
    for attr in ("categories", "units", "channels"):
        values = getattr(filters, attr)
        if values:
            parts.append(t(f"records.filter.{attr}", lang, values=", ".join(values)))
    if len(parts) == 1:
        parts.append(t("records.filter.everything", lang))
    return " · ".join(parts)


def received_at_hour(complaints: pd.DataFrame, weekday: int, hour: int) -> pd.DataFrame:
    """Complaints reported on ``weekday`` (0 = Monday) in clock hour ``hour``: one cell of Tren's grid."""
    received = complaints["received_at"]
    return complaints.loc[(received.dt.day_of_week == weekday) & (received.dt.hour == hour)]


def patrols_out_at(patrols: pd.DataFrame, weekday: int, hour: int) -> pd.DataFrame:
    """Patrols out during ``weekday`` × ``hour``, by the rule of ``trends.patrol_presence_by_weekday_hour``
    (every clock hour from start to end; an end before the start crosses midnight; untimed ones never)."""
    start = pd.Series(_minutes(patrols["start_time"]), index=patrols.index)
    end = pd.Series(_minutes(patrols["end_time"]), index=patrols.index)
    timed = start.notna() & end.notna() & patrols["start_time"].notna() & patrols["end_time"].notna()
    end = end.where(end >= start, end + 1440)
    first_hour = start // 60
    hours = ((end / 60).apply(np.ceil) - first_hour).clip(lower=1)
    base = patrols["date"].dt.day_of_week * 24 + first_hour
    offset = (weekday * 24 + hour - base) % 168
    return patrols.loc[timed & (offset < hours)]


def cell_statement(grid: str, weekday: int, hour: int, lang: Lang = "id") -> str:
    """ "Senin, jam 22.00–22.59 (jam laporan diterima)" for the narrowing of a clicked hour cell."""
    return t(
        f"records.cell.{grid}",
        lang,
        day=t(f"trends.weekday.{weekday}", lang),
        hours=f"{hour:02d}.00–{hour:02d}.59",
    )
