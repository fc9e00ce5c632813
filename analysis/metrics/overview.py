"""The Kapolsek's morning numbers: KPIs against the previous period, days since the last visit, top
categories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import RESOLVED_STATUS
from analysis.i18n import Lang, fmt_int, t
from analysis.metrics.stats import SIGNIFICANT_Z, change_label, poisson_change
from analysis.metrics.style import GRID_COLOUR, SCREEN_FONT_LARGE, category_colour, margin

Unit = Literal["count", "pct", "days"]

# Days without a visit before a kelurahan is flagged: a Bhabinkamtibmas should be there every week.
VISIT_WARNING_DAYS = 7
VISIT_ALERT_DAYS = 14


@dataclass(frozen=True)
class Kpi:
    """One KPI card: this period's value and the previous period's, in a stated unit."""

    key: str
    value: float | None
    previous: float | None
    unit: Unit
    higher_is_better: bool = True

    @property
    def delta(self) -> float | None:
        """``value - previous`` in the card's unit; None when either is missing (None or NaN)."""
        if self.value is None or self.previous is None or pd.isna(self.value) or pd.isna(self.previous):
            return None
        return self.value - self.previous


# Counts of events, where a Poisson test says whether the change is more than noise.
TESTED_KPIS = ("patrols", "complaints")


def kpi_change_label(kpi: Kpi, lang: Lang = "id") -> str | None:
    """ "naik bermakna" / "dalam batas wajar" / "turun bermakna" for event counts, None for other cards.

    >>> kpi_change_label(Kpi("complaints", 9.0, 4.0, "count"))
    'dalam batas wajar'
    >>> kpi_change_label(Kpi("complaints", 30.0, 10.0, "count"), "en")
    'significant rise'
    """
    if kpi.key not in TESTED_KPIS or kpi.delta is None:
        return None
    return str(change_label(poisson_change(kpi.value, kpi.previous), lang))


def kpi_delta_colour(kpi: Kpi) -> Literal["normal", "inverse", "off"]:
    """``st.metric``'s ``delta_color``: coloured only for a significant change of an event count (|z| >= 2,
    the test of ``kpi_change_label``), ``inverse`` where more is worse; ``off`` (grey) for everything else.

    >>> kpi_delta_colour(Kpi("complaints", 30.0, 10.0, "count", higher_is_better=False))
    'inverse'
    >>> kpi_delta_colour(Kpi("complaints", 9.0, 4.0, "count"))
    'off'
    """
    if kpi.key not in TESTED_KPIS or kpi.delta is None:
        return "off"
    if abs(poisson_change(kpi.value, kpi.previous)) < SIGNIFICANT_Z:
        return "off"
    return "normal" if kpi.higher_is_better else "inverse"


def valid_complaints(complaints: pd.DataFrame) -> pd.DataFrame:
    """Complaints not marked Tidak Valid: the ones that count in trends and KPIs."""
    return complaints.loc[complaints["is_valid"]]


def _valid_column(complaints: pd.DataFrame, column: str) -> pd.Series:
    """``valid_complaints(complaints)[column]``, taking that one column only (not every column's rows)."""
    return complaints.loc[complaints["is_valid"], column]


def resolved_share(complaints: pd.DataFrame) -> float | None:
    """Share of valid complaints with status Selesai; None when there are none."""
    status = _valid_column(complaints, "status")
    if status.empty:
        return None
    return float((status == RESOLVED_STATUS).mean())


def median_resolution_days(complaints: pd.DataFrame) -> float | None:
    """Median days from receipt to resolution over resolved valid complaints; None when none resolved."""
    days = _valid_column(complaints, "resolution_days").dropna()
    return float(days.median()) if len(days) else None


