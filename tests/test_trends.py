"""Trend counts, change tables, hour grids, channels, topic alignment and their figures, on tiny frames."""

import json
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.metrics import trends
from analysis.metrics.filters import Filters
from analysis.metrics.tables import displayed, styled
from tests import frames
from ui import columns

COLOURS = {"Miras": "#AA3377", "Balap liar": "#EE6677", "Pencurian": "#994455"}


def complaints_frame(rows):
    """rows: (received_at, category, kelurahan, channel, status)."""
    names = ("received_at", "category", "kelurahan", "channel", "status")
    return frames.complaints([dict(zip(names, row, strict=True)) for row in rows])


def patrols_frame(rows):
    """rows: (date, start_time, end_time, kelurahan, topics)."""
    names = ("date", "start_time", "end_time", "kelurahan", "topics")
    return frames.patrols([dict(zip(names, row, strict=True)) for row in rows])


EMPTY_COMPLAINTS = complaints_frame([])
EMPTY_PATROLS = patrols_frame([])

COMPLAINTS = complaints_frame(
    [
        ("2025-05-05 21:10", "Miras", "Gedog", "Patroli Dialogis", "Selesai"),  # Monday, week 19
        ("2025-05-06 08:00", "Miras", "Gedog", "Jumat Curhat", "Baru"),
        ("2025-05-11 23:59", "Balap liar", "Sentul", "Call Center 110", "Diproses"),  # Sunday, still week 19
        ("2025-05-12 00:00", "Balap liar", "Sentul", "Call Center 110", "Tidak Valid"),  # Monday, week 20
        ("2025-06-02 10:30", "Miras", "Sentul", "Call Center 110", "Tidak Valid"),
    ]
)


def test_counted_complaints_drops_invalid_unless_asked():
    assert len(trends.counted_complaints(COMPLAINTS)) == 3
    assert len(trends.counted_complaints(COMPLAINTS, include_invalid=True)) == 5


def test_weekly_counts_run_monday_to_sunday_and_fill_empty_weeks():
    counts = trends.complaint_counts_per_period(
        COMPLAINTS, "W", order=["Miras", "Balap liar"], start=date(2025, 5, 5), end=date(2025, 6, 8)
    )
    assert list(counts.columns) == ["Miras", "Balap liar"]
    assert counts.index[0] == pd.Timestamp("2025-05-05")
    assert len(counts) == 5  # 5 May .. 8 Jun = five Monday-Sunday weeks
    assert counts.loc["2025-05-05"].tolist() == [2, 1]
    assert counts.loc["2025-05-12"].tolist() == [0, 1]
    assert counts.loc["2025-05-19"].tolist() == [0, 0]
    assert counts.loc["2025-06-02"].tolist() == [1, 0]


def test_monthly_counts_and_order_puts_unknown_labels_last():
    counts = trends.complaint_counts_per_period(COMPLAINTS, "M", order=["Balap liar"])
    assert list(counts.columns) == ["Balap liar", "Miras"]
    assert counts.to_dict("list") == {"Balap liar": [2, 0], "Miras": [2, 1]}
    assert list(counts.index) == [pd.Timestamp("2025-05-01"), pd.Timestamp("2025-06-01")]


def test_counts_of_an_empty_frame_are_empty_or_all_zero():
    assert trends.complaint_counts_per_period(EMPTY_COMPLAINTS, "W").empty
    filled = trends.complaint_counts_per_period(
        EMPTY_COMPLAINTS, "W", start=date(2025, 5, 5), end=date(2025, 5, 18)
    )
    assert len(filled) == 2 and filled.shape[1] == 0


def test_counts_leave_the_input_untouched():
    before = COMPLAINTS.copy()
    trends.complaint_counts_per_period(COMPLAINTS, "W")
    pd.testing.assert_frame_equal(COMPLAINTS, before)


