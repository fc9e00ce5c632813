"""The weekly briefing (anev): fakta → analisa → prediksi → rekomendasi, computed from the numbers.

``build_briefing(dataset, filters, lang)`` returns a ``Briefing``: the period in words, the data stamp, four
narrative sections whose every sentence is filled from counts, and the tables behind them (channels,
category changes, next week's forecast, the patrol priority list). The figures for the slides are built
here from those tables; ``analysis.reports.briefing_pdf`` turns it all into a PDF. ``python -m analysis
briefing``
is the Monday command.

No personal data reaches a briefing: reporter columns are never read, and the only free text (a complaint's
description in "notable reports") is scrubbed of phone-like numbers and truncated.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.core.text import scrub_text
from analysis.data.dataset import Dataset
from analysis.i18n import Lang, fmt_date, fmt_date_range, fmt_int, fmt_num, t
from analysis.metrics import figures, stats
from analysis.metrics.cube import per_frames_and_arguments
from analysis.metrics.filters import (
    Filters,
    figures_only,
    filter_complaints,
    filter_patrols,
    selected_kelurahan,
)
from analysis.metrics.officers import ALERT_DAYS, gap_summary, reporting_gaps
from analysis.metrics.priority import RECENT_DAYS, complaint_weights, patrol_priority, ranked
from analysis.metrics.style import (
    GRID_COLOUR,
    INK,
    NO_PATROL_COLOUR,
    PREVIOUS_COLOUR,
    PROJECTOR_CHANNEL_COLOURS,
    PROJECTOR_FONT,
    PROJECTOR_HEIGHT,
    PROJECTOR_MARGIN,
    PROJECTOR_TITLE_SIZE,
    PROJECTOR_WIDTH,
    category_colour,
)
from analysis.metrics.trends import channel_quality, period_changes

SECTION_KEYS: tuple[str, ...] = ("fakta", "analisa", "prediksi", "rekomendasi")
PREDICTION_WEEKS = 4
PREDICTION_LEVEL = 0.90
TOP_PRIORITY = 3
TOP_ITEMS = 4
NOTABLE_MAX = 3
NOTABLE_CHARS = 80


@dataclass(frozen=True)
class Section:
    """One of the four narrative parts of a briefing.

    ``key`` is one of ``SECTION_KEYS`` ("fakta", "analisa", "prediksi", "rekomendasi"), ``title`` the heading
    in the briefing's language, ``sentences`` the paragraphs in reading order (each filled from counts).
    """

    key: str
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Briefing:
    """Everything a briefing says, in one language. Tables are plain frames with English column names."""

    lang: Lang
    start: date
    end: date
    title: str
    data_stamp: str
    scope: str
    kelurahan: tuple[str, ...]
    has_data: bool
    sections: tuple[Section, ...]
    channels: pd.DataFrame  # channel, total, valid, invalid
    categories: pd.DataFrame  # category, stage, current, previous, z, label
    prediction: pd.DataFrame  # category, expected, low, high
    priority: pd.DataFrame  # analysis.metrics.priority.PRIORITY_COLUMNS
    colours: dict[str, str] = field(default_factory=dict)
    patrol_count: int = 0
    valid_count: int = 0

    def section(self, key: str) -> Section:
        """The section with this ``key`` (one of ``SECTION_KEYS``); ``StopIteration`` for any other key."""
        return next(s for s in self.sections if s.key == key)


# --- the period -------------------------------------------------------------------------------------------


def last_full_week(day: date) -> tuple[date, date]:
    """The last Monday–Sunday week that ends on or before ``day``.

    >>> last_full_week(date(2025, 5, 28))
    (datetime.date(2025, 5, 19), datetime.date(2025, 5, 25))
    >>> last_full_week(date(2025, 5, 25))
    (datetime.date(2025, 5, 19), datetime.date(2025, 5, 25))
    """
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    return sunday - timedelta(days=6), sunday


def briefing_weeks(filters: Filters, last_day: date, limit: int = 26) -> list[tuple[date, date]]:
    """Full weeks whose Sunday lies in the filter period and not after the data's last day, newest first.

    When none does (a period of a few days, or one past the data), the last full week ending by
    ``filters.end``: a period past the data then gives an empty briefing, as every other page does.

    >>> weeks = briefing_weeks(Filters(date(2025, 5, 1), date(2025, 5, 31)), date(2025, 5, 28))
    >>> [f"{s:%d/%m}-{e:%d/%m}" for s, e in weeks]
    ['19/05-25/05', '12/05-18/05', '05/05-11/05', '28/04-04/05']
    >>> briefing_weeks(Filters(date(2025, 6, 2), date(2025, 6, 8)), date(2025, 5, 28))
    [(datetime.date(2025, 6, 2), datetime.date(2025, 6, 8))]
    """
    weeks: list[tuple[date, date]] = []
    start, end = last_full_week(min(filters.end, last_day))
    while end >= filters.start and len(weeks) < limit:
        weeks.append((start, end))
        start, end = start - timedelta(days=7), end - timedelta(days=7)
    return weeks or [last_full_week(filters.end)]


def period_title(start: date, end: date, lang: Lang = "id") -> str:
    """``"Minggu ke-21: 19–25 Mei 2025"`` for an ISO week (Monday–Sunday), else ``"Periode …"``.

    >>> period_title(date(2025, 5, 19), date(2025, 5, 25))
    'Minggu ke-21: 19–25 Mei 2025'
    >>> period_title(date(2025, 5, 1), date(2025, 5, 31), "en")
    'Period 1–31 May 2025'
    """
    span = fmt_date_range(start, end, lang)
    if start.weekday() == 0 and (end - start).days == 6:
        return t("briefing.period.week", lang, week=start.isocalendar().week, range=span)
    return t("briefing.period.range", lang, range=span)


def _join(items: list[str], lang: Lang) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('briefing.and', lang)} {items[-1]}"


# --- fakta --------------------------------------------------------------------------------------------------


def _counts(series: pd.Series) -> pd.Series:
    """Value counts of a (possibly categorical) column as text, most frequent first, ties by name. A
    categorical column is counted on its codes (the values occurring), not turned into text row by row."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        counts = series.value_counts(sort=False)
        counts = counts.loc[counts.to_numpy() > 0]
        counts.index = counts.index.astype("str")
    else:
        counts = series.astype("str").value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def _text_set(series: pd.Series) -> set:
    """``set(series.astype("str"))``, from the distinct values only."""
    return set(pd.Series(series.unique()).astype("str"))


