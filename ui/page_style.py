"""What every page gets from the frame: a print stylesheet and Enter to apply typed dates.

- Print (Ctrl+P): A4 landscape; no sidebar, header, toolbars or download buttons; the page uses the sheet's
  width; a table, chart or KPI card is never split across two sheets nor cut at the right edge. (A long
  table prints the rows its frame shows; its download holds them all.)
- Streamlit's date field applies typed dates on Escape or a click elsewhere, not on Enter (what people
  press). A document-level key handler turns Enter inside a date field into that Escape. It is our own
  constant script (no data in it), installed once per browser tab.
"""

from __future__ import annotations

import streamlit as st

PRINT_CSS = """<style>
@page { size: A4 landscape; margin: 10mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stElementToolbar"], [data-testid="stDownloadButton"], [data-testid="stBaseButton-header"] {
    display: none !important;
  }
  [data-testid="stAppViewContainer"], [data-testid="stMain"] { margin-left: 0 !important; }
  [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0 0.5rem !important; }
  [data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stPlotlyChart"],
  [data-testid="stMetric"], [data-testid="stAlert"], iframe {
    break-inside: avoid; page-break-inside: avoid; max-width: 100% !important;
  }
  [data-testid="stDataFrameResizable"] { max-width: 100% !important; }
  /* wide tables (the 12 columns of the officer list) shrink to the sheet instead of losing columns */
  [data-testid="stDataFrame"] { zoom: 0.7; }
}
</style>"""

ENTER_APPLIES_DATES = """<script>
(() => {
  if (window.__kamtibmasEnterDates) return;
  window.__kamtibmasEnterDates = true;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || !event.target.closest) return;
    if (!event.target.closest('[data-testid="stDateInputField"]')) return;
    event.preventDefault();
    event.target.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", code: "Escape", bubbles: true}));
  }, true);
})();
</script>"""


def apply() -> None:
    """Add the print stylesheet and the Enter handler to this page (cheap: two small HTML elements)."""
    st.html(PRINT_CSS)
    st.html(ENTER_APPLIES_DATES, unsafe_allow_javascript=True)