PATROLS = patrols_frame(
    [
        ("2025-05-09", "22:30", "00:30", "Gedog", "Miras; Balap liar"),  # Friday, crosses midnight
        ("2025-05-10", "09:00", "09:20", "Gedog", "Miras"),  # Saturday
        ("2025-05-12", "13:00", "15:00", "Sentul", ""),  # Monday, no topics
        ("2025-05-12", None, None, "Sentul", "Pencurian,Miras"),  # no times; comma separated
    ]
)


def test_topic_mentions_explode_and_skip_empty_topics():
    mentions = trends.patrol_topic_mentions(PATROLS)
    assert mentions["topic"].tolist() == ["Miras", "Balap liar", "Miras", "Pencurian", "Miras"]
    assert trends.patrol_topic_mentions(EMPTY_PATROLS).empty


def test_topic_counts_per_week():
    counts = trends.topic_counts_per_period(PATROLS, "W", order=["Miras", "Balap liar", "Pencurian"])
    assert counts.to_dict("list") == {"Miras": [2, 1], "Balap liar": [1, 0], "Pencurian": [0, 1]}


def test_patrol_presence_expands_hours_across_midnight():
    grid = trends.patrol_presence_by_weekday_hour(PATROLS)
    assert grid.shape == (7, 24)
    assert grid.loc[4, 22] == 1 and grid.loc[4, 23] == 1  # Friday 22 and 23
    assert grid.loc[5, 0] == 1  # Saturday 00 (the same patrol, after midnight)
    assert grid.loc[5, 9] == 1  # the 20-minute stop counts in its hour
    assert grid.loc[0, 13] == 1 and grid.loc[0, 14] == 1 and grid.loc[0, 15] == 0  # 13:00-15:00
    assert grid.to_numpy().sum() == 6
    assert trends.patrols_without_times(PATROLS) == 1


def test_patrol_presence_sunday_night_wraps_to_monday():
    grid = trends.patrol_presence_by_weekday_hour(
        patrols_frame([("2025-05-11", "23:00", "01:00", "Gedog", "")])
    )
    assert grid.loc[6, 23] == 1 and grid.loc[0, 0] == 1 and grid.to_numpy().sum() == 2


def test_patrol_presence_skips_unreadable_times():
    patrols = patrols_frame(
        [("2025-05-12", None, "10:00", "Gedog", ""), ("2025-05-12", None, "10:00", "Gedog", "")]
    )
    # off the contract on purpose (the loader never keeps such times): the grid still does not count them
    patrols = patrols.assign(start_time=pd.Series(["25:xx", "9"], dtype="str"))
    assert trends.patrol_presence_by_weekday_hour(patrols).to_numpy().sum() == 0


def test_presence_and_complaint_grids_of_empty_frames_are_zero():
    assert trends.patrol_presence_by_weekday_hour(EMPTY_PATROLS).to_numpy().sum() == 0
    assert trends.complaints_by_weekday_hour(EMPTY_COMPLAINTS).to_numpy().sum() == 0


def test_complaint_grid_and_unpatrolled_hours():
    complaint_grid = trends.complaints_by_weekday_hour(COMPLAINTS)
    assert complaint_grid.loc[0, 21] == 1 and complaint_grid.loc[6, 23] == 1 and complaint_grid.loc[0, 0] == 1
    presence = trends.patrol_presence_by_weekday_hour(PATROLS)
    # One more complaint on Friday 22.00, when a patrol was out, and two on Tuesday 08.00, when none was.
    extra = complaints_frame(
        [
            ("2025-05-09 22:15", "Miras", "Gedog", "Jumat Curhat", "Baru"),
            ("2025-05-13 08:40", "Miras", "Gedog", "Jumat Curhat", "Baru"),
        ]
    )
    grid = complaint_grid + trends.complaints_by_weekday_hour(extra)
    gaps = columns.for_export(trends.unpatrolled_complaint_hours(grid, presence), columns.HOUR_GAPS, "id")
    # Tuesday 08 leads with two; the tied ones follow in week order; Friday 22 had a patrol, so it is absent.
    assert gaps["Hari"].tolist() == ["Selasa", "Senin", "Senin", "Senin", "Minggu"]
    assert gaps["Jam"].tolist() == ["08.00–08.59", "00.00–00.59", "10.00–10.59", "21.00–21.59", "23.00–23.59"]
    assert gaps["Laporan"].tolist() == [2, 1, 1, 1, 1]


