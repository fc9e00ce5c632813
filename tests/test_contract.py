"""The clean-frame contract: one declaration, the frames built from it, and what breaks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.data import contract, schema
from analysis.data.contract import ContractError, empty_frame, validate_frame
from analysis.data.dataset import CACHE_DIR_NAME, load_dataset
from tests import frames

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("kind", schema.KINDS)
def test_the_file_columns_are_the_schema_columns_in_file_order(kind):
    assert contract.file_columns(kind) == schema.columns(kind)
    assert contract.clean_columns(kind) == schema.columns(kind) + contract.derived_columns(kind)


@pytest.mark.parametrize("kind", schema.KINDS)
def test_a_required_file_column_is_never_empty_in_the_clean_frame(kind):
    for column in schema.required_columns(kind):
        assert not contract.field(kind, column).nullable, column


def test_personal_data_is_declared_in_the_contract():
    assert contract.personal_columns("complaints") == ["reporter_name", "reporter_phone"]
    assert contract.personal_columns("patrols") == contract.personal_columns("officers") == []


@pytest.mark.parametrize("kind", schema.KINDS)
def test_the_empty_frame_keeps_the_contract(kind, reference):
    empty = empty_frame(kind, reference)
    assert len(empty) == 0 and list(empty.columns) == contract.clean_columns(kind)
    assert validate_frame(empty, kind, reference) is empty


def test_categories_come_from_the_reference_and_ranks_are_ordered(reference):
    empty = empty_frame("patrols", reference)
    assert list(empty["kelurahan"].cat.categories) == reference.kelurahan_names
    assert empty["leader_rank"].cat.ordered and list(empty["leader_rank"].cat.categories) == list(
        schema.RANKS
    )
    assert list(empty_frame("complaints")["category"].cat.categories) == reference.category_names


@pytest.mark.parametrize("kind", schema.KINDS)
def test_the_fixture_builder_gives_contract_frames(kind, reference):
    built = frames.frame(kind, n=3)
    assert len(built) == 3
    validate_frame(built, kind, reference)
    assert built[schema.ID_COLUMN[kind]].is_unique


def test_the_fixture_builder_derives_as_the_loader_does():
    p = frames.patrols(kelurahan=["Gedog", "Sentul"], start_time=["21:00", None], end_time=["02:00", "10:00"])
    assert p["kecamatan"].tolist() == ["Sananwetan", "Kepanjenkidul"]
    assert p["duration_hours"].iloc[0] == 5 and np.isnan(p["duration_hours"].iloc[1])
    c = frames.complaints(
        [
            {"status": "Tidak Valid"},
            {"status": "Selesai", "received_at": "2025-05-26 09:00", "resolved_at": "2025-05-28 09:00"},
        ]
    )
    assert c["is_valid"].tolist() == [False, True]
    assert np.isnan(c["resolution_days"].iloc[0]) and c["resolution_days"].iloc[1] == 2


def test_the_fixture_builder_refuses_what_the_contract_refuses():
    with pytest.raises(ValueError, match="not a canonical value"):
        frames.patrols(kelurahan="Atlantis")
    with pytest.raises(KeyError, match="no column"):
        frames.complaints(colour="red")
    with pytest.raises(ContractError, match="personnel_count"):
        frames.patrols(personnel_count=0)


def test_the_bundled_sample_keeps_the_contract(tmp_path, reference):
    for name in ("patrols.csv", "complaints.csv", "officers.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    ds = load_dataset(tmp_path, reference)  # validates every frame, cold
    for kind in schema.KINDS:
        frame = getattr(ds, kind)
        assert len(frame) > 0
        assert validate_frame(frame, kind, reference) is frame
    warm = load_dataset(tmp_path, reference)  # and the Parquet cache gives contract frames back
    for kind in schema.KINDS:
        validate_frame(getattr(warm, kind), kind, reference)


def _breaks(frame: pd.DataFrame, kind: str, column: str | None, reason: str, reference) -> None:
    with pytest.raises(ContractError, match=reason) as caught:
        validate_frame(frame, kind, reference)
    assert caught.value.column == column and caught.value.kind == kind


def test_what_breaks_the_contract_is_named_by_column_and_reason(reference):
    p = frames.patrols(n=2)
    _breaks(p.assign(kelurahan=p["kelurahan"].astype(str)), "patrols", "kelurahan", "category", reference)
    _breaks(p.assign(leader_name=["A", None]), "patrols", "leader_name", "null", reference)
    _breaks(p.assign(location=[" Pos ronda", None]), "patrols", "location", "stripped", reference)
    _breaks(p.assign(notes=["", None]), "patrols", "notes", "never empty", reference)
    _breaks(p.assign(start_time=["9:00", None]), "patrols", "start_time", "HH:MM", reference)
    _breaks(p.assign(date=p["date"] + pd.Timedelta(hours=9)), "patrols", "date", "midnight", reference)
    _breaks(p.assign(patrol_id=["P-1", "P-1"]), "patrols", "patrol_id", "unique|duplicate", reference)
    _breaks(
        p.assign(leader_nrp=p["leader_nrp"].astype(object)), "patrols", "leader_nrp", "dtype|str", reference
    )
    _breaks(p.drop(columns="notes"), "patrols", "notes", "notes", reference)
    _breaks(p.assign(extra=1), "patrols", "extra", "extra", reference)
    shuffled = p.assign(kelurahan=p["kelurahan"].cat.reorder_categories(reference.kelurahan_names[::-1]))
    _breaks(shuffled, "patrols", "kelurahan", "kelurahan in order", reference)
    c = frames.complaints(n=1)
    _breaks(c.assign(is_valid=c["is_valid"].astype(object)), "complaints", "is_valid", "bool", reference)
    _breaks(c.assign(resolution_days=-1.0), "complaints", "resolution_days", "≥ 0", reference)


def test_a_cached_frame_that_breaks_the_contract_is_read_again(tmp_path, reference):
    shutil.copy(DATA / "officers.csv", tmp_path / "officers.csv")
    cold = load_dataset(tmp_path, reference)
    [cached] = (tmp_path / CACHE_DIR_NAME).glob("officers-*.parquet")
    cold.officers.assign(rank=cold.officers["rank"].astype(str)).to_parquet(cached, index=False)
    warm = load_dataset(tmp_path, reference)
    pd.testing.assert_frame_equal(warm.officers, cold.officers)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("Pos ronda", True),
        (" Pos", False),
        ("Pos\t", False),
        ("", False),
        ("é", True),
        ("Pos\u00a0", False),
        ("\u3000Pos", False),
        ("a b", True),
    ],
)
def test_stripped_text_looks_at_both_ends_including_non_ascii_spaces(value, ok):
    series = pd.Series(["x", value, None], dtype="str")
    assert contract._stripped_text(series).tolist() == [True, ok, True]
    assert contract._stripped_text(series.iloc[1:]).tolist() == [ok, True]  # a slice of the Arrow buffer


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        *[("00:00", True), ("09:05", True), ("19:59", True), ("23:59", True)],
        *[("24:00", False), ("12:60", False), ("9:05", False), ("09.05", False), ("0a:00", False)],
        *[("09:05 ", False), ("1", False)],
    ],
)
def test_clock_is_hh_mm_of_one_day(value, ok):
    series = pd.Series([value, None], dtype="str")
    assert contract._clock(series).tolist() == [ok, True]
    assert contract._clock(pd.Series(["12:00", value], dtype="str").iloc[1:]).tolist() == [ok]


def test_schema_depth_checks_columns_and_exact_dtypes_but_no_values():
    clean = frames.patrols([{}])
    broken_value = clean.assign(personnel_count=clean["personnel_count"] * 0)  # a rule on values
    assert validate_frame(broken_value, "patrols", depth="schema") is broken_value
    with pytest.raises(ContractError):
        validate_frame(broken_value, "patrols")
    wrong_dtype = clean.assign(leader_nrp=clean["leader_nrp"].astype(object))
    with pytest.raises(ContractError) as caught:
        validate_frame(wrong_dtype, "patrols", depth="schema")
    assert caught.value.column == "leader_nrp"
    with pytest.raises(ContractError):
        validate_frame(clean.drop(columns=["notes"]), "patrols", depth="schema")
