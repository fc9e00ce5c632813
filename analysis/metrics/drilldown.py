"""From a click on a figure or a table row to the filter of the records behind it.

A selection arrives as plotly's point dicts (``curve_number``, ``point_index``, ``x``, ``y`` ...) or as a
row position; these functions turn it into a narrowed ``Filters`` (or None when the click says nothing
usable). The count behind the clicked mark and the records listed under the narrowed filter are then the
same rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.metrics import figures
from analysis.metrics.filters import Filters
from analysis.metrics.trends import Freq

HOUR_GRIDS = ("complaints", "patrols")  # the two heatmaps of trends.hours_figure, left to right


def period_range(period_start: pd.Timestamp | date, freq: Freq, filters: Filters) -> tuple[date, date]:
    """The days a weekly (Monday–Sunday) or monthly bar counts, cut to the filter's period.

    >>> f = Filters(start=date(2025, 5, 1), end=date(2025, 5, 31))
    >>> period_range(pd.Timestamp("2025-04-28"), "W", f)
    (datetime.date(2025, 5, 1), datetime.date(2025, 5, 4))
    """
    first = pd.Timestamp(period_start).date()
    month_end = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    last = first + timedelta(days=6) if freq == "W" else month_end
    return max(first, filters.start), min(last, filters.end)


def _first_point(points: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    return points[0] if points else None


def bar_filters(
    points: Sequence[Mapping[str, Any]], counts: pd.DataFrame, freq: Freq, filters: Filters
) -> Filters | None:
    """A click on a stacked period bar (``trends.stacked_counts_figure`` of ``counts``: one trace per
    column, one bar per row) -> that period and category. None for no point or one outside ``counts``."""
    point = _first_point(points)
    if point is None:
        return None
    curve, index = point.get("curve_number"), point.get("point_index", point.get("point_number"))
    if not isinstance(curve, int) or not isinstance(index, int):
        return None
    if not (0 <= curve < len(counts.columns) and 0 <= index < len(counts.index)):
        return None
    start, end = period_range(counts.index[index], freq, filters)
    return replace(filters, start=start, end=end, categories=(str(counts.columns[curve]),))


def category_bar_filters(points: Sequence[Mapping[str, Any]], filters: Filters) -> Filters | None:
    """A click on a horizontal bar whose ``y`` is a category (``overview.top_categories_figure``)."""
    point = _first_point(points)
    category = None if point is None else point.get("y")
    return replace(filters, categories=(str(category),)) if category else None


def day_cell_filters(points: Sequence[Mapping[str, Any]], filters: Filters) -> Filters | None:
    """A click on a heatmap cell whose ``customdata`` (or ``text``) holds an ISO date -> that day."""
    point = _first_point(points)
    if point is None:
        return None
    raw = point.get("customdata")
    if isinstance(raw, list | tuple):
        raw = raw[0] if raw else None
    try:
        day = date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None
    if not filters.start <= day <= filters.end:
        return None
    return replace(filters, start=day, end=day)


def row_filters(
    rows: Sequence[int],
    table: pd.DataFrame,
    filters: Filters,
    kelurahan_column: str | None = None,
    category_column: str | None = None,
) -> Filters | None:
    """A selected table row -> its kelurahan and/or category (read from the named columns)."""
    if not rows or not 0 <= rows[0] < len(table):
        return None
    row = table.iloc[rows[0]]
    chosen = filters
    if kelurahan_column is not None:
        chosen = replace(chosen, kelurahan=(str(row[kelurahan_column]),))
    if category_column is not None:
        chosen = replace(chosen, categories=(str(row[category_column]),))
    return chosen


def with_hour_cell_targets(figure: go.Figure) -> go.Figure:
    """``trends.hours_figure`` with an invisible, clickable marker on every weekday × hour cell.

    Plotly cannot select a heatmap cell, but it can select a scatter point: one transparent marker per
    cell, on each heatmap's own axes, carries ``[grid, weekday, hour, count]`` as customdata (grid
    ``"complaints"`` or ``"patrols"``) and the hover label the heatmap had ("Jumat 22.00: 12"); the
    heatmaps themselves no longer take the hover, so a click lands on the marker. Returns a new figure.
    """
    # Built as plain dicts and validated once: copying the figure (its template too) and adding each
    # trace validated it three times over.
    data, layout, template = figures.parts(figure)
    heatmaps = [trace for trace in data if trace["type"] == "heatmap"]
    for grid, trace in zip(HOUR_GRIDS, heatmaps, strict=False):
        days, hours, z = list(trace["y"]), list(trace["x"]), [list(row) for row in trace["z"]]
        cells = [(d, h) for d in range(len(days)) for h in range(len(hours))]
        data.append(
            {
                "type": "scatter",
                "x": [hours[h] for _, h in cells],
                "y": [days[d] for d, _ in cells],
                "customdata": [[grid, d, h, z[d][h]] for d, h in cells],
                "mode": "markers",
                "marker": {"size": 14, "opacity": 0.01, "color": "#000000"},
                "hovertemplate": "%{y} %{x}.00: %{customdata[3]}<extra></extra>",
                "showlegend": False,
                "xaxis": trace.get("xaxis"),
                "yaxis": trace.get("yaxis"),
            }
        )
    for trace in heatmaps:
        figures.merge(trace, {"hoverinfo": "skip", "hovertemplate": None})
    return figures.build(data, layout, template)


def hour_cell(points: Sequence[Mapping[str, Any]]) -> tuple[str, int, int] | None:
    """``(grid, weekday, hour)`` of a click on ``with_hour_cell_targets``' markers (weekday 0 = Monday),
    None for anything else.

    >>> hour_cell([{"customdata": ["complaints", 4, 22, 12]}])
    ('complaints', 4, 22)
    """
    point = _first_point(points)
    data = None if point is None else point.get("customdata")
    if not isinstance(data, list | tuple) or len(data) < 3 or data[0] not in HOUR_GRIDS:
        return None
    grid, weekday, hour = data[:3]
    try:  # JSON may hand the numbers back as floats (4.0)
        weekday, hour = _whole(weekday), _whole(hour)
    except (TypeError, ValueError):
        return None
    if not (0 <= weekday < 7 and 0 <= hour < 24):
        return None
    return str(grid), weekday, hour


def _whole(value: Any) -> int:
    number = float(value)
    if not number.is_integer():
        raise ValueError(f"not a whole number: {value!r}")
    return int(number)
