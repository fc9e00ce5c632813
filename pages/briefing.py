"""Briefing: the projector view of the weekly anev, one topic per screen, and its PDF/PNG/CSV exports.

The shared period picks the weeks on offer: every full Monday–Sunday week inside it (up to the data's last
day), newest first, so the default is the last full week of the data. The other shared filters apply.
"""

from dataclasses import replace

import streamlit as st

from analysis.metrics.officers import markdown_text
from analysis.metrics.priority import ranked
from analysis.reports import briefing as brief
from analysis.reports.briefing_pdf import briefing_pdf_bytes, chromium_path, figure_png
from ui import auth, columns, keys, url_state, widgets
from ui import context as ctx
from ui import present as slides_ui

STEP_KEY = keys.BRIEFING_STEP
CSS = """<style>
div:has(> .st-key-briefing_header) {position: sticky; top: 3.75rem; z-index: 990;}
[data-testid="stHeader"] {background: #FFFFFF;}
.st-key-briefing_header {background: #0B3D91; padding: 0.8rem 1.2rem; border-radius: 0.4rem;}
.st-key-briefing_header p, .st-key-briefing_header h1 {color: #FFFFFF !important; margin: 0;}
.st-key-briefing_header h1 {font-size: 2.4rem; padding: 0;}
.st-key-briefing_header p {font-size: 1.25rem;}
.st-key-briefing_body h2 {font-size: 2.4rem; color: #0B3D91;}
.st-key-briefing_body li, .st-key-briefing_body p {font-size: 1.6rem; line-height: 1.45; color: #111111;}
</style>"""

ds = ctx.dataset()
f = ctx.filters()
lang = ctx.lang()
present = slides_ui.active()  # ?presentasi=1: one 16:9 screen per step, no chrome
st.markdown(CSS, unsafe_allow_html=True)
slides_ui.style(present)

weeks = {start.isoformat(): (start, end) for start, end in brief.briefing_weeks(f, ds.last_date or f.end)}
url_state.seed("week", keys.BRIEFING_WEEK, weeks)
chosen = st.selectbox(
    ctx.t("briefing.page.week"),
    list(weeks),
    format_func=lambda key: brief.period_title(*weeks[key], lang),
    help=ctx.t("briefing.page.week_help"),
    key=keys.BRIEFING_WEEK,
)
start, end = weeks.get(chosen) or next(iter(weeks.values()))
url_state.publish("week", chosen, next(iter(weeks)))
b = brief.build_briefing(ds, replace(f, start=start, end=end), lang)

with st.container(key="briefing_header"):
    st.title(f"{ctx.t('briefing.title')} · {b.title}")
    st.markdown(markdown_text(f"{b.data_stamp} · {ctx.t('briefing.page.scope', scope=b.scope)}"))

if not b.has_data:
    widgets.empty_state()
    st.stop()

stem = f"briefing_{start:%Y%m%d}_{end:%Y%m%d}"
st.download_button(
    ctx.t("briefing.page.pdf"),
    data=lambda: briefing_pdf_bytes(b),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    key="briefing_pdf",
    on_click=auth.audit,
    args=("export", f"{stem}.pdf"),
    icon=":material/picture_as_pdf:",
    type="primary",
)
slides_ui.mode_button(present)

TABLES = {"fakta": "channels", "analisa": "categories", "prediksi": "prediction", "rekomendasi": "priority"}


def table_of(key: str):
    frame = getattr(b, TABLES[key])
    if key == "rekomendasi":
        frame = ranked(frame).drop(columns=["score"])
    return frame.round(1)  # for people: one decimal at most


def step(delta: int) -> None:
    st.session_state[STEP_KEY] = min(max(st.session_state.get(STEP_KEY, 0) + delta, 0), len(b.sections) - 1)
    slides_ui.show_step(st.session_state[STEP_KEY])  # ?langkah=N: a reload stays on this step


@st.fragment
def slides() -> None:
    """One topic per screen; next/previous rerun only this fragment, not the whole briefing."""
    index = slides_ui.current_step(STEP_KEY, len(b.sections))
    section = b.sections[index]
    left, middle, right = st.columns([1, 3, 1], vertical_alignment="center")
    left.button(
        ctx.t("briefing.page.prev"),
        on_click=step,
        args=(-1,),
        disabled=index == 0,
        key="briefing_prev",
        icon=":material/arrow_back:",
        width="stretch",
    )
    counter = ctx.t("briefing.page.step", n=index + 1, total=len(b.sections))
    middle.markdown(f"**{counter}**", text_alignment="center")
    right.button(
        ctx.t("briefing.page.next"),
        on_click=step,
        args=(1,),
        disabled=index == len(b.sections) - 1,
        key="briefing_next",
        icon=":material/arrow_forward:",
        icon_position="right",
        width="stretch",
    )
    name = brief.SECTION_FIGURE[section.key]
    figure = brief.FIGURES[name](b)
    table = table_of(section.key)
    if present:
        details = lambda: downloads_and_table(table, name, st.columns(2))  # noqa: E731
        slides_ui.slide(section, f"{b.title} · {counter}", figure, name, details)
        return
    with st.container(key="briefing_body"):
        st.header(section.title)
        st.markdown("\n".join(f"- {markdown_text(sentence)}" for sentence in section.sentences))
    slides_ui.charts(figure, name)
    columns = st.columns(3)
    if chromium_path():
        columns[0].download_button(
            ctx.t("briefing.page.png"),
            data=lambda: figure_png(figure),
            file_name=f"{stem}_{name}.png",
            mime="image/png",
            key=f"briefing_png_{name}",
            on_click="ignore",
            icon=":material/image:",
        )
    else:
        columns[0].caption(ctx.t("briefing.page.no_png"))
    downloads_and_table(table, name, columns[1:])


def downloads_and_table(table, name: str, places) -> None:
    spec = columns.briefing(table)
    export = columns.for_export(table, spec, lang)
    widgets.table_downloads(export, f"{stem}_{name}", f"briefing_dl_{name}", places)
    config = columns.config(table, spec, lang)
    st.dataframe(table, hide_index=True, key=f"briefing_table_{name}", column_config=config)


slides()
