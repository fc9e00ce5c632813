"""Every table's column labels and formats, one spec per table: analysis returns stable English column names
(``kelurahan``, ``visits``, ``z_previous``) and real numbers; a page shows and exports them through here.

A spec is an ordered ``{column: Column}``: the header's i18n key, the decimals of a float column, what an
empty cell says, the i18n key pattern of a coded value (``"stats.direction.{}"``: ``up`` → "naik
bermakna"), or how a shown column is derived from others ("4 → 9" from ``previous`` and ``current``).
``present`` gives the frame as people read it (still stable names, numbers still numbers), ``table`` draws
it with translated labels (``column_config``) and Indonesian/English number form (the text
``analysis.metrics.tables.styled`` gives, written by ``cell_text`` without a Babel call per cell),
``for_export`` gives the CSV/Excel download its translated headers.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache, partial
from typing import Any, Literal

import numpy as np
import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from analysis.data.schema import Kind
from analysis.i18n import Lang, fmt_date, fmt_int, fmt_num, t
from analysis.metrics import records, tables
from analysis.metrics.maps import Measure
from analysis.metrics.stats import count_change_text
from analysis.metrics.trends import month_label
from ui import context as ctx
from ui import drill, widgets

Label = str | Callable[[Lang], str]  # an i18n key, or the header built for the language
Width = Literal["small", "medium", "large"] | int


def _as_is(text: str) -> Callable[[Lang], str]:
    """A header that is the same in every language: a category's or a kelurahan's name."""

    def label(_lang: Lang) -> str:
        return text

    return label


@dataclass(frozen=True)
class Column:
    """How one column is shown. ``label``: i18n key (or a function of the language); ``digits``: decimals
    of a float column (default 1); ``missing``: i18n key of an empty cell's text (default "–");
    ``values``: i18n key pattern of a coded text value; ``derive``: builds the shown column from the
    frame; ``pinned``: kept in view when the table scrolls sideways; ``width``: Streamlit column width."""

    label: Label
    digits: int | None = None
    missing: str | None = None
    values: str | None = None
    derive: Callable[[pd.DataFrame, Lang], Sequence[object]] | None = None
    pinned: bool = False
    width: Width | None = None

    def text(self, lang: Lang) -> str:
        """The header in ``lang``."""
        return t(self.label, lang) if isinstance(self.label, str) else self.label(lang)


Spec = Mapping[str, Column]


def arrow(base: str, now: str = "current") -> Callable[[pd.DataFrame, Lang], Sequence[object]]:
    """A derived column ``"4 → 9"``: the counts themselves (``base`` then ``now``), "–" for unknown."""

    def derive(frame: pd.DataFrame, lang: Lang) -> Sequence[object]:
        return count_change_text(frame[base], frame[now], lang).tolist()

    return derive


def _hours(frame: pd.DataFrame, lang: Lang) -> Sequence[object]:
    return [f"{h:02d}.00–{h:02d}.59" for h in frame["hour"]]


def _months(frame: pd.DataFrame, lang: Lang) -> Sequence[object]:
    return [month_label(m, lang) for m in frame["month"]]


def _remarks(frame: pd.DataFrame, lang: Lang) -> Sequence[object]:
    return [
        t("trends.align.no_patrol", lang)
        if n == 0
        else t("trends.align.not_raised", lang, n=fmt_int(n, lang))
        for n in frame["patrols"]
    ]


# --- Tren Kategori ------------------------------------------------------------------------------------------
CHANGES: Spec = {
    "kelurahan": Column("trends.col.kelurahan"),
    "category": Column("trends.col.category"),
    "previous_change": Column("trends.col.previous", derive=arrow("previous")),
    "direction_previous": Column("trends.col.previous_label", values="stats.direction.{}"),
    "year_before_change": Column("trends.col.year_before", derive=arrow("year_before")),
    "direction_year": Column("trends.col.year_before_label", values="stats.direction.{}"),
    "strength": Column("trends.col.strength", values="stats.strength.{}"),
    "patrols": Column("trends.col.patrols"),
    "z_previous": Column("trends.col.previous_z", digits=1),
    "z_year": Column("trends.col.year_before_z", digits=1),
}
HOUR_GAPS: Spec = {
    "weekday": Column("trends.col.weekday", values="trends.weekday.{}"),
    "hours": Column("trends.col.hour", derive=_hours),
    "complaints": Column("trends.col.complaints"),
}
MISMATCHES: Spec = {
    "month_name": Column("trends.col.month", derive=_months),
    "kelurahan": Column("trends.col.kelurahan"),
    "category": Column("trends.col.category"),
    "complaints": Column("trends.col.complaints"),
    "remark": Column("trends.col.remark", derive=_remarks),
}


def per_bin(categories: Sequence[str]) -> Spec:
    """The per-period table (``analysis.metrics.bins.bin_table``): period, days counted, one column per
    category (headed by its name), the total."""
    spec: dict[str, Column] = {
        "period": Column("display.bin.period"),
        "days": Column("display.bin.partial_col"),
    }
    spec |= {c: Column(_as_is(c)) for c in categories}
    return spec | {"total": Column("display.bin.total")}


# --- Ringkasan ---------------------------------------------------------------------------------------------
LAST_VISIT: Spec = {
    "kelurahan": Column("overview.lastvisit.kelurahan", pinned=True),
    "days": Column("overview.lastvisit.days", digits=0),
    "last_visit": Column("overview.lastvisit.last", missing="overview.lastvisit.never"),
    "kecamatan": Column("overview.lastvisit.kecamatan"),
}


def _measure_header(name: Measure, lang: Lang) -> str:
    """The measure's header with its unit: "Kunjungan patroli (kunjungan)"."""
    return f"{t(f'map.measure.{name}', lang)} ({t(f'map.unit.{name}', lang)})"


