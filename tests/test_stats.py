"""The Poisson change test and its labels, on hand-computed values."""

import math

import pandas as pd
import pytest

from analysis.metrics.stats import (
    change_direction,
    change_label,
    change_strength,
    count_change_text,
    poisson_change,
)


# Hand-computed: z = sqrt(2) * (sqrt(c + 0.375) - sqrt(p + 0.375));
# sqrt(9.375) = 3.0619, sqrt(4.375) = 2.0917, sqrt(16.375) = 4.0466,
# sqrt(3.375) = 1.8371, sqrt(0.375) = 0.6124, sqrt(25.375) = 5.0374.
@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        (9, 4, 1.3721),  # +125 % yet ordinary noise
        (16, 4, 2.7645),
        (4, 16, -2.7645),
        (3, 0, 1.7320),  # a first 3 after nothing is not yet a trend
        (25, 4, 4.1660),
        (0, 0, 0.0),
        (5, 5, 0.0),
    ],
)
def test_poisson_change_hand_computed(current, previous, expected):
    assert poisson_change(current, previous) == pytest.approx(expected, abs=1e-3)


def test_poisson_change_is_elementwise_on_series_and_keeps_the_index():
    current = pd.Series([9, 16, 1], index=["a", "b", "c"])
    previous = pd.Series([4, 4, float("nan")], index=["a", "b", "c"])
    z = poisson_change(current, previous)
    assert list(z.index) == ["a", "b", "c"]
    assert z.iloc[:2].tolist() == pytest.approx([1.3721, 2.7645], abs=1e-3)
    assert math.isnan(z["c"])


def test_poisson_change_does_not_touch_its_inputs():
    current, previous = pd.Series([9, 1]), pd.Series([4, 1])
    poisson_change(current, previous)
    assert current.tolist() == [9, 1] and previous.tolist() == [4, 1]


def test_direction_boundaries_are_inclusive_at_two():
    z = pd.Series([2.0, 1.999, -2.0, -1.999, float("nan")])
    assert change_direction(z).tolist() == ["up", "flat", "down", "flat", "none"]


def test_labels_in_bahasa_and_english():
    z = pd.Series([2.5, 0.3, -3.1, float("nan")])
    assert change_label(z).tolist() == [
        "naik bermakna",
        "dalam batas wajar",
        "turun bermakna",
        "tidak ada pembanding",
    ]
    assert change_label(z, "en").tolist() == [
        "significant rise",
        "within normal range",
        "significant fall",
        "no comparison",
    ]


def test_label_of_a_single_number():
    assert change_label(poisson_change(9, 4)) == "dalam batas wajar"
    assert change_label(poisson_change(16, 4)) == "naik bermakna"


def test_strength_marks_three_and_above_as_real():
    z = pd.Series([3.0, -3.2, 2.0, 2.99, 1.0, float("nan")])
    assert change_strength(z).tolist() == ["nyata", "nyata", "perlu dicermati", "perlu dicermati", "", ""]
    assert change_strength(-3.0, "en") == "strong"


def test_count_change_text_shows_counts_not_percentages():
    text = count_change_text(pd.Series([4, 0, float("nan")]), pd.Series([9, 1500, 3]), "id")
    assert text.tolist() == ["4 → 9", "0 → 1.500", "– → 3"]
    assert count_change_text(pd.Series([1000]), pd.Series([2]), "en").tolist() == ["1,000 → 2"]


def test_count_change_text_of_empty_series_is_text():
    text = count_change_text(pd.Series([], dtype=float), pd.Series([], dtype=float))
    assert text.empty and text.dtype == "str"