def overview_kpis(
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    previous_patrols: pd.DataFrame,
    previous_complaints: pd.DataFrame,
    kelurahan_in_scope: list[str],
) -> list[Kpi]:
    """The six cards of the overview, each with the previous period of equal length."""

    def visited(frame: pd.DataFrame) -> float:
        return float(frame.loc[frame["kelurahan"].isin(kelurahan_in_scope), "kelurahan"].nunique())

    return [
        Kpi("patrols", float(len(patrols)), float(len(previous_patrols)), "count"),
        Kpi(
            "personnel",
            float(patrols["personnel_count"].sum()),
            float(previous_patrols["personnel_count"].sum()),
            "count",
        ),
        Kpi(
            "complaints",
            float(complaints["is_valid"].sum()),
            float(previous_complaints["is_valid"].sum()),
            "count",
            higher_is_better=False,
        ),
        Kpi("resolved", resolved_share(complaints), resolved_share(previous_complaints), "pct"),
        Kpi(
            "resolution",
            median_resolution_days(complaints),
            median_resolution_days(previous_complaints),
            "days",
            higher_is_better=False,
        ),
        Kpi("visited", visited(patrols), visited(previous_patrols), "count"),
    ]


def days_since_last_visit(patrols: pd.DataFrame, kelurahan: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per kelurahan in ``kelurahan`` (columns kelurahan, kecamatan): last visit on or before ``as_of``.

    ``patrols`` should hold the whole history up to ``as_of`` (not only the selected period), so a
    kelurahan last visited before the period still gets its true gap. Never visited: ``days`` is NaN and
    ``level`` is ``alert``. Sorted with the longest gaps first.
    """
    cutoff = pd.Timestamp(as_of)
    history = patrols.loc[patrols["date"] <= cutoff]
    last = history.groupby("kelurahan", observed=True)["date"].max().rename("last_visit")
    table = kelurahan[["kelurahan", "kecamatan"]].merge(
        last.reset_index().astype({"kelurahan": "str"}), on="kelurahan", how="left"
    )
    days = (cutoff - table["last_visit"]).dt.days.astype("float")
    level = pd.Series("ok", index=table.index)
    level = level.mask(days > VISIT_WARNING_DAYS, "warning").mask(days > VISIT_ALERT_DAYS, "alert")
    level = level.mask(days.isna(), "alert")
    return (
        table.assign(days=days, level=level)
        .sort_values(["days", "kelurahan"], ascending=[False, True], na_position="first")
        .reset_index(drop=True)
    )


def top_categories(complaints: pd.DataFrame, previous_complaints: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` categories with most valid complaints, with the previous period's count beside them.

    Ties are broken by name so the order is stable.
    """

    def counts(frame: pd.DataFrame) -> pd.Series:
        category = _valid_column(frame, "category")
        return category.groupby(category, observed=True).size()

    current = counts(complaints).rename("count")
    previous = counts(previous_complaints).rename("previous")
    table = pd.concat([current, previous], axis=1).fillna(0).astype(int)
    table = table.loc[table["count"] > 0].rename_axis("category").reset_index()
    table["category"] = table["category"].astype("str")
    return table.sort_values(["count", "category"], ascending=[False, True]).head(n).reset_index(drop=True)


def top_categories_figure(
    table: pd.DataFrame, colours: dict[str, str], lang: Lang = "id", names: dict[str, str] | None = None
) -> go.Figure:
    """Horizontal bars of the top categories in their fixed colours, largest on top; ``names`` maps a
    category to the name shown (its English name in English)."""
    ordered = table.iloc[::-1]
    figure = go.Figure(
        go.Bar(
            x=ordered["count"],
            y=[(names or {}).get(c, c) for c in ordered["category"]],
            orientation="h",
            marker_color=[category_colour(colours, c) for c in ordered["category"]],
            text=[fmt_int(v, lang) for v in ordered["count"]],
            textposition="auto",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(
        height=60 + 48 * max(len(table), 1),
        margin=margin(10, 30),
        xaxis_title=t("overview.top.axis", lang),
        font=SCREEN_FONT_LARGE,
        plot_bgcolor="white",
    )
    figure.update_xaxes(gridcolor=GRID_COLOUR)
    return figure