# --- Peta ---------------------------------------------------------------------------------------------------
def measure(name: Measure, digits: int) -> Spec:
    """The map's side table: kelurahan (pinned), kecamatan, the measure with its unit in the header."""
    return {
        "kelurahan": Column("filter.kelurahan", pinned=True),
        "kecamatan": Column("map.detail.kecamatan"),
        name: Column(
            partial(_measure_header, name),
            digits=digits,
            missing="map.legend.never" if name == "days_since_last_visit" else f"map.missing.{name}",
        ),
    }


# --- Aktivitas Personel -------------------------------------------------------------------------------------
_FIGURES: Spec = {
    "patrols_led": Column("officers.col.patrols_led"),
    "personnel_counted": Column("officers.col.personnel_counted"),
    "personnel_hours": Column("officers.col.personnel_hours"),
    "patrols_timed": Column("officers.col.patrols_timed"),
    "kelurahan_covered": Column("officers.col.kelurahan_covered"),
    "active_days": Column("officers.col.active_days"),
    "complaints_handled": Column("officers.col.complaints_handled"),
    "complaints_resolved": Column("officers.col.complaints_resolved"),
    "median_resolution_days": Column("officers.col.median_days"),
}
# Fixed widths (px): the name whole on a 1366-px screen, the figures alike (a browser test relies on it).
PEOPLE: Spec = {
    "officer": Column("officers.col.officer", width=210),
    "nrp": Column("officers.col.nrp", width=90),
    "unit": Column("officers.col.unit", width=140),
    **{name: replace(column, width=120) for name, column in _FIGURES.items()},
}
UNITS: Spec = {
    "unit": Column("officers.col.unit"),
    "officers_active": Column("officers.col.officers_active"),
    **_FIGURES,
}
GAPS: Spec = {
    "officer": Column("officers.col.officer"),
    "nrp": Column("officers.col.nrp"),
    "unit": Column("officers.col.unit"),
    "assigned_kelurahan": Column("officers.col.assigned"),
    "last_activity": Column("officers.col.last_activity", missing="officers.gaps.never"),
    "days_without": Column("officers.col.days_without", missing="officers.gaps.never"),
    "level": Column("officers.col.level", values="officers.level.{}"),
}
OFFICER_KELURAHAN: Spec = {
    "kelurahan": Column("officers.col.kelurahan"),
    "visits": Column("officers.col.visits"),
}


