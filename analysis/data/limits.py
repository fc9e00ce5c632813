"""What a file may declare and cost before the loader refuses it (issue 19: bounded parsing).

Every limit is a setting of ``analysis.core.settings`` (``limits_from_env`` reads them); the
defaults suit a Polsek's registers and the benchmark's million rows. A file over a limit raises
``LimitExceeded`` (an ``UnreadableFile``: the command line exits 2, the Data page shows the message, nothing
is written) whose Bahasa message names the limit, its setting and what the file declared or holds.

| setting | default | what it bounds |
|---|---|---|
| ``DASHBOARD_MAX_FILE_MB`` | 512 | size of a CSV or Excel file, MB |
| ``DASHBOARD_MAX_ROWS`` | 1,000,000 | data rows (records) of a file or sheet |
| ``DASHBOARD_MAX_COLUMNS`` | 200 | columns of any line or sheet row |
| ``DASHBOARD_MAX_CELL_CHARS`` | 100,000 | characters in one cell |
| ``DASHBOARD_MAX_CELLS`` | 30,000,000 | rows x columns of a file (declared or found) |
| ``DASHBOARD_MAX_UNZIPPED_MB`` | 1,024 | an Excel file's parts once unzipped, MB (a zip bomb) |

CSV checks run before any parser sees the file, in C-speed passes over the bytes (a few hundredths of a
second for 100 MB): the size, the rows (line breaks), the number of fields in the first lines (a 10 MB line
of commas is refused here, not parsed), and every line longer than half the cell limit is measured exactly
(fields outside quotes, longest cell). Excel checks are in ``analysis.data.workbook``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from analysis.core import settings
from analysis.data.problems import UnreadableFile
from analysis.i18n import fmt_int

# Rows a file may hold above its data: a title block and a header of one or two rows (HEADER_SCAN_ROWS + 2).
HEADER_ALLOWANCE = 12
_SEPARATORS = (b",", b";", b"\t", b"|")
_HEAD_LINES = 11  # the loader looks for the header in the first ten lines (plus Excel's "sep=" line)


@dataclass(frozen=True)
class Limits:
    """The bounds a file must stay within. ``max_file_mb`` and ``max_unzipped_mb`` are megabytes."""

    max_file_mb: int = settings.MAX_FILE_MB.default
    max_rows: int = settings.MAX_ROWS.default
    max_columns: int = settings.MAX_COLUMNS.default
    max_cell_chars: int = settings.MAX_CELL_CHARS.default
    max_cells: int = settings.MAX_CELLS.default
    max_unzipped_mb: int = settings.MAX_UNZIPPED_MB.default

    @property
    def max_file_bytes(self) -> int:
        """``max_file_mb`` in bytes (MiB × 1024²)."""
        return self.max_file_mb * 1024 * 1024

    @property
    def max_unzipped_bytes(self) -> int:
        """``max_unzipped_mb`` in bytes (MiB × 1024²): the most an Excel file may unpack to."""
        return self.max_unzipped_mb * 1024 * 1024


_SETTINGS: dict[str, settings.Setting[int]] = {
    "max_file_mb": settings.MAX_FILE_MB,
    "max_rows": settings.MAX_ROWS,
    "max_columns": settings.MAX_COLUMNS,
    "max_cell_chars": settings.MAX_CELL_CHARS,
    "max_cells": settings.MAX_CELLS,
    "max_unzipped_mb": settings.MAX_UNZIPPED_MB,
}
SETTINGS: dict[str, str] = {field: setting.name for field, setting in _SETTINGS.items()}  # field -> variable


def limits_from_env(env: Mapping[str, str] | None = None) -> Limits:
    """The limits, each from its environment variable when set to a whole number ≥ 1 (else the default,
    with a logged warning naming the setting: a typo never removes a limit)."""
    return Limits(**{field: setting.read(env) for field, setting in _SETTINGS.items()})


class LimitExceeded(UnreadableFile):
    """A file over one of the limits. The message names the limit, its setting and what the file holds."""

    def __init__(self, key: str, setting: str, **values: object) -> None:
        self.setting = setting
        super().__init__(key, setting=setting, **values)


def _n(value: int) -> str:
    return fmt_int(value, "id")


def check_size(size: int, limits: Limits) -> None:
    """Refuse a file of ``size`` bytes over ``limits.max_file_bytes``: raises ``LimitExceeded`` naming the
    size (whole MiB, rounded up), the limit and its setting ``DASHBOARD_MAX_FILE_MB``.
    """
    if size > limits.max_file_bytes:
        raise LimitExceeded(
            "limits.file_size",
            SETTINGS["max_file_mb"],
            size=_n(-(-size // (1024 * 1024))),
            limit=_n(limits.max_file_mb),
        )


def check_shape(rows: int, columns: int, limits: Limits, where: str, declared: bool = False) -> None:
    """Refuse ``rows`` x ``columns`` over a limit. ``rows`` counts every row or line of the file or sheet,
    header and title included (``HEADER_ALLOWANCE`` of them are not data); ``where`` names the file or sheet.
    """
    suffix = "declared" if declared else "found"
    if rows > limits.max_rows + HEADER_ALLOWANCE:
        raise LimitExceeded(
            f"limits.rows_{suffix}",
            SETTINGS["max_rows"],
            where=where,
            rows=_n(rows),
            limit=_n(limits.max_rows),
        )
    if columns > limits.max_columns:
        raise LimitExceeded(
            f"limits.columns_{suffix}",
            SETTINGS["max_columns"],
            where=where,
            columns=_n(columns),
            limit=_n(limits.max_columns),
        )
    if rows * columns > limits.max_cells:
        raise LimitExceeded(
            f"limits.cells_{suffix}",
            SETTINGS["max_cells"],
            where=where,
            cells=_n(rows * columns),
            rows=_n(rows),
            columns=_n(columns),
            limit=_n(limits.max_cells),
        )


def line_columns(line: int, columns: int, limits: Limits) -> None:
    """Refuse line ``line`` (a CSV line or sheet row, 1-based) over ``limits.max_columns`` cells: raises
    ``LimitExceeded`` naming the line, its cell count, the limit and ``DASHBOARD_MAX_COLUMNS``.
    """
    if columns > limits.max_columns:
        raise LimitExceeded(
            "limits.line_columns",
            SETTINGS["max_columns"],
            line=_n(line),
            columns=_n(columns),
            limit=_n(limits.max_columns),
        )


def cell_chars(where: str, chars: int, limits: Limits) -> None:
    """Refuse a cell of ``chars`` characters over ``limits.max_cell_chars``: raises ``LimitExceeded`` naming
    ``where`` (the cell), its length, the limit and ``DASHBOARD_MAX_CELL_CHARS``.
    """
    if chars > limits.max_cell_chars:
        raise LimitExceeded(
            "limits.cell_chars",
            SETTINGS["max_cell_chars"],
            where=where,
            chars=_n(chars),
            limit=_n(limits.max_cell_chars),
        )


# --- CSV ----------------------------------------------------------------------------------------------------


def check_text(data: bytes | memoryview, limits: Limits | None = None) -> int | None:
    """Refuse a CSV over a limit before it is parsed. Raises ``LimitExceeded``; when it fits, returns the
    number of ``\\n`` bytes in ``data`` (counted on the way, so the reader need not count them again), or
    None for a file whose lines end with CR alone.

    Cost: two NumPy passes over the bytes a megabyte at a time (line breaks, and whether every window of
    half the cell limit holds one), plus exact work only on lines longer than that window.
    """
    limits = limits or limits_from_env()
    check_size(len(data), limits)
    array = np.frombuffer(data, dtype=np.uint8)
    head = bytes(data[:65536])
    newline = 13 if b"\n" not in head and b"\r" in head else 10  # old Mac files end lines with CR alone
    window = max(1, limits.max_cell_chars // 2)
    chunk = window * max(1, (1 << 20) // window)
    breaks = 0
    long_windows: list[int] = []
    for start in range(0, len(array), chunk):
        is_break = array[start : start + chunk] == newline
        breaks += int(np.count_nonzero(is_break))
        whole = len(is_break) // window
        if whole:
            missing = ~is_break[: whole * window].reshape(whole, window).any(axis=1)
            if missing.any():
                long_windows.extend((start + np.flatnonzero(missing) * window).tolist())
    lines = breaks + (1 if len(array) and array[-1] != newline else 0)
    first = _first_lines(array, newline)
    sep = _separator(first[0] if first else array[:0])
    widths = []
    inside = False  # whether a line starts within a quoted cell that spans lines
    for line in first:
        widths.append(_field_count(line, sep, inside))
        inside ^= bool(np.count_nonzero(line == 34) & 1)
    for number, width in enumerate(widths, start=1):
        line_columns(number, width, limits)
    check_shape(lines, max(widths, default=0), limits, "CSV")
    seen_end = -1
    position, number, inside = 0, 1, False  # counted up to each long line, in file order
    for start in long_windows:
        if start < seen_end:
            continue  # the same long line as the window before
        begin = _line_start(array, start, newline)
        end = _line_end(array, start, newline)
        seen_end = end
        number += int(np.count_nonzero(array[position:begin] == newline))
        inside ^= bool(np.count_nonzero(array[position:begin] == 34) & 1)
        position = begin
        line = array[begin:end]
        line_columns(number, _field_count(line, sep, inside), limits)
        if len(line) > limits.max_cell_chars:
            chars = _longest_chars(line, sep, limits.max_cell_chars, inside)
            if chars > limits.max_cell_chars:
                cell_chars(f"baris {_n(number)}", chars, limits)
    return breaks if newline == 10 else None


def _first_lines(array: np.ndarray, newline: int) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    begin = 0
    while len(out) < _HEAD_LINES and begin < len(array):
        end = _line_end(array, begin, newline)
        out.append(array[begin:end])
        begin = end + 1
    return out


def _line_start(array: np.ndarray, position: int, newline: int) -> int:
    step = 1 << 16
    while position > 0:
        low = max(0, position - step)
        found = np.flatnonzero(array[low:position] == newline)
        if len(found):
            return low + int(found[-1]) + 1
        position = low
    return 0


def _line_end(array: np.ndarray, position: int, newline: int) -> int:
    step = 1 << 16
    while position < len(array):
        found = np.flatnonzero(array[position : position + step] == newline)
        if len(found):
            return position + int(found[0])
        position += step
    return len(array)


def _separator(line: np.ndarray) -> bytes:
    """The loader's own choice: the most frequent of comma, semicolon, tab and pipe in the first line."""
    counts = {sep: int(np.count_nonzero(line == sep[0])) for sep in _SEPARATORS}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else b","


