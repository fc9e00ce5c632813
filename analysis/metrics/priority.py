"""Which kelurahan need patrols next week: recent complaint pressure against the patrol presence received.

Pressure is the sum, over the valid complaints of the recent window, of a weight per complaint:
``stage weight × urgency``, with stage weights PG 1, AG 2, GN 3 (a Gangguan Nyata outweighs an Ambang
Gangguan, which outweighs a Potensi Gangguan) and urgency 1–3 from ``reference.categories``. Presence is
the number of patrol visits in the same window. The score is ``pressure / (1 + visits)``: a kelurahan with
much pressure and no visits comes first; each visit halves, thirds … its claim. Only kelurahan with some
pressure are ranked; the reason is said in words so the Kapolsek can argue with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from analysis.i18n import Lang, fmt_date, fmt_int, t

STAGE_WEIGHT: dict[str, int] = {"PG": 1, "AG": 2, "GN": 3}
RECENT_DAYS = 28

PRIORITY_COLUMNS = (
    "rank",
    "kelurahan",
    "valid_complaints",
    "gn_complaints",
    "pressure",
    "patrols",
    "days_since_patrol",
    "score",
    "reason",
)


def complaint_weights(complaints: pd.DataFrame, categories: pd.DataFrame) -> pd.Series:
    """``stage weight × urgency`` per complaint; a category missing from the reference weighs 1.

    >>> cats = pd.DataFrame({"category": ["Curanmor", "Keresahan sosial"], "stage": ["GN", "PG"],
    ...                      "urgency": [3, 1]})
    >>> complaint_weights(pd.DataFrame({"category": ["Curanmor", "Keresahan sosial", "?"]}), cats).tolist()
    [9, 1, 1]
    """
    weight = dict(
        zip(
            categories["category"],
            categories["stage"].map(STAGE_WEIGHT).fillna(1).astype(int) * categories["urgency"].astype(int),
            strict=True,
        )
    )
    return complaints["category"].astype("str").map(weight).fillna(1).astype(int).rename("weight")


def patrol_priority(
    complaints: pd.DataFrame,
    patrols: pd.DataFrame,
    categories: pd.DataFrame,
    kelurahan: Sequence[str],
    end: date,
    lang: Lang = "id",
    days: int = RECENT_DAYS,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per kelurahan in ``kelurahan``, ranked by ``score`` (rank NA where there is no pressure).

    ``complaints`` and ``patrols`` are the frames of the recent window (``days`` days ending ``end``),
    already restricted to the scope; invalid complaints are ignored here.
    """
    valid = complaints.loc[complaints["is_valid"]]
    weighted = valid.assign(
        weight=complaint_weights(valid, categories),
        is_gn=valid["category"]
        .astype("str")
        .map(dict(zip(categories["category"], categories["stage"], strict=True)))
        .eq("GN"),
        kel=valid["kelurahan"].astype("str"),
    )
    by_kel = weighted.groupby("kel").agg(
        valid_complaints=("weight", "size"), gn_complaints=("is_gn", "sum"), pressure=("weight", "sum")
    )
    heaviest = (
        weighted.sort_values(["weight", "category"], ascending=[False, True], kind="stable")
        .drop_duplicates(["kel", "category"])  # each kelurahan's categories in first-seen order, once each
        .groupby("kel")["category"]
        .agg(lambda s: [(labels or {}).get(c, c) for c in dict.fromkeys(s.astype("str"))][:2])
    )
    visits = (
        patrols.assign(kel=patrols["kelurahan"].astype("str"))
        .groupby("kel")
        .agg(patrols=("date", "size"), last_patrol=("date", "max"))
    )
    table = (
        pd.DataFrame(index=pd.Index(list(kelurahan), name="kel"))
        .join(by_kel)
        .join(visits)
        .fillna({"valid_complaints": 0, "gn_complaints": 0, "pressure": 0, "patrols": 0})
    )
    end_ts = pd.Timestamp(end)
    table = table.assign(
        valid_complaints=table["valid_complaints"].astype(int),
        gn_complaints=table["gn_complaints"].astype(int),
        pressure=table["pressure"].astype(int),
        patrols=table["patrols"].astype(int),
        days_since_patrol=(end_ts - table["last_patrol"]).dt.days.astype("Int64"),
    )
    table = table.assign(score=table["pressure"] / (1 + table["patrols"]))
    table = (
        table.reset_index()
        .rename(columns={"kel": "kelurahan"})
        .sort_values(["score", "pressure", "kelurahan"], ascending=[False, False, True], kind="stable")
        .reset_index(drop=True)
    )
    ranked = table["pressure"] > 0
    rank = pd.Series(range(1, len(table) + 1), index=table.index, dtype="Int64").where(ranked)
    reasons = [
        priority_reason(row, heaviest.get(row["kelurahan"], []), days, lang) if row["pressure"] > 0 else ""
        for _, row in table.iterrows()
    ]
    return table.assign(rank=rank, reason=pd.Series(reasons, index=table.index, dtype="str"))[
        list(PRIORITY_COLUMNS)
    ]


def priority_reason(row: pd.Series, heaviest: Sequence[str], days: int, lang: Lang = "id") -> str:
    """The reason a kelurahan is on the list, from its own numbers."""
    parts = [
        t(
            "briefing.priority.reason.complaints",
            lang,
            n=fmt_int(row["valid_complaints"], lang),
            days=fmt_int(days, lang),
            heaviest=", ".join(heaviest),
        )
    ]
    if row["gn_complaints"]:
        parts.append(t("briefing.priority.reason.gn", lang, n=fmt_int(row["gn_complaints"], lang)))
    if row["patrols"] == 0:
        parts.append(t("briefing.priority.reason.no_patrol", lang, days=fmt_int(days, lang)))
    else:
        parts.append(
            t(
                "briefing.priority.reason.patrols",
                lang,
                n=fmt_int(row["patrols"], lang),
                last=fmt_date(row["last_patrol"], lang, "short"),
            )
        )
    return "; ".join(parts) + "."


def ranked(priority: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """The ranked rows only (some pressure), best first; at most ``top`` of them."""
    rows = priority.loc[priority["rank"].notna()]
    return rows if top is None else rows.head(top)
