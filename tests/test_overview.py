from datetime import date

import pandas as pd
import pytest

from analysis.metrics.overview import (
    days_since_last_visit,
    median_resolution_days,
    overview_kpis,
    resolved_share,
    top_categories,
    top_categories_figure,
)
from tests import frames


def complaints(statuses, categories=None, days=None) -> pd.DataFrame:
    n = len(statuses)
    return frames.complaints(
        status=statuses,
        category=categories or ["Miras"] * n,
        resolution_days=days if days is not None else [float("nan")] * n,
        kelurahan=["Gedog"] * n,
    )


def patrols(kelurahan, personnel) -> pd.DataFrame:
    return frames.patrols(kelurahan=kelurahan, personnel_count=personnel)


KELURAHAN = pd.DataFrame(
    {"kelurahan": ["Gedog", "Sentul", "Turi"], "kecamatan": ["Sananwetan", "Kepanjenkidul", "Sukorejo"]}
)


def test_resolved_share_ignores_invalid_reports():
    frame = complaints(["Selesai", "Baru", "Tidak Valid", "Tidak Valid"])
    assert resolved_share(frame) == 0.5


def test_resolved_share_and_median_are_none_without_valid_reports():
    frame = complaints(["Tidak Valid"])
    assert resolved_share(frame) is None
    assert median_resolution_days(frame) is None
    assert resolved_share(complaints([])) is None


def test_median_resolution_over_resolved_valid_reports():
    frame = complaints(["Selesai", "Selesai", "Baru", "Tidak Valid"], days=[1.0, 4.0, float("nan"), 100.0])
    assert median_resolution_days(frame) == 2.5


def test_kpis_compare_with_the_previous_period():
    kpis = {
        k.key: k
        for k in overview_kpis(
            patrols(["Gedog", "Gedog", "Sentul"], [4, 2, 1]),
            complaints(["Selesai", "Tidak Valid"], days=[2.0, float("nan")]),
            patrols(["Gedog"], [3]),
            complaints(["Baru", "Baru", "Selesai"], days=[float("nan"), float("nan"), 6.0]),
            ["Gedog", "Sentul", "Turi"],
        )
    }
    assert (kpis["patrols"].value, kpis["patrols"].previous, kpis["patrols"].delta) == (3, 1, 2)
    assert (kpis["personnel"].value, kpis["personnel"].previous) == (7, 3)
    assert (kpis["complaints"].value, kpis["complaints"].previous) == (1, 3)
    assert kpis["resolved"].value == 1.0
    assert kpis["resolved"].previous == pytest.approx(1 / 3)
    assert (kpis["resolution"].value, kpis["resolution"].previous) == (2.0, 6.0)
    assert (kpis["visited"].value, kpis["visited"].previous) == (2, 1)


def test_kpis_on_empty_frames_have_no_delta_where_undefined():
    empty_p, empty_c = patrols([], []), complaints([])
    kpis = {k.key: k for k in overview_kpis(empty_p, empty_c, empty_p, empty_c, ["Gedog"])}
    assert kpis["patrols"].value == 0
    assert kpis["resolved"].value is None
    assert kpis["resolved"].delta is None


def test_days_since_last_visit_counts_to_the_as_of_day_and_flags_never_visited():
    history = frames.patrols(
        date=["2025-05-01", "2025-05-20", "2025-05-10", "2025-06-01"],
        kelurahan=["Gedog", "Gedog", "Sentul", "Sentul"],
    )
    table = days_since_last_visit(history, KELURAHAN, date(2025, 5, 26))
    assert table["kelurahan"].tolist() == ["Turi", "Sentul", "Gedog"]  # never, 16 days, 6 days
    assert table["days"].tolist()[1:] == [16.0, 6.0]
    assert table["level"].tolist() == ["alert", "alert", "ok"]  # a visit after the as-of day does not count


def test_days_since_last_visit_warning_band():
    history = frames.patrols(date=["2025-05-16"], kelurahan=["Gedog"])
    table = days_since_last_visit(history, KELURAHAN.iloc[:1], date(2025, 5, 26))
    assert table.loc[0, "level"] == "warning"  # 10 days: more than 7, not more than 14


def test_top_categories_breaks_ties_by_name_and_keeps_previous_counts():
    current = complaints(
        ["Baru"] * 4 + ["Tidak Valid"], categories=["Pencurian", "Miras", "Miras", "Pencurian", "Narkoba"]
    )
    previous = complaints(["Baru"], categories=["Miras"])
    table = top_categories(current, previous)
    assert table.to_dict("list") == {"category": ["Miras", "Pencurian"], "count": [2, 2], "previous": [1, 0]}


def test_top_categories_figure_uses_the_category_colours():
    table = pd.DataFrame({"category": ["Miras", "Pencurian"], "count": [3, 1], "previous": [0, 0]})
    figure = top_categories_figure(table, {"Miras": "#AA3377", "Pencurian": "#994455"})
    bar = figure.data[0]
    assert list(bar.y) == ["Pencurian", "Miras"]  # largest on top
    assert list(bar.marker.color) == ["#994455", "#AA3377"]
