"""analysis.metrics.maps: measures hand-checked on tiny frames, the colour scale, and the rendered map
HTML."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from analysis.data.reference import GEO_ATTRIBUTION
from analysis.metrics import maps
from tests import frames
from ui import static_assets

HOSTILE = "<script>alert(1)</script>"


def patrol_frame(reference, rows: list[dict]) -> pd.DataFrame:
    """A clean patrols frame (analysis/data/contract.py) from a few hand-written rows."""
    base = {
        "activity": "Sambang",
        "unit": "Binmas",
        "leader_rank": "Aiptu",
        "leader_nrp": "1",
        "leader_name": "Roziek Mustofa",
        "personnel_count": 1,
    }
    return frames.frame("patrols", [{**base, **row} for row in rows], reference=reference)


def complaint_frame(reference, rows: list[dict]) -> pd.DataFrame:
    base = {"channel": "WhatsApp #LaporPakKapolres", "category": "Miras", "status": "Baru"}
    return frames.frame("complaints", [{**base, **row} for row in rows], reference=reference)


@pytest.fixture
def patrols(reference):
    return patrol_frame(
        reference,
        [
            {"date": "2025-05-20", "kelurahan": "Gedog", "personnel_count": 2, "duration_hours": 2.0},
            {
                "date": "2025-05-26",
                "kelurahan": "Gedog",
                "personnel_count": 4,
                "duration_hours": 1.5,
                "start_time": "09:00",
                "leader_name": HOSTILE,
            },
            {"date": "2025-05-26", "kelurahan": "Gedog", "start_time": "08:00", "leader_name": "Earlier"},
            {"date": "2025-05-28", "kelurahan": "Sentul", "personnel_count": 3},
        ],
    )


@pytest.fixture
def complaints(reference):
    return complaint_frame(
        reference,
        [
            {"received_at": "2025-05-19 20:00", "kelurahan": "Gedog", "category": "Pencurian"},
            {
                "received_at": "2025-05-20 07:00",
                "kelurahan": "Gedog",
                "category": "Miras",
                "status": "Selesai",
            },
            {"received_at": "2025-05-27 10:00", "kelurahan": "Gedog", "category": "Pencurian"},
            {"received_at": "2025-05-21 10:00", "kelurahan": "Klampok", "category": "Miras"},
            {"received_at": "2025-05-22 10:00", "kelurahan": "Klampok", "status": "Tidak Valid"},
        ],
    )


@pytest.fixture
def measures(patrols, complaints, reference):
    return maps.kelurahan_measures(patrols, complaints, reference, as_of=date(2025, 5, 31))


def row(measures: pd.DataFrame, name: str) -> pd.Series:
    return measures.set_index("kelurahan").loc[name]


# ------------------------------------------------------------------------------------------ measures


def test_measures_cover_all_21_kelurahan_in_reference_order(measures, reference):
    assert measures["kelurahan"].tolist() == reference.kelurahan_names
    assert len(measures) == 21
    assert row(measures, "Bendo")["visits"] == 0 and row(measures, "Bendo")["valid_complaints"] == 0


def test_visits_hours_and_complaints_by_hand(measures):
    gedog = row(measures, "Gedog")
    assert gedog["visits"] == 3
    assert gedog["personnel_hours"] == pytest.approx(2 * 2.0 + 4 * 1.5)  # the third has no times
    assert gedog["valid_complaints"] == 3
    assert gedog["open_complaints"] == 2  # one of the three is Selesai
    klampok = row(measures, "Klampok")
    assert klampok["valid_complaints"] == 1  # the Tidak Valid one is left out


def test_personnel_hours_unknown_when_no_visit_has_times_but_zero_without_visits(measures):
    assert pd.isna(row(measures, "Sentul")["personnel_hours"])
    assert row(measures, "Bendo")["personnel_hours"] == 0


def test_rate_per_1000_uses_the_2010_population(measures, reference):
    population = reference.kelurahan.set_index("kelurahan").loc["Gedog", "population"]
    assert row(measures, "Gedog")["complaints_per_1000"] == pytest.approx(3 / population * 1000)
    assert row(measures, "Gedog")["population_year"] == 2010


def test_last_visit_days_since_and_leader_latest_start_wins(measures):
    gedog = row(measures, "Gedog")
    assert gedog["last_visit"] == pd.Timestamp("2025-05-26")
    assert gedog["days_since_last_visit"] == 5
    assert gedog["last_visit_leader"] == f"Aiptu {HOSTILE}"  # 09:00 beats 08:00 on the same day
    assert pd.isna(row(measures, "Bendo")["days_since_last_visit"])


def test_balance_is_patrol_share_minus_complaint_share_in_points(measures):
    # visits: Gedog 3, Sentul 1 (of 4); valid complaints: Gedog 3, Klampok 1 (of 4)
    assert row(measures, "Gedog")["balance_pp"] == pytest.approx(0.0)
    assert row(measures, "Sentul")["balance_pp"] == pytest.approx(25.0)
    assert row(measures, "Klampok")["balance_pp"] == pytest.approx(-25.0)


def test_response_is_median_days_to_next_patrol_same_day_counts_zero(measures):
    # Gedog complaints 19 May -> patrol 20 May (1 day); 20 May -> 20 May (0); 27 May -> none after.
    gedog = row(measures, "Gedog")
    assert gedog["response_days"] == pytest.approx(0.5)
    assert gedog["complaints_followed"] == 2
    assert pd.isna(row(measures, "Klampok")["response_days"])  # no patrol there at all


def test_top_categories_by_count_then_name(measures):
    assert row(measures, "Gedog")["top_categories"] == (("Pencurian", 2), ("Miras", 1))


def test_measures_on_empty_frames_are_zero_or_missing(reference, patrols, complaints):
    empty = maps.kelurahan_measures(patrols.iloc[0:0], complaints.iloc[0:0], reference, date(2025, 5, 31))
    assert len(empty) == 21
    assert empty["visits"].sum() == 0 and empty["valid_complaints"].sum() == 0
    assert empty["balance_pp"].isna().all() and empty["response_days"].isna().all()


def test_measures_do_not_mutate_their_inputs(patrols, complaints, reference):
    before_p, before_c = patrols.copy(), complaints.copy()
    maps.kelurahan_measures(patrols, complaints, reference, date(2025, 5, 31))
    pd.testing.assert_frame_equal(patrols, before_p)
    pd.testing.assert_frame_equal(complaints, before_c)


# -------------------------------------------------------------------------------------- colour scale


def test_count_scale_keeps_zero_apart_and_splits_the_rest_in_whole_numbers(measures):
    frame = measures.assign(visits=[9, 0, 4, *[1] * 18])
    scale = maps.measure_scale(frame, "visits")
    assert [e.label for e in scale.entries] == ["0", "1–3", "4–6", "7–9"]
    assert scale.colour_of(0) == maps.BLUES[0] and scale.colour_of(9) == maps.BLUES[-1]
    assert scale.colour_of(4) != scale.colour_of(3)


def test_balance_scale_is_diverging_and_symmetric(measures):
    scale = maps.measure_scale(measures, "balance", "en")
    assert scale.colours == maps.RED_BLUE
    assert scale.uppers == (-12.5, -6.25, 6.25, 12.5, 25.0)  # extent 25 points
    assert scale.colour_of(-25) == maps.RED_BLUE[0] and scale.colour_of(25) == maps.RED_BLUE[-1]
    assert scale.colour_of(10) == maps.RED_BLUE[-2]
    assert scale.colour_of(0) == maps.RED_BLUE[2]
    assert "balanced" in scale.entries[2].label


def test_days_scale_marks_never_visited_and_states_it(measures):
    scale = maps.measure_scale(measures, "days_since_last_visit")
    assert scale.colour_of(float("nan"), visited=False) == maps.NEVER_VISITED
    assert any(e.label == "belum dikunjungi dalam periode" for e in scale.entries)


def test_rate_legend_states_population_year(measures):
    scale = maps.measure_scale(measures, "complaints_per_1000")
    assert "2010" in scale.note
    assert "per 1.000 penduduk" in scale.title


def test_missing_values_get_their_own_legend_entry(measures):
    scale = maps.measure_scale(measures, "response_days", "en")
    assert scale.entries[-1] == maps.LegendEntry(maps.MISSING, "no complaint followed by a patrol")
    assert scale.colour_of(float("nan")) == maps.MISSING


def test_legend_html_escapes_and_holds_every_entry(measures):
    scale = maps.measure_scale(measures, "visits")
    hostile = maps.ColourScale("visits", HOSTILE, "", (0.0,), ("#fff",), (maps.LegendEntry("#fff", HOSTILE),))
    assert "<script>" not in maps.legend_html(hostile)
    assert "&lt;script&gt;" in maps.legend_html(hostile)
    assert all(e.colour in maps.legend_html(scale) for e in scale.entries)


# ------------------------------------------------------------------------------------------ the map


def embedded_collections(map_html: str) -> list[dict]:
    """Every GeoJSON FeatureCollection folium embedded in the page."""
    return [json.loads(m) for m in re.findall(r"_add\((\{.*\})\);", map_html)]


def kelurahan_features(map_html: str) -> list[dict]:
    (layer,) = [
        c
        for c in embedded_collections(map_html)
        if c["features"] and "popup" in c["features"][0]["properties"]
    ]
    return layer["features"]


@pytest.fixture
def map_html(reference, measures, patrols, complaints) -> str:
    fmap = maps.kelurahan_map(reference, measures, "visits", "id", selected=["Gedog"])
    return fmap.get_root().render()


def test_map_draws_21_kelurahan_polygons(map_html):
    features = kelurahan_features(map_html)
    assert len(features) == 21
    assert {f["geometry"]["type"] for f in features} == {"Polygon"}


@pytest.mark.parametrize("measure", maps.MEASURES)
def test_polygon_colours_follow_the_measure_scale(reference, measures, measure):
    scale = maps.measure_scale(measures, measure)
    map_html = maps.kelurahan_map(reference, measures, measure, "id").get_root().render()
    by_name = measures.set_index("kelurahan")
    for feature in kelurahan_features(map_html):
        values = by_name.loc[feature["properties"]["kelurahan"]]
        expected = scale.colour_of(values[maps.SPECS[measure].column], visited=bool(values["visits"]))
        assert feature["properties"]["style"]["fillColor"] == expected


def test_visits_colour_the_busiest_kelurahan_darkest(map_html):
    colours = {
        f["properties"]["kelurahan"]: f["properties"]["style"]["fillColor"]
        for f in kelurahan_features(map_html)
    }
    assert colours["Gedog"] == maps.BLUES[-1]
    assert colours["Bendo"] == maps.BLUES[0]


def test_selected_kelurahan_has_a_thick_outline(map_html):
    weights = {
        f["properties"]["kelurahan"]: f["properties"]["style"]["weight"] for f in kelurahan_features(map_html)
    }
    assert weights["Gedog"] > weights["Sentul"]


def test_hostile_text_from_data_is_escaped(map_html):
    assert HOSTILE not in map_html
    assert "<script>alert" not in map_html
    (gedog,) = [f for f in kelurahan_features(map_html) if f["properties"]["kelurahan"] == "Gedog"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in gedog["properties"]["popup"]


def test_popup_and_tooltip_say_what_the_issue_asks(map_html):
    (gedog,) = [f for f in kelurahan_features(map_html) if f["properties"]["kelurahan"] == "Gedog"]
    popup, tooltip = gedog["properties"]["popup"], gedog["properties"]["tooltip"]
    assert "26 Mei 2025" in popup and "Pencurian (2)" in popup and "Laporan belum selesai" in popup
    assert "Sananwetan" in tooltip and "3 kunjungan" in tooltip


def test_only_the_apps_own_leaflet_is_loaded(map_html):
    sources = re.findall(r'<script[^>]*\bsrc="([^"]*)"', map_html)
    styles = re.findall(r'<link[^>]*\bhref="([^"]*)"', map_html)
    assert sources == [static_assets.LEAFLET_JS_URL]
    assert styles == [static_assets.LEAFLET_CSS_URL]
    assert "http://" not in map_html and "https://" not in map_html
    assert "jquery" not in map_html.lower() and "bootstrap" not in map_html.lower()
    assert "$(" not in map_html  # no jQuery call anywhere either
    assert static_assets.LEAFLET_IMAGES_URL in map_html


def test_map_credits_the_boundaries(map_html):
    assert GEO_ATTRIBUTION in map_html


def test_every_kelurahan_is_labelled(map_html, reference):
    for name in reference.kelurahan_names:
        assert f"\\u003cspan\\u003e{name}\\u003c/span\\u003e" in map_html


def test_kecamatan_outlines_are_drawn_on_top(map_html):
    outlines = [
        c for c in embedded_collections(map_html) if c["features"][0]["geometry"]["type"] == "MultiLineString"
    ]
    assert len(outlines) == 1 and len(outlines[0]["features"]) == 3
    assert map_html.index('"popup"') < map_html.index("MultiLineString")


def test_osm_tiles_only_when_asked(reference, measures, monkeypatch):
    monkeypatch.delenv(maps.TILES_ENV, raising=False)
    assert maps.tiles_setting() is None
    monkeypatch.setenv(maps.TILES_ENV, "osm")
    assert maps.tiles_setting() == "osm"
    map_html = maps.kelurahan_map(reference, measures, "visits", tiles="osm").get_root().render()
    assert "tile.openstreetmap.org" in map_html and "OpenStreetMap" in map_html


def test_point_and_density_layers_where_coordinates_exist(reference, measures, patrols, complaints):
    located = complaints.assign(lat=[-8.095, float("nan"), -8.096, -8.08, -8.08], lon=[112.185] * 5)
    walked = patrols.assign(lat=[-8.09, float("nan"), float("nan"), float("nan")], lon=112.18, topics="Miras")
    fmap = maps.kelurahan_map(
        reference,
        measures,
        "visits",
        complaints=located,
        patrols=walked,
        layers=("complaints", "patrols", "density"),
    )
    collections = embedded_collections(fmap.get_root().render())
    points = [c for c in collections if c["features"] and c["features"][0]["geometry"]["type"] == "Point"]
    sizes = sorted(len(c["features"]) for c in points)
    assert sizes == [1, 3]  # 1 patrol; 3 valid complaints (the NaN one and the invalid one are left out)
    colours = reference.category_colours()
    complaint_colours = {f["properties"]["style"]["fillColor"] for c in points for f in c["features"]}
    assert colours["Pencurian"] in complaint_colours
    cells = [c for c in collections if c["features"] and "popup" not in c["features"][0]["properties"]]
    assert any(c["features"][0]["geometry"]["type"] == "Polygon" for c in cells)


def test_density_cells_count_valid_complaints_per_square(complaints):
    located = complaints.assign(lat=[-8.0951, -8.0952, -8.0800, float("nan"), -8.0951], lon=112.1851)
    cells = maps.density_cells(located, [[-8.2, 112.1], [-8.0, 112.3]], cell_deg=0.01)
    assert cells["count"].tolist() == [2, 1]  # the NaN row and the invalid one do not count


def test_kecamatan_outline_drops_edges_shared_inside_a_kecamatan():
    square = lambda x: [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]  # noqa: E731
    geojson = {
        "features": [
            {"properties": {"kecamatan": "A"}, "geometry": {"type": "Polygon", "coordinates": [square(0)]}},
            {"properties": {"kecamatan": "A"}, "geometry": {"type": "Polygon", "coordinates": [square(1)]}},
        ]
    }
    (outline,) = maps.kecamatan_outlines(geojson)["features"]
    edges = {tuple(map(tuple, e)) for e in outline["geometry"]["coordinates"]}
    assert len(edges) == 6
    assert ((1, 0), (1, 1)) not in edges


def test_ensure_leaflet_assets_copies_leaflet_and_is_repeatable(tmp_path):
    target = static_assets.ensure_leaflet_assets(tmp_path)
    assert (target / "leaflet.js").stat().st_size > 100_000
    assert (target / "leaflet.css").is_file() and (target / "images" / "marker-icon.png").is_file()
    assert static_assets.ensure_leaflet_assets(tmp_path) == target


def test_clicked_kelurahan_only_from_a_kelurahan_polygon(reference):
    names = reference.kelurahan_names
    polygon = {"type": "Feature", "geometry": {"type": "Polygon"}, "properties": {"kelurahan": "Gedog"}}
    point = {"type": "Feature", "geometry": {"type": "Point"}, "properties": {"kelurahan": "Gedog"}}
    unknown = {**polygon, "properties": {"kelurahan": "Atlantis"}}
    assert maps.clicked_kelurahan({"last_active_drawing": polygon}, names) == "Gedog"
    assert maps.clicked_kelurahan({"last_active_drawing": point}, names) is None
    assert maps.clicked_kelurahan({"last_active_drawing": unknown}, names) is None
    assert maps.clicked_kelurahan({"last_active_drawing": None}, names) is None
    assert maps.clicked_kelurahan(None, names) is None


def test_legend_title_states_the_unit_once(measures):
    assert maps.measure_scale(measures, "visits").title == "Kunjungan patroli — kunjungan"
    assert maps.measure_scale(measures, "personnel_hours").title == "Jam-personel"
    assert maps.measure_scale(measures, "balance", "en").title == "Presence balance — percentage points"
