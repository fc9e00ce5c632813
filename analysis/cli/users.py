"""``python -m analysis users [--file USERS.json] add|list|disable|enable|reset ...``: manage the
dashboard's users (``analysis.admin.users``), each change written to the audit log (``analysis.admin.audit``).
Passwords are read from standard input (``--password-stdin``) or typed without echo; never printed, logged
or passed as arguments. Exit 0 done; 1 refused (bad name, role or password; user exists or is missing);
2 the users file cannot be used."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from datetime import datetime
from pathlib import Path

from analysis.admin import audit
from analysis.admin.users import (
    ROLES,
    FailureState,
    UsersFileError,
    add_user,
    load_accounts,
    load_failures,
    reset_password,
    set_disabled,
)
from analysis.core import settings


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis users``: ``--file`` and one action (add, list, disable, enable,
    reset). Passwords are read from stdin only, never from an argument.
    """
    parser.description = (
        "Kelola pengguna dasbor. Berkas pengguna: --file atau variabel lingkungan DASHBOARD_AUTH_FILE "
        "(di luar folder aplikasi). Kata sandi dibaca dari stdin, tidak pernah dari argumen."
    )
    parser.add_argument("--file", type=Path, help="berkas pengguna (bawaan: $DASHBOARD_AUTH_FILE)")
    sub = parser.add_subparsers(dest="action", metavar="AKSI", required=True)
    add = sub.add_parser("add", help="tambah pengguna")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES, help="kapolsek, analis atau tamu")
    add.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari stdin")
    sub.add_parser("list", help="daftar pengguna (tanpa hash)")
    for action, text in (("disable", "nonaktifkan pengguna"), ("enable", "aktifkan kembali pengguna")):
        sub.add_parser(action, help=text).add_argument("username")
    reset = sub.add_parser("reset", help="ganti kata sandi dan buka kunci")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari stdin")


def _read_password(from_stdin: bool) -> str:
    """The first line of stdin, or a prompt without echo (asked twice) when stdin is a terminal."""
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValueError("Kedua kata sandi tidak sama.")
    return first


def _resolve_file(args: argparse.Namespace) -> Path:
    path = args.file.expanduser().resolve() if args.file else settings.AUTH_FILE.read()
    if path is None:
        raise UsersFileError("Tentukan berkas pengguna dengan --file atau DASHBOARD_AUTH_FILE.")
    if path.is_relative_to(settings.PROJECT_ROOT):
        raise UsersFileError(
            f"Berkas pengguna harus di luar folder aplikasi ({settings.PROJECT_ROOT}), "
            "agar tidak ikut tersalin."
        )
    return path


def _when(epoch: float) -> str:
    return datetime.fromtimestamp(epoch).strftime("%d/%m/%Y %H:%M")


def run_cli(args: argparse.Namespace) -> int:
    """Exit codes: 0 done; 1 refused (bad name, role or password; user exists or is missing);
    2 the users file cannot be used."""
    try:
        path = _resolve_file(args)
        if args.action == "list":
            accounts = load_accounts(path)
            if not accounts:
                print(f"Belum ada pengguna di {path}.")
                return 0
            failures = load_failures(path)
            now = time.time()
            for account in accounts.values():
                status = "nonaktif" if account.disabled else "aktif"
                lock = failures.get(account.username, FailureState()).locked_until
                if lock > now:
                    status += f", terkunci s.d. {_when(lock)}"
                print(f"{account.username}\t{account.role}\t{status}")
            return 0
        if args.action in ("disable", "enable"):
            account = set_disabled(path, args.username, args.action == "disable")
            event = "user_disabled" if account.disabled else "user_enabled"
            audit.record(event, "cli", account.username, path=audit.log_path(path))
            state = "dinonaktifkan" if account.disabled else "diaktifkan"
            print(f"Pengguna '{account.username}' {state}.")
            return 0
        password = _read_password(args.password_stdin)
        if args.action == "add":
            account = add_user(path, args.username, args.role, password)
            detail = f"{account.username} ({account.role})"
            audit.record("user_added", "cli", detail, path=audit.log_path(path))
            print(f"Pengguna '{account.username}' ditambahkan dengan peran {account.role}.")
        else:
            account = reset_password(path, args.username, password)
            audit.record("user_reset", "cli", account.username, path=audit.log_path(path))
            print(f"Kata sandi '{account.username}' diganti; kunci dibuka.")
        return 0
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (UsersFileError, OSError) as exc:
        print(str(exc) if isinstance(exc, UsersFileError) else f"Berkas pengguna: {exc}", file=sys.stderr)
        return 2
