"""Split text into reports: a WhatsApp group export into its messages, a table into rows, pasted reports
at their openers ("Ijin melaporkan ..."), and tell chatter ("Siap ndan", media placeholders) apart.

Shapes: ``split_reports(text) -> (list[Piece], chatter_count)``. A ``Piece`` is one candidate report: its
text, the message's time and sender when it came from a chat export, and where it started (line number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from analysis.data.headers import map_headers
from analysis.data.textreports import patterns as P

_TABLE_SEPARATORS = ("|", "\t", ";")
MAX_PIECE = 6_000  # characters; a release is about 1,500, a labelled WhatsApp report under 1,000


@dataclass(frozen=True)
class Piece:
    """One candidate report: its text, and for a chat message its time and sender (else None)."""

    text: str
    line: int  # first line of the piece in the pasted text, from 1
    sent_at: datetime | None = None
    sender: str | None = None
    ambiguous_date: bool = False  # the export's day/month order could not be told from its dates


def _chat_headers(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    return [(n, m) for n, line in enumerate(lines) if (m := P.CHAT_LINE.match(line))]


def _day_first(headers: list[re.Match[str]]) -> tuple[bool, bool]:
    """(day comes first, the order is a guess). A first number above 12 settles it; else a 12-hour
    clock (English US export) says month first; else the Indonesian order, day first, as a guess."""
    if any(int(m["a"]) > 12 for m in headers):
        return True, False
    if any(int(m["b"]) > 12 for m in headers):
        return False, False
    if any(m["ampm"] for m in headers):
        return False, True
    return True, True


def _sent_at(match: re.Match[str], day_first: bool) -> datetime | None:
    day, month = (int(match["a"]), int(match["b"])) if day_first else (int(match["b"]), int(match["a"]))
    year = int(match["y"])
    year += 2000 if year < 100 else 0
    hour = int(match["H"])
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, int(match["M"]))
    except ValueError:
        return None


def is_chatter(text: str) -> bool:
    """A greeting, an acknowledgement, a media placeholder or a deleted message: not a report.

    >>> is_chatter("Siap ndan"), is_chatter("<Media tidak disertakan>"), is_chatter("Patroli di Kel. Turi")
    (True, True, False)
    """
    stripped = text.strip()
    if not stripped or P.CHATTER.match(stripped):
        return True
    return (
        bool(P.MEDIA_PLACEHOLDER.search(stripped)) and len(P.MEDIA_PLACEHOLDER.sub("", stripped).strip()) < 3
    )


def _split_chat(lines: list[str], headers: list[tuple[int, re.Match[str]]]) -> tuple[list[Piece], int]:
    day_first, guessed = _day_first([m for _, m in headers])
    pieces: list[Piece] = []
    chatter = 0
    starts = [n for n, _ in headers] + [len(lines)]
    for (number, match), end in zip(headers, starts[1:], strict=True):
        sender_match = P.CHAT_SENDER.match(match["rest"] or "")
        if sender_match is None:  # "Pesan dan panggilan terenkripsi ...", "X menambahkan Y"
            chatter += 1
            continue
        body = "\n".join([sender_match["text"], *lines[number + 1 : end]]).strip()
        if is_chatter(body):
            chatter += 1
            continue
        pieces.append(
            Piece(
                body,
                number + 1,
                _sent_at(match, day_first),
                sender_match["sender"].strip().lstrip("~\u202f\u00a0 "),
                guessed,
            )
        )
    return pieces, chatter


def _cells(line: str, separator: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip(separator).split(separator)]


def _split_table(lines: list[str]) -> list[Piece] | None:
    """A daily report laid out as a table (``|``, tab or ``;`` between cells, a header row the contract
    recognises): each row becomes a ``label: value`` report the extractor reads like any other."""
    for separator in _TABLE_SEPARATORS:
        for number, line in enumerate(lines):
            if line.count(separator) < 2:
                continue
            headers = _cells(line, separator)
            mapping = map_headers(headers, "patrols")[0]
            if len(set(mapping.values())) < 3 or "date" not in mapping.values():
                continue
            pieces = []
            for row_number in range(number + 1, len(lines)):
                row = lines[row_number]
                if row.count(separator) < 2 or set(row.strip()) <= set("-|+=: \t"):
                    continue
                cells = _cells(row, separator)
                pieces.append(Piece(_row_text(headers, cells, mapping), row_number + 1))
            return pieces
    return None


_ROW_LABELS = {
    "date": "Tanggal: {}",
    "start_time": "Pukul {}",
    "end_time": "s.d. {}",
    "kelurahan": "Kel. {}",
    "activity": "Kegiatan: {}",
    "unit": "Dipimpin {}",
    "leader_rank": "Dipimpin {}",
    "leader_name": "{}",
    "leader_nrp": "NRP {}",
    "personnel_count": "Jumlah personel: {}",
    "topics": "Materi: {}",
    "residents_met": "Warga ditemui: {}",
    "location": "Lokasi: {}",
    "notes": "Keterangan: {}",
}


def _row_text(headers: list[str], cells: list[str], mapping: dict[str, str]) -> str:
    by_column = {mapping[h]: c for h, c in zip(headers, cells, strict=False) if h in mapping and c}
    parts = []
    leader = " ".join(by_column.get(c, "") for c in ("unit", "leader_rank", "leader_name")).strip()
    for column, template in _ROW_LABELS.items():
        if column in ("unit", "leader_rank", "leader_name"):
            if column == "unit" and leader:
                parts.append(f"Dipimpin {leader}")
            continue
        if column in by_column:
            parts.append(template.format(by_column[column]))
    if "start_time" in by_column and "end_time" in by_column:
        parts = [p for p in parts if not p.startswith(("Pukul", "s.d."))]
        parts.append(f"Pukul {by_column['start_time']} s.d. {by_column['end_time']}")
    return "\n".join(parts)


def split_reports(text: str) -> tuple[list[Piece], int]:
    """The candidate reports in ``text`` and how many chat messages were chatter.

    A chat export is recognised by its message headers; a table by a header row the contract knows;
    otherwise the text is cut where a report opener ("Ijin melaporkan", "Laporan kegiatan") starts a line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    headers = _chat_headers(lines)
    if headers and len(headers) >= max(1, sum(1 for line in lines if line.strip()) // 10):
        return _split_chat(lines, headers)
    table = _split_table(lines)
    if table is not None:
        return table, 0
    starts = sorted({0, *(m.start() for m in P.REPORT_OPENERS.finditer(text))})
    pieces = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        for offset, chunk in _bounded(text[start:end]):
            if chunk.strip() and not is_chatter(chunk):
                pieces.append(Piece(chunk.strip(), text.count("\n", 0, start + offset) + 1))
    return pieces, 0


def _bounded(chunk: str) -> list[tuple[int, str]]:
    """``chunk`` cut at blank lines (else line ends, else anywhere) into parts of at most ``MAX_PIECE``
    characters with their offsets: no report is that long, and every rule then runs on a bounded text."""
    if len(chunk) <= MAX_PIECE:
        return [(0, chunk)]
    parts: list[tuple[int, str]] = []
    start = 0
    while start < len(chunk):
        end = min(start + MAX_PIECE, len(chunk))
        if end < len(chunk):
            cut = max(chunk.rfind("\n\n", start, end), chunk.rfind("\n", start, end) if end - start else -1)
            end = cut + 1 if cut > start else end
        parts.append((start, chunk[start:end]))
        start = end
    return parts
