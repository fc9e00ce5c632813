"""Pre-aggregated complaint counts (analysis.metrics.cube) give the raw rows' numbers, for every filter."""

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.metrics import cube, trends
from analysis.metrics.filters import Filters, filter_complaints


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(settings.DATA_DIR.read())


def raw_counts(complaints, filters, kecamatan_of, keys, include_invalid):
    rows = trends.counted_complaints(filter_complaints(complaints, filters, kecamatan_of), include_invalid)
    return trends.counts_by(rows, keys)


def random_filters(dataset, rng: np.random.Generator) -> Filters:
    """A filter as a user could set it: any period inside (or around) the data, some of each list."""
    first, last = dataset.first_date, dataset.last_date
    span = (last - first).days
    start = first + timedelta(days=int(rng.integers(-30, span)))
    end = start + timedelta(days=int(rng.integers(0, 400)))
    ref = dataset.reference

    def some(values, p=0.5):
        values = list(values)
        if rng.random() > p:
            return ()
        return tuple(rng.choice(values, size=int(rng.integers(1, min(4, len(values)) + 1)), replace=False))

    return Filters(
        start=start,
        end=end,
        kecamatan=some(sorted(set(ref.kecamatan_of().values())), 0.2),
        kelurahan=some(ref.kelurahan_names, 0.4),
        categories=some(ref.categories["category"], 0.4),
        channels=some(dataset.complaints["channel"].dropna().astype(str).unique(), 0.3),
    )


KEYS = [["category"], ["kelurahan", "category"], ["kelurahan"], ["channel"], ["kelurahan", "channel"]]


def test_the_cube_counts_add_up_to_the_rows(dataset):
    built = cube.build_complaint_cube(dataset.complaints)
    assert built["count"].sum() == len(dataset.complaints)
    assert len(built) < len(dataset.complaints)  # it is smaller: that is its point
    assert (built["count"] >= 1).all()


@pytest.mark.parametrize("seed", range(8))
def test_cube_counts_equal_the_raw_rows_for_random_filters(dataset, seed):
    rng = np.random.default_rng(seed)
    kecamatan_of = dataset.reference.kecamatan_of()
    built = cube.complaint_cube(dataset.complaints)
    for _ in range(12):
        f = random_filters(dataset, rng)
        for keys in KEYS:
            for include_invalid in (False, True):
                expected = raw_counts(dataset.complaints, f, kecamatan_of, keys, include_invalid)
                got = cube.cube_counts(built, f, kecamatan_of, keys, include_invalid)
                pd.testing.assert_series_equal(got, expected, check_index_type=True)


