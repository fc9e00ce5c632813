"""Figures assembled as dicts and validated once give the figure plotly's own calls give: the same JSON."""

import json
import math
from datetime import date

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

from analysis.metrics import figures, trends
from analysis.metrics.bins import bin_labels
from analysis.reports import slides
from tests import frames


def spec(fig: go.Figure) -> dict:
    """What the browser receives, empty objects left out (an unset and an empty title look the same)."""

    def drop_empty(value):
        if isinstance(value, dict):
            return {k: drop_empty(v) for k, v in value.items() if v != {}}
        if isinstance(value, list):
            return [drop_empty(v) for v in value]
        return value

    return drop_empty(json.loads(pio.to_json(fig)))


def test_subplot_layout_is_make_subplots_and_its_cells_axes():
    layout, axes = figures.subplot_layout(2, 3, ["a", "b", "c", "d"], shared_xaxes=True, vertical_spacing=0.1)
    reference = make_subplots(
        rows=2, cols=3, shared_xaxes=True, vertical_spacing=0.1, subplot_titles=list("abcd")
    )
    assert layout == reference.layout.to_plotly_json()
    for i, (x, y) in enumerate(axes):
        reference.add_bar(x=[1], y=[i], row=i // 3 + 1, col=i % 3 + 1)
        assert (reference.data[-1].xaxis, reference.data[-1].yaxis) == (x, y)
    layout["annotations"].clear()  # a fresh copy each time: the remembered grid is not changed
    assert (
        len(
            figures.subplot_layout(2, 3, ["a", "b", "c", "d"], shared_xaxes=True, vertical_spacing=0.1)[0][
                "annotations"
            ]
        )
        == 4
    )


def test_merge_and_update_axes_set_what_plotlys_updates_set():
    start = {"font": {"size": 3, "family": "x"}, "width": 500, "title": {"text": "t"}, "xaxis2": {"dtick": 2}}
    values = {"font": {"size": 5}, "width": None, "title": {"text": None, "x": 0.1}, "margin": {"l": 1}}
    expected = go.Figure(layout=start)
    expected.update_layout(values)
    expected.update_xaxes(tickfont={"size": 9}, automargin=True)
    expected.update_yaxes(autorange="reversed")
    layout = json.loads(json.dumps(start))
    figures.merge(layout, values)
    figures.update_axes(layout, "xaxis", {"tickfont": {"size": 9}, "automargin": True})
    figures.update_axes(layout, "yaxis", {"autorange": "reversed"})
    assert spec(go.Figure(layout=layout)) == spec(expected)


def test_parts_and_build_give_the_same_figure_and_keep_arrays_as_arrays():
    fig = go.Figure(go.Bar(x=np.array([1.5, 2.5]), y=["a", "b"], text=["1", "2"]), layout={"height": 300})
    data, layout, template = figures.parts(fig)
    assert template is None  # plotly's default: a new figure takes it again
    assert isinstance(data[0]["x"], np.ndarray)
    assert spec(figures.build(data, layout, template)) == spec(fig)
    white = go.Figure(go.Bar(x=[1]), layout={"template": "plotly_white"})
    data, layout, template = figures.parts(white)
    assert template is not None
    assert spec(figures.build(data, layout, template)) == spec(white)
    assert spec(figures.build(data, layout, "plotly_white")) == spec(white)


# --- the trend figures against the same figure built call by call ------------------------------------------

COMPLAINTS = frames.complaints(
    [
        {"received_at": day, "category": category, "kelurahan": "Gedog", "channel": "Jumat Curhat"}
        for day, category in [
            ("2024-02-05 09:00", "Miras"),
            ("2024-02-20 10:00", "Miras"),
            ("2024-03-14 11:00", "Balap liar"),
            ("2024-04-02 12:00", "Pencurian"),
            ("2024-04-10 13:00", "Curanmor"),
            ("2024-04-24 14:00", "Miras"),
        ]
    ]
)
START, END = date(2024, 2, 1), date(2024, 4, 30)
COLOURS = {"Miras": "#AA3377", "Balap liar": "#EE6677", "Pencurian": "#994455"}
NAMES = {"Miras": "Alcohol", "Balap liar": "Street racing"}


def _small_multiples_call_by_call(counts, colours, freq, bands, lang, columns, names):
    """The small multiples as they were built before: make_subplots, add_bar per panel, update_*."""
    categories = [c for c in counts.columns if counts[c].sum() > 0]
    columns = max(1, min(columns, len(categories)))
    rows = math.ceil(len(categories) / columns)
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_xaxes=True,
        subplot_titles=[trends._plain(trends._name(c, names)) for c in categories],
        vertical_spacing=min(0.5 / rows, 0.08),
        horizontal_spacing=0.05,
    )
    bins = trends._bins_for(counts.index, freq, START, END)
    labels = bin_labels(bins, lang)
    for i, category in enumerate(categories):
        shown = trends._plain(trends._name(category, names))
        fig.add_bar(
            x=counts.index,
            y=counts[category],
            name=shown,
            marker_color=trends.category_colour(colours, category),
            customdata=labels,
            hovertemplate=f"{shown}<br>%{{customdata}}: %{{y}}<extra></extra>",
            showlegend=False,
            row=i // columns + 1,
            col=i % columns + 1,
            **trends._period_axis(freq),
        )
    fig.update_yaxes(rangemode="tozero", tickformat="d")
    fig.update_xaxes(**trends._dated_axis(bins, freq, lang, most=4))
    fig.update_annotations(font_size=13)
    key = trends._band_key(bands, lang, y=-0.3 / rows)
    for note in key:
        fig.add_annotation(**note)
    fig.update_layout(
        **trends._band_layout(bands, columns),
        font=trends.SCREEN_FONT,
        height=max(260, 190 * rows),
        margin=trends.margin(40, 70 if key else 10),
    )
    return fig


