"""Peta: where have we been, and where haven't we? A click on a kelurahan filters every page."""

from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from analysis.i18n import fmt_int
from analysis.metrics import drilldown, maps
from analysis.metrics.filters import selected_kelurahan
from ui import columns, drill, keys, url_state, widgets
from ui import context as ctx

MAP_KEY = "map.folium"
LAST_CLICK_KEY = "map.last_click"

ds = ctx.dataset()
f = ctx.filters()
lang = ctx.lang()
reference = ds.reference
widgets.page_header("map.title")
st.caption(ctx.t("map.intro"))

# The map always shows all 21 kelurahan (the kelurahan filter only outlines its choice), so it stays a
# place to choose from; every other filter applies.
citywide = replace(f, kelurahan=(), kecamatan=())
patrols = ctx.patrols(citywide, figures=True)
complaints = ctx.complaints(citywide, figures=True)

chosen, records, clear = st.columns([3, 1, 1], vertical_alignment="center")
if f.kelurahan:
    chosen.success(ctx.t("map.selected", names=", ".join(f.kelurahan)), icon=":material/location_on:")
else:
    chosen.caption(ctx.t("map.hint"))
if f.kelurahan and records.button(ctx.t("records.open"), key="map.records", icon=":material/table_rows:"):
    drill.open_records(f)  # the records behind the selected kelurahan, in this period
if clear.button(ctx.t("map.clear"), key="map.clear", icon=":material/close:", disabled=not f.kelurahan):
    st.session_state.pop(LAST_CLICK_KEY, None)
    ctx.set_kelurahan_filter([])

if patrols.empty and complaints.empty:
    widgets.empty_state()
    st.stop()

# dict.get, not a lambda: widget metadata must stay picklable (runner.enforceSerializableSessionState).
measure_labels = {m: ctx.t(f"map.measure.{m}") for m in maps.MEASURES}
layer_labels = {layer: ctx.t(f"map.layer.{layer}") for layer in maps.LAYERS}
pick, toggles = st.columns([2, 3])
url_state.seed("measure", keys.MAP_MEASURE, maps.MEASURES)
url_state.seed("layers", keys.MAP_LAYERS, maps.LAYERS, multi=True)
measure = pick.selectbox(
    ctx.t("map.measure.label"), maps.MEASURES, format_func=measure_labels.get, key=keys.MAP_MEASURE
)
layers = toggles.pills(
    ctx.t("map.layers.label"),
    maps.LAYERS,
    selection_mode="multi",
    format_func=layer_labels.get,
    key=keys.MAP_LAYERS,
)
url_state.publish("measure", measure, maps.MEASURES[0])
url_state.publish("layers", layers, [])

measures = maps.citywide_measures(ds, f, f.end)  # shared with Ringkasan's findings, per data version
scale = maps.measure_scale(measures, measure, lang)
tiles = maps.tiles_setting()
fmap = maps.kelurahan_map(
    reference,
    measures,
    measure,
    lang,
    selected=selected_kelurahan(f, reference.kecamatan_of()) or (),
    complaints=complaints,
    patrols=patrols,
    layers=layers,
    tiles=tiles,
    scale=scale,
)

map_column, table_column = st.columns([3, 2])
with map_column:
    # Only a click on a shape changes last_active_drawing: panning and zooming never rerun the page.
    returned = st_folium(
        fmap,
        key=MAP_KEY,
        height=620,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    st.html(maps.legend_html(scale))
    notes = [ctx.t("map.scope"), ctx.t("map.attribution")]
    if layers:
        located_complaints = complaints["is_valid"] & complaints["lat"].notna() & complaints["lon"].notna()
        located_patrols = patrols["lat"].notna() & patrols["lon"].notna()
        notes.insert(
            0,
            ctx.t(
                "map.points_note",
                complaints=fmt_int(located_complaints.sum(), lang),
                patrols=fmt_int(located_patrols.sum(), lang),
            ),
        )
    if tiles:
        notes.append(ctx.t("map.tiles_on"))
    st.caption(" · ".join(notes))

with table_column:
    st.subheader(ctx.t("map.table.title"))
    table = maps.measure_table(measures, measure)
    spec = columns.measure(measure, maps.SPECS[measure].digits)
    rows = columns.table(table, spec, "map_table", selectable=True, height=420)
    drill.open_records(drilldown.row_filters(rows, table, f, kelurahan_column="kelurahan"))
    drill.hint()
    by_name = measures.set_index("kelurahan", drop=False)
    for name in f.kelurahan[:3]:
        details = maps.kelurahan_details(by_name.loc[name], reference, lang)
        st.subheader(name, divider="gray")  # a name from the reference list, never free text
        labels, values = zip(*details, strict=True)
        st.table(pd.DataFrame({ctx.t("map.detail.value"): values}, index=pd.Index(labels, name=name)))

clicked = maps.clicked_kelurahan(returned, reference.kelurahan_names)
if clicked is None:
    st.session_state.pop(LAST_CLICK_KEY, None)
elif clicked != st.session_state.get(LAST_CLICK_KEY):
    # The same click comes back on every rerun until the map is redrawn; act on it once.
    st.session_state[LAST_CLICK_KEY] = clicked
    ctx.set_kelurahan_filter([clicked])
