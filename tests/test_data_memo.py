"""The shared memo of filtered frames (ui.data): bounded in entries and in bytes, whatever the sessions."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.data.dataset import Dataset
from analysis.data.reference import load_reference
from analysis.metrics.filters import FREE_TEXT_COLUMNS, Filters
from ui import data


@pytest.fixture
def dataset() -> Dataset:
    days = pd.date_range("2025-01-01", periods=400, freq="D")
    patrols = pd.DataFrame(
        {
            "date": days,
            "kelurahan": pd.Categorical(["Gedog", "Sentul"] * 200),
            "unit": pd.Categorical(["Binmas"] * 400),
            "topics": ["Miras"] * 400,
            "notes": ["catatan panjang"] * 400,
            "location": ["pasar"] * 400,
        }
    )
    empty = pd.DataFrame({"received_at": pd.Series([], dtype="datetime64[us]")})
    return Dataset(patrols, empty, pd.DataFrame(), load_reference(), Path("."))


@pytest.fixture(autouse=True)
def fresh_memo():
    with data._lock:
        data._filtered.clear()
    yield
    with data._lock:
        data._filtered.clear()


def test_the_memo_drops_the_oldest_cuts_beyond_its_byte_budget(dataset, monkeypatch):
    one_cut = data._size(data.filtered_patrols(dataset, Filters(date(2025, 1, 1), date(2025, 12, 31))))
    assert one_cut > 0
    monkeypatch.setattr(data, "_MAX_FILTERED_BYTES", int(one_cut * 2.5))
    for day in range(1, 8):
        data.filtered_patrols(dataset, Filters(date(2025, 1, day), date(2025, 12, 31)))
    held = [entry[2] for entry in data._filtered.values()]
    assert len(held) == 2  # seven similar cuts asked for, the budget holds two
    assert sum(held) <= data._MAX_FILTERED_BYTES


def test_the_newest_cut_stays_even_when_it_alone_is_over_the_budget(dataset, monkeypatch):
    monkeypatch.setattr(data, "_MAX_FILTERED_BYTES", 1)
    f = Filters(date(2025, 1, 1), date(2025, 12, 31))
    first = data.filtered_patrols(dataset, f)
    assert data.filtered_patrols(dataset, f) is first  # still memoised
    assert len(data._filtered) == 1


def test_a_cut_for_figures_has_the_same_rows_without_the_free_text(dataset):
    f = Filters(date(2025, 2, 1), date(2025, 3, 31), kelurahan=("Gedog",))
    full = data.filtered_patrols(dataset, f)
    lean = data.filtered_patrols(dataset, f, figures=True)
    assert not set(FREE_TEXT_COLUMNS) & set(lean.columns)
    pd.testing.assert_frame_equal(lean, full.drop(columns=["notes", "location"]))


def test_the_whole_rows_of_a_figures_cut_are_the_full_cut_and_a_stranger_label_is_refused(dataset):
    f = Filters(date(2025, 2, 1), date(2025, 3, 31), kelurahan=("Gedog",))
    full = data.filtered_patrols(dataset, f)
    lean = data.filtered_patrols(dataset, f, figures=True)
    picked = lean.index[::-1][:5]
    pd.testing.assert_frame_equal(data.rows_at(dataset, "patrols", picked), full.loc[picked])
    with pytest.raises(KeyError):
        data.rows_at(dataset, "patrols", pd.Index([len(dataset.patrols) + 7]))
