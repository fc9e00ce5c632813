"""Downloads that are safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab / carriage return) is run as a formula by
Excel and LibreOffice; text from residents or officers must never do that, so such cells get a leading
apostrophe. Numbers stay numbers: only text cells are touched.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` where no text cell can run as a spreadsheet formula.

    >>> neutralise_formulas(pd.DataFrame({"a": ["=1+1", "ok", "-x"], "n": [-1, 2, 3]})).to_dict("list")
    {'a': ["'=1+1", 'ok', "'-x"], 'n': [-1, 2, 3]}
    """
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        is_text = pd.api.types.is_string_dtype(series) or isinstance(series.dtype, pd.CategoricalDtype)
        if not is_text:
            continue
        text = series.astype("string")
        risky = text.str.startswith(FORMULA_PREFIXES).fillna(False).astype(bool)
        out[column] = text.where(~risky, "'" + text) if risky.any() else series
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM, so Excel on an Indonesian Windows PC reads the accents right."""
    return neutralise_formulas(frame).to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "data") -> bytes:
    """An .xlsx workbook with one sheet; date-times without time zone, formulas neutralised."""
    buffer = io.BytesIO()
    safe = neutralise_formulas(frame)
    for column in safe.columns:
        if isinstance(safe[column].dtype, pd.DatetimeTZDtype):
            safe[column] = safe[column].dt.tz_localize(None)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet_name[:31])
    return buffer.getvalue()
