from datetime import date

import pandas as pd
import pytest

from analysis.metrics.filters import (
    Filters,
    default_filters,
    filter_complaints,
    filter_patrols,
    from_query_params,
    preset_range,
    selected_kelurahan,
    to_query_params,
)
from tests import frames

KECAMATAN_OF = {"Gedog": "Sananwetan", "Sentul": "Kepanjenkidul", "Turi": "Sukorejo"}


def patrols() -> pd.DataFrame:
    return frames.patrols(
        date=["2025-05-25", "2025-05-26", "2025-05-26", "2025-05-27"],
        kelurahan=["Gedog", "Gedog", "Sentul", "Turi"],
        unit=["Binmas", "Samapta", "Binmas", "Binmas"],
        topics=["Miras", "Keresahan sosial; Miras", "", "Balap liar"],
    )


def complaints() -> pd.DataFrame:
    return frames.complaints(
        received_at=["2025-05-26 23:59", "2025-05-27 00:00", "2025-05-26 08:00"],
        kelurahan=["Gedog", "Gedog", "Turi"],
        category=["Miras", "Miras", "Pencurian"],
        channel=["Call Center 110", "Jumat Curhat", "Call Center 110"],
    )


def test_period_is_inclusive_of_the_whole_end_day():
    f = Filters(start=date(2025, 5, 26), end=date(2025, 5, 26))
    assert len(filter_complaints(complaints(), f, KECAMATAN_OF)) == 2  # 23:59 in, next midnight out
    assert filter_patrols(patrols(), f, KECAMATAN_OF)["kelurahan"].tolist() == ["Gedog", "Sentul"]


def test_kecamatan_and_kelurahan_combine():
    f = Filters(date(2025, 5, 1), date(2025, 5, 31), kecamatan=("Sananwetan",))
    assert selected_kelurahan(f, KECAMATAN_OF) == ["Gedog"]
    f = Filters(date(2025, 5, 1), date(2025, 5, 31), kecamatan=("Sananwetan",), kelurahan=("Turi",))
    assert selected_kelurahan(f, KECAMATAN_OF) == []
    assert selected_kelurahan(Filters(date(2025, 5, 1), date(2025, 5, 31)), KECAMATAN_OF) is None


def test_category_filter_keeps_patrols_that_discussed_it():
    f = Filters(date(2025, 5, 1), date(2025, 5, 31), categories=("Miras",))
    assert len(filter_patrols(patrols(), f, KECAMATAN_OF)) == 2
    assert len(filter_complaints(complaints(), f, KECAMATAN_OF)) == 2


def test_unit_filters_patrols_and_channel_filters_complaints():
    f = Filters(date(2025, 5, 1), date(2025, 5, 31), units=("Samapta",), channels=("Jumat Curhat",))
    assert len(filter_patrols(patrols(), f, KECAMATAN_OF)) == 1
    assert len(filter_complaints(complaints(), f, KECAMATAN_OF)) == 1


def test_filtering_does_not_mutate_the_input():
    frame = patrols()
    before = frame.copy()
    filter_patrols(frame, Filters(date(2025, 5, 26), date(2025, 5, 26), kelurahan=("Gedog",)), KECAMATAN_OF)
    pd.testing.assert_frame_equal(frame, before)


def test_previous_period_has_equal_length_and_ends_the_day_before():
    f = Filters(date(2025, 5, 19), date(2025, 5, 25))
    assert f.previous() == Filters(date(2025, 5, 12), date(2025, 5, 18))
    assert Filters(date(2024, 2, 29), date(2024, 3, 1)).year_before() == Filters(
        date(2023, 2, 28), date(2023, 3, 1)
    )


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("7", (date(2025, 5, 20), date(2025, 5, 26))),
        ("90", (date(2025, 2, 26), date(2025, 5, 26))),
        ("month", (date(2025, 5, 1), date(2025, 5, 26))),
        ("year", (date(2025, 1, 1), date(2025, 5, 26))),
    ],
)
def test_presets_count_back_from_the_last_day_of_data(preset, expected):
    assert preset_range(preset, date(2025, 5, 26)) == expected


