"""The period cut of analysis.metrics.filters (binary search on a date-ordered column, one integer compare
otherwise, one take) keeps exactly the rows of the plain boolean masks, for random filters."""

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.metrics import filters as flt
from analysis.metrics.filters import Filters, figures_only, filter_complaints, filter_patrols
from tests.test_cube import random_filters


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(settings.DATA_DIR.read())


def masked_patrols(patrols, f, kecamatan_of):
    """The rule written as plain pandas masks over every row (the reference the fast cut must equal)."""
    mask = flt._in_period(patrols["date"], f)
    kelurahan = flt.selected_kelurahan(f, kecamatan_of)
    if kelurahan is not None:
        mask &= patrols["kelurahan"].isin(kelurahan)
    if f.units:
        mask &= patrols["unit"].isin(f.units)
    if f.categories:
        mask &= flt._topic_mask(patrols["topics"], f.categories)
    return patrols.loc[mask]


def masked_complaints(complaints, f, kecamatan_of):
    mask = flt._in_period(complaints["received_at"], f)
    kelurahan = flt.selected_kelurahan(f, kecamatan_of)
    if kelurahan is not None:
        mask &= complaints["kelurahan"].isin(kelurahan)
    if f.categories:
        mask &= complaints["category"].isin(f.categories)
    if f.channels:
        mask &= complaints["channel"].isin(f.channels)
    return complaints.loc[mask]


def shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    return frame.sample(frac=1.0, random_state=seed)


@pytest.mark.parametrize("seed", range(4))
def test_cuts_equal_the_plain_masks_in_date_order_and_shuffled(dataset, seed):
    rng = np.random.default_rng(seed)
    kecamatan_of = dataset.reference.kecamatan_of()
    units = dataset.patrols["unit"].dropna().astype(str).unique()
    patrols = figures_only(dataset.patrols)
    complaints = figures_only(dataset.complaints)
    assert flt._in_date_order(flt._stamps(patrols["date"]))  # the sample files are in date order
    mixed_patrols, mixed_complaints = shuffled(patrols, seed), shuffled(complaints, seed)
    assert not flt._in_date_order(flt._stamps(mixed_patrols["date"]))
    for _ in range(12):
        f = random_filters(dataset, rng)
        if rng.random() < 0.4:
            f = replace(f, units=tuple(rng.choice(units, size=2, replace=False)))
        for p in (patrols, mixed_patrols):
            pd.testing.assert_frame_equal(
                filter_patrols(p, f, kecamatan_of), masked_patrols(p, f, kecamatan_of)
            )
        for c in (complaints, mixed_complaints):
            pd.testing.assert_frame_equal(
                filter_complaints(c, f, kecamatan_of), masked_complaints(c, f, kecamatan_of)
            )


def test_a_period_cut_alone_is_the_block_of_rows_between_its_days(dataset):
    f = Filters(dataset.last_date - timedelta(days=29), dataset.last_date)
    got = filter_patrols(dataset.patrols, f, {})
    expected = masked_patrols(dataset.patrols, f, {})
    pd.testing.assert_frame_equal(got, expected)
    assert got.index.is_monotonic_increasing and len(got) > 0


def test_missing_dates_ends_of_days_seconds_and_other_dtypes():
    frame = pd.DataFrame(
        {
            "received_at": pd.to_datetime(
                [
                    None,
                    "2025-05-25 23:59:59",
                    "2025-05-26 00:00:00",
                    "2025-05-26 23:59:59",
                    "2025-05-27 00:00:00",
                ]
            ).astype("datetime64[s]"),
            "kelurahan": pd.Categorical(["Gedog"] * 5),
        }
    )
    f = Filters(date(2025, 5, 26), date(2025, 5, 26))
    assert filter_complaints(frame, f, {}).index.tolist() == [2, 3]  # NaT first, still in date order
    reversed_frame = frame.iloc[::-1]
    assert filter_complaints(reversed_frame, f, {}).index.tolist() == [3, 2]
    as_objects = frame.assign(received_at=frame["received_at"].astype(object))  # not datetime64: pandas' path
    assert filter_complaints(as_objects, f, {}).index.tolist() == [2, 3]


def test_date_order_is_looked_at_once_per_column(monkeypatch):
    stamps = np.arange(10, dtype=np.int64)
    assert flt._in_date_order(stamps)
    calls = []
    monkeypatch.setattr(flt, "_MAX_SORTED", 32)
    original = np.ndarray.all

    class Counting(np.ndarray):
        def all(self, *args, **kwargs):
            calls.append(1)
            return original(self, *args, **kwargs)

    counted = np.arange(100, dtype=np.int64).view(Counting)
    assert flt._in_date_order(counted) and flt._in_date_order(counted)
    assert flt._in_date_order(counted[10:])  # another view of the same column: its own entry
    assert len(calls) == 2
    assert not flt._in_date_order(np.array([3, 1, 2], dtype=np.int64))
