"""Bringing a spreadsheet into the data folder without ever losing data.

The steps, each a plain function the page and the command line share:

1. ``check_upload`` refuses a file that is too large, empty or binary before anything parses it.
2. The loader (``analysis.data.loading``) reads and validates it; ``find_mapping`` / ``remember_mapping`` keep
   the analyst's column pairing for the next file with the same headers (``data/.mappings.json``).
3. ``plan_merge`` compares the valid rows with the data folder by id: new rows, identical rows (skipped)
   and conflicts (changed rows, listed column by column; applied only when the analyst confirms).
4. ``import_rows`` re-reads the folder under a lock, applies the plan, keeps a timestamped backup of the
   file it replaces (``data/.backups/``), writes atomically (temporary file, flush, fsync, rename) and
   appends one line to the import log (``data/import_log.jsonl``).

Also here: blank templates with Indonesian headers, the export of the current data, and the data
freshness line every page shows.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import sys
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.data import backups, localtime
from analysis.data.dataset import FILE_NAMES, data_dir_from_env
from analysis.data.files import atomic_write_bytes, exclusive
from analysis.data.reference import Reference, load_reference
from analysis.data.schema import COLUMNS, ID_COLUMN, KINDS, Kind, columns
from analysis.i18n import Lang, fmt_date, fmt_int, fmt_num, t

if TYPE_CHECKING:  # loading is heavy; intake only reads its problems
    from analysis.data.loading import Problem

CONFIG_PATH = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
LOG_NAME = "import_log.jsonl"
MAPPINGS_NAME = ".mappings.json"
BACKUP_DIR = backups.BACKUP_DIR
LOCK_NAME = ".import.lock"
NUMERIC_COLUMNS = ("lat", "lon", "personnel_count", "residents_met")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_PROTECTED = r"^'([=+\-@\t\r])"  # analysis.data.export's apostrophe before a formula character
_BINARY_SIGNATURES = (_OLE_SIGNATURE, _ZIP_SIGNATURE, b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


# --- limits ------------------------------------------------------------------------------------------------


class UploadRefused(Exception):
    """A file refused before parsing; ``message(lang)`` says why in the user's language."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(t(key, "id", **values))
        self.key = key
        self.values = values

    def message(self, lang: Lang = "id") -> str:
        """Why the file was refused, in ``lang`` (from ``analysis.i18n``)."""
        return t(self.key, lang, **self.values)


def upload_limit_bytes(config_path: Path = CONFIG_PATH) -> int:
    """``server.maxUploadSize`` (MB) from the Streamlit config, in bytes; 20 MB if the file says nothing.

    The browser refuses larger files itself, but scripts and tests do not go through the browser.
    """
    megabytes = 20
    with contextlib.suppress(OSError, tomllib.TOMLDecodeError):
        megabytes = int(
            tomllib.loads(config_path.read_text("utf-8")).get("server", {}).get("maxUploadSize", 20)
        )
    return megabytes * 1024 * 1024


