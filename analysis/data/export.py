"""Downloads that are safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab / carriage return) is run as a formula by
Excel and LibreOffice; text from residents or officers must never do that, so such cells get a leading
apostrophe. Numbers stay numbers: only text cells are touched.

An Excel download never changes data silently: a text longer than Excel's cell limit (32,767 characters)
is shortened, and control characters Excel cannot store (NUL, vertical tab, form feed, ESC, …; tab,
line feed and carriage return are fine) are removed. Each such cell is listed (``excel_notes``) in a
second sheet of the workbook, ``catatan``, and the page says so beside the button (``notice_text``).
CSV downloads keep every character as it is.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.data.arrow_text import StringChunk, string_chunks
from analysis.i18n import Lang, fmt_int, t

CELL_LIMIT = 32_767  # characters Excel stores in one cell
# The characters openpyxl refuses (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE): C0 controls but tab, LF, CR.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NOTES_SHEET = "catatan"
NoteKind = Literal["shortened", "control"]
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


@dataclass(frozen=True)
class ExcelNote:
    """One cell an Excel download cannot hold as it is.

    ``row`` is the spreadsheet row (the header is row 1, the frame's first row is row 2), ``column`` the
    frame's column name and ``cell`` its address (``"D7"``); ``kind`` is ``"shortened"`` (``length``: the
    original number of characters) or ``"control"`` (``removed``: how many control characters).
    """

    row: int
    column: str
    cell: str
    kind: NoteKind
    length: int = 0
    removed: int = 0


def _column_letter(position: int) -> str:
    """1 -> ``"A"``, 27 -> ``"AA"``."""
    letters = ""
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text_columns(frame: pd.DataFrame) -> list[int]:
    """Positions of the columns that may hold text: string, categorical or object dtype (read from the
    dtypes, no column taken out of the frame)."""
    return [
        i
        for i, dtype in enumerate(frame.dtypes)
        if pd.api.types.is_string_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
        or pd.api.types.is_object_dtype(dtype)
    ]


def _may_change(series: pd.Series, longest: int = CELL_LIMIT) -> bool:
    """False when no cell of the text column ``series`` has a control character or more than ``longest``
    characters (read as Arrow text, a few vectorised passes); True when one may, or when the column is
    not plain text to Arrow (mixed objects, numbers in an object column): then the cells are read one by
    one as before."""
    if series.empty:
        return False
    try:
        values = pa.array(series, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError):
        return True
    if pa.types.is_dictionary(values.type):
        values = values.dictionary
    if pa.types.is_null(values.type):
        return False
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        return True
    chunks = list(string_chunks(values))
    if any(_control_bytes(chunk) for chunk in chunks):
        return True
    if max((_longest_bytes(chunk) for chunk in chunks), default=0) <= longest:
        return False  # no value has more bytes than the limit, so none has more characters
    return (pc.max(pc.utf8_length(values)).as_py() or 0) > longest


# The bytes ``CONTROL_CHARACTERS`` matches. They are ASCII, and in UTF-8 an ASCII byte is never part of a
# longer character, so looking at the bytes is the same as looking at the characters.
_CONTROL_BYTE = np.zeros(256, dtype=bool)
_CONTROL_BYTE[[b for b in range(32) if CONTROL_CHARACTERS.match(chr(b))]] = True


def _control_bytes(chunk: StringChunk) -> bool:
    """Does a value of the string chunk hold a character ``CONTROL_CHARACTERS`` matches? (A byte of a
    null slot may answer yes: the caller then reads the cells one by one, which decides.)"""
    if len(chunk.starts) == 0:
        return False
    text = chunk.data[chunk.starts[0] : chunk.ends[-1]]
    return bool(_CONTROL_BYTE[text[text < 0x20]].any())


def _longest_bytes(chunk: StringChunk) -> int:
    """The longest value of the string chunk, in bytes (0 when it has none)."""
    return int((chunk.ends - chunk.starts).max()) if len(chunk.starts) else 0


def _excel_cells(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[ExcelNote]]:
    """``frame`` (formulas already neutralised) with every text cell made storable, and the notes."""
    out = frame.copy()
    notes: list[ExcelNote] = []
    for i in _text_columns(frame):
        series = frame.iloc[:, i]
        if not _may_change(series):
            continue  # nothing to clean or shorten: the column stays as it is
        text = series.astype("string")
        controls = text.str.count(CONTROL_CHARACTERS.pattern).fillna(0).astype(int)
        cleaned = text.str.replace(CONTROL_CHARACTERS.pattern, "", regex=True) if controls.any() else text
        lengths = cleaned.str.len().fillna(0).astype(int)
        long = lengths > CELL_LIMIT
        if not (controls.any() or long.any()):
            continue
        name = str(frame.columns[i])
        letter = _column_letter(i + 1)
        for position in sorted(set(controls.to_numpy().nonzero()[0]) | set(long.to_numpy().nonzero()[0])):
            row = int(position) + 2
            if controls.iloc[position]:
                notes.append(
                    ExcelNote(row, name, f"{letter}{row}", "control", removed=int(controls.iloc[position]))
                )
            if long.iloc[position]:
                notes.append(
                    ExcelNote(row, name, f"{letter}{row}", "shortened", length=int(lengths.iloc[position]))
                )
        out.isetitem(i, cleaned.str.slice(0, CELL_LIMIT).astype(object).where(text.notna(), None))
    return out, notes


def excel_notes(frame: pd.DataFrame) -> list[ExcelNote]:
    """The cells ``to_excel_bytes(frame)`` writes differently from the frame (in row order per column).

    A table whose text cells all fit and hold no control character (the usual case) has none: that is
    checked first on the frame itself, a cell one character under the limit counting as too long (the
    apostrophe ``neutralise_formulas`` may add), so the copy with formulas neutralised is built only when
    a cell may need a note."""
    if not any(_may_change(frame.iloc[:, i], CELL_LIMIT - 1) for i in _text_columns(frame)):
        return []
    return _excel_cells(neutralise_formulas(frame))[1]


def notice_text(notes: list[ExcelNote], lang: Lang = "id", limit: int = 5) -> str:
    """One short paragraph for beside the Excel button: what was shortened or removed, and where (the
    first ``limit`` cells of each kind), pointing to the ``catatan`` sheet. Empty when nothing changed.

    >>> print(notice_text([ExcelNote(2, "description", "B2", "shortened", length=40000)], "en"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Excel download, cells longer than Excel's limit of 32,767 characters, shortened: 1 (B2 description).
    Every change is listed in the sheet 'catatan'.
    """
    parts = []
    for kind in ("shortened", "control"):
        chosen = [n for n in notes if n.kind == kind]
        if not chosen:
            continue
        cells = ", ".join(f"{n.cell} {n.column}" for n in chosen[:limit]) + (
            ", …" if len(chosen) > limit else ""
        )
        parts.append(
            t(
                f"safety.export.{kind}",
                lang,
                count=fmt_int(len(chosen), lang),
                limit=fmt_int(CELL_LIMIT, lang),
                cells=cells,
            )
        )
    if not parts:
        return ""
    return " ".join(
        [t("safety.export.lead", lang), *parts, t("safety.export.sheet", lang, sheet=NOTES_SHEET)]
    )


def notes_frame(notes: list[ExcelNote], lang: Lang = "id") -> pd.DataFrame:
    """The ``catatan`` sheet: one row per changed cell: cell, row, column, what was done."""
    return pd.DataFrame(
        {
            t("safety.export.col.cell", lang): [n.cell for n in notes],
            t("safety.export.col.row", lang): [n.row for n in notes],
            t("safety.export.col.column", lang): [n.column for n in notes],
            t("safety.export.col.change", lang): [
                t(
                    f"safety.export.change.{n.kind}",
                    lang,
                    length=fmt_int(n.length, lang),
                    limit=fmt_int(CELL_LIMIT, lang),
                    removed=fmt_int(n.removed, lang),
                )
                for n in notes
            ],
        }
    )


# The largest table offered as an Excel file. openpyxl builds a workbook in memory: 50,000 records rows
# took 10 s and 334 MB more of the server's memory on the reference machine (2 cores), and a Polda's
# table of hundreds of thousands would hold the server for minutes and past its memory (and a sheet holds
# at most 1,048,576 rows). Larger tables are offered as CSV, which Excel opens.
EXCEL_ROWS = 50_000
# The largest table offered for download at all. A download's bytes are built in, and held by, the
# server: 602,659 records rows as CSV took 3.9 s and 0.8 GB more at the peak, 1,000,000 patrols in
# contract form 8 s and 1 GB, which on a Polda's server (1.3-1.6 GB with its sessions) passes 2 GB. A
# longer table is narrowed by the filters, or taken from the data folder's own files.
DOWNLOAD_ROWS = 250_000


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "data", lang: Lang = "id") -> bytes:
    """An .xlsx workbook: the data sheet (date-times without time zone, formulas neutralised, cells made
    storable) and, when a cell had to change, a ``catatan`` sheet listing each change (``excel_notes``).
    Callers offer it for tables of at most ``EXCEL_ROWS`` rows."""
    buffer = io.BytesIO()
    safe, notes = _excel_cells(neutralise_formulas(frame))
    for column in safe.columns:
        if isinstance(safe[column].dtype, pd.DatetimeTZDtype):
            safe[column] = safe[column].dt.tz_localize(None)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet_name[:31])
        if notes:
            notes_frame(notes, lang).to_excel(writer, index=False, sheet_name=NOTES_SHEET)
    return buffer.getvalue()
