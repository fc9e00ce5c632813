"""``python -m analysis import FILE [--kind ...] [--data-dir DIR] [--json] [--yes] [--user NAME]
[--sheet NAME]``: merge one CSV/Excel file into the data folder (``analysis.data.intake``: atomic write,
backup, import log). Exit 0: every row valid; 1: some rows rejected (the valid ones are merged); 2: the
file cannot be read or the merge failed."""

from __future__ import annotations

import argparse
import io
import json
from dataclasses import asdict
from pathlib import Path

from analysis.cli.common import add_merge_options, fail
from analysis.core import settings
from analysis.data import value_pairs
from analysis.data.dataset import officers_in_data_dir
from analysis.data.headers import detect_kind
from analysis.data.intake import (
    UploadRefused,
    check_upload,
    file_sha256,
    find_mapping,
    import_rows,
    summary_text,
)
from analysis.data.loading import load_table, read_raw
from analysis.data.problems import UnreadableFile
from analysis.data.reference import load_reference
from analysis.data.schema import KINDS, Kind
from analysis.data.workbook import sheet_lines
from analysis.i18n import t


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis import``: the file, ``--kind`` (else detected from the headers),
    ``--data-dir``, ``--json``, ``--yes`` (apply changed rows too), ``--user`` and ``--sheet``.
    """
    parser.description = "Gabungkan satu berkas CSV/Excel ke folder data (tulis atomik, cadangan, log impor)."
    parser.add_argument("file", type=Path, help="berkas CSV atau Excel")
    parser.add_argument("--kind", choices=KINDS, help="jenis data; bila kosong dikenali dari judul kolom")
    add_merge_options(parser, "cetak hasil sebagai JSON")
    parser.add_argument(
        "--sheet", default=None, help="lembar Excel yang dibaca (bawaan: lembar aktif yang terlihat)"
    )


def run_cli(args: argparse.Namespace) -> int:
    """Exit 0: every row valid; 1: some rows rejected (the valid ones are merged); 2: not readable at all."""
    data_dir: Path = args.data_dir or settings.DATA_DIR.read()
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        return fail(t("intake.cli.cannot_open", "id", file=args.file, reason=exc.strerror or exc), args.json)
    try:
        check_upload(data, Path(args.file).name)
        raw = read_raw(io.BytesIO(data), Path(args.file).name, sheet=args.sheet)
        remembered = find_mapping(data_dir, list(raw.columns))
        kind: Kind | None = args.kind or (remembered[0] if remembered else None)
        kind = kind or detect_kind(list(raw.columns))
        if kind is None:
            return fail(t("loading.file.unknown_kind", "id"), args.json)
        mapping = remembered[1] if remembered and remembered[0] == kind else None
        reference = load_reference()
        clean, report = load_table(
            io.BytesIO(data),
            kind,
            reference,
            filename=Path(args.file).name,
            column_mapping=mapping,
            officers=officers_in_data_dir(kind, reference, data_dir),
            value_pairs=value_pairs.pairs_for(data_dir, kind),
            sheet=args.sheet,
        )
    except UploadRefused as exc:
        return fail(exc.message("id"), args.json)
    except UnreadableFile as exc:
        return fail(str(exc), args.json)
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
    except (OSError, UnreadableFile) as exc:  # nothing was replaced: the rename is the last step
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return fail(t("intake.merge.failed", "id", reason=reason), args.json)
    if args.json:
        out = result.log_entry() | {
            "problems": [p.to_dict() for p in report.problems],
            "conflicts": [asdict(c) for c in result.conflicts],
        }
        print(json.dumps(out, ensure_ascii=False, default=str))
    else:
        print(summary_text(result, "id"))
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
