"""What a load found wrong: one ``Problem`` per rejected row or changed value, the ``ValidationReport`` of a
file, and ``UnreadableFile`` for a file that cannot be read at all.

Below the readers (``loading``, ``workbook``, ``limits``): each of them raises or reports these, so they
live in a module that imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from analysis.data.schema import Kind
from analysis.i18n import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One rejected row or changed value. ``row`` is the line in the file (None: about the whole file)."""

    row: int | None
    column: str | None  # the file's header for this column, or the contract name when the file lacks it
    value: str
    reason: str  # Bahasa Indonesia
    severity: Severity
    contract_column: str | None = None
    reason_en: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dict (row, column, value, Bahasa reason, severity, contract_column)."""
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "reason": self.reason,
            "severity": self.severity,
            "contract_column": self.contract_column,
        }


@dataclass
class ValidationReport:
    """What loading one file found: rows read, kept and rejected, every problem (rejected rows and changed
    values), how headers mapped to contract columns, the columns ignored and, for Excel, the sheet read and
    the sheets not read with why.
    """

    kind: Kind
    source: str
    rows_total: int = 0
    rows_valid: int = 0
    rows_rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    column_mapping: dict[str, str] = field(default_factory=dict)  # file header -> contract column
    ignored_columns: list[str] = field(default_factory=list)
    sheet: str | None = None  # Excel: the sheet read (analysis.data.workbook)
    other_sheets: list[dict[str, str]] = field(default_factory=list)  # Excel: {name, reason} not read

    @property
    def errors(self) -> list[Problem]:
        """The problems that rejected a row (``severity == "error"``), in report order."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems about values kept but changed or doubtful (``severity == "warning"``), in order."""
        return [p for p in self.problems if p.severity == "warning"]

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (what ``python -m analysis validate --json`` prints)."""
        return {
            "kind": self.kind,
            "source": self.source,
            "rows_total": self.rows_total,
            "rows_valid": self.rows_valid,
            "rows_rejected": self.rows_rejected,
            "column_mapping": dict(self.column_mapping),
            "ignored_columns": list(self.ignored_columns),
            "sheet": self.sheet,
            "other_sheets": [dict(s) for s in self.other_sheets],
            "problems": [p.to_dict() for p in self.problems],
        }


class UnreadableFile(Exception):
    """The file cannot be read as the requested kind at all; the message (Bahasa) names the reason."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, "id", **values))

    @property
    def message_en(self) -> str:
        """The reason in English (the exception's own message is in Bahasa Indonesia)."""
        return t(self.key, "en", **self.values)
