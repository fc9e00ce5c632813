"""Click-through to the records page: charts and tables that count records open the rows behind a click.

A chart is drawn with ``on_select="rerun"`` (a click selects one point); a table with single-row
selection. ``analysis.metrics.drilldown`` turns the selection into a narrowed filter, and ``open_records``
switches
to the records page with that filter in the URL (the sidebar applies it), so the records page states it
and a reload or a shared link shows the same rows.
"""

from __future__ import annotations

from typing import Any, NoReturn

import streamlit as st

from analysis.metrics.filters import Filters, to_query_params
from ui import context as ctx
from ui import sidebar

RECORDS_PAGE = "pages/records.py"
INVALID_KEY = "records_invalid"  # the records page's "include Tidak Valid" toggle
CELL_KEY = "records_cell"  # (grid, weekday, hour) of a clicked hour cell: no sidebar filter says that
CONFIG = {"displaylogo": False}


def open_records(
    narrowed: Filters | None, include_invalid: bool = False, cell: tuple[str, int, int] | None = None
) -> None:
    """Open the records under ``narrowed`` (nothing happens for None: the click said nothing usable);
    ``cell`` narrows further to one weekday × hour of Tren's hour grid (kept in session state)."""
    if narrowed is None:
        return
    _switch(narrowed, include_invalid, cell)


def _switch(narrowed: Filters, include_invalid: bool, cell: tuple[str, int, int] | None) -> NoReturn:
    st.session_state[INVALID_KEY] = include_invalid
    params = to_query_params(narrowed)
    st.session_state[CELL_KEY] = None if cell is None else (cell, params)
    sidebar.keep_frame_across_switch()
    st.switch_page(RECORDS_PAGE, query_params=params)


def current_cell(filters: Filters) -> tuple[str, int, int] | None:
    """The clicked hour cell, only while the filter is still the one it was clicked under: a filter
    change or another link drops it, so it never narrows records silently."""
    held = st.session_state.get(CELL_KEY)
    if held is None or held[1] != to_query_params(filters):
        return None
    return held[0]


def clear_cell() -> None:
    st.session_state[CELL_KEY] = None


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