def test_change_table_flags_rises_first_and_shows_missing_baselines_as_nan():
    current = pd.Series({"Miras": 16, "Balap liar": 9, "Pencurian": 1, "Penipuan": 3})
    previous = pd.Series({"Miras": 4, "Balap liar": 4, "Pencurian": 9, "Narkoba": 2})
    table = trends.change_table(current.rename_axis("category"), previous.rename_axis("category"), None)
    # Miras 4 -> 16 rises, Pencurian 9 -> 1 falls; the rest (within range) by |z|: 0 -> 3, 4 -> 9, 2 -> 0.
    assert table["category"].tolist() == ["Miras", "Pencurian", "Penipuan", "Balap liar", "Narkoba"]
    assert table["flag"].tolist() == ["up", "down", "flat", "flat", "flat"]
    miras = table.iloc[0]
    assert miras["z_previous"] == pytest.approx(2.7645, abs=1e-3)
    assert np.isnan(miras["year_before"]) and np.isnan(miras["z_year"])
    assert miras["direction_year"] == "none"
    assert table.loc[table["category"] == "Narkoba", "current"].item() == 0


def test_change_table_tie_keeps_a_stable_order_and_both_rows():
    current = pd.Series({"A": 9, "B": 9}).rename_axis("category")
    previous = pd.Series({"A": 1, "B": 1}).rename_axis("category")
    table = trends.change_table(current, previous, previous)
    assert table["category"].tolist() == ["A", "B"]
    assert (table["flag"] == "up").all()


