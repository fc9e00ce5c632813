"""``python -m analysis import-text FILE.txt [--data-dir DIR] [--json] [--yes] [--user NAME]``: read
patrol and complaint reports written as text (``analysis.data.textreports``) and merge them through the
same import as files (``analysis.data.textreports.importer``). Exit 0: every row found is valid; 1: some
rows refused (the valid ones are merged); 2: the file cannot be read, or holds no report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from analysis.cli.common import add_merge_options, fail
from analysis.core import settings
from analysis.data import intake, schema
from analysis.data.dataset import load_dataset
from analysis.data.problems import UnreadableFile
from analysis.data.reference import load_reference
from analysis.data.textreports import read_text, rows_frame
from analysis.data.textreports.importer import import_text_rows, summary_lines
from analysis.i18n import t


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis import-text``: the .txt file, ``--data-dir``, ``--json``, ``--yes``
    (apply changed rows too) and ``--user``.
    """
    parser.description = (
        "Baca laporan teks (WhatsApp, ekspor grup, rilis) menjadi baris patroli/laporan dan gabungkan."
    )
    parser.add_argument("file", type=Path, help="berkas .txt")
    add_merge_options(parser, "cetak baris yang ditemukan dan kepastiannya")


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
    data_dir: Path = args.data_dir or settings.DATA_DIR.read()
    name = Path(args.file).name
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        return fail(t("intake.cli.cannot_open", "id", file=args.file, reason=exc.strerror or exc), args.json)
    try:
        intake.check_upload(data, name)
        text = data.decode("utf-8-sig")
    except intake.UploadRefused as exc:
        return fail(exc.message("id"), args.json)
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    reference = load_reference()
    try:
        officers = load_dataset(data_dir).officers
    except (OSError, UnreadableFile):
        officers = None
    reading = read_text(text, reference, officers)
    if reading.empty:
        return fail(t("textimport.none_found", "id"), args.json)
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
    except (OSError, UnreadableFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return fail(t("intake.merge.failed", "id", reason=reason), args.json)
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
