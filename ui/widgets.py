"""Small render helpers shared by pages. Text from data is always passed as plain text, never as HTML."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analysis.admin import privacy
from analysis.core.text import plain
from analysis.data import export
from analysis.data.dataset import Dataset
from analysis.i18n import fmt_date, fmt_date_range, fmt_int
from ui import auth
from ui import context as ctx


def page_header(title_key: str) -> None:
    """The page title and the period it shows."""
    f = ctx.filters()
    st.title(ctx.t(title_key))
    st.caption(fmt_date_range(f.start, f.end, ctx.lang()))


def empty_state() -> None:
    """The stated message when the filter leaves nothing to show."""
    st.info(ctx.t("empty.filter"), icon=":material/filter_alt_off:")


def data_stamp(ds: Dataset) -> str:
    """``"Data s.d. 27 Nov 2026"``: the latest day in the data."""
    return ctx.t("data.as_of", date=fmt_date(ds.last_date, ctx.lang()))


def download_buttons(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    name: str,
    key: str,
    notes: list[export.ExcelNote] | None = None,
    rows: int | None = None,
) -> None:
    """CSV and Excel downloads of ``frame`` with spreadsheet formulas neutralised, built only on click.

    ``frame`` may be a function returning the frame, so a costly export table (the whole data set in
    contract form) is also built only on click, not on every rerun. Row-level downloads are hidden from
    roles that may not have them; each download is audit-logged. Cells the Excel file cannot hold as they
    are (``analysis.data.export.excel_notes``; pass ``notes`` when ``frame`` is a function) are named beside
    the Excel button; ``rows`` (the table's length when ``frame`` is a function) as in ``table_downloads``.
    """
    if not privacy.may_download_rows(ctx.role()):
        return
    table_downloads(frame, name, key, st.columns(2), notes, rows)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# (file extension, label key, builder, MIME type) of each table download.
TABLE_FORMATS = (
    ("csv", "download.csv", export.to_csv_bytes, "text/csv"),
    ("xlsx", "download.excel", export.to_excel_bytes, XLSX_MIME),
)


def offered_formats(rows: int | None) -> tuple[str, ...]:
    """The download formats offered for a table of ``rows`` rows (None: not known, every format): both up
    to ``export.EXCEL_ROWS``, CSV only up to ``export.DOWNLOAD_ROWS``, none beyond."""
    if rows is None or rows <= export.EXCEL_ROWS:
        return ("csv", "xlsx")
    return ("csv",) if rows <= export.DOWNLOAD_ROWS else ()


def table_downloads(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    name: str,
    key: str,
    places,
    notes: list[export.ExcelNote] | None = None,
    rows: int | None = None,
) -> None:
    """One CSV and one Excel button, one in each of ``places``: built on click, formulas neutralised,
    audit-logged. No role check: callers offering row-level data use ``download_buttons``.

    ``rows``: the table's length when ``frame`` is a function. A format the table is too long for
    (``offered_formats``) has its button disabled, and a caption says why and what to do instead."""
    rows = len(frame) if isinstance(frame, pd.DataFrame) else rows
    offered = offered_formats(rows)
    for (ext, label, build, mime), place in zip(TABLE_FORMATS, places, strict=True):
        place.download_button(
            ctx.t(label),
            data=(lambda build=build: build(_resolve(frame))) if ext in offered else b"",
            file_name=f"{name}.{ext}",
            mime=mime,
            key=f"{key}_{ext}",
            on_click=auth.audit,
            args=("export", f"{name}.{ext}"),
            icon=":material/download:",
            disabled=ext not in offered,
        )
    lang = ctx.lang()
    if rows is not None and len(offered) < len(TABLE_FORMATS):
        too_long = "download.excel.too_long" if offered else "download.too_long"
        limit = export.EXCEL_ROWS if offered else export.DOWNLOAD_ROWS
        st.caption(ctx.t(too_long, limit=fmt_int(limit, lang), rows=fmt_int(rows, lang)))
        return
    if notes is None and isinstance(frame, pd.DataFrame):
        notes = export.excel_notes(frame)
    if notes:
        st.caption(plain(export.notice_text(notes, lang)))


def _resolve(frame: pd.DataFrame | Callable[[], pd.DataFrame]) -> pd.DataFrame:
    return frame() if callable(frame) else frame
