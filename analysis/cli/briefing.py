"""``python -m analysis briefing --start YYYY-MM-DD --end YYYY-MM-DD [--kelurahan A,B] [--data-dir DIR]
[--lang id|en] --out FILE.pdf``: write the briefing (``analysis.reports.briefing``) as a PDF
(``analysis.reports.briefing_pdf``). Exit 0 written; 1 no data in the period; 2 wrong input."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.i18n import Lang, fmt_date_range, fmt_num, t
from analysis.metrics.filters import Filters
from analysis.reports.briefing import build_briefing
from analysis.reports.briefing_pdf import build_pdf


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("briefing.cli.bad_date", "id", value=value)) from None


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis briefing``: ``--start``/``--end`` (ISO dates, inclusive),
    ``--kelurahan`` (comma-separated; empty = all), ``--data-dir``, ``--lang`` (id/en), ``--out`` (the PDF).
    """
    parser.description = "Tulis briefing kamtibmas (fakta, analisa, prediksi, rekomendasi) sebagai PDF."
    parser.epilog = "Kode keluar: 0 berhasil, 1 tidak ada data pada periode itu, 2 masukan salah."
    parser.add_argument("--start", type=_iso_date, required=True, help="tanggal awal, TTTT-BB-HH")
    parser.add_argument("--end", type=_iso_date, required=True, help="tanggal akhir (termasuk), TTTT-BB-HH")
    parser.add_argument("--kelurahan", default="", help="daftar kelurahan dipisah koma; kosong = semua")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder data (bawaan: DASHBOARD_DATA_DIR atau data/)"
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa briefing")
    parser.add_argument("--out", type=Path, required=True, help="berkas PDF yang ditulis")


def run_cli(args: argparse.Namespace) -> int:
    """Write the briefing PDF for the parsed ``args``; the exit code.

    0 written (path, pages and size printed), 1 no data in that period and scope, 2 bad input (start after
    end, no such data folder, unknown kelurahan) or the PDF cannot be written. Messages go to stderr in
    ``args.lang``.
    """
    lang: Lang = args.lang
    if args.start > args.end:
        print(t("briefing.cli.bad_range", lang, start=args.start, end=args.end), file=sys.stderr)
        return 2
    data_dir = (args.data_dir or settings.DATA_DIR.read()).expanduser().resolve()
    if not data_dir.is_dir():
        print(t("briefing.cli.no_dir", lang, dir=data_dir), file=sys.stderr)
        return 2
    dataset = load_dataset(data_dir)
    wanted = [k.strip() for k in args.kelurahan.split(",") if k.strip()]
    unknown = [k for k in wanted if k not in dataset.reference.kelurahan_names]
    if unknown:
        known = ", ".join(dataset.reference.kelurahan_names)
        print(t("briefing.cli.bad_kelurahan", lang, names=", ".join(unknown), known=known), file=sys.stderr)
        return 2
    briefing = build_briefing(dataset, Filters(start=args.start, end=args.end, kelurahan=tuple(wanted)), lang)
    if not briefing.has_data:
        span = fmt_date_range(args.start, args.end, lang)
        print(
            t("briefing.cli.no_data", lang, range=span, scope=briefing.scope, dir=data_dir), file=sys.stderr
        )
        return 1
    document = build_pdf(briefing)
    pdf = bytes(document.output())
    out: Path = args.out.expanduser()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as exc:
        print(t("briefing.cli.cannot_write", lang, path=out, reason=exc.strerror or exc), file=sys.stderr)
        return 2
    size = fmt_num(len(pdf) / 1024, lang, 0)
    print(t("briefing.cli.written", lang, path=out.resolve(), pages=document.page_no(), size=size))
    return 0
