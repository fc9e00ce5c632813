"""Tren Kategori: which categories rose significantly in which kelurahan, at what hours, and did patrols
address them. The flagged changes come first; the charts below explain them."""

import streamlit as st

from analysis.i18n import fmt_date_range, fmt_int, fmt_pct
from analysis.metrics import drilldown, trends
from analysis.metrics.bins import bin_table, time_bins
from analysis.metrics.style import CHANGE_COLOURS
from analysis.metrics.tables import background
from ui import columns, drill, widgets
from ui import context as ctx

ds = ctx.dataset()
ref = ds.reference
f = ctx.filters()
lang = ctx.lang()
widgets.page_header("trends.title")
st.caption(ctx.t("trends.question"))

left, right = st.columns(2)
freq = left.radio(
    ctx.t("trends.freq"),
    trends.FREQS,
    format_func={v: ctx.t(f"trends.freq.{v}") for v in trends.FREQS}.get,
    horizontal=True,
    key="trends_freq",
)
include_invalid = right.toggle(
    ctx.t("trends.include_invalid"), key="trends_invalid", help=ctx.t("trends.include_invalid.help")
)

# figures only: no chart or table here reads free text (the records page does, for a clicked bar)
all_complaints, patrols = ctx.complaints(figures=True), ctx.patrols(figures=True)
if all_complaints.empty and patrols.empty:
    widgets.empty_state()
    st.stop()
complaints = trends.counted_complaints(all_complaints, include_invalid)
colours = ref.category_colours()
names = ref.category_labels(lang)


def label_colour(text: str) -> str:
    rise, fall = ctx.t("stats.direction.up"), ctx.t("stats.direction.down")
    return background({rise: CHANGE_COLOURS["up"], fall: CHANGE_COLOURS["down"]}.get(text, ""))


def show_changes(rows, key: str) -> None:
    """The change table; a clicked row opens its complaints (kelurahan and/or category, this period)."""
    labels = ["direction_previous", "direction_year"]
    clicked = columns.table(rows, columns.CHANGES, key, lambda s: s.map(label_colour, subset=labels), True)
    keys = [c if c in rows.columns else None for c in ("kelurahan", "category")]
    drill.open_records(drilldown.row_filters(clicked, rows, f, *keys), include_invalid)


# 1. What changed, and is it real: flagged kelurahan × category first.
st.subheader(ctx.t("trends.changes.header"))
previous, year_before = f.previous(), f.year_before()
st.caption(
    ctx.t(
        "trends.changes.caption",
        previous=fmt_date_range(previous.start, previous.end, lang),
        year=fmt_date_range(year_before.start, year_before.end, lang),
    )
)
kecamatan_of = ref.kecamatan_of()
by_place = trends.period_changes(
    ds.complaints, f, kecamatan_of, ["kelurahan", "category"], ds.first_date, include_invalid
)
by_category = trends.period_changes(
    ds.complaints, f, kecamatan_of, ["category"], ds.first_date, include_invalid
)
place_mentions = trends.patrol_mentions_by(patrols, ["kelurahan", "category"])
flagged = trends.change_rows(by_place, only_flagged=True, mentions=place_mentions, names=names)
if flagged.empty:
    st.info(ctx.t("trends.changes.none"))
else:
    show_changes(flagged, "trends_flagged")
    columns.downloads(flagged, columns.CHANGES, "tren_perubahan_bermakna", "trends_flagged_dl")
with st.expander(ctx.t("trends.changes.by_category")):
    category_mentions = trends.patrol_mentions_by(patrols, ["category"])
    show_changes(
        trends.change_rows(by_category, mentions=category_mentions, names=names),
        "trends_by_category",
    )
st.caption(ctx.t("trends.changes.note"))

