"""ui/columns.py: stable names and numbers in, the reader's headers, words and number form at the edge."""

import numpy as np
import pandas as pd

from analysis.metrics import trends
from analysis.metrics.tables import displayed
from ui import columns

ROWS = pd.DataFrame(
    {
        "category": ["Miras", "Balap liar"],
        "current": [16.0, 2.0],
        "previous": [4.0, np.nan],
        "year_before": [np.nan, 1500.0],
        "direction_previous": ["up", "none"],
        "direction_year": ["none", "down"],
        "strength": ["notable", ""],
        "z_previous": [2.8, np.nan],
        "z_year": [np.nan, -3.1],
    }
)


def test_present_keeps_stable_names_in_the_spec_order_and_numbers_as_numbers():
    shown = columns.present(ROWS, columns.CHANGES, "id")
    assert shown.columns.tolist() == [
        "category",
        "previous_change",
        "direction_previous",
        "year_before_change",
        "direction_year",
        "strength",
        "z_previous",
        "z_year",
    ]  # no kelurahan or patrols in these rows: those columns are left out, not made up
    assert shown["previous_change"].tolist() == ["4 → 16", "– → 2"]
    assert shown["year_before_change"].tolist() == ["– → 16", "1.500 → 2"]
    assert shown["direction_previous"].tolist() == ["naik bermakna", "tidak ada pembanding"]
    assert shown["strength"].tolist() == ["perlu dicermati", ""]
    assert shown["z_previous"].dtype == "float64" and pd.isna(shown["z_previous"].iloc[1])


def test_export_has_the_reader_s_headers_and_the_screen_the_reader_s_number_form():
    english = columns.for_export(ROWS, columns.CHANGES, "en")
    assert english.columns[:3].tolist() == ["Category", "Previous → now", "Against previous period"]
    assert english["Previous → now"].tolist() == ["4 → 16", "– → 2"]
    screen = displayed(columns.screen(ROWS, columns.CHANGES, "id"))
    assert screen["z_year"].tolist() == ["–", "-3,1"]


def test_coded_values_that_are_missing_read_blank_and_an_empty_table_keeps_its_columns():
    gaps = pd.DataFrame({"weekday": [0], "hour": [7], "complaints": [3]})
    assert columns.present(gaps, columns.HOUR_GAPS, "en").iloc[0].tolist() == ["Monday", "07.00–07.59", 3]
    coded = pd.DataFrame({"level": ["alert", None]})
    assert columns.present(coded, columns.GAPS, "id")["level"].tolist() == ["Siaga (> 7 hari)", ""]
    empty = trends.unpatrolled_complaint_hours(
        pd.DataFrame(np.zeros((7, 24), dtype=int)).rename_axis(index="weekday", columns="hour"),
        pd.DataFrame(np.zeros((7, 24), dtype=int)).rename_axis(index="weekday", columns="hour"),
    )
    exported = columns.for_export(empty, columns.HOUR_GAPS, "id")
    assert exported.empty and exported.columns.tolist() == ["Hari", "Jam", "Laporan"]
