"""Plotly figures assembled as plain dicts and validated once.

Plotly validates every property it is given, on every call: a figure built with one ``add_trace`` per
trace and one ``update_*`` per group of properties, or copied with ``go.Figure(fig)`` (which validates
plotly's whole default template again), was validated many times over. That was most of Tren's and the
briefing's rerun time, and it does not shrink with the rows. The builders here set the same properties
on dicts (the layout of ``make_subplots`` is remembered per grid) and hand them to ``go.Figure`` once, so
the figure, and the JSON the browser receives, are the same as before (``tests/test_figures.py``).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

Axes = tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=32)
def _subplots(rows: int, columns: int, titles: tuple[str, ...], options: tuple) -> tuple[dict, Axes]:
    """``make_subplots``' layout and axes (see ``subplot_layout``), remembered: the result is shared, so
    only ``subplot_layout`` hands it out, copied. A 4 × 5 grid costs ~0.15 s to build."""
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=list(titles), **dict(options))
    cells = fig._grid_ref  # plotly's own record of the axes each cell's traces go on
    axes = tuple(
        (cell[0].trace_kwargs["xaxis"], cell[0].trace_kwargs["yaxis"]) for row in cells for cell in row
    )
    return fig.layout.to_plotly_json(), axes


def subplot_layout(rows: int, columns: int, titles: Sequence[str], **options: Any) -> tuple[dict, Axes]:
    """``make_subplots(rows, columns, subplot_titles=titles, **options)``'s layout as a fresh plain dict
    (the caller may change it), and each cell's ``(xaxis, yaxis)`` names ("x", "y2" …) in reading order,
    row by row: a trace for cell ``i`` sets ``xaxis``/``yaxis`` to ``axes[i]``, as ``add_trace(row=…,
    col=…)`` would. ``options`` must be hashable (spacings, ``shared_xaxes`` …)."""
    layout, axes = _subplots(rows, columns, tuple(titles), tuple(sorted(options.items())))
    return copy.deepcopy(layout), axes


def merge(target: dict, values: Mapping[str, Any]) -> None:
    """``values`` set into ``target`` as plotly's ``update`` sets them: a dict into an existing dict
    property is merged key by key, ``None`` removes the property, anything else replaces it."""
    for key, value in values.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def update_axes(layout: dict, prefix: str, values: Mapping[str, Any]) -> None:
    """``fig.update_xaxes(values)`` (``prefix`` "xaxis") or ``update_yaxes`` (``"yaxis"``) on a layout
    dict: merged into the first axis (created when missing, as plotly does) and every numbered one."""
    layout.setdefault(prefix, {})
    for name in [n for n in layout if n == prefix or (n.startswith(prefix) and n[len(prefix) :].isdigit())]:
        merge(layout[name], values)


def parts(fig: go.Figure) -> tuple[list[dict], dict, dict | None]:
    """Copies of ``fig``'s traces (each with its ``type``) and layout as plain dicts of the values plotly
    holds after validating them (numpy arrays stay arrays, where ``to_plotly_json`` would turn them into
    base64 specs), and its layout's template apart: None when it is plotly's default, which a new figure
    takes anyway. ``build(data, layout, template)`` makes the figure again."""
    data = [{"type": trace.type, **copy.deepcopy(trace._props)} for trace in fig.data]
    layout = copy.deepcopy(fig.layout._props)
    template = layout.pop("template", None)
    return data, layout, None if _is_default(template) else template


def _is_default(template: object) -> bool:
    """Is ``template`` (a template as a dict) plotly's default template, which every new figure gets?"""
    default = pio.templates.default
    return default is not None and template == pio.templates[default].to_plotly_json()


def build(data: list[dict], layout: dict, template: str | dict | None = None) -> go.Figure:
    """``go.Figure(data=data, layout=layout)``, validated once, with ``template`` (a registered template's
    name, or a template from ``parts``: valid already) set as plotly sets its default template, without
    validating it again: validating a template costs more than validating a slide figure."""
    fig = go.Figure(data=data, layout=layout)
    if template is not None:
        fig.layout._validate = False
        try:
            fig.layout.template = pio.templates[template] if isinstance(template, str) else template
        finally:
            fig.layout._validate = True
    return fig
