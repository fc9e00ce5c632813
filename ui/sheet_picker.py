"""The Data page's sheet picker and the report's sheet lines (issue 13: a workbook read as it is seen).

``choose(name, data)`` shows a picker when an uploaded workbook has more than one sheet (default: the
loader's own choice, the visible active sheet; hidden sheets listed and marked) and returns the sheet to
read, or None for the default. ``report_lines(report)`` shows which sheet was read and which were skipped,
in the same words as ``python -m analysis validate``.
"""

from __future__ import annotations

import streamlit as st

from analysis.core.text import plain  # the one escape for user-supplied text (sheet names)
from analysis.data import intake, loading, workbook
from ui import context as ctx
from ui import keys

_ZIP = b"PK\x03\x04"


def choose(name: str, data: bytes) -> str | None:
    """The sheet the analyst picked, or None (the loader's default). No picker for a CSV or one sheet."""
    if not data.startswith(_ZIP):
        return None
    try:
        sheets = workbook.list_sheets(data)
    except loading.UnreadableFile:
        return None  # the reading step that follows shows why
    if len(sheets) < 2:
        return None
    lang = ctx.lang()
    labels = {s.name: workbook.sheet_label(s, lang) for s in sheets}
    options: list[str | None] = [None, *labels]
    return st.selectbox(
        ctx.t("workbook.picker.label"),
        options,
        index=0,
        format_func=lambda option: ctx.t("workbook.picker.auto") if option is None else labels[option],
        help=ctx.t("workbook.picker.help"),
        key=keys.INTAKE_SHEET_PREFIX + intake.file_sha256(data)[:16],
    )


def report_lines(report: loading.ValidationReport) -> None:
    for line in workbook.sheet_lines(report, ctx.lang()):
        st.caption(plain(line))
