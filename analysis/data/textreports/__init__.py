"""Patrol and complaint reports written as text (WhatsApp reports, exported group chats, news releases)
read into candidate rows of the data contract.

``read_text(text, reference, officers) -> Reading``: the patrols and complaints found, each a
``Candidate`` whose fields carry a value, a certainty (certain / inferred / missing) and the snippet of
text it came from; and how many chat messages were chatter. ``rows_frame(candidates, kind)`` and
``certainty_frame(candidates, kind)`` give the same rows as two aligned tables (contract columns).
Rules-based and offline: the gazetteer is the reference data and ``officers.csv``; the phrasings are in
``analysis.data.textreports.patterns``. Importing goes through ``analysis.data.textreports.importer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.data import schema
from analysis.data.reference import Reference
from analysis.data.textreports.chat import split_reports
from analysis.data.textreports.extract import Candidate, Field, Gazetteer, read_piece

__all__ = ["Candidate", "Field", "Gazetteer", "Reading", "certainty_frame", "read_text", "rows_frame"]


@dataclass
class Reading:
    """What one text gave: candidate rows of each kind and the chat messages that were not reports."""

    patrols: list[Candidate] = field(default_factory=list)
    complaints: list[Candidate] = field(default_factory=list)
    messages: int = 0  # report-sized pieces looked at (chat messages that were not chatter, or reports)
    chatter: int = 0

    def candidates(self, kind: schema.Kind) -> list[Candidate]:
        """The candidate rows of ``kind``: ``patrols``, else ``complaints`` (a text gives no officers)."""
        return self.patrols if kind == "patrols" else self.complaints

    @property
    def empty(self) -> bool:
        """True when the text gave no patrol and no complaint."""
        return not self.patrols and not self.complaints


def read_text(
    text: str, reference: Reference, officers: pd.DataFrame | None = None, gazetteer: Gazetteer | None = None
) -> Reading:
    """Every patrol and complaint in ``text``: one report, several pasted together, a WhatsApp chat export
    (Indonesian or English layout), a daily report laid out as a table, or a news release.

    ``officers`` (the clean officers frame) turns a leader's name into an NRP and a unit. Never raises on
    odd text: what cannot be read is ``missing``, and text with no report gives an empty ``Reading``.
    """
    gaz = gazetteer or Gazetteer(reference, officers)
    pieces, chatter = split_reports(text)
    reading = Reading(messages=len(pieces), chatter=chatter)
    seen: set[str] = set()
    for piece in pieces:
        patrols, complaints = read_piece(piece, gaz)
        for candidate in patrols + complaints:
            key = str(candidate.value(schema.ID_COLUMN[candidate.kind]))
            if key in seen:  # the same report pasted twice
                continue
            seen.add(key)
            reading.candidates(candidate.kind).append(candidate)
    return reading


def rows_frame(candidates: list[Candidate], kind: schema.Kind) -> pd.DataFrame:
    """The candidates' values in the contract's columns (text, as a data file holds them; '' = missing)."""
    rows = []
    for candidate in candidates:
        row = {}
        for column in schema.columns(kind):
            value = candidate.value(column)
            if value is None:
                row[column] = ""
            elif isinstance(value, float) and value.is_integer():
                row[column] = str(int(value))
            elif hasattr(value, "isoformat"):
                row[column] = value.isoformat()
            else:
                row[column] = str(value)
        rows.append(row)
    return pd.DataFrame(rows, columns=schema.columns(kind), dtype=object)


def certainty_frame(candidates: list[Candidate], kind: schema.Kind) -> pd.DataFrame:
    """Aligned with ``rows_frame``: each cell ``certain``, ``inferred`` or ``missing``."""
    return pd.DataFrame(
        [{c: candidate.certainty(c) for c in schema.columns(kind)} for candidate in candidates],
        columns=schema.columns(kind),
        dtype=object,
    )