@pytest.mark.parametrize(("freq", "lang", "columns"), [("W", "id", 4), ("M", "en", 2), ("W", "en", 3)])
def test_small_multiples_are_the_figure_built_call_by_call(reference, freq, lang, columns):
    counts = trends.complaint_counts_per_period(COMPLAINTS, freq, ["Pencurian", "Miras"], START, END)
    bands = trends.calendar_bands(reference.calendar, START, END, lang)
    assert len(bands)  # Ramadan, Ketupat and Idul Fitri 2024 fall in the period
    fig = trends.small_multiples_figure(
        counts, COLOURS, freq, bands, lang, columns, start=START, end=END, names=NAMES
    )
    assert spec(fig) == spec(
        _small_multiples_call_by_call(counts, COLOURS, freq, bands, lang, columns, NAMES)
    )
    assert len(fig.data) == 4 and {d.xaxis for d in fig.data} == {"x", "x2", "x3", "x4"}


def test_stacked_bars_are_the_figure_built_call_by_call(reference):
    counts = trends.complaint_counts_per_period(COMPLAINTS, "W", ["Miras"], START, END)
    bands = trends.calendar_bands(reference.calendar, START, END, "id")
    fig = trends.stacked_counts_figure(counts, COLOURS, "W", bands, "id", "topics", START, END, NAMES)
    bins = trends._bins_for(counts.index, "W", START, END)
    expected = go.Figure()
    for category in counts.columns:
        shown = trends._name(category, NAMES)
        expected.add_bar(
            x=counts.index,
            y=counts[category],
            name=shown,
            marker_color=trends.category_colour(COLOURS, category),
            customdata=bin_labels(bins, "id"),
            hovertemplate=f"{shown}<br>%{{customdata}}: %{{y}}<extra></extra>",
            **trends._period_axis("W"),
        )
    expected.update_xaxes(**trends._dated_axis(bins, "W", "id", most=8))
    key = trends._band_key(bands, "id", y=-0.12)
    expected.update_layout(
        **trends._band_layout(bands),
        annotations=key,
        barmode="stack",
        font=trends.SCREEN_FONT,
        height=460,
        margin=trends.margin(30, 70),
        yaxis_title="Patroli yang membahas",
        xaxis_title=trends._partial_note(bins, "id"),
        legend={"traceorder": "normal"},
        hovermode="closest",
    )
    assert expected.layout.yaxis.title.text == trends.t("trends.axis.topics", "id")
    assert spec(fig) == spec(expected)


@pytest.mark.parametrize("mode", ["present", "phone"])
def test_a_refitted_slide_is_the_figure_restyled_call_by_call(mode):
    title = "Laporan valid per kategori: periode ini dibanding periode lalu"
    original = go.Figure(
        [
            go.Bar(y=["Miras", "Balap liar"], x=np.array([3, 5]), orientation="h", text=["3", "5  ▲"]),
            go.Bar(
                y=["Miras", "Balap liar"], x=[2, 4], orientation="h", text=["2", "4"], textposition="outside"
            ),
        ],
        layout={
            "template": "plotly_white",
            "title": {"text": title, "font": {"size": 28}},
            "width": 1200,
            "height": 640,
            "font": {"family": "DejaVu Sans", "size": 20},
            "margin": {"l": 20, "r": 40, "t": 80, "b": 60, "pad": 2},
            "xaxis": {"title": {"text": "Jumlah laporan valid dalam periode ini"}, "gridcolor": "#DDDDDD"},
            "annotations": [{"text": "catatan", "showarrow": False, "font": {"size": 12, "color": "red"}}],
        },
    )
    style = slides.STYLES[mode]
    expected = go.Figure(original)
    expected.update_layout(
        width=None,
        autosize=True,
        height=style["height"],
        font={"size": style["font"]},
        title={"text": slides._wrap(title, style["wrap"]), "font": {"size": style["title"]}, "x": 0.01},
        margin=style["margin"],
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
    )
    expected.update_layout(legend_font_size=style["tick"])
    if mode == "phone":
        expected.update_layout(margin={**style["margin"], "t": style["margin"]["t"] + 36})
    expected.update_xaxes(
        tickfont={"size": style["tick"]}, title_font={"size": style["tick"]}, automargin=True
    )
    expected.update_yaxes(tickfont={"size": style["tick"]}, automargin=True)
    expected.update_traces(textfont={"size": style["text"]}, selector={"type": "bar"})
    expected.update_annotations(font={"size": style["title"]})
    expected.update_xaxes(title_text=slides._wrap(expected.layout.xaxis.title.text, style["wrap"]))
    expected.update_xaxes(range=[0, 4 * (1 + slides.LABEL_ROOM[mode] * 1)], autorange=False)
    fitted = slides.fit_figure(original, mode)
    assert spec(fitted) == spec(expected)
    assert original.layout.width == 1200 and original.layout.xaxis.range is None  # the input is untouched
    assert fitted.layout.template.layout.plot_bgcolor == "white"  # plotly_white, kept
