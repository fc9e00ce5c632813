"""Merge rows read from text into the data folder through the same import as files.

``import_text_rows(data_dir, patrols, complaints, ...)`` takes the reviewed rows (contract columns, text),
validates them with the loader (``analysis.data.loading.load_table``: a bad date or a missing NRP is refused
with its row, column and reason), drops the events already in the data (a release about a patrol that is
already a row: same date, kelurahan, activity and leader, whatever its id), then merges what is left with
``analysis.data.intake.import_rows`` (lock, backup, atomic write, import log). Patrols go first, so the
complaints' ``patrol_id`` points at a row that exists.

Also the command ``python -m analysis import-text FILE.txt [--data-dir DIR] [--json] [--yes]``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.data import contract, intake, loading, schema
from analysis.data.dataset import FILE_NAMES, data_dir_from_env
from analysis.data.reference import Reference, load_reference
from analysis.i18n import Lang, fmt_int, t


@dataclass(frozen=True)
class KnownEvent:
    """A row read from text that is an event already in the data (``existing_id``)."""

    kind: schema.Kind
    incoming_id: str
    existing_id: str


@dataclass
class TextImportResult:
    """What merging the rows of one text did, per kind, and which rows were events already there."""

    results: dict[schema.Kind, intake.ImportResult] = field(default_factory=dict)
    reports: dict[schema.Kind, loading.ValidationReport] = field(default_factory=dict)
    known: list[KnownEvent] = field(default_factory=list)
    held: list[str] = field(default_factory=list)  # complaints raised on a patrol that was refused

    @property
    def rejected(self) -> int:
        """Rows refused by the loader, over both kinds."""
        return sum(r.rows_rejected for r in self.reports.values())

    @property
    def added(self) -> int:
        """Rows added to the data folder, over both kinds."""
        return sum(r.added for r in self.results.values())


def validate_rows(rows: pd.DataFrame, kind: schema.Kind, reference: Reference, name: str):
    """The loader's clean rows and report for reviewed rows (contract columns, text)."""
    data = rows.reindex(columns=schema.columns(kind)).fillna("").to_csv(index=False).encode("utf-8")
    return loading.load_table(io.BytesIO(data), kind, reference, filename=name)


def _norm(value: object) -> str:
    return " ".join(str(value).lower().split()) if isinstance(value, str) and value.strip() else ""


def _event_keys(frame: pd.DataFrame, kind: schema.Kind) -> pd.DataFrame:
    """Date, place and what/who of each row: what makes two rows with different ids the same event."""
    if kind == "patrols":
        when = pd.to_datetime(frame["date"], errors="coerce").dt.strftime("%Y-%m-%d")
        return pd.DataFrame(
            {
                "when": when.fillna(""),
                "kelurahan": frame["kelurahan"].astype(object).map(_norm),
                "what": frame["activity"].astype(object).map(_norm),
                "nrp": frame["leader_nrp"].astype(object).map(_norm),
                "name": frame["leader_name"].astype(object).map(_norm),
            }
        )
    when = pd.to_datetime(frame["received_at"], errors="coerce").dt.strftime("%Y-%m-%d")
    return pd.DataFrame(
        {
            "when": when.fillna(""),
            "kelurahan": frame["kelurahan"].astype(object).map(_norm),
            "what": frame["category"].astype(object).map(_norm),
            "nrp": frame["patrol_id"].astype(object).map(_norm),
            "name": frame["description"].astype(object).map(lambda d: _norm(d)[:60]),
        }
    )


