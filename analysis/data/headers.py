"""A file's column headers matched to the data contract: normalising a header, the alias table of each kind
(``analysis.data.schema``), recognising a header row and which kind a file is.

Shared by the CSV reader (``loading``), the Excel reader (``workbook``) and the text-report table splitter
(``textreports.chat``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from analysis.data import schema
from analysis.data.schema import KINDS, Kind

HEADER_SCAN_ROWS = 10  # a title block above the header row is common in Excel exports


def normalise_header(header: object) -> str:
    """``" Jml. Personel "`` -> ``"jml personel"``; ``"Satuan / Fungsi"`` -> ``"satuan/fungsi"``."""
    text = unicodedata.normalize("NFKC", str(header)).replace("\ufeff", "").lower()
    text = re.sub(r"\(.*?\)", " ", text)  # "Tanggal (dd/mm/yyyy)"
    text = re.sub(r"[\s._*:]+", " ", text).strip()
    return re.sub(r"\s*/\s*", "/", text)


def _header_table(kind: Kind) -> dict[str, tuple[str, int]]:
    """Normalised header -> (contract column, priority); a lower priority wins a conflict."""
    table: dict[str, tuple[str, int]] = {}

    def add(alias: str, column: str, priority: int) -> None:
        key = normalise_header(alias)
        if key and (key not in table or table[key][1] > priority):
            table[key] = (column, priority)

    for col in schema.COLUMNS[kind]:
        add(col.name, col.name, 0)
        add(col.label_id, col.name, 1)
        add(col.label_en, col.name, 1)
    for column, aliases in schema.HEADER_ALIASES[kind].items():
        for i, alias in enumerate(aliases):
            add(alias, column, 2 + i)
    return table


HEADER_TABLES: dict[Kind, dict[str, tuple[str, int]]] = {kind: _header_table(kind) for kind in KINDS}


def map_headers(
    columns: Iterable[object], kind: Kind, mapping: Mapping[str, str | None] | None = None
) -> tuple[dict[str, str], list[str]]:
    """Match a file's headers to the contract: ``({file header: contract column}, [unmatched headers])``.

    ``mapping`` (file header -> contract column, or None to ignore) overrides the automatic match. When two
    headers match one column, the closer alias wins (``Nama Ketua`` beats ``Nama``); the other is unmatched.
    """
    headers = [str(c) for c in columns]
    contract = set(schema.columns(kind))
    taken: dict[str, tuple[int, str]] = {}
    forced: set[str] = set()
    for header, column in (mapping or {}).items():
        if header not in headers:
            continue
        forced.add(header)
        if column:
            if column not in contract:
                raise ValueError(f"{column!r} is not a column of {kind}")
            taken[column] = (-1, header)
    table = HEADER_TABLES[kind]
    for header in headers:
        if header in forced:
            continue
        match = table.get(normalise_header(header))
        if match is None:
            continue
        column, priority = match
        if column not in taken or priority < taken[column][0]:
            taken[column] = (priority, header)
    chosen = {header: column for column, (_, header) in taken.items()}
    result = {h: chosen[h] for h in headers if h in chosen}
    return result, [h for h in headers if h not in result]


def match_score(
    columns: Sequence[object], kind: Kind, mapping: Mapping[str, str | None] | None = None
) -> tuple[bool, int, int]:
    """How well ``columns`` (a file's headers) fit ``kind``: (every required column matched, number of
    required columns, number of contract columns matched)."""
    matched = set(map_headers(columns, kind, mapping)[0].values())
    required = schema.required_columns(kind)
    return all(c in matched for c in required), len(required), len(matched)


def detect_kind(columns: Iterable[object]) -> Kind | None:
    """The kind whose required columns the headers all cover; the most specific one when several do."""
    headers = list(columns)
    best: tuple[int, int] | None = None
    found: Kind | None = None
    for kind in KINDS:
        complete, n_required, n_matched = match_score(headers, kind)
        if complete and (best is None or (n_required, n_matched) > best):
            best, found = (n_required, n_matched), kind
    return found


def recognisable(cells: Sequence[str], kind: Kind | None, mapping: Mapping[str, str | None] | None) -> bool:
    """Whether a row of ``cells`` reads as the header row: of ``kind`` (with the analyst's ``mapping``) or,
    when ``kind`` is None, of any kind (``detect_kind``)."""
    if kind is None:
        return detect_kind(cells) is not None
    return match_score(cells, kind, mapping)[0]


def dedupe_headers(headers: Sequence[str]) -> list[str]:
    """``headers`` stripped, an empty one named ``kolom_<n>`` (1-based position) and a repeated one given
    ``.1``, ``.2``, ... as pandas does, so every column has one name."""
    seen: dict[str, int] = {}
    out = []
    for i, header in enumerate(headers):
        name = header.strip() or f"kolom_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out