def patrol_facts(
    patrols: pd.DataFrame, kelurahan_total: int, start: date, end: date, lang: Lang
) -> list[str]:
    """The "fakta" sentences about patrols: how many, where, hours on duty, activities and personnel.

    ``patrols``: the filtered clean patrols frame (columns ``kelurahan``, ``personnel_count``,
    ``duration_hours`` in hours, NaN where unknown, ``activity``, ``unit``, ``leader_nrp``).
    ``kelurahan_total``: kelurahan in the briefing's scope. Activities and units are counted most frequent
    first, at most ``TOP_ITEMS`` activities. One sentence (no patrols in ``start``–``end``) or three to four.
    """
    span = fmt_date_range(start, end, lang)
    if patrols.empty:
        return [t("briefing.fakta.no_patrols", lang, range=span)]
    sentences = [
        t(
            "briefing.fakta.patrols",
            lang,
            range=span,
            n=fmt_int(len(patrols), lang),
            k=fmt_int(patrols["kelurahan"].nunique(), lang),
            total=fmt_int(kelurahan_total, lang),
            personnel=fmt_int(patrols["personnel_count"].sum(), lang),
        )
    ]
    timed = patrols["duration_hours"].dropna()
    if len(timed):
        sentences.append(
            t(
                "briefing.fakta.hours",
                lang,
                hours=fmt_num(timed.sum(), lang),
                n=fmt_int(len(timed), lang),
                minutes=fmt_int(timed.mean() * 60, lang),
            )
        )
    activities = _counts(patrols["activity"])
    items = [f"{name} {fmt_int(n, lang)}" for name, n in activities.head(TOP_ITEMS).items()]
    sentences.append(t("briefing.fakta.activities", lang, items=_join(items, lang)))
    units = _counts(patrols["unit"])
    sentences.append(
        t(
            "briefing.fakta.personnel",
            lang,
            leaders=fmt_int(patrols["leader_nrp"].nunique(), lang),
            units=_join([f"{name} {fmt_int(n, lang)}" for name, n in units.items()], lang),
        )
    )
    return sentences


