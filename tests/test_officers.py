"""Officer activity: totals, reporting gaps, coverage flags and the figure builders, on hand-made frames."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.schema import RANKS
from analysis.metrics import officers as off
from analysis.metrics.style import GAP_LEVEL_COLOURS
from tests import frames
from tests.shown_tables import on_screen
from ui import columns

KEL = ["Gedog", "Sentul", "Kauman", "Bendo"]


def make_patrols(rows: list[dict]) -> pd.DataFrame:
    """A clean patrols frame (tests.frames) with these defaults."""
    base = {"kelurahan": "Gedog", "activity": "Patroli Dialogis", "unit": "Binmas", "leader_rank": "Aiptu"}
    base |= {"personnel_count": 1}
    return frames.patrols([base | r for r in rows])


def make_complaints(rows: list[dict]) -> pd.DataFrame:
    return frames.complaints([{"kelurahan": "Gedog", "status": "Baru"} | r for r in rows])


def make_officers(rows: list[tuple]) -> pd.DataFrame:
    """Rows of (nrp, name, rank, unit, assigned_kelurahan, active)."""
    names = ("nrp", "name", "rank", "unit", "assigned_kelurahan", "active")
    return frames.officers([dict(zip(names, row, strict=True)) for row in rows])


ROZIEK = {"leader_nrp": "1001", "leader_name": "Roziek Mustofa", "leader_rank": "Aiptu", "unit": "Binmas"}
DEWI = {
    "leader_nrp": "2002",
    "leader_name": "Dewi Lestari",
    "leader_rank": "Bripka",
    "unit": "Bhabinkamtibmas",
}
ROSTER = make_officers(
    [
        ("1001", "Roziek Mustofa", "Aiptu", "Binmas", None, True),
        ("2002", "Dewi Lestari", "Bripka", "Bhabinkamtibmas", "Sentul", True),
        ("3003", "Agus Salim", "Brigpol", "Bhabinkamtibmas", "Kauman", True),
        ("4004", "Budi Santoso", "Iptu", "Samapta", None, False),
    ]
)


@pytest.fixture
def patrols() -> pd.DataFrame:
    return make_patrols(
        [
            ROZIEK | {"date": "2025-05-26", "personnel_count": 4, "duration_hours": 2.0},
            ROZIEK | {"date": "2025-05-26", "kelurahan": "Sentul", "personnel_count": 3},
            ROZIEK | {"date": "2025-05-28", "personnel_count": 2, "duration_hours": 0.5},
            DEWI | {"date": "2025-05-27", "kelurahan": "Sentul", "personnel_count": 2, "duration_hours": 1.0},
        ]
    )


@pytest.fixture
def complaints() -> pd.DataFrame:
    return make_complaints(
        [
            {"received_at": "2025-05-20 10:00", "handled_by_nrp": "2002", "status": "Selesai",
             "resolved_at": "2025-05-23 10:00"},
            {"received_at": "2025-05-21 10:00", "handled_by_nrp": "2002", "status": "Selesai",
             "resolved_at": "2025-05-22 10:00"},
            {"received_at": "2025-05-29 09:00", "handled_by_nrp": "2002", "status": "Diproses"},
            {"received_at": "2025-05-29 09:00", "handled_by_nrp": "9999"},
            {"received_at": "2025-05-29 09:00"},
        ]
    )  # fmt: skip


def test_officer_label_polri_form() -> None:
    assert off.officer_label("Aiptu", "Roziek Mustofa") == "Aiptu Roziek Mustofa"
    assert off.officer_label(pd.NA, "Tanpa Pangkat") == "Tanpa Pangkat"


def test_officer_totals_hand_computed(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    totals = off.officer_totals(patrols, complaints, ROSTER).set_index("nrp")
    roziek = totals.loc["1001"]
    assert roziek["patrols_led"] == 3
    assert roziek["personnel_counted"] == 4 + 3 + 2
    # 4 × 2.0 h + 2 × 0.5 h; the patrol without times is left out, and said so by patrols_timed.
    assert roziek["personnel_hours"] == pytest.approx(9.0)
    assert roziek["patrols_timed"] == 2
    assert roziek["kelurahan_covered"] == 2
    assert roziek["active_days"] == 2
    assert roziek["complaints_handled"] == 0
    assert np.isnan(roziek["median_resolution_days"])
    dewi = totals.loc["2002"]
    assert dewi["complaints_handled"] == 3
    assert dewi["complaints_resolved"] == 2
    assert dewi["median_resolution_days"] == pytest.approx(2.0)  # median of 3 and 1 days
    # 23 May and 22 May (resolved), 29 May (open, received), 27 May (patrol).
    assert dewi["active_days"] == 4


def test_officer_totals_order_ranks_and_strangers(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    totals = off.officer_totals(patrols, complaints, ROSTER)
    assert totals["nrp"].tolist() == ["1001", "2002", "9999"]
    assert totals["rank"].dtype == off.RANK_TYPE
    assert totals["rank"].cat.categories.tolist() == list(RANKS)
    # A handler missing from the roster is kept under their NRP, unit unknown.
    stranger = totals.set_index("nrp").loc["9999"]
    assert stranger["name"] == "9999"
    assert pd.isna(stranger["unit"])


def test_officer_totals_leader_missing_from_roster(patrols: pd.DataFrame) -> None:
    extra = make_patrols([{"leader_nrp": "5005", "leader_name": "Eko", "leader_rank": "Bripda",
                           "unit": "Samapta", "date": "2025-05-26"}])  # fmt: skip
    totals = off.officer_totals(pd.concat([patrols, extra]), make_complaints([]), ROSTER).set_index("nrp")
    assert totals.loc["5005", "unit"] == "Samapta"
    assert totals.loc["5005", "rank"] == "Bripda"


def test_officer_totals_empty_frames() -> None:
    totals = off.officer_totals(make_patrols([]), make_complaints([]), ROSTER)
    assert totals.empty
    assert {"nrp", "rank", "patrols_led", "personnel_counted"} <= set(totals.columns)


def test_unit_totals(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    units = off.unit_totals(patrols, complaints, ROSTER)
    assert units["unit"].tolist() == ["Binmas", "Bhabinkamtibmas"]  # UNITS order; unknown handler left out
    binmas, bhabin = units.iloc[0], units.iloc[1]
    assert (binmas["patrols_led"], binmas["personnel_counted"], binmas["officers_active"]) == (3, 9, 1)
    assert (bhabin["patrols_led"], bhabin["complaints_handled"], bhabin["complaints_resolved"]) == (1, 3, 2)
    assert bhabin["personnel_hours"] == pytest.approx(2.0)


def test_unit_totals_hours_nan_without_times() -> None:
    untimed = make_patrols([ROZIEK | {"date": "2025-05-26", "personnel_count": 3}])
    units = off.unit_totals(untimed, make_complaints([]), ROSTER)
    assert np.isnan(units.loc[0, "personnel_hours"])
    assert units.loc[0, "patrols_timed"] == 0


def test_reporting_gaps_levels(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    gaps = off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 6, 5)).set_index("nrp")
    assert "4004" not in gaps.index  # inactive officers are not chased
    assert "9999" not in gaps.index  # only the roster
    # Roziek last led on 28 May: 8 days -> alert. Dewi last on 29 May: 7 days -> warning (not > 7).
    assert (gaps.loc["1001", "days_without"], gaps.loc["1001", "level"]) == (8, "alert")
    assert (gaps.loc["2002", "days_without"], gaps.loc["2002", "level"]) == (7, "warning")
    assert np.isnan(gaps.loc["3003", "days_without"])
    assert gaps.loc["3003", "level"] == "alert"


def test_reporting_gaps_thresholds_and_order(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    gaps = off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 5, 30))
    levels = dict(zip(gaps["nrp"], gaps["level"], strict=True))
    days = dict(zip(gaps["nrp"], gaps["days_without"], strict=True))
    assert (days["2002"], levels["2002"]) == (1, "ok")  # exactly one day is not a warning
    assert (days["1001"], levels["1001"]) == (2, "warning")
    # Never-reporting alert first, then warning, then ok.
    assert gaps["nrp"].tolist() == ["3003", "1001", "2002"]


def test_reporting_gaps_ignore_activity_after_period(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    gaps = off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 5, 26)).set_index("nrp")
    assert gaps.loc["1001", "days_without"] == 0
    # Dewi's 27 May patrol and 29 May complaint are after the end; her last is 23 May (resolution).
    assert gaps.loc["2002", "days_without"] == 3


def test_gap_summary_and_table(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    gaps = off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 6, 5))
    assert (
        off.gap_summary(gaps, "id") == "2 personel berstatus siaga dan 1 peringatan, dari 3 personel aktif."
    )
    table = columns.for_export(off.gap_table(gaps), columns.GAPS, "en")
    assert table["Officer"].tolist()[:2] == ["Brigpol Agus Salim", "Aiptu Roziek Mustofa"]
    shown = on_screen(off.gap_table(gaps), columns.GAPS, "en")  # what the screen shows
    assert shown["Days without activity"].tolist()[0] == "never"
    assert shown["Last activity"].tolist()[1] == "28 May 2025"
    numbers = columns.for_export(
        off.gap_table(gaps), columns.GAPS, "en"
    )  # the same table holds numbers and dates (downloads, sorting)
    assert numbers["Days without activity"].tolist()[1:] == [8, 7]
    assert pd.isna(numbers["Days without activity"].iloc[0])
    assert numbers["Last activity"].tolist()[1] == pd.Timestamp(date(2025, 5, 28))


def test_styled_gap_table_colours_rows(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    gaps = off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 5, 30))
    css = columns.row_css(off.gap_row_css(gaps))
    html = columns.screen(off.gap_table(gaps), columns.GAPS, "id", css).to_html()
    assert GAP_LEVEL_COLOURS["alert"].lower() in html.lower()
    assert GAP_LEVEL_COLOURS["warning"].lower() in html.lower()


def test_leader_kelurahan_visits(patrols: pd.DataFrame) -> None:
    visits = off.leader_kelurahan_visits(patrols)
    got = {(r.leader, r.kelurahan): r.visits for r in visits.itertuples()}
    assert got == {
        ("Aiptu Roziek Mustofa", "Gedog"): 2,
        ("Aiptu Roziek Mustofa", "Sentul"): 1,
        ("Bripka Dewi Lestari", "Sentul"): 1,
    }


def test_assigned_kelurahan_visits_flags_never_visited(patrols: pd.DataFrame) -> None:
    assigned = off.assigned_kelurahan_visits(patrols, ROSTER)
    assert assigned["kelurahan"].tolist() == ["Kauman", "Sentul"]
    kauman, sentul = assigned.iloc[0], assigned.iloc[1]
    assert bool(kauman["never_visited"]) and kauman["visits_total"] == 0
    assert not sentul["never_visited"]
    assert (sentul["visits_by_assigned"], sentul["visits_total"]) == (1, 2)
    assert "days_since_assigned" in assigned and np.isnan(sentul["days_since_assigned"])  # no as_of given
    only_sentul = off.assigned_kelurahan_visits(patrols, ROSTER, kelurahan=["Sentul"])
    assert only_sentul["kelurahan"].tolist() == ["Sentul"]


def test_assigned_long_absent_after_30_days(patrols: pd.DataFrame) -> None:
    # Dewi last visited Sentul on 27 May: 30 days later is not flagged, 31 days later is.
    on_day_30 = off.assigned_kelurahan_visits(patrols, ROSTER, as_of=date(2025, 6, 26)).set_index("kelurahan")
    assert on_day_30.loc["Sentul", "days_since_assigned"] == 30
    assert not on_day_30.loc["Sentul", "long_absent"]
    on_day_31 = off.assigned_kelurahan_visits(patrols, ROSTER, as_of=date(2025, 6, 27)).set_index("kelurahan")
    assert bool(on_day_31.loc["Sentul", "long_absent"])
    assert not on_day_31.loc["Kauman", "long_absent"]  # never visited is its own flag, not this one
    lines = off.coverage_flags(on_day_31.reset_index(), off.single_leader_kelurahan(patrols), "en")
    assert (
        "Kelurahan Sentul has not been visited by its Bhabinkamtibmas, Bripka Dewi Lestari, for the last 31 "
        "days of this period." in lines
    )


def _visits(leader: dict, kelurahan: str, n: int) -> list[dict]:
    return [leader | {"kelurahan": kelurahan, "date": f"2025-05-{d + 1:02d}"} for d in range(n)]


def test_single_leader_share_and_minimum_visits() -> None:
    patrols = make_patrols(
        _visits(ROZIEK, "Gedog", 4)
        + _visits(DEWI, "Gedog", 1)  # 4 of 5 = 0.8 with 5 visits: flagged (>= on both)
        + _visits(ROZIEK, "Bendo", 4)  # 4 of 4 = 1.0 but only 4 visits: not flagged
        + _visits(ROZIEK, "Sentul", 3)
        + _visits(DEWI, "Sentul", 3)  # a tie: 0.5
    )
    shares = off.single_leader_kelurahan(patrols).set_index("kelurahan")
    assert bool(shares.loc["Gedog", "depends_on_one"])
    assert shares.loc["Gedog", "share"] == pytest.approx(0.8)
    assert shares.loc["Gedog", "leader"] == "Aiptu Roziek Mustofa"
    assert not shares.loc["Bendo", "depends_on_one"]
    assert shares.loc["Sentul", "share"] == pytest.approx(0.5)
    assert shares.index[0] == "Gedog"  # flagged first
    just_under = make_patrols(_visits(ROZIEK, "Gedog", 3) + _visits(DEWI, "Gedog", 1))
    assert not off.single_leader_kelurahan(just_under, min_visits=4)["depends_on_one"].any()  # 0.75


def test_single_leader_empty() -> None:
    assert off.single_leader_kelurahan(make_patrols([])).empty


def test_coverage_flags_in_words(patrols: pd.DataFrame) -> None:
    many = pd.concat([patrols, make_patrols(_visits(ROZIEK, "Gedog", 4))])
    lines = off.coverage_flags(
        off.assigned_kelurahan_visits(many, ROSTER), off.single_leader_kelurahan(many), "id"
    )
    assert lines == [
        "Kelurahan Kauman tidak pernah dikunjungi Bhabinkamtibmas-nya, Brigpol Agus Salim, dalam periode "
        "ini (0 kunjungan oleh personel lain).",
        "Kelurahan Gedog bergantung pada satu orang: Aiptu Roziek Mustofa memimpin 6 dari 6 kunjungan "
        "(100 %).",
    ]
    assigned = off.assigned_kelurahan_visits(patrols, ROSTER)
    one_day = off.coverage_flags(assigned, off.single_leader_kelurahan(patrols), "en", period_days=1)
    assert one_day == [
        "The period is shorter than 7 days: Bhabinkamtibmas visits to their kelurahan are not judged."
    ]
    empty = off.coverage_flags(
        off.assigned_kelurahan_visits(patrols, make_officers([])), off.single_leader_kelurahan(patrols)
    )
    assert empty == []


def test_daily_activity_fills_every_day(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    records = off.activity_records(patrols, complaints, off.officer_directory(ROSTER, patrols, complaints))
    daily = off.daily_activity(records, date(2025, 5, 25), date(2025, 5, 29)).set_index("date")
    assert len(daily) == 5
    assert daily.loc["2025-05-25", "total"] == 0
    assert daily.loc["2025-05-26", "patrols"] == 2
    assert (daily.loc["2025-05-29", "patrols"], daily.loc["2025-05-29", "complaints"]) == (0, 2)


def test_calendar_heatmap_figure_grid(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    records = off.activity_records(patrols, complaints, off.officer_directory(ROSTER))
    # 26 May 2025 is a Monday; 1 June a Sunday: one full week column.
    daily = off.daily_activity(records, date(2025, 5, 26), date(2025, 6, 1))
    fig = off.calendar_heatmap_figure(daily, "id")
    heat = fig.data[0]
    assert list(heat.y) == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
    assert len(heat.x) == 1
    assert [row[0] for row in heat.z] == [2, 1, 1, 2, 0, 0, 0]  # Thu: two open complaints
    assert "Senin, 26 Mei 2025" in heat.text[0][0]


def test_calendar_heatmap_blank_outside_period() -> None:
    daily = off.daily_activity(off.activity_records(make_patrols([]), make_complaints([]),
                                                    off.officer_directory(ROSTER)),
                               date(2025, 5, 28), date(2025, 6, 2))  # fmt: skip
    heat = off.calendar_heatmap_figure(daily, "en").data[0]
    assert len(heat.x) == 2  # Wed 28 May .. Mon 2 Jun spans two weeks
    assert np.isnan(heat.z[0][0])  # Monday 26 May is before the period
    assert heat.z[2][0] == 0
    # both weeks are cut by the period: their labels end in "*", explained on the axis
    figure = off.calendar_heatmap_figure(daily, "en")
    assert list(figure.data[0].x) == ["26 May*", "2 Jun*"]
    assert figure.layout.xaxis.title.text == "* partial period"


def test_calendar_heatmap_whole_week_is_not_marked(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    records = off.activity_records(patrols, complaints, off.officer_directory(ROSTER))
    fig = off.calendar_heatmap_figure(off.daily_activity(records, date(2025, 5, 26), date(2025, 6, 1)), "en")
    assert list(fig.data[0].x) == ["26 May"] and not fig.layout.xaxis.title.text


def test_coverage_matrix_figure(patrols: pd.DataFrame) -> None:
    fig = off.coverage_matrix_figure(off.leader_kelurahan_visits(patrols), KEL, "id")
    heat = fig.data[0]
    assert list(heat.x) == KEL  # unvisited kelurahan stay as empty columns
    assert list(heat.y) == ["Aiptu Roziek Mustofa", "Bripka Dewi Lestari"]
    assert heat.z[0][0] == 2 and np.isnan(heat.z[0][2])
    assert off.coverage_matrix_figure(off.leader_kelurahan_visits(make_patrols([])), KEL).data == ()


def test_rank_unit_figure_orders_ranks(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    by_rank = off.activity_by_rank_unit(off.officer_totals(patrols, complaints, ROSTER))
    fig = off.rank_unit_figure(by_rank, "en")
    # The handler missing from the roster has no known rank and is left out of a by-rank chart.
    assert [bar.name for bar in fig.data] == ["Binmas", "Bhabinkamtibmas"]
    assert list(fig.data[0].x) == ["Bripka", "Aiptu"]  # low -> high, only ranks present
    assert list(fig.data[0].y) == [0, 3]
    assert list(fig.data[1].y) == [4, 0]  # 1 patrol + 3 complaints
    assert fig.data[0].marker.color == off.UNIT_COLOURS["Binmas"]


def test_tables_and_metrics(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    totals = off.officer_totals(patrols, complaints, ROSTER)
    shown = on_screen(off.officer_table(totals), columns.PEOPLE, "id")
    assert shown.loc[0, "Personel"] == "Aiptu Roziek Mustofa"
    assert shown.loc[0, "Jam-personel"] == "9,0"
    big = totals.assign(patrols_led=1458)
    assert on_screen(off.officer_table(big), columns.PEOPLE, "id").loc[0, "Patroli dipimpin"] == "1.458"
    assert on_screen(off.officer_table(big), columns.PEOPLE, "en").loc[0, "Patrols led"] == "1,458"
    assert off.officer_table(totals).loc[0, "personnel_hours"] == 9.0  # the table itself holds numbers
    metrics = dict(off.summary_metrics(totals.iloc[0], "en"))
    assert (metrics["Personnel-hours"], metrics["Patrols with times"]) == ("9.0", "2")
    assert metrics["Complaints resolved / handled"] == "0 / 0"
    assert metrics["Median days to resolve"] == "–"
    units = columns.for_export(
        off.unit_table(off.unit_totals(patrols, complaints, ROSTER)), columns.UNITS, "en"
    )
    assert units.columns[:2].tolist() == ["Unit", "Active officers"]


def test_inputs_not_mutated(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    before = (patrols.copy(), complaints.copy(), ROSTER.copy())
    off.officer_totals(patrols, complaints, ROSTER)
    off.unit_totals(patrols, complaints, ROSTER)
    off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 6, 1))
    off.assigned_kelurahan_visits(patrols, ROSTER)
    pd.testing.assert_frame_equal(patrols, before[0])
    pd.testing.assert_frame_equal(complaints, before[1])
    pd.testing.assert_frame_equal(ROSTER, before[2])


def test_units_parameter_keeps_those_units(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    assert off.officer_totals(patrols, complaints, ROSTER, units=["Binmas"])["nrp"].tolist() == ["1001"]
    assert off.unit_totals(patrols, complaints, ROSTER, units=["Bhabinkamtibmas"])["unit"].tolist() == [
        "Bhabinkamtibmas"
    ]
    gaps = off.reporting_gaps(ROSTER, patrols, complaints, date(2025, 6, 1), units=["Bhabinkamtibmas"])
    assert sorted(gaps["nrp"]) == ["2002", "3003"]


def test_activity_of_and_coverage_table(patrols: pd.DataFrame, complaints: pd.DataFrame) -> None:
    records = off.activity_records(patrols, complaints, off.officer_directory(ROSTER, patrols, complaints))
    assert len(off.activity_of(records)) == len(records) == 8  # 4 patrols + 4 handled complaints
    assert len(off.activity_of(records, unit="Bhabinkamtibmas")) == 4  # 1 patrol + 3 complaints
    assert len(off.activity_of(records, nrp="1001")) == 3
    table = off.coverage_table(off.leader_kelurahan_visits(patrols), KEL)
    table = columns.for_export(table, columns.coverage(KEL), "en")
    assert table.columns.tolist() == ["Officer", *KEL]
    assert table.iloc[0].tolist() == ["Aiptu Roziek Mustofa", 2, 1, 0, 0]


def test_data_text_cannot_become_markup() -> None:
    assert off.markdown_text("Aiptu [klik](http://x) **X**").replace("\u2060", "") == (
        "Aiptu \\[klik\\]\\(http\\:\\/\\/x\\) \\*\\*X\\*\\*"
    )
    evil = make_patrols([ROZIEK | {"leader_name": "<a href='x'>Roz</a>", "date": "2025-05-26"}])
    fig = off.coverage_matrix_figure(off.leader_kelurahan_visits(evil), KEL)
    assert fig.data[0].y[0] == "Aiptu &lt;a href='x'&gt;Roz&lt;/a&gt;"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(["Aiptu", "Bripka", "Iptu"])),
            st.one_of(st.none(), st.sampled_from(["Roziek", "Budi Santoso", "", " ", "Andi"])),
        ),
        max_size=30,
    )
)
def test_labels_written_once_per_pair_are_the_labels_written_per_row(pairs):
    ranks = pd.Series([r for r, _ in pairs], dtype=pd.CategoricalDtype(RANKS, ordered=True))
    names = pd.Series([n for _, n in pairs], dtype="str")
    expected = [off.officer_label(r, n) for r, n in zip(ranks, names, strict=True)]
    assert off.officer_labels(ranks, names) == expected
