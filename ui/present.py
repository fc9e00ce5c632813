"""The briefing on a projector and on a phone: presentation mode (``?presentasi=1``), the step in the URL
(``?langkah=2``), the keyboard bridge (← / →, PageUp / PageDown from a clicker, Esc) and the CSS that makes
each step one 16:9 screen. Rendering only; which sentences and how charts are sized is
analysis.reports.slides.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from analysis.metrics.officers import markdown_text
from analysis.reports.briefing import Section
from analysis.reports.slides import fit_figure, slide_points
from ui import context as ctx

PRESENT_PARAM = "presentasi"
STEP_PARAM = "langkah"
_SEEN_STEP = "_briefing_step_from_url"
PLOT_CONFIG = {"displaylogo": False, "responsive": True}

# Presentation mode: the app's chrome (header, sidebar, demo banner, picker, PDF button) hidden, not
# removed, so the filters and the chosen week keep their state; the slide fills the screen above a fixed
# control bar.
PRESENT_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbar"], [data-testid="stDecoration"],
.st-key-briefing_week, .st-key-briefing_header, .st-key-briefing_pdf, .st-key-briefing_present_enter,
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] >
  [data-testid="stElementContainer"]:has([data-testid="stAlert"]) {display: none !important;}
[data-testid="stMainBlockContainer"] {
  padding: 0.6rem 1.6rem 5.5rem 1.6rem !important; max-width: 100% !important;}
[data-testid="stMain"] [data-testid="stVerticalBlock"] {gap: 0.6rem;}
.st-key-slide_head h1 {font-size: 2.5rem; line-height: 1.15; color: #0B3D91; padding: 0; margin: 0;}
.st-key-slide_head p {font-size: 1.25rem; color: #333333; margin: 0;}
.st-key-slide_points li, .st-key-slide_points p {
  font-size: 24px !important; line-height: 1.3; color: #111111;}
.st-key-slide_points li {margin-bottom: 0.35rem;}
[data-testid="stHorizontalBlock"]:has(.st-key-briefing_prev) {
  position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; background: #FFFFFF;
  border-top: 2px solid #0B3D91; padding: 0.5rem 1.6rem; margin: 0;}
[data-testid="stHorizontalBlock"]:has(.st-key-briefing_prev) button {min-height: 2.8rem;}
[data-testid="stHorizontalBlock"]:has(.st-key-briefing_prev) p {font-size: 1.3rem;}
.st-key-briefing_present_exit {
  position: fixed; top: 0.5rem; right: 1rem; z-index: 999991; width: auto !important;}
</style>"""

# Phones (≤ 640 px): the briefing's header scrolls away and shrinks; the narrow copy of each chart
# replaces the wide one (and the other way round above 640 px).
PHONE_CSS = """<style>
[class*="st-key-chart_narrow_"] {display: none;}
.st-key-briefing_header [data-testid="stMarkdownContainer"] {margin-bottom: 0 !important;}
@media (max-width: 640px) {
  div:has(> .st-key-briefing_header) {position: static !important;}
  .st-key-briefing_header {padding: 0.5rem 0.7rem !important; height: auto !important;}
  .st-key-briefing_header p {line-height: 1.3 !important;}
  [data-testid="stHorizontalBlock"]:has(.st-key-briefing_prev) {flex-wrap: nowrap !important; gap: 0.4rem;}
  [data-testid="stHorizontalBlock"]:has(.st-key-briefing_prev) > [data-testid="stColumn"] {
    min-width: 0 !important; flex: 1 1 0 !important;}
  [data-testid="stHorizontalBlock"]:has(.st-key-briefing_prev) button p {
    font-size: 0.85rem; white-space: normal;}
  .st-key-briefing_header h1 {font-size: 1.35rem !important;}
  .st-key-briefing_header p {font-size: 0.9rem !important;}
  .st-key-briefing_body h2 {font-size: 1.5rem !important;}
  .st-key-briefing_body li, .st-key-briefing_body p {font-size: 1rem !important; line-height: 1.4 !important;}
  [class*="st-key-chart_wide_"] {display: none;}
  [class*="st-key-chart_narrow_"] {display: block;}
}
</style>"""

