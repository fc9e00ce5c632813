"""The Personel page's tables computed once and handed on (directory, records, leader visits), the roster's
directory and the reporting gaps remembered: the same tables as each function computing its own."""

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from analysis.core import settings
from analysis.data.contract import personal_columns
from analysis.data.dataset import load_dataset
from analysis.metrics import cube
from analysis.metrics import officers as off
from analysis.metrics.filters import FREE_TEXT_COLUMNS, figures_only, filter_complaints, filter_patrols
from tests.test_cube import random_filters


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(settings.DATA_DIR.read())


def pivot_daily(records: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """The day counts as a pivot of the records (what ``daily_activity`` computed before)."""
    days = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D", name="date")
    in_period = records.loc[records["date"].isin(days)]
    counts = (
        in_period.assign(one=1)
        .pivot_table(index="date", columns="kind", values="one", aggfunc="sum", fill_value=0)
        .reindex(index=days, columns=["patrol", "complaint"], fill_value=0)
        .fillna(0)
        .astype("int64")
    )
    return pd.DataFrame(
        {"date": days, "patrols": counts["patrol"].to_numpy(), "complaints": counts["complaint"].to_numpy()}
    ).assign(total=lambda d: d["patrols"] + d["complaints"])


@pytest.mark.parametrize("seed", range(3))
def test_tables_handed_on_equal_those_computed_inside(dataset, seed):
    rng = np.random.default_rng(seed)
    kecamatan_of = dataset.reference.kecamatan_of()
    for _ in range(5):
        f = random_filters(dataset, rng)
        patrols = filter_patrols(figures_only(dataset.patrols), f, kecamatan_of)
        complaints = filter_complaints(figures_only(dataset.complaints), f, kecamatan_of)
        directory = off.officer_directory(dataset.officers, patrols, complaints)
        records = off.activity_records(patrols, complaints, directory)
        pd.testing.assert_frame_equal(
            off.officer_totals(patrols, complaints, dataset.officers, f.units, directory=directory),
            off.officer_totals(patrols, complaints, dataset.officers, f.units),
        )
        pd.testing.assert_frame_equal(
            off.unit_totals(patrols, complaints, dataset.officers, directory=directory, records=records),
            off.unit_totals(patrols, complaints, dataset.officers),
        )
        visits = off.leader_kelurahan_visits(patrols)
        scope = list(f.kelurahan) or None
        pd.testing.assert_frame_equal(
            off.assigned_kelurahan_visits(patrols, dataset.officers, scope, f.end, visits=visits),
            off.assigned_kelurahan_visits(patrols, dataset.officers, scope, f.end),
        )
        pd.testing.assert_frame_equal(
            off.single_leader_kelurahan(patrols, visits=visits), off.single_leader_kelurahan(patrols)
        )
        pd.testing.assert_frame_equal(
            off.daily_activity(records, f.start, f.end), pivot_daily(records, f.start, f.end)
        )


def test_daily_activity_counts_only_records_at_midnight_of_a_day_in_the_period():
    records = pd.DataFrame(
        {
            "nrp": ["1", "1", "2", "2", "3"],
            "unit": ["Binmas"] * 5,
            "date": pd.to_datetime(
                ["2025-05-26", "2025-05-26 10:00", None, "2025-05-31", "2025-05-27"], format="ISO8601"
            ),
            "kind": ["patrol", "patrol", "complaint", "complaint", "other"],
        }
    )
    for start, end in [(date(2025, 5, 26), date(2025, 5, 31)), (date(2025, 5, 27), date(2025, 5, 30))]:
        pd.testing.assert_frame_equal(
            off.daily_activity(records, start, end), pivot_daily(records, start, end)
        )


def test_roster_directory_and_reporting_gaps_are_remembered_and_the_same(dataset):
    assert off.roster_directory(dataset.officers) is off.roster_directory(dataset.officers)
    pd.testing.assert_frame_equal(
        off.roster_directory(dataset.officers), off.officer_directory(dataset.officers)
    )
    patrols, complaints = cube.figures_frame(dataset.patrols), cube.figures_frame(dataset.complaints)
    for end in (dataset.last_date, dataset.last_date - timedelta(days=40)):
        shared = off.shared_reporting_gaps(dataset.officers, patrols, complaints, end, ("Binmas",))
        assert off.shared_reporting_gaps(dataset.officers, patrols, complaints, end, ("Binmas",)) is shared
        expected = off.reporting_gaps(dataset.officers, dataset.patrols, dataset.complaints, end, ("Binmas",))
        pd.testing.assert_frame_equal(shared, expected)


def test_the_whole_history_for_figures_holds_nothing_to_mask_and_is_one_object(dataset):
    for kind in ("patrols", "complaints"):
        whole = cube.figures_frame(getattr(dataset, kind))
        assert whole is cube.figures_frame(getattr(dataset, kind))
        assert len(whole) == len(getattr(dataset, kind))
        assert not set(whole.columns) & (set(personal_columns(kind)) | set(FREE_TEXT_COLUMNS))


def test_a_key_column_is_factorised_once_per_array_and_its_codes_cannot_be_changed():
    column = pd.Series(pd.array(["b", "a", None, "b"], dtype="string"))
    codes, uniques = off._factorize(column)
    assert off._factorize(column)[0] is codes  # the same array: remembered
    expected_codes, expected_uniques = pd.factorize(column)
    np.testing.assert_array_equal(codes, expected_codes)
    assert list(uniques) == list(expected_uniques)
    with pytest.raises(ValueError):
        codes[0] = 5
    other = pd.Series(pd.array(["b", "a", None, "b"], dtype="string"))
    assert off._factorize(other)[0] is not codes  # another array: its own
