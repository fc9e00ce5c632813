"""The officer activity page, run through the frame (app.py) on the bundled sample data."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import apptest
from tests.shown_tables import shown

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / os.environ.get("OFFICERS_TEST_APP", "app.py"))
PAGE = "pages/officers.py"
ROZIEK = "Aiptu Roziek Mustofa"


open_page = partial(apptest.open_page, PAGE, app=APP, timeout=90)


# AppTest does not expose a dataframe's key, so each table is known by columns only it has.
TABLES = {
    "units": ("Personel aktif",),
    "people": ("NRP", "Patroli dipimpin"),
    "gaps": ("Hari tanpa kegiatan",),
}
TABLES_EN = {"units": ("Active officers",)}


def table(at: AppTest, name: str, lang: str = "id"):
    wanted = (TABLES_EN if lang == "en" else TABLES)[name]
    return next(shown(df) for df in at.dataframe if set(wanted) <= set(shown(df).columns))


def chart_by_key(at: AppTest, key: str) -> dict:
    return next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if key in c.proto.id)


@pytest.fixture(scope="module")
def gedog() -> AppTest:
    return open_page(start="2025-05-26", end="2025-05-26", kelurahan="Gedog")


def test_gedog_on_26_may_names_roziek_as_leader(gedog: AppTest) -> None:
    assert gedog.title[0].value == "Aktivitas Personel"
    people = table(gedog, "people")
    row = people.loc[people["Personel"] == ROZIEK]
    assert len(row) == 1, people["Personel"].tolist()
    assert int(row["Patroli dipimpin"].iloc[0]) >= 1
    assert int(row["Personel terhitung"].iloc[0]) >= 4
    matrix = chart_by_key(gedog, "officers_matrix")["data"][0]
    assert ROZIEK in matrix["y"] and matrix["x"] == ["Gedog"]


def test_drill_down_to_roziek(gedog: AppTest) -> None:
    view = gedog.selectbox(key="officers_view")
    people = table(gedog, "people")
    nrp = people.loc[people["Personel"] == ROZIEK, "NRP"].iloc[0]
    view.select(f"nrp:{nrp}").run()  # the option values are "nrp:<NRP>"; AppTest selects by value
    assert not gedog.exception, gedog.exception
    assert any(ROZIEK in h.value for h in gedog.subheader)
    metrics = {m.label: m.value for m in gedog.metric}
    assert int(metrics["Patroli dipimpin"]) >= 1
    calendar = chart_by_key(gedog, "officers_calendar")["data"][0]
    assert len(calendar["x"]) == 1  # one week column
    monday = calendar["text"][0][0]
    assert monday.startswith("Senin, 26 Mei 2025") and "0 patroli" not in monday


def test_default_view_shows_units_gaps_and_coverage() -> None:
    at = open_page()
    units = table(at, "units")
    assert "Bhabinkamtibmas" in units["Satuan"].tolist()
    gaps = table(at, "gaps")
    assert {"Peringatan (> 1 hari)", "Siaga (> 7 hari)"} & set(gaps["Status"])
    ranks = chart_by_key(at, "officers_rank_unit")
    order = ranks["layout"]["xaxis"]["categoryarray"]
    polri = ["Bripda", "Briptu", "Brigpol", "Bripka", "Aipda", "Aiptu", "Ipda", "Iptu", "AKP", "Kompol"]
    assert order == [r for r in polri if r in order]
    assert any(
        "bergantung pada satu orang" in w.value or "tidak pernah" in w.value for w in at.warning
    ) or any("Tidak ada temuan" in s.value for s in at.success)


def test_unit_filter_from_sidebar_keeps_that_unit() -> None:
    at = open_page()
    at.multiselect(key="f_unit").set_value(["Samapta"]).run()
    assert not at.exception, at.exception
    assert table(at, "units")["Satuan"].tolist() == ["Samapta"]
    assert set(table(at, "gaps")["Satuan"]) == {"Samapta"}


def test_empty_period_states_it_and_still_lists_gaps() -> None:
    at = open_page(start="2027-03-01", end="2027-03-07")
    assert any("Tidak ada data" in i.value for i in at.info)
    gaps = table(at, "gaps")
    assert set(gaps["Status"]) == {"Siaga (> 7 hari)"}  # nobody recorded anything in the last 90+ days


def test_english() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.session_state["lang"] = "en"
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Officer activity"
    assert "Patrols led" in table(at, "units", "en").columns
