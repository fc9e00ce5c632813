"""pages/map.py through the app frame (AppTest): local assets only, and a click filters every page."""

from __future__ import annotations

import json
from functools import partial

from streamlit.testing.v1 import AppTest

from analysis.i18n import t
from analysis.metrics import maps
from tests import apptest
from tests.shown_tables import shown

PAGE = "pages/map.py"
open_map = partial(apptest.open_page, PAGE)


def map_args(at: AppTest) -> dict:
    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)


def click(at: AppTest, kelurahan: str) -> None:
    """What st_folium sends back when a kelurahan polygon is clicked."""
    feature = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": []},
        "properties": {"kelurahan": kelurahan, "kecamatan": "Sananwetan"},
    }
    at.session_state[map_args(at)["key"]] = {"last_active_drawing": feature}
    at.run()
    assert not at.exception, at.exception


def test_map_component_loads_only_local_leaflet():
    args = map_args(open_map())
    assert args["js_links"] == ["/app/static/leaflet/leaflet.js"]
    assert args["css_links"] == ["/app/static/leaflet/leaflet.css"]
    code = args["script"] + args["header"] + args["html"]
    assert "http://" not in code and "https://" not in code
    assert args["returned_objects"] == ["last_active_drawing"]
    assert args["script"].count('"kelurahan":') >= 21


def test_clicking_a_kelurahan_sets_the_shared_filter_and_the_clear_button_removes_it():
    at = open_map()
    assert at.session_state["filters"].kelurahan == ()
    click(at, "Gedog")
    assert at.session_state["filters"].kelurahan == ("Gedog",)
    assert any("Gedog" in s.value for s in at.success)
    at.button(key="map.clear").click().run()
    assert at.session_state["filters"].kelurahan == ()


def test_a_click_on_something_else_changes_nothing():
    at = open_map()
    point = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [112.1, -8.1]}, "properties": {}}
    at.session_state[map_args(at)["key"]] = {"last_active_drawing": point}
    at.run()
    assert at.session_state["filters"].kelurahan == ()


def test_each_measure_draws_with_its_legend_and_table():
    at = open_map()
    for measure in maps.MEASURES:
        at.selectbox(key="map.measure").set_value(measure).run()
        assert not at.exception, at.exception
        table = shown(at.dataframe[0])
        assert table.shape[0] == 21
        header = f"{t(f'map.measure.{measure}')} ({t(f'map.unit.{measure}')})"
        assert header in table.columns  # the measure, its unit in the header
        assert any(t(f"map.measure.{measure}") in h.proto.body for h in at.get("html"))


def test_layers_switch_on_points_and_density():
    at = open_map()
    at.pills(key="map.layers").set_value(["complaints", "patrols", "density"]).run()
    assert not at.exception, at.exception
    assert '"Point"' in map_args(at)["script"]


def test_nothing_in_the_period_is_stated():
    at = open_map(start="2027-03-01", end="2027-03-07")
    assert any("Tidak ada data" in i.value for i in at.info)
    assert not at.get("component_instance")