def _separators(line: np.ndarray, sep: bytes, inside: bool = False) -> np.ndarray:
    """Where the line's separators are, outside double quotes (a doubled quote in a cell toggles twice);
    ``inside=True`` when the line starts within a quoted cell that spans lines."""
    is_sep = line == sep[0]
    quotes = line == 34
    if quotes.any():
        is_sep &= (np.cumsum(quotes, dtype=np.uint8) & 1) == (1 if inside else 0)
    elif inside:
        is_sep[:] = False  # the whole line lies within the quoted cell
    return is_sep


def _field_count(line: np.ndarray, sep: bytes, inside: bool = False) -> int:
    """Fields on a line (``inside``: the line starts within a quoted cell that spans lines)."""
    if len(line) and line[-1] == 13:
        line = line[:-1]
    if not len(line):
        return 0
    return int(np.count_nonzero(_separators(line, sep, inside))) + 1


def _longest_chars(line: np.ndarray, sep: bytes, floor: int, inside: bool = False) -> int:
    """Characters in the line's longest field; only fields of more than ``floor`` bytes are decoded (a
    character is at least one byte)."""
    cuts = np.flatnonzero(_separators(line, sep, inside))
    bounds = np.concatenate(([-1], cuts, [len(line)]))
    longest = 0
    for index in np.flatnonzero(np.diff(bounds) - 1 > floor).tolist():
        cell = line[bounds[index] + 1 : bounds[index + 1]].tobytes()
        longest = max(longest, len(cell.decode("utf-8", errors="replace")))
    return longest
