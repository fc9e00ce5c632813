"""Aktivitas Personel: which units carried the period, who stopped reporting, who a kelurahan rests on."""

import streamlit as st

from analysis.i18n import fmt_date
from analysis.metrics import officers as off
from analysis.metrics.filters import selected_kelurahan
from ui import columns, keys, url_state, widgets
from ui import context as ctx

ds = ctx.dataset()
f = ctx.filters()
lang = ctx.lang()
widgets.page_header("officers.title")
st.caption(ctx.t("officers.intro"))

# Figures only: no column of this page is free text (cheaper to cut); each table is computed once.
patrols, complaints = ctx.patrols(figures=True), ctx.complaints(figures=True)
directory = off.officer_directory(ds.officers, patrols, complaints)
records = off.activity_records(patrols, complaints, directory)
officer_totals = off.officer_totals(patrols, complaints, ds.officers, f.units, directory=directory)
unit_totals = off.unit_totals(patrols, complaints, ds.officers, f.units, directory=directory, records=records)
visits = off.leader_kelurahan_visits(patrols)
scope = selected_kelurahan(f, ds.reference.kecamatan_of()) or ds.reference.kelurahan_names


def metric_row(row) -> None:
    metrics = off.summary_metrics(row, lang)
    for column, (label, value) in zip(st.columns(4) + st.columns(4), metrics, strict=True):
        column.metric(label, value, border=True)


def calendar(selection, who: str) -> None:
    daily = off.daily_activity(selection, f.start, f.end)
    title = ctx.t("officers.calendar.title", who=who)
    st.plotly_chart(off.calendar_heatmap_figure(daily, lang, title), key="officers_calendar")


# --- The period: units by default, one unit or one officer on request ------------------------------------
if officer_totals.empty:
    widgets.empty_state()
else:
    st.info(ctx.t("officers.personnel_note"), icon=":material/info:")
    people = off.officer_labels(officer_totals["rank"], officer_totals["name"])
    labels = {"": ctx.t("officers.view.all")}
    labels |= {f"unit:{u}": ctx.t("officers.view.unit", unit=u) for u in unit_totals["unit"]}
    labels |= {f"nrp:{n}": f"{p} · {n}" for n, p in zip(officer_totals["nrp"], people, strict=True)}
    url_state.seed("view", keys.OFFICERS_VIEW, labels)
    view = st.selectbox(ctx.t("officers.view"), list(labels), format_func=labels.get, key=keys.OFFICERS_VIEW)
    url_state.publish("view", view, "")

    if view.startswith("nrp:"):
        nrp = view.removeprefix("nrp:")
        row = officer_totals.set_index("nrp").loc[nrp]
        who = off.officer_label(row["rank"], row["name"])
        header = ctx.t("officers.officer.header", officer=who, nrp=nrp, unit=row["unit"] or "–")
        st.subheader(off.markdown_text(header))
        metric_row(row)
        calendar(off.activity_of(records, nrp=nrp), who)
        own = visits.loc[lambda v: v["leader_nrp"] == nrp]
        if len(own):
            st.subheader(ctx.t("officers.kelurahan.header"))
            columns.table(own, columns.OFFICER_KELURAHAN, "officers_officer_kelurahan")
    else:
        unit = view.removeprefix("unit:") or None
        st.subheader(ctx.t("officers.units.header"))
        if unit is None:
            table = off.unit_table(unit_totals)
            columns.table(table, columns.UNITS, "officers_units")
            columns.downloads(table, columns.UNITS, "aktivitas_satuan", "dl_units")
            by_rank = off.activity_by_rank_unit(officer_totals)
            st.plotly_chart(off.rank_unit_figure(by_rank, lang), key="officers_rank_unit")
        else:
            metric_row(unit_totals.set_index("unit").loc[unit])
        calendar(off.activity_of(records, unit=unit), unit or ctx.t("officers.view.all"))
        st.subheader(ctx.t("officers.people.header"))
        in_view = officer_totals.loc[officer_totals["unit"] == unit] if unit else officer_totals
        people = off.officer_table(in_view)
        columns.table(people, columns.PEOPLE, "officers_people")
        columns.downloads(people, columns.PEOPLE, "aktivitas_personel", "dl_people")

# --- Reporting gaps, Binmas online style: whole history up to the end of the period ----------------------
st.subheader(ctx.t("officers.gaps.header"))
st.caption(ctx.t("officers.gaps.note", date=fmt_date(f.end, lang)))
history = ctx.whole_history("patrols"), ctx.whole_history("complaints")
gaps = off.shared_reporting_gaps(ds.officers, *history, f.end, f.units)
if gaps.empty:
    st.info(ctx.t("officers.gaps.none"))
else:
    st.markdown(off.gap_summary(gaps, lang))
    table = off.gap_table(gaps)
    columns.table(table, columns.GAPS, "officers_gaps", columns.row_css(off.gap_row_css(gaps)))
    columns.downloads(table, columns.GAPS, "kesenjangan_laporan", "dl_gaps")

# --- Coverage and rotation ---------------------------------------------------------------------------------
st.subheader(ctx.t("officers.coverage.header"))
st.caption(ctx.t("officers.coverage.rule"))
if visits.empty:
    widgets.empty_state()
else:
    assigned = off.assigned_kelurahan_visits(patrols, ds.officers, scope, f.end, visits=visits)
    shares = off.single_leader_kelurahan(patrols, visits=visits)
    flags = off.coverage_flags(assigned, shares, lang, f.days)
    if flags:
        st.warning("\n".join(f"- {off.markdown_text(line)}" for line in flags), icon=":material/group_off:")
    else:
        st.success(ctx.t("officers.coverage.none"), icon=":material/groups:")
    st.plotly_chart(off.coverage_matrix_figure(visits, scope, lang), key="officers_matrix")
    columns.downloads(
        off.coverage_table(visits, scope), columns.coverage(scope), "ketua_x_kelurahan", "dl_matrix"
    )
st.caption(widgets.data_stamp(ds))
