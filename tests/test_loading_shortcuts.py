"""The loader's shortcuts give exactly what the plain formulas give: the complaint's resolution arithmetic
on int64 values (against the datetime64 formulas) and the trim of only the text values that can change
(against Arrow's trim of every value)."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data.loading import _trimmed, resolution_days, resolved_before_received

DAY_US = 86_400_000_000
# times around a few days, on whole days, hours and odd microseconds, and NaT
moments = st.one_of(
    st.none(),
    st.integers(0, 5).map(lambda d: d * DAY_US),
    st.integers(0, 5 * 24).map(lambda h: h * 3_600_000_000),
    st.integers(0, 5 * DAY_US),
)


def as_datetimes(values: list[int | None]) -> np.ndarray:
    return np.array(
        [np.datetime64("NaT", "us") if v is None else np.datetime64(v, "us") for v in values],
        dtype="datetime64[us]",
    )


def early_by_formula(received: np.ndarray, resolved: np.ndarray) -> np.ndarray:
    resolved_day = resolved.astype("datetime64[D]")
    same_day_no_time = (resolved == resolved_day) & (resolved_day == received.astype("datetime64[D]"))
    early = ~np.isnat(resolved) & ~np.isnat(received) & (resolved < received) & ~same_day_no_time
    return np.flatnonzero(early)


def days_by_formula(received: np.ndarray, resolved: np.ndarray) -> np.ndarray:
    delta = (resolved - received).astype("timedelta64[s]").astype(np.float64)
    return np.where(np.isnat(resolved), np.nan, np.maximum(delta, 0) / 86400)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(moments, moments), max_size=40))
def test_int64_arithmetic_matches_the_datetime_formulas(pairs):
    received = as_datetimes([p[0] for p in pairs])
    resolved = as_datetimes([p[1] for p in pairs])
    np.testing.assert_array_equal(
        resolved_before_received(received, resolved), early_by_formula(received, resolved)
    )
    np.testing.assert_array_equal(resolution_days(received, resolved), days_by_formula(received, resolved))


def test_midnight_on_the_day_of_receipt_is_not_early_but_an_hour_before_is():
    received = as_datetimes([DAY_US + 10 * 3_600_000_000] * 3)
    resolved = as_datetimes([DAY_US, DAY_US + 9 * 3_600_000_000, DAY_US + 12 * 3_600_000_000])
    assert resolved_before_received(received, resolved).tolist() == [1]
    assert resolution_days(received, resolved).tolist() == [0.0, 0.0, 2 / 24]


# printable ASCII, the spaces and controls Python and Arrow may trim, and characters of 2-4 bytes (among
# them Unicode spaces: no-break, ideographic, en quad; and a zero-width space, which is not trimmed)
LETTERS = "aZ9-. \t\n\r\x0b\x0c\x1c\x1f\x85\xa0é\u2000\u200b\u3000\u0130🙂"
texts = st.one_of(st.none(), st.text(alphabet=LETTERS, max_size=6))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(texts, max_size=12), min_size=1, max_size=4),
    st.booleans(),
    st.integers(0, 3),
)
def test_trimming_only_what_can_change_matches_trimming_everything(chunks, large, cut):
    kind = pa.large_string() if large else pa.string()
    arrow = pa.chunked_array([pa.array(c, type=kind) for c in chunks], type=kind)
    arrow = arrow.slice(min(cut, len(arrow)))  # a sliced array reads its offsets from the middle
    assert _trimmed(arrow).to_pylist() == pc.utf8_trim_whitespace(arrow).to_pylist()


def test_a_clean_column_comes_back_as_it_was_and_a_few_spaces_are_trimmed():
    clean = pa.chunked_array([pa.array(["Bripka Andi", "x", ""] * 10, type=pa.large_string())])
    same = _trimmed(clean).chunk(0).buffers()[2].address == clean.chunk(0).buffers()[2].address
    assert same  # nothing to trim: the very same text buffer
    spaced = pa.array(["Bripka Andi"] * 9 + ["  Aiptu Budi\u00a0"], type=pa.large_string())
    assert _trimmed(spaced).to_pylist()[-1] == "Aiptu Budi"
