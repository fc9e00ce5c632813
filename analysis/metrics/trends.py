"""Which categories are rising, where, at what hours, and did the patrols talk about them.

Counts, change tables, hour grids, channel quality and topic alignment, plus the figures that show them.
Everything takes clean frames (see ARCHITECTURE.md) and returns new frames or figures; inputs are never
changed. Invalid complaints ("Tidak Valid") stay out of every count unless ``counted_complaints`` is asked
to keep them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from analysis.data.schema import CHANNELS, split_topics
from analysis.i18n import Lang, fmt_date, fmt_date_range, fmt_pct, t
from analysis.metrics import bins as time_bins_mod
from analysis.metrics.cube import DIMENSIONS as CUBE_DIMENSIONS
from analysis.metrics.cube import complaint_cube, complaint_cube_by_day, per_frames, period_counts
from analysis.metrics.figures import merge, subplot_layout, update_axes
from analysis.metrics.filters import Filters, filter_complaints
from analysis.metrics.stats import (
    change_direction,
    change_size,
    poisson_change,
)
from analysis.metrics.style import (
    BAND_COLOURS,
    BAND_FALLBACK,
    CHANNEL_COLOURS,
    NEED_SCALE,
    PRESENCE_SCALE,
    SCREEN_FONT,
    category_colour,
    margin,
)

Freq = Literal["W", "M"]  # weeks run Monday to Sunday (pandas "W" = W-SUN: the week ending on Sunday)
FREQS: tuple[Freq, ...] = ("W", "M")

LOCALES = {"id": "id_ID", "en": "en_GB"}
# A band longer than this (e.g. the 1-year Operasi Mantap Brata) would cover the whole chart and say nothing.
MAX_BAND_DAYS = 90
BAND_OPACITY = 0.35

# Grid cells: weekday 0 = Monday ... 6 = Sunday, hours 0..23.
WEEKDAYS = range(7)
HOURS = range(24)


# --- counts per period -------------------------------------------------------------------------------


def counted_complaints(complaints: pd.DataFrame, include_invalid: bool = False) -> pd.DataFrame:
    """The complaints that count in trends: the valid ones, or all of them when ``include_invalid``."""
    return complaints if include_invalid else complaints.loc[complaints["is_valid"]]


def patrol_topic_mentions(patrols: pd.DataFrame) -> pd.DataFrame:
    """One row per (patrol, topic raised): ``date``, ``kelurahan``, ``topic`` (categorical).

    Topics are split once per distinct ``topics`` text (a few hundred combinations), not once per patrol.
    The table is remembered for as long as ``patrols`` lives (Tren reads it four times a rerun, from the
    same cut): it is shared, so callers must not change it.
    """
    return per_frames("patrol_topic_mentions", (patrols,), lambda: _topic_mentions(patrols))


def _topic_mentions(patrols: pd.DataFrame) -> pd.DataFrame:
    codes, distinct = pd.factorize(patrols["topics"])
    split = [split_topics(text) for text in distinct]
    lengths = np.array([len(parts) for parts in split] + [0], dtype="int64")  # last: code -1 (missing)
    first = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat_codes, vocabulary = pd.factorize(
        pd.Series([topic for parts in split for topic in parts], dtype="str")
    )
    repeats = lengths[codes]
    rows = np.repeat(np.arange(len(patrols)), repeats)
    offsets = np.arange(repeats.sum()) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    return pd.DataFrame(
        {
            "date": patrols["date"].iloc[rows].to_numpy(),
            "kelurahan": patrols["kelurahan"].iloc[rows].reset_index(drop=True),
            "topic": pd.Categorical.from_codes(
                flat_codes[first[codes[rows]] + offsets], categories=vocabulary
            ),
        }
    )


def _counts_by_text(keys: Mapping[str, pd.Series]) -> pd.Series:
    """Rows per combination of ``keys``' values, as ``pd.DataFrame(keys).groupby(list(keys)).size()``
    would count them with every categorical key turned into text first: int64 counts of the combinations
    that occur (rows with a missing key left out), indexed by the keys (text for a categorical key) in
    sorted order. Counted on integer codes with one ``bincount``: the rows are never turned into text
    and no group-by is set up (both cost more than the counting at Tren's sizes)."""
    codes, values = [], []
    for column in keys.values():
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes.append(column.cat.codes.to_numpy().astype("int64"))
            values.append(column.cat.categories.astype("str"))
        else:
            found, distinct = pd.factorize(column)
            codes.append(found.astype("int64"))
            values.append(pd.Index(distinct))
    shape = tuple(max(len(v), 1) for v in values)
    known = np.logical_and.reduce([c >= 0 for c in codes]) if codes else np.zeros(0, dtype=bool)
    cells = np.ravel_multi_index(tuple(c[known] for c in codes), shape)
    counts = np.bincount(cells, minlength=math.prod(shape))
    occurring = np.flatnonzero(counts)
    positions = np.unravel_index(occurring, shape)
    levels = [v.take(p) for v, p in zip(values, positions, strict=True)]
    index = pd.MultiIndex.from_arrays(levels, names=list(keys)) if len(levels) > 1 else levels[0]
    if len(levels) == 1:
        index = index.rename(next(iter(keys)))
    return pd.Series(counts[occurring], index=index, dtype="int64").sort_index()


def counts_per_period(
    dates: pd.Series,
    labels: pd.Series,
    freq: Freq,
    order: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """A wide table: one row per period (indexed by its first day), one column per label, zero-filled.

    Columns follow ``order`` (labels not in it come after, alphabetically); only labels that occur appear.
    With ``start`` and ``end`` every period between them gets a row, even an empty one.
    """
    # Counted on integer codes (periods × labels, a few hundred cells) with one bincount: grouping on the
    # labels as text meant converting every row to a string first.
    period_codes, periods = pd.factorize(dates.dt.to_period(freq), sort=True)
    label_codes, names = pd.factorize(labels)
    known = (period_codes >= 0) & (label_codes >= 0)
    cells = period_codes[known] * len(names) + label_codes[known]
    grid = np.bincount(cells, minlength=len(periods) * len(names)).reshape(len(periods), len(names))
    counts = pd.DataFrame(grid, index=pd.PeriodIndex(periods, freq=freq), columns=[str(n) for n in names])
    if start is not None and end is not None:
        counts = counts.reindex(pd.period_range(start, end, freq=freq), fill_value=0)
    rank = {name: i for i, name in enumerate(order)}
    columns = sorted(counts.columns, key=lambda c: (rank.get(c, len(rank)), c))
    counts = counts[columns].astype("int64")
    counts.index = pd.PeriodIndex(counts.index, freq=freq).to_timestamp()
    counts.index.name = "period"
    counts.columns.name = None
    return counts


def complaint_counts_per_period(
    complaints: pd.DataFrame,
    freq: Freq,
    order: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """Complaints per category per week or month (pass ``counted_complaints(...)`` to drop invalid ones)."""
    return counts_per_period(complaints["received_at"], complaints["category"], freq, order, start, end)


def topic_counts_per_period(
    patrols: pd.DataFrame,
    freq: Freq,
    order: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """How many patrols raised each topic per week or month (a patrol with three topics counts thrice)."""
    mentions = patrol_topic_mentions(patrols)
    return counts_per_period(mentions["date"], mentions["topic"], freq, order, start, end)


def month_label(month: pd.Timestamp, lang: Lang = "id") -> str:
    """``"Mei 2025"`` / ``"May 2025"``."""
    return format_date(month.date(), "MMMM y", locale=LOCALES[lang])


def period_labels(periods: pd.DatetimeIndex, freq: Freq, lang: Lang = "id") -> list[str]:
    """``"19–25 Mei 2025"`` for a week (Monday to Sunday), ``"Mei 2025"`` for a month."""
    if freq == "M":
        return [month_label(p, lang) for p in periods]
    return [fmt_date_range(p, p + timedelta(days=6), lang) for p in periods]


# --- calendar bands -----------------------------------------------------------------------------------


def calendar_bands(calendar: pd.DataFrame, start: date, end: date, lang: Lang = "id") -> pd.DataFrame:
    """Calendar events to draw as bands between ``start`` and ``end``.

    Kinds ``ramadan``, ``police_operation``, ``election`` and ``school_holiday`` are drawn, and Idul Fitri
    (a ``religious_holiday`` whose event names it) as its own kind ``idul_fitri``. Other holidays are single
    days that would only clutter a weekly chart. Columns: ``start``, ``end`` (exclusive: the day after the
    last day), ``kind``, ``label`` (short, translated), ``event`` (as written in the file).

    To add a season, add a row to ``data/reference/calendar.csv``: ``start_date,end_date`` (ISO, both
    inclusive), ``event``, one of the kinds above and a ``source``; a police operation whose event names
    "Ketupat" or "Lilin" gets that label. Bands of ``MAX_BAND_DAYS`` or longer are not drawn.
    """
    columns = ["start", "end", "kind", "label", "event"]
    if calendar.empty:
        return pd.DataFrame(columns=columns)
    kind = calendar["kind"].where(
        ~((calendar["kind"] == "religious_holiday") & calendar["event"].str.contains("Idul Fitri")),
        "idul_fitri",
    )
    first = pd.Timestamp(start)
    after = pd.Timestamp(end) + pd.Timedelta(days=1)
    last_day = calendar["end_date"]
    keep = (
        kind.isin(BAND_COLOURS)
        & (last_day >= first)
        & (calendar["start_date"] < after)
        & ((last_day - calendar["start_date"]).dt.days < MAX_BAND_DAYS)
    )
    bands = pd.DataFrame(
        {
            "start": calendar.loc[keep, "start_date"],
            "end": last_day[keep] + pd.Timedelta(days=1),
            "kind": kind[keep],
            "event": calendar.loc[keep, "event"],
        }
    )
    labels = [_band_label(k, e, lang) for k, e in zip(bands["kind"], bands["event"], strict=True)]
    return bands.assign(label=labels)[columns].sort_values("start").reset_index(drop=True)


def _band_label(kind: str, event: str, lang: Lang) -> str:
    if kind == "police_operation":
        for name in ("Ketupat", "Lilin"):
            if name in event:
                return t(f"trends.band.operation_{name.lower()}", lang)
        return t("trends.band.operation", lang)
    return t(f"trends.band.{kind}", lang)


def _band_layout(bands: pd.DataFrame | None, axes: int = 1) -> dict:
    """Shapes for ``bands`` on x axes 1..``axes``, spanning the figure's height, behind the bars.

    Built as plain dicts for one layout update: ``add_vrect`` re-validates the figure on every call (44 s
    for 16 panels). In a grid, one band per *column* axis covers every row of that column.
    """
    if bands is None or bands.empty:
        return {}
    shapes = [
        {
            "type": "rect",
            "xref": "x" if i == 1 else f"x{i}",
            "yref": "paper",
            "x0": row.start,
            "x1": row.end,
            "y0": 0,
            "y1": 1,
            "fillcolor": BAND_COLOURS.get(row.kind, BAND_FALLBACK),
            "opacity": BAND_OPACITY,
            "line": {"width": 0},
            "layer": "below",
        }
        for row in bands.itertuples(index=False)
        for i in range(1, axes + 1)
    ]
    return {"shapes": shapes}


def _band_key(bands: pd.DataFrame | None, lang: Lang, y: float = -0.1) -> list[dict]:
    """A one-line key under the chart: "Pita kalender: ■ Ramadan ■ Ops Ketupat …" in the bands' colours.

    Labels inside the chart would collide with the bars and each other (Ramadan, Ketupat and Idul Fitri
    fall within weeks). The labels are this module's own translated texts, never text from the file.
    """
    if bands is None or bands.empty:
        return []
    kinds = bands.drop_duplicates("label")
    squares = "   ".join(
        f'<span style="color:{BAND_COLOURS.get(kind, BAND_FALLBACK)}">■</span> {label}'
        for kind, label in zip(kinds["kind"], kinds["label"], strict=True)
    )
    return [
        {
            "text": f"{t('trends.band.legend', lang)}   {squares}",
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": y,
            "yref": "paper",
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": 14},
        }
    ]


# --- trend figures ------------------------------------------------------------------------------------


DAY_MS = 24 * 3600 * 1000


def _period_axis(freq: Freq) -> dict:
    """Centre each bar on its week or month, so calendar bands line up with the days they cover. The bar
    width is set (80 % of a week, of a 28-day month): plotly would draw a lone bar as a hairline."""
    if freq == "W":
        return {
            "xperiod": 7 * DAY_MS,
            "xperiod0": "2000-01-03",
            "xperiodalignment": "middle",
            "width": 5.6 * DAY_MS,
        }
    return {"xperiod": "M1", "xperiodalignment": "middle", "width": 22.4 * DAY_MS}


def period_ticks(periods: pd.DatetimeIndex, freq: Freq, lang: Lang = "id", most: int = 12) -> dict:
    """Tick positions (each period's first day) and Indonesian labels: plotly's own dates are English.

    At most ``most`` ticks; a week shows "6 Sep" (with the year on the first tick and each January), a
    month "Sep 2026".
    """
    if len(periods) == 0:
        return {}
    chosen = periods[:: max(1, math.ceil(len(periods) / most))]
    if freq == "M":
        text = [format_date(p.date(), "MMM y", locale=LOCALES[lang]) for p in chosen]
    else:
        text = [
            fmt_date(p, lang) if i == 0 or p.year != chosen[i - 1].year else fmt_date(p, lang, "short")
            for i, p in enumerate(chosen)
        ]
    return {"tickvals": list(chosen), "ticktext": text}


def _bins_for(periods: pd.DatetimeIndex, freq: Freq, start: date | None, end: date | None) -> pd.DataFrame:
    """The bins of a count table: cut to ``start``–``end`` when given, else whole bins."""
    if start is None or end is None:
        if len(periods) == 0:
            return time_bins_mod.time_bins(date(2000, 1, 3), date(2000, 1, 2), freq)
        last = time_bins_mod.bin_end(periods[-1], freq)
        start, end = periods[0].date(), last.date()
    return time_bins_mod.time_bins(start, end, freq).reindex(periods).dropna(subset=["days"])


def _dated_axis(bins: pd.DataFrame, freq: Freq, lang: Lang, most: int) -> dict:
    """Ticks (partial bins marked) and an explicit date range, so even a single bar keeps a dated axis."""
    ticks = time_bins_mod.tick_labels(bins, freq, lang, most)
    return {**ticks, "type": "date", "range": time_bins_mod.axis_range(bins)} if ticks else {}


def _partial_note(bins: pd.DataFrame, lang: Lang) -> str | None:
    return t("display.bin.axis_note", lang) if bool(bins["partial"].any()) else None


def _name(category: str, names: Mapping[str, str] | None) -> str:
    return names.get(category, category) if names else category


def _plain(text: str) -> str:
    """Text from the data placed in a plotly label: its markup characters shown as text."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _empty_figure(lang: Lang) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=t("trends.no_data", lang), showarrow=False, font=SCREEN_FONT, x=0.5, y=0.5)
    fig.update_layout(xaxis_visible=False, yaxis_visible=False, font=SCREEN_FONT, height=300)
    return fig


def _bar_trace(
    counts: pd.DataFrame,
    category: str,
    colours: Mapping[str, str],
    labels: list[str],
    freq: Freq,
    names: Mapping[str, str] | None,
    **more: object,
) -> dict:
    """One period bar trace of ``category`` as a plain dict (validated once, with the whole figure)."""
    shown = _plain(_name(category, names))
    return {
        "type": "bar",
        # numpy arrays, not pandas objects: plotly converts pandas through narwhals, per trace and column
        "x": counts.index.to_numpy(),
        "y": counts[category].to_numpy(),
        "name": shown,
        "marker": {"color": category_colour(colours, category)},
        "customdata": labels,
        "hovertemplate": f"{shown}<br>%{{customdata}}: %{{y}}<extra></extra>",
        **more,
        **_period_axis(freq),
    }


def stacked_counts_figure(
    counts: pd.DataFrame,
    colours: Mapping[str, str],
    freq: Freq,
    bands: pd.DataFrame | None = None,
    lang: Lang = "id",
    what: Literal["complaints", "topics"] = "complaints",
    start: date | None = None,
    end: date | None = None,
    names: Mapping[str, str] | None = None,
) -> go.Figure:
    """Stacked bars: one colour per category, one bar per period, calendar bands behind.

    With ``start`` and ``end`` (the filter period) the bins are cut to it: a partial first or last bin
    says so in its hover and its tick ends in ``*``. ``names`` maps a category to the name shown (its
    English name in English); colours stay keyed by the canonical name.
    """
    if counts.empty or counts.to_numpy().sum() == 0:
        return _empty_figure(lang)
    bins = _bins_for(counts.index, freq, start, end)
    labels = time_bins_mod.bin_labels(bins, lang)
    key = _band_key(bands, lang, y=-0.12)
    # One validated construction of plain dicts: an ``add_bar`` per category and an ``update_*`` per
    # property group re-validated the figure each time (most of the page's time, whatever the rows).
    xaxis: dict = _dated_axis(bins, freq, lang, most=8)
    xaxis["title"] = {"text": _partial_note(bins, lang)}
    layout = {
        **_band_layout(bands),
        "annotations": key,
        "barmode": "stack",
        "font": SCREEN_FONT,
        "height": 460,
        "margin": margin(30, 70 if key else 10),
        "xaxis": xaxis,
        "yaxis": {"title": {"text": t(f"trends.axis.{what}", lang)}},
        "legend": {"traceorder": "normal"},
        "hovermode": "closest",
    }
    traces = [_bar_trace(counts, c, colours, labels, freq, names) for c in counts.columns]
    return go.Figure(data=traces, layout=layout)


def small_multiples_figure(
    counts: pd.DataFrame,
    colours: Mapping[str, str],
    freq: Freq,
    bands: pd.DataFrame | None = None,
    lang: Lang = "id",
    columns: int = 4,
    start: date | None = None,
    end: date | None = None,
    names: Mapping[str, str] | None = None,
) -> go.Figure:
    """One small bar chart per category (own y scale, zero-based), calendar bands behind each.

    ``start``, ``end`` and ``names`` as for ``stacked_counts_figure``."""
    if counts.empty or counts.to_numpy().sum() == 0:
        return _empty_figure(lang)
    categories = [c for c in counts.columns if counts[c].sum() > 0]
    columns = max(1, min(columns, len(categories)))
    rows = math.ceil(len(categories) / columns)
    titles = tuple(_plain(_name(c, names)) for c in categories)
    layout, axes = subplot_layout(
        rows,
        columns,
        titles,
        shared_xaxes=True,
        vertical_spacing=min(0.5 / rows, 0.08),
        horizontal_spacing=0.05,
    )
    bins = _bins_for(counts.index, freq, start, end)
    labels = time_bins_mod.bin_labels(bins, lang)
    update_axes(layout, "yaxis", {"rangemode": "tozero", "tickformat": "d"})
    update_axes(layout, "xaxis", _dated_axis(bins, freq, lang, most=4))
    for title in layout.get("annotations", []):
        merge(title, {"font": {"size": 13}})
    key = _band_key(bands, lang, y=-0.3 / rows)
    layout["annotations"] = [*layout.get("annotations", []), *key]
    layout.update(
        _band_layout(bands, columns),
        font=SCREEN_FONT,
        height=max(260, 190 * rows),
        margin=margin(40, 70 if key else 10),
    )
    traces = [
        _bar_trace(counts, category, colours, labels, freq, names, showlegend=False, xaxis=x, yaxis=y)
        for category, (x, y) in zip(categories, axes, strict=False)
    ]
    return go.Figure(data=traces, layout=layout)


# --- change tables ------------------------------------------------------------------------------------


def counts_by(complaints: pd.DataFrame, keys: Sequence[str]) -> pd.Series:
    """Number of complaints per combination of ``keys`` that occurs (e.g. ``["kelurahan", "category"]``)."""
    return complaints.groupby(list(keys), observed=True).size().rename("count")


def change_table(
    current: pd.Series, previous: pd.Series | None, year_before: pd.Series | None
) -> pd.DataFrame:
    """Counts now, in the previous equal period and a year earlier, with z and direction for each.

    A baseline passed as ``None`` (its period is not covered by the data) gives NaN, never a false zero.
    Rows: every key counted in any period. Order: flagged rises first (largest z first), then flagged
    falls, then the rest by |z|. Columns: the keys, ``current``, ``previous``, ``year_before``,
    ``z_previous``, ``z_year``, ``direction_previous``, ``direction_year``,
    ``flag`` (``up``/``down``/``flat``) and ``z_max`` (the comparison with the larger |z|).
    """
    frames = {"current": current, "previous": previous, "year_before": year_before}
    present = [s for s in frames.values() if s is not None]
    index = present[0].index
    for series in present[1:]:
        index = index.union(series.index)
    # Column by column on arrays, the frame built once at the end: inserting ten columns into a frame and
    # sorting it through helper columns cost more than the arithmetic.
    counts = {
        name: pd.Series(
            np.nan if series is None else series.reindex(index, fill_value=0).to_numpy(dtype=float),
            index=index,
            dtype=float,
        )
        for name, series in frames.items()
    }
    z_previous = pd.Series(poisson_change(counts["current"], counts["previous"]), index=index, dtype=float)
    z_year = pd.Series(poisson_change(counts["current"], counts["year_before"]), index=index, dtype=float)
    direction_previous = change_direction(z_previous)
    direction_year = change_direction(z_year)
    ups = ((direction_previous == "up") | (direction_year == "up")).to_numpy()
    downs = ((direction_previous == "down") | (direction_year == "down")).to_numpy()
    flag = np.select([ups, downs], ["up", "down"], "flat")
    pick_year = z_year.abs().fillna(-1) > z_previous.abs().fillna(-1)
    z_max = z_previous.where(~pick_year, z_year)
    table = pd.DataFrame(
        {
            **counts,
            "z_previous": z_previous,
            "z_year": z_year,
            "direction_previous": direction_previous,
            "direction_year": direction_year,
            "flag": pd.Series(flag, index=index, dtype="str"),
            "z_max": z_max,
        },
        index=index,
    )
    # Flagged rises, then flagged falls, then the rest; within each the largest |z|, then the most reports
    # (a stable sort: ties keep the index order).
    order = np.select([flag == "up", flag == "down"], [0, 1], 2)
    order = np.lexsort((-counts["current"].to_numpy(), -z_max.abs().fillna(0).to_numpy(), order))
    return table.take(order).reset_index()


def period_changes(
    complaints: pd.DataFrame,
    filters: Filters,
    kecamatan_of: Mapping[str, str],
    keys: Sequence[str],
    data_start: date | None,
    include_invalid: bool = False,
) -> pd.DataFrame:
    """``change_table`` for the filtered period against the previous equal period and a year earlier.

    ``complaints`` is the whole (unfiltered) table; a baseline that starts before ``data_start`` (the first
    day with data) is left out rather than counted as zero.
    """
    # The counts come from the complaints' pre-aggregated cube (``analysis.metrics.cube``: the same
    # numbers, built once per data version) when the keys are among its dimensions.
    cube = complaint_cube(complaints) if set(keys) <= set(CUBE_DIMENSIONS) else None
    # In day order, so that each period reads only its own days (``cube.period_counts``).
    by_day = None if cube is None else complaint_cube_by_day(complaints)
    # Otherwise three periods are cut from the whole table: only the columns the filter and the count
    # read are carried (copying every text column of 200,000 rows three times cost most of the time).
    wanted = ["received_at", "kelurahan", "category", "channel", "is_valid", *keys]
    complaints = complaints[[c for c in dict.fromkeys(wanted) if c in complaints.columns]]

    def counted(f: Filters) -> pd.Series:
        if by_day is not None:
            return period_counts(by_day, f, kecamatan_of, keys, include_invalid)
        return counts_by(
            counted_complaints(filter_complaints(complaints, f, kecamatan_of), include_invalid), keys
        )

    def baseline(f: Filters) -> pd.Series | None:
        return counted(f) if data_start is not None and f.start >= data_start else None

    return change_table(counted(filters), baseline(filters.previous()), baseline(filters.year_before()))


def patrol_mentions_by(patrols: pd.DataFrame, keys: Sequence[str]) -> pd.Series:
    """Patrols that raised each category, per ``keys``: ``["category"]`` or ``["kelurahan", "category"]``."""
    mentions = patrol_topic_mentions(patrols)
    columns = {"kelurahan": mentions["kelurahan"], "category": mentions["topic"]}
    return _counts_by_text({key: columns[key] for key in keys}).rename("patrols")


def change_rows(
    table: pd.DataFrame,
    only_flagged: bool = False,
    mentions: pd.Series | None = None,
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The rows of the change table a page shows, most telling first (``change_table``'s order).

    Columns: the keys (``kelurahan`` and/or ``category``, text; ``names`` maps a category to the name
    shown), the counts ``current``, ``previous``, ``year_before`` (float, NaN where the data does not
    cover that period), ``direction_previous`` / ``direction_year`` (``up``/``flat``/``down``/``none``),
    ``strength`` (``strong``/``notable``/``""``, from the larger |z|), with ``mentions``
    (``patrol_mentions_by`` over the same keys and period) ``patrols`` (int64: patrols that raised the
    category there: did the patrols address what rose?), then ``z_previous``, ``z_year`` (float rounded to
    one decimal, NaN without a baseline). Labels and the "4 → 9" text are the page's (``ui.columns``).
    """
    if only_flagged:
        table = table.loc[table["flag"] != "flat"]
    keys = [c for c in ("kelurahan", "category") if c in table.columns]
    rows = pd.DataFrame({k: table[k].astype("str").to_numpy() for k in keys})
    if "category" in keys and names:
        rows["category"] = rows["category"].map(lambda c: names.get(c, c))
    for column in ("current", "previous", "year_before"):
        rows[column] = table[column].astype("float64").to_numpy()
    for column in ("direction_previous", "direction_year"):
        rows[column] = table[column].astype("str").to_numpy()
    rows["strength"] = change_size(table["z_max"]).to_numpy()
    if mentions is not None:
        at = (
            pd.MultiIndex.from_frame(table[keys].astype("str"))
            if len(keys) > 1
            else table[keys[0]].astype("str")
        )
        rows["patrols"] = mentions.reindex(at, fill_value=0).to_numpy(dtype="int64")
    for z in ("z_previous", "z_year"):  # last: what the analyst checks, not what the room reads
        rows[z] = table[z].astype("float64").round(1).to_numpy()
    return rows


# --- hours ---------------------------------------------------------------------------------------------


def _grid(cells: np.ndarray) -> pd.DataFrame:
    counts = np.bincount(cells, minlength=168).reshape(7, 24)
    return pd.DataFrame(
        counts, index=pd.Index(WEEKDAYS, name="weekday"), columns=pd.Index(HOURS, name="hour")
    )


def complaints_by_weekday_hour(complaints: pd.DataFrame) -> pd.DataFrame:
    """Complaints per weekday (rows, 0 = Monday) and hour (columns 0–23) of the time they were *reported*."""
    received = complaints["received_at"].dropna()
    return _grid((received.dt.day_of_week * 24 + received.dt.hour).to_numpy(dtype="int64"))


def _minutes(times: pd.Series) -> np.ndarray:
    """Minutes after midnight of ``"HH:MM"`` texts (NaN if unreadable), parsed once per distinct value.

    A day has at most 1,440 distinct times, so this is ~70× faster than splitting 200,000 strings.
    """
    codes, distinct = pd.factorize(times.astype("str"))
    parts = pd.Series(distinct, dtype="str").str.split(":", n=1, expand=True).reindex(columns=[0, 1])
    minutes = pd.to_numeric(parts[0], errors="coerce") * 60 + pd.to_numeric(parts[1], errors="coerce")
    return np.append(minutes.to_numpy(dtype=float), np.nan)[codes]  # code -1 (missing) -> NaN


def patrol_presence_by_weekday_hour(patrols: pd.DataFrame) -> pd.DataFrame:
    """How many patrols were out in each weekday × hour: every clock hour from start to end counts.

    A patrol 22:30–00:30 on a Friday counts in Friday 22 and 23 and Saturday 00. An end before the start
    crosses midnight; a patrol without both times is left out (see ``patrols_without_times``).
    """
    # The three columns read, not the whole frame, are cut to the timed patrols.
    timed = patrols[["date", "start_time", "end_time"]]
    timed = timed.loc[(timed["start_time"].notna() & timed["end_time"].notna()).to_numpy()]
    if timed.empty:
        return _grid(np.zeros(0, dtype="int64"))
    start = _minutes(timed["start_time"])
    end = _minutes(timed["end_time"])
    ok = ~(np.isnan(start) | np.isnan(end))
    start, end = start[ok], end[ok]
    end = np.where(end < start, end + 1440, end)
    first_hour = (start // 60).astype("int64")
    hours = np.maximum(np.ceil(end / 60).astype("int64") - first_hour, 1)
    base = timed["date"].dt.day_of_week.to_numpy(dtype="int64")[ok] * 24 + first_hour
    offsets = np.arange(hours.sum()) - np.repeat(np.cumsum(hours) - hours, hours)
    return _grid((np.repeat(base, hours) + offsets) % 168)


def patrols_without_times(patrols: pd.DataFrame) -> int:
    """Patrols that cannot be placed on the clock (start or end time missing)."""
    return int((patrols["start_time"].isna() | patrols["end_time"].isna()).sum())


def unpatrolled_complaint_hours(complaint_grid: pd.DataFrame, presence_grid: pd.DataFrame) -> pd.DataFrame:
    """Weekday × hour cells with complaints and no patrol out, most complaints first (ties: week order).

    Columns: ``weekday`` (0 = Monday), ``hour`` (0–23), ``complaints`` (int64).
    """
    both = pd.DataFrame(
        {"complaints": complaint_grid.stack(), "patrols": presence_grid.stack()}
    ).reset_index()
    gaps = both.loc[(both["complaints"] > 0) & (both["patrols"] == 0)]
    gaps = gaps.sort_values(["complaints", "weekday", "hour"], ascending=[False, True, True], kind="stable")
    return gaps[["weekday", "hour", "complaints"]].astype("int64").reset_index(drop=True)


def hours_figure(complaint_grid: pd.DataFrame, presence_grid: pd.DataFrame, lang: Lang = "id") -> go.Figure:
    """Two heatmaps side by side: complaints by reported hour, patrols out by hour.

    A ✕ marks a complaint hour with no patrol out."""
    days = [t(f"trends.weekday.{d}", lang) for d in WEEKDAYS]
    hours = [f"{h:02d}" for h in HOURS]
    layout, axes = subplot_layout(
        1,
        2,
        (t("trends.hours.complaints", lang), t("trends.hours.patrols", lang)),
        shared_yaxes=True,
        horizontal_spacing=0.1,
    )
    traces: list[dict] = [
        {
            "type": "heatmap",
            "z": grid.to_numpy(),
            "x": hours,
            "y": days,
            "colorscale": scale,
            "zmin": 0,
            "colorbar": {"x": bar_x, "len": 0.9, "thickness": 12},
            "hovertemplate": "%{y} %{x}.00: %{z}<extra></extra>",
            "xaxis": x,
            "yaxis": y,
        }
        for (grid, scale, bar_x), (x, y) in zip(
            ((complaint_grid, NEED_SCALE, 0.44), (presence_grid, PRESENCE_SCALE, 1.0)), axes, strict=True
        )
    ]
    gap = (complaint_grid.to_numpy() > 0) & (presence_grid.to_numpy() == 0)
    rows, cols = np.nonzero(gap)
    traces.append(
        {
            "type": "scatter",
            "x": [hours[c] for c in cols],
            "y": [days[r] for r in rows],
            "mode": "markers",
            "marker": {"symbol": "x-thin", "size": 11, "line": {"width": 2, "color": "#000000"}},
            "name": t("trends.hours.gap", lang),
            "hoverinfo": "skip",
            "showlegend": bool(len(rows)),
            "xaxis": axes[0][0],
            "yaxis": axes[0][1],
        }
    )
    update_axes(layout, "yaxis", {"autorange": "reversed"})
    update_axes(layout, "xaxis", {"title": {"text": t("trends.col.hour", lang)}, "dtick": 3})
    layout.update(font=SCREEN_FONT, height=380, margin=margin(40), legend={"orientation": "h", "y": -0.25})
    return go.Figure(data=traces, layout=layout)


# --- channels ------------------------------------------------------------------------------------------


def channel_quality(complaints: pd.DataFrame) -> pd.DataFrame:
    """Per channel (schema order, only those used): ``total``, ``invalid``, ``valid``, ``invalid_share``."""
    # Counted on the channel's codes, not on every row turned into text; rows without a channel are left
    # out, as a group-by leaves them.
    valid = complaints["is_valid"].to_numpy(dtype=bool)
    channel = complaints["channel"]
    if isinstance(channel.dtype, pd.CategoricalDtype):
        codes, names = channel.cat.codes.to_numpy(), channel.cat.categories.astype("str")
    else:
        codes, names = pd.factorize(channel.astype("str"))
        names = pd.Index(names)
    known = codes >= 0
    valid_n = np.bincount(codes[known & valid], minlength=len(names))
    invalid_n = np.bincount(codes[known & ~valid], minlength=len(names))
    used = (valid_n + invalid_n) > 0
    table = pd.DataFrame(
        {"invalid": invalid_n[used], "valid": valid_n[used]},
        index=pd.Index(names[used], name="channel"),
        dtype="int64",
    )
    rank = {name: i for i, name in enumerate(CHANNELS)}
    table = table.loc[sorted(table.index, key=lambda c: (rank.get(c, len(rank)), c))]
    table["total"] = table["invalid"] + table["valid"]
    table["invalid_share"] = table["invalid"] / table["total"]
    return table[["total", "valid", "invalid", "invalid_share"]].reset_index()


def channel_figure(quality: pd.DataFrame, lang: Lang = "id") -> go.Figure:
    """Horizontal bars per channel: valid and invalid reports, the invalid share written at the end."""
    if quality.empty:
        return _empty_figure(lang)
    hover = "%{y}: %{x}<extra></extra>"
    shares = [t("trends.channel.share", lang, share=fmt_pct(s, lang, 0)) for s in quality["invalid_share"]]
    traces = [
        {
            "type": "bar",
            "y": quality["channel"].to_numpy(),
            "x": quality["valid"].to_numpy(),
            "orientation": "h",
            "name": t("trends.channel.valid", lang),
            "marker": {"color": CHANNEL_COLOURS["valid"]},
            "hovertemplate": hover,
        },
        {
            "type": "bar",
            "y": quality["channel"].to_numpy(),
            "x": quality["invalid"].to_numpy(),
            "orientation": "h",
            "name": t("trends.channel.invalid", lang),
            "marker": {
                "color": "#FFFFFF",
                "line": {"color": CHANNEL_COLOURS["invalid"], "width": 1},
                "pattern": {"shape": "/", "fgcolor": CHANNEL_COLOURS["invalid"]},
            },
            "text": shares,
            "textposition": "outside",
            "hovertemplate": hover,
        },
    ]
    layout = {
        "barmode": "stack",
        "font": SCREEN_FONT,
        "height": 120 + 45 * len(quality),
        "margin": margin(20),
        "xaxis": {
            "title": {"text": t("trends.axis.complaints", lang)},
            "range": [0, quality["total"].max() * 1.3],
        },
        "yaxis": {"autorange": "reversed"},
        "legend": {"orientation": "h", "y": -0.2, "traceorder": "normal"},
    }
    return go.Figure(data=traces, layout=layout)


# --- topic alignment ------------------------------------------------------------------------------------


def _monthly_counts(kelurahan: pd.Series, dates: pd.Series, category: pd.Series | None = None) -> pd.Series:
    """Rows per kelurahan × month (first day) [× category], as text keys."""
    # The month's first day as ``dates.dt.to_period("M").dt.to_timestamp()`` gives it (datetime64[us]),
    # by numpy's month truncation: the same values without a Period object per row.
    month = dates.to_numpy().astype("datetime64[M]").astype("datetime64[us]")
    keys = {"kelurahan": kelurahan, "month": pd.Series(month, index=dates.index)}
    if category is not None:
        keys["category"] = category
    return _counts_by_text(keys)


def topic_alignment(complaints: pd.DataFrame, patrols: pd.DataFrame) -> pd.DataFrame:
    """Per kelurahan × month × category complained about: complaints, patrols raising it, patrols there.

    Columns: ``kelurahan``, ``month`` (first day), ``category``, ``complaints``, ``patrols_on_topic``
    (patrols in that kelurahan and month that raised the category), ``patrols`` (all patrols there then).
    """
    asked = _monthly_counts(complaints["kelurahan"], complaints["received_at"], complaints["category"])
    mentions = patrol_topic_mentions(patrols)
    raised = _monthly_counts(mentions["kelurahan"], mentions["date"], mentions["topic"])
    visits = _monthly_counts(patrols["kelurahan"], patrols["date"])
    asked, raised, visits = (
        asked.rename("complaints"),
        raised.rename("patrols_on_topic"),
        visits.rename("patrols"),
    )
    table = asked.to_frame().join(raised, how="left").reset_index()
    table = table.merge(visits.reset_index(), on=["kelurahan", "month"], how="left")
    return table.fillna({"patrols_on_topic": 0, "patrols": 0}).astype(
        {"complaints": "int64", "patrols_on_topic": "int64", "patrols": "int64"}
    )


def alignment_share(alignment: pd.DataFrame) -> float:
    """Share of complaints whose kelurahan had a patrol raising the category that month (NaN if none)."""
    total = alignment["complaints"].sum()
    if total == 0:
        return float("nan")
    return float(alignment.loc[alignment["patrols_on_topic"] > 0, "complaints"].sum() / total)


def topic_mismatches(alignment: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Complaints in a category no patrol raised in that kelurahan and month; latest month, most first.

    Columns: ``month`` (datetime64, the month's first day), ``kelurahan``, ``category`` (``names`` maps a
    category to the name shown), ``complaints`` and ``patrols`` (int64: all patrols there that month).
    """
    missed = alignment.loc[alignment["patrols_on_topic"] == 0]
    missed = missed.sort_values(["month", "complaints", "kelurahan"], ascending=[False, False, True])
    return pd.DataFrame(
        {
            "month": pd.to_datetime(missed["month"]).to_numpy(),
            "kelurahan": missed["kelurahan"].astype("str").to_numpy(),
            "category": [_name(str(c), names) for c in missed["category"]],
            "complaints": missed["complaints"].to_numpy(dtype="int64"),
            "patrols": missed["patrols"].to_numpy(dtype="int64"),
        }
    )