def channel_table(complaints: pd.DataFrame) -> pd.DataFrame:
    """Reports per channel, most reports first: ``channel`` str, ``total``, ``valid``, ``invalid`` int64.

    The trends page's ``channel_quality`` table (so the two always agree) in the briefing's order.
    """
    return (
        channel_quality(complaints)
        .sort_values(["total", "channel"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)[["channel", "total", "valid", "invalid"]]
    )


def _scrubbed(text: object, reporter: object = None) -> str:
    """Free text fit for a projector: phone/NIK-like numbers removed, the reporter's own name (any word of
    it of three letters or more) masked, cut to ``NOTABLE_CHARS``."""
    if not isinstance(text, str):
        return ""
    if isinstance(reporter, str):
        for word in {w for w in re.findall(r"\w{3,}", reporter)}:
            text = re.sub(rf"\b{re.escape(word)}\b", "[…]", text, flags=re.IGNORECASE)
    return scrub_text(text, max_len=NOTABLE_CHARS).rstrip(" .;,")


def complaint_facts(
    complaints: pd.DataFrame, categories: pd.DataFrame, start: date, end: date, lang: Lang
) -> list[str]:
    """The "fakta" sentences about complaints: totals with the valid/invalid split, reports per channel, the
    top categories with their stage, Gangguan Nyata (GN) count, resolved vs open, and the notable reports.

    ``complaints``: the filtered clean complaints frame (``is_valid``, ``channel``, ``category``, ``status``,
    ``received_at``, ``description``, ``kelurahan``); ``categories``: the reference category table
    (``category``, ``stage`` as in ``data/reference/categories.csv``). Only valid reports are counted past the
    first sentence; "Selesai" is the resolved status. One sentence when there are no complaints.
    """
    if complaints.empty:
        return [t("briefing.fakta.no_complaints", lang, range=fmt_date_range(start, end, lang))]
    # The columns counted are cut to the valid reports one by one, never the whole frame with its text.
    is_valid = complaints["is_valid"].to_numpy(dtype=bool)
    valid = complaints.loc[is_valid, ["category", "status"]]
    sentences = [
        t(
            "briefing.fakta.complaints",
            lang,
            n=fmt_int(len(complaints), lang),
            valid=fmt_int(len(valid), lang),
            invalid=fmt_int(len(complaints) - len(valid), lang),
        )
    ]
    items = []
    for row in channel_table(complaints).itertuples():
        if row.invalid:
            items.append(
                t(
                    "briefing.fakta.channel_invalid",
                    lang,
                    channel=row.channel,
                    n=fmt_int(row.total, lang),
                    invalid=fmt_int(row.invalid, lang),
                )
            )
        else:
            items.append(f"{row.channel} {fmt_int(row.total, lang)}")
    sentences.append(t("briefing.fakta.channels", lang, items=_join(items, lang)))
    if valid.empty:
        return sentences
    stage = dict(zip(categories["category"], categories["stage"], strict=True))
    top = _counts(valid["category"]).head(TOP_ITEMS)
    cat_items = [f"{name} {fmt_int(n, lang)} ({stage.get(name, '?')})" for name, n in top.items()]
    sentences.append(t("briefing.fakta.categories", lang, items=_join(cat_items, lang)))
    gn = int(_counts(valid["category"]).loc[lambda n: n.index.map(stage) == "GN"].sum())
    if gn:
        sentences.append(t("briefing.fakta.gn", lang, n=fmt_int(gn, lang), valid=fmt_int(len(valid), lang)))
    done = int(_counts(valid["status"]).get("Selesai", 0))
    sentences.append(
        t("briefing.fakta.status", lang, done=fmt_int(done, lang), open=fmt_int(len(valid) - done, lang))
    )
    sentences.append(_notable(complaints, is_valid, categories, lang))
    return sentences


def notable_sentence(valid: pd.DataFrame, categories: pd.DataFrame, lang: Lang) -> str:
    """The heaviest valid reports (stage × urgency, then the newest), with scrubbed, truncated text."""
    return _notable(valid, np.ones(len(valid), dtype=bool), categories, lang)


def _notable(complaints: pd.DataFrame, chosen: np.ndarray, categories: pd.DataFrame, lang: Lang) -> str:
    """``notable_sentence`` of the rows ``chosen`` (a boolean mask) of ``complaints``: the order is found
    on the weight and the time alone, and only the ``NOTABLE_MAX`` rows quoted are taken whole."""
    rows = complaints.loc[chosen, ["category", "received_at"]]
    keys = pd.DataFrame(
        {
            "weight": complaint_weights(rows, categories).to_numpy(),
            "received_at": rows["received_at"].to_numpy(),
        }
    )
    first = keys.sort_values(["weight", "received_at"], ascending=[False, False], kind="stable").index
    items = []
    for row in complaints.iloc[np.flatnonzero(chosen)[first[:NOTABLE_MAX]]].itertuples():
        text = _scrubbed(row.description, getattr(row, "reporter_name", None))
        values = {
            "category": str(row.category),
            "kelurahan": str(row.kelurahan),
            "date": fmt_date(row.received_at, lang, "short"),
        }
        key = "briefing.fakta.notable_item" if text else "briefing.fakta.notable_item_blank"
        items.append(t(key, lang, text=text, **values) if text else t(key, lang, **values))
    return t("briefing.fakta.notable", lang, items="; ".join(items))


# --- analisa ------------------------------------------------------------------------------------------------


def category_table(changes: pd.DataFrame, categories: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Valid reports per category now and in the previous equal period, with the Poisson z and its label.

    ``changes`` is ``analysis.metrics.trends.period_changes(..., keys=["category"])`` (the trends page's
    table), so
    the briefing and the trends page agree; ``previous`` is NaN when the data does not cover that period.
    """
    stage = dict(zip(categories["category"], categories["stage"], strict=True))
    table = pd.DataFrame(
        {
            "category": changes["category"].astype("str").to_numpy(),
            "current": changes["current"].astype(int).to_numpy(),
            "previous": changes["previous"].to_numpy(dtype=float),
            "z": changes["z_previous"].to_numpy(dtype=float),
        }
    )
    table = table.assign(stage=table["category"].map(stage), label=stats.change_label(table["z"], lang))
    table = table[["category", "stage", "current", "previous", "z", "label"]]
    return table.sort_values(["current", "category"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def underserved(complaints: pd.DataFrame, patrols: pd.DataFrame) -> pd.DataFrame:
    """Kelurahan with valid reports but no patrol in the same period, most reports first."""
    counts = _counts(complaints.loc[complaints["is_valid"].to_numpy(dtype=bool), "kelurahan"])
    visited = _text_set(patrols["kelurahan"])
    rows = [(k, int(n)) for k, n in counts.items() if k not in visited]
    return pd.DataFrame(rows, columns=["kelurahan", "valid_complaints"]).astype({"kelurahan": "str"})


def gap_days(patrols: pd.DataFrame, start: date, end: date) -> list[date]:
    """Days of the period with no patrol report at all."""
    seen = set(pd.Series(patrols["date"].unique(), dtype=patrols["date"].dtype).dt.date)
    return [d.date() for d in pd.date_range(start, end, freq="D") if d.date() not in seen]


def gaps_in_scope(gaps: pd.DataFrame, kelurahan: list[str], whole_area: bool) -> pd.DataFrame:
    """``analysis.metrics.officers.reporting_gaps`` rows for the briefing's area: everyone for the whole area,
    else the officers whose kelurahan binaan is in scope."""
    if whole_area:
        return gaps
    return gaps.loc[gaps["assigned_kelurahan"].astype("str").isin(kelurahan)]


def gap_sentences(gaps: pd.DataFrame, lang: Lang) -> list[str]:
    """The roster's reporting gaps in words, without names: counts, then who is on alert by unit/binaan."""
    if gaps.empty:
        return [t("briefing.analisa.no_roster", lang)]
    sentences = [gap_summary(gaps, lang)]
    alert = gaps.loc[gaps["level"].eq("alert")]
    if len(alert):
        items = []
        for unit, rows in alert.groupby(alert["unit"].astype("str"), sort=True):
            binaan = sorted(rows["assigned_kelurahan"].dropna().astype("str").unique())
            if binaan:
                items.append(
                    t(
                        "briefing.analisa.alert_binaan",
                        lang,
                        unit=unit,
                        n=fmt_int(len(rows), lang),
                        kelurahan=_join(binaan, lang),
                    )
                )
            else:
                items.append(f"{unit} {fmt_int(len(rows), lang)}")
        sentences.append(
            t("briefing.analisa.alert_units", lang, days=fmt_int(ALERT_DAYS, lang), items=_join(items, lang))
        )
    return sentences


def analysis_sentences(
    categories_now: pd.DataFrame,
    prev_range: str,
    under: pd.DataFrame,
    patrols: pd.DataFrame,
    kelurahan: list[str],
    gaps: list[date],
    officer_gaps: pd.DataFrame,
    lang: Lang,
) -> list[str]:
    """The "analisa" sentences: the change in valid reports against the previous equal period, the categories
    whose change is significant, kelurahan with reports but no patrol, kelurahan without a patrol, days
    without any patrol report, and the roster's reporting gaps.

    ``categories_now``: ``category_table`` (``category``, ``current``, ``previous`` NaN without a baseline,
    ``z``, ``label``). The total's change is a Poisson z (``analysis.metrics.stats.poisson_change``); a
    category is named when ``|z| >= stats.SIGNIFICANT_Z``, largest first. ``prev_range``: the previous period
    in words. ``under``: ``underserved(...)`` (``kelurahan``, ``valid_complaints``). ``patrols``: the period's
    filtered patrols; ``kelurahan``: names in scope. ``gaps``: ``gap_days(...)``. ``officer_gaps``:
    ``gaps_in_scope(...)`` rows of ``analysis.metrics.officers.reporting_gaps``.
    """
    current = int(categories_now["current"].sum())
    previous = float(categories_now["previous"].sum(min_count=1)) if len(categories_now) else 0.0
    if pd.isna(previous) and categories_now["previous"].isna().any():
        sentences = [
            t(
                "briefing.analisa.total_no_baseline",
                lang,
                current=fmt_int(current, lang),
                prev_range=prev_range,
            )
        ]
    else:
        z = stats.poisson_change(current, previous)
        sentences = [
            t(
                "briefing.analisa.total",
                lang,
                current=fmt_int(current, lang),
                previous=fmt_int(previous, lang),
                prev_range=prev_range,
                label=stats.change_label(z, lang),
                z=fmt_num(z, lang),
            )
        ]
    significant = categories_now.loc[categories_now["z"].abs() >= stats.SIGNIFICANT_Z]
    significant = significant.sort_values("z", key=abs, ascending=False, kind="stable")
    if len(significant):
        items = [
            t(
                "briefing.analisa.change_item",
                lang,
                category=row.category,
                previous=fmt_int(row.previous, lang),
                current=fmt_int(row.current, lang),
                label=row.label,
            )
            for row in significant.itertuples()
        ]
        sentences.append(t("briefing.analisa.changes", lang, items=_join(items, lang)))
    else:
        sentences.append(t("briefing.analisa.no_changes", lang))
    if len(under):
        items = [
            t(
                "briefing.analisa.underserved_item",
                lang,
                kelurahan=r.kelurahan,
                n=fmt_int(r.valid_complaints, lang),
            )
            for r in under.itertuples()
        ]
        sentences.append(t("briefing.analisa.underserved", lang, items=_join(items, lang)))
    elif current:
        sentences.append(t("briefing.analisa.underserved_none", lang))
    unvisited = len(set(kelurahan) - _text_set(patrols["kelurahan"]))
    total = fmt_int(len(kelurahan), lang)
    if unvisited:
        sentences.append(t("briefing.analisa.unpatrolled", lang, n=fmt_int(unvisited, lang), total=total))
    else:
        sentences.append(t("briefing.analisa.all_patrolled", lang, total=total))
    if gaps:
        items = [fmt_date(d, lang, "short") for d in gaps]
        sentences.append(t("briefing.analisa.gap_days", lang, items=_join(items, lang)))
    else:
        sentences.append(t("briefing.analisa.no_gap_days", lang))
    sentences += gap_sentences(officer_gaps, lang)
    return sentences


# --- prediksi -----------------------------------------------------------------------------------------------


# Above this weekly mean the Poisson range comes from the normal approximation.
LARGE_MEAN = 100.0


def poisson_range(mean: float, level: float = PREDICTION_LEVEL) -> tuple[int, int]:
    """The central ``level`` range of a Poisson count with this mean (equal tails).

    >>> poisson_range(0.0)
    (0, 0)
    >>> poisson_range(4.0)
    (1, 8)
    """
    if mean <= 0:
        return 0, 0
    tail = (1 - level) / 2
    if mean > LARGE_MEAN:
        # exp(-mean) underflows for a Polres/Polda-sized week; the normal approximation is exact enough.
        spread = statistics.NormalDist().inv_cdf(1 - tail) * math.sqrt(mean)
        return max(0, math.floor(mean - spread)), math.ceil(mean + spread)
    low = high = None
    k, term = 0, math.exp(-mean)
    cdf = term
    while high is None:
        if low is None and cdf >= tail:
            low = k
        if cdf >= 1 - tail:
            high = k
        k += 1
        term *= mean / k
        cdf += term
    return int(low if low is not None else 0), int(high)


def prediction_table(valid_recent: pd.DataFrame, categories: pd.DataFrame, weeks: int) -> pd.DataFrame:
    """Expected valid reports next week per category: the weekly mean of ``weeks`` weeks, 90 % range."""
    counts = _counts(valid_recent["category"])
    rows = []
    for name in categories["category"]:
        mean = float(counts.get(name, 0)) / weeks
        low, high = poisson_range(mean)
        rows.append((name, mean, low, high))
    table = pd.DataFrame(rows, columns=["category", "expected", "low", "high"]).astype({"category": "str"})
    return table.sort_values(["expected", "category"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def prediction_sentences(prediction: pd.DataFrame, weeks: int, next_range: str, lang: Lang) -> list[str]:
    """The "prediksi" sentences: next week's expected valid reports with a 90 % Poisson range, then per
    category for those expected at least once a week (at most ``TOP_ITEMS`` + 1), then how many rarer
    categories may still appear.

    ``prediction``: ``prediction_table(...)`` (``category``, ``expected`` reports/week, ``low``, ``high``);
    ``weeks``: the weeks the mean is taken over; ``next_range``: next week in words. The total's range is
    ``poisson_range`` of the summed means (categories taken as independent Poisson counts).
    """
    total = float(prediction["expected"].sum())
    if total == 0:
        return [t("briefing.prediksi.none", lang, weeks=fmt_int(weeks, lang), range=next_range)]
    low, high = poisson_range(total)
    sentences = [
        t(
            "briefing.prediksi.total",
            lang,
            range=next_range,
            mean=fmt_num(total, lang),
            low=fmt_int(low, lang),
            high=fmt_int(high, lang),
            weeks=fmt_int(weeks, lang),
        )
    ]
    frequent = prediction.loc[prediction["expected"] >= 1]
    if len(frequent):
        items = [
            t(
                "briefing.prediksi.item",
                lang,
                category=r.category,
                mean=fmt_num(r.expected, lang),
                low=fmt_int(r.low, lang),
                high=fmt_int(r.high, lang),
            )
            for r in frequent.head(TOP_ITEMS + 1).itertuples()
        ]
        sentences.append(t("briefing.prediksi.categories", lang, items=_join(items, lang)))
    rare = prediction.loc[(prediction["expected"] > 0) & (prediction["expected"] < 1)]
    if len(rare):
        sentences.append(t("briefing.prediksi.rest", lang, n=fmt_int(len(rare), lang)))
    return sentences


# --- rekomendasi --------------------------------------------------------------------------------------------


def recommendation_sentences(priority: pd.DataFrame, categories_now: pd.DataFrame, lang: Lang) -> list[str]:
    """The "rekomendasi" sentences: the ``TOP_PRIORITY`` kelurahan to patrol first with the reason, the rising
    topics to raise in patrols, and kelurahan with no patrol in the last ``RECENT_DAYS`` days.

    ``priority``: ``analysis.metrics.priority.patrol_priority`` (``PRIORITY_COLUMNS``: ``rank`` NaN when not
    ranked, ``kelurahan``, ``reason``, ``patrols``); ``categories_now``: ``category_table`` (rising where
    ``z >= stats.SIGNIFICANT_Z``). Past ``TOP_ITEMS`` stale kelurahan the rest is counted, not named.
    """
    top = ranked(priority, TOP_PRIORITY)
    days = fmt_int(RECENT_DAYS, lang)
    if top.empty:
        sentences = [t("briefing.rekomendasi.none", lang, days=days)]
    else:
        sentences = [t("briefing.rekomendasi.intro", lang, n=fmt_int(len(top), lang), days=days)]
        sentences += [
            t("briefing.rekomendasi.item", lang, rank=int(r.rank), kelurahan=r.kelurahan, reason=r.reason)
            for r in top.itertuples()
        ]
    rising = categories_now.loc[categories_now["z"] >= stats.SIGNIFICANT_Z, "category"].tolist()
    if rising:
        sentences.append(t("briefing.rekomendasi.topics", lang, items=_join(rising, lang)))
    stale = priority.loc[priority["patrols"].eq(0) & priority["rank"].isna(), "kelurahan"].tolist()
    if stale:
        names = (
            _join(stale, lang)
            if len(stale) <= TOP_ITEMS
            else t(
                "briefing.rekomendasi.stale_more",
                lang,
                names=", ".join(stale[:TOP_ITEMS]),
                n=fmt_int(len(stale) - TOP_ITEMS, lang),
            )
        )
        sentences.append(t("briefing.rekomendasi.stale", lang, items=names, days=days))
    return sentences


# --- the briefing -------------------------------------------------------------------------------------------


def build_briefing(dataset: Dataset, filters: Filters, lang: Lang = "id") -> Briefing:
    """The briefing for ``filters.start``–``filters.end`` in the filters' scope (kecamatan, kelurahan,
    categories, channels and units apply as everywhere else)."""
    reference = dataset.reference
    kecamatan_of = reference.kecamatan_of()
    scope = selected_kelurahan(filters, kecamatan_of)
    kelurahan = list(scope) if scope is not None else reference.kelurahan_names
    # Category names as the reader reads them (English names in English) from here on: every sentence,
    # table, figure and colour of the briefing is built from these frames.
    names = reference.category_labels(lang)
    categories = reference.categories.assign(category=reference.categories["category"].map(names))
    colours = {names.get(c, c): colour for c, colour in reference.category_colours().items()}

    def named(frame: pd.DataFrame) -> pd.DataFrame:
        if lang != "en" or frame.empty:
            return frame
        # Each distinct category named once, not each row: the rows' text as ``astype("str")`` gives it.
        codes, distinct = pd.factorize(frame["category"])
        shown = pd.Series(distinct).astype("str").map(lambda c: names.get(c, c))
        return frame.assign(category=shown.reindex(codes).set_axis(frame.index))

    previous = filters.previous()
    recent = replace(filters, start=filters.end - timedelta(days=RECENT_DAYS - 1))
    first = dataset.first_date or filters.start
    covered = (filters.end - max(first, recent.start)).days + 1
    weeks = max(1, min(PREDICTION_WEEKS, covered // 7))
    window = replace(filters, start=filters.end - timedelta(days=7 * weeks - 1))
    # Every cut ends on the period's last day: the whole tables are cut once, from the earliest start
    # (the recent window's or the period's), and each cut is taken from that one (the same rows in the
    # same order: the filters only narrow), instead of reading every row of the whole history five times.
    # Only the period's complaints keep their text (the notable sentence quotes it); every other cut is
    # for figures and leaves the free-text columns behind (``figures_only``).
    around = replace(filters, start=min(filters.start, recent.start))
    near_patrols = filter_patrols(figures_only(dataset.patrols), around, kecamatan_of)
    near_complaints = filter_complaints(dataset.complaints, around, kecamatan_of)
    near_figures = figures_only(near_complaints)
    patrols = filter_patrols(near_patrols, filters, kecamatan_of)
    complaints = named(filter_complaints(near_complaints, filters, kecamatan_of))
    recent_patrols = filter_patrols(near_patrols, recent, kecamatan_of)
    recent_complaints = named(filter_complaints(near_figures, recent, kecamatan_of))
    history = named(filter_complaints(near_figures, window, kecamatan_of))
    prediction = prediction_table(history.loc[history["is_valid"]], categories, weeks)

    changes = named(
        period_changes(dataset.complaints, filters, kecamatan_of, ["category"], dataset.first_date)
    )
    cats = category_table(changes, categories, lang)
    priority = patrol_priority(recent_complaints, recent_patrols, categories, kelurahan, filters.end, lang)
    next_range = fmt_date_range(filters.end + timedelta(days=1), filters.end + timedelta(days=7), lang)
    if dataset.officers.empty:  # no roster file: nothing to measure gaps against
        officer_gaps = pd.DataFrame(columns=["unit", "assigned_kelurahan", "level"])
    else:
        # The same list for any scope (it is narrowed below): remembered per data version and day, so a
        # change of kelurahan does not measure every officer's silence again.
        officer_gaps = per_frames_and_arguments(
            "briefing.reporting_gaps",
            (dataset.officers, dataset.patrols, dataset.complaints),
            (filters.end,),
            lambda: reporting_gaps(dataset.officers, dataset.patrols, dataset.complaints, filters.end),
        )
    if filters.units:
        officer_gaps = officer_gaps.loc[officer_gaps["unit"].astype("str").isin(filters.units)]
    officer_gaps = gaps_in_scope(officer_gaps, kelurahan, whole_area=scope is None)

    fakta = patrol_facts(patrols, len(kelurahan), filters.start, filters.end, lang) + complaint_facts(
        complaints, categories, filters.start, filters.end, lang
    )
    analisa = analysis_sentences(
        cats,
        fmt_date_range(previous.start, previous.end, lang),
        underserved(complaints, patrols),
        patrols,
        kelurahan,
        gap_days(patrols, filters.start, filters.end),
        officer_gaps,
        lang,
    )
    texts = {
        "fakta": fakta,
        "analisa": analisa,
        "prediksi": prediction_sentences(prediction, weeks, next_range, lang),
        "rekomendasi": recommendation_sentences(priority, cats, lang),
    }
    sections = tuple(Section(k, t(f"briefing.section.{k}", lang), tuple(texts[k])) for k in SECTION_KEYS)
    scope_text = (
        t("briefing.scope.all", lang, n=fmt_int(len(kelurahan), lang))
        if scope is None
        else t("briefing.scope.some", lang, names=_join(kelurahan, lang))
    )
    return Briefing(
        lang=lang,
        start=filters.start,
        end=filters.end,
        title=period_title(filters.start, filters.end, lang),
        data_stamp=t("data.as_of", lang, date=fmt_date(dataset.last_date, lang)),
        scope=scope_text,
        kelurahan=tuple(kelurahan),
        has_data=bool(len(patrols) or len(complaints)),
        sections=sections,
        channels=channel_table(complaints),
        categories=cats,
        prediction=prediction,
        priority=priority,
        colours=colours,
        patrol_count=len(patrols),
        valid_count=int(complaints["is_valid"].sum()),
    )


# --- figures for the slides ---------------------------------------------------------------------------------

# Slide figures keep their names here (briefing_pdf sizes its images with them); the values are the style's.
FIG_WIDTH, FIG_HEIGHT = PROJECTOR_WIDTH, PROJECTOR_HEIGHT
FIG_MAX_ROWS = 10
VALID_COLOUR, INVALID_COLOUR = PROJECTOR_CHANNEL_COLOURS["valid"], PROJECTOR_CHANNEL_COLOURS["invalid"]


def _styled(data: list[dict], layout: dict, title: str) -> go.Figure:
    """The slide figure of ``data`` (trace dicts) and ``layout`` (a dict, changed here) in the projector
    style, validated once (``analysis.metrics.figures``): the style is merged as ``update_layout``,
    ``update_xaxes`` and ``update_yaxes`` would merge it."""
    figures.merge(
        layout,
        {
            "title": {"text": title, "font": {"size": PROJECTOR_TITLE_SIZE}, "x": 0.01},
            "font": PROJECTOR_FONT,
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "width": FIG_WIDTH,
            "height": FIG_HEIGHT,
            "margin": PROJECTOR_MARGIN,
            "legend": {"orientation": "h", "y": -0.12, "font": {"size": 20}},
        },
    )
    figures.update_axes(
        layout, "xaxis", {"gridcolor": GRID_COLOUR, "zerolinecolor": "#444444", "tickfont": {"size": 20}}
    )
    figures.update_axes(layout, "yaxis", {"tickfont": {"size": 22}, "automargin": True})
    return figures.build(data, layout, "plotly_white")


def _bar(
    y: object, x: object, name: str, colour: object, text: object, line: dict | None = None, **more: object
) -> dict:
    """One horizontal bar trace of a slide (a dict for ``_styled``): categories ``y``, counts ``x``, a
    legend ``name``, a colour (one, or one per bar), the text written on or beside each bar and the bars'
    outline ``line``; ``more`` are further ``go.Bar`` properties (``textposition`` …)."""
    marker = {"color": colour} if line is None else {"color": colour, "line": line}
    return {
        "type": "bar",
        "y": y,
        "x": x,
        "name": name,
        "orientation": "h",
        "marker": marker,
        "text": text,
        **more,
    }


def _empty(title: str, lang: Lang) -> go.Figure:
    note = {
        "text": t("briefing.fig.empty", lang),
        "showarrow": False,
        "font": {"size": PROJECTOR_TITLE_SIZE},
        "x": 0.5,
        "y": 0.5,
    }
    layout = {"annotations": [note], "xaxis": {"visible": False}, "yaxis": {"visible": False}}
    return _styled([], layout, title)


def figure_channels(b: Briefing) -> go.Figure:
    """Slide figure for "fakta": valid and invalid reports per channel, stacked horizontal bars, most reports
    on top; a figure saying "no data" when ``b.channels`` is empty. ``FIG_WIDTH`` × ``FIG_HEIGHT`` px.
    """
    title = t("briefing.fig.channels", b.lang)
    if b.channels.empty:
        return _empty(title, b.lang)
    rows = b.channels.iloc[::-1]
    inside: dict[str, Any] = {"textposition": "inside", "insidetextanchor": "middle"}
    data = [
        _bar(
            rows["channel"],
            rows["valid"],
            t("briefing.col.valid", b.lang),
            VALID_COLOUR,
            rows["valid"],
            **inside,
        ),
        _bar(
            rows["channel"],
            rows["invalid"],
            t("briefing.col.invalid", b.lang),
            INVALID_COLOUR,
            rows["invalid"].where(rows["invalid"] > 0, None),
            **inside,
        ),
    ]
    layout = {"barmode": "stack", "xaxis": {"title": {"text": t("briefing.fig.count", b.lang)}}}
    return _styled(data, layout, title)


def figure_categories(b: Briefing) -> go.Figure:
    """Slide figure for "analisa": valid reports per category now (the category's colour) beside the previous
    period (grey), at most ``FIG_MAX_ROWS`` categories, the busiest on top; ▲/▼ marks a significant rise or
    fall (``|z| >= stats.SIGNIFICANT_Z``). A figure saying "no data" when ``b.categories`` is empty.
    """
    title = t("briefing.fig.categories", b.lang)
    if b.categories.empty:
        return _empty(title, b.lang)
    order = b.categories.assign(_most=b.categories[["current", "previous"]].max(axis=1))
    rows = (
        order.sort_values(["_most", "current"], ascending=False, kind="stable").head(FIG_MAX_ROWS).iloc[::-1]
    )
    marks = [
        f"{n}  ▲" if z >= stats.SIGNIFICANT_Z else f"{n}  ▼" if z <= -stats.SIGNIFICANT_Z else str(n)
        for n, z in zip(rows["current"], rows["z"], strict=True)
    ]
    data = [
        _bar(
            rows["category"],
            rows["previous"],
            t("briefing.col.previous", b.lang),
            PREVIOUS_COLOUR,
            rows["previous"],
            textposition="outside",
        ),
        _bar(
            rows["category"],
            rows["current"],
            t("briefing.col.current", b.lang),
            [category_colour(b.colours, c) for c in rows["category"]],
            marks,
            line={"color": INK, "width": 1},
            textposition="outside",
        ),
    ]
    layout = {
        "barmode": "group",
        "xaxis": {"title": {"text": t("briefing.fig.count", b.lang)}},
        "showlegend": False,
    }
    return _styled(data, layout, title)


def figure_prediction(b: Briefing) -> go.Figure:
    """Slide figure for "prediksi": expected valid reports next week per category (reports/week) with the 90 %
    range as error bars, at most ``FIG_MAX_ROWS`` categories with a mean above zero; "no data" otherwise.
    """
    title = t("briefing.fig.prediction", b.lang)
    rows = b.prediction.loc[b.prediction["expected"] > 0].head(FIG_MAX_ROWS).iloc[::-1]
    if rows.empty:
        return _empty(title, b.lang)
    bar = {
        "type": "bar",
        "y": [
            f"{c}  {fmt_num(m, b.lang)} ({lo}–{hi})"
            for c, m, lo, hi in zip(
                rows["category"], rows["expected"], rows["low"], rows["high"], strict=True
            )
        ],
        "x": rows["expected"],
        "orientation": "h",
        "marker": {
            "color": [category_colour(b.colours, c) for c in rows["category"]],
            "line": {"color": INK, "width": 1},
        },
        "error_x": {
            "type": "data",
            "symmetric": False,
            "array": rows["high"] - rows["expected"],
            "arrayminus": rows["expected"] - rows["low"],
            "color": INK,
            "thickness": 3,
            "width": 10,
        },
        "showlegend": False,
    }
    return _styled([bar], {"xaxis": {"title": {"text": t("briefing.fig.count", b.lang)}}}, title)


def figure_priority(b: Briefing) -> go.Figure:
    """Slide figure for "rekomendasi": the ranked kelurahan's priority score (``analysis.metrics.priority``),
    at most ``FIG_MAX_ROWS``, first on top; red where no patrol came in the last ``RECENT_DAYS`` days, each
    bar noting the complaint weight and patrol count. "No data" when nothing is ranked.
    """
    title = t("briefing.fig.priority", b.lang)
    rows = ranked(b.priority, FIG_MAX_ROWS).iloc[::-1]
    if rows.empty:
        return _empty(title, b.lang)
    bar = {
        "type": "bar",
        "y": [f"{int(r)}. {k}" for r, k in zip(rows["rank"], rows["kelurahan"], strict=True)],
        "x": rows["score"],
        "orientation": "h",
        "marker": {"color": [NO_PATROL_COLOUR if p == 0 else VALID_COLOUR for p in rows["patrols"]]},
        "text": [
            t("briefing.fig.patrol_note", b.lang, weight=fmt_int(w, b.lang), n=fmt_int(p, b.lang))
            for w, p in zip(rows["pressure"], rows["patrols"], strict=True)
        ],
        "textposition": "outside",
        "cliponaxis": False,
        "showlegend": False,
    }
    layout = {
        "xaxis": {
            "title": {"text": t("briefing.fig.score", b.lang, days=RECENT_DAYS)},
            "range": [0, float(rows["score"].max()) * 1.45],
        }
    }
    return _styled([bar], layout, title)


FIGURES = {
    "channels": figure_channels,
    "categories": figure_categories,
    "prediction": figure_prediction,
    "priority": figure_priority,
}
SECTION_FIGURE = {
    "fakta": "channels",
    "analisa": "categories",
    "prediksi": "prediction",
    "rekomendasi": "priority",
}


def briefing_figures(b: Briefing) -> dict[str, go.Figure]:
    """Every slide figure, in the order of the sections."""
    return {name: build(b) for name, build in FIGURES.items()}
