"""The first page after a restart reads what it can from beside the cache instead of every row."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.data import dataset as dataset_module
from analysis.data.dataset import CACHE_DIR_NAME, date_range_kept, load_dataset, with_kept_date_ranges
from analysis.data.plausibility import plausible_range

PATROLS = """patrol_id,date,kelurahan,activity,unit,leader_nrp,leader_name,personnel_count
P1,2025-05-26,Gedog,Patroli Dialogis,Binmas,79051234,Roziek Mustofa,4
P2,2025-05-27,Sentul,Sambang,Sabhara,80010001,Budi Santoso,2
P3,2025-05-29,Gedog,Sambang,Binmas,80010001,Budi Santoso,2
P4,2025-06-02,Gedog,Sambang,Binmas,80010001,Budi Santoso,2
P5,2025-06-03,Sentul,Sambang,Sabhara,80010001,Budi Santoso,2
P6,2052-06-03,Sentul,Sambang,Sabhara,80010001,Budi Santoso,2
"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    (tmp_path / "patrols.csv").write_text(PATROLS, encoding="utf-8")
    return tmp_path


def _computed(frame: pd.DataFrame, column: str):
    return plausible_range(frame[column].to_numpy())


def test_a_warm_start_reads_the_plausible_range_kept_beside_the_cache(data_dir, reference, monkeypatch):
    cold = with_kept_date_ranges(load_dataset(data_dir, reference))
    assert cold.date_ranges["patrols"] == _computed(cold.patrols, "date")
    assert str(cold.last_date) == "2025-06-03"  # the mistyped 2052 is left out
    assert list((data_dir / CACHE_DIR_NAME).glob("*.plausible_range.*.arrow"))

    def refuse(values):
        raise AssertionError("computed again on a warm start")

    monkeypatch.setattr(dataset_module, "plausible_range", refuse)
    warm = with_kept_date_ranges(load_dataset(data_dir, reference))
    assert warm.date_ranges == cold.date_ranges
    assert (warm.first_date, warm.last_date) == (cold.first_date, cold.last_date)


def test_the_kept_range_is_the_computed_one_and_none_for_no_date(tmp_path):
    stem = tmp_path / "frame-v3"
    dates = pd.Series(pd.to_datetime(["2025-01-01", "2025-01-02", None, "2025-01-05"]))
    assert date_range_kept(dates, stem) == plausible_range(dates.to_numpy())
    assert date_range_kept(dates, stem) == (np.datetime64("2025-01-01"), np.datetime64("2025-01-05"))
    empty = tmp_path / "empty-v3"
    nat = pd.Series(pd.to_datetime([None, None]))
    assert date_range_kept(nat, empty) is None
    assert date_range_kept(nat, empty) is None  # read back as "no date", not computed again


def test_the_dataset_without_kept_ranges_computes_the_same_dates(data_dir, reference):
    from dataclasses import replace

    bare = load_dataset(data_dir, reference)
    loaded = with_kept_date_ranges(bare)
    assert loaded.patrols is bare.patrols  # the same frames: tables remembered by identity still apply
    plain = replace(loaded, date_ranges={})
    assert (plain.first_date, plain.last_date) == (loaded.first_date, loaded.last_date)


def test_the_streamlit_flag_app_py_sets_still_exists():
    """app.py marks Streamlit's "not run with streamlit run" check as done (it walks the stack with
    inspect.stack, ≈ 0.2 s of the first page): an upgrade that renames the flag must be noticed."""
    import streamlit.delta_generator as delta_generator

    assert isinstance(delta_generator._use_warning_has_been_displayed, bool)
    source = (Path(__file__).resolve().parent.parent / "app.py").read_text(encoding="utf-8")
    assert "streamlit.delta_generator._use_warning_has_been_displayed = True" in source


def test_primed_activity_days_serve_the_whole_history_figures_frame(tmp_path):
    """Ringkasan's reporting gaps read the whole history without free text (``cube.figures_frame``), a
    frame of its own: the primed (officer, day) tables are remembered under it too, and are what its
    own build gives."""
    import shutil

    from analysis.core import settings
    from analysis.metrics import cube, officers

    for name in ("patrols.csv", "complaints.csv", "officers.csv"):
        shutil.copy(settings.DATA_DIR.read() / name, tmp_path / name)
    cube.prime(load_dataset(tmp_path))  # built and kept
    ds = load_dataset(tmp_path)
    cube.prime(ds)  # read back
    for what, kind in (
        ("activity_days:leader_nrp", "patrols"),
        ("activity_days:handled_by_nrp", "complaints"),
    ):
        whole = cube.figures_frame(getattr(ds, kind))
        primed = cube.per_frames(
            what, (whole,), lambda w=what: pytest.fail(f"{w} not primed for the figures")
        )
        key = what.split(":")[1]
        rebuilt = cube.build_activity_days(
            whole[key], whole["date"] if kind == "patrols" else cube.handled_day(whole)
        )
        pd.testing.assert_frame_equal(primed, rebuilt, check_exact=True)
    # and the gaps over the figures frames are the gaps over copies (every table built from the rows)
    got = officers.reporting_gaps(
        ds.officers, cube.figures_frame(ds.patrols), cube.figures_frame(ds.complaints), ds.last_date
    )
    fresh = officers.reporting_gaps(ds.officers, ds.patrols.copy(), ds.complaints.copy(), ds.last_date)
    pd.testing.assert_frame_equal(got, fresh, check_exact=True)


def test_the_kept_range_follows_the_plausibility_rules(monkeypatch):
    from analysis.data import plausibility

    before = dataset_module._plausibility_fingerprint()
    assert before == dataset_module._plausibility_fingerprint()
    monkeypatch.setattr(plausibility, "GAP_DAYS", plausibility.GAP_DAYS + 1)
    assert dataset_module._plausibility_fingerprint() != before
