"""The sample generator: reproducible bytes, the real event, and the stories the pages rely on."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.cli import sample as sample_cli
from analysis.data import schema
from analysis.data.reference import load_reference
from analysis.sample import generator as sample

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return sample.generate(sample.DEFAULT_SEED)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    args = argparse.Namespace(out=out, seed=sample.DEFAULT_SEED, rows=None, end=sample.DEFAULT_END)
    assert sample_cli.run_cli(args) == 0
    return out


@pytest.mark.parametrize("kind", schema.KINDS)
def test_committed_files_are_reproduced_byte_for_byte(written: Path, kind: str) -> None:
    assert (written / f"{kind}.csv").read_bytes() == (DATA / f"{kind}.csv").read_bytes()


@pytest.mark.parametrize("kind", schema.KINDS)
def test_header_is_the_contract(written: Path, kind: str) -> None:
    header = (written / f"{kind}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == schema.columns(kind)


def test_other_seed_gives_other_data(frames: dict[str, pd.DataFrame]) -> None:
    other = sample.generate(sample.DEFAULT_SEED + 1)
    assert not other["complaints"]["received_at"].equals(frames["complaints"]["received_at"])


def test_real_event_is_present_exactly(frames: dict[str, pd.DataFrame]) -> None:
    p = frames["patrols"]
    row = p[(p["date"] == "2025-05-26") & (p["leader_name"] == "Roziek Mustofa")]
    assert len(row) == 1
    r = row.iloc[0]
    assert (r["activity"], r["kelurahan"], r["unit"], r["leader_rank"]) == (
        "Patroli Dialogis", "Gedog", "Binmas", "Aiptu"
    )  # fmt: skip
    assert r["personnel_count"] == 4
    assert schema.split_topics(r["topics"]) == ["Gangguan keamanan lingkungan", "Keresahan sosial"]
    assert r["location"] == "Kelurahan Gedog"
    for needle in ("Panit Binmas", "Call Center 110", "#LaporPakKapolres"):
        assert needle in r["notes"]
    assert date(2025, 5, 26).weekday() == 0  # Senin
    raised = frames["complaints"][frames["complaints"]["patrol_id"] == r["patrol_id"]]
    assert len(raised) >= 2
    assert set(raised["channel"]) == {"Patroli Dialogis"}
    assert set(raised["kelurahan"]) == {"Gedog"}
    assert (raised["received_at"].str[:10] == "2025-05-26").all()


def test_values_are_canonical(frames: dict[str, pd.DataFrame]) -> None:
    ref = load_reference()
    p, c, o = frames["patrols"], frames["complaints"], frames["officers"]
    assert set(p["kelurahan"]) == set(ref.kelurahan_names)
    assert set(p["activity"]) <= set(schema.ACTIVITIES)
    assert set(p["unit"]) <= set(schema.UNITS)
    assert set(p["leader_rank"]) <= set(schema.RANKS)
    topics = {t for cell in p["topics"] for t in schema.split_topics(cell)}
    assert topics <= set(ref.category_names)
    assert set(c["category"]) <= set(ref.category_names)
    assert set(c["channel"]) == set(schema.CHANNELS)
    assert set(c["status"]) == set(schema.STATUSES)
    assert p["patrol_id"].is_unique and c["complaint_id"].is_unique and o["nrp"].is_unique
    assert o["nrp"].str.fullmatch(r"\d{8}").all()
    assert set(p["leader_nrp"]) <= set(o["nrp"])
    assert set(c["handled_by_nrp"].dropna()) <= set(o["nrp"])
    assert set(c["patrol_id"].dropna()) <= set(p["patrol_id"])
    assert p["personnel_count"].between(1, 6).all()


def test_dates_and_times_are_raw_iso_text(frames: dict[str, pd.DataFrame]) -> None:
    p, c = frames["patrols"], frames["complaints"]
    assert p["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert p["start_time"].dropna().str.fullmatch(r"\d{2}:\d{2}").all()
    assert c["received_at"].str.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}").all()
    assert p["date"].max() <= "2026-11-27" and c["received_at"].max() < "2026-11-28"
    assert p["date"].min() >= "2024-11-28"
    resolved = c.dropna(subset=["resolved_at"])
    assert (resolved["resolved_at"] > resolved["received_at"]).all()
    assert set(resolved["status"]) == {"Selesai"}


def test_officers_roster(frames: dict[str, pd.DataFrame]) -> None:
    o = frames["officers"]
    assert 60 <= len(o) <= 80
    bhabin = o[o["unit"] == "Bhabinkamtibmas"]
    assert sorted(bhabin["assigned_kelurahan"]) == sorted(load_reference().kelurahan_names)
    assert (o["active"] == "tidak").sum() == 2
    assert o["rank"].isin(["Iptu", "AKP", "Kompol"]).sum() >= 3


def test_hostile_fixture_is_single_and_invalid(frames: dict[str, pd.DataFrame]) -> None:
    c = frames["complaints"]
    hostile = c[c["description"] == sample.HOSTILE_DESCRIPTION]
    assert len(hostile) == 1
    assert hostile.iloc[0]["status"] == "Tidak Valid" and hostile.iloc[0]["channel"] == "Media Sosial"
    assert c["description"].str.contains("<", regex=False).sum() == 1


def test_call_center_mostly_invalid_whatsapp_clean(frames: dict[str, pd.DataFrame]) -> None:
    c = frames["complaints"]
    invalid = (c["status"] == "Tidak Valid").groupby(c["channel"]).mean()
    assert invalid["Call Center 110"] > 0.85
    assert invalid["WhatsApp #LaporPakKapolres"] < 0.15


def test_weekly_rhythm_and_night_peak(frames: dict[str, pd.DataFrame]) -> None:
    p, c = frames["patrols"], frames["complaints"]
    dow = pd.to_datetime(p["date"]).dt.day_of_week.value_counts()
    assert dow[6] < 0.6 * dow[0]  # Sunday quiet
    jumat = pd.to_datetime(p.loc[p["activity"] == "Jumat Curhat", "date"]).dt.day_of_week
    assert (jumat == 4).all()
    hours = c["received_at"].str[11:13].astype(int)
    night = hours.isin([19, 20, 21, 22, 23, 0]).mean()
    assert night > 6 / 24 * 1.3
    malam = p[(p["activity"] == "Patroli Malam")].dropna(subset=["start_time", "end_time"])
    assert (malam["end_time"] < malam["start_time"]).mean() > 0.5  # crosses midnight


def test_under_patrolled_kelurahan_stand_out(frames: dict[str, pd.DataFrame]) -> None:
    p, c = frames["patrols"], frames["complaints"]
    valid = c[c["status"] != "Tidak Valid"]
    ratio = valid["kelurahan"].value_counts() / p["kelurahan"].value_counts()
    top = set(ratio.sort_values().index[-len(sample.UNDER_PATROLLED) :])
    assert top == set(sample.UNDER_PATROLLED)


def test_planted_rises_pass_a_poisson_test(frames: dict[str, pd.DataFrame]) -> None:
    c = frames["complaints"]
    valid = c[c["status"] != "Tidak Valid"]
    day = pd.to_datetime(valid["received_at"].str[:10])
    end = pd.Timestamp(sample.DEFAULT_END)
    last = day > end - pd.Timedelta(days=sample.RISE_DAYS)
    prev = (day > end - pd.Timedelta(days=2 * sample.RISE_DAYS)) & ~last
    for kel, cat in sample.PLANTED_RISES:
        here = (valid["kelurahan"] == kel) & (valid["category"] == cat)
        z = 2 * (np.sqrt((here & last).sum()) - np.sqrt((here & prev).sum()))
        assert z >= 3, (kel, cat, z)


def test_officer_stories(frames: dict[str, pd.DataFrame]) -> None:
    p, o = frames["patrols"], frames["officers"]
    end = pd.Timestamp(sample.DEFAULT_END)
    days = pd.to_datetime(p["date"])
    last = (end - days.groupby(p["leader_nrp"]).max()).dt.days
    bhabin = o.set_index("assigned_kelurahan")["nrp"]
    for role, key, gap in sample.STOPPED_REPORTING:
        if role == "bhabin":
            assert last[bhabin[key]] == gap
    single = p[p["kelurahan"] == sample.SINGLE_LEADER_KELURAHAN]["leader_nrp"].value_counts(normalize=True)
    assert single.iloc[0] > 0.9 and single.index[0] == bhabin[sample.SINGLE_LEADER_KELURAHAN]
    away = bhabin[sample.NEGLECTED_KELURAHAN]
    visits = days[(p["kelurahan"] == sample.NEGLECTED_KELURAHAN) & (p["leader_nrp"] == away)]
    assert (end - visits.max()).days >= sample.NEGLECT_DAYS
    assert last[away] < 14  # still active elsewhere


def test_reporting_gaps_show_the_planted_officers(written: Path) -> None:
    from analysis.data.dataset import load_dataset
    from analysis.metrics.filters import default_filters
    from analysis.metrics.officers import reporting_gaps

    ds = load_dataset(written)
    end = default_filters(ds.last_date).end
    gaps = reporting_gaps(ds.officers, ds.patrols, ds.complaints, end).set_index("name")
    alerts = gaps.index[gaps["level"] == "alert"]
    assert "Heru Prabowo" in alerts and len(alerts) <= 4
    assert gaps.loc["Heru Prabowo", "days_without"] == 9
    assert gaps.loc["Sutrisno Cahyono", "level"] == "warning"
    assert gaps.loc["Sutrisno Cahyono", "days_without"] == 5


def test_bhabinkamtibmas_report_daily_from_their_kelurahan(frames: dict[str, pd.DataFrame]) -> None:
    p, o = frames["patrols"], frames["officers"]
    bhabin = p[p["unit"] == "Bhabinkamtibmas"]
    days = pd.to_datetime(bhabin["date"])
    working = days.dt.day_of_week < 6
    n_working = (pd.date_range(p["date"].min(), p["date"].max()).day_of_week < 6).sum()
    share = days[working].groupby(bhabin.loc[working, "leader_nrp"]).nunique() / n_working
    assert len(share) == 21 and share.median() > 0.85 and share.min() > 0.75
    assert set(bhabin["activity"]) >= {"Sambang", "DDS", "Problem Solving", "Patroli Dialogis"}
    assert bhabin["personnel_count"].isin([1, 2]).mean() > 0.85
    assert bhabin["notes"].str.contains("tiga pilar", na=False).any()
    own = bhabin["leader_nrp"].map(o.set_index("nrp")["assigned_kelurahan"])
    assert (bhabin["kelurahan"] == own).mean() > 0.98  # the rest: Karangsari's officer BKO in Sukorejo


def test_coordinates_fall_inside_their_kelurahan(frames: dict[str, pd.DataFrame]) -> None:
    ref = load_reference()
    rings = {
        f["properties"]["kelurahan"]: np.asarray(f["geometry"]["coordinates"][0])
        for f in ref.geojson["features"]
    }
    p = frames["patrols"].dropna(subset=["lat"])
    assert 0.5 < len(p) / len(frames["patrols"]) < 0.7
    for kel, group in p.groupby("kelurahan"):
        inside = sample._inside(group["lon"].to_numpy(), group["lat"].to_numpy(), rings[kel])
        assert inside.all(), kel


def test_inside_ray_cast_on_a_square() -> None:
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)
    got = sample._inside(np.array([0.5, 1.5, -0.1]), np.array([0.5, 0.5, 0.5]), square)
    assert got.tolist() == [True, False, False]


def test_scale_mode_gives_exact_row_counts() -> None:
    frames = sample.generate(sample.DEFAULT_SEED, rows=2_000)
    assert len(frames["patrols"]) == 2_000 and len(frames["complaints"]) == 2_000
    assert 60 <= len(frames["officers"]) <= 80
    assert (frames["patrols"]["leader_name"] == "Roziek Mustofa").any()


def test_cli_rejects_too_few_rows(tmp_path: Path) -> None:
    args = argparse.Namespace(out=tmp_path, seed=1, rows=5, end=sample.DEFAULT_END)
    assert sample_cli.run_cli(args) == 2
    assert not list(tmp_path.iterdir())
