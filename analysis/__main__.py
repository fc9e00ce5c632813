"""Command line: ``python -m analysis <command> ...``.

Each command lives in its own module, imported only when it runs, exposing ``configure_parser(parser)``
and ``run_cli(args) -> int``. No traceback reaches the user: an unexpected error prints what happened
(``analysis.core.errors``), its details go to the error log, and the command exits 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "sample": ("analysis.data.sample", "tulis data contoh yang deterministik"),
    "validate": ("analysis.data.loading", "periksa satu berkas terhadap kontrak data"),
    "import": ("analysis.data.intake", "gabungkan berkas ke folder data"),
    "import-text": ("analysis.data.textreports.importer", "baca laporan teks/WhatsApp dan gabungkan"),
    "briefing": ("analysis.reports.briefing", "tulis briefing mingguan sebagai PDF"),
    "users": ("analysis.admin.users", "kelola pengguna dasbor"),
}


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis COMMAND ...``: run one of ``COMMANDS``; its exit code.

    ``argv`` defaults to ``sys.argv[1:]``. Without a known command the list of commands goes to stderr and
    the exit code is 2. The command's module gives ``configure_parser(parser)`` and ``run_cli(args) -> int``.
    """
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description="Dasbor Kamtibmas: perintah baris."
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    if not argv or argv[0] not in COMMANDS:
        parser.print_help(sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    command_parser = argparse.ArgumentParser(prog=f"python -m analysis {argv[0]}")
    module.configure_parser(command_parser)
    args = command_parser.parse_args(argv[1:])
    try:
        return int(module.run_cli(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # MemoryError included: it says so instead of printing nothing
        from analysis.core.errors import describe, log_unexpected

        logged = log_unexpected(exc, f"python -m analysis {argv[0]}")
        print(f"Galat tak terduga: {describe(exc)}", file=sys.stderr)
        if logged is not None:
            print(f"Rincian untuk admin dicatat di {logged}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
