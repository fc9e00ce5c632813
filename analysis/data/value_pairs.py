"""Values a vocabulary does not know, paired by the analyst with a standard value, and remembered.

The loader rejects a row whose channel, status, category, unit, activity, rank or kelurahan it cannot
read (``Surat`` as a channel, ``Ditunda`` as a status). On the Data page the analyst may pair each such
value with the standard value meant; the pairs are kept in ``data/.value_pairs.json`` (written
atomically, like the column pairings in ``.mappings.json``) and every later file is read with them: the
value is then taken, with a warning naming the pairing (``loading.load_table(value_pairs=...)``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from analysis.data import schema
from analysis.data.files import atomic_write_bytes
from analysis.data.problems import Problem
from analysis.data.reference import Reference
from analysis.data.schema import Kind
from analysis.i18n import t

PAIRS_NAME = ".value_pairs.json"
# contract column -> the reason key of "unknown value" for it (the loader's words)
UNKNOWN_KEYS: dict[str, str] = {
    "channel": "loading.reason.unknown_channel",
    "status": "loading.reason.unknown_status",
    "category": "loading.reason.unknown_category",
    "unit": "loading.reason.unknown_unit",
    "activity": "loading.reason.unknown_activity",
    "leader_rank": "loading.reason.unknown_rank",
    "rank": "loading.reason.unknown_rank",
    "kelurahan": "loading.reason.kelurahan_unknown",
    "assigned_kelurahan": "loading.reason.kelurahan_unknown",
}


def choices(column: str, reference: Reference) -> list[str]:
    """The standard values ``column`` may be paired with."""
    return {
        "channel": list(schema.CHANNELS),
        "status": list(schema.STATUSES),
        "category": reference.category_names,
        "unit": list(schema.UNITS),
        "activity": list(schema.ACTIVITIES),
        "leader_rank": list(schema.RANKS),
        "rank": list(schema.RANKS),
        "kelurahan": reference.kelurahan_names,
        "assigned_kelurahan": reference.kelurahan_names,
    }[column]


def unknown_values(problems: Sequence[Problem]) -> dict[str, Counter[str]]:
    """Contract column -> {value as written: rows rejected for it}, from a report's problems.

    >>> from analysis.data.problems import Problem
    >>> unknown_values([Problem(3, "saluran", "Surat", "saluran tidak dikenal", "error", "channel")])
    {'channel': Counter({'Surat': 1})}
    """
    reasons = {column: t(key, "id") for column, key in UNKNOWN_KEYS.items()}
    found: dict[str, Counter[str]] = {}
    for problem in problems:
        column = getattr(problem, "contract_column", None)
        if problem.severity == "error" and column in reasons and problem.reason == reasons[column]:
            found.setdefault(column, Counter())[str(problem.value)] += 1
    return found


def load_pairs(data_dir: Path) -> dict[str, dict[str, str]]:
    """Every remembered pairing: contract column -> {value as written: standard value}."""
    try:
        stored = json.loads((data_dir / PAIRS_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {
        str(column): {str(k): str(v) for k, v in pairs.items()}
        for column, pairs in stored.items()
        if column in UNKNOWN_KEYS and isinstance(pairs, dict)
    }


def remember_pairs(data_dir: Path, pairs: Mapping[str, Mapping[str, str]]) -> None:
    """Add ``pairs`` to the remembered ones (a later pairing of the same value replaces the earlier)."""
    stored = load_pairs(data_dir)
    for column, new in pairs.items():
        if column in UNKNOWN_KEYS and new:
            stored.setdefault(column, {}).update({str(k): str(v) for k, v in new.items()})
    text = json.dumps(stored, ensure_ascii=False, indent=2, sort_keys=True)
    atomic_write_bytes(data_dir / PAIRS_NAME, text.encode("utf-8"))


def pairs_for(data_dir: Path, kind: Kind) -> dict[str, dict[str, str]]:
    """The remembered pairings that apply to a file of ``kind``."""
    own = set(schema.columns(kind))
    return {column: pairs for column, pairs in load_pairs(data_dir).items() if column in own}
