"""Honest time bins: weeks and months cut to the period, partial ones marked, one bin keeps a date axis."""

from datetime import date

import pandas as pd
import pytest

from analysis.metrics import bins, trends
from ui import columns


def test_weeks_are_cut_to_the_period_and_the_edges_marked_partial():
    # 16 Feb 2025 is a Sunday, 16 May 2025 a Friday: the default 90-day view of data ending on 16 May.
    table = bins.time_bins(date(2025, 2, 16), date(2025, 5, 16), "W")
    first, last = table.iloc[0], table.iloc[-1]
    assert table.index[0] == pd.Timestamp("2025-02-10")  # the bin is still keyed by its Monday
    assert (first["first"], first["last"], first["days"], first["partial"]) == (
        pd.Timestamp("2025-02-16"),
        pd.Timestamp("2025-02-16"),
        1,
        True,
    )
    assert (last["first"], last["last"], last["days"], last["partial"]) == (
        pd.Timestamp("2025-05-12"),
        pd.Timestamp("2025-05-16"),
        5,
        True,
    )
    assert not table["partial"].iloc[1:-1].any()
    assert table["days"].sum() == 90


def test_months_are_cut_and_full_ones_are_not_partial():
    table = bins.time_bins(date(2025, 2, 16), date(2025, 5, 16), "M")
    assert table["days"].tolist() == [13, 31, 30, 16]
    assert table["length"].tolist() == [28, 31, 30, 31]
    assert table["partial"].tolist() == [True, False, False, True]
    whole = bins.time_bins(date(2025, 3, 1), date(2025, 3, 31), "M")
    assert whole["partial"].tolist() == [False]


def test_an_exact_week_is_whole_and_an_empty_period_has_no_bins():
    week = bins.time_bins(date(2025, 5, 19), date(2025, 5, 25), "W")
    assert week["partial"].tolist() == [False] and week["days"].tolist() == [7]
    assert bins.time_bins(date(2025, 5, 26), date(2025, 5, 25), "W").empty
    with pytest.raises(ValueError):
        bins.time_bins(date(2025, 5, 19), date(2025, 5, 25), "D")


def test_labels_say_partial_in_both_languages():
    table = bins.time_bins(date(2025, 2, 16), date(2025, 3, 2), "W")
    assert bins.bin_labels(table, "id") == [
        "16 Feb 2025 (sebagian: 1 dari 7 hari)",
        "17–23 Feb 2025",
        "24 Feb – 2 Mar 2025",
    ]
    assert bins.bin_labels(table, "en")[0] == "16 Feb 2025 (partial: 1 of 7 days)"


def test_ticks_keep_first_and_last_bin_and_mark_partial_ones():
    table = bins.time_bins(date(2025, 2, 16), date(2025, 5, 16), "W")
    ticks = bins.tick_labels(table, "W", "id", most=8)
    assert ticks["tickvals"][0] == table.index[0] and ticks["tickvals"][-1] == table.index[-1]
    assert ticks["ticktext"][0].endswith("*") and ticks["ticktext"][-1].endswith("*")
    assert not any(text.endswith("*") for text in ticks["ticktext"][1:-1])
    assert len(ticks["tickvals"]) <= 8


def test_one_bin_keeps_a_dated_range_of_a_whole_week():
    table = bins.time_bins(date(2025, 5, 26), date(2025, 5, 26), "W")
    assert bins.axis_range(table) == [pd.Timestamp("2025-05-26"), pd.Timestamp("2025-06-02")]


def test_bin_table_counts_are_integers_and_say_the_days():
    table = bins.time_bins(date(2025, 2, 16), date(2025, 2, 23), "W")
    counts = pd.DataFrame({"Miras": [7, 44]}, index=table.index)
    shown = columns.for_export(bins.bin_table(counts, table, "id"), columns.per_bin(["Miras"]), "id")
    assert shown.columns.tolist() == ["Periode", "Hari dalam periode", "Miras", "Jumlah"]
    assert shown["Hari dalam periode"].tolist() == [1, 7]
    assert shown["Miras"].dtype == "int64" and shown["Jumlah"].tolist() == [7, 44]
    assert "sebagian" in shown["Periode"].iloc[0]


def _figure_for(start: date, end: date, freq="W"):
    dates = pd.Series(pd.to_datetime(["2025-02-16", "2025-02-20", "2025-05-16"]))
    counts = trends.counts_per_period(dates, pd.Series(["Miras"] * 3), freq, (), start, end)
    return trends.stacked_counts_figure(
        counts, {"Miras": "#000000"}, freq, None, "en", start=start, end=end, names={"Miras": "Alcohol"}
    )


def test_trend_chart_marks_partial_bars_in_hover_and_axis_and_names_categories_in_english():
    fig = _figure_for(date(2025, 2, 16), date(2025, 5, 16))
    bar = fig.data[0]
    assert bar.name == "Alcohol" and "Alcohol" in bar.hovertemplate
    assert "partial: 1 of 7 days" in bar.customdata[0] and "partial: 5 of 7 days" in bar.customdata[-1]
    assert "partial" not in bar.customdata[1]
    assert fig.layout.xaxis.ticktext[0].endswith("*") and fig.layout.xaxis.ticktext[-1].endswith("*")
    assert fig.layout.xaxis.title.text == "* partial period"


def test_trend_chart_with_one_day_keeps_a_date_axis():
    fig = _figure_for(date(2025, 5, 16), date(2025, 5, 16))
    assert len(fig.data[0].x) == 1
    assert fig.layout.xaxis.type == "date"
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert (high - low) == pd.Timedelta(days=7)
    assert fig.layout.xaxis.ticktext == ("12 May 2025*",)
    assert fig.data[0].width > 4 * 24 * 3600 * 1000  # a lone bar is drawn as a bar, not a hairline
