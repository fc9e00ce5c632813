"""``python -m analysis validate FILE [--kind patrols|complaints|officers] [--json] [--out CLEAN.csv]
[--sheet NAME]``: check one file against the data contract (``analysis.data.loading``) and print the
report. Exit 0: every row valid; 1: some rows rejected; 2: the file cannot be read."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis.core import settings
from analysis.data import value_pairs
from analysis.data.dataset import officers_in_data_dir
from analysis.data.headers import detect_kind
from analysis.data.loading import clean_to_contract, load_table, read_raw
from analysis.data.problems import Problem, UnreadableFile
from analysis.data.reference import load_reference
from analysis.data.schema import KINDS, Kind
from analysis.data.workbook import sheet_lines
from analysis.i18n import t


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis validate``: the file, ``--kind`` (else detected from the headers),
    ``--json``, ``--out`` (write the clean rows as CSV) and ``--sheet``.
    """
    parser.description = "Periksa satu berkas CSV/Excel terhadap kontrak data. Keluar 0: semua valid; " + (
        "1: ada baris ditolak; 2: berkas tidak dapat dibaca."
    )
    parser.add_argument("file", type=Path, metavar="BERKAS", help=t("loading.cli.help_file"))
    parser.add_argument("--kind", choices=KINDS, default=None, help=t("loading.cli.help_kind"))
    parser.add_argument("--json", action="store_true", help=t("loading.cli.help_json"))
    parser.add_argument(
        "--out", type=Path, default=None, metavar="BERSIH.csv", help=t("loading.cli.help_out")
    )
    parser.add_argument("--sheet", default=None, metavar="NAMA", help=t("workbook.cli.help_sheet"))


def _fail(args: argparse.Namespace, reason: str) -> int:
    if args.json:
        print(json.dumps({"error": reason}, ensure_ascii=False))
    print(t("loading.cli.unreadable", "id", name=args.file, reason=reason), file=sys.stderr)
    return 2


def _format_problem(problem: Problem) -> str:
    if problem.row is None:
        return t("loading.cli.problem_file", "id", column=problem.column, reason=problem.reason)
    return t(
        "loading.cli.problem",
        "id",
        row=problem.row,
        column=problem.column,
        value=problem.value,
        reason=problem.reason,
    )


def run_cli(args: argparse.Namespace) -> int:
    """Check ``args.file`` against the data contract and print the report (text or ``--json``); the exit code.

    0 every row valid, 1 some rows rejected, 2 the file cannot be read (or its kind not recognised).
    """
    kind: Kind | None = args.kind
    try:
        if kind is None:
            kind = detect_kind(read_raw(args.file, sheet=args.sheet).columns)
            if kind is None:
                return _fail(args, t("loading.file.unknown_kind"))
        reference = load_reference()
        frame, report = load_table(
            args.file,
            kind,
            reference,
            sheet=args.sheet,
            officers=officers_in_data_dir(kind, reference),
            value_pairs=value_pairs.pairs_for(settings.DATA_DIR.read(), kind),
        )
    except UnreadableFile as exc:
        return _fail(args, str(exc))
    if args.out is not None:
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            clean_to_contract(frame, kind).to_csv(args.out, index=False, encoding="utf-8")
        except OSError as exc:
            print(
                t("loading.cli.write_failed", "id", path=args.out, reason=exc.strerror or exc),
                file=sys.stderr,
            )
            return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(t("loading.cli.header", "id", name=report.source, kind=kind))
        for line in sheet_lines(report, "id"):
            print(line)
        print(
            t(
                "loading.cli.counts",
                "id",
                total=report.rows_total,
                valid=report.rows_valid,
                rejected=report.rows_rejected,
            )
        )
        if report.ignored_columns:
            print(t("loading.cli.ignored", "id", columns=", ".join(report.ignored_columns)))
        for heading, problems in (
            ("loading.cli.errors", report.errors),
            ("loading.cli.warnings", report.warnings),
        ):
            if problems:
                print(t(heading, "id"))
                for problem in problems:
                    print("  " + _format_problem(problem))
        if args.out is not None:
            print(t("loading.cli.written", "id", count=report.rows_valid, path=args.out))
    return 1 if report.rows_rejected else 0