def coverage(kelurahan: Sequence[str]) -> Spec:
    """The leader × kelurahan download: the officer, then one column per kelurahan (headed by its name)."""
    return {"officer": Column("officers.col.officer")} | {k: Column(_as_is(k)) for k in kelurahan}


# --- Daftar kegiatan & laporan, Briefing --------------------------------------------------------------------
def record_columns(kind: Kind) -> Spec:
    """A records table: each column under the data contract's label (``records.header``)."""
    return {name: Column(partial(records.header, kind, name)) for name in records.column_types(kind)}


_RECORD_FORMATS: dict[str, Callable[[str], Any]] = {
    "date": lambda label: st.column_config.DateColumn(label, format="DD/MM/YYYY"),
    "datetime": lambda label: st.column_config.DatetimeColumn(label, format="DD/MM/YYYY HH:mm"),
    "integer": lambda label: st.column_config.NumberColumn(label, format="%d"),
    "number": lambda label: st.column_config.NumberColumn(label, format="%.1f"),
    "text": lambda label: st.column_config.TextColumn(label),
}


def record_config(kind: Kind, lang: Lang) -> dict:
    """The ``column_config`` of a records table: each column's label and its date or number format."""
    return {
        name: _RECORD_FORMATS[type_](records.header(kind, name, lang))
        for name, type_ in records.column_types(kind).items()
    }


def briefing(frame: pd.DataFrame) -> Spec:
    """A briefing table (channels, categories, prediction, priority): ``briefing.col.<column>`` headers,
    the first column pinned."""
    return {c: Column(f"briefing.col.{c}", pinned=i == 0) for i, c in enumerate(frame.columns)}


# --- the edge -----------------------------------------------------------------------------------------------


def present(frame: pd.DataFrame, spec: Spec, lang: Lang) -> pd.DataFrame:
    """``frame`` as people read it, under its stable names: the spec's columns in its order (those the frame
    has or can derive), coded values in words, derived columns built; numbers and dates untouched."""
    shown: dict[str, object] = {}
    for name, column in spec.items():
        if column.derive is not None:
            shown[name] = pd.Series(list(column.derive(frame, lang)) if len(frame) else [], dtype="object")
        elif name in frame.columns:
            values = frame[name].reset_index(drop=True)
            if column.values is not None:
                pattern = column.values
                values = values.map(partial(_word, pattern, lang))
                values = values.astype("str")
            shown[name] = values
    return pd.DataFrame(shown, index=pd.RangeIndex(len(frame)))


def row_css(css: Sequence[str]) -> Callable[[Styler], Styler]:
    """A ``table(style=...)`` giving row ``i`` (position) the CSS text ``css[i]`` in every cell (one frame
    of CSS for the whole table, not one call per row)."""

    def cells(data: pd.DataFrame) -> pd.DataFrame:
        rows = np.asarray([css[i] for i in data.index], dtype=object).reshape(-1, 1)
        return pd.DataFrame(np.repeat(rows, data.shape[1], axis=1), index=data.index, columns=data.columns)

    return lambda styler: styler.apply(cells, axis=None)


def _word(pattern: str, lang: Lang, value: object) -> str:
    """A coded cell in words (``pattern`` filled with the code), ``""`` when there is nothing to say."""
    return "" if _blank(value) else t(pattern.format(value), lang)


def _blank(value: object) -> bool:
    """A coded cell with nothing to say: missing or the empty code."""
    return value is None or (isinstance(value, str) and not value) or bool(pd.isna(value))


def labels(spec: Spec, lang: Lang) -> dict[str, str]:
    """Column -> header in ``lang``."""
    return {name: column.text(lang) for name, column in spec.items()}


def for_export(frame: pd.DataFrame, spec: Spec, lang: Lang) -> pd.DataFrame:
    """What a CSV/Excel download holds: ``present``'s frame under translated headers; numbers stay
    numbers."""
    return present(frame, spec, lang).rename(columns=labels(spec, lang))


