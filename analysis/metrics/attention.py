"""What needs the Kapolsek's attention now: at most five findings, each with its evidence and a link.

Nothing is measured here that another module already measures: every finding is read from the output of
the analysis that owns it, with the same rule that page applies.

- ``rise``: a kelurahan × category that rose significantly, from ``trends.period_changes`` (the same
  Poisson test and table as Tren; flag ``up``), largest z first.
- ``priority``: the top-ranked kelurahan of ``priority.patrol_priority`` (recent 28 days), with its reason.
- ``balance``: the kelurahan whose patrol share lags its complaint share most (the map's ``balance_pp``
  from ``maps.kelurahan_measures``), at least ``BALANCE_LAG_PP`` points and ``BALANCE_MIN_COMPLAINTS``
  valid complaints (a share of three complaints says little).
- ``unvisited``: kelurahan not visited for more than ``overview.VISIT_ALERT_DAYS`` days, or never
  (``overview.days_since_last_visit``, level ``alert``), as one finding.
- ``reporting_gap``: officers past the reporting-gap alert (``officers.reporting_gaps``, level ``alert``),
  as one finding.

A ``Finding`` is data: its kind, kelurahan, category, evidence numbers, the page that shows it and the
query parameters of the filter that shows it (``filters.to_query_params``). ``finding_text`` words it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Literal

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.i18n import Lang, fmt_int, fmt_num, t
from analysis.metrics import cube, maps, officers, overview, priority, trends
from analysis.metrics.filters import (
    Filters,
    filter_complaints,
    filter_patrols,
    selected_kelurahan,
    to_query_params,
)

Kind = Literal["rise", "priority", "balance", "unvisited", "reporting_gap"]
KINDS: tuple[Kind, ...] = ("rise", "priority", "balance", "unvisited", "reporting_gap")
MAX_FINDINGS = 5
NAMES_SHOWN = 3  # names written out in a grouped finding; the rest are counted
BALANCE_LAG_PP = 2.0  # patrol share below complaint share by at least this many percentage points
BALANCE_MIN_COMPLAINTS = 5

# Target pages (the paths registered in app.py's PAGES).
TRENDS_PAGE = "pages/trends.py"
MAP_PAGE = "pages/map.py"
OFFICERS_PAGE = "pages/officers.py"
RECORDS_PAGE = "pages/records.py"


@dataclass(frozen=True)
class Finding:
    """One line of "Perlu perhatian".

    ``kelurahan``: the places it is about (one, or several for a grouped finding); ``category`` or None;
    ``evidence``: the numbers behind it (names depend on ``kind``, see ``finding_text``); ``names``: the
    officers of a ``reporting_gap``; ``note``: the priority reason, already worded; ``page`` and ``params``:
    where it is shown, as a page path and the URL query parameters of its filter.
    """

    kind: Kind
    page: str
    params: Mapping[str, str]
    kelurahan: tuple[str, ...] = ()
    category: str | None = None
    evidence: Mapping[str, float] = field(default_factory=dict)
    names: tuple[str, ...] = ()
    note: str = ""


def _narrowed(filters: Filters, kelurahan: Sequence[str] = (), category: str | None = None) -> Filters:
    chosen = replace(filters, kelurahan=tuple(kelurahan)) if kelurahan else filters
    return replace(chosen, categories=(category,)) if category else chosen


def rise_findings(changes: pd.DataFrame, filters: Filters) -> list[Finding]:
    """Significant rises of ``trends.period_changes(..., ["kelurahan", "category"])``, Tren's order.

    Evidence: ``current``, ``baseline`` (the comparison with the larger |z|), ``z``, and ``year`` (1 when
    that comparison is the same period a year earlier, 0 for the previous period).
    """
    rises = changes.loc[changes["flag"] == "up"]
    found = []
    for row in rises.itertuples(index=False):
        year = pd.notna(row.z_year) and (pd.isna(row.z_previous) or abs(row.z_year) > abs(row.z_previous))
        kelurahan, category = str(row.kelurahan), str(row.category)
        found.append(
            Finding(
                kind="rise",
                page=TRENDS_PAGE,
                params=to_query_params(_narrowed(filters, [kelurahan], category)),
                kelurahan=(kelurahan,),
                category=category,
                evidence={
                    "current": float(row.current),
                    "baseline": float(row.year_before if year else row.previous),
                    "z": float(row.z_max),
                    "year": float(year),
                },
            )
        )
    return found


def priority_findings(ranking: pd.DataFrame, filters: Filters) -> list[Finding]:
    """The top kelurahan of ``priority.patrol_priority`` (none without pressure), linked to its records
    of the recent window. Evidence: ``valid_complaints``, ``gn_complaints``, ``patrols``, ``score``."""
    top = priority.ranked(ranking, 1)
    if top.empty:
        return []
    row = top.iloc[0]
    recent = replace(filters, start=filters.end - timedelta(days=priority.RECENT_DAYS - 1))
    return [
        Finding(
            kind="priority",
            page=RECORDS_PAGE,
            params=to_query_params(_narrowed(recent, [str(row["kelurahan"])])),
            kelurahan=(str(row["kelurahan"]),),
            evidence={
                "valid_complaints": float(row["valid_complaints"]),
                "gn_complaints": float(row["gn_complaints"]),
                "patrols": float(row["patrols"]),
                "score": float(row["score"]),
            },
            note=str(row["reason"]),
        )
    ]


def balance_findings(measures: pd.DataFrame, filters: Filters, scope: Sequence[str] | None) -> list[Finding]:
    """The kelurahan (in ``scope``; None = all) whose patrol share lags its complaint share most.

    Evidence: ``patrol_share`` and ``complaint_share`` (fractions), ``balance_pp``, ``visits``,
    ``valid_complaints`` and ``others`` (how many more kelurahan lag past the threshold).
    """
    rows = measures if scope is None else measures.loc[measures["kelurahan"].isin(list(scope))]
    lagging = rows.loc[
        (rows["balance_pp"] <= -BALANCE_LAG_PP) & (rows["valid_complaints"] >= BALANCE_MIN_COMPLAINTS)
    ].sort_values(["balance_pp", "kelurahan"], kind="stable")
    if lagging.empty:
        return []
    row = lagging.iloc[0]
    kelurahan = str(row["kelurahan"])
    return [
        Finding(
            kind="balance",
            page=MAP_PAGE,
            params=to_query_params(_narrowed(filters, [kelurahan])),
            kelurahan=(kelurahan,),
            evidence={
                "patrol_share": float(row["patrol_share"]),
                "complaint_share": float(row["complaint_share"]),
                "balance_pp": float(row["balance_pp"]),
                "visits": float(row["visits"]),
                "valid_complaints": float(row["valid_complaints"]),
                "others": float(len(lagging) - 1),
            },
        )
    ]


def unvisited_findings(visits: pd.DataFrame, filters: Filters) -> list[Finding]:
    """Kelurahan at level ``alert`` in ``overview.days_since_last_visit`` (its order: never, then the
    longest gap), as one finding on the map. Evidence: ``count``, ``alert_days`` and ``days_<i>`` for
    each of the first ``NAMES_SHOWN`` kelurahan (NaN = never visited)."""
    alert = visits.loc[visits["level"] == "alert"]
    if alert.empty:
        return []
    names = tuple(str(k) for k in alert["kelurahan"])
    evidence = {"count": float(len(alert)), "alert_days": float(overview.VISIT_ALERT_DAYS)}
    evidence |= {f"days_{i}": float(d) for i, d in enumerate(alert["days"].head(NAMES_SHOWN))}
    return [
        Finding(
            kind="unvisited",
            page=MAP_PAGE,
            params=to_query_params(_narrowed(filters, names)),
            kelurahan=names,
            evidence=evidence,
        )
    ]


def reporting_gap_findings(gaps: pd.DataFrame, filters: Filters) -> list[Finding]:
    """Officers at level ``alert`` in ``officers.reporting_gaps`` (its order), as one finding on the
    Personel page. ``names``: "Aiptu Roziek Mustofa" form; evidence ``count``, ``alert_days`` and
    ``days_<i>`` per officer shown (NaN = no activity ever)."""
    alert = gaps.loc[gaps["level"] == "alert"]
    if alert.empty:
        return []
    evidence = {"count": float(len(alert)), "alert_days": float(officers.ALERT_DAYS)}
    evidence |= {f"days_{i}": float(d) for i, d in enumerate(alert["days_without"].head(NAMES_SHOWN))}
    return [
        Finding(
            kind="reporting_gap",
            page=OFFICERS_PAGE,
            params=to_query_params(filters),
            names=tuple(officers.officer_labels(alert["rank"], alert["name"])),
            evidence=evidence,
        )
    ]


def select(candidates: Mapping[Kind, Sequence[Finding]], limit: int = MAX_FINDINGS) -> list[Finding]:
    """At most ``limit`` findings: first the best of each kind (so one kind never crowds out the others),
    then the further ones in kind order; shown in kind order (rises first)."""
    chosen: list[Finding] = []
    depth = max((len(v) for v in candidates.values()), default=0)
    for i in range(depth):
        for kind in KINDS:
            found = candidates.get(kind, ())
            if i < len(found) and len(chosen) < limit:
                chosen.append(found[i])
    return sorted(chosen, key=lambda f: KINDS.index(f.kind))  # stable: each kind keeps its order


def attention_findings(dataset: Dataset, filters: Filters, lang: Lang = "id") -> list[Finding]:
    """Every kind of finding for ``filters`` on ``dataset``, through ``select``: [] when nothing qualifies.

    Each analysis is called as its own page calls it: the change test on valid complaints against the
    previous period and a year earlier; priority over the recent 28 days; the balance on every kelurahan
    (as the map), reported within the scope; last visits and reporting gaps over the whole history up to
    the end of the period (or the data's last day, if that comes first).
    """
    ref = dataset.reference
    kecamatan_of = ref.kecamatan_of()
    scope = selected_kelurahan(filters, kecamatan_of)
    # Findings are figures: their filters leave the free-text columns behind (see ``figures_only``); the
    # same frames on every call (``cube.figures_frame``), so the tables remembered per frame are kept.
    all_patrols, all_complaints = cube.figures_frame(dataset.patrols), cube.figures_frame(dataset.complaints)
    names = list(scope) if scope is not None else ref.kelurahan_names

    changes = trends.period_changes(  # the whole frame: its pre-aggregated counts are kept with it
        dataset.complaints, filters, kecamatan_of, ["kelurahan", "category"], dataset.first_date
    )
    recent = replace(filters, start=filters.end - timedelta(days=priority.RECENT_DAYS - 1))
    # The ranking reads kelurahan, category, validity and the patrol dates: the cuts take those columns
    # (and what the filters read), not every figure column of the rows kept.
    ranking = priority.patrol_priority(
        filter_complaints(
            all_complaints[["received_at", "kelurahan", "category", "channel", "is_valid"]],
            recent,
            kecamatan_of,
        ),
        filter_patrols(
            all_patrols[["date", "kelurahan", "unit", *(["topics"] if filters.categories else [])]],
            recent,
            kecamatan_of,
        ),
        ref.categories,
        names,
        filters.end,
        lang,
        labels=ref.category_labels(lang),
    )
    measures = maps.citywide_measures(dataset, filters, filters.end)  # the map's table, shared with it
    # Days without a visit or a report are counted to the period's end, but never past the data's last
    # day: after it, the silence is the data's, not the officers'.
    as_of = min(filters.end, dataset.last_date or filters.end)
    first = dataset.first_date or filters.start
    # The whole history is cut: from the days with patrols per kelurahan and unit (``cube.patrol_days``,
    # the same last visits) unless a category filter needs each patrol's topics.
    history = filter_patrols(
        all_patrols[["date", "kelurahan", "unit", "topics"]]
        if filters.categories
        else cube.patrol_days(dataset.patrols),
        replace(filters, start=min(first, filters.start), end=as_of),
        kecamatan_of,
    )
    visits = overview.days_since_last_visit(
        history, ref.kelurahan.loc[ref.kelurahan["kelurahan"].isin(names)], as_of
    )
    gaps = (
        officers.shared_reporting_gaps(dataset.officers, all_patrols, all_complaints, as_of, filters.units)
        if not dataset.officers.empty
        else pd.DataFrame(columns=["level"])
    )
    return select(
        {
            "rise": rise_findings(changes, filters),
            "priority": priority_findings(ranking, filters),
            "balance": balance_findings(measures, filters, scope),
            "unvisited": unvisited_findings(visits, filters),
            "reporting_gap": reporting_gap_findings(gaps, filters),
        }
    )


def _listed(names: Sequence[str], days: Sequence[float], count: int, lang: Lang) -> str:
    """ "A (30 hari), B (belum pernah) dan 2 lainnya"."""

    def gap(days_: float) -> str:
        return (
            t("attention.never", lang)
            if pd.isna(days_)
            else t("attention.days", lang, n=fmt_int(days_, lang))
        )

    shown = [f"{name} ({gap(d)})" for name, d in zip(names, days, strict=False)]
    text = ", ".join(shown)
    more = count - len(shown)
    return text + (t("attention.more", lang, n=fmt_int(more, lang)) if more > 0 else "")


def finding_text(finding: Finding, lang: Lang = "id", names: Mapping[str, str] | None = None) -> str:
    """The finding in one sentence with its evidence (plain text, Markdown-free; names come from the
    reference lists, the roster and the priority reason). ``names``: canonical category name -> the name
    shown in ``lang`` (``Reference.category_labels``); canonical names when None."""
    e = finding.evidence
    kelurahan = ", ".join(finding.kelurahan)
    if finding.kind == "rise":
        base = "attention.rise.year" if e["year"] else "attention.rise.previous"
        return t(
            base,
            lang,
            category=(names or {}).get(str(finding.category), finding.category),
            kelurahan=kelurahan,
            before=fmt_int(e["baseline"], lang),
            now=fmt_int(e["current"], lang),
            z=fmt_num(e["z"], lang, 1),
        )
    if finding.kind == "priority":
        return t("attention.priority", lang, kelurahan=kelurahan, reason=finding.note)
    if finding.kind == "balance":
        text = t(
            "attention.balance",
            lang,
            kelurahan=kelurahan,
            complaints=fmt_num(e["complaint_share"] * 100, lang, 0),
            patrols=fmt_num(e["patrol_share"] * 100, lang, 0),
            visits=fmt_int(e["visits"], lang),
            n=fmt_int(e["valid_complaints"], lang),
        )
        others = int(e["others"])
        return text + (t("attention.balance.others", lang, n=fmt_int(others, lang)) if others else "")
    count = int(e["count"])
    days = [e[f"days_{i}"] for i in range(min(count, NAMES_SHOWN))]
    # kelurahan without a visit, or officers without a report: how many, past how many days, the first few
    if finding.kind == "unvisited":
        key, shown = "attention.unvisited", finding.kelurahan
    else:
        key, shown = "attention.reporting_gap", finding.names
    listed = _listed(shown[:NAMES_SHOWN], days, count, lang)
    return t(key, lang, n=fmt_int(count, lang), days=fmt_int(e["alert_days"], lang), list=listed)
