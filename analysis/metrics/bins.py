"""Honest time bins: weeks (Monday–Sunday) and months cut to the period they are drawn for.

A bin at the edge of a period holds only the days inside it: the first week of a 90-day view that starts
on a Sunday holds one day, not seven, and would look like a drop. ``time_bins`` says which bins are partial
and how many days each covers, so a chart can mark them in its hover and axis labels and a table can show
the days counted.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from babel.dates import format_date

from analysis.i18n import LOCALES, Lang, fmt_date, fmt_date_range, t

BinFreq = str  # "W" (Monday–Sunday weeks) or "M" (calendar months)
PARTIAL_MARK = "*"


def bin_start(day: pd.Timestamp, freq: BinFreq) -> pd.Timestamp:
    """The first day of the week (Monday) or month holding ``day``."""
    if freq == "W":
        return (day - pd.Timedelta(days=day.day_of_week)).normalize()
    return day.normalize().replace(day=1)


def bin_end(first: pd.Timestamp, freq: BinFreq) -> pd.Timestamp:
    """The last day of the bin starting on ``first``."""
    if freq == "W":
        return first + pd.Timedelta(days=6)
    return first + pd.offsets.MonthEnd(0)


def time_bins(start: date, end: date, freq: BinFreq) -> pd.DataFrame:
    """Every week or month from ``start`` to ``end`` (inclusive dates), cut to that period.

    Index ``period``: the bin's first calendar day (Monday / the 1st), as the count tables use. Columns:
    ``first`` and ``last`` (Timestamp: the bin's days inside the period), ``days`` (int, days counted),
    ``length`` (int, days in the whole bin) and ``partial`` (bool, ``days < length``). Empty when
    ``end < start``. Raises ``ValueError`` for a ``freq`` other than ``"W"`` or ``"M"``.
    """
    if freq not in ("W", "M"):
        raise ValueError(f"unknown bin frequency {freq!r}")
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    columns = ["first", "last", "days", "length", "partial"]
    if hi < lo:
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="period"))
    rows = []
    first = bin_start(lo, freq)
    while first <= hi:
        last = bin_end(first, freq)
        cut_first, cut_last = max(first, lo), min(last, hi)
        days = (cut_last - cut_first).days + 1
        length = (last - first).days + 1
        rows.append((first, cut_first, cut_last, days, length, days < length))
        first = last + pd.Timedelta(days=1)
    table = pd.DataFrame(rows, columns=["period", *columns]).set_index("period")
    return table.astype({"days": "int64", "length": "int64", "partial": "bool"})


def bin_labels(bins: pd.DataFrame, lang: Lang = "id") -> list[str]:
    """One label per bin for hovers and tables: the dates it covers, and for a partial bin how many of
    its days ("17 Feb 2025 (sebagian: 1 dari 7 hari)")."""
    labels = []
    for row in bins.itertuples():
        span = fmt_date_range(row.first, row.last, lang)
        if row.partial:
            span = t("display.bin.partial", lang, range=span, days=row.days, length=row.length)
        labels.append(span)
    return labels


def tick_labels(bins: pd.DataFrame, freq: BinFreq, lang: Lang = "id", most: int = 12) -> dict:
    """Plotly tick values and texts for the bins: at most ``most`` ticks, the first and last bin always
    among them, a partial bin's tick ending in ``*`` (the axis title explains the mark).

    Weeks show their Monday ("6 Sep", the year on the first tick and each January); months "Sep 2026".
    """
    if bins.empty:
        return {}
    periods = list(bins.index)
    step = max(1, -(-len(periods) // most))
    chosen = list(range(0, len(periods), step))
    last = len(periods) - 1
    if chosen[-1] != last:
        if last - chosen[-1] < step and len(chosen) > 1:
            chosen[-1] = last  # keep the ticks apart: the last bin takes the place of its near neighbour
        else:
            chosen.append(last)
    texts = []
    for n, i in enumerate(chosen):
        p = periods[i]
        if freq == "M":
            text = format_date(p.date(), "MMM y", locale=LOCALES[lang])
        elif n == 0 or p.year != periods[chosen[n - 1]].year:
            text = fmt_date(p, lang)
        else:
            text = fmt_date(p, lang, "short")
        texts.append(text + (PARTIAL_MARK if bins["partial"].iloc[i] else ""))
    return {"tickvals": [periods[i] for i in chosen], "ticktext": texts}


def axis_range(bins: pd.DataFrame) -> list[pd.Timestamp]:
    """The x range from the first bin's first calendar day to the day after the last bin: a chart with a
    single bar keeps a dated axis (plotly would otherwise collapse the range to one millisecond)."""
    if bins.empty:
        return []
    return [bins.index[0], bins.index[-1] + pd.Timedelta(days=int(bins["length"].iloc[-1]))]


def bin_table(counts: pd.DataFrame, bins: pd.DataFrame, lang: Lang = "id") -> pd.DataFrame:
    """The counts per bin as a table for people and downloads. Columns: ``period`` (the dates in words in
    ``lang``, a partial bin said so), ``days`` (int64: days of the bin inside the period), one int64 column
    per category (``counts``' columns) and ``total`` (int64). Headers are the page's (``ui.columns``)."""
    counts = counts.reindex(bins.index, fill_value=0)
    table = pd.DataFrame({"period": bin_labels(bins, lang), "days": bins["days"].to_numpy(dtype="int64")})
    for column in counts.columns:
        table[column] = counts[column].to_numpy(dtype="int64")
    table["total"] = counts.sum(axis=1).to_numpy(dtype="int64")
    return table
