"""Tables keep numbers as numbers; this module writes them in the reader's form only at the edge.

``styled(frame, lang)`` returns a pandas ``Styler`` whose *display* text is Indonesian (or English) number
and date form (Babel, through ``analysis.i18n``) while the cells underneath stay ``int``/``float``/
datetime: a table sorts by value (192 above 98) and a download gets numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from analysis.i18n import Lang, fmt_date, fmt_int, fmt_num

MISSING = "–"


def number_formats(
    frame: pd.DataFrame,
    lang: Lang = "id",
    digits: Mapping[str, int] | None = None,
    missing: Mapping[str, str] | None = None,
) -> dict[str, Callable[[object], str]]:
    """A formatter per numeric or date column of ``frame`` (other columns are left alone).

    Integer columns: ``1.458``; float columns: ``digits[column]`` decimals (default 1): ``209,2``; datetime
    columns: ``26 Mei 2025``. A missing value reads ``missing[column]`` (default ``"–"``).
    """
    digits, missing = digits or {}, missing or {}
    formats: dict[str, Callable[[object], str]] = {}
    for column in frame.columns:
        dtype = frame[column].dtype
        if pd.api.types.is_bool_dtype(dtype):
            continue
        if pd.api.types.is_integer_dtype(dtype):
            places = 0
        elif pd.api.types.is_float_dtype(dtype):
            places = digits.get(column, 1)
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            places = -1
        else:
            continue
        formats[column] = partial(_cell, lang=lang, places=places, empty=missing.get(column, MISSING))
    return formats


def _cell(value: Any, lang: Lang, places: int, empty: str) -> str:
    """One cell as text: a date (``places`` −1), a whole number (0) or a decimal; ``empty`` if missing."""
    if value is None or pd.isna(value):
        return empty
    if places < 0:
        return fmt_date(value, lang)
    return fmt_int(value, lang) if places == 0 else fmt_num(value, lang, places)


def background(colour: str) -> str:
    """The CSS of a highlighted cell: ``"background-color: #F8D0D0"``; ``""`` (no highlight) for ``""``.

    >>> background("#F8D0D0"), background("")
    ('background-color: #F8D0D0', '')
    """
    return f"background-color: {colour}" if colour else ""


def styled(
    frame: pd.DataFrame | Styler,
    lang: Lang = "id",
    digits: Mapping[str, int] | None = None,
    missing: Mapping[str, str] | None = None,
) -> Styler:
    """``frame`` (or an existing ``Styler`` of it, colours kept) with its numbers and dates displayed in
    ``lang``'s form; the values underneath are unchanged."""
    styler = frame if isinstance(frame, Styler) else frame.style
    return styler.format(number_formats(styler.data, lang, digits, missing))


def displayed(styler: Styler) -> pd.DataFrame:
    """The text a ``Styler`` shows in each cell (what ``st.dataframe`` draws), as a frame of ``str`` with
    the data's columns: for tests and checks of what a reader sees."""
    body = styler._translate(False, False)["body"]
    rows = [[cell["display_value"] for cell in row if cell["type"] == "td"] for row in body]
    return pd.DataFrame(rows, columns=styler.data.columns, dtype="object")
