"""Loading and validation: one file (CSV or Excel) -> a clean frame plus a report of what was wrong.

The loader never guesses. A row it cannot trust (unknown kelurahan, unreadable or impossible date, a
required field empty, personnel not a whole number >= 1, an unknown category, channel, status, unit, rank
or activity, a duplicate ID) is rejected; a value it changed beyond case, spacing and punctuation (a
spelling correction, a synonym such as Sabhara -> Samapta, an ID it made up, an optional value it had to
leave empty) is kept with a warning. Both are listed in the report with the line number in the file
(header = line 1 in a CSV; the sheet's own row number in Excel), the file's column header, the value and
a reason in Bahasa Indonesia.

Speed: a CSV file is memory-mapped and goes through pyarrow's reader (all columns as text) unless it has
blank lines, line breaks inside cells or ragged lines. A column written the way the contract asks
(canonical names, ``HH:MM``, plain digits, ISO dates) is then settled whole in a few Arrow/NumPy passes;
any other column is parsed once per *distinct* value (factorised, then mapped back by code), and
``Problem`` objects are built only for rows that have one. Both ways give the same values and report
(a property test compares them). Load and validate take about 2x a bare ``pd.read_csv`` of the same file
on two cores (``python -m benchmarks``).

Decisions worth knowing:

- Topics are canonicalised against ``reference.categories`` (name or alias, then a strict spelling
  match); an unknown topic is recorded as ``Lainnya`` with a warning naming the original text, so a
  patrol still counts as having discussed something. Topics are de-duplicated and joined by ``"; "``.
- A missing or empty ID is derived from the row's clean contract values: ``P-``/``L-`` + 12 hex digits
  (patrols/complaints), so the same record gets the same ID however its dates or names were written.
  Duplicate IDs: the first valid occurrence wins, later ones are rejected.
- Empty optional text is NA (not ``""``) in the clean frame.
- Unreadable optional values (times, residents met, coordinates) are left empty with a warning; unreadable
  dates, including ``resolved_at``, reject the row. A ``resolved_at`` before the receipt or in the future
  is left empty with a warning (the complaint was received all the same).
- Conventions are decided per column from its own values and reported once for the column: the order of
  numeric dates (``date_order``), Excel serial day numbers, a dot grouping thousands in counts. Date-times
  with a zone are converted to the local zone (``analysis.data.localtime``); dates after today (plus a day's
  margin) are refused; dates far from the rest of the column are warned about
  (``analysis.data.plausibility``).
- Cells and columns need not line up one to one: a time range in the start cell, a ``Pangkat/NRP`` cell,
  and a date with its time in another column are read as the contract's columns (see README, "Conventions
  the loader reads").
- Line numbers count records: a quoted cell spanning several lines is accounted for; blank lines are
  skipped and not counted as rows.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO, Literal, ParamSpec, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pa_csv
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from analysis.data import contract, limits, localtime, plausibility, schema, workbook
from analysis.data.arrow_text import string_chunks
from analysis.data.dates import (
    MAX_YEAR,
    MIN_YEAR,
    NUMERIC_DATE,
    SERIAL_RE,
    date_order,
    excel_serial,
    parse_date,
    parse_time,
    parse_time_range,
    two_readings,
)
from analysis.data.headers import (
    HEADER_SCAN_ROWS,
    HEADER_TABLES,
    dedupe_headers,
    map_headers,
    normalise_header,
    recognisable,
)
from analysis.data.problems import Problem, Severity, UnreadableFile, ValidationReport
from analysis.data.reference import KECAMATAN, Reference
from analysis.data.schema import Kind
from analysis.i18n import fmt_date, t

P = ParamSpec("P")
R = TypeVar("R")
DATETIME_DTYPE = contract.DATETIME_DTYPE
TEXT = contract.TEXT_DTYPE  # pandas' "str": Arrow strings, NaN when missing
ID_PREFIX: dict[Kind, str] = {"patrols": "P-", "complaints": "L-", "officers": "O-"}
# Kota Blitar's bounding box with a generous margin: coordinates outside it are typing errors.
LAT_RANGE, LON_RANGE = (-8.25, -7.95), (112.05, 112.35)
# From this many rows a file's columns are validated on two threads (below it, starting threads costs more).
PARALLEL_ROWS = 20_000
# Columns that take longest to validate (per-value Python, float parsing, free text with many blanks).
_SLOW_COLUMNS = frozenset({"topics", "received_at", "resolved_at", "lat", "lon", "date", "notes"})
# A count above this (personnel, residents met) is a typing error, and would not survive a 64-bit integer.
MAX_COUNT = 1_000_000
# Arrow's CSV block: 4 MB reads as fast as 1 MB on two cores and leaves a quarter as many chunks for
# every later column operation to walk.
_BLOCK_SIZE = 4 << 20


# --------------------------------------------------------------------------------------------------------
# Cells and columns that do not line up one to one


_NRP_RE = re.compile(r"(?<!\d)\d{6,}(?!\d)")


def split_identity(text: str, is_rank: Callable[[str], bool]) -> dict[str, str]:
    """``"Aiptu / 78050111"``, ``"Sugeng Riyadi, 78050111"``, ``"AIPTU Sugeng Riyadi/78050111"`` ->
    ``{"rank": ..., "nrp": ..., "name": ...}`` ("" for a part not there). The NRP is the run of six or
    more digits; the rank is a part (or a part's first word) ``is_rank`` accepts; the rest is the name.

    >>> split_identity("Aiptu / 78050111", lambda w: w.lower() == "aiptu")
    {'rank': 'Aiptu', 'nrp': '78050111', 'name': ''}
    """
    found = _NRP_RE.search(text)
    nrp = found.group(0) if found else ""
    rest = _NRP_RE.sub(" ", text) if found else text
    rank = ""
    names: list[str] = []
    for part in (p.strip() for p in re.split(r"[/,;|]", rest)):
        if not part:
            continue
        words = part.split()
        if not rank and is_rank(part):
            rank = part
        elif not rank and len(words) > 1 and is_rank(words[0]):
            rank, names = words[0], [*names, " ".join(words[1:])]
        else:
            names.append(part)
    return {"rank": rank, "nrp": nrp, "name": " ".join(names)}


def _split_combined(
    raw: _Raw, kind: Kind, mapping: Mapping[str, str | None] | None, reference: Reference
) -> tuple[_Raw, dict[str, str | None] | None, list[tuple[str, str, dict[str, object]]]]:
    """Split a column such as ``Pangkat/NRP`` into the contract columns it holds (those the file has no
    column of its own for). Returns the new raw table, the column mapping naming the new columns, and
    one note per split column."""
    roles_of = schema.IDENTITY_COLUMNS.get(kind)
    if not roles_of:
        return raw, (dict(mapping) if mapping is not None else None), []
    table = HEADER_TABLES[kind]
    headers = [str(h) for h in raw.frame.columns]
    candidates = []
    for header in headers:
        key = normalise_header(header)
        if (mapping and header in mapping) or "/" not in key or key in table:
            continue
        words = [schema.IDENTITY_HEADER_WORDS.get(part.strip()) for part in key.split("/")]
        roles = [role for role in words if role is not None]
        if len(roles) == len(words) and len(set(roles)) == len(roles) > 1:
            candidates.append((header, roles))
    if not candidates:
        return raw, (dict(mapping) if mapping is not None else None), []
    taken = set(map_headers(headers, kind, mapping)[0].values())
    rank_vocab = _vocabularies(reference)["rank"]
    labels = {c.name: c.label_id for c in schema.COLUMNS[kind]}
    frame = raw.frame
    new_mapping: dict[str, str | None] = dict(mapping or {})
    notes: list[tuple[str, str, dict[str, object]]] = []
    for header, roles in candidates:
        wanted = {role: roles_of[role] for role in roles if roles_of[role] not in taken}
        if not wanted:
            continue
        codes, uniques = pd.factorize(frame[header])
        parts = [
            split_identity(str(u).strip(), lambda w: rank_vocab.match(w)[0] is not None) for u in uniques
        ]
        added = {}
        for role, column in wanted.items():
            name = f"{header} ({labels[column]})"
            texts = np.array([p[role] for p in parts] + [""], dtype=object)[codes]
            added[name] = pd.Series(texts, index=frame.index, dtype="str")
            new_mapping[name] = column
            taken.add(column)
        frame = frame.drop(columns=[header]).assign(**added)
        column = next(iter(wanted.values()))
        shown = ", ".join(labels[c] for c in wanted.values())
        notes.append((column, "values.note.split", {"header": header, "columns": shown}))
    if not notes:
        return raw, (dict(mapping) if mapping is not None else None), []
    return _Raw(frame, raw.lines, raw.malformed, raw.width), new_mapping, notes


# a cell that already ends with a time of day (and maybe a zone): "2025-05-28 07:00", "28/05/2025 07.00 WIB"
_HAS_CLOCK = r"(?:^|[\sT,])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:wib|wita|wit|z|[+-]\d{2}(?::?\d{2})?)?$"


def _join_date_and_time(
    raw: _Raw, kind: Kind, mapping: Mapping[str, str], unmatched: Sequence[str]
) -> tuple[_Raw, dict[str, str] | None]:
    """A date column and its time in a column of its own (``tanggal`` + ``jam``): one date-time, written
    into the date column's cells that hold no time yet. Returns the raw table and what was joined."""
    for column, time_headers in schema.DATE_TIME_PARTS.get(kind, {}).items():
        date_header = next((h for h, c in mapping.items() if c == column), None)
        time_header = next((h for h in unmatched if normalise_header(h) in time_headers), None)
        if date_header is None or time_header is None:
            continue
        dates, times = raw.frame[date_header].str.strip(), raw.frame[time_header].str.strip()
        join = (times != "") & (dates != "") & ~dates.str.contains(_HAS_CLOCK, case=False, regex=True)
        if not join.any():
            continue
        frame = raw.frame.assign(**{date_header: dates.where(~join, dates + " " + times)})
        return _Raw(frame, raw.lines, raw.malformed, raw.width), {
            "column": column,
            "date": date_header,
            "time": time_header,
        }
    return raw, None


# --------------------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Raw:
    frame: pd.DataFrame  # every cell a str, "" when empty; headers as in the file
    lines: np.ndarray  # line (CSV) or row (Excel) number of each data row
    malformed: dict[int, int] = field(default_factory=dict)  # position -> number of fields on that line
    width: int = 0
    sheet: Any = None  # Excel: analysis.data.workbook.SheetRead (sheet chosen, others, formulas)


def _read_source(
    source: Path | str | bytes | BinaryIO, filename: str | None
) -> tuple[bytes | memoryview, str]:
    """The file's bytes and its name. A file on disk is memory-mapped, not copied: the CSV reader parses it
    in place (copying 200 MB into Python first costs as much as a fifth of the whole load)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), filename or "<data>"
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            return _map(path), filename or path.name
        except FileNotFoundError:
            raise UnreadableFile("loading.file.not_found", name=str(path)) from None
        except OSError as exc:
            raise UnreadableFile("loading.file.bad_csv", detail=exc.strerror or str(exc)) from None
    data = source.read()
    name = filename or Path(str(getattr(source, "name", "<data>"))).name
    return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), name


def _map(path: Path) -> bytes | memoryview:
    """The file as a read-only view of a memory map; its bytes when the file cannot be mapped (some
    network shares). The map lives as long as the view, and the parsed columns do not keep it."""

    if not path.is_file():
        return path.read_bytes()  # the operating system's own error for a directory or missing file
    try:
        return memoryview(pa.memory_map(str(path)).read_buffer())
    except OSError:
        return path.read_bytes()


def _count_newlines(data: bytes | memoryview) -> int:
    """``data.count(b"\\n")`` a few times faster: NumPy compares a megabyte at a time (a slice stays in
    the cache; ``bytes.count`` walks one byte at a time)."""
    array = np.frombuffer(data, dtype=np.uint8)
    step = 1 << 20
    return sum(int(np.count_nonzero(array[i : i + step] == 10)) for i in range(0, len(array), step))


_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 100)


def _encoding(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def _sniff_delimiter(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


def _header_row(rows: Sequence[Sequence[str]], kind: Kind | None, mapping) -> int | None:
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cells = [c for c in row if c.strip()]
        if cells and recognisable(cells, kind, mapping):
            return i
    return None


def _read_csv(data: bytes | memoryview, kind: Kind | None, mapping, newlines: int | None = None) -> _Raw:
    """``newlines``: the number of ``\\n`` bytes in ``data`` where already counted (``limits.check_text``)."""
    start = bytes(data[:65536])
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = bytes(data).decode("utf-16").encode("utf-8")
        start = data[:65536]
        newlines = None
    elif _looks_binary(start):
        raise UnreadableFile("loading.file.binary")
    # the whole file is checked for UTF-8 only when the fast reader finds it is not
    encoding = _encoding(start.rsplit(b"\n", 1)[0] if len(data) > 65536 else start)
    head = start.decode(encoding, errors="replace")
    head_lines = head.splitlines()[: HEADER_SCAN_ROWS + 1]
    skip = 0
    hint = re.match(r"^\s*sep=(.)\s*$", head_lines[0]) if head_lines else None
    if hint:  # Excel's "sep=;" first line
        sep, skip = hint.group(1), 1
    else:
        sep = _sniff_delimiter(head_lines[0] if head_lines else "")
    rows = list(csv.reader(head_lines[skip:], delimiter=sep))
    found = _header_row(rows, kind, mapping) or 0
    skip += found
    header = dedupe_headers([c.lstrip("\ufeff") for c in rows[found]]) if rows else []
    tail = bytes(data[-4096:])
    trailing_breaks = tail[len(tail.rstrip(b"\r\n")) :].count(b"\n")
    lines_in_file = (_count_newlines(data) if newlines is None else newlines) - trailing_breaks + 1
    frame = _read_csv_arrow(data, encoding, sep, skip, header)
    if frame is not None and lines_in_file == skip + 1 + len(frame):
        return _Raw(frame, skip + 2 + np.arange(len(frame), dtype=np.int64), width=len(header))
    data = bytes(data)  # the slower readers below need the bytes themselves
    if encoding == "utf-8-sig":
        encoding = _encoding(data)
        if frame is None and encoding != "utf-8-sig":
            frame = _read_csv_arrow(data, encoding, sep, skip, header)
            if frame is not None and lines_in_file == skip + 1 + len(frame):
                return _Raw(frame, skip + 2 + np.arange(len(frame), dtype=np.int64), width=len(header))
    # blank lines, line breaks inside quoted cells or ragged lines: the C parser keeps count of them
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            skiprows=skip,
            encoding=encoding,
            engine="c",
        )
    except pd.errors.EmptyDataError:
        raise UnreadableFile("loading.file.empty") from None
    except pd.errors.ParserError:
        try:
            return _read_csv_slowly(data.decode(encoding), sep, skip)
        except csv.Error as exc:
            raise UnreadableFile("loading.file.bad_csv", detail=str(exc)) from None
    frame.columns = dedupe_headers([str(c) for c in frame.columns])
    first = skip + 2
    lines = first + np.arange(len(frame))
    if lines_in_file > skip + 1 + len(frame):
        # a quoted cell holds line breaks: count them to keep line numbers true
        breaks = sum(frame[c].str.count("\n").to_numpy() for c in frame.columns)
        lines = first + np.arange(len(frame)) + np.concatenate([[0], np.cumsum(breaks)[:-1]])
    return _Raw(frame, lines.astype(np.int64), width=len(frame.columns))


def _read_csv_arrow(
    data: bytes | memoryview, encoding: str, sep: str, skip: int, header: list[str]
) -> pd.DataFrame | None:
    """The fast path: pyarrow's multi-threaded reader, every column as text. None when it cannot cope."""

    if not header or len(sep) != 1:
        return None
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(data),  # read in place: no Python file object, no copy, no GIL
            read_options=pa_csv.ReadOptions(
                block_size=_BLOCK_SIZE,
                skip_rows=skip + 1,
                column_names=header,
                encoding="utf8" if encoding == "utf-8-sig" else encoding,
            ),
            parse_options=pa_csv.ParseOptions(delimiter=sep),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError, LookupError):
        return None
    return table.to_pandas(types_mapper=lambda t: TEXT if t in (pa.string(), pa.large_string()) else None)


