"""Pieces the import commands share: their merge options and the way they fail."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis.core import settings


def add_merge_options(parser: argparse.ArgumentParser, json_help: str) -> None:
    """``--data-dir``, ``--json`` (``json_help``), ``--yes`` and ``--user``: what a merge into the data
    folder needs (``import`` and ``import-text``)."""
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder data (bawaan: DASHBOARD_DATA_DIR/data)"
    )
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.add_argument("--yes", action="store_true", help="terapkan juga baris yang berubah (pembaruan)")
    parser.add_argument("--user", default=settings.USER.read(), help="nama pengguna untuk log impor")


def fail(message: str, as_json: bool) -> int:
    """Print why the command stopped (``{"error": ...}`` on stdout with ``--json``, else on stderr); 2."""
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(message, file=sys.stderr)
    return 2
