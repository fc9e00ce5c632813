"""``python -m analysis sample --out data/ --seed 2025 [--rows N] [--end YYYY-MM-DD]``: write the
deterministic sample data (``analysis.sample.generator``). Exit 0 written; 2 too few ``--rows``."""

from __future__ import annotations

import argparse
import time
from datetime import date, datetime
from pathlib import Path

from analysis.sample.generator import DEFAULT_END, DEFAULT_SEED, MIN_ROWS, generate, write


def _parse_date(text: str) -> date:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"tanggal tidak terbaca: {text!r} (pakai YYYY-MM-DD)") from exc


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis sample``: ``--out`` (folder), ``--seed``, ``--rows`` (patrols and
    complaints each, for scale tests; at least ``MIN_ROWS``) and ``--end`` (the data's last day).
    """
    parser.description = "Tulis data contoh (patroli, laporan, personel) yang deterministik."
    parser.add_argument("--out", type=Path, default=Path("data"), help="folder tujuan (bawaan: data/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"benih acak (bawaan: {DEFAULT_SEED})")
    parser.add_argument("--rows", type=int, default=None, help="jumlah baris patroli dan laporan (uji skala)")
    parser.add_argument(
        "--end", type=_parse_date, default=DEFAULT_END, help=f"tanggal terakhir data (bawaan: {DEFAULT_END})"
    )


def run_cli(args: argparse.Namespace) -> int:
    """Generate and write the sample data for ``args``, printing each file's row count and the time taken;
    0, or 2 when ``--rows`` is below ``MIN_ROWS``.
    """
    if args.rows is not None and args.rows < MIN_ROWS:
        print(f"--rows minimal {MIN_ROWS}.")
        return 2
    began = time.perf_counter()
    frames = generate(args.seed, args.rows, args.end)
    paths = write(frames, args.out)
    elapsed = time.perf_counter() - began
    for kind, path in paths.items():
        print(f"{path}: {len(frames[kind]):,} baris".replace(",", "."))
    print(f"Selesai dalam {elapsed:.1f} detik.".replace(".", ",", 1))
    return 0
