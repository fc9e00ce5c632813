"""The Briefing page through the app frame: default week, one topic per screen, language, no personal data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.reports.briefing import last_full_week, period_title

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/briefing.py"
PHONE_LIKE = re.compile(r"(\+62|\b0)8\d[\d\s.\-]{6,}\d")


@pytest.fixture(scope="module")
def last_week() -> tuple:
    ds = load_dataset(settings.DATA_DIR.read())
    assert ds.last_date is not None, "the bundled sample data is missing"
    return last_full_week(ds.last_date)


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def test_default_is_the_last_full_week_with_the_period_in_words(last_week: tuple) -> None:
    at = open_page()
    start, _ = last_week
    assert at.selectbox(key="briefing_week").value == start.isoformat()
    assert at.title[0].value == f"Briefing · {period_title(*last_week)}"
    assert at.title[0].value.startswith("Briefing · Minggu ke-")
    assert any(m.value.replace("\u2060", "").startswith("Data s\\.d\\.") for m in at.markdown)
    assert [h.value for h in at.header] == ["Fakta"]
    assert at.button(key="briefing_prev").disabled
    # one chart, drawn wide for screens and narrow for phones (CSS shows the one that fits)
    assert [c.key for c in at.get("plotly_chart")] == ["briefing_fig_channels", "briefing_fig_phone_channels"]


def test_next_and_previous_step_through_the_four_topics() -> None:
    at = open_page()
    seen = [at.header[0].value]
    for _ in range(3):
        at.button(key="briefing_next").click().run()
        assert not at.exception, at.exception
        seen.append(at.header[0].value)
    assert seen == ["Fakta", "Analisa", "Prediksi", "Rekomendasi"]
    assert at.button(key="briefing_next").disabled
    at.button(key="briefing_prev").click().run()
    assert at.header[0].value == "Prediksi"
    assert at.session_state["briefing_step"] == 2


def test_an_earlier_week(last_week: tuple) -> None:
    at = open_page()
    week = at.selectbox(key="briefing_week")
    assert len(week.options) >= 2
    week.select_index(1).run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Briefing · Minggu ke-")
    assert period_title(*last_week) not in at.title[0].value


def test_no_phone_number_on_any_screen() -> None:
    at = open_page()
    for _ in range(4):
        text = " ".join(m.value for m in at.markdown)
        assert not PHONE_LIKE.search(text.replace("\\", "")), PHONE_LIKE.search(text.replace("\\", ""))
        if not at.button(key="briefing_next").disabled:
            at.button(key="briefing_next").click().run()
