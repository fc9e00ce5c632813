"""Click-through to the records page: charts and tables that count records open the rows behind a click.

A chart is drawn with ``on_select="rerun"`` (a click selects one point); a table with single-row
selection. ``analysis.drilldown`` turns the selection into a narrowed filter, and ``open_records`` switches
to the records page with that filter in the URL (the sidebar applies it), so the records page states it
and a reload or a shared link shows the same rows.
"""

from __future__ import annotations

from typing import Any, NoReturn

import streamlit as st

from analysis.filters import Filters, to_query_params
from ui import context as ctx

RECORDS_PAGE = "pages/records.py"
INVALID_KEY = "records_invalid"  # the records page's "include Tidak Valid" toggle
CONFIG = {"displaylogo": False}


def open_records(narrowed: Filters | None, include_invalid: bool = False) -> None:
    """Open the records under ``narrowed`` (nothing happens for None: the click said nothing usable)."""
    if narrowed is None:
        return
    _switch(narrowed, include_invalid)


def _switch(narrowed: Filters, include_invalid: bool) -> NoReturn:
    st.session_state[INVALID_KEY] = include_invalid
    st.switch_page(RECORDS_PAGE, query_params=to_query_params(narrowed))


def chart(figure, key: str) -> list[dict[str, Any]]:
    """Draw a plotly figure whose marks can be clicked; returns the clicked points (empty list if none)."""
    event = st.plotly_chart(
        figure, key=key, config=CONFIG, on_select="rerun", selection_mode="points", width="stretch"
    )
    return list(event.selection.points) if event else []


def table(data, key: str, **kwargs) -> list[int]:
    """Draw a dataframe whose rows can be clicked (one at a time); returns the selected row positions."""
    event = st.dataframe(data, key=key, on_select="rerun", selection_mode="single-row", **kwargs)
    return list(event.selection.rows) if event else []


def hint() -> None:
    st.caption(ctx.t("records.click_hint"))
