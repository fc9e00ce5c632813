"""The Tren Kategori page through the real frame (app.py), on the bundled sample data."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.metrics.filters import Filters, filter_complaints

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/trends.py"
START, END = date(2025, 3, 1), date(2025, 5, 31)  # Ramadan, Idul Fitri and Operasi Ketupat 2025


def open_page(start: date | None = START, end: date | None = END, lang: str = "id") -> AppTest:
    """The page with the period from the URL (``None``: the default period)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if start and end:
        at.query_params["start"] = start.isoformat()
        at.query_params["end"] = end.isoformat()
    at.run()
    at.switch_page(PAGE).run()
    if lang != "id":
        at.session_state["lang"] = lang
        at.run()
    assert not at.exception, at.exception
    return at


def charts(at: AppTest) -> dict[str, dict]:
    return {el.proto.id: json.loads(el.proto.spec) for el in at.get("plotly_chart")}


def numbers(values) -> np.ndarray:
    """A plotly JSON array: a plain list, or numpy's base64 form ``{"dtype": ..., "bdata": ...}``."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    return np.asarray(values)


def stacked_total(at: AppTest) -> int:
    stacked = next(iter(charts(at).values()))
    return int(sum(numbers(trace["y"]).sum() for trace in stacked["data"] if trace["type"] == "bar"))


@pytest.fixture(scope="module")
def expected():
    ds = load_dataset(settings.DATA_DIR.read())
    in_period = filter_complaints(ds.complaints, Filters(start=START, end=END), ds.reference.kecamatan_of())
    return {
        "valid": int(in_period["is_valid"].sum()),
        "all": len(in_period),
        "colours": ds.reference.category_colours(),
    }


def test_page_shows_flagged_changes_first_then_five_charts(expected):
    at = open_page()
    assert at.title[0].value == "Tren Kategori"
    assert at.subheader[0].value == "Perubahan bermakna per kelurahan dan kategori"
    specs = list(charts(at).values())
    assert len(specs) == 5
    stacked = specs[0]
    bars = [trace for trace in stacked["data"] if trace["type"] == "bar"]
    assert len(bars) >= 10
    for trace in bars:
        assert trace["marker"]["color"] == expected["colours"][trace["name"]]
    key = stacked["layout"]["annotations"][0]["text"]
    assert all(label in key for label in ("Ramadan", "Idul Fitri", "Ops Ketupat"))
    assert len(stacked["layout"]["shapes"]) >= 3


def test_invalid_switch_changes_the_counts(expected):
    at = open_page()
    assert stacked_total(at) == expected["valid"]
    at.toggle(key="trends_invalid").set_value(True).run()
    assert not at.exception, at.exception
    assert stacked_total(at) == expected["all"] > expected["valid"]


def test_monthly_view_has_one_bar_per_month():
    at = open_page()
    at.radio(key="trends_freq").set_value("M").run()
    assert not at.exception, at.exception
    stacked = next(iter(charts(at).values()))
    assert {len(numbers(trace["y"])) for trace in stacked["data"] if trace["type"] == "bar"} == {3}


def test_english_page():
    at = open_page(None, None, lang="en")
    assert at.title[0].value == "Category Trends"
    assert at.subheader[0].value == "Significant changes"


def test_a_filter_that_matches_nothing_says_so():
    at = open_page(date(2027, 3, 1), date(2027, 3, 7))
    assert any("Tidak ada data" in el.value for el in at.info)
    assert not at.get("plotly_chart")