# 2. Counts per week or month, calendar bands behind.
st.subheader(ctx.t("trends.series.header"))
bands = trends.calendar_bands(ref.calendar, f.start, f.end, lang)
complaint_counts = trends.complaint_counts_per_period(complaints, freq, ref.category_names, f.start, f.end)
topic_counts = trends.topic_counts_per_period(patrols, freq, ref.category_names, f.start, f.end)
stacked, multiples, topics = st.tabs(
    [ctx.t("trends.tab.stacked"), ctx.t("trends.tab.multiples"), ctx.t("trends.tab.topics")]
)
period = {"start": f.start, "end": f.end, "names": names}
with stacked:
    figure = trends.stacked_counts_figure(complaint_counts, colours, freq, bands, lang, **period)
    clicked = drill.chart(figure, "trends_stacked")
    drill.open_records(drilldown.bar_filters(clicked, complaint_counts, freq, f), include_invalid)
with multiples:
    figure = trends.small_multiples_figure(complaint_counts, colours, freq, bands, lang, **period)
    drawn = complaint_counts.loc[:, complaint_counts.sum() > 0]  # one panel per category with reports
    drill.open_records(
        drilldown.bar_filters(drill.chart(figure, "trends_multiples"), drawn, freq, f), include_invalid
    )
with topics:
    st.caption(ctx.t("trends.topics.caption"))
    figure = trends.stacked_counts_figure(topic_counts, colours, freq, bands, lang, what="topics", **period)
    drill.open_records(drilldown.bar_filters(drill.chart(figure, "trends_topics"), topic_counts, freq, f))
bins = time_bins(f.start, f.end, freq)
notes = [ctx.t("trends.bands.caption", events=len(bands)), ctx.t("records.click_hint")]
if bins["partial"].any():
    notes.append(ctx.t("display.bin.note"))
st.caption(" ".join(notes))
with st.expander(ctx.t("display.bin.table")):
    per_bin = bin_table(complaint_counts.rename(columns=names), bins, lang)
    spec = columns.per_bin(per_bin.columns[2:-1])
    columns.table(per_bin, spec, "trends_bin_table")
    columns.downloads(per_bin, spec, "tren_per_periode", "trends_bin_dl")

# 3. When: reported hours against the hours patrols were out.
st.subheader(ctx.t("trends.hours.header"))
complaint_grid = trends.complaints_by_weekday_hour(complaints)
presence_grid = trends.patrol_presence_by_weekday_hour(patrols)
hours_chart = drilldown.with_hour_cell_targets(trends.hours_figure(complaint_grid, presence_grid, lang))
cell = drilldown.hour_cell(drill.chart(hours_chart, "trends_hours"))
drill.open_records(f if cell else None, include_invalid, cell)
st.caption(ctx.t("trends.hours.caption", untimed=fmt_int(trends.patrols_without_times(patrols), lang)))
gaps = trends.unpatrolled_complaint_hours(complaint_grid, presence_grid)
with st.expander(ctx.t("trends.hours.gaps", count=fmt_int(len(gaps), lang))):
    columns.table(gaps, columns.HOUR_GAPS, "trends_gaps")

# 4. Channels: volume and the share marked Tidak Valid (counted over every status).
st.subheader(ctx.t("trends.channels.header"))
quality = trends.channel_quality(all_complaints)
st.plotly_chart(trends.channel_figure(quality, lang), key="trends_channels", config={"displaylogo": False})
st.caption(ctx.t("trends.channels.caption"))

# 5. Did the patrols talk about what residents complained about?
st.subheader(ctx.t("trends.align.header"))
alignment = trends.topic_alignment(complaints, patrols)
share = trends.alignment_share(alignment)
st.metric(ctx.t("trends.align.share"), fmt_pct(share, lang, 0), border=True)
st.caption(ctx.t("trends.align.caption"))
mismatches = trends.topic_mismatches(alignment, names)
if mismatches.empty:
    st.info(ctx.t("trends.align.none"))
else:
    columns.table(mismatches, columns.MISMATCHES, "trends_mismatches")
    columns.downloads(mismatches, columns.MISMATCHES, "tren_topik_belum_dibahas", "trends_mismatches_dl")
st.caption(widgets.data_stamp(ds))
