"""Tables keep numbers as numbers; the Styler writes them in Indonesian (or English) form."""

import pandas as pd

from analysis.metrics import maps
from analysis.metrics.tables import displayed, number_formats, styled
from ui import columns


def test_numbers_and_dates_are_written_in_the_reader_s_form_but_stay_numbers():
    frame = pd.DataFrame(
        {
            "count": pd.Series([1458, 98], dtype="int64"),
            "hours": [209.24, float("nan")],
            "day": pd.to_datetime(["2025-05-26", None]),
            "name": ["Gedog", "Sentul"],
        }
    )
    shown = displayed(styled(frame, "id", missing={"day": "belum pernah"}))
    assert shown.loc[0].tolist() == ["1.458", "209,2", "26 Mei 2025", "Gedog"]
    assert shown.loc[1].tolist() == ["98", "–", "belum pernah", "Sentul"]
    assert displayed(styled(frame, "en")).loc[0, "count"] == "1,458"
    assert frame["count"].dtype == "int64"  # untouched
    assert set(number_formats(frame)) == {"count", "hours", "day"}


def test_digits_per_column():
    frame = pd.DataFrame({"rate": [1.2345]})
    assert displayed(styled(frame, "id", {"rate": 2})).loc[0, "rate"] == "1,23"


def test_map_table_sorts_visits_as_numbers_with_the_unit_in_the_header():
    measures = pd.DataFrame(
        {
            "kelurahan": ["A", "B", "C", "D"],
            "kecamatan": ["K"] * 4,
            "visits": [98, 192, 50, 69],
        }
    )
    table = maps.measure_table(measures, "visits")
    header = columns.labels(columns.measure("visits", 0), "id")["visits"]
    assert header == "Kunjungan patroli (kunjungan)"
    assert table["visits"].dtype == "int64"
    assert table["visits"].tolist() == [50, 69, 98, 192]  # fewest visits (worst) first
    assert table.sort_values("visits", ascending=False)["visits"].tolist() == [192, 98, 69, 50]
