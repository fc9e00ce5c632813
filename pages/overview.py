"""Ringkasan: what changed, where, and what needs a visit — the Kapolsek's first screen."""

from dataclasses import replace

import streamlit as st

from analysis.i18n import fmt_date, fmt_date_range, fmt_int, fmt_num, fmt_pct
from analysis.metrics import attention, drilldown, overview, tables
from analysis.metrics.filters import selected_kelurahan
from analysis.metrics.style import VISIT_LEVEL_COLOURS
from ui import columns, drill, widgets
from ui import context as ctx
from ui.attention import attention_block

ds = ctx.dataset()
f = ctx.filters()
lang = ctx.lang()
widgets.page_header("overview.title")

# Every part of this page counts, charts or links: no free text needed (cheaper cuts).
patrols, complaints = ctx.patrols(figures=True), ctx.complaints(figures=True)
previous = f.previous()
previous_patrols = ctx.patrols(previous, figures=True)
previous_complaints = ctx.complaints(previous, figures=True)
scope = selected_kelurahan(f, ds.reference.kecamatan_of()) or ds.reference.kelurahan_names
kelurahan = ds.reference.kelurahan.loc[lambda k: k["kelurahan"].isin(scope)]

if ds.last_date:
    st.caption(
        ctx.t("overview.range", start=fmt_date(ds.first_date, lang), end=fmt_date(ds.last_date, lang))
        + " · "
        + ctx.t("period.previous", range=fmt_date_range(previous.start, previous.end, lang))
    )


def show(kpi: overview.Kpi):
    if kpi.unit == "pct":
        return fmt_pct(kpi.value, lang, 0), fmt_pct(kpi.previous, lang, 0)
    if kpi.unit == "days":
        day = lambda v: "–" if v is None else ctx.t("overview.days", value=fmt_num(v, lang))  # noqa: E731
        return day(kpi.value), day(kpi.previous)
    if kpi.key == "visited":
        total = len(scope)
        return (
            ctx.t("overview.kpi.visited.value", visited=fmt_int(kpi.value, lang), total=fmt_int(total, lang)),
            fmt_int(kpi.previous, lang),
        )
    return fmt_int(kpi.value, lang), fmt_int(kpi.previous, lang)


attention_block(attention.attention_findings(ds, f, lang))

kpis = overview.overview_kpis(patrols, complaints, previous_patrols, previous_complaints, scope)
# One row that wraps three cards a row (labels stay whole on a monitor) and two on a phone (ui.responsive).
cells = st.columns(len(kpis))
for column, kpi in zip(cells, kpis, strict=True):
    value, before = show(kpi)
    change = overview.kpi_change_label(kpi, lang)
    delta = None if kpi.delta is None else ctx.t("overview.delta.previous", value=before)
    colour = overview.kpi_delta_colour(kpi)
    if colour != "off":  # st.metric reads the direction from a leading "-"
        delta = f"{'-' if kpi.delta < 0 else '+'}{fmt_int(abs(kpi.delta), lang)} · {delta}"
    column.metric(
        ctx.t(f"overview.kpi.{kpi.key}"),
        value,
        delta=delta if change is None else f"{delta} · {change}",
        delta_color=colour,
        delta_arrow="off" if colour == "off" else "auto",
        help=ctx.t("overview.kpi.personnel.help") if kpi.key == "personnel" else None,
        border=True,
    )

if patrols.empty and complaints.empty:
    widgets.empty_state()
    st.stop()

left, right = st.columns([3, 2])
with left:
    st.subheader(ctx.t("overview.lastvisit.header"))
    history = ctx.patrol_days(replace(f, start=ds.first_date or f.start))
    gaps = overview.days_since_last_visit(history, kelurahan, f.end)
    st.caption(
        ctx.t(
            "overview.lastvisit.caption",
            date=fmt_date(f.end, lang),
            warn=overview.VISIT_WARNING_DAYS,
            alert=overview.VISIT_ALERT_DAYS,
        )
    )
    css = [tables.background(VISIT_LEVEL_COLOURS[level]) for level in gaps["level"]]
    # On a phone the days stay in view: the spec puts them second.
    rows = columns.table(
        gaps,
        columns.LAST_VISIT,
        "overview_last_visit",
        columns.row_css(css),
        True,
        height=min(38 + 35 * len(gaps), 560),
    )
    drill.open_records(drilldown.row_filters(rows, gaps, f, kelurahan_column="kelurahan"))
with right:
    st.subheader(ctx.t("overview.top.header"))
    top = overview.top_categories(complaints, previous_complaints)
    if top.empty:
        st.info(ctx.t("overview.top.none"))
    else:
        names = ds.reference.category_labels(lang)
        figure = overview.top_categories_figure(top, ds.reference.category_colours(), lang, names)
        clicked = drill.chart(figure, "overview_top_categories")
        drill.open_records(drilldown.category_bar_filters(clicked, f))
    drill.hint()
st.caption(widgets.data_stamp(ds))