def _read_csv_slowly(text: str, sep: str, skip: int) -> _Raw:
    """Fallback for files with lines holding more fields than the header: keep them, marked malformed."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    malformed: dict[int, int] = {}
    start = 1
    for index, record in enumerate(reader):
        line, start = start, reader.line_num + 1
        if index < skip:
            continue
        if header is None:
            header = dedupe_headers([c.lstrip("\ufeff") for c in record])
            continue
        if len(record) > len(header):
            if any(c.strip() for c in record[len(header) :]):
                malformed[len(rows)] = len(record)
            record = record[: len(header)]
        rows.append(record + [""] * (len(header) - len(record)))
        lines.append(line)
    if header is None:
        raise UnreadableFile("loading.file.empty")
    frame = pd.DataFrame(rows, columns=header, dtype=str) if rows else pd.DataFrame(columns=header, dtype=str)
    return _Raw(frame, np.asarray(lines, dtype=np.int64), malformed, len(header))


def _read_excel(data: bytes | memoryview, kind: Kind | None, mapping, sheet: str | None = None) -> _Raw:
    """The sheet Excel shows (or the one named), read by ``analysis.data.workbook`` within the limits."""
    read = workbook.read_sheet(data, kind, mapping, sheet)
    columns, body = read.header, read.body
    frame = (
        pd.DataFrame(body, columns=columns, dtype=str) if body else pd.DataFrame(columns=columns, dtype=str)
    )
    return _Raw(frame, np.asarray(read.lines, dtype=np.int64), width=len(columns), sheet=read)


def _read(
    source: Path | str | bytes | BinaryIO,
    filename: str | None = None,
    kind: Kind | None = None,
    mapping: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
) -> tuple[_Raw, str]:
    data, name = _read_source(source, filename)
    start = bytes(data[:65536])
    if not start.strip(b" \t\r\n\xef\xbb\xbf") and not bytes(data[65536:]).strip():
        raise UnreadableFile("loading.file.empty")
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile("loading.file.xls")
    if start.startswith(b"PK\x03\x04"):
        raw = _read_excel(data, kind, mapping, sheet)
    else:
        newlines = limits.check_text(data)  # bounded parsing: refused before any parser sees the text
        raw = _read_csv(data, kind, mapping, newlines)
    frame = raw.frame
    if len(frame) and len(frame.columns):
        candidates = np.flatnonzero((frame.iloc[:, 0] == "").to_numpy())
        if len(candidates):
            blank = (frame.iloc[candidates] == "").all(axis=1).to_numpy()
            if blank.any():
                keep = np.ones(len(frame), dtype=bool)
                keep[candidates[blank]] = False
                positions = np.flatnonzero(keep)
                renumber = np.full(len(frame), -1)
                renumber[positions] = np.arange(len(positions))
                raw = _Raw(
                    frame.iloc[positions].reset_index(drop=True),
                    raw.lines[positions],
                    {int(renumber[p]): n for p, n in raw.malformed.items() if keep[p]},
                    raw.width,
                    raw.sheet,
                )
    return raw, name


def read_raw(
    source: Path | str | bytes | BinaryIO,
    filename: str | None = None,
    *,
    kind: Kind | None = None,
    column_mapping: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
) -> pd.DataFrame:
    """The file as a frame of strings (``""`` when empty), headers as written, blank lines dropped.

    CSV: comma, semicolon, tab or pipe (sniffed from the header), UTF-8 with or without BOM, UTF-16 or
    Windows-1252. Excel ``.xlsx``: the visible, active sheet, or ``sheet`` by name
    (``analysis.data.workbook``).
    Raises ``UnreadableFile`` for an empty, binary or old ``.xls`` file, and its ``LimitExceeded`` for a
    file over a limit of ``analysis.data.limits``.

    The index is the line number of each row in the file (CSV: header = line 1; Excel: the sheet's row),
    the number ``Problem.row`` reports: ``read_raw(path).loc[problem.row]`` is the row as written.
    """
    raw = _read(source, filename, kind, column_mapping, sheet)[0]
    return raw.frame.set_axis(pd.Index(raw.lines, name="line"))


# --------------------------------------------------------------------------------------------------------
# Value parsers (each runs once per distinct value)

Issue = tuple[Severity, str, dict[str, object]]  # severity, i18n key, values for the text


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", unicodedata.normalize("NFKC", text).lower())


_KELURAHAN_PREFIX = re.compile(r"^\s*(?:kelurahan|kel|desa|ds)(?:\.\s*|\s+)", re.IGNORECASE)


class _Vocabulary:
    """Canonical names of one enumeration, their aliases, and an optional strict spelling match."""

    def __init__(self, canonical: Sequence[str], aliases: Mapping[str, str], fuzzy: bool, prefix=None):
        self.canonical = list(canonical)
        self.prefix = prefix
        self.exact = {_compact(name): name for name in canonical}
        self.aliases = {_compact(a): c for a, c in aliases.items() if _compact(a) not in self.exact}
        self.fuzzy = fuzzy
        self.keys = list(self.exact) + list(self.aliases)
        self.seen: dict[str, tuple[str | None, str | None]] = {}

    def match(self, text: str) -> tuple[str | None, str | None]:
        """(canonical name or None, how: None = same name, "alias" or "spelling")."""
        if text not in self.seen:
            self.seen[text] = self._match(text)
        return self.seen[text]

    def _match(self, text: str) -> tuple[str | None, str | None]:
        if self.prefix is not None:
            text = self.prefix.sub("", text)
        key = _compact(text)
        if key in self.exact:
            return self.exact[key], None
        if key in self.aliases:
            return self.aliases[key], "alias"
        if not self.fuzzy or len(key) < 5:
            return None, None
        # strict on purpose: one slip in a short name, two in a long one, never the first letter
        # ("kenakalan" is two slips from "kebakaran" and must not become it)
        limit = 1 if len(key) < 10 else 2
        near = process.extract(key, self.keys, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
        found = [(k, score) for k, score, _ in near if k[0] == key[0]]
        if not found:
            return None, None
        best = min(score for _, score in found)
        names = {self.exact.get(k) or self.aliases[k] for k, score in found if score == best}
        return (names.pop(), "spelling") if len(names) == 1 else (None, None)


class _Paired(_Vocabulary):
    """A vocabulary plus the user's pairings of values it does not know (``{written: canonical}``)."""

    def __init__(self, base: _Vocabulary, pairs: Mapping[str, str]):
        self.__dict__.update(base.__dict__)
        self.seen = {}
        self.pairs = {_compact(k): v for k, v in pairs.items() if v in base.canonical}

    def _match(self, text: str) -> tuple[str | None, str | None]:
        found = super()._match(text)
        if found[0] is None and _compact(text) in self.pairs:
            return self.pairs[_compact(text)], "paired"
        return found


def _with_pairs(
    vocab: dict[str, _Vocabulary], value_pairs: Mapping[str, Mapping[str, str]]
) -> dict[str, _Vocabulary]:
    """The vocabularies with the user's pairings (contract column -> {value: canonical}) added."""
    out = dict(vocab)
    for column, pairs in value_pairs.items():
        name = _vocab_name(column)
        if name in out and pairs:
            out[name] = _Paired(vocab[name], pairs)
    return out


def _vocabularies(reference: Reference) -> dict[str, _Vocabulary]:
    """The vocabularies for ``reference``, built once for it (a reference is never changed once loaded).
    Kept with their memo of texts already matched, so a reload does not match the same spellings again."""
    cached = _VOCABULARIES.get(id(reference))
    if cached is None or cached[0] is not reference:
        cached = (reference, _build_vocabularies(reference))
        _VOCABULARIES.clear()  # one reference is in use at a time; tests build a few
        _VOCABULARIES[id(reference)] = cached
    return cached[1]


_VOCABULARIES: dict[int, tuple[Reference, dict[str, _Vocabulary]]] = {}


def _build_vocabularies(reference: Reference) -> dict[str, _Vocabulary]:
    category_aliases = {
        alias.strip(): row.category
        for row in reference.categories.itertuples()
        for alias in str(row.aliases).split(";")
        if alias.strip()
    }
    return {
        "kelurahan": _Vocabulary(reference.kelurahan_names, {}, fuzzy=True, prefix=_KELURAHAN_PREFIX),
        "activity": _Vocabulary(schema.ACTIVITIES, schema.ACTIVITY_ALIASES, fuzzy=True),
        "unit": _Vocabulary(schema.UNITS, schema.UNIT_ALIASES, fuzzy=True),
        "rank": _Vocabulary(schema.RANKS, schema.RANK_ALIASES, fuzzy=False),
        "channel": _Vocabulary(schema.CHANNELS, schema.CHANNEL_ALIASES, fuzzy=True),
        "status": _Vocabulary(schema.STATUSES, schema.STATUS_ALIASES, fuzzy=False),
        "category": _Vocabulary(reference.category_names, category_aliases, fuzzy=True),
    }


_UNKNOWN_REASON = {
    "kelurahan": "loading.reason.kelurahan_unknown",
    "activity": "loading.reason.unknown_activity",
    "unit": "loading.reason.unknown_unit",
    "rank": "loading.reason.unknown_rank",
    "channel": "loading.reason.unknown_channel",
    "status": "loading.reason.unknown_status",
    "category": "loading.reason.unknown_category",
}
_YES = {"ya", "y", "yes", "true", "1", "aktif", "benar", "iya"}
_NO = {
    "tidak",
    "t",
    "tdk",
    "no",
    "n",
    "false",
    "0",
    "nonaktif",
    "non aktif",
    "tidak aktif",
    "pensiun",
    "mutasi",
}


def _whole_number(text: str) -> int | None:
    """``"5"``, ``"5 orang"``, ``"5,0"``, ``"1.000"`` -> 5, 5, 5, 1000; None when unreadable, not a whole
    number or above ``MAX_COUNT``."""
    return read_count(text)[0]


_COUNT_TEXT = re.compile(r"^([0-9.,]+)\s*(?:orang|org|personel|pers|anggota|warga)?$")
_GROUPED = {sep: re.compile(rf"^\d{{1,3}}(?:\{sep}\d{{3}})+$") for sep in ".,"}


def read_count(text: str) -> tuple[int | None, str | None]:
    """A count of people as written: (value or None, how). ``how``: None (plain or unambiguous),
    ``"."`` / ``","`` (a single group of three zeros, ``1.000``: the separator could also be a decimal
    point, so the value could be 1; read as thousands), ``"not_whole"`` (``1,5``, ``1.5``, ``2.25``).

    A dot groups thousands (the Indonesian way: ``1.250`` -> 1250, ``12.500.000``); a comma with groups of
    three does too (``1,250`` -> 1250: the other reading, 1.25, is no count); ``4.0`` / ``4,00`` -> 4.

    >>> read_count("1.250"), read_count("1.000"), read_count("1,5"), read_count("4.0"), read_count("35 orang")
    ((1250, None), (1000, '.'), (None, 'not_whole'), (4, None), (35, None))
    """
    match = _COUNT_TEXT.match(text.strip().lower())
    if not match:
        return None, None
    number = match.group(1)
    value: int | None = None
    how: str | None = None
    if number.isdigit():
        value = int(number)
    else:
        for sep in ".,":
            if _GROUPED[sep].match(number):
                value = int(number.replace(sep, ""))
                groups = number.split(sep)
                how = sep if len(groups) == 2 and groups[1] == "000" else None
                break
        else:
            decimal = re.match(r"^(\d+)[.,](\d+)$", number)
            if not decimal:
                return None, None
            if decimal.group(2).strip("0"):
                return None, "not_whole"
            value = int(decimal.group(1))
    return (value, how) if value <= MAX_COUNT else (None, None)


def _grouping_proven(text: str, sep: str) -> bool:
    """True when ``text`` can only be read with ``sep`` grouping thousands (``1.250``, ``1.000.000``)."""
    match = _COUNT_TEXT.match(text.strip().lower())
    if not match or not _GROUPED[sep].match(match.group(1)):
        return False
    groups = match.group(1).split(sep)
    return len(groups) > 2 or groups[1] != "000"


# --------------------------------------------------------------------------------------------------------
# Clean-frame layout


def _category_lists(kind: Kind, reference: Reference) -> dict[str, tuple[list[str], bool]]:
    """Categorical column -> (categories, ordered), as the contract declares them."""
    lists = {}
    for column in contract.fields(kind):
        if column.vocabulary is not None:
            dtype = contract.dtype_of(column, reference)
            lists[column.name] = (list(dtype.categories), bool(dtype.ordered))
    return lists


def _assemble(kind: Kind, reference: Reference, values: Mapping[str, Any], n: int) -> pd.DataFrame:
    """Put column values into the clean frame's dtypes (``contract.build_frame``). Categorical values
    arrive as integer codes."""
    return contract.build_frame(kind, values, n, reference)


def clean_to_contract(frame: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """The contract's columns as text, ready to write as CSV: dates ISO, times HH:MM, empty = ``""``."""
    out: dict[str, pd.Series] = {}
    n = len(frame)
    for column in schema.columns(kind):
        if column not in frame.columns:
            out[column] = pd.Series([""] * n, index=frame.index, dtype="str")
            continue
        s = frame[column]
        if pd.api.types.is_datetime64_any_dtype(s):
            fmt = "%Y-%m-%d" if column == "date" else "%Y-%m-%d %H:%M"
            text = s.dt.strftime(fmt)
            if column != "date":
                text = text.str.removesuffix(" 00:00")
        elif pd.api.types.is_bool_dtype(s):
            text = s.map({True: "ya", False: "tidak"})
        elif column in ("residents_met", "personnel_count"):
            text = s.astype("Int64").astype("str")
        elif pd.api.types.is_float_dtype(s):
            text = s.astype("str").where(s.notna())
        else:
            text = s.astype("str")
        out[column] = text.fillna("").astype("str")
    return pd.DataFrame(out, index=frame.index)


# --------------------------------------------------------------------------------------------------------
# Validation


class _Checker:
    """Collects parsed columns and problems while a table is validated."""

    def __init__(self, raw: _Raw, kind: Kind, mapping: dict[str, str], today: date | None = None):
        self.today = today or localtime.today()
        self.frame = raw.frame
        self.lines = raw.lines
        self.n = len(raw.frame)
        self.kind = kind
        self.header_of = {column: header for header, column in mapping.items()}
        self.required = set(schema.required_columns(kind))
        self.error = np.zeros(self.n, dtype=bool)
        # (contract column, positions, values, reasons id, reasons en, severity)
        self.blocks: list[tuple[str | None, np.ndarray, np.ndarray, np.ndarray, np.ndarray, Severity]] = []
        self.file_problems: list[Problem] = []

    def raw(self, column: str) -> pd.Series:
        header = self.header_of.get(column)
        if header is None:
            return pd.Series([""] * self.n, dtype="str")
        return self.frame[header]

    def add(self, column: str | None, positions, values, reasons_id, reasons_en, severity: Severity) -> None:
        positions = np.asarray(positions, dtype=np.int64)
        if not len(positions):
            return
        if severity == "error":
            self.error[positions] = True
        self.blocks.append(
            (column, positions, np.asarray(values, dtype=object), reasons_id, reasons_en, severity)
        )

    def per_unique(
        self,
        column: str,
        parse: Callable[[str], tuple[object, Issue | None]] | None = None,
        make_parse: Callable[[list[str]], Callable[[str], tuple[object, Issue | None]]] | None = None,
    ) -> tuple[np.ndarray, list[object]]:
        """Run ``parse`` once per distinct (stripped) value; report issues for every row holding one.
        ``make_parse`` builds the parser from the column's distinct values (a convention decided per
        column). An empty cell of a column in ``schema.EMPTY_MEANS`` stands for that value (a warning)."""
        codes, uniques = pd.factorize(self.raw(column))
        texts = [str(u).strip() for u in uniques.tolist()]
        if make_parse is not None:
            parse = make_parse([text for text in texts if text])
        assert parse is not None
        results: list[object] = []
        issues: list[Issue | None] = []
        empty_means = schema.EMPTY_MEANS.get(column) if self.kind == "complaints" else None
        for text in texts:
            if text == "" and empty_means is not None:
                results.append(empty_means)
                issues.append(("warning", "values.reason.empty_means", {"value": empty_means}))
            elif text == "":
                issue: Issue | None = (
                    ("error", "loading.reason.required", {}) if column in self.required else None
                )
                results.append(None)
                issues.append(issue)
            else:
                value, issue = parse(text)
                results.append(value)
                issues.append(issue)
        self._report_unique(column, codes, texts, issues)
        return codes, results

    def _report_unique(
        self,
        column: str,
        codes: np.ndarray,
        texts: list[str],
        issues: list[Issue | None],
        rows: np.ndarray | None = None,
    ) -> None:
        """Report each row whose distinct value had an issue; ``rows`` maps codes' positions to rows."""
        for severity in ("error", "warning"):
            flagged = np.array([i is not None and i[0] == severity for i in issues] + [False], dtype=bool)
            if not flagged.any():
                continue
            local = np.flatnonzero(flagged[codes])
            positions = local if rows is None else rows[local]
            reasons_id = np.array([_issue_text(i, "id") for i in issues], dtype=object)
            reasons_en = np.array([_issue_text(i, "en") for i in issues], dtype=object)
            unique_codes = codes[local]
            values = np.asarray(texts, dtype=object)[unique_codes]
            self.add(column, positions, values, reasons_id[unique_codes], reasons_en[unique_codes], severity)

    def text(self, column: str) -> pd.Series:
        """A free-text column: stripped, NA when empty; empty required cells are errors."""

        raw = self.raw(column)
        # Arrow's own trim and compare, as ``.str.strip()`` and ``== ""`` would call them, without pandas'
        # wrapping (half the column's time)
        stripped = _trimmed(pa.array(raw.array, from_pandas=True))
        empty = pc.equal(stripped, "")
        if pc.any(empty).as_py() is True:
            if column in self.required:
                self.required_missing(column, np.flatnonzero(empty.to_numpy(zero_copy_only=False)))
            stripped = pc.if_else(empty, pa.scalar(None, stripped.type), stripped)
        return _text_series(stripped, raw.index)

    def required_missing(self, column: str, positions: np.ndarray) -> None:
        self.add_same(column, positions, [""] * len(positions), "loading.reason.required", "error")

    def add_same(
        self, column: str, positions: np.ndarray, values, key: str, severity: Severity, **texts: object
    ) -> None:
        """Report rows that share one reason (``texts`` fill its placeholders)."""
        k = len(positions)
        reason_id, reason_en = (t(key, lang, **_localised(texts, lang)) for lang in ("id", "en"))
        reasons_id, reasons_en = np.full(k, reason_id, object), np.full(k, reason_en, object)
        self.add(column, positions, values, reasons_id, reasons_en, severity)

    def note(self, contract_column: str, value: str, key: str, /, **texts: object) -> None:
        """A warning about a whole column (no line): a convention it was read with, a split, a join."""
        header = self.header_of.get(contract_column, contract_column)
        reason_id, reason_en = (t(key, lang, **_localised(texts, lang)) for lang in ("id", "en"))
        problem = Problem(None, header, value, reason_id, "warning", contract_column, reason_en)
        self.file_problems.append(problem)

    def categorical(self, column: str, vocabulary: _Vocabulary, categories: list[str]) -> np.ndarray:
        unknown = _UNKNOWN_REASON[_vocab_name(column)]

        def parse(text: str) -> tuple[object, Issue | None]:
            name, how = vocabulary.match(text)
            if name is None:
                return None, ("error", unknown, {})
            if how == "spelling":
                return name, ("warning", "loading.reason.spelling", {"canonical": name})
            if how == "alias":
                return name, ("warning", "loading.reason.alias", {"canonical": name})
            if how == "paired":
                return name, ("warning", "values.reason.paired", {"canonical": name})
            return name, None

        empty_means = schema.EMPTY_MEANS.get(column) if self.kind == "complaints" else None
        if empty_means is not None and column not in self.header_of:
            if self.n:
                self.note(column, "", "values.note.column_absent", column=column, value=empty_means)
            return np.full(self.n, categories.index(empty_means), dtype=np.int64)
        exact = _exact_codes(self.raw(column), vocabulary, categories)
        if exact is not None:  # every cell a canonical name as written: nothing to report
            return exact
        codes, results = self.per_unique(column, parse)
        index = {name: i for i, name in enumerate(categories)}
        mapped = np.array(
            [index.get(r, -1) if isinstance(r, str) else -1 for r in results] + [-1], dtype=np.int64
        )
        return mapped[codes]

    def datetimes(self, column: str, with_time: bool) -> np.ndarray:
        """Dates (midnight) or date-times. ISO date-times are read through their distinct dates and clock
        times; other rows are parsed per distinct value, by known formats and then by hand."""
        text = self.raw(column)  # stripped per distinct value below: cells with spaces are rare
        parsed = np.full(self.n, np.datetime64("NaT"), dtype=DATETIME_DTYPE)
        rest = np.ones(self.n, dtype=bool)
        formats = _DATETIME_FORMATS if with_time else _DATE_FORMATS
        if with_time:  # date-times are mostly distinct; their dates and clock times are not
            canonical, stamps = _canonical_datetimes(text, blank_ok=column not in self.required)
            if canonical.all():
                parsed, rest = stamps, np.zeros(self.n, dtype=bool)
            elif canonical.any():
                others = np.flatnonzero(~canonical)
                parsed = stamps
                parsed[others] = _iso_datetimes(text.iloc[others])
                rest = np.isnat(parsed)
            else:
                parsed = _iso_datetimes(text)
                rest = np.isnat(parsed)
        else:  # dates written YYYY-MM-DD in one cast; the others per distinct value
            canonical, parsed = _canonical_datetimes(text, blank_ok=column not in self.required, length=10)
            rest = ~canonical
        rows = np.flatnonzero(rest)
        if len(rows):
            codes, uniques = pd.factorize(text.iloc[rows] if len(rows) < self.n else text)
            texts = [str(u).strip() for u in uniques.tolist()]
            parsed_unique, issues = self._parse_dates(column, texts, formats)
            if not with_time:  # midnight, per distinct value (the year is unchanged)
                parsed_unique = parsed_unique.astype("datetime64[D]").astype(DATETIME_DTYPE)
            parsed[rows] = np.append(parsed_unique, np.datetime64("NaT"))[codes]
            self._report_unique(column, codes, texts, issues, rows)
        # a year outside MIN_YEAR..MAX_YEAR, by comparing instants (no per-row conversion to years)
        first = np.datetime64(f"{MIN_YEAR:04d}-01-01", "us")
        after = np.datetime64(f"{MAX_YEAR + 1:04d}-01-01", "us")
        outside = np.flatnonzero(~np.isnat(parsed) & ((parsed < first) | (parsed >= after)))
        if len(outside):
            shown = text.iloc[outside].to_numpy(dtype=object)
            self.add_same(column, outside, shown, "loading.reason.year_range", "error")
            parsed[outside] = np.datetime64("NaT")
        self._implausible(column, text, parsed)
        return parsed

    def _implausible(self, column: str, text: pd.Series, parsed: np.ndarray) -> None:
        """A date after today (with a day's margin, in the local zone) cannot be a record already made:
        the row is rejected (an optional date is left empty). A date far from the column's other dates
        (``analysis.data.plausibility``) is kept with a warning."""
        limit = np.datetime64(self.today + timedelta(days=2), "us")
        future = np.flatnonzero(~np.isnat(parsed) & (parsed >= limit))
        if len(future):
            shown = text.iloc[future].str.strip().to_numpy(dtype=object)
            required = column in self.required
            key = "values.reason.future" if required else "values.reason.future_dropped"
            self.add_same(column, future, shown, key, "error" if required else "warning", today=self.today)
            parsed[future] = np.datetime64("NaT")
        if column == "resolved_at":
            return
        found = plausibility.plausible_range(parsed)
        if found is None:
            return
        days = parsed.astype("datetime64[D]")
        far = np.flatnonzero(~np.isnat(days) & ((days < found[0]) | (days > found[1])))
        if len(far):
            shown = text.iloc[far].str.strip().to_numpy(dtype=object)
            self.add_same(
                column, far, shown, "values.reason.far_outside", "warning", start=found[0], end=found[1]
            )

    def _parse_dates(
        self, column: str, texts: list[str], formats: Sequence[str]
    ) -> tuple[np.ndarray, list[Issue | None]]:
        """Parse the distinct texts of a date column. Conventions are decided for the column from its own
        values and each reported once: Excel serial numbers, and the order of numeric dates
        (``date_order``: month-first when a value proves it, day-first otherwise, each row by the order
        possible for it when the column mixes both)."""
        series = pd.Series(texts, dtype="str")
        parsed = np.full(len(texts), np.datetime64("NaT"), dtype=DATETIME_DTYPE)
        todo = (series != "").to_numpy().copy()
        serials = [(i, excel_serial(text)) for i, text in enumerate(texts) if SERIAL_RE.match(text)]
        serials = [(i, value) for i, value in serials if value is not None]
        for i, value in serials:
            parsed[i] = np.datetime64(value, "us")
            todo[i] = False
        if serials:
            i, value = serials[0]
            self.note(column, texts[i], "values.note.excel_serial", example=texts[i], date=value)
        order, proven = date_order(text for i, text in enumerate(texts) if todo[i])
        if order == "mdy":
            formats = [f.replace("%d/%m", "%m/%d").replace("%d-%m", "%m-%d") for f in formats]
        elif order == "mixed":
            formats = [f for f in formats if f.startswith("%Y")]
        for fmt in formats:
            if not todo.any():
                break
            attempt = pd.to_datetime(series[todo], format=fmt, errors="coerce")
            parsed[np.flatnonzero(todo)] = attempt.to_numpy().astype(DATETIME_DTYPE)
            todo &= np.isnat(parsed)
        issues: list[Issue | None] = [None] * len(texts)
        for i in np.flatnonzero(todo).tolist():
            value, reason = parse_date(texts[i], "mdy" if order == "mdy" else "dmy")
            if order == "mixed":
                if value is None and reason == "loading.reason.date_impossible":
                    value, reason = parse_date(texts[i], "mdy")[0], reason
                elif value is not None and two_readings(texts[i]):
                    issues[i] = ("warning", "values.reason.two_readings", {"read": value})
            if value is None:
                issues[i] = ("error", reason or "loading.reason.date_unreadable", {})
            else:
                parsed[i] = np.datetime64(value, "us")
        numeric = [text for text in texts if NUMERIC_DATE.match(text.lower())]
        if order == "mdy":
            example = next(text for text in numeric if date_order([text]) == ("mdy", True))
            self.note(column, example, "values.note.month_first", example=example)
        elif order == "mixed":
            day_first = next(text for text in numeric if date_order([text]) == ("dmy", True))
            month_first = next(text for text in numeric if date_order([text]) == ("mdy", True))
            self.note(column, "", "values.note.mixed_order", day_first=day_first, month_first=month_first)
        elif not proven:
            ambiguous = next((text for text in numeric if two_readings(text)), None)
            if ambiguous is not None:
                self.note(column, ambiguous, "values.note.day_first_default", example=ambiguous)
        if column in self.required:
            for i, text in enumerate(texts):
                if text == "":
                    issues[i] = ("error", "loading.reason.required", {})
        return parsed, issues

    def times(self, column: str) -> tuple[np.ndarray, pd.Series, np.ndarray | None, pd.Series | None]:
        """Minutes after midnight (NaN when empty or unreadable, the latter with a warning) and HH:MM;
        for a start time, also the end of a range written in the same cell (``19.00 s/d 21.00``), else
        None."""

        def parse(text: str) -> tuple[object, Issue | None]:
            value = parse_time(text)
            if value is None and column == "start_time":
                pair = parse_time_range(text)
                if pair is not None:
                    return pair, ("warning", "values.reason.range_split", {"start": pair[0], "end": pair[1]})
            return value, (None if value else ("warning", "loading.reason.time_unreadable", {}))

        raw = self.raw(column)
        fast = _clock_minutes(raw)
        if fast is not None:  # every cell HH:MM as written, or empty
            minutes, empty = fast
            if column in self.required and empty.any():
                self.required_missing(column, np.flatnonzero(empty))
            return minutes, _blank_to_na(raw), None, None
        codes, results = self.per_unique(column, parse)
        starts = [r[0] if isinstance(r, tuple) else r for r in results]
        ends = [r[1] if isinstance(r, tuple) else None for r in results]
        minutes = np.append(np.asarray([_minutes(r) for r in starts], dtype=np.float64), np.nan)[codes]
        if not any(ends):
            return minutes, _take_text(starts, codes), None, None
        end_minutes = np.append(np.asarray([_minutes(r) for r in ends], dtype=np.float64), np.nan)[codes]
        return minutes, _take_text(starts, codes), end_minutes, _take_text(ends, codes)

    def coordinates(self, column: str, bounds: tuple[float, float]) -> np.ndarray:
        s = self.raw(column)
        given = (s != "").to_numpy()
        values = _to_float(s)
        bad = given & ~((values >= bounds[0]) & (values <= bounds[1]))
        if bad.any():
            positions = np.flatnonzero(bad)
            shown = s.iloc[positions].to_numpy(dtype=object)
            self.add_same(column, positions, shown, "loading.reason.coordinate", "warning")
            values = np.where(bad, np.nan, values)
        return values

    def problems(self) -> list[Problem]:
        order = {c: i for i, c in enumerate(schema.columns(self.kind))}
        # notes about whole columns, in the contract's column order (columns may be read on two threads)
        problems = sorted(self.file_problems, key=lambda p: order.get(p.contract_column or "", -1))
        keyed: list[tuple[int, int, int, Problem]] = []
        for column, positions, values, reasons_id, reasons_en, severity in self.blocks:
            header = self.header_of.get(column, column) if column else None
            rank = order.get(column, -1) if column else -1
            sev = 0 if severity == "error" else 1
            lines = self.lines[positions].tolist()
            for line, value, rid, ren in zip(
                lines, values.tolist(), reasons_id.tolist(), reasons_en.tolist(), strict=True
            ):
                keyed.append((line, sev, rank, Problem(line, header, str(value), rid, severity, column, ren)))
        keyed.sort(key=lambda k: k[:3])
        return problems + [k[3] for k in keyed]


# Fast paths for columns written the way the contract asks. Each settles a whole column in a few Arrow
# or NumPy passes, or returns None when any cell is written otherwise; the column then goes through the
# per-distinct-value parsers, so values and report are the same either way (tests compare both).


def _exact_codes(text: pd.Series, vocabulary: _Vocabulary, categories: list[str]) -> np.ndarray | None:
    """Each cell's position in ``categories`` when every cell is exactly a name the vocabulary takes as
    itself (no alias, no spelling fix); None otherwise."""

    names = [name if vocabulary.match(name) == (name, None) else None for name in categories]
    arrow = pa.array(text.array, from_pandas=True)
    if not len(arrow) or not _is_text(arrow):
        return None
    found = pc.index_in(arrow, value_set=pa.array(names, type=arrow.type))
    if found.null_count:
        return None
    return found.to_numpy().astype(np.int64)


def _whole_numbers(text: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """(value of each cell, NaN when empty; mask of the empty cells) when every cell is ASCII digits or
    empty; None otherwise (spaces, signs, "5 orang", hexadecimal, a number above ``MAX_COUNT``)."""

    try:
        arrow = _arrow_text(text)  # empty cells as nulls, which every check below passes over
        if pc.any(pc.invert(pc.ascii_is_decimal(arrow))).as_py():
            return None
        values = arrow.cast(pa.int64()).to_numpy(zero_copy_only=False).astype(np.float64)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return None
    if (values > MAX_COUNT).any():
        return None
    return values, np.isnan(values)


def _clock_minutes(text: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """(minutes after midnight of each cell, NaN when empty; mask of the empty cells) when every cell is
    exactly ``HH:MM`` (00:00-23:59) or empty; None otherwise. Read from the column's bytes with NumPy:
    Arrow cannot cast text to a time of day."""

    arrow = pa.array(text.array, from_pandas=True)
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    if arrow.null_count or not _is_text(arrow):
        return None
    lengths = pc.binary_length(arrow).to_numpy()
    empty = lengths == 0
    if not (empty | (lengths == 5)).all():
        return None
    offset_type = np.int64 if pa.types.is_large_string(arrow.type) else np.int32
    offsets = np.frombuffer(arrow.buffers()[1], dtype=offset_type)
    offsets = offsets[arrow.offset : arrow.offset + len(arrow) + 1]
    cells = np.frombuffer(arrow.buffers()[2] or b"", dtype=np.uint8)[offsets[0] : offsets[-1]].reshape(-1, 5)
    # bytes minus "0": a digit becomes 0-9, anything below "0" wraps past 200 (small types: every new
    # megabyte costs page faults, which on this kind of machine outweigh the arithmetic)
    c = cells - np.uint8(ord("0"))
    if not ((c[:, 2] == ord(":") - ord("0")) & (c[:, [0, 1, 3, 4]] <= 9).all(axis=1)).all():
        return None
    hours = c[:, 0].astype(np.int16) * 10 + c[:, 1]
    minutes = c[:, 3].astype(np.int16) * 10 + c[:, 4]
    if (hours > 23).any() or (minutes > 59).any():
        return None
    out = np.full(len(arrow), np.nan)
    out[~empty] = hours * 60 + minutes
    return out, empty


def _minutes(clock: object) -> float:
    """``"21:15"`` -> 1275.0; anything else NaN."""
    return int(clock[:2]) * 60 + int(clock[3:]) if isinstance(clock, str) else np.nan


def _is_text(arrow) -> bool:
    return pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type)


def _take_text(results: list[object], codes: np.ndarray) -> pd.Series:
    """Per-distinct-value texts spread back over the rows (an Arrow take, no Python loop per row)."""
    texts = pd.array([r if isinstance(r, str) else None for r in results] + [None], dtype="str")
    return pd.Series(texts.take(codes))


def _issue_text(issue: Issue | None, lang: Literal["id", "en"]) -> str:
    if issue is None:
        return ""
    _, key, values = issue
    return str(values[lang]) if not key else t(key, lang, **_localised(values, lang))


def _localised(values: Mapping[str, object], lang: Literal["id", "en"]) -> dict[str, object]:
    """Dates in a reason written the reader's way (``26 Mei 2025``); a text key (``values.separator.dot``)
    in the reader's language."""
    out: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, (date, datetime, np.datetime64)):
            value = fmt_date(pd.Timestamp(value).to_pydatetime(), lang)
        elif isinstance(value, str) and value.startswith("values."):
            value = t(value, lang)
        out[key] = value
    return out


def _arrow_text(text: pd.Series):
    """The column as a pyarrow string array with empty cells as nulls (no copy of the text)."""

    arrow = pa.array(text.array, from_pandas=True)
    return pc.if_else(pc.equal(arrow, ""), pa.scalar(None, arrow.type), arrow)


def _blank_to_na(text: pd.Series) -> pd.Series:
    """Empty cells as NA; pandas' own ``where`` is several times slower on Arrow strings."""
    return _text_series(_arrow_text(text), text.index)


def _trimmed(arrow: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """``pyarrow.compute.utf8_trim_whitespace`` of a string array, applied only to the values that can
    change: those whose first or last byte is not printable ASCII (a space, a control, or part of a
    multi-byte character). A value that begins and ends with printable ASCII other than a space is its own
    trim, so the result is the same, and a column of clean names or notes is looked at two bytes a value.
    """
    chunked = arrow if isinstance(arrow, pa.ChunkedArray) else pa.chunked_array([arrow])
    out = []
    for chunk, null, starts, ends, data in string_chunks(chunked):
        last = len(data) - 1
        first_byte, last_byte = data[np.minimum(starts, last)], data[np.clip(ends - 1, 0, last)]
        outer = (first_byte < 0x21) | (first_byte > 0x7E) | (last_byte < 0x21) | (last_byte > 0x7E)
        changes = (ends > starts) & outer & ~null
        count = int(np.count_nonzero(changes))
        if count == 0:
            out.append(chunk)
        elif count > len(chunk) // 4:  # many to trim: the whole chunk in one pass
            out.append(pc.utf8_trim_whitespace(chunk))
        else:
            trimmed = pc.utf8_trim_whitespace(chunk.take(pa.array(np.flatnonzero(changes))))
            out.append(pc.replace_with_mask(chunk, pa.array(changes), trimmed))
    return pa.chunked_array(out, type=chunked.type)


def _text_series(arrow, index: pd.Index) -> pd.Series:
    """An Arrow string array (or chunked array) as a pandas ``str`` column, without a copy."""

    chunked = arrow if isinstance(arrow, pa.ChunkedArray) else pa.chunked_array([arrow])
    return pd.Series(pd.arrays.ArrowStringArray(chunked, dtype=TEXT), index=index)


def _to_float(text: pd.Series) -> np.ndarray:
    """Decimal numbers (point or comma) as floats; NaN where empty or unreadable."""

    try:  # the usual case: plain decimal points, nothing to clean
        arrow = _arrow_text(text)
        return arrow.cast(pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        replaced = text.str.strip().str.replace(",", ".", regex=False)
        return pd.to_numeric(replaced, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y")
_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H.%M",
    "%d/%m/%Y",
)


_CLOCK = re.compile(r"^(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")


def _clock_seconds(text: str) -> float:
    """``" 21:15"`` -> 76500.0, ``""`` -> 0.0 (midnight), anything else NaN."""
    match = _CLOCK.match(text)
    if not match:
        return np.nan
    if match.group(1) is None:
        return 0.0
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    return np.nan if hour > 23 or minute > 59 or second > 59 else hour * 3600.0 + minute * 60 + second


_CANONICAL_DATETIME = r"^(?:19|20)\d\d-\d\d-\d\d \d\d:\d\d$"
_CANONICAL = {16: _CANONICAL_DATETIME, 10: r"^(?:19|20)\d\d-\d\d-\d\d$"}  # by the text's length


def _canonical_datetimes(text: pd.Series, blank_ok: bool, length: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Cells written exactly ``YYYY-MM-DD HH:MM`` (years 1900-2099; ``length=10``: ``YYYY-MM-DD``),
    parsed by Arrow's strict ISO cast in one pass: (mask of the cells settled, their date-times, NaT
    elsewhere). ``blank_ok``: empty cells of an optional column are settled too (NaT, nothing to report).
    Anything else, or any cell Arrow's cast refuses (31 February, hour 24), is left to ``_iso_datetimes``
    and the slower parsers, so the values and the report are the same as theirs.

    The usual file is tried first without the regular expression (a third of the column's time): every
    cell of the right length at once through the cast, which accepts no 16-character text but
    ``YYYY-MM-DD[ T]HH:MM`` and no 10-character text but ``YYYY-MM-DD``. The T form and years the
    expression leaves out (read here, then judged by the year-range check) come out the same as from the
    slower parsers. A refusal anywhere sends the column through the expression instead.
    """

    n = len(text)
    none = np.zeros(n, dtype=bool)
    try:
        arrow = pa.array(text.array, from_pandas=True)
        try:
            shaped = pc.equal(pc.binary_length(arrow), length)
            mask, stamps = _cast_datetimes(arrow, shaped)
        except pa.ArrowInvalid:
            mask, stamps = _cast_datetimes(arrow, pc.match_substring_regex(arrow, _CANONICAL[length]))
        if mask.any() and blank_ok:
            mask |= pc.equal(arrow, "").to_numpy(zero_copy_only=False).astype(bool)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError):
        return none, np.full(n, np.datetime64("NaT"), dtype=DATETIME_DTYPE)
    return mask, stamps


def _cast_datetimes(arrow, selected) -> tuple[np.ndarray, np.ndarray]:
    """The ``selected`` cells cast to date-times (raises ``ArrowInvalid`` if any cannot be)."""

    mask = selected.to_numpy(zero_copy_only=False).astype(bool)  # null (none expected) -> False
    stamps = np.full(len(mask), np.datetime64("NaT"), dtype=DATETIME_DTYPE)
    if mask.any():
        cast = pc.cast(pc.filter(arrow, selected), pa.timestamp("us"))
        stamps[mask] = cast.to_numpy(zero_copy_only=False)
    return mask, stamps


def _iso_datetimes(text: pd.Series) -> np.ndarray:
    """``YYYY-MM-DD[ HH:MM[:SS]]`` cells; NaT for anything else (left to the slower parsers).

    A million date-times hold only a few hundred dates and clock times: each is parsed once.
    """
    nat = np.datetime64("NaT").astype(DATETIME_DTYPE).astype(np.int64)
    date_codes, dates = pd.factorize(text.str.slice(0, 10))
    days = pd.to_datetime(pd.Series(dates, dtype="str"), format="%Y-%m-%d", errors="coerce")
    day_us = np.append(days.to_numpy().astype(DATETIME_DTYPE).astype(np.int64), nat)
    clock_codes, clocks = pd.factorize(text.str.slice(10))
    seconds = np.array([_clock_seconds(str(c)) for c in clocks] + [np.nan], dtype=np.float64)
    clock_us = np.where(np.isnan(seconds), -1, np.nan_to_num(seconds) * 1_000_000).astype(np.int64)
    # integer microseconds all the way: one gather per part, one add, one mask
    day, clock = day_us[date_codes], clock_us[clock_codes]
    stamp = day + clock
    stamp[(day == nat) | (clock < 0)] = nat
    return stamp.view(DATETIME_DTYPE)


def _vocab_name(column: str) -> str:
    return {"leader_rank": "rank", "assigned_kelurahan": "kelurahan"}.get(column, column)


def _topics_parser(vocabulary: _Vocabulary) -> Callable[[str], tuple[object, Issue | None]]:
    def parse(text: str) -> tuple[object, Issue | None]:
        names: list[str] = []
        notes_id: list[str] = []
        notes_en: list[str] = []
        for part in schema.split_topics(text):
            name, how = vocabulary.match(part)
            key = None
            if name is None:
                name, key = "Lainnya", "loading.reason.topic_unknown"
            elif how is not None:
                key = "loading.reason.topic_alias"
            if key:
                notes_id.append(t(key, "id", part=part, canonical=name))
                notes_en.append(t(key, "en", part=part, canonical=name))
            if name not in names:
                names.append(name)
        if not notes_id:
            return "; ".join(names) or None, None
        # one warning per cell, its texts already written in both languages
        return "; ".join(names), ("warning", "", {"id": "; ".join(notes_id), "en": "; ".join(notes_en)})

    return parse


def _counts(checker: _Checker, column: str, minimum: int, severity: Severity) -> np.ndarray:
    key = "loading.reason.personnel" if severity == "error" else "loading.reason.number_unreadable"
    not_whole = "values.reason.not_whole" if severity == "error" else "values.reason.not_whole_dropped"

    def make_parse(texts: list[str]) -> Callable[[str], tuple[object, Issue | None]]:
        proven = {sep for sep in ".," if any(_grouping_proven(text, sep) for text in texts)}

        def parse(text: str) -> tuple[object, Issue | None]:
            value, how = read_count(text)
            if how == "not_whole":
                return None, (severity, not_whole, {})
            if value is None or value < minimum:
                return None, (severity, key, {})
            if how in (".", ",") and how not in proven:
                separator = "values.separator.dot" if how == "." else "values.separator.comma"
                one = int(text.split(how)[0])
                return value, (
                    "warning",
                    "values.reason.two_numbers",
                    {"one": one, "other": value, "separator": separator},
                )
            return value, None

        return parse

    fast = _whole_numbers(checker.raw(column))
    if fast is not None:  # every cell plain digits, or empty
        values, empty = fast
        if column in checker.required and empty.any():
            checker.required_missing(column, np.flatnonzero(empty))
        small = np.flatnonzero(values < minimum)
        if len(small):
            shown = checker.raw(column).iloc[small].to_numpy(dtype=object)
            checker.add_same(column, small, shown, key, severity)
            values[small] = np.nan
        return values
    codes, results = checker.per_unique(column, make_parse=make_parse)
    values = np.array([np.nan if r is None else r for r in results] + [np.nan], dtype=np.float64)
    return values[codes]


def _derive_ids(checker: _Checker, kind: Kind, reference: Reference, values: dict[str, Any]) -> pd.Series:
    id_column = schema.ID_COLUMN[kind]
    ids = values[id_column]
    missing = ids.isna().to_numpy() & ~checker.error
    if not missing.any():
        return ids
    positions = np.flatnonzero(missing)
    subset = {
        c: (v[positions] if not isinstance(v, pd.Series) else v.iloc[positions]) for c, v in values.items()
    }
    clean = clean_to_contract(_assemble(kind, reference, subset, len(positions)), kind).drop(
        columns=id_column
    )
    hashes = pd.util.hash_pandas_object(clean, index=False, categorize=False).to_numpy()
    made = [f"{ID_PREFIX[kind]}{h:016x}"[: len(ID_PREFIX[kind]) + 12] for h in hashes.tolist()]
    ids = ids.copy()
    ids.iloc[positions] = made
    if id_column in checker.header_of:
        notes = [(t("loading.reason.id_derived", lang, id=m)) for lang in ("id", "en") for m in made]
        k = len(made)
        checker.add(
            id_column,
            positions,
            [""] * k,
            np.array(notes[:k], object),
            np.array(notes[k:], object),
            "warning",
        )
    return ids


def _nrp_from_names(checker: _Checker, values: dict[str, Any], officers: pd.DataFrame | None) -> None:
    """A patrol whose leader has no NRP: the leader's name looked up in the officers' list (one officer of
    that name, spelled the same up to case, spacing and punctuation). Filled with a warning; left empty
    with a warning when the name is not there or names several officers."""
    nrp, names = values["leader_nrp"], values["leader_name"]
    missing = np.flatnonzero(nrp.isna().to_numpy() & names.notna().to_numpy() & ~checker.error)
    if not len(missing):
        return
    lookup: dict[str, str | None] = {}
    if officers is not None and len(officers):
        for name, number in zip(officers["name"].astype(str), officers["nrp"].astype(str), strict=True):
            key = _compact(name)
            lookup[key] = number if lookup.get(key, number) == number else None  # None: several officers
    shown = names.iloc[missing].to_numpy(dtype=object)
    found = np.array([lookup.get(_compact(str(n))) for n in shown], dtype=object)
    hit = np.array([f is not None for f in found], dtype=bool)
    if hit.any():
        filled = nrp.copy()
        filled.iloc[missing[hit]] = found[hit]
        values["leader_nrp"] = filled
        for number in sorted(set(found[hit].tolist())):
            rows = missing[hit][found[hit] == number]
            checker.add_same(
                "leader_nrp",
                rows,
                shown[hit][found[hit] == number],
                "values.reason.nrp_from_name",
                "warning",
                nrp=number,
            )
    if (~hit).any():
        checker.add_same("leader_nrp", missing[~hit], shown[~hit], "values.reason.nrp_unknown", "warning")


def _strictly_increasing(values: pd.Series) -> bool:
    if len(values) < 2:
        return True
    arrow = pa.array(values.array)
    return arrow.null_count == 0 and bool(pc.all(pc.greater(arrow[1:], arrow[:-1])).as_py())


def _reject_duplicates(checker: _Checker, id_column: str, ids: pd.Series) -> None:
    ok = np.flatnonzero(~checker.error)
    kept = ids.iloc[ok]
    if _strictly_increasing(kept):
        return  # the usual case: no duplicates, no hashing needed
    codes, _ = pd.factorize(kept)
    _, first = np.unique(codes, return_index=True)
    duplicated = np.ones(len(ok), dtype=bool)
    duplicated[first] = False
    if not duplicated.any():
        return
    first_line = pd.Series(checker.lines[ok[first]], index=ids.iloc[ok[first]].to_numpy(dtype=object))
    positions = ok[duplicated]
    dup_ids = ids.iloc[positions].to_numpy(dtype=object)
    lines = first_line.reindex(dup_ids).to_numpy()
    reasons_id = np.array([t("loading.reason.duplicate_id", "id", line=int(x)) for x in lines], object)
    reasons_en = np.array([t("loading.reason.duplicate_id", "en", line=int(x)) for x in lines], object)
    checker.add(id_column, positions, dup_ids, reasons_id, reasons_en, "error")


def _releasing_arrow_memory(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` that hands Arrow's freed pages back when it returns or raises (the raw text and the
    intermediate columns of a read are garbage by then; see ``_release_arrow_memory``)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        finally:
            _release_arrow_memory()

    return wrapper


@_releasing_arrow_memory
def load_table(
    source: Path | str | bytes | BinaryIO,
    kind: Kind,
    reference: Reference,
    *,
    filename: str | None = None,
    column_mapping: Mapping[str, str | None] | None = None,
    officers: pd.DataFrame | None = None,
    today: date | None = None,
    value_pairs: Mapping[str, Mapping[str, str]] | None = None,
    sheet: str | None = None,
) -> tuple[pd.DataFrame, ValidationReport]:
    """Read, map, parse and validate one file; return the clean frame of valid rows and the report.

    ``officers`` (a clean officers frame): a patrol leader's empty NRP is looked up by name in it.
    ``today`` (default: today in the configured zone, ``analysis.data.localtime``): dates after it, beyond a
    day's margin, are refused. ``value_pairs`` (contract column -> {value as written: canonical value}):
    the user's pairings of values the vocabularies do not know. ``sheet`` names the Excel sheet to read
    (default: the visible, active one). Raises ``UnreadableFile`` when the file
    cannot be read as ``kind`` at all.
    """
    raw, name = _read(source, filename, kind, column_mapping, sheet)
    raw, column_mapping, notes = _split_combined(raw, kind, column_mapping, reference)
    mapping, unmatched = map_headers(raw.frame.columns, kind, column_mapping)
    raw, joined = _join_date_and_time(raw, kind, mapping, unmatched)
    unmatched = [h for h in unmatched if h != (joined or {}).get("time")]
    present = set(mapping.values())
    missing = [c for c in schema.COLUMNS[kind] if c.required and c.name not in present]
    if missing:
        listed = ", ".join(f"{c.label_id} ({c.name})" for c in missing)
        raise UnreadableFile("loading.file.missing_columns", columns=listed)
    checker = _Checker(raw, kind, mapping, today)
    for column, key, texts in notes:
        checker.note(column, "", key, **texts)
    if joined:
        checker.note(joined["column"], "", "values.note.joined", date=joined["date"], time=joined["time"])
    n = checker.n
    if raw.malformed:
        positions = np.array(sorted(raw.malformed), dtype=np.int64)
        found = [raw.malformed[p] for p in positions.tolist()]
        reason_id = [t("loading.reason.malformed", "id", found=f, expected=raw.width) for f in found]
        reason_en = [t("loading.reason.malformed", "en", found=f, expected=raw.width) for f in found]
        checker.add(
            None,
            positions,
            [""] * len(found),
            np.array(reason_id, object),
            np.array(reason_en, object),
            "error",
        )

    vocab = _vocabularies(reference)
    if value_pairs:
        vocab = _with_pairs(vocab, value_pairs)
    categories = _category_lists(kind, reference)

    def parse_column(column: str) -> dict[str, Any]:
        """One column's parsed values (each column reads only its own cells and reports its own rows)."""
        if column in categories:
            return {column: checker.categorical(column, vocab[_vocab_name(column)], categories[column][0])}
        if column in ("date", "received_at", "resolved_at"):
            return {column: checker.datetimes(column, with_time=column != "date")}
        if column in ("start_time", "end_time"):
            minutes, text, end_minutes, end_text = checker.times(column)
            ranged = {} if end_minutes is None else {"_range_end": end_minutes, "_range_end_text": end_text}
            return {f"_{column}": minutes, column: text, **ranged}
        if column == "personnel_count":
            return {column: np.nan_to_num(_counts(checker, column, 1, "error"), nan=0).astype(np.int64)}
        if column == "residents_met":
            return {column: _counts(checker, column, 0, "warning")}
        if column in ("lat", "lon"):
            return {column: checker.coordinates(column, LAT_RANGE if column == "lat" else LON_RANGE)}
        if column == "topics":
            codes, results = checker.per_unique(column, _topics_parser(vocab["category"]))
            return {column: _take_text(results, codes)}
        if column == "active":
            codes, results = checker.per_unique(column, _parse_active)
            return {column: np.array([r is not False for r in results] + [True], dtype=bool)[codes]}
        return {column: checker.text(column)}

    # Columns are independent and their work is mostly in Arrow and NumPy, which release the GIL: a big
    # file is validated on two threads (problems are sorted by line and column afterwards, so the report
    # does not depend on which column finished first).
    values: dict[str, Any] = {}
    if n >= PARALLEL_ROWS:
        with ThreadPoolExecutor(max_workers=2) as pool:
            # the slowest columns first, so the two threads run out of work at about the same time
            order = sorted(schema.columns(kind), key=lambda c: c not in _SLOW_COLUMNS)
            parts = list(pool.map(parse_column, order))
    else:
        parts = [parse_column(column) for column in schema.columns(kind)]
    for part in parts:
        values.update(part)

    kecamatan_codes = None
    if kind in ("patrols", "complaints"):
        kecamatan_index = [KECAMATAN.index(k) for k in reference.kelurahan["kecamatan"]] + [-1]
        kecamatan_codes = np.asarray(kecamatan_index, dtype=np.int64)[values["kelurahan"]]
        values["kecamatan"] = kecamatan_codes
    if kind == "patrols":
        start, end = values.pop("_start_time"), values.pop("_end_time")
        if "_range_end" in values:  # "19.00 s/d 21.00" in the start column: its end where none is given
            range_end, range_text = values.pop("_range_end"), values.pop("_range_end_text")
            fill = np.isnan(end) & ~np.isnan(range_end)
            end = np.where(fill, range_end, end)
            values["end_time"] = values["end_time"].where(~fill, range_text.to_numpy())
        minutes = end - start  # in (-1440, 1440): a patrol past midnight ends "before" it started
        values["duration_hours"] = np.where(minutes < 0, minutes + 1440, minutes) / 60  # np.mod, cheaper
    if kind == "complaints":
        received, resolved = values["received_at"], values["resolved_at"]
        early = resolved_before_received(received, resolved)
        if early.size:  # the complaint was received all the same: only the resolution goes
            shown = checker.raw("resolved_at").str.strip().iloc[early].to_numpy(dtype=object)
            checker.add_same("resolved_at", early, shown, "values.reason.resolved_before", "warning")
            resolved = resolved.copy()
            resolved[early] = np.datetime64("NaT")
            values["resolved_at"] = resolved
        values["resolution_days"] = resolution_days(received, resolved)
        status_index = schema.STATUSES.index(schema.INVALID_STATUS)
        values["is_valid"] = values["status"] != status_index

    if kind == "patrols":
        _nrp_from_names(checker, values, officers)

    id_column = schema.ID_COLUMN[kind]
    if id_column not in schema.required_columns(kind):
        values[id_column] = _derive_ids(checker, kind, reference, values)
        if id_column not in present and n:
            checker.file_problems.append(
                Problem(
                    None,
                    id_column,
                    "",
                    t("loading.reason.id_column_missing", "id"),
                    "warning",
                    id_column,
                    t("loading.reason.id_column_missing", "en"),
                )
            )
    _reject_duplicates(checker, id_column, values[id_column])

    keep = ~checker.error
    if not keep.all():
        positions = np.flatnonzero(keep)
        values = {
            c: (v.iloc[positions] if isinstance(v, pd.Series) else v[positions]) for c, v in values.items()
        }
    frame = _assemble(kind, reference, values, int(keep.sum()))
    report = ValidationReport(
        kind=kind,
        source=name,
        rows_total=n,
        rows_valid=int(keep.sum()),
        rows_rejected=int(n - keep.sum()),
        problems=checker.problems(),
        column_mapping=mapping,
        ignored_columns=unmatched,
    )
    if raw.sheet is not None:
        workbook.annotate(report, raw.sheet)
    return frame, report


_MICROSECONDS_PER_DAY = 86_400_000_000
_NAT = np.iinfo(np.int64).min  # NaT as the int64 behind a datetime64


def resolved_before_received(received: np.ndarray, resolved: np.ndarray) -> np.ndarray:
    """Positions (int64, ascending) where a complaint's resolution comes before its receipt: both known,
    ``resolved < received``, except a resolution date without a time (midnight) on the day of receipt,
    which is not before it. Both ``datetime64[us]`` of one length.

    One comparison over the int64 values; the day test only for the few rows that fail it.
    """
    r, c = resolved.view(np.int64), received.view(np.int64)
    candidates = np.flatnonzero((r < c) & (r != _NAT))  # a NaT receipt is the smallest int64: never here
    if not candidates.size:
        return candidates
    r_day = r[candidates] // _MICROSECONDS_PER_DAY
    midnight_same_day = (r[candidates] % _MICROSECONDS_PER_DAY == 0) & (
        r_day == c[candidates] // _MICROSECONDS_PER_DAY
    )
    return candidates[~midnight_same_day]


def resolution_days(received: np.ndarray, resolved: np.ndarray) -> np.ndarray:
    """Days from receipt to resolution (float64; whole seconds, never below 0; NaN where the resolution
    is unknown, 0 where only the receipt is). Both ``datetime64[us]`` of one length."""
    r, c = resolved.view(np.int64), received.view(np.int64)
    seconds = np.subtract(r, c) // 1_000_000  # wraps where either is NaT: those rows are set below
    days = np.maximum(seconds, 0) / 86400
    days[c == _NAT] = 0.0
    days[r == _NAT] = np.nan
    return days


def _release_arrow_memory() -> None:
    """Give the file's raw text and the intermediate columns back to the system. Arrow's allocator keeps
    freed blocks for reuse; after a million-row load that is over half a gigabyte a dashboard server
    would otherwise hold for good."""

    pa.default_memory_pool().release_unused()


def _parse_active(text: str) -> tuple[object, Issue | None]:
    value = re.sub(r"\s+", " ", text.lower())
    if value in _YES:
        return True, None
    if value in _NO:
        return False, None
    return None, ("error", "loading.reason.unknown_active", {})