def test_period_changes_are_the_same_with_and_without_the_cube(dataset, monkeypatch):
    kecamatan_of = dataset.reference.kecamatan_of()
    f = Filters(dataset.last_date - timedelta(days=89), dataset.last_date)
    cases = [f, replace(f, kelurahan=("Gedog", "Sentul")), replace(f, categories=("Miras",), channels=())]
    with_cube = [
        trends.period_changes(dataset.complaints, c, kecamatan_of, keys, dataset.first_date)
        for c in cases
        for keys in (["category"], ["kelurahan", "category"])
    ]
    monkeypatch.setattr(trends, "complaint_cube", lambda complaints: None)
    without = [
        trends.period_changes(dataset.complaints, c, kecamatan_of, keys, dataset.first_date)
        for c in cases
        for keys in (["category"], ["kelurahan", "category"])
    ]
    for a, b in zip(with_cube, without, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_a_filter_outside_the_data_counts_nothing(dataset):
    f = Filters(date(1990, 1, 1), date(1990, 12, 31))
    got = cube.cube_counts(cube.complaint_cube(dataset.complaints), f, {}, ["category"])
    expected = raw_counts(dataset.complaints, f, {}, ["category"], False)
    assert got.empty
    pd.testing.assert_series_equal(got, expected)


def test_the_cube_is_built_once_per_frame_and_refuses_unknown_keys(dataset):
    first = cube.complaint_cube(dataset.complaints)
    assert cube.complaint_cube(dataset.complaints) is first
    assert cube.complaint_cube(dataset.complaints.copy()) is not first
    assert cube.complaint_cube(dataset.complaints[["received_at"]]) is None
    with pytest.raises(ValueError, match="status"):
        cube.cube_counts(first, Filters(date(2025, 1, 1), date(2025, 1, 2)), {}, ["status"])


@pytest.mark.parametrize("seed", range(4))
def test_last_visits_from_patrol_days_equal_those_from_the_rows(dataset, seed):
    from analysis.metrics import overview
    from analysis.metrics.filters import filter_patrols

    rng = np.random.default_rng(seed)
    kecamatan_of = dataset.reference.kecamatan_of()
    days = cube.patrol_days(dataset.patrols)
    assert len(days) < len(dataset.patrols)
    units = dataset.patrols["unit"].dropna().astype(str).unique()
    for _ in range(10):
        f = replace(random_filters(dataset, rng), categories=())
        if rng.random() < 0.5:
            f = replace(f, units=tuple(rng.choice(units, size=2, replace=False)))
        as_of = f.end
        expected = overview.days_since_last_visit(
            filter_patrols(dataset.patrols, f, kecamatan_of), dataset.reference.kelurahan, as_of
        )
        got = overview.days_since_last_visit(
            filter_patrols(days, f, kecamatan_of), dataset.reference.kelurahan, as_of
        )
        pd.testing.assert_frame_equal(got, expected)


def test_reporting_gaps_from_activity_days_equal_those_from_the_rows(dataset, monkeypatch):
    from analysis.metrics import officers

    ends = [dataset.last_date, dataset.last_date - timedelta(days=40), dataset.first_date + timedelta(days=3)]
    fast = [officers.reporting_gaps(dataset.officers, dataset.patrols, dataset.complaints, d) for d in ends]

    def from_rows(source, key, days):  # the pairs recomputed from every row, never de-duplicated
        return pd.DataFrame(
            {"key": source[key].reset_index(drop=True), "date": days().reset_index(drop=True)}
        )

    monkeypatch.setattr(officers, "activity_days", from_rows)
    slow = [officers.reporting_gaps(dataset.officers, dataset.patrols, dataset.complaints, d) for d in ends]
    for a, b in zip(fast, slow, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_citywide_measures_are_the_maps_table_and_shared_across_kelurahan_filters(dataset, monkeypatch):
    from analysis.metrics import maps
    from analysis.metrics.filters import filter_patrols

    kecamatan_of = dataset.reference.kecamatan_of()
    f = Filters(dataset.last_date - timedelta(days=89), dataset.last_date, kelurahan=("Gedog",))
    citywide = replace(f, kelurahan=())
    expected = maps.kelurahan_measures(
        filter_patrols(dataset.patrols, citywide, kecamatan_of),
        filter_complaints(dataset.complaints, citywide, kecamatan_of),
        dataset.reference,
        as_of=f.end,
    )
    got = maps.citywide_measures(dataset, f, f.end)
    pd.testing.assert_frame_equal(got, expected)
    assert maps.citywide_measures(dataset, replace(f, kelurahan=("Sentul", "Bendo")), f.end) is got
    other = maps.citywide_measures(dataset, replace(f, start=f.start - timedelta(days=7)), f.end)
    assert other is not got  # another period is another table


def test_remembered_results_are_bounded(dataset, monkeypatch):
    monkeypatch.setattr(cube, "MAX_RESULTS", 3)
    for n in range(6):
        cube.per_frames_and_arguments("test", (dataset.patrols,), (n,), lambda n=n: n)
    kept = [key[-1] for key in cube._results if key[0] == "test"]
    assert kept == [(3,), (4,), (5,)]  # the oldest went first
    assert len(cube._results) <= 3


def test_priority_reasons_are_the_same_from_distinct_categories_as_from_every_row(dataset):
    """``patrol_priority`` names each kelurahan's two heaviest categories from the (kelurahan, category)
    pairs de-duplicated in weight order: the same names as walking every row of the group."""
    from analysis.metrics.priority import complaint_weights

    categories = dataset.reference.categories
    valid = dataset.complaints.loc[dataset.complaints["is_valid"].astype(bool)]
    valid = pd.concat([valid, valid.head(30).assign(category=np.nan)])  # uncategorised rows as well
    weighted = valid.assign(weight=complaint_weights(valid, categories), kel=valid["kelurahan"].astype("str"))
    ordered = weighted.sort_values(["weight", "category"], ascending=[False, True], kind="stable")

    def first_two(s):
        return list(dict.fromkeys(s.astype("str")))[:2]

    every_row = ordered.groupby("kel")["category"].agg(first_two)
    distinct = ordered.drop_duplicates(["kel", "category"]).groupby("kel")["category"].agg(first_two)
    pd.testing.assert_series_equal(distinct, every_row)


@pytest.fixture
def cached_copy(tmp_path):
    """The sample data copied to a folder of its own, so its cache and kept tables are this test's."""
    import shutil

    for name in ("patrols.csv", "complaints.csv", "officers.csv"):
        shutil.copy(settings.DATA_DIR.read() / name, tmp_path / name)
    load_dataset(tmp_path)  # writes the cache
    return tmp_path


def _primed(what: str, frame: pd.DataFrame) -> pd.DataFrame:
    return cube.per_frames(what, (frame,), lambda: pytest.fail(f"{what} was not primed"))


def test_primed_tables_are_what_each_function_builds_from_the_rows(cached_copy):
    from analysis.metrics import officers

    cube.prime(load_dataset(cached_copy))  # built and kept beside the cache
    ds = load_dataset(cached_copy)
    cube.prime(ds)  # read back
    # the same frames under new identities: every function builds its own table, by its own code
    patrols, complaints = ds.patrols.copy(), ds.complaints.copy()
    officers.reporting_gaps(ds.officers, patrols, complaints, ds.last_date)
    built = {
        "complaint_cube": cube.complaint_cube(complaints),
        "patrol_days": cube.patrol_days(patrols),
        "activity_days:leader_nrp": _primed("activity_days:leader_nrp", patrols),
        "activity_days:handled_by_nrp": _primed("activity_days:handled_by_nrp", complaints),
    }
    assert set(built) == set(cube.PRIMED)
    for what, table in built.items():
        frame = patrols if cube.PRIMED[what][0] == "patrols" else complaints
        source = ds.patrols if frame is patrols else ds.complaints
        pd.testing.assert_frame_equal(_primed(what, source), table, check_exact=True)
    assert len(built["complaint_cube"]) and len(built["activity_days:handled_by_nrp"])


def test_kept_tables_are_read_back_not_built(cached_copy, monkeypatch):
    monkeypatch.setattr(cube, "tables_fingerprint", lambda: "fixed")
    cube.prime(load_dataset(cached_copy))
    kept = sorted(p.name.split(".")[1] for p in (cached_copy / ".cache").glob("*.fixed.arrow"))
    assert kept == sorted(what.replace(":", "-") for what in cube.PRIMED)

    def refuse(frame):
        raise AssertionError("built again")

    monkeypatch.setattr(cube, "PRIMED", {what: (kind, refuse) for what, (kind, _) in cube.PRIMED.items()})
    ds = load_dataset(cached_copy)
    cube.prime(ds)
    assert len(_primed("complaint_cube", ds.complaints))
    monkeypatch.setattr(cube, "tables_fingerprint", lambda: "other code")
    with pytest.raises(AssertionError, match="built again"):  # kept by other code: not read
        cube.prime(load_dataset(cached_copy))


def test_the_fingerprint_follows_the_builders_code(monkeypatch):
    before = cube.tables_fingerprint()
    assert before == cube.tables_fingerprint()
    changed = dict(cube.PRIMED, patrol_days=("patrols", lambda p: p[["date"]].drop_duplicates()))
    monkeypatch.setattr(cube, "PRIMED", changed)
    assert cube.tables_fingerprint() != before


def test_a_frame_without_a_cache_is_left_to_its_functions(tmp_path):
    import shutil

    shutil.copy(settings.DATA_DIR.read() / "patrols.csv", tmp_path / "patrols.csv")
    ds = load_dataset(tmp_path)
    assert "complaints" not in ds.cache_stems
    cube.prime(ds)
    assert len(_primed("patrol_days", ds.patrols))
    assert cube.complaint_cube(ds.complaints) is not None  # built on first use, as before


@pytest.mark.parametrize("seed", range(4))
def test_period_counts_read_only_the_periods_days_and_give_the_cubes_counts(dataset, seed):
    rng = np.random.default_rng(100 + seed)
    kecamatan_of = dataset.reference.kecamatan_of()
    built = cube.complaint_cube(dataset.complaints)
    by_day = cube.complaint_cube_by_day(dataset.complaints)
    assert by_day["day"].is_monotonic_increasing
    # Complaints out of time order (and one without a time) give a sorted copy with the same counts.
    shuffled = dataset.complaints.sample(frac=1.0, random_state=seed)
    shuffled = pd.concat([shuffled, shuffled.head(1).assign(received_at=pd.NaT)])
    unsorted = cube.complaint_cube_by_day(shuffled)
    assert unsorted["day"].is_monotonic_increasing and unsorted["day"].notna().all()
    assert unsorted["count"].sum() == len(dataset.complaints)
    for _ in range(10):
        f = random_filters(dataset, rng)
        for keys in KEYS:
            for include_invalid in (False, True):
                expected = cube.cube_counts(built, f, kecamatan_of, keys, include_invalid)
                for table in (by_day, unsorted):
                    got = cube.period_counts(table, f, kecamatan_of, keys, include_invalid)
                    pd.testing.assert_series_equal(got, expected, check_index_type=True)


def test_the_day_ordered_cube_is_the_cube_itself_when_complaints_come_in_time_order(dataset):
    ordered = dataset.complaints.sort_values("received_at", kind="stable")
    assert cube.complaint_cube_by_day(ordered) is cube.complaint_cube(ordered)
    assert cube.complaint_cube_by_day(ordered[["received_at"]]) is None
