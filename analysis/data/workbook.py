"""Reading an Excel workbook as the person who typed it sees it, within bounds (issues 13 and 19).

``read_sheet(data, kind, mapping, sheet)`` -> ``SheetRead``: the header and the rows of one sheet as text,
the sheet's own row numbers, the sheet chosen and the others with why they were not read. The loader
(``analysis.data.loading``) turns it into its raw frame; ``annotate(report, read)`` adds the sheet and the
formula findings to the validation report; ``sheet_lines(report, lang)`` is the same text for the command
line and the Data page.

The conventions:

- **Which sheet.** The visible, active sheet (the one Excel opens on). If it has no recognisable header,
  the other visible sheets in order; hidden and "very hidden" sheets never, unless chosen by name
  (``--sheet NAME`` on the command line, the sheet picker on the Data page). The report names the sheet
  read and every other sheet with the reason it was skipped.
- **Merged cells** give their value to every cell they cover (a date merged down over a day's rows, a
  name merged over two columns). Rows whose only content comes from a merge are blank rows.
- **Header.** The first row, within the first ten, whose cells name every required column (matched
  against the aliases of ``analysis.data.schema``), else the row naming the most columns: a title block above
  it is skipped. A group header over sub-headers (``Waktu`` over ``Mulai`` / ``Selesai``) is one header of
  two rows: the sub-header row is not a record, and a sub-header is named ``Waktu Mulai`` (or ``Mulai``
  when only that is a known alias).
- **Values** arrive as the text the value parsers read: whole numbers without ``.0`` (``45803``, ``12``),
  other numbers as written, date cells as ISO dates (``2025-05-26``) or date-times
  (``2025-05-28 09:00:00``), time cells as ``HH:MM``, errors as Excel shows them (``#DIV/0!``). A number
  in a General-format date column stays its serial text (``45803``) for the date parser. (Interim: while
  ``loading.parse_date`` does not read serial numbers, ``_serial_dates`` converts them here, with a
  warning naming the column; it switches itself off once the parser reads ``45803``.)
- **Formulas.** The result Excel saved is read. A formula with no saved result (a file written by a program
  and never opened in Excel) is empty, and the report says so instead of "wajib diisi".

Bounds (``analysis.data.limits``): the file size and the unzipped size of its parts are checked before
anything
is parsed. openpyxl then reads the workbook part, the shared strings and the styles, but no sheet; the
chosen sheet's XML is streamed a megabyte at a time through expat handlers (no element tree, no DTD or
entity accepted): its declared ``<dimension>`` is checked as soon as it is met, before any cell, then
rows, columns, characters per cell and cells are counted as they arrive, and the first limit reached
stops the read with ``LimitExceeded``. Nothing is padded to a declared range.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, BinaryIO, NoReturn

from analysis.data import limits as bounds
from analysis.data import schema
from analysis.data.loading import (
    HEADER_SCAN_ROWS,
    Problem,
    UnreadableFile,
    ValidationReport,
    _dedupe,  # the CSV reader's rule for empty and repeated headers, shared
    detect_kind,
    map_headers,
    parse_date,
)
from analysis.data.schema import KINDS, Kind
from analysis.i18n import Lang, t

_PEEK_ROWS = HEADER_SCAN_ROWS + 2  # header search window and a sub-header row
_DATE_COLUMNS = ("date", "received_at", "resolved_at")


@dataclass(frozen=True)
class SheetInfo:
    """One worksheet of a workbook: its name, Excel's state (visible, hidden, veryHidden) and whether it is
    the one Excel opens on."""

    name: str
    state: str
    active: bool


@dataclass
class SheetRead:
    """One sheet of a workbook read as text: which sheet, every sheet with its state, the sheets skipped with
    a reason code, the header and data rows (cells as text, "" when empty), the sheet row number of each
    data row, the formulas found by (row, header), and file-level notes for the validation report.
    """

    sheet: str
    sheets: list[SheetInfo]
    skipped: list[tuple[str, str]]  # (sheet name, reason code: hidden, very_hidden, not_active, no_header)
    header: list[str]  # the file's headers, de-duplicated by the loader's rule
    body: list[list[str]]  # one list per data row, as wide as the header, "" for an empty cell
    lines: list[int]  # the sheet's row number of each data row
    formulas: dict[tuple[int, str], str] = field(default_factory=dict)  # (row, header) -> formula
    notes: list[Problem] = field(default_factory=list)  # file-level warnings about the sheet


# --- opening ------------------------------------------------------------------------------------------------


def _data(source: bytes | memoryview | BinaryIO) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    return source.read()


@dataclass
class _Book:
    """What the workbook part tells (openpyxl's reader, without loading any sheet): the worksheets in
    order with their XML part, the shared strings, the styles that are dates, the date system."""

    archive: zipfile.ZipFile
    sheets: list[SheetInfo]
    paths: dict[str, str]  # sheet name -> part in the archive
    shared: list
    date_styles: set
    duration_styles: set
    epoch: datetime

    def close(self) -> None:
        self.archive.close()


def _open(data: bytes, limits: bounds.Limits) -> _Book:
    """The workbook's parts, after the size of the file and of its parts once unzipped are checked.

    openpyxl reads the workbook, the shared strings and the styles; no sheet is parsed here (openpyxl's
    own read-only sheets parse a sheet whole when it declares no dimension).
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    bounds.check_size(len(data), limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableFile("loading.file.bad_excel") from None
    if unzipped > limits.max_unzipped_bytes:
        raise bounds.LimitExceeded(
            "limits.unzipped",
            bounds.SETTINGS["max_unzipped_mb"],
            size=bounds._n(-(-unzipped // (1024 * 1024))),
            limit=bounds._n(limits.max_unzipped_mb),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on parts it drops
            reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            listed = list(reader.parser.find_sheets())
    except Exception:  # any failure inside a damaged workbook means "damaged"
        raise UnreadableFile("loading.file.bad_excel") from None
    book = reader.wb
    active_index = book._active_sheet_index
    active = (
        reader.parser.sheets[active_index].name if 0 <= active_index < len(reader.parser.sheets) else None
    )
    sheets: list[SheetInfo] = []
    paths: dict[str, str] = {}
    for sheet, rel in listed:
        if not str(rel.Type).endswith("/worksheet") or rel.target not in reader.valid_files:
            continue  # chart sheets hold no cells
        sheets.append(SheetInfo(sheet.name, sheet.state or "visible", sheet.name == active))
        paths[sheet.name] = rel.target
    return _Book(
        reader.archive,
        sheets,
        paths,
        reader.shared_strings,
        set(book._date_formats),
        set(book._timedelta_formats),
        book.epoch,
    )


def list_sheets(
    source: bytes | memoryview | BinaryIO, limits: bounds.Limits | None = None
) -> list[SheetInfo]:
    """The worksheets of an ``.xlsx`` file, in workbook order (for the Data page's sheet picker).

    Raises ``UnreadableFile`` for a damaged file and ``LimitExceeded`` for one over the size limits.
    """
    book = _open(_data(source), limits or bounds.limits_from_env())
    book.close()
    return book.sheets


# --- streaming one sheet ------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


_COORDINATE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def _coordinate(ref: str) -> tuple[int, int] | None:
    """``"C12"`` -> (row 12, column 3)."""
    match = _COORDINATE.match(ref)
    if not match:
        return None
    return int(match.group(2)), _column_index(match.group(1).upper())


def _number_text(text: str) -> str:
    """Excel's stored number as the text a person reads: ``45803``, ``12``, ``-8.0921``, ``0.001``."""
    text = text.strip()
    if re.fullmatch(r"-?\d+", text):
        return str(int(text))
    try:
        value = float(text)
    except ValueError:
        return text
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    shown = repr(value)
    if "e" in shown or "E" in shown:
        shown = f"{value:.15f}".rstrip("0").rstrip(".")
    return shown


def _date_text(value: Any) -> str:
    if isinstance(value, datetime):
        if value.microsecond >= 500_000:  # Excel stores fractions of a day: round to the second
            value = value + timedelta(microseconds=1_000_000 - value.microsecond)
        value = value.replace(microsecond=0)
        return value.strftime("%Y-%m-%d" if value.time() == time(0) else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return str(value)


@dataclass
class _Cells:
    rows: dict[int, list[str]]  # sheet row -> cells (index 0 = column A); only rows with a value
    typed: dict[int, set[int]]  # first rows: columns holding a number, date or boolean (not text)
    formulas: dict[tuple[int, int], str]  # (row, column) -> formula with no saved result
    merges: list[tuple[int, int, int, int]]  # (first row, first column, last row, last column)
    complete: bool  # False when the stream stopped after the first rows (a peek)


class _Stop(Exception):
    """Enough rows for a peek."""


class _SheetParser:
    """Expat handlers for one sheet's XML: cells are turned into text as they end, every limit is checked
    as they arrive, and nothing but the text of rows with a value is kept (no element tree)."""

    def __init__(self, book: _Book, name: str, limits: bounds.Limits, peek: bool) -> None:
        self.book, self.name, self.limits, self.peek = book, name, limits, peek
        self.where = f"lembar '{name}'"
        self.cells = _Cells({}, {}, {}, [], True)
        self.max_row = limits.max_rows + bounds.HEADER_ALLOWANCE
        self.row = self.column = self.valued = 0
        self.row_cells: list[str] | None = None
        self.collecting: list[str] | None = None
        self.value: list[str] | None = None
        self.formula: list[str] | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0
        self.kind, self.style = "n", 0
        self.ref: str | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name[name.rfind("}") + 1 :]
        if local == "c":
            self.kind = attrs.get("t", "n")
            self.style = int(attrs.get("s", 0) or 0)
            self.ref = attrs.get("r")
            self.value = self.formula = self.inline = None
        elif local == "v":
            self.value = self.collecting = []
        elif local == "f":
            self.formula = self.collecting = []
        elif local == "is":
            self.inline = []
        elif local == "t":
            if self.inline is not None and not self.phonetic:
                self.collecting = self.inline
        elif local == "rPh":
            self.phonetic += 1
        elif local == "row":
            number = attrs.get("r")
            self.row = int(float(number)) if number else self.row + 1
            self.column = 0
            self.row_cells = None
        elif local == "mergeCell":
            self.cells.merges.append(_merge(attrs.get("ref", "")))
            if len(self.cells.merges) > self.limits.max_cells:
                bounds.check_shape(self.limits.max_cells + 1, 1, self.limits, self.where)
        elif local == "dimension":
            self.declared(attrs.get("ref", ""))

    def end(self, name: str) -> None:
        local = name[name.rfind("}") + 1 :]
        if local in ("v", "f", "t"):
            self.collecting = None
        elif local == "c":
            self.cell()
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "row":
            self.row_cells = None
            if self.peek and len(self.cells.rows) >= _PEEK_ROWS:
                self.cells.complete = False
                raise _Stop

    def text(self, data: str) -> None:
        if self.collecting is not None:
            self.collecting.append(data)

    def declared(self, ref: str) -> None:
        """The sheet's ``<dimension>``, checked before any cell is read."""
        first, _, last = ref.partition(":")
        start, end = _coordinate(first), _coordinate(last or first)
        if start is None or end is None:
            return
        rows, columns = end[0] - start[0] + 1, end[1] - start[1] + 1
        bounds.check_shape(rows, columns, self.limits, f"{self.where} ({ref})", declared=True)

    def cell(self) -> None:
        position = _coordinate(self.ref) if self.ref else None
        if position:
            self.row, self.column = position
        else:
            self.column += 1
        value, typed, formula = _cell_value(
            self.kind,
            None if self.value is None else "".join(self.value),
            None if self.formula is None else "=" + "".join(self.formula),
            None if self.inline is None else "".join(self.inline),
            self.style,
            self.book,
        )
        if value == "" and formula is None:
            return
        limits, row, column = self.limits, self.row, self.column
        if column > limits.max_columns:
            bounds.line_columns(row, column, limits)
        if row > self.max_row:
            bounds.check_shape(row, column, limits, self.where)
        if formula is not None:
            if len(self.cells.formulas) >= limits.max_cells:
                bounds.check_shape(row, limits.max_cells + 1, limits, self.where)
            self.cells.formulas[(row, column)] = formula[:200]
            return
        if len(value) > limits.max_cell_chars:
            bounds.cell_chars(f"{self.where}, sel {self.ref or column}", len(value), limits)
        self.valued += 1
        if self.valued > limits.max_cells:
            bounds.check_shape(row, limits.max_cells + 1, limits, self.where)
        if self.row_cells is None:
            self.row_cells = self.cells.rows.setdefault(row, [])
        cells = self.row_cells
        if len(cells) < column:
            cells.extend([""] * (column - len(cells)))
        cells[column - 1] = value
        if typed and len(self.cells.typed) <= _PEEK_ROWS * 2:
            self.cells.typed.setdefault(row, set()).add(column)


def _refuse_markup(*_: object) -> NoReturn:
    raise UnreadableFile("loading.file.bad_excel")  # a DTD or an entity has no place in a sheet


def _stream(book: _Book, name: str, limits: bounds.Limits, peek: bool = False) -> _Cells:
    """The sheet's cells, streamed from its XML a megabyte at a time with every limit checked."""
    import pyexpat

    handler = _SheetParser(book, name, limits, peek)
    parser = pyexpat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    parser.StartDoctypeDeclHandler = _refuse_markup
    parser.EntityDeclHandler = _refuse_markup
    parser.ExternalEntityRefHandler = _refuse_markup
    try:
        with book.archive.open(book.paths[name]) as source:
            while chunk := source.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        pass
    except (pyexpat.ExpatError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableFile("loading.file.bad_excel") from None
    cells = handler.cells
    cells.merges = [m for m in cells.merges if m[0]]
    return cells


def _merge(ref: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    start, end = _coordinate(first), _coordinate(last or first)
    if start is None or end is None:
        return (0, 0, 0, 0)
    return (min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]), max(start[1], end[1]))


def _cell_value(
    kind: str, raw: str | None, formula: str | None, inline: str | None, style: int, book: _Book
) -> tuple[str, bool, str | None]:
    """(text as shown, whether the cell is not text, the formula when it has no saved result)."""
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    if kind == "inlineStr" or (inline is not None and raw is None):
        if inline is None:
            return "", False, formula
        return inline.strip(), False, None
    if raw is None or raw == "":
        return "", False, formula  # an empty cell, or a formula whose result was never saved
    if kind == "s":
        try:
            return str(book.shared[int(raw)]).strip(), False, None
        except (IndexError, ValueError):
            raise UnreadableFile("loading.file.bad_excel") from None
    if kind in ("str", "e"):
        return raw.strip(), False, None
    if kind == "b":
        return ("TRUE" if raw.strip() == "1" else "FALSE"), True, None
    if kind == "d":
        try:
            return _date_text(from_ISO8601(raw)), True, None
        except ValueError:
            return raw.strip(), False, None
    if style in book.date_styles:
        try:
            value = from_excel(float(raw), book.epoch, timedelta=style in book.duration_styles)
            return _date_text(value), True, None
        except (OverflowError, ValueError):
            return _number_text(raw), True, None
    return _number_text(raw), True, None


# --- from cells to a table ----------------------------------------------------------------------------------


def _fill_merges(cells: _Cells, limits: bounds.Limits, where: str) -> None:
    """Give each merged range's value to every cell it covers, in rows that hold a value of their own."""
    work = 0
    rows = cells.rows
    last = max(rows, default=0)
    for first_row, first_col, last_row, last_col in cells.merges:
        last_col = min(last_col, limits.max_columns)
        source = rows.get(first_row)
        value = source[first_col - 1] if source and first_col <= len(source) else ""
        formula = cells.formulas.get((first_row, first_col))
        for row in range(first_row, min(last_row, last) + 1):
            target = rows.get(row)
            work += last_col - first_col + 1
            if work > limits.max_cells:
                bounds.check_shape(last, limits.max_cells + 1, limits, where)
            if target is None:
                continue
            if len(target) < last_col:
                target.extend([""] * (last_col - len(target)))
            for col in range(first_col, last_col + 1):
                if (row, col) != (first_row, first_col):
                    target[col - 1] = value
                    if formula is not None:
                        cells.formulas[(row, col)] = formula


def _score(
    cells: Sequence[str], kind: Kind | None, mapping: Mapping[str, str | None] | None
) -> tuple[bool, int]:
    """(does the row name every required column, how many contract columns it names)."""
    texts = [c for c in cells if c.strip()]
    if not texts:
        return False, 0
    if kind is None:
        found = detect_kind(texts)
        kinds = [found] if found else list(KINDS)
        counts = [len(map_headers(texts, k)[0]) for k in kinds]
        return found is not None, max(counts)
    matched = set(map_headers(texts, kind, mapping)[0].values())
    return set(schema.required_columns(kind)) <= matched, len(matched)


def _known(name: str, kind: Kind | None) -> bool:
    kinds = [kind] if kind else list(KINDS)
    return any(map_headers([name], k)[0] for k in kinds)


def _header_index(
    rows: list[list[str]], kind: Kind | None, mapping: Mapping[str, str | None] | None
) -> tuple[int, bool]:
    """(position of the header among the first rows, whether it names every required column)."""
    window = rows[:HEADER_SCAN_ROWS]
    scores = [_score(r, kind, mapping) for r in window]
    for i, (complete, _) in enumerate(scores):
        if complete:
            return i, True
    best = max(range(len(window)), key=lambda i: (scores[i][1], -i), default=0)
    if window and scores[best][1] >= 2:
        return best, False
    for i, row in enumerate(window):
        if len({c for c in row if c.strip()}) >= 2:
            return i, False
    return 0, False


def _group_header(
    top: list[str],
    sub: list[str],
    top_line: int,
    sub_line: int,
    cells: _Cells,
    kind: Kind | None,
    mapping: Mapping[str, str | None] | None,
) -> list[str] | None:
    """The one header two rows make (a group over sub-headers), or None when ``sub`` is not such a row."""
    width = max(len(top), len(sub))
    top = top + [""] * (width - len(top))
    sub = sub + [""] * (width - len(sub))
    if cells.typed.get(top_line) or cells.typed.get(sub_line):
        return None  # numbers or dates: a record, not a header
    spans: dict[int, int] = {}  # column -> first column of the horizontal merge over it in the top row
    vertical: set[int] = set()
    for first_row, first_col, last_row, last_col in cells.merges:
        if first_row <= top_line <= last_row and first_col < last_col:
            for col in range(first_col, min(last_col, width) + 1):
                spans[col - 1] = first_col - 1
        if first_row <= top_line and last_row >= sub_line:
            for col in range(first_col, min(last_col, width) + 1):
                vertical.add(col - 1)
    # without merges, a group label is followed by empty top cells over sub-headers
    for start in range(width):
        if top[start].strip() and start not in spans and sub[start].strip() and start not in vertical:
            end = start + 1
            while end < width and not top[end].strip() and sub[end].strip():
                end += 1
            if end > start + 1:
                for col in range(start, end):
                    spans[col] = start
    groups = 0
    names: list[str] = []
    for col in range(width):
        own_sub = sub[col].strip() and col not in vertical
        if col in spans and col not in vertical:
            group = top[spans[col]].strip()
            if own_sub:
                groups += 1
                names.append(_sub_name(group, sub[col].strip(), kind))
            else:
                names.append(group)
        elif own_sub:
            if top[col].strip():
                return None  # a value under a plain header: a record
            names.append(sub[col].strip())
        else:
            names.append(top[col].strip())
    standalone = [c for c in range(width) if top[c].strip() and c not in spans]
    if not groups or not standalone or len({c.strip() for c in top if c.strip()}) < 2:
        return None  # no group; or a title block over the header, not a group header
    if _score(names, kind, mapping)[1] < max(_score(top, kind, mapping)[1], _score(sub, kind, mapping)[1]):
        return None
    return names


def _sub_name(group: str, sub: str, kind: Kind | None) -> str:
    joined = f"{group} {sub}"
    if _known(joined, kind) or not _known(sub, kind):
        return joined
    return sub


def _table(
    cells: _Cells, kind: Kind | None, mapping: Mapping[str, str | None] | None
) -> tuple[list[str], list[list[str]], list[int], dict[tuple[int, str], str]]:
    numbers = sorted(cells.rows)
    rows = [cells.rows[n] for n in numbers]
    if not rows:
        raise UnreadableFile("loading.file.empty")
    at, _ = _header_index(rows, kind, mapping)
    header = list(rows[at])
    first_data = at + 1
    names = None
    if at > 0:  # the recognised row may be the lower row of a two-row header
        names = _group_header(rows[at - 1], rows[at], numbers[at - 1], numbers[at], cells, kind, mapping)
        if names is not None:
            header = names
    if names is None and at + 1 < len(rows):  # or its upper row
        names = _group_header(rows[at], rows[at + 1], numbers[at], numbers[at + 1], cells, kind, mapping)
        if names is not None:
            header, first_data = names, at + 2
    body_rows = rows[first_data:]
    lines = numbers[first_data:]
    width = max([len(header), *(len(r) for r in body_rows)])
    header = header + [""] * (width - len(header))
    keep = [i for i in range(width) if header[i].strip() or any(i < len(r) and r[i] for r in body_rows)]
    columns = _dedupe([header[i] for i in keep])
    body = [[(r[i] if i < len(r) else "") for i in keep] for r in body_rows]
    position = {i: columns[k] for k, i in enumerate(keep)}
    in_body = set(lines)
    formulas = {
        (row, position[col - 1]): text
        for (row, col), text in cells.formulas.items()
        if row in in_body and col - 1 in position
    }
    return columns, body, lines, formulas


# --- the sheet the loader reads -----------------------------------------------------------------------------


def read_sheet(
    source: bytes | memoryview | BinaryIO,
    kind: Kind | None = None,
    mapping: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
    limits: bounds.Limits | None = None,
) -> SheetRead:
    """One sheet of an ``.xlsx`` workbook as text; see the module's docstring for which sheet and how.

    Raises ``UnreadableFile`` (damaged, empty, no sheet of that name, no recognisable sheet) and
    ``LimitExceeded`` (over a limit of ``analysis.data.limits``).
    """
    limits = limits or bounds.limits_from_env()
    book = _open(_data(source), limits)
    try:
        infos = book.sheets
        reasons: dict[str, str] = {}
        if sheet is not None:
            chosen = _find(sheet, [i.name for i in infos])
        else:
            chosen, reasons = _choose(book, kind, mapping, limits)
        cells = _stream(book, chosen, limits)
    finally:
        book.close()
    _fill_merges(cells, limits, f"lembar '{chosen}'")
    header, body, lines, formulas = _table(cells, kind, mapping)
    skipped = []
    for info in infos:
        if info.name == chosen:
            continue
        if info.state == "hidden":
            skipped.append((info.name, "hidden"))
        elif info.state == "veryHidden":
            skipped.append((info.name, "very_hidden"))
        else:
            skipped.append((info.name, reasons.get(info.name, "not_chosen" if sheet else "not_active")))
    read = SheetRead(chosen, infos, skipped, header, body, lines, formulas)
    if kind is not None:
        _serial_dates(read, kind, mapping)
    return read


def _find(wanted: str, names: list[str]) -> str:
    if wanted in names:
        return wanted
    folded = {n.strip().casefold(): n for n in names}
    found = folded.get(wanted.strip().casefold())
    if found is None:
        raise UnreadableFile("workbook.no_such_sheet", sheet=wanted, sheets=", ".join(names))
    return found


def _choose(book: _Book, kind, mapping, limits) -> tuple[str, dict[str, str]]:
    """The active visible sheet when its header is recognisable, else the first visible one that is; else
    the only visible sheet with anything in it. Returns the sheet's name and why each other visible one was
    not read."""
    infos = book.sheets
    visible = [i for i in infos if i.state == "visible"]
    order = sorted(visible, key=lambda i: not i.active)
    reasons: dict[str, str] = {}
    non_empty = []
    for info in order:
        peek = _stream(book, info.name, limits, peek=True)
        if not peek.rows:
            reasons[info.name] = "empty"
            continue
        non_empty.append(info)
        rows = [peek.rows[n] for n in sorted(peek.rows)]
        if any(_score(r, kind, mapping)[0] for r in rows[:HEADER_SCAN_ROWS]):
            for other in order:
                if other.name != info.name and other.name not in reasons:
                    reasons[other.name] = "not_active"
            return info.name, reasons
        reasons[info.name] = "no_header"
    if len(non_empty) == 1:
        return non_empty[0].name, reasons
    if not non_empty:
        raise UnreadableFile("loading.file.empty")
    hidden = [i.name for i in infos if i.state != "visible"]
    raise UnreadableFile(
        "workbook.no_sheet",
        sheets=", ".join(i.name for i in visible),
        hidden=", ".join(hidden) if hidden else "–",
    )


# --- Excel serial numbers in a date column (interim) --------------------------------------------------------


def _parser_reads_serials() -> bool:
    """Whether the loader's date parser reads Excel serial day numbers itself (issue 13's value work)."""
    return parse_date("45803")[0] is not None


_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EXCEL_DAY0 = datetime(1899, 12, 30)


def _serial_dates(read: SheetRead, kind: Kind, mapping: Mapping[str, str | None] | None) -> None:
    """Interim, until the loader's date parser reads serial numbers: a General-format date column's serial
    numbers (45803 -> 2025-05-26, 45805.375 -> 2025-05-28 09:00) become ISO text, with one warning per
    column. Does nothing once ``parse_date("45803")`` reads it (the parser then sees the serial text)."""
    if _parser_reads_serials():
        return
    mapped = map_headers(read.header, kind, mapping)[0]
    for position, header in enumerate(read.header):
        if mapped.get(header) not in _DATE_COLUMNS:
            continue
        converted = 0
        example = ""
        for row in read.body:
            text = row[position]
            if not _SERIAL.match(text):
                continue
            number = float(text)
            if not 25569 <= number < 73051:  # 1970 .. 2100, the loader's plausible years
                continue
            moment = _EXCEL_DAY0 + timedelta(seconds=round(number * 86400))
            row[position] = _date_text(moment)
            converted += 1
            example = example or f"{text} = {row[position]}"
        if converted:
            column = mapped[header]
            values = {"count": converted, "example": example}
            read.notes.append(
                Problem(
                    None,
                    header,
                    "",
                    t("workbook.serial_dates", "id", **values),
                    "warning",
                    column,
                    t("workbook.serial_dates", "en", **values),
                )
            )


# --- the report ---------------------------------------------------------------------------------------------


def annotate(report: ValidationReport, read: SheetRead) -> None:
    """Name the sheet read and the others in the report, and explain cells whose formula had no saved
    result: a problem on such a cell gets that reason (not "wajib diisi"); a cell with no problem gets a
    warning (it was left empty)."""
    report.sheet = read.sheet
    report.other_sheets = [{"name": name, "reason": reason} for name, reason in read.skipped]
    problems = list(report.problems)
    file_level = read.notes
    if read.formulas:
        required = {t("loading.reason.required", "id")}
        index = {(p.row, p.column): i for i, p in enumerate(problems)}
        for (row, header), formula in sorted(read.formulas.items()):
            column = report.column_mapping.get(header)
            if column is None:
                continue
            found = index.get((row, header))
            if found is None:
                problem = Problem(
                    row,
                    header,
                    formula,
                    t("workbook.formula.left_empty", "id"),
                    "warning",
                    column,
                    t("workbook.formula.left_empty", "en"),
                )
                problems.append(problem)
                continue
            old = problems[found]
            if old.reason in required:
                reason_id, reason_en = (
                    t("workbook.formula.required", "id"),
                    t("workbook.formula.required", "en"),
                )
            else:
                reason_id = t("workbook.formula.other", "id", reason=old.reason)
                reason_en = t("workbook.formula.other", "en", reason=old.reason_en or old.reason)
            problems[found] = Problem(
                old.row, old.column, formula, reason_id, old.severity, old.contract_column, reason_en
            )
    head = [p for p in problems if p.row is None]
    rows = sorted((p for p in problems if p.row is not None), key=lambda p: (p.row, p.severity != "error"))
    report.problems = file_level + head + rows


def sheet_lines(report: ValidationReport, lang: Lang = "id") -> list[str]:
    """The sheet read and the others skipped, one line each (empty for a CSV)."""
    if not getattr(report, "sheet", None):
        return []
    lines = [t("workbook.report.read", lang, sheet=report.sheet)]
    others = getattr(report, "other_sheets", [])
    if others:
        listed = ", ".join(
            t(
                "workbook.report.other",
                lang,
                sheet=o["name"],
                reason=t(f"workbook.reason.{o['reason']}", lang),
            )
            for o in others
        )
        lines.append(t("workbook.report.skipped", lang, sheets=listed))
    return lines


def sheet_label(info: SheetInfo, lang: Lang = "id") -> str:
    """``Mei 2025 (aktif)``, ``Template lama (tersembunyi)``: a sheet as the picker lists it."""
    notes = []
    if info.active:
        notes.append(t("workbook.state.active", lang))
    if info.state == "hidden":
        notes.append(t("workbook.state.hidden", lang))
    elif info.state == "veryHidden":
        notes.append(t("workbook.state.very_hidden", lang))
    return f"{info.name} ({', '.join(notes)})" if notes else info.name


__all__ = [
    "SheetInfo",
    "SheetRead",
    "annotate",
    "list_sheets",
    "read_sheet",
    "sheet_label",
    "sheet_lines",
]