def changes_read(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The change rows as the page shows and exports them (labels, words, "4 → 9")."""
    return columns.for_export(rows, columns.CHANGES, lang)


def test_change_table_display_headline_is_counts():
    current = pd.Series({("Gedog", "Miras"): 16, ("Sentul", "Miras"): 2}).rename_axis(
        ["kelurahan", "category"]
    )
    previous = pd.Series({("Gedog", "Miras"): 4, ("Sentul", "Miras"): 2}).rename_axis(
        ["kelurahan", "category"]
    )
    table = trends.change_table(current, previous, None)
    shown = changes_read(trends.change_rows(table, only_flagged=True), "id")
    assert len(shown) == 1
    row = shown.iloc[0]
    assert row["Kelurahan"] == "Gedog" and row["Periode lalu → kini"] == "4 → 16"
    assert row["Dibanding periode lalu"] == "naik bermakna"
    assert row["Tahun lalu → kini"] == "– → 16" and row["Dibanding tahun lalu"] == "tidak ada pembanding"
    assert row["Kekuatan"] == "perlu dicermati"
    assert row["z lalu"] == 2.8 and pd.isna(row["z thn lalu"])  # numbers; the page writes them
    on_screen = displayed(styled(shown, "id")).iloc[0]
    assert on_screen["z lalu"] == "2,8" and on_screen["z thn lalu"] == "–"
    assert "Patroli membahas" not in shown.columns
    assert not any("%" in str(v) for v in row.to_numpy())


def test_change_table_display_counts_the_patrols_that_raised_each_row():
    keys = ["kelurahan", "category"]
    current = pd.Series({("Gedog", "Miras"): 16, ("Gedog", "Balap liar"): 9}).rename_axis(keys)
    table = trends.change_table(current, None, None)
    mentions = trends.patrol_mentions_by(PATROLS, keys)
    assert mentions[("Gedog", "Miras")] == 2 and mentions[("Gedog", "Balap liar")] == 1
    shown = changes_read(trends.change_rows(table, mentions=mentions), "id")
    assert shown["Patroli membahas"].tolist() == [2, 1]
    by_category = trends.change_table(
        pd.Series({"Pencurian": 1, "KDRT": 2}).rename_axis("category"), None, None
    )
    shown = changes_read(
        trends.change_rows(by_category, mentions=trends.patrol_mentions_by(PATROLS, ["category"])), "en"
    )
    assert shown.set_index("Category")["Patrols raising it"].to_dict() == {"KDRT": 0, "Pencurian": 1}


def test_change_tables_when_nothing_was_reported():
    nothing = pd.Series([], dtype="int64").rename_axis("category")
    table = trends.change_table(nothing, nothing, None)
    assert table.empty
    shown = changes_read(trends.change_rows(table), "en")
    assert shown.empty and "Against previous period" in shown.columns
    flagged_none = trends.change_rows(
        trends.change_table(pd.Series({"A": 3}).rename_axis("category"), None, None), only_flagged=True
    )
    assert flagged_none.empty


def test_period_changes_uses_the_previous_equal_period_and_skips_an_uncovered_year():
    rows = [
        (f"2025-05-{d:02d} 10:00", "Miras", "Gedog", "WhatsApp #LaporPakKapolres", "Baru")
        for d in range(1, 10)
    ]
    rows += [
        (f"2025-04-{d:02d} 10:00", "Miras", "Gedog", "WhatsApp #LaporPakKapolres", "Baru") for d in (1, 2)
    ]
    rows += [("2025-05-03 11:00", "Miras", "Gedog", "Call Center 110", "Tidak Valid")]
    complaints = complaints_frame(rows)
    filters = Filters(start=date(2025, 5, 1), end=date(2025, 5, 31))  # previous: 31 Mar .. 30 Apr
    table = trends.period_changes(
        complaints, filters, {"Gedog": "Sananwetan"}, ["category"], date(2025, 3, 1)
    )
    assert table[["current", "previous"]].iloc[0].tolist() == [9, 2]
    assert np.isnan(table["year_before"].iloc[0])
    with_invalid = trends.period_changes(
        complaints, filters, {"Gedog": "Sananwetan"}, ["category"], date(2025, 3, 1), include_invalid=True
    )
    assert with_invalid["current"].iloc[0] == 10
    uncovered = trends.period_changes(
        complaints, filters, {"Gedog": "Sananwetan"}, ["category"], date(2025, 4, 1)
    )
    assert np.isnan(uncovered["previous"].iloc[0])


def test_channel_quality_counts_invalid_share_in_schema_order():
    quality = trends.channel_quality(COMPLAINTS)
    assert quality["channel"].tolist() == ["Patroli Dialogis", "Jumat Curhat", "Call Center 110"]
    call_center = quality.iloc[2]
    assert (call_center["total"], call_center["invalid"]) == (3, 2)
    assert call_center["invalid_share"] == pytest.approx(2 / 3)
    assert trends.channel_quality(EMPTY_COMPLAINTS).empty


def test_topic_alignment_lists_categories_no_patrol_raised():
    alignment = trends.topic_alignment(trends.counted_complaints(COMPLAINTS), PATROLS)
    gedog = alignment.loc[alignment["kelurahan"] == "Gedog"].iloc[0]
    assert (gedog["complaints"], gedog["patrols_on_topic"], gedog["patrols"]) == (2, 2, 2)
    sentul = alignment.loc[alignment["kelurahan"] == "Sentul"].iloc[0]
    assert sentul["category"] == "Balap liar"
    assert (sentul["complaints"], sentul["patrols_on_topic"], sentul["patrols"]) == (1, 0, 2)
    assert trends.alignment_share(alignment) == pytest.approx(2 / 3)
    missed = columns.for_export(trends.topic_mismatches(alignment), columns.MISMATCHES, "id")
    assert missed.to_dict("records") == [
        {
            "Bulan": "Mei 2025",
            "Kelurahan": "Sentul",
            "Kategori": "Balap liar",
            "Laporan": 1,
            "Keterangan": "2 patroli, tidak ada yang membahas kategori ini",
        }
    ]


def test_topic_alignment_without_patrols():
    alignment = trends.topic_alignment(trends.counted_complaints(COMPLAINTS), EMPTY_PATROLS)
    assert (alignment["patrols"] == 0).all()
    missed = columns.for_export(trends.topic_mismatches(alignment), columns.MISMATCHES, "en")
    assert missed["Remark"].iloc[0] == "No patrol there that month"
    assert np.isnan(trends.alignment_share(trends.topic_alignment(EMPTY_COMPLAINTS, EMPTY_PATROLS)))


CALENDAR = pd.DataFrame(
    {
        "start_date": pd.to_datetime(["2025-03-01", "2025-03-31", "2025-03-23", "2023-10-19", "2025-05-01"]),
        "end_date": pd.to_datetime(["2025-03-30", "2025-04-01", "2025-04-08", "2024-10-20", "2025-05-01"]),
        "event": [
            "Ramadan 1446 H",
            "Hari Raya Idul Fitri 1446 H",
            "Operasi Ketupat Semeru 2025",
            "Operasi Mantap Brata",
            "Hari Buruh",
        ],
        "kind": ["ramadan", "religious_holiday", "police_operation", "police_operation", "national_holiday"],
        "source": [""] * 5,
    }
)


def test_calendar_bands_keep_the_named_seasons_in_range():
    bands = trends.calendar_bands(CALENDAR, date(2025, 3, 15), date(2025, 12, 31))
    assert bands["label"].tolist() == ["Ramadan", "Ops Ketupat", "Idul Fitri"]
    assert bands["end"].iloc[2] == pd.Timestamp("2025-04-02")  # the day after the inclusive last day
    assert trends.calendar_bands(CALENDAR, date(2025, 6, 1), date(2025, 6, 30)).empty
    assert trends.calendar_bands(CALENDAR.iloc[:0], date(2025, 1, 1), date(2025, 2, 1)).empty


def test_calendar_bands_of_the_shipped_file_cover_ketupat_and_lilin(reference):
    bands = trends.calendar_bands(reference.calendar, date(2024, 1, 1), date(2024, 12, 31), "en")
    assert {"Op. Ketupat", "Op. Lilin", "Ramadan", "Eid al-Fitr", "Election"} <= set(bands["label"])


# --- figures -------------------------------------------------------------------------------------------


def figure_json(fig):
    return json.loads(fig.to_json())


def test_stacked_figure_one_trace_per_category_in_its_colour_with_bands():
    counts = trends.complaint_counts_per_period(COMPLAINTS, "W", order=["Miras", "Balap liar"])
    bands = trends.calendar_bands(CALENDAR, date(2025, 3, 1), date(2025, 6, 30))
    fig = trends.stacked_counts_figure(counts, COLOURS, "W", bands, "id")
    assert isinstance(fig, go.Figure)
    spec = figure_json(fig)
    bars = [d for d in spec["data"] if d["type"] == "bar"]
    assert [(d["name"], d["marker"]["color"]) for d in bars] == [
        ("Miras", "#AA3377"),
        ("Balap liar", "#EE6677"),
    ]
    assert spec["layout"]["barmode"] == "stack"
    assert len(spec["layout"]["shapes"]) == len(bands) == 3
    key = spec["layout"]["annotations"][0]["text"]
    assert key.startswith("Pita kalender:") and key.index("Ramadan") < key.index("Ops Ketupat") < key.index(
        "Idul"
    )
    assert '<span style="color:#44BB99">■</span> Ramadan' in key


def test_figures_of_empty_data_say_so():
    empty = trends.complaint_counts_per_period(EMPTY_COMPLAINTS, "W")
    for fig in (
        trends.stacked_counts_figure(empty, COLOURS, "W", None, "id"),
        trends.small_multiples_figure(empty, COLOURS, "W", None, "id"),
        trends.channel_figure(trends.channel_quality(EMPTY_COMPLAINTS), "id"),
    ):
        assert fig.layout.annotations[0].text == "Tidak ada data untuk grafik ini."
        assert len(fig.data) == 0


def test_single_week_figures():
    one_week = complaints_frame([("2025-05-06 09:00", "Miras", "Gedog", "Jumat Curhat", "Baru")])
    counts = trends.complaint_counts_per_period(one_week, "W")
    assert counts.shape == (1, 1)
    assert list(trends.stacked_counts_figure(counts, COLOURS, "W").data[0].y) == [1]
    multiples = trends.small_multiples_figure(counts, COLOURS, "W")
    assert len(multiples.data) == 1 and multiples.layout.annotations[0].text == "Miras"


def test_small_multiples_one_panel_per_category_and_a_tie():
    tie = complaints_frame(
        [
            ("2025-05-06 09:00", "Miras", "Gedog", "Jumat Curhat", "Baru"),
            ("2025-05-07 09:00", "Balap liar", "Gedog", "Jumat Curhat", "Baru"),
            ("2025-05-08 09:00", "Pencurian", "Gedog", "Jumat Curhat", "Baru"),
        ]
    )
    counts = trends.complaint_counts_per_period(tie, "M", order=["Pencurian", "Miras", "Balap liar"])
    fig = trends.small_multiples_figure(counts, COLOURS, "M", columns=2)
    assert [d.name for d in fig.data] == ["Pencurian", "Miras", "Balap liar"]
    assert [d.marker.color for d in fig.data] == ["#994455", "#AA3377", "#EE6677"]
    assert {d.xaxis for d in fig.data} == {"x", "x2", "x3"}


def test_hours_figure_marks_complaint_hours_without_patrols():
    fig = trends.hours_figure(
        trends.complaints_by_weekday_hour(COMPLAINTS), trends.patrol_presence_by_weekday_hour(PATROLS), "id"
    )
    heat_complaints, heat_patrols, gaps = fig.data
    assert np.asarray(heat_complaints.z).sum() == 5 and np.asarray(heat_patrols.z).sum() == 6
    assert len(gaps.x) == 5 and ("00", "Senin") in set(zip(gaps.x, gaps.y, strict=True))


def test_hours_figure_of_empty_grids_has_no_gap_markers():
    grid = trends.complaints_by_weekday_hour(EMPTY_COMPLAINTS)
    fig = trends.hours_figure(grid, grid, "en")
    assert len(fig.data[2].x) == 0 and fig.data[2].showlegend is False


def test_period_ticks_are_indonesian_and_at_most_twelve():
    weeks = pd.date_range("2025-12-22", periods=30, freq="7D")
    ticks = trends.period_ticks(weeks, "W", "id")
    assert len(ticks["tickvals"]) == 10
    assert ticks["ticktext"][:3] == ["22 Des 2025", "12 Jan 2026", "2 Feb"]
    months = trends.period_ticks(pd.date_range("2025-05-01", periods=2, freq="MS"), "M", "id")
    assert months["ticktext"] == ["Mei 2025", "Jun 2025"]
    assert trends.period_ticks(pd.DatetimeIndex([]), "W") == {}


def test_channel_figure_writes_the_invalid_share():
    fig = trends.channel_figure(trends.channel_quality(COMPLAINTS), "id")
    assert list(fig.data[1].text) == ["0 % tidak valid", "0 % tidak valid", "67 % tidak valid"]


def test_counts_on_category_codes_equal_the_counts_on_text():
    """Tren's kelurahan/category counts group on the categories' codes; the numbers, the index and its
    order are those of grouping the same rows turned into text, and the topic split is shared per cut."""
    from analysis.core import settings
    from analysis.data.dataset import load_dataset
    from analysis.metrics.filters import filter_complaints, filter_patrols

    ds = load_dataset(settings.DATA_DIR.read())
    kecamatan_of = ds.reference.kecamatan_of()
    for days, scope in ((89, ()), (29, ("Gedog", "Sentul")), (364, ("Bendo",))):
        f = Filters(ds.last_date - pd.Timedelta(days=days).to_pytimedelta(), ds.last_date, kelurahan=scope)
        patrols = filter_patrols(ds.patrols, f, kecamatan_of)
        complaints = trends.counted_complaints(filter_complaints(ds.complaints, f, kecamatan_of))
        mentions = trends.patrol_topic_mentions(patrols)
        assert trends.patrol_topic_mentions(patrols) is mentions  # split once per cut
        text = pd.DataFrame(
            {"kelurahan": mentions["kelurahan"].astype("str"), "category": mentions["topic"].astype("str")}
        )
        for keys in (["kelurahan", "category"], ["category"]):
            expected = text.groupby(keys).size().rename("patrols")
            pd.testing.assert_series_equal(trends.patrol_mentions_by(patrols, keys), expected)
        month = complaints["received_at"].dt.to_period("M").dt.to_timestamp()
        asked = (
            pd.DataFrame(
                {
                    "kelurahan": complaints["kelurahan"].astype("str"),
                    "month": month,
                    "category": complaints["category"].astype("str"),
                }
            )
            .groupby(["kelurahan", "month", "category"])
            .size()
        )
        alignment = trends.topic_alignment(complaints, patrols)
        assert (
            alignment.set_index(["kelurahan", "month", "category"])["complaints"].rename(None).equals(asked)
        )


def _change_table_column_by_column(current, previous, year_before):
    """``change_table`` as first written: a frame grown column by column, sorted through helper columns."""
    from analysis.metrics.stats import change_direction, poisson_change

    frames = {"current": current, "previous": previous, "year_before": year_before}
    present = [s for s in frames.values() if s is not None]
    index = present[0].index
    for series in present[1:]:
        index = index.union(series.index)
    table = pd.DataFrame(index=index)
    for name, series in frames.items():
        table[name] = np.nan if series is None else series.reindex(index, fill_value=0).astype(float)
    table["z_previous"] = poisson_change(table["current"], table["previous"])
    table["z_year"] = poisson_change(table["current"], table["year_before"])
    table["direction_previous"] = change_direction(table["z_previous"])
    table["direction_year"] = change_direction(table["z_year"])
    ups = (table["direction_previous"] == "up") | (table["direction_year"] == "up")
    downs = (table["direction_previous"] == "down") | (table["direction_year"] == "down")
    table["flag"] = np.select([ups, downs], ["up", "down"], "flat")
    z = table[["z_previous", "z_year"]]
    pick_year = z["z_year"].abs().fillna(-1) > z["z_previous"].abs().fillna(-1)
    table["z_max"] = z["z_previous"].where(~pick_year, z["z_year"])
    order = table["flag"].map({"up": 0, "down": 1, "flat": 2})
    table = (
        table.assign(_order=order, _z=-table["z_max"].abs().fillna(0), _n=-table["current"])
        .sort_values(["_order", "_z", "_n"], kind="stable")
        .drop(columns=["_order", "_z", "_n"])
    )
    return table.reset_index()


@pytest.mark.parametrize("seed", range(5))
def test_change_table_equals_the_column_by_column_table(seed):
    rng = np.random.default_rng(seed)
    index = pd.MultiIndex.from_product([["Gedog", "Sentul", "Bendo"], ["Miras", "Balap liar", "Curanmor"]])
    index = index.set_names(["kelurahan", "category"])

    def counts(scale):
        chosen = rng.random(len(index)) < 0.7
        return pd.Series(rng.poisson(scale, len(index)), index=index, name="count").loc[chosen]

    for previous, year in ((counts(4), counts(9)), (None, counts(2)), (counts(1), None), (None, None)):
        current = counts(6)
        expected = _change_table_column_by_column(current, previous, year)
        pd.testing.assert_frame_equal(trends.change_table(current, previous, year), expected)