def known_events(existing: pd.DataFrame, incoming: pd.DataFrame, kind: schema.Kind) -> list[KnownEvent]:
    """Incoming rows (clean frames) that are an existing row's event under another id.

    Patrols: same date, kelurahan and activity, and the same leader (NRP when both have one, else name).
    Complaints: same day, kelurahan, category and patrol (or description, when neither names a patrol).

    >>> old = pd.DataFrame({"patrol_id": ["PTR-1"], "date": ["2025-05-26"], "kelurahan": ["Gedog"],
    ...     "activity": ["Patroli Dialogis"], "leader_nrp": ["71082666"], "leader_name": ["Roziek Mustofa"]})
    >>> new = old.assign(patrol_id=["P-Tx"], leader_name=["Roziek"])
    >>> known_events(old, new, "patrols")[0].existing_id
    'PTR-1'
    """
    id_column = schema.ID_COLUMN[kind]
    if existing.empty or incoming.empty:
        return []
    old = _event_keys(existing, kind).assign(rid=existing[id_column].astype(str).to_numpy())
    new = _event_keys(incoming, kind).assign(rid=incoming[id_column].astype(str).to_numpy())
    candidates = new.merge(old, on=["when", "kelurahan", "what"], suffixes=("", "_old"))
    found: dict[str, str] = {}
    for row in candidates.itertuples(index=False):
        if row.rid == row.rid_old or row.rid in found:
            continue  # the same id is the import's own business (identical or a change to confirm)
        same_who = (
            (row.nrp == row.nrp_old) if row.nrp and row.nrp_old else (row.name and row.name == row.name_old)
        )
        if kind == "complaints" and not (row.nrp or row.nrp_old):
            same_who = bool(row.name) and row.name == row.name_old
        if same_who:
            found[row.rid] = row.rid_old
    return [KnownEvent(kind, i, e) for i, e in found.items()]


def _existing_clean(data_dir: Path, kind: schema.Kind, reference: Reference) -> pd.DataFrame:
    path = data_dir / FILE_NAMES[kind]
    if not path.exists():
        return contract.empty_frame(kind, reference)
    return loading.load_table(path, kind, reference, filename=path.name)[0]


def import_text_rows(
    data_dir: Path,
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    *,
    file_name: str,
    sha256: str,
    reference: Reference,
    accept_updates: bool = False,
    user: str = "",
) -> TextImportResult:
    """Validate, drop known events, merge. ``patrols`` / ``complaints``: reviewed rows in contract
    columns (text). Raises what ``intake.import_rows`` raises (``OSError``, ``loading.UnreadableFile``)."""
    out = TextImportResult()
    relinked: dict[str, str] = {}
    accepted: set[str] = set()
    kinds: tuple[tuple[schema.Kind, pd.DataFrame | None], ...] = (
        ("patrols", patrols),
        ("complaints", complaints),
    )
    for kind, rows in kinds:
        if rows is None or rows.empty:
            continue
        if kind == "complaints":
            rows = rows.assign(patrol_id=rows["patrol_id"].replace(relinked))
            refused = set(patrols["patrol_id"].astype(str)) - accepted if patrols is not None else set()
            on_refused = rows["patrol_id"].astype(str).isin(refused - {""})
            out.held += rows.loc[on_refused, "complaint_id"].astype(str).tolist()
            rows = rows.loc[~on_refused]
            if rows.empty:
                continue
        clean, report = validate_rows(rows, kind, reference, file_name)
        known = known_events(_existing_clean(data_dir, kind, reference), clean, kind)
        if kind == "patrols":
            relinked = {k.incoming_id: k.existing_id for k in known}
            accepted = set(clean["patrol_id"].astype(str))
        out.known += known
        keep = ~clean[schema.ID_COLUMN[kind]].astype(str).isin({k.incoming_id for k in known})
        out.reports[kind] = report
        out.results[kind] = intake.import_rows(
            data_dir,
            kind,
            clean.loc[keep].reset_index(drop=True),
            report,
            file_name=file_name,
            sha256=sha256,
            reference=reference,
            accept_updates=accept_updates,
            user=user,
        )
    return out


