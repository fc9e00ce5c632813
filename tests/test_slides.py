"""Slides: which sentences make a projector slide's bullets, and charts restyled for a projector/phone."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from analysis.reports.slides import MAX_POINTS, STYLES, fit_figure, lines_needed, slide_points


def test_at_most_five_points_in_order_and_the_rest_folded():
    sentences = [f"kalimat {i}" for i in range(8)]
    shown, folded = slide_points(sentences)
    assert shown == tuple(sentences[:MAX_POINTS])
    assert folded == tuple(sentences[MAX_POINTS:])


def test_a_long_sentence_is_folded_and_a_shorter_later_one_still_fits():
    long = "panjang " * 30  # 240 characters: 8 lines of 34
    shown, folded = slide_points(["pendek", long, "juga pendek"], max_lines=5, line_chars=34)
    assert shown == ("pendek", "juga pendek")
    assert folded == (long,)


def test_the_line_budget_holds_and_nothing_is_lost():
    sentences = ["x" * 100, "y" * 60, "z" * 34, "w" * 70]  # 3, 2, 1 and 3 lines
    shown, folded = slide_points(sentences, max_lines=6, line_chars=34)
    assert shown == ("x" * 100, "y" * 60, "z" * 34)
    assert sum(lines_needed(s, 34) for s in shown) <= 6
    assert sorted(shown + folded) == sorted(sentences)


def test_a_first_sentence_longer_than_the_slide_is_cut_on_a_word_and_kept_whole_in_the_details():
    first = " ".join(["kata"] * 200)
    shown, folded = slide_points([first, "kedua"], max_lines=3, line_chars=34)
    assert len(shown) == 1 and shown[0].endswith(" …") and len(shown[0]) <= 3 * 34 + 2
    assert folded == (first, "kedua")


def test_no_sentences_give_an_empty_slide():
    assert slide_points([]) == ((), ())


def _figure() -> go.Figure:
    fig = go.Figure(go.Bar(y=["Miras", "Balap liar"], x=[3, 5], orientation="h", text=[3, 5]))
    fig.update_layout(
        width=1200, height=640, title={"text": "Laporan valid per kategori: periode ini vs lalu"}
    )
    return fig


@pytest.mark.parametrize("mode", ["present", "phone"])
def test_fit_figure_sizes_fonts_and_lets_the_width_follow_the_container(mode):
    original = _figure()
    fitted = fit_figure(original, mode)
    style = STYLES[mode]
    assert fitted.layout.width is None and fitted.layout.height == style["height"]
    assert fitted.layout.font.size == style["font"]
    assert fitted.layout.yaxis.tickfont.size == style["tick"]
    assert fitted.data[0].textfont.size == style["text"]
    assert fitted.layout.legend.orientation == "h" and fitted.layout.legend.yanchor == "bottom"
    assert original.layout.width == 1200 and original.layout.height == 640  # the input is untouched


def test_a_long_title_wraps_on_a_phone():
    fitted = fit_figure(_figure(), "phone")
    assert "<br>" in fitted.layout.title.text
    assert fitted.layout.title.text.replace("<br>", " ") == "Laporan valid per kategori: periode ini vs lalu"


def test_an_unknown_mode_is_refused():
    with pytest.raises(KeyError):
        fit_figure(_figure(), "poster")  # type: ignore[arg-type]


def test_numpy_values_and_labels_with_gaps_are_measured():
    import numpy as np

    fig = go.Figure(
        go.Bar(y=["a", "b"], x=np.array([3.0, np.nan]), orientation="h", text=np.array(["12345", None]))
    )
    fig.update_traces(textposition="outside")
    assert fit_figure(fig, "phone").layout.xaxis.range[1] == pytest.approx(3.0 * (1 + 0.07 * 5))


def test_outside_bar_labels_get_room_and_a_set_range_only_grows():
    fig = go.Figure(
        go.Bar(y=["a", "b"], x=[2.0, 4.0], orientation="h", text=["x" * 20, "y"], textposition="outside")
    )
    fig.update_xaxes(range=[0, 5.0])
    fitted = fit_figure(fig, "present")
    assert fitted.layout.xaxis.range[1] == pytest.approx(4.0 * (1 + 0.05 * 20))
    wide = go.Figure(go.Bar(y=["a"], x=[1.0], orientation="h", text=["1"], textposition="outside"))
    wide.update_xaxes(range=[0, 10.0])
    assert fit_figure(wide, "phone").layout.xaxis.range == (0, 10.0)
