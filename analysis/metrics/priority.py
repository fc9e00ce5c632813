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
    return _per_category(complaints["category"], weight).fillna(1).astype(int).rename("weight")


def _per_category(category: pd.Series, values: Mapping[str, object]) -> pd.Series:
    """``category.astype("str").map(values)`` (NaN where ``values`` has no entry), looked up once per
    distinct category: the rows are never turned into text (at millions of rows that was most of the
    time)."""
    codes, distinct = pd.factorize(category)  # code -1: missing, which no entry matches
    per_code = pd.Series(distinct).astype("str").map(values)
    return per_code.reindex(codes).set_axis(category.index)


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
    # Counted per (kelurahan, category) pair first (a few hundred pairs at any volume): the weights, the
    # Gangguan Nyata count and each kelurahan's heaviest categories follow from the pairs, where per
    # complaint they meant turning every row into text.
    valid = complaints.loc[complaints["is_valid"], ["kelurahan", "category"]]
    pairs = valid.groupby(["kelurahan", "category"], observed=True, dropna=False, sort=False).size()
    pairs = pairs.rename("n").reset_index()
    stage = dict(zip(categories["category"], categories["stage"], strict=True))
    weighted = pairs.assign(
        weight=complaint_weights(pairs, categories),
        is_gn=_per_category(pairs["category"], stage).eq("GN").fillna(False).astype(bool),
        kel=pairs["kelurahan"].astype("str"),
    )
    by_kel = (
        weighted.assign(gn=weighted["n"] * weighted["is_gn"], pressure=weighted["n"] * weighted["weight"])
        .groupby("kel")
        .agg(valid_complaints=("n", "sum"), gn_complaints=("gn", "sum"), pressure=("pressure", "sum"))
    )
    # Each kelurahan's categories (distinct: one pair each), heaviest first, ties by category; two named.
    ordered = weighted.sort_values(["weight", "category"], ascending=[False, True], kind="stable")
    heaviest: dict[str, list[str]] = {}
    for kel, category in zip(ordered["kel"], ordered["category"].astype("str"), strict=True):
        if isinstance(kel, str):
            named = heaviest.setdefault(kel, [])
            if len(named) < 2:
                named.append((labels or {}).get(category, category))
    visits = patrols.groupby("kelurahan", observed=True)["date"].agg(["size", "max"])
    visits = pd.DataFrame(
        {"patrols": visits["size"].to_numpy(), "last_patrol": visits["max"].to_numpy()},
        index=pd.Index(visits.index.astype("str"), name="kel"),
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
