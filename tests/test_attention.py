"""analysis.metrics.attention: each kind of finding from its own analysis's output, the empty case, the
cap."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import pytest

from analysis.metrics import attention
from analysis.metrics.attention import (
    Finding,
    balance_findings,
    finding_text,
    priority_findings,
    reporting_gap_findings,
    rise_findings,
    select,
    unvisited_findings,
)
from analysis.metrics.filters import Filters
from analysis.metrics.trends import change_table

F = Filters(start=date(2025, 5, 1), end=date(2025, 5, 28))


def changes(rows: dict[tuple[str, str], tuple[int, int, int]]) -> pd.DataFrame:
    """A real ``trends.change_table`` from (kelurahan, category) -> (current, previous, year before)."""
    index = pd.MultiIndex.from_tuples(list(rows), names=["kelurahan", "category"])
    now, before, year = (pd.Series([v[i] for v in rows.values()], index=index) for i in range(3))
    return change_table(now, before, year)


def test_a_rise_is_what_the_change_table_flags_up_in_its_order_with_its_evidence():
    table = changes(
        {
            ("Gedog", "Balap liar"): (15, 0, 3),  # flagged against the previous period
            ("Sentul", "Curanmor"): (9, 4, 4),  # 4 -> 9: noise, not a finding
            ("Turi", "Miras"): (8, 7, 0),  # flagged only against a year earlier
            ("Kauman", "Pencurian"): (0, 12, 12),  # a significant fall is not "attention: rise"
        }
    )
    found = rise_findings(table, F)
    assert [(f.kelurahan, f.category) for f in found] == [(("Gedog",), "Balap liar"), (("Turi",), "Miras")]
    gedog, turi = found
    assert gedog.evidence["current"] == 15 and gedog.evidence["baseline"] == 0 and gedog.evidence["year"] == 0
    assert gedog.evidence["z"] == pytest.approx(np.sqrt(2) * (np.sqrt(15.375) - np.sqrt(0.375)))
    assert turi.evidence["baseline"] == 0 and turi.evidence["year"] == 1
    assert gedog.page == "pages/trends.py"
    assert gedog.params == {
        "start": "2025-05-01",
        "end": "2025-05-28",
        "kelurahan": "Gedog",
        "category": "Balap liar",
    }
    assert finding_text(gedog) == (
        "Balap liar di Gedog naik bermakna: 0 → 15 laporan dibanding periode lalu (z = 4,7)."
    )
    assert "same period a year earlier" in finding_text(turi, "en")


def priority_table(rows) -> pd.DataFrame:
    frame = pd.DataFrame(
        rows,
        columns=["kelurahan", "valid_complaints", "gn_complaints", "pressure", "patrols", "score", "reason"],
    )
    rank = pd.Series(range(1, len(frame) + 1), dtype="Int64").where(frame["pressure"] > 0)
    return frame.assign(rank=rank, days_since_patrol=pd.NA)


def test_priority_names_the_top_ranked_kelurahan_with_its_reason_and_links_its_recent_records():
    table = priority_table(
        [
            ("Sentul", 14, 8, 60, 2, 20.0, "14 laporan valid dalam 28 hari."),
            ("Gedog", 3, 0, 5, 1, 2.5, "3 laporan."),
        ]
    )
    (found,) = priority_findings(table, F)
    assert found.kind == "priority" and found.kelurahan == ("Sentul",)
    assert found.evidence == {"valid_complaints": 14, "gn_complaints": 8, "patrols": 2, "score": 20.0}
    assert found.page == "pages/records.py"
    assert found.params == {"start": "2025-05-01", "end": "2025-05-28", "kelurahan": "Sentul"}  # 28 days
    assert finding_text(found) == "Prioritas patroli teratas: Sentul. 14 laporan valid dalam 28 hari."


def test_no_priority_without_pressure():
    table = priority_table([("Sentul", 0, 0, 0, 2, 0.0, "")])
    assert priority_findings(table, F) == []


def measures(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["kelurahan", "visits", "valid_complaints"])
    patrol_share = frame["visits"] / frame["visits"].sum()
    complaint_share = frame["valid_complaints"] / frame["valid_complaints"].sum()
    return frame.assign(
        patrol_share=patrol_share,
        complaint_share=complaint_share,
        balance_pp=(patrol_share - complaint_share) * 100,
    )


def test_balance_names_the_kelurahan_lagging_most_and_counts_the_others():
    table = measures(
        [
            ("Gedog", 10, 30),  # 10 % of visits, 30 % of complaints: -20 pp
            ("Sentul", 20, 25),  # -5 pp
            ("Turi", 5, 4),  # -1.3 pp... with only 4 complaints: never a finding
            ("Kauman", 65, 41),  # ahead
        ]
    )
    (found,) = balance_findings(table, F, None)
    assert found.kelurahan == ("Gedog",) and found.page == "pages/map.py"
    assert found.evidence["balance_pp"] == pytest.approx(-20.0)
    assert found.evidence["others"] == 1
    assert finding_text(found) == (
        "Kehadiran patroli di Gedog tertinggal dari laporannya: 30 % laporan valid (30) tetapi 10 % "
        "kunjungan (10). 1 kelurahan lain juga tertinggal."
    )
    # Within a scope, only its kelurahan count.
    (scoped,) = balance_findings(table, F, ["Sentul", "Kauman"])
    assert scoped.kelurahan == ("Sentul",) and scoped.evidence["others"] == 0


def test_balance_ignores_small_counts_and_small_gaps():
    table = measures([("Gedog", 1, 4), ("Sentul", 50, 51), ("Turi", 49, 45)])
    assert balance_findings(table, F, None) == []


def test_unvisited_groups_the_alert_kelurahan_in_one_finding():
    visits = pd.DataFrame(
        {
            "kelurahan": ["Turi", "Gedog", "Sentul", "Kauman", "Bendo"],
            "kecamatan": ["x"] * 5,
            "last_visit": pd.NaT,
            "days": [np.nan, 30.0, 21.0, 15.0, 3.0],
            "level": ["alert", "alert", "alert", "alert", "ok"],
        }
    )
    (found,) = unvisited_findings(visits, F)
    assert found.kelurahan == ("Turi", "Gedog", "Sentul", "Kauman")
    assert found.evidence["count"] == 4 and found.params["kelurahan"] == "Turi,Gedog,Sentul,Kauman"
    assert finding_text(found) == (
        "4 kelurahan tidak dikunjungi lebih dari 14 hari: Turi (belum pernah), Gedog (30 hari), "
        "Sentul (21 hari) dan 1 lainnya."
    )
    assert unvisited_findings(visits.loc[visits["level"] == "ok"], F) == []


def test_reporting_gap_lists_the_officers_past_the_alert():
    gaps = pd.DataFrame(
        {
            "nrp": ["1", "2", "3"],
            "name": ["Heru Prabowo", "Siti", "Budi"],
            "rank": ["Aipda", "Bripda", "Briptu"],
            "days_without": [9.0, np.nan, 2.0],
            "level": ["alert", "alert", "warning"],
        }
    )
    (found,) = reporting_gap_findings(gaps, F)
    assert found.names == ("Aipda Heru Prabowo", "Bripda Siti") and found.page == "pages/officers.py"
    assert found.params == {"start": "2025-05-01", "end": "2025-05-28"}
    assert finding_text(found, "en") == (
        "2 officers past the 7-day reporting-gap alert: Aipda Heru Prabowo (9 days), Bripda Siti (never)."
    )
    one = reporting_gap_findings(gaps.iloc[[0]], F)[0]
    assert finding_text(one, "en").startswith("1 officer past")


def finding(kind: str, n: int) -> Finding:
    return Finding(kind=kind, page="pages/trends.py", params={}, kelurahan=(f"{kind}{n}",))


def test_at_most_five_lines_each_kind_heard_before_a_second_rise():
    candidates = {
        "rise": [finding("rise", i) for i in range(4)],
        "priority": [finding("priority", 0)],
        "balance": [finding("balance", 0)],
        "unvisited": [finding("unvisited", 0)],
        "reporting_gap": [finding("reporting_gap", 0)],
    }
    chosen = select(candidates)
    assert len(chosen) == attention.MAX_FINDINGS == 5
    assert [f.kind for f in chosen] == ["rise", "priority", "balance", "unvisited", "reporting_gap"]
    # With fewer kinds the further rises fill the lines, in their order, rises first.
    fewer = select({"rise": candidates["rise"], "balance": candidates["balance"]})
    assert [f.kelurahan[0] for f in fewer] == ["rise0", "rise1", "rise2", "rise3", "balance0"]
    many = select({"rise": [finding("rise", i) for i in range(9)]})
    assert len(many) == 5


def test_nothing_qualifies_gives_no_finding():
    assert select({kind: [] for kind in attention.KINDS}) == []
    assert select({}) == []


def test_on_the_sample_data_the_first_line_is_trens_top_rise_and_links_carry_valid_filters():
    from analysis.core import settings
    from analysis.data.dataset import load_dataset
    from analysis.metrics.filters import default_filters
    from analysis.metrics.trends import period_changes

    ds = load_dataset(settings.DATA_DIR.read())
    f = default_filters(ds.last_date)
    found = attention.attention_findings(ds, f)
    table = period_changes(
        ds.complaints, f, ds.reference.kecamatan_of(), ["kelurahan", "category"], ds.first_date
    )
    top = table.loc[table["flag"] == "up"].iloc[0]
    assert 1 <= len(found) <= 5
    assert found[0].kind == "rise" and found[0].kelurahan == (top["kelurahan"],)
    assert found[0].category == top["category"]
    for item in found:
        assert urlencode(item.params) and item.params["end"] == f.end.isoformat()
        assert finding_text(item, "en") and finding_text(item, "id")


def test_a_period_without_data_finds_no_rise_and_does_not_fail():
    from analysis.core import settings
    from analysis.data.dataset import load_dataset

    ds = load_dataset(settings.DATA_DIR.read())
    future = Filters(start=date(2027, 3, 1), end=date(2027, 3, 7))
    found = attention.attention_findings(ds, future)
    assert all(f.kind != "rise" for f in found) and len(found) <= 5
    # Days are counted to the data's last day, not into a future with no data: the same as for that day.
    at_last_day = Filters(start=ds.last_date, end=ds.last_date)
    same = {f.kind: f.evidence for f in attention.attention_findings(ds, at_last_day)}
    for f in found:
        if f.kind in ("unvisited", "reporting_gap"):
            assert f.evidence == same.get(f.kind)