def looks_binary(data: bytes) -> bool:
    """True for bytes no CSV could be: NUL bytes, a known binary signature, or mostly control characters.

    >>> looks_binary(b"tanggal;kelurahan\\n26/05/2025;Gedog\\n")
    False
    >>> looks_binary(b"%PDF-1.7 ...")
    True
    """
    head = data[:8192]
    if b"\x00" in head or head.startswith(_BINARY_SIGNATURES):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def check_upload(data: bytes, filename: str, limit: int | None = None) -> None:
    """Raise ``UploadRefused`` for a file over the size limit, an empty file, or one of the wrong sort."""
    limit = upload_limit_bytes() if limit is None else limit
    if len(data) > limit:
        raise UploadRefused(
            "intake.refused.too_big",
            size=fmt_num(len(data) / 1024 / 1024, "id"),
            limit=fmt_int(limit // 1024 // 1024, "id"),
        )
    if not data.strip():
        raise UploadRefused("intake.refused.empty", file=filename)
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if not data.startswith(_ZIP_SIGNATURE):
            raise UploadRefused("intake.refused.not_excel", file=filename)
    elif suffix == ".xls":
        if not data.startswith(_OLE_SIGNATURE):
            raise UploadRefused("intake.refused.not_excel", file=filename)
    elif looks_binary(data):
        raise UploadRefused("intake.refused.binary", file=filename)


def file_sha256(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lowercase hex digits (the import log's file fingerprint)."""
    return hashlib.sha256(data).hexdigest()


# --- remembered column mappings ----------------------------------------------------------------------------


def header_key(headers: Sequence[str]) -> str:
    """One key per set of headers, regardless of order, case and spacing.

    >>> header_key(["Tgl ", "desa"]) == header_key(["DESA", "tgl"])
    True
    """
    names = sorted({" ".join(str(h).lower().split()) for h in headers if str(h).strip()})
    return "|".join(names)


def load_mappings(data_dir: Path) -> dict[str, dict]:
    """Every remembered mapping: header key -> ``{"kind": ..., "mapping": {file header: column}}``."""
    path = data_dir / MAPPINGS_NAME
    try:
        stored = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def find_mapping(data_dir: Path, headers: Sequence[str]) -> tuple[Kind, dict[str, str | None]] | None:
    """The kind and mapping remembered for a file with these headers, if one was saved.

    The mapping pairs file headers with contract columns; a header paired with None is ignored.
    """
    entry = load_mappings(data_dir).get(header_key(headers))
    if not isinstance(entry, dict) or entry.get("kind") not in KINDS:
        return None
    known = set(columns(entry["kind"]))
    mapping = {str(h): (str(c) if c in known else None) for h, c in dict(entry.get("mapping", {})).items()}
    return entry["kind"], mapping


def remember_mapping(
    data_dir: Path, headers: Sequence[str], kind: Kind, mapping: Mapping[str, str | None]
) -> None:
    """Save the mapping for files with these headers (atomically, like the data)."""
    stored = load_mappings(data_dir)
    stored[header_key(headers)] = {"kind": kind, "mapping": dict(mapping)}
    text = json.dumps(stored, ensure_ascii=False, indent=2, sort_keys=True)
    atomic_write_bytes(data_dir / MAPPINGS_NAME, text.encode("utf-8"))


# --- merge plan --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One cell of a conflicting row: contract ``column``, the ``old`` text in the data folder, the ``new``
    text in the incoming file.
    """

    column: str
    old: str
    new: str


@dataclass(frozen=True)
class Conflict:
    """A row whose id is already in the data folder with different values."""

    record_id: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class MergePlan:
    """What merging one file into the data folder would do, by record id (``schema.ID_COLUMN[kind]``): ids
    new to the folder, ids already there with the same values, and conflicts (already there, different).
    """

    kind: Kind
    new_ids: tuple[str, ...]
    identical_ids: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    compared: tuple[str, ...]  # contract columns the incoming file provides; the others are kept

    @property
    def conflict_ids(self) -> tuple[str, ...]:
        """The ids of the conflicting rows, in the plan's order."""
        return tuple(c.record_id for c in self.conflicts)


def _as_text(frame: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """Contract columns only, every cell a string ('' for missing), so equal data compares equal."""
    out = frame.reindex(columns=columns(kind))
    return out.astype(object).where(out.notna(), "").astype(str)


def incoming_rows(clean: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """The loader's clean rows as the data folder stores them (contract columns, text).

    A cell our own export protected with an apostrophe (``'=1+1``, see ``analysis.data.export``) gets its text
    back, so exporting and importing again changes nothing. Every download neutralises it again.

    >>> frame = pd.DataFrame({"nrp": ["1"], "name": ["'=HYPERLINK()"]})
    >>> incoming_rows(frame, "officers").loc[0, "name"]
    '=HYPERLINK()'
    """
    from analysis.data import loading

    text = _as_text(loading.clean_to_contract(clean, kind), kind)
    return text.apply(lambda column: column.str.replace(_PROTECTED, r"\1", regex=True))


def plan_merge(
    existing: pd.DataFrame, incoming: pd.DataFrame, kind: Kind, provided: Sequence[str] | None = None
) -> MergePlan:
    """Match ``incoming`` rows to ``existing`` ones by id (both in contract columns, as text).

    Only the ``provided`` columns are compared: a file without, say, coordinates must not erase them.
    The id column is always provided (the loader derives one when the file has none).

    >>> old = pd.DataFrame({"nrp": ["1", "2"], "name": ["Ani", "Budi"]})
    >>> new = pd.DataFrame({"nrp": ["2", "3", "1"], "name": ["Budi S", "Cici", "Ani"]})
    >>> plan = plan_merge(old, new, "officers", ["nrp", "name"])
    >>> plan.new_ids, plan.identical_ids, plan.conflicts[0].changes
    (('3',), ('1',), (Change(column='name', old='Budi', new='Budi S'),))
    """
    id_column = ID_COLUMN[kind]
    compared = [c for c in columns(kind) if provided is None or c in provided or c == id_column]
    old = _as_text(existing, kind).drop_duplicates(id_column).set_index(id_column)
    new = _as_text(incoming, kind)
    new_ids: list[str] = []
    identical: list[str] = []
    conflicts: list[Conflict] = []
    for record in new.to_dict("records"):
        record_id = record[id_column]
        if record_id not in old.index:
            new_ids.append(record_id)
            continue
        before = old.loc[record_id]
        changes = tuple(
            Change(c, before[c], record[c]) for c in compared if c != id_column and before[c] != record[c]
        )
        if changes:
            conflicts.append(Conflict(record_id, changes))
        else:
            identical.append(record_id)
    return MergePlan(kind, tuple(new_ids), tuple(identical), tuple(conflicts), tuple(compared))


def apply_plan(
    existing: pd.DataFrame, incoming: pd.DataFrame, plan: MergePlan, accept_updates: bool
) -> pd.DataFrame:
    """``existing`` with the new rows appended and, if accepted, the conflicting rows updated.

    Existing rows keep their order; only the compared columns of an updated row change.
    """
    kind = plan.kind
    id_column = ID_COLUMN[kind]
    old = _as_text(existing, kind)
    new = _as_text(incoming, kind)
    if accept_updates and plan.conflicts:
        latest = new.drop_duplicates(id_column, keep="last").set_index(id_column)
        rows = old[id_column].isin(plan.conflict_ids)
        changed = [c for c in plan.compared if c != id_column]
        replacement = latest.loc[old.loc[rows, id_column], changed].to_numpy()
        old = old.copy()
        old.loc[rows, changed] = replacement
    added = new[new[id_column].isin(plan.new_ids)]
    return pd.concat([old, added], ignore_index=True)


# --- writing safely ----------------------------------------------------------------------------------------


def backup_file(path: Path, when: datetime) -> Path | None:
    """Keep a copy of ``path`` in ``<folder>/.backups/`` before it is replaced (``analysis.data.backups``: one
    copy per content, retention from ``DASHBOARD_BACKUP_KEEP`` / ``DASHBOARD_BACKUP_DAYS``); None if there
    is no file yet."""
    return backups.backup_file(path, when)


@contextlib.contextmanager
def folder_lock(data_dir: Path) -> Iterator[None]:
    """One import at a time per data folder (two analysts pressing "Gabungkan" together)."""
    with exclusive(data_dir / LOCK_NAME):
        yield


# --- the import --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What one import did; also the line written to the import log."""

    when: str
    file_name: str
    sha256: str
    kind: Kind
    rows_total: int
    rows_valid: int
    rows_rejected: int
    added: int
    updated: int
    skipped: int
    pending: int  # changed rows left as they were because the update was not confirmed
    user: str
    backup: str | None = None
    conflicts: tuple[Conflict, ...] = field(default=(), compare=False)

    def log_entry(self) -> dict:
        """This result as one JSON-ready line of the import log: every field but ``conflicts``."""
        entry = asdict(self)
        entry.pop("conflicts")
        return entry


def existing_rows(data_dir: Path, kind: Kind, reference: Reference) -> pd.DataFrame:
    """The data folder's rows of ``kind`` in contract columns, as text.

    Rows the loader rejects in that file are kept too (as written), so rewriting it never drops them.
    """
    from analysis.data import loading

    path = data_dir / FILE_NAMES[kind]
    if not path.exists():
        return _as_text(pd.DataFrame(columns=columns(kind)), kind)
    clean, report = loading.load_table(path, kind, reference, filename=path.name)
    kept = _as_text(loading.clean_to_contract(clean, kind), kind)
    bad_lines = {p.row for p in report.problems if p.severity == "error" and p.row}
    if not bad_lines:
        return kept
    raw = loading.read_raw(path, path.name)
    raw = raw.rename(columns=loading.map_headers(list(raw.columns), kind)[0])
    rejected = raw.loc[raw.index.isin(bad_lines)]  # read_raw indexes records by their line in the file
    return pd.concat([kept, _as_text(rejected, kind)], ignore_index=True)


def write_rows(path: Path, rows: pd.DataFrame) -> None:
    """The data folder's format: UTF-8 CSV in contract columns, written atomically."""
    atomic_write_bytes(path, rows.to_csv(index=False).encode("utf-8"))


def append_log(data_dir: Path, result: ImportResult) -> None:
    """Append one JSON line to the import log; earlier lines are never rewritten."""
    line = json.dumps(result.log_entry(), ensure_ascii=False) + "\n"
    with (data_dir / LOG_NAME).open("a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())


def read_log(data_dir: Path) -> list[dict]:
    """Every import so far, oldest first (unreadable lines are skipped, never fatal)."""
    path = data_dir / LOG_NAME
    if not path.exists():
        return []
    entries = []
    for line in path.read_text("utf-8").splitlines():
        with contextlib.suppress(ValueError):
            entries.append(json.loads(line))
    return entries


def previous_import(data_dir: Path, sha256: str) -> dict | None:
    """The latest log entry for a file with this content, if it was imported before."""
    matches = [e for e in read_log(data_dir) if e.get("sha256") == sha256]
    return matches[-1] if matches else None


def import_rows(
    data_dir: Path,
    kind: Kind,
    incoming: pd.DataFrame,
    report: object,
    *,
    file_name: str,
    sha256: str,
    reference: Reference,
    accept_updates: bool = False,
    user: str = "",
    now: datetime | None = None,
) -> ImportResult:
    """Merge the loader's clean rows into the data folder and log it.

    The folder is re-read under the lock, so the plan applied is the one true at writing time. When
    nothing is added or updated the file is not rewritten.
    """

    when = now or datetime.now()
    provided = list(getattr(report, "column_mapping", {}).values()) or None
    incoming_text = incoming_rows(incoming, kind)
    with folder_lock(data_dir):
        backups.remove_stale(data_dir, list(FILE_NAMES.values()))  # left by a killed import
        existing = existing_rows(data_dir, kind, reference)
        plan = plan_merge(existing, incoming_text, kind, provided)
        updated = len(plan.conflicts) if accept_updates else 0
        backup = None
        if plan.new_ids or updated:
            path = data_dir / FILE_NAMES[kind]
            merged = apply_plan(existing, incoming_text, plan, accept_updates)
            backup = backup_file(path, when)
            write_rows(path, merged)
        result = ImportResult(
            when=when.isoformat(timespec="seconds"),
            file_name=file_name,
            sha256=sha256,
            kind=kind,
            rows_total=int(getattr(report, "rows_total", len(incoming))),
            rows_valid=int(getattr(report, "rows_valid", len(incoming))),
            rows_rejected=int(getattr(report, "rows_rejected", 0)),
            added=len(plan.new_ids),
            updated=updated,
            skipped=len(plan.identical_ids),
            pending=len(plan.conflicts) - updated,
            user=user,
            backup=str(backup) if backup else None,
            conflicts=plan.conflicts,
        )
        append_log(data_dir, result)
    return result


# --- tables for the page ---------------------------------------------------------------------------------


def problems_table(problems: Sequence[Problem], lang: Lang = "id") -> pd.DataFrame:
    """One row per rejected row or changed value, rejected rows first, each in file order."""
    rows = [
        {
            t("intake.col.line", lang): "–" if p.row is None else str(p.row),
            "_line": -1 if p.row is None else int(p.row),
            t("intake.col.column", lang): str(p.column or ""),
            t("intake.col.value", lang): "" if p.value is None else str(p.value),
            t("intake.col.reason", lang): str(
                getattr(p, "reason_en", "") or p.reason if lang == "en" else p.reason
            ),
            t("intake.col.severity", lang): t(
                f"intake.severity.{'error' if p.severity == 'error' else 'warning'}", lang
            ),
            "_order": 0 if p.severity == "error" else 1,
        }
        for p in problems
    ]
    if not rows:
        return pd.DataFrame()
    # a problem about the whole file has no line ("–") and comes first in its group
    table = pd.DataFrame(rows)
    return table.sort_values(["_order", "_line"], kind="stable").drop(columns=["_order", "_line"])


def conflicts_table(plan: MergePlan, lang: Lang = "id") -> pd.DataFrame:
    """One row per changed value: id, column (Bahasa label), old value, new value."""
    labels = {c.name: c.label_id if lang == "id" else c.label_en for c in COLUMNS[plan.kind]}
    return pd.DataFrame(
        [
            {
                t("intake.col.id", lang): conflict.record_id,
                t("intake.col.column", lang): labels.get(change.column, change.column),
                t("intake.col.old", lang): change.old,
                t("intake.col.new", lang): change.new,
            }
            for conflict in plan.conflicts
            for change in conflict.changes
        ]
    )


def log_table(data_dir: Path, lang: Lang = "id") -> pd.DataFrame:
    """The import log, newest first, with headers in the user's language."""
    entries = read_log(data_dir)
    if not entries:
        return pd.DataFrame()
    fields = ("when", "file_name", "kind", "added", "updated", "skipped", "rows_rejected", "user")
    keys = ("when", "file", "kind", "added", "updated", "skipped", "rejected", "user")
    table = pd.DataFrame(entries).reindex(columns=list(fields))
    table = table.assign(
        when=table["when"].map(lambda w: when_text(w, lang)),
        kind=table["kind"].map(lambda k: t(f"intake.kind.{k}", lang)),
    )
    return table.iloc[::-1].rename(
        columns={f: t(f"intake.log.{k}", lang) for f, k in zip(fields, keys, strict=True)}
    )


def when_text(iso: object, lang: Lang = "id") -> str:
    """A log timestamp for people: ``"2026-11-28T13:26:51"`` -> ``"28 Nov 2026 13.26"`` (Bahasa).

    >>> when_text("2026-11-28T13:26:51"), when_text("2026-11-28T13:26:51", "en"), when_text("?")
    ('28 Nov 2026 13.26', '28 Nov 2026 13:26', '?')
    """
    try:
        moment = datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    separator = "." if lang == "id" else ":"
    return f"{fmt_date(moment, lang)} {moment.hour:02d}{separator}{moment.minute:02d}"


# --- templates, export, freshness --------------------------------------------------------------------------


def template_frame(kind: Kind) -> pd.DataFrame:
    """An empty table with the contract's Indonesian headers (the loader recognises every one)."""
    return pd.DataFrame(columns=[c.label_id for c in COLUMNS[kind]])


def template_guide(kind: Kind) -> pd.DataFrame:
    """One row per column: header, required or not, what to write."""
    return pd.DataFrame(
        {
            "Kolom": [c.label_id for c in COLUMNS[kind]],
            "Wajib": ["ya" if c.required else "tidak" for c in COLUMNS[kind]],
            "Keterangan": [c.description_id for c in COLUMNS[kind]],
        }
    )


def template_csv_bytes(kind: Kind) -> bytes:
    """Header line only, UTF-8 with BOM so Excel opens it with the right characters."""
    return template_frame(kind).to_csv(index=False).encode("utf-8-sig")


def template_excel_bytes(kind: Kind) -> bytes:
    """A workbook: the empty data sheet first (the one the loader reads), then a guide sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        template_frame(kind).to_excel(writer, index=False, sheet_name="Data")
        template_guide(kind).to_excel(writer, index=False, sheet_name="Petunjuk")
    return buffer.getvalue()


def export_frame(clean: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """The current data in contract columns, numbers as numbers (so a negative latitude is not text).

    Feed it to ``analysis.data.export.to_csv_bytes`` / ``to_excel_bytes``: they neutralise formulas in text.
    """
    from analysis.data import loading

    text = loading.clean_to_contract(clean, kind).reindex(columns=columns(kind))
    numeric = {c: pd.to_numeric(text[c], errors="coerce") for c in NUMERIC_COLUMNS if c in text.columns}
    return text.assign(**numeric)


def freshness_text(last_date: date | None, lang: Lang = "id", today: date | None = None) -> str:
    """``"Data terakhir: 27 Nov 2026, 1 hari lalu"``: the latest day in the data and how long ago it was.

    >>> freshness_text(date(2026, 11, 27), "id", today=date(2026, 11, 28))
    'Data terakhir: 27 Nov 2026, 1 hari lalu'
    >>> freshness_text(date(2026, 11, 28), "en", today=date(2026, 11, 28))
    'Latest data: 28 Nov 2026, today'
    >>> freshness_text(None)
    'Belum ada data patroli atau laporan.'
    """
    if last_date is None:
        return t("intake.freshness.none", lang)
    today = today or localtime.today()
    days = (today - last_date).days
    when = fmt_date(last_date, lang)
    if days <= 0:
        return t("intake.freshness.today", lang, date=when)
    key = "intake.freshness.one_day" if days == 1 else "intake.freshness.days"
    return t(key, lang, date=when, days=fmt_int(days, lang))


# --- command line ------------------------------------------------------------------------------------------


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis import``: the file, ``--kind`` (else detected from the headers),
    ``--data-dir``, ``--json``, ``--yes`` (apply changed rows too), ``--user`` and ``--sheet``.
    """
    parser.description = "Gabungkan satu berkas CSV/Excel ke folder data (tulis atomik, cadangan, log impor)."
    parser.add_argument("file", type=Path, help="berkas CSV atau Excel")
    parser.add_argument("--kind", choices=KINDS, help="jenis data; bila kosong dikenali dari judul kolom")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder data (bawaan: DASHBOARD_DATA_DIR/data)"
    )
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")
    parser.add_argument("--yes", action="store_true", help="terapkan juga baris yang berubah (pembaruan)")
    parser.add_argument("--user", default=os.environ.get("USER", ""), help="nama pengguna untuk log impor")
    parser.add_argument(
        "--sheet", default=None, help="lembar Excel yang dibaca (bawaan: lembar aktif yang terlihat)"
    )


def _fail(message: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(message, file=sys.stderr)
    return 2


def run_cli(args: argparse.Namespace) -> int:
    """Exit 0: every row valid; 1: some rows rejected (the valid ones are merged); 2: not readable at all."""
    from analysis.data import loading, value_pairs

    data_dir: Path = args.data_dir or data_dir_from_env()
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        return _fail(t("intake.cli.cannot_open", "id", file=args.file, reason=exc.strerror or exc), args.json)
    try:
        check_upload(data, Path(args.file).name)
        raw = loading.read_raw(io.BytesIO(data), Path(args.file).name, sheet=args.sheet)
        remembered = find_mapping(data_dir, list(raw.columns))
        kind: Kind | None = args.kind or (remembered[0] if remembered else None)
        kind = kind or loading.detect_kind(list(raw.columns))
        if kind is None:
            return _fail(t("loading.file.unknown_kind", "id"), args.json)
        mapping = remembered[1] if remembered and remembered[0] == kind else None
        reference = load_reference()
        clean, report = loading.load_table(
            io.BytesIO(data),
            kind,
            reference,
            filename=Path(args.file).name,
            column_mapping=mapping,
            officers=loading.officers_in_data_dir(kind, reference, data_dir),
            value_pairs=value_pairs.pairs_for(data_dir, kind),
            sheet=args.sheet,
        )
    except UploadRefused as exc:
        return _fail(exc.message("id"), args.json)
    except loading.UnreadableFile as exc:
        return _fail(str(exc), args.json)
    try:
        result = import_rows(
            data_dir,
            kind,
            clean,
            report,
            file_name=Path(args.file).name,
            sha256=file_sha256(data),
            reference=reference,
            accept_updates=args.yes,
            user=args.user,
        )
    except (OSError, loading.UnreadableFile) as exc:  # nothing was replaced: the rename is the last step
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _fail(t("intake.merge.failed", "id", reason=reason), args.json)
    if args.json:
        out = result.log_entry() | {
            "problems": [p.to_dict() for p in report.problems],
            "conflicts": [asdict(c) for c in result.conflicts],
        }
        print(json.dumps(out, ensure_ascii=False, default=str))
    else:
        print(summary_text(result, "id"))
        from analysis.data.workbook import sheet_lines

        for line in sheet_lines(report, "id"):
            print(line)
        for problem in report.problems:
            where = "berkas" if problem.row is None else f"baris {problem.row}"
            print(f"  {where}, {problem.column}: {problem.value!r} – {problem.reason}")
        for conflict in result.conflicts:
            for change in conflict.changes:
                print(f"  {conflict.record_id}, {change.column}: {change.old!r} → {change.new!r}")
        if result.pending:
            print(t("intake.cli.pending", "id", count=result.pending))
    return 1 if result.rows_rejected else 0


def summary_text(result: ImportResult, lang: Lang) -> str:
    """One sentence: what the import did."""
    return t(
        "intake.result",
        lang,
        file=result.file_name,
        added=fmt_int(result.added, lang),
        updated=fmt_int(result.updated, lang),
        skipped=fmt_int(result.skipped, lang),
        rejected=fmt_int(result.rows_rejected, lang),
    )
