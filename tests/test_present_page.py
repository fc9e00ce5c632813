"""Presentation mode and the step in the URL, through the app frame (AppTest); the browser tests measure
the layout."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.reports.slides import STYLES
from tests import apptest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/briefing.py"


open_briefing = partial(apptest.open_page, PAGE, timeout=120)


def counter(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**") and " / " in m.value)


def keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button}


def test_presentation_mode_shows_one_slide_with_at_most_five_points_and_folded_details():
    at = open_briefing(presentasi="1")
    assert "briefing_present_exit" in keys(at) and "briefing_present_enter" not in keys(at)
    points = at.get("markdown")
    slide = [m.value for m in points if m.value.startswith("- ")]
    assert slide and slide[0].count("\n- ") + 1 <= 5
    assert [e.label for e in at.expander] == ["Rincian dan tabel"]
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    figure = json.loads(charts[0].proto.spec)
    assert figure["layout"]["height"] == STYLES["present"]["height"]
    assert figure["layout"]["font"]["size"] == STYLES["present"]["font"]
    assert at.query_params["presentasi"] == "1"  # the filters' URL sync keeps the page's parameters


def test_the_normal_view_offers_presentation_mode_and_a_narrow_chart_for_phones():
    at = open_briefing()
    assert "briefing_present_enter" in keys(at) and "briefing_present_exit" not in keys(at)
    sizes = sorted(json.loads(c.proto.spec)["layout"].get("height") for c in at.get("plotly_chart"))
    assert sizes == sorted([STYLES["phone"]["height"], 640])
    at.button(key="briefing_present_enter").click().run()
    assert at.query_params["presentasi"] == "1"
    assert "briefing_present_exit" in keys(at)
    at.button(key="briefing_present_exit").click().run()
    assert "presentasi" not in at.query_params


@pytest.mark.parametrize(
    ("raw", "shown"), [("3", "3 / 4"), ("99", "4 / 4"), ("0", "1 / 4"), ("dua", "1 / 4")]
)
def test_the_step_comes_from_the_url_and_is_kept_in_range(raw, shown):
    at = open_briefing(langkah=raw, presentasi="1")
    assert counter(at) == f"**{shown}**"
    assert at.query_params["langkah"] == shown.split(" ")[0]


def test_moving_writes_the_step_into_the_url():
    at = open_briefing(langkah="2")
    at.button(key="briefing_next").click().run()
    assert counter(at) == "**3 / 4**"
    assert at.query_params["langkah"] == "3"
    at.button(key="briefing_prev").click().run()
    at.button(key="briefing_prev").click().run()
    assert at.query_params["langkah"] == "1"
    assert at.button(key="briefing_prev").disabled


def test_tables_pin_their_key_column_for_narrow_screens():
    at = open_briefing()
    config = json.loads(at.dataframe[0].proto.columns)
    first = next(iter(config.values()))
    assert first.get("pinned") is True
    overview = AppTest.from_file(APP, default_timeout=120).run()
    overview_config = json.loads(overview.dataframe[0].proto.columns)
    assert overview_config["kelurahan"]["pinned"] is True