def summary_lines(result: TextImportResult, lang: Lang = "id") -> list[str]:
    """One line per kind merged, then one per event already in the data ("adds nothing and says so")."""
    lines = []
    for kind, done in result.results.items():
        lines.append(
            t(
                "textimport.result",
                lang,
                kind=t(f"intake.kind.{kind}", lang),
                added=fmt_int(done.added, lang),
                updated=fmt_int(done.updated, lang),
                skipped=fmt_int(done.skipped, lang),
                rejected=fmt_int(done.rows_rejected, lang),
            )
        )
    for event in result.known:
        lines.append(t("textimport.known", lang, id=event.incoming_id, existing=event.existing_id))
    if result.held:
        lines.append(t("textimport.held", lang, ids=", ".join(result.held)))
    return lines


# --- command line ------------------------------------------------------------------------------------------


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis import-text``: the .txt file, ``--data-dir``, ``--json``, ``--yes``
    (apply changed rows too) and ``--user``.
    """
    parser.description = (
        "Baca laporan teks (WhatsApp, ekspor grup, rilis) menjadi baris patroli/laporan dan gabungkan."
    )
    parser.add_argument("file", type=Path, help="berkas .txt")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder data (bawaan: DASHBOARD_DATA_DIR/data)"
    )
    parser.add_argument("--json", action="store_true", help="cetak baris yang ditemukan dan kepastiannya")
    parser.add_argument("--yes", action="store_true", help="terapkan juga baris yang berubah (pembaruan)")
    parser.add_argument("--user", default=os.environ.get("USER", ""), help="nama pengguna untuk log impor")


def _fail(message: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(message, file=sys.stderr)
    return 2


def reading_json(reading) -> dict:
    """The rows found and each field's value, certainty and snippet."""
    return {
        kind: [
            {
                "line": c.line,
                "fields": {
                    column: {
                        "value": None if (v := c.value(column)) is None else str(v),
                        "certainty": c.certainty(column),
                        "snippet": c.fields.get(column).snippet if column in c.fields else "",
                    }
                    for column in schema.columns(kind)
                },
            }
            for c in reading.candidates(kind)
        ]
        for kind in ("patrols", "complaints")
    } | {"chatter": reading.chatter}


def run_cli(args: argparse.Namespace) -> int:
    """Exit 0: every row found is valid; 1: some rows refused (the valid ones are merged); 2: the file
    cannot be read, or holds no report."""
    from analysis.data.dataset import load_dataset
    from analysis.data.textreports import read_text, rows_frame

    data_dir: Path = args.data_dir or data_dir_from_env()
    name = Path(args.file).name
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        return _fail(t("intake.cli.cannot_open", "id", file=args.file, reason=exc.strerror or exc), args.json)
    try:
        intake.check_upload(data, name)
        text = data.decode("utf-8-sig")
    except intake.UploadRefused as exc:
        return _fail(exc.message("id"), args.json)
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    reference = load_reference()
    try:
        officers = load_dataset(data_dir).officers
    except (OSError, loading.UnreadableFile):
        officers = None
    reading = read_text(text, reference, officers)
    if reading.empty:
        return _fail(t("textimport.none_found", "id"), args.json)
    try:
        result = import_text_rows(
            data_dir,
            rows_frame(reading.patrols, "patrols"),
            rows_frame(reading.complaints, "complaints"),
            file_name=name,
            sha256=intake.file_sha256(data),
            reference=reference,
            accept_updates=args.yes,
            user=args.user,
        )
    except (OSError, loading.UnreadableFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _fail(t("intake.merge.failed", "id", reason=reason), args.json)
    if args.json:
        out = reading_json(reading) | {
            "imports": {k: r.log_entry() for k, r in result.results.items()},
            "known_events": [vars(k) for k in result.known],
            "problems": {k: [p.to_dict() for p in r.problems] for k, r in result.reports.items()},
        }
        print(json.dumps(out, ensure_ascii=False, default=str))
    else:
        for line in summary_lines(result, "id"):
            print(line)
        for kind, report in result.reports.items():
            for problem in report.problems:
                if problem.severity == "error":
                    where = "berkas" if problem.row is None else f"baris {problem.row - 1}"
                    print(f"  {t(f'intake.kind.{kind}', 'id')} {where}, {problem.column}: {problem.reason}")
    return 1 if result.rejected or result.held else 0