def styled(frame: pd.DataFrame | Styler, spec: Spec, lang: Lang) -> Styler:
    """``analysis.metrics.tables.styled`` with the spec's decimals and empty-cell texts: the same text in
    every cell (``cell_text``), written without a Babel call per cell."""
    styler = frame if isinstance(frame, Styler) else frame.style
    formats: dict[str, Callable[[object], str]] = {}
    for name in styler.data.columns:
        places = _places(styler.data[name].dtype, spec[name].digits if name in spec else None)
        if places is not None:
            column = spec.get(name)
            empty = t(column.missing, lang) if column is not None and column.missing is not None else None
            formats[name] = cell_text(lang, places, tables.MISSING if empty is None else empty)
    return styler.format(formats)


def _places(dtype: Any, digits: int | None) -> int | None:
    """How ``tables.number_formats`` writes a column of ``dtype``: decimals (0 for integers, ``digits``
    or 1 for floats), -1 for dates, None when it is left alone (booleans, text)."""
    if pd.api.types.is_bool_dtype(dtype):
        return None
    if pd.api.types.is_integer_dtype(dtype):
        return 0
    if pd.api.types.is_float_dtype(dtype):
        return 1 if digits is None else digits
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return -1
    return None


_PLAIN_LIMIT = 1e15  # whole numbers below it are written here; larger ones by ``fmt_int`` itself


def cell_text(lang: Lang, places: int, empty: str) -> Callable[[object], str]:
    """One cell as the screen writes it: a date (``places`` -1: ``26 Mei 2025``), a whole number (0:
    ``1.458``) or a decimal (``209,2``); ``empty`` when missing. The same text as ``analysis.i18n``'s
    ``fmt_date`` / ``fmt_int`` / ``fmt_num`` (Babel), whose symbols and month names it reads once per
    language; anything it does not write the plain way (infinity, a date outside a Timestamp) goes to
    those functions themselves."""
    group, point, minus = _symbols(lang)
    if places < 0:
        months = _months_short(lang)

        def day(value: object) -> str:
            if value is None or pd.isna(value):
                return empty
            if months is None or not isinstance(value, date):  # a Timestamp or datetime is a date
                return fmt_date(value, lang)
            return f"{value.day} {months[value.month - 1]} {value.year}"

        return day

    def grouped(digits: str) -> str:
        text = f"{int(digits):,}"
        return text if group == "," else text.replace(",", group)

    if places == 0:

        def whole(value: object) -> str:
            if value is None or pd.isna(value):
                return empty
            number = float(value)  # type: ignore[arg-type]
            if not abs(number) < _PLAIN_LIMIT:  # infinite, or more digits than Babel's decimal context holds
                return fmt_int(value, lang)  # type: ignore[arg-type]
            rounded = round(number)
            return minus + grouped(str(-rounded)) if rounded < 0 else grouped(str(rounded))

        return whole

    quantum = Decimal(10) ** -places

    def decimal(value: object) -> str:
        if value is None or pd.isna(value):
            return empty
        number = float(value)  # type: ignore[arg-type]
        if not abs(number) < _PLAIN_LIMIT:
            return fmt_num(number, lang, places)
        exact = Decimal(str(number))  # as Babel reads a float
        try:
            rounded = abs(exact).quantize(quantum)
        except InvalidOperation:
            return fmt_num(number, lang, places)
        whole, _, fraction = f"{rounded:f}".partition(".")
        return (minus if exact.is_signed() else "") + grouped(whole) + point + fraction

    return decimal


@cache
def _symbols(lang: Lang) -> tuple[str, str, str]:
    """(thousands separator, decimal mark, minus sign) of ``lang``, read from ``fmt_num(-1234.5)``."""
    text = fmt_num(-1234.5, lang, 1)  # "-1.234,5"
    match = re.fullmatch(r"(\D*)1(\D)234(\D)5", text)
    if match is None:
        raise ValueError(f"unexpected number form {text!r}")
    minus, group, point = match.groups()
    return group, point, minus


