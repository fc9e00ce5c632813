"""Daftar kegiatan & laporan: the patrols and complaints behind every number, in the current filter.

Charts and tables elsewhere open this page with a narrowed filter (ui.drill); the filter is stated on top.
Data only through ui.context, which masks personal data for the role.
"""

import streamlit as st

from analysis.admin import privacy
from analysis.i18n import fmt_int
from analysis.metrics import records
from ui import columns, widgets
from ui import context as ctx
from ui.drill import INVALID_KEY, clear_cell, current_cell

ds = ctx.dataset()
f = ctx.filters()
lang = ctx.lang()
widgets.page_header("records.title")
st.caption(ctx.t("records.intro"))
statement = records.filter_statement(f, ds.reference.kecamatan_of(), lang)
st.info(ctx.t("records.filter.stated", filter=statement), icon=":material/filter_alt:")

# Figures-only cuts (shared with the other pages); the free text is read only for the rows drawn (show).
patrols, all_complaints = ctx.patrols(figures=True), ctx.complaints(figures=True)
cell = current_cell(f)  # a clicked cell of Tren's hour grid: one weekday × hour
if cell:
    grid, weekday, hour = cell
    stated, drop = st.columns([4, 1], vertical_alignment="center")
    stated.info(records.cell_statement(grid, weekday, hour, lang), icon=":material/schedule:")
    drop.button(ctx.t("records.cell.clear"), on_click=clear_cell, key="records_cell_clear")
    patrols = records.patrols_out_at(patrols, weekday, hour)
    all_complaints = records.received_at_hour(all_complaints, weekday, hour)
scrub = not privacy.can_see_personal(ctx.role())  # free text as the role may see it
if patrols.empty and all_complaints.empty:
    widgets.empty_state()
    st.stop()


def show(rows, build, kind: str, key: str, file_name: str) -> None:
    """The latest ``records.SHOWN_ROWS`` of ``rows`` (a figures-only cut) as a table (``build``:
    ``records.patrol_records`` or ``complaint_records``) with their whole rows read for them, saying so
    when there are more; the downloads hold every row."""
    read = ctx.rows_reader(kind)
    order = records.PATROL_ORDER if kind == "patrols" else records.COMPLAINT_ORDER
    table = build(read(records.latest(rows, order, records.SHOWN_ROWS).index), scrub)
    height = min(38 + 35 * len(table), 520)
    st.dataframe(
        table, hide_index=True, column_config=columns.record_config(kind, lang), height=height, key=key
    )
    spec = columns.record_columns(kind)
    if len(rows) > len(table):
        shown, total = fmt_int(len(table), lang), fmt_int(len(rows), lang)
        offered = len(widgets.offered_formats(len(rows)))  # both, CSV only or none: the caption says which
        which = {2: "records.shown_latest", 1: "records.shown_latest_csv"}.get(offered, "records.shown_only")
        st.caption(ctx.t(which, shown=shown, total=total))
        columns.downloads(lambda: build(read(rows.index), scrub), spec, file_name, f"{key}_dl", len(rows))
    else:
        columns.downloads(table, spec, file_name, f"{key}_dl")


# Patrols: every topic, the leader, personnel and notes.
st.subheader(ctx.t("records.patrols.header", n=fmt_int(len(patrols), lang)))
if patrols.empty:
    st.info(ctx.t("records.patrols.none"))
else:
    show(patrols, records.patrol_records, "patrols", "records_patrols", "daftar_kegiatan_patroli")

# Complaints: valid ones as every chart counts them, or all of them on request.
include_invalid = st.toggle(
    ctx.t("records.include_invalid"), key=INVALID_KEY, help=ctx.t("records.include_invalid.help")
)
complaints = records.counted_complaints(all_complaints, include_invalid)
st.subheader(ctx.t("records.complaints.header", n=fmt_int(len(complaints), lang)))
hidden = len(all_complaints) - len(complaints)
if hidden:
    st.caption(ctx.t("records.complaints.invalid_hidden", n=fmt_int(hidden, lang)))
if complaints.empty:
    st.info(ctx.t("records.complaints.none"))
else:
    show(complaints, records.complaint_records, "complaints", "records_complaints", "daftar_laporan")
st.caption(widgets.data_stamp(ds))
