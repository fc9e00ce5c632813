"""analysis.metrics.records (the tables behind every number) and analysis.metrics.drilldown (a click -> its
filter)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis.metrics import drilldown, records
from analysis.metrics.filters import Filters
from analysis.metrics.overview import Kpi, kpi_delta_colour
from tests import frames
from ui import columns

F = Filters(start=date(2025, 5, 1), end=date(2025, 5, 31))


def patrols() -> pd.DataFrame:
    return frames.patrols(
        patrol_id=["P1", "P2"],
        date=["2025-05-20", "2025-05-26"],
        start_time=["10:00", "09:00"],
        end_time=[None, "11:00"],
        kelurahan=["Sentul", "Gedog"],
        activity=["Sambang", "Patroli Dialogis"],
        unit=["Binmas", "Binmas"],
        leader_rank=["Bripka", "Aiptu"],
        leader_nrp=["85094692", "71082666"],
        leader_name=["Nur Anggoro", "Roziek Mustofa"],
        personnel_count=[2, 4],
        topics=["Kenakalan remaja", "Gangguan keamanan lingkungan; Keresahan sosial"],
        residents_met=[np.nan, 25.0],
        location=["Rumah RW", "Kelurahan Gedog"],
        notes=["", "Hotline 0812-3456-7890 diingatkan."],
        lat=[np.nan, -8.08],
        lon=[np.nan, 112.19],
    )


def complaints() -> pd.DataFrame:
    return frames.complaints(
        complaint_id=["L1", "L2", "L3"],
        received_at=["2025-05-25 19:00", "2025-05-26 08:00", "2025-05-22 23:10"],
        channel=["Jumat Curhat", "Call Center 110", "Datang Langsung"],
        kelurahan=["Gedog", "Gedog", "Sentul"],
        category=["Balap liar", "Lainnya", "Miras"],
        description=["Balap liar tiap malam, hubungi 0813-2222-3333", "Telepon iseng", "Miras"],
        status=["Selesai", "Tidak Valid", "Baru"],
        resolved_at=["2025-05-27", None, None],
        handled_by_nrp=["71082666", None, None],
        reporter_name=["S***", None, "B***"],
        reporter_phone=["****", None, None],
        resolution_days=[1.2, np.nan, np.nan],
    )


def read(table: pd.DataFrame, kind: str, lang: str = "id") -> pd.DataFrame:
    """A records table under the headers its page shows and its download holds."""
    return columns.for_export(table, columns.record_columns(kind), lang)


def test_patrol_records_latest_first_with_leader_personnel_and_every_topic_as_numbers_and_dates():
    table = read(records.patrol_records(patrols()), "patrols")
    assert table["Ketua"].tolist() == ["Aiptu Roziek Mustofa", "Bripka Nur Anggoro"]
    assert table["Jumlah personel"].tolist() == [4, 2]
    assert table["Topik/materi"].iloc[0] == "Gangguan keamanan lingkungan; Keresahan sosial"
    assert pd.api.types.is_datetime64_any_dtype(table["Tanggal"])
    assert pd.api.types.is_integer_dtype(table["Jumlah personel"])
    assert pd.api.types.is_integer_dtype(table["Warga ditemui"]) and table["Warga ditemui"].isna().iloc[1]
    assert table["Keterangan"].iloc[0] == "Hotline 0812-3456-7890 diingatkan."
    assert list(records.patrol_records(patrols()).columns) == list(records.column_types("patrols"))
    english = read(records.patrol_records(patrols()), "patrols", "en")
    assert {"Leader", "Personnel", "Topics", "Duration (hours)"} <= set(english.columns)


def test_free_text_is_scrubbed_for_roles_without_personal_data():
    assert records.patrol_records(patrols(), scrub=True)["notes"].iloc[0] == "Hotline […] diingatkan."
    described = read(records.complaint_records(complaints(), scrub=True), "complaints")["Uraian"]
    assert "0813" not in " ".join(described.dropna())


def test_complaint_records_latest_first_valid_by_default():
    valid = records.counted_complaints(complaints(), include_invalid=False)
    table = read(records.complaint_records(valid), "complaints")
    assert table["ID laporan"].tolist() == ["L1", "L3"]
    assert pd.api.types.is_datetime64_any_dtype(table["Waktu lapor"])
    assert table["Hari sampai selesai"].dtype == "float64"
    assert table["Pelapor"].tolist() == ["S***", "B***"]  # as the caller masked it
    assert len(records.counted_complaints(complaints(), include_invalid=True)) == 3


def test_filter_statement_says_every_narrowing():
    kec = {"Gedog": "Sananwetan", "Sentul": "Kepanjenkidul"}
    narrowed = Filters(
        start=date(2025, 5, 26), end=date(2025, 5, 26), kelurahan=("Gedog",), categories=("Miras",)
    )
    assert (
        records.filter_statement(narrowed, kec) == "Periode 26 Mei 2025 · Kelurahan: Gedog · Kategori: Miras"
    )
    assert records.filter_statement(F, kec, "en") == "Period 1–31 May 2025 · every kelurahan and category"
    by_kecamatan = Filters(start=F.start, end=F.end, kecamatan=("Sananwetan",), channels=("Jumat Curhat",))
    assert records.filter_statement(by_kecamatan, kec) == (
        "Periode 1–31 Mei 2025 · Kecamatan: Sananwetan · Saluran: Jumat Curhat"
    )


def test_a_weekly_bar_narrows_to_its_week_cut_to_the_period_and_its_category():
    counts = pd.DataFrame(
        {"Balap liar": [1, 4, 0], "Miras": [2, 0, 3]},
        index=pd.to_datetime(["2025-04-28", "2025-05-05", "2025-05-26"]),
    )
    first = drilldown.bar_filters([{"curve_number": 1, "point_index": 0}], counts, "W", F)
    assert (first.start, first.end, first.categories) == (date(2025, 5, 1), date(2025, 5, 4), ("Miras",))
    last = drilldown.bar_filters([{"curve_number": 0, "point_index": 2}], counts, "W", F)
    assert (last.start, last.end) == (date(2025, 5, 26), date(2025, 5, 31))
    assert drilldown.bar_filters([], counts, "W", F) is None
    assert drilldown.bar_filters([{"curve_number": 5, "point_index": 0}], counts, "W", F) is None
    assert drilldown.bar_filters([{"x": "2025-05-05"}], counts, "W", F) is None


def test_a_monthly_bar_narrows_to_its_month():
    counts = pd.DataFrame({"Miras": [3]}, index=pd.to_datetime(["2025-02-01"]))
    wide = Filters(start=date(2025, 1, 15), end=date(2025, 6, 30))
    picked = drilldown.bar_filters([{"curve_number": 0, "point_number": 0}], counts, "M", wide)
    assert (picked.start, picked.end) == (date(2025, 2, 1), date(2025, 2, 28))


def test_category_bar_day_cell_and_table_row():
    assert drilldown.category_bar_filters([{"y": "Curanmor", "x": 12}], F).categories == ("Curanmor",)
    assert drilldown.category_bar_filters([], F) is None
    day = drilldown.day_cell_filters([{"customdata": ["2025-05-26", 3]}], F)
    assert (day.start, day.end) == (date(2025, 5, 26), date(2025, 5, 26))
    assert drilldown.day_cell_filters([{"customdata": "2024-01-01"}], F) is None  # outside the period
    assert drilldown.day_cell_filters([{"customdata": "not a date"}], F) is None
    table = pd.DataFrame({"Kelurahan": ["Gedog", "Sentul"], "Kategori": ["Miras", "Balap liar"]})
    row = drilldown.row_filters([1], table, F, "Kelurahan", "Kategori")
    assert (row.kelurahan, row.categories) == (("Sentul",), ("Balap liar",))
    assert drilldown.row_filters([], table, F, "Kelurahan") is None
    assert drilldown.row_filters([7], table, F, "Kelurahan") is None


@pytest.mark.parametrize(
    ("kpi", "colour"),
    [
        (Kpi("complaints", 30.0, 10.0, "count", higher_is_better=False), "inverse"),
        (Kpi("complaints", 10.0, 30.0, "count", higher_is_better=False), "inverse"),
        (Kpi("patrols", 60.0, 30.0, "count"), "normal"),
        (Kpi("patrols", 9.0, 4.0, "count"), "off"),  # 4 -> 9 is noise
        (Kpi("resolved", 0.9, 0.1, "pct"), "off"),  # not an event count: never tested, never coloured
        (Kpi("patrols", 5.0, None, "count"), "off"),
    ],
)
def test_a_kpi_delta_is_coloured_only_when_significant(kpi, colour):
    assert kpi_delta_colour(kpi) == colour


def test_hour_cell_targets_cover_both_grids_and_decode_back():
    from analysis.metrics.trends import hours_figure

    grid = pd.DataFrame(np.zeros((7, 24), dtype=int), index=range(7), columns=range(24))
    figure = drilldown.with_hour_cell_targets(hours_figure(grid, grid))
    targets = [trace for trace in figure.data if trace.type == "scatter" and trace.customdata is not None]
    assert len(targets) == 2 and all(len(trace.x) == 168 for trace in targets)
    assert (targets[0].xaxis, targets[1].xaxis) == ("x", "x2")
    friday_22 = next(list(c) for c in targets[1].customdata if list(c)[1:3] == [4, 22])
    assert drilldown.hour_cell([{"customdata": friday_22}]) == ("patrols", 4, 22)
    assert drilldown.hour_cell([{"x": "22", "y": "Jumat"}]) is None
    assert drilldown.hour_cell([{"customdata": ["elsewhere", 4, 22]}]) is None
    assert drilldown.hour_cell([{"customdata": ["complaints", 4.0, 22.0, 3]}]) == ("complaints", 4, 22)
    assert drilldown.hour_cell([{"customdata": ["complaints", 4.5, 22, 3]}]) is None
    assert drilldown.hour_cell([{"customdata": ["complaints", 9, 22, 3]}]) is None
    assert drilldown.hour_cell([]) is None


def test_a_clicked_hour_cell_lists_exactly_the_records_its_grid_counts():
    from analysis.core import settings
    from analysis.data.dataset import load_dataset
    from analysis.metrics.filters import filter_complaints, filter_patrols
    from analysis.metrics.trends import complaints_by_weekday_hour, patrol_presence_by_weekday_hour

    ds = load_dataset(settings.DATA_DIR.read())
    kec = ds.reference.kecamatan_of()
    patrols_in = filter_patrols(ds.patrols, F, kec)
    complaints_in = filter_complaints(ds.complaints, F, kec)
    presence = patrol_presence_by_weekday_hour(patrols_in)
    reported = complaints_by_weekday_hour(complaints_in)
    for weekday, hour in [(0, 0), (4, 22), (5, 23), (6, 9), (2, 14)]:
        assert len(records.patrols_out_at(patrols_in, weekday, hour)) == presence.loc[weekday, hour]
        assert len(records.received_at_hour(complaints_in, weekday, hour)) == reported.loc[weekday, hour]
    assert records.cell_statement("complaints", 4, 22).startswith("Jumat, jam 22.00–22.59")


def test_a_patrol_across_midnight_is_out_in_both_days_hours():
    frame = patrols().iloc[[1]].assign(start_time="22:30", end_time="00:30")  # Monday 26 May 2025
    assert len(records.patrols_out_at(frame, 0, 22)) == 1
    assert len(records.patrols_out_at(frame, 0, 23)) == 1
    assert len(records.patrols_out_at(frame, 1, 0)) == 1
    assert len(records.patrols_out_at(frame, 1, 1)) == 0
    assert len(records.patrols_out_at(frame.assign(end_time=pd.NA), 0, 22)) == 0


def test_the_maps_patrol_tooltip_names_leader_personnel_and_every_topic(reference):
    from analysis.metrics.maps import patrol_point_features

    (feature,) = patrol_point_features(patrols().iloc[[1]], reference, "id")
    tip = feature["properties"]["tooltip"]
    assert "Aiptu Roziek Mustofa" in tip and "4 personel" in tip
    assert "Gangguan keamanan lingkungan, Keresahan sosial" in tip
    (english,) = patrol_point_features(patrols().iloc[[1]], reference, "en")
    assert "4 personnel" in english["properties"]["tooltip"]
    hostile = patrols().iloc[[1]].assign(leader_name="<b>x</b>")
    assert "<b>x</b>" not in patrol_point_features(hostile, reference, "id")[0]["properties"]["tooltip"]


def test_latest_sorts_only_the_order_columns_and_keeps_the_first_rows_asked_for():
    frame = patrols()
    full = frame.sort_values(list(records.PATROL_ORDER), ascending=False, kind="stable")
    pd.testing.assert_frame_equal(records.latest(frame, records.PATROL_ORDER), full)
    pd.testing.assert_frame_equal(records.latest(frame, records.PATROL_ORDER, 1), full.head(1))
    one = records.patrol_records(frame, limit=1)
    pd.testing.assert_frame_equal(one, records.patrol_records(frame).head(1))
    assert len(records.complaint_records(complaints(), limit=2)) == 2