@cache
def _months_short(lang: Lang) -> tuple[str, ...] | None:
    """The month names of ``fmt_date``'s ``26 Mei 2025`` in ``lang``; None if it is not "day month year"."""
    names = []
    for month in range(1, 13):
        day, _, rest = fmt_date(date(2001, month, 28), lang).partition(" ")
        name, _, year = rest.rpartition(" ")
        if day != "28" or year != "2001" or not name:
            return None
        names.append(name)
    return tuple(names)


def screen(
    frame: pd.DataFrame, spec: Spec, lang: Lang, style: Callable[[Styler], Styler] | None = None
) -> Styler:
    """The ``Styler`` a page draws: ``present``'s frame (stable names), ``style``'s highlights, numbers
    and dates written in ``lang``'s form with the spec's decimals and empty-cell texts."""
    return _styled_view(present(frame, spec, lang), spec, lang, style)


def _styled_view(
    shown: pd.DataFrame, spec: Spec, lang: Lang, style: Callable[[Styler], Styler] | None
) -> Styler:
    return styled(shown.style if style is None else style(shown.style), spec, lang)


# The frame the script thread presented last, (frame, spec, lang, presented): a table's download buttons,
# drawn right after it from the same frame and spec, take it instead of presenting it again. One entry
# per thread (a session's script run), compared by identity: a page never changes a frame it has drawn.
_last_presented = threading.local()


def _presented(frame: pd.DataFrame, spec: Spec, lang: Lang) -> pd.DataFrame:
    """``present(frame, spec, lang)``, the one the table above already built when it is the same."""
    held = getattr(_last_presented, "entry", None)
    if held is not None and held[0] is frame and held[1] is spec and held[2] == lang:
        return held[3]
    shown = present(frame, spec, lang)
    _last_presented.entry = (frame, spec, lang, shown)
    return shown


def config(frame: pd.DataFrame, spec: Spec, lang: Lang) -> dict:
    """The ``column_config`` giving each column of ``frame`` its translated label, pin and width."""
    return {
        name: st.column_config.Column(column.text(lang), pinned=column.pinned or None, width=column.width)
        for name, column in spec.items()
        if name in frame.columns
    }


def table(
    frame: pd.DataFrame,
    spec: Spec,
    key: str,
    style: Callable[[Styler], Styler] | None = None,
    selectable: bool = False,
    height: int | Literal["auto"] = "auto",
) -> list[int]:
    """Draw ``frame`` through ``spec`` in the session's language (``style`` adds highlights to the
    Styler of the presented frame; ``height`` in px); ``selectable``: rows can be clicked
    (``ui.drill.table``), the selected row positions are returned (always ``[]`` otherwise)."""
    lang = ctx.lang()
    styler = _styled_view(_presented(frame, spec, lang), spec, lang, style)
    labels = config(styler.data, spec, lang)
    if selectable:
        return drill.table(styler, key, hide_index=True, column_config=labels, height=height)
    st.dataframe(styler, key=key, hide_index=True, column_config=labels, height=height)
    return []


def downloads(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    spec: Spec,
    name: str,
    key: str,
    rows: int | None = None,
) -> None:
    """The table's CSV and Excel buttons (``ui.widgets.download_buttons``): what ``for_export`` gives, in
    the session's language (from the presented frame the table above built, when it drew this frame).

    ``frame`` may be a function giving the table of ``rows`` rows: it is then built only on a click (a
    table larger than the one drawn above), and the cells Excel changes are listed in the file's 'catatan'
    sheet only."""
    lang = ctx.lang()
    if callable(frame):
        build = frame
        widgets.download_buttons(
            lambda: _presented(build(), spec, lang).rename(columns=labels(spec, lang)),
            name,
            key,
            notes=[],
            rows=rows,
        )
        return
    widgets.download_buttons(_presented(frame, spec, lang).rename(columns=labels(spec, lang)), name, key)