# ← / → and PageUp / PageDown click the step buttons, Esc the exit button; only in presentation mode
# (its exit button is on the page) and never while typing in a field. Installed once per browser tab.
KEYBOARD_JS = """<script>
(() => {
  if (window.__briefingKeys) return;
  window.__briefingKeys = true;
  const keys = {ArrowRight: "briefing_next", PageDown: "briefing_next", ArrowLeft: "briefing_prev",
                PageUp: "briefing_prev", Escape: "briefing_present_exit"};
  document.addEventListener("keydown", (event) => {
    if (!document.querySelector(".st-key-briefing_present_exit")) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const key = keys[event.key];
    if (!key) return;
    event.preventDefault();
    const button = document.querySelector(".st-key-" + key + " button");
    if (button && !button.disabled) button.click();
  }, true);
})();
</script>"""


def active() -> bool:
    """Presentation mode is on: ``?presentasi=1`` in the URL."""
    return st.query_params.get(PRESENT_PARAM) == "1"


def _enter() -> None:
    st.query_params[PRESENT_PARAM] = "1"


def _leave() -> None:
    st.query_params.pop(PRESENT_PARAM, None)


def style(present: bool) -> None:
    """The CSS of the current mode; in presentation mode also the keyboard bridge."""
    # st.markdown, not st.html: a style-only st.html lands outside the page's elements and outlives the
    # run, so leaving presentation mode would keep its CSS.
    st.markdown(PHONE_CSS + (PRESENT_CSS if present else ""), unsafe_allow_html=True)
    if present:
        st.html(KEYBOARD_JS, unsafe_allow_javascript=True)


def mode_button(present: bool) -> None:
    """ "Mode presentasi" in the normal view; "Keluar" (pinned top right) in presentation mode."""
    if present:
        st.button(
            ctx.t("present.exit"), on_click=_leave, key="briefing_present_exit", icon=":material/close:"
        )
    else:
        st.button(
            ctx.t("present.enter"),
            on_click=_enter,
            help=ctx.t("present.enter_help"),
            key="briefing_present_enter",
            icon=":material/slideshow:",
        )


def current_step(step_key: str, total: int) -> int:
    """The step shown (0-based). A ``?langkah=N`` the session has not seen yet (a link, a reload) wins;
    the URL then always carries the step shown, so a reload stays on it."""
    raw = st.query_params.get(STEP_PARAM)
    if raw != st.session_state.get(_SEEN_STEP):
        st.session_state[_SEEN_STEP] = raw
        if raw and raw.isdigit():
            st.session_state[step_key] = int(raw) - 1
    index = min(max(int(st.session_state.get(step_key, 0)), 0), max(total - 1, 0))
    st.session_state[step_key] = index
    show_step(index)
    return index


def show_step(index: int) -> None:
    """Write the step (0-based) into the URL as ``langkah`` (1-based)."""
    wanted = str(index + 1)
    if st.query_params.get(STEP_PARAM) != wanted:
        st.query_params[STEP_PARAM] = wanted
    st.session_state[_SEEN_STEP] = wanted


def charts(figure: go.Figure, name: str) -> None:
    """The wide chart (office screens) and its narrow copy (phones); CSS shows the one that fits."""
    with st.container(key=f"chart_wide_{name}"):
        st.plotly_chart(figure, key=f"briefing_fig_{name}", theme=None, config={"displaylogo": False})
    with st.container(key=f"chart_narrow_{name}"):
        narrow = fit_figure(figure, "phone")
        st.plotly_chart(narrow, key=f"briefing_fig_phone_{name}", theme=None, config=PLOT_CONFIG)


def slide(section: Section, headline: str, figure: go.Figure, name: str, details: Callable[[], None]) -> None:
    """One 16:9 screen: the headline, at most five bullets beside the chart, the rest folded away."""
    shown, folded = slide_points(section.sentences)
    with st.container(key="slide_head"):
        st.markdown(f"# {markdown_text(section.title)}\n\n{markdown_text(headline)}")
    left, right = st.columns([1, 1], gap="medium")
    with left.container(key="slide_points"):
        st.markdown("\n".join(f"- {markdown_text(sentence)}" for sentence in shown))
    right.plotly_chart(fit_figure(figure, "present"), key=f"slide_fig_{name}", theme=None, config=PLOT_CONFIG)
    with st.expander(ctx.t("present.details"), icon=":material/unfold_more:"):
        if folded:
            st.markdown("\n".join(f"- {markdown_text(sentence)}" for sentence in folded))
        details()
