"""The app on a phone (390 × 844): CSS the frame adds to every page.

- The sidebar toggle says "Menu", so the filters and the page list are found.
- Streamlit's header is compact (it never scrolls away; it only holds the menu button).
- KPI cards wrap three a row on a monitor and two a row at ≤ 640 px (Ringkasan).
- Tables (st.dataframe) scroll sideways inside themselves; their key column is pinned by the page.
- Nothing is wider than the screen.
"""

from __future__ import annotations

import json

import streamlit as st

from ui import context as ctx

_CSS = """<style>
[data-testid="stExpandSidebarButton"] {width: auto !important; gap: 0.3rem;
  padding: 0.15rem 0.55rem 0.15rem 0.3rem; border: 1px solid #B8C4D6; border-radius: 0.5rem;
  background: #FFFFFF;}
[data-testid="stExpandSidebarButton"]::after {content: MENU_LABEL; font-size: 0.95rem; font-weight: 600;
  color: #0B3D91;}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > div > [data-testid="stElementContainer"]
  > [data-testid="stMetric"]) {flex-wrap: wrap !important; row-gap: 1rem;}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > div > [data-testid="stElementContainer"]
  > [data-testid="stMetric"]) > [data-testid="stColumn"] {
  flex: 1 1 calc(33.33% - 1rem) !important; min-width: calc(33.33% - 1rem) !important;}
@media (max-width: 640px) {
  header[data-testid="stHeader"] {height: 2.9rem !important; min-height: 0 !important;}
  [data-testid="stMainBlockContainer"] {padding: 3.2rem 0.75rem 2rem 0.75rem !important;}
  [data-testid="stMain"] h1 {font-size: 1.9rem !important; padding-top: 0.2rem !important;}
  [data-testid="stMain"] h2 {font-size: 1.45rem !important;}
  [data-testid="stMain"] h3 {font-size: 1.2rem !important;}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > div > [data-testid="stElementContainer"]
    > [data-testid="stMetric"]) {gap: 0.5rem !important; row-gap: 0.5rem !important;}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > div > [data-testid="stElementContainer"]
    > [data-testid="stMetric"]) > [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.25rem) !important; min-width: calc(50% - 0.25rem) !important;
    max-width: calc(50% - 0.25rem) !important;}
  [data-testid="stMetric"] {padding: 0.5rem 0.6rem !important;}
  [data-testid="stMetricValue"] > div {font-size: 1.6rem !important;}
  [data-testid="stMetricLabel"] p {font-size: 0.85rem !important;}
  [data-testid="stMetricDelta"] {font-size: 0.75rem !important;}
  [data-testid="stMetricLabel"] *, [data-testid="stMetricDelta"] * {white-space: normal !important;
    overflow: visible !important; text-overflow: clip !important;}
  [data-testid="stMetricDelta"] {height: auto !important;}
  [data-testid="stMain"] {overflow-x: hidden;}
}
</style>"""


def phone_css() -> None:
    """Add the phone layout and the "Menu" label (in the session's language) to the page."""
    st.html(_CSS.replace("MENU_LABEL", json.dumps(ctx.t("present.menu"))))
