"""Fitting the briefing to a screen: which sentences go on a projector slide, and charts restyled for a
projector or a phone.

``slide_points(sentences)`` splits a section's sentences into the ones shown as bullets (at most five,
chosen in order while an estimated line budget holds) and the ones folded into the slide's details.
``fit_figure(fig, mode)`` returns a restyled copy of a figure: ``"present"`` for one half of a 16:9
projector slide (large fonts, a fixed height that fits 1280×720 and 1024×768), ``"phone"`` for a 390 px
wide screen (small fonts, tight margins, the legend above the plot, a wrapped title). Pure: never
mutates its inputs, never imports streamlit.
"""

from __future__ import annotations

import math
import textwrap
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from analysis.metrics import figures
from analysis.metrics.style import FIT_STYLES

Mode = Literal["present", "phone"]

MAX_POINTS = 5
# A bullet column at 24 px on a 1024 px wide projector holds about 34 characters a line (words wrap
# early), and the column has room for about 12 lines beside the chart at 1024×768 and 1280×720.
LINE_CHARS = 38
MAX_LINES = 13
# Room right of the longest bar for its outside label: the x range grows by this share of the data's
# largest value per character of the longest label.
LABEL_ROOM = {"present": 0.05, "phone": 0.07}

STYLES = FIT_STYLES  # analysis.metrics.style: one chart style for the whole dashboard


def lines_needed(sentence: str, line_chars: int = LINE_CHARS) -> int:
    """Estimated screen lines of one bullet: ``ceil(len / line_chars)``, at least 1.

    >>> lines_needed("a" * 34, 34), lines_needed("a" * 35, 34), lines_needed("", 34)
    (1, 2, 1)
    """
    return max(1, math.ceil(len(sentence) / line_chars))


def slide_points(
    sentences: tuple[str, ...] | list[str],
    max_points: int = MAX_POINTS,
    max_lines: int = MAX_LINES,
    line_chars: int = LINE_CHARS,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(shown, folded)``: the sentences for the slide's bullets and the rest, each in the given order.

    Sentences are taken in order while they fit the line budget (a longer one is skipped, and a shorter
    one after it may still fit), up to ``max_points``. The first sentence is always shown, cut to the
    budget's characters with "…" when it alone is too long, so a slide is never empty; its full text is
    then folded too. Nothing is lost: every sentence is either shown whole or folded.

    >>> slide_points(["one", "two " * 40, "three"], max_lines=3, line_chars=34)[0]
    ('one', 'three')
    """
    shown: list[str] = []
    folded: list[str] = []
    used = 0
    for i, sentence in enumerate(sentences):
        need = lines_needed(sentence, line_chars)
        if i == 0 and need > max_lines:
            cut = max_lines * line_chars - 1
            shown.append(sentence[:cut].rsplit(" ", 1)[0] + " …")
            folded.append(sentence)
            used = max_lines
        elif len(shown) < max_points and used + need <= max_lines:
            shown.append(sentence)
            used += need
        else:
            folded.append(sentence)
    return tuple(shown), tuple(folded)


def _wrap(text: str | None, width: int) -> str | None:
    if not text:
        return text
    plain = text.replace("<br>", " ")
    return "<br>".join(textwrap.wrap(plain, width=width)) or plain


def fit_figure(fig: go.Figure, mode: Mode) -> go.Figure:
    """A copy of ``fig`` sized for ``mode`` (see the module docstring); its width follows its container.

    Raises ``KeyError`` for an unknown mode.
    """
    style = STYLES[mode]
    # The copy is restyled as plain dicts and validated once (``analysis.metrics.figures``): copying the
    # figure and updating it group by group validated it again at every step.
    data, layout, template = figures.parts(fig)
    title = fig.layout.title.text
    legend_rows = 1 if mode == "present" else 2
    figures.merge(
        layout,
        {
            "width": None,
            "autosize": True,
            "height": style["height"],
            "font": {"size": style["font"]},
            "title": {"text": _wrap(title, style["wrap"]), "font": {"size": style["title"]}, "x": 0.01},
            "margin": style["margin"],
            "legend": {
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": 1.0,
                "yanchor": "bottom",
                "font": {"size": style["tick"]},
            },
        },
    )
    if title and mode == "phone" and len(title) > style["wrap"]:
        figures.merge(layout, {"margin": {**style["margin"], "t": style["margin"]["t"] + 18 * legend_rows}})
    tick = {"size": style["tick"]}
    figures.update_axes(layout, "xaxis", {"tickfont": tick, "title": {"font": tick}, "automargin": True})
    figures.update_axes(layout, "yaxis", {"tickfont": tick, "automargin": True})
    for trace in data:
        if trace["type"] == "bar":
            figures.merge(trace, {"textfont": {"size": style["text"]}})
    for note in layout.get("annotations", []):
        figures.merge(note, {"font": {"size": style["title"]}})
    axis_title = layout["xaxis"].get("title", {}).get("text")
    if axis_title:
        figures.update_axes(layout, "xaxis", {"title": {"text": _wrap(axis_title, style["wrap"])}})
    _room_for_labels(data, layout, LABEL_ROOM[mode])
    return figures.build(data, layout, template)


def _room_for_labels(data: list[dict], layout: dict, per_char: float) -> None:
    """Widen the x range of horizontal bars whose labels sit outside them, so the labels are not cut
    (``data`` and ``layout`` as ``analysis.metrics.figures.parts`` gives them, changed in place)."""
    longest, largest = 0, 0.0
    for trace in data:
        if (
            trace["type"] != "bar"
            or trace.get("orientation") != "h"
            or trace.get("textposition") != "outside"
        ):
            continue
        text = trace.get("text")
        texts = [text] if text is None or isinstance(text, str) else list(text)
        longest = max([longest, *(len(str(t)) for t in texts if t is not None)])
        x = trace.get("x")
        values = pd.to_numeric(pd.Series([] if x is None else list(x), dtype=object), errors="coerce")
        if values.notna().any():
            largest = max(largest, float(values.max()))
    if not longest or largest <= 0:
        return
    upper = largest * (1 + per_char * longest)
    current = layout["xaxis"].get("range")
    if current is None or current[1] < upper:
        figures.update_axes(layout, "xaxis", {"range": [0, upper], "autorange": False})
