"""The README's data dictionary, generated from the contract (``analysis.data.contract`` for the columns
and which hold personal data, ``analysis.data.schema`` for labels, required fields and the words the
loader knows).

``python -m analysis.data.contract_doc README.md`` rewrites the part of the README between
``<!-- data-dictionary:start -->`` and ``<!-- data-dictionary:end -->``; a test checks that the README
says what the contract says. The English notes and the reason each required field is required are kept
here, next to the text they make.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from analysis.data import contract, schema
from analysis.data.localtime import DEFAULT_ZONE, ENV_VAR
from analysis.data.schema import Kind

START, END = "<!-- data-dictionary:start -->", "<!-- data-dictionary:end -->"

TITLES: dict[Kind, str] = {
    "patrols": "`patrols.csv` (kegiatan patroli)",
    "complaints": "`complaints.csv` (laporan / aduan warga)",
    "officers": "`officers.csv` (personel)",
}

NOTES: dict[Kind, dict[str, str]] = {
    "patrols": {
        "patrol_id": "unique; derived from the row when empty",
        "date": "`2025-05-26`, `26/05/2025`, `26 Mei 2025`, `5/26/2025` (order decided per column), Excel "
        "serial `45803`",
        "start_time": "`09:30`, `09.30`, `pukul 21.15 WIB`; a range `19.00 s/d 21.00` fills the end too",
        "end_time": "may cross midnight (`21:00`–`02:00`)",
        "kelurahan": "one of the 21 kelurahan; `Kel.` prefixes and small misspellings are corrected and "
        "reported",
        "activity": ", ".join(schema.ACTIVITIES),
        "unit": ", ".join(schema.UNITS) + " (`Sabhara`, `Sat Reskrim` … read as their standard name)",
        "leader_nrp": "empty: looked up by the leader's name in `officers.csv` (reported)",
        "leader_name": "",
        "leader_rank": "Bripda … Kompol (`AIPTU` → Aiptu, `Brigadir Polisi Kepala` → Bripka)",
        "personnel_count": "whole number ≥ 1, leader included",
        "topics": "categories discussed, separated by `;` or `,`",
        "residents_met": "whole number; `1.000` = 1000 (a dot groups thousands)",
        "location": "",
        "lat": "decimal degrees",
        "lon": "decimal degrees",
        "notes": "",
    },
    "complaints": {
        "complaint_id": "unique; derived when empty",
        "received_at": "date and time the report was received (not the event time); a separate `jam` "
        "column is joined",
        "channel": ", ".join(schema.CHANNELS),
        "kelurahan": "",
        "category": "a category of `data/reference/categories.csv` (or an alias); empty → "
        f"`{schema.UNCATEGORISED}` (reported)",
        "description": "free text; always shown as text",
        "status": ", ".join(schema.STATUSES) + " (Tidak Valid is kept out of trend counts by default); empty "
        "→ `Baru` (reported)",
        "resolved_at": "before `received_at` or in the future: left empty (reported), the complaint stays",
        "handled_by_nrp": "",
        "patrol_id": "when raised during a patrol",
        "lat": "",
        "lon": "",
        "reporter_name": "masked for roles that may not see it, never on the briefing",
        "reporter_phone": "",
    },
    "officers": {
        "nrp": "unique",
        "name": "",
        "rank": "",
        "unit": "",
        "assigned_kelurahan": "a Bhabinkamtibmas's kelurahan",
        "active": "ya/tidak; empty = ya",
    },
}

# Why a row cannot be trusted without each required field (rule: keep required only what a record cannot
# do without; everything else is kept empty or set to an explicit value, with a warning).
WHY_REQUIRED: dict[Kind, dict[str, str]] = {
    "patrols": {
        "date": "no period, trend or freshness can count a patrol without its day",
        "kelurahan": "every measure is per kelurahan; a patrol nowhere cannot be mapped or compared",
        "activity": "the kind of patrol is what the officer and trend pages count",
        "unit": "the officer pages compare units; there is no neutral unit to put instead",
        "leader_name": "who led it: without a name (and NRP) the patrol belongs to no one",
        "personnel_count": "personnel-hours are the presence measure; a guess would invent presence",
    },
    "complaints": {
        "received_at": "no period, trend or response time can count a complaint without its day",
        "channel": "channel quality is measured per channel; there is no neutral channel",
        "kelurahan": "every measure is per kelurahan; a complaint nowhere cannot be mapped",
    },
    "officers": {
        "nrp": "the key patrols and complaints refer to",
        "name": "what every page shows for an officer",
        "rank": "the officer pages sort and group by rank",
        "unit": "the officer pages compare units",
    },
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


PERSONAL = "**personal data**"


def _notes(kind: Kind, column: contract.Field) -> str:
    """The notes cell: the English note, marked as personal data where the contract says so."""
    note = NOTES[kind].get(column.name, "")
    if column.personal:
        return f"{PERSONAL}: {note}" if note else PERSONAL
    return note


def dictionary(kind: Kind) -> str:
    """One kind's table: column, Bahasa label, required (and why), notes; one row per file column of the
    contract (``contract.fields`` less the derived ones), in file order."""
    lines = [
        f"### {TITLES[kind]}",
        "",
        "| column | label (Bahasa) | required | notes |",
        "|---|---|---|---|",
    ]
    labels = {column.name: column for column in schema.COLUMNS[kind]}
    for column in contract.fields(kind):
        if column.derived:
            continue
        label = labels[column.name]
        why = WHY_REQUIRED[kind].get(column.name, "")
        required = f"✓ {why}" if label.required else "–"
        notes = _cell(_notes(kind, column))
        lines.append(f"| `{column.name}` | {_cell(label.label_id)} | {_cell(required)} | {notes} |")
    return "\n".join(lines)


def _examples(aliases: dict[str, str], n: int = 6) -> str:
    """The first alias of each standard value, then more, up to ``n``: ``"`proses` → Diproses, …"``."""
    first: dict[str, str] = {}
    for alias, canonical in aliases.items():
        first.setdefault(canonical, alias)
    chosen = list(dict.fromkeys([*first.values(), *aliases]))[:n]
    return ", ".join(f"`{a}` → {aliases[a]}" for a in chosen)


def conventions() -> str:
    """The conventions the loader reads, as a list for the README."""
    return "\n".join(
        [
            "### Conventions the loader reads",
            "",
            "Each is reported: a warning on the row (or once for the column) says what was read, so nothing "
            "ambiguous is settled silently. The same words appear in `python -m analysis validate`, "
            "`python -m analysis import` and the Data page.",
            "",
            "- **Date order, per column.** A value such as `5/26/2025` proves a column month-first (Google "
            "Forms in English); `26/05/2025` proves day-first. Undecidable (`05/06/2025` only): day-first, "
            "the Indonesian way, with a warning. A column mixing both orders reads each date the way "
            "possible for it, warns about dates that read both ways and rejects only those fitting neither. "
            "Separators `/`, `-`, `.`; two- or four-digit years; month names in Bahasa or English.",
            "- **Excel serial day numbers** in a date column (`45803` → 26 May 2025, `45805.375` → 28 May "
            "2025 09:00), in CSV and in `.xlsx`, with a warning that the column held serial numbers.",
            "- **Time zones.** `2025-05-26T14:15:00Z`, `+07:00`, `+0700`, `+07` and the words WIB/WITA/WIT "
            f"are converted to local time: `{ENV_VAR}` (default {DEFAULT_ZONE}; see Configuration).",
            "- **Implausible dates.** A date after today plus one day's margin (in the local zone) cannot be "
            "a record already made: the row is rejected (an optional date such as `resolved_at` is left "
            "empty). A date far from the rest of its column (a detached tail of at most 1 % of the "
            "rows, more than 60 days away) is kept with a warning, and the default period and the "
            "freshness line come from the data's plausible range (`analysis/data/plausibility.py`), so one "
            "bad row moves neither.",
            "- **Counts.** A dot groups thousands (`1.000` → 1000, `1.250` → 1250); `1,5` or `1.5` is not a "
            "count (an error for personnel; residents met left empty); `1.000` or `1,000` alone could "
            "mean 1, so it is read as 1000 with a warning unless the column shows its dots group thousands.",
            "- **Register words.** Statuses: " + _examples(schema.STATUS_ALIASES, 8) + " …; channels: "
            f"{_examples(schema.CHANNEL_ALIASES)} …; units, activities and ranks likewise "
            "(`analysis/data/schema.py`); category aliases in `data/reference/categories.csv`. A value still "
            "unknown can be paired with a standard value on the Data page; the pairing is remembered "
            "(`data/.value_pairs.json`).",
            "- **Two values in one cell.** A time range in the start cell (`19.00 s/d 21.00 WIB`, "
            "`08.00-11.59`, `22:00–02:00`, `sampai`, `hingga`) gives start and end (crossing midnight: "
            "`22:00–02:00` = 4 h). A `Pangkat/NRP` or `Nama/Pangkat/NRP` column is split into rank, NRP "
            "and name.",
            "- **One value in two columns.** A complaint's date in one column and its time in another "
            "(`jam`, `pukul`) are joined.",
            "- **Headers.** Google Forms' `Timestamp` / `Stempel waktu` is `received_at`.",
            "- **Empty fields a record can do without.** An empty category is "
            f"`{schema.UNCATEGORISED}` (counted on the overview, trends and map), an empty status `Baru`, "
            "a resolution before receipt is dropped (the complaint stays), an empty leader NRP is looked up "
            "by name in `officers.csv`; each with a warning.",
        ]
    )


def data_dictionary() -> str:
    """The whole generated section (without the markers)."""
    parts = [dictionary(kind) for kind in schema.KINDS] + [conventions()]
    return "\n\n".join(parts)


def update_readme(text: str) -> str:
    """``text`` with the section between the markers replaced by ``data_dictionary()``."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise ValueError("the README has no data-dictionary markers")
    return pattern.sub(lambda _: f"{START}\n{data_dictionary()}\n{END}", text)


def main(argv: list[str] | None = None) -> int:
    """Rewrite the data dictionary section of the README at ``argv[0]`` (default ``README.md``) in place; 0.

    Raises ``OSError`` when the file cannot be read or written, ``ValueError`` when it has no
    data-dictionary markers.
    """
    path = Path((argv if argv is not None else sys.argv[1:] or ["README.md"])[0])
    path.write_text(update_readme(path.read_text("utf-8")), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