@pytest.mark.parametrize(
    ("last_day", "expected"),
    [
        (date(2025, 5, 26), (date(2025, 5, 19), date(2025, 5, 25))),  # a Monday: the week just before
        (date(2025, 5, 25), (date(2025, 5, 19), date(2025, 5, 25))),  # a Sunday: the week it ends
        (date(2025, 5, 31), (date(2025, 5, 19), date(2025, 5, 25))),  # a Saturday: not the unfinished week
    ],
)
def test_last_week_is_the_last_whole_monday_to_sunday(last_day, expected):
    start, end = preset_range("last_week", last_day)
    assert (start, end) == expected and start.weekday() == 0 and end.weekday() == 6


def test_custom_preset_has_no_fixed_range():
    with pytest.raises(ValueError, match="custom"):
        preset_range("custom", date(2025, 5, 26))


ALLOWED = {"kelurahan": ["Gedog", "Sentul"], "category": ["Miras", "Keresahan sosial"], "channel": []}


def test_query_params_round_trip():
    f = Filters(date(2025, 5, 19), date(2025, 5, 25), kelurahan=("Gedog", "Sentul"), categories=("Miras",))
    params = to_query_params(f)
    assert params == {
        "start": "2025-05-19",
        "end": "2025-05-25",
        "kelurahan": "Gedog,Sentul",
        "category": "Miras",
    }
    back, rejected = from_query_params(
        params, default_filters(date(2025, 5, 26)), ALLOWED, (date(2024, 1, 1), date(2025, 5, 26))
    )
    assert back == f
    assert rejected == []


def test_bad_link_values_fall_back_and_are_reported():
    defaults = default_filters(date(2025, 5, 26))
    params = {"start": "2025-13-45", "end": "2025-05-25", "kelurahan": "Gedog,Atlantis"}
    back, rejected = from_query_params(params, defaults, ALLOWED, (date(2024, 1, 1), date(2025, 5, 26)))
    assert (back.start, back.end) == (defaults.start, defaults.end)
    assert back.kelurahan == ("Gedog",)
    assert "kelurahan=Atlantis" in rejected
    assert any(r.startswith("start=2025-13-45") for r in rejected)


def test_reversed_period_in_link_is_rejected():
    defaults = default_filters(date(2025, 5, 26))
    back, rejected = from_query_params(
        {"start": "2025-05-25", "end": "2025-05-01"}, defaults, ALLOWED, (date(2024, 1, 1), date(2025, 5, 26))
    )
    assert back == defaults
    assert rejected


@pytest.mark.parametrize("wanted", [(), ("Gedog",), ("Sentul", "Turi"), ("Gedog", "Nowhere"), ("Nowhere",)])
def test_categorical_fast_path_keeps_the_same_rows_as_isin(wanted):
    """The code lookup for categorical columns returns exactly ``Series.isin``, missing values included."""
    from analysis.metrics.filters import _isin

    values = pd.Series(
        ["Gedog", None, "Sentul", "Turi", "Gedog", None], dtype="category", index=[5, 3, 9, 1, 0, 2]
    )
    values = values.cat.add_categories(["Unused"])
    fast = _isin(values, wanted)
    assert fast.tolist() == values.isin(list(wanted)).tolist()
    assert fast.index.equals(values.index)


def test_filters_give_the_same_rows_for_categorical_and_text_columns():
    text = patrols()
    categorical = text.astype({"kelurahan": "category", "unit": "category"})
    f = Filters(date(2025, 5, 25), date(2025, 5, 27), kelurahan=("Gedog", "Turi"), units=("Binmas",))
    assert filter_patrols(categorical, f, KECAMATAN_OF).index.tolist() == [0, 3]
    assert filter_patrols(text, f, KECAMATAN_OF).index.tolist() == [0, 3]
