"""Dashboard users: the users file, roles, password checks and the failed-login policy.

The users file is JSON, lives outside the repository (path from ``DASHBOARD_AUTH_FILE``) and holds bcrypt
hashes only; it is written atomically with mode 0600. Failed logins are counted in a sidecar file
(``<users file>.lockout.json``) so a new browser session cannot reset the counter, and the app never needs
to rewrite the users file itself. Both files are changed under an exclusive lock (``<users file>.lock``).

Command line (``python -m analysis users ...``): ``add``, ``list``, ``disable``, ``enable``, ``reset``.
Passwords are read from standard input (``--password-stdin``) or typed without echo; they are never
printed, logged, passed as arguments or written anywhere in clear text.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import getpass
import json
import os
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import bcrypt

from analysis.admin import audit
from analysis.data.files import atomic_write_bytes, exclusive

Role = Literal["kapolsek", "analis", "tamu"]
ROLES: tuple[Role, ...] = ("kapolsek", "analis", "tamu")
ENV_AUTH_FILE = "DASHBOARD_AUTH_FILE"
ENV_SESSION_MINUTES = "DASHBOARD_SESSION_MINUTES"
DEFAULT_SESSION_MINUTES = 30.0
PROJECT_ROOT = Path(__file__).resolve().parents[2]
BCRYPT_ROUNDS = 12  # about 0.3 s per check here: slow for guessing, unnoticed at login
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_BYTES = 72  # bcrypt's limit; longer passwords are refused, never silently cut
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


class UsersFileError(Exception):
    """The users file cannot be read or written (message in Bahasa)."""


@dataclass(frozen=True)
class User:
    """Who is logged in: small and picklable, kept in Streamlit's session state."""

    username: str
    role: Role
    demo: bool = False


@dataclass(frozen=True)
class Account:
    """One entry of the users file."""

    username: str
    role: Role
    password_hash: str
    disabled: bool = False
    changed_at: str = ""


@dataclass(frozen=True)
class LockoutPolicy:
    """After ``slow_after`` failures each attempt must wait longer; ``lock_after`` failures lock the account.

    The wait doubles from ``first_delay_s``; a lock lasts ``lock_minutes``. A success clears the count, and
    so does a quiet spell of ``lock_minutes``: one typo a week never adds up to a lock.
    """

    slow_after: int = 3
    first_delay_s: float = 5.0
    lock_after: int = 6
    lock_minutes: float = 15.0

    def delay_after(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th consecutive failure before the next attempt.

        >>> [LockoutPolicy().delay_after(n) for n in range(1, 6)]
        [0.0, 0.0, 5.0, 10.0, 20.0]
        """
        if failures < self.slow_after:
            return 0.0
        return self.first_delay_s * 2 ** (failures - self.slow_after)


@dataclass(frozen=True)
class FailureState:
    """Failed logins of one user: ``failures`` since the last success or quiet spell, ``last_failure`` and
    ``locked_until`` in epoch seconds (0.0: never / not locked). Kept in ``lockout_path(users_file)``.
    """

    failures: int = 0
    last_failure: float = 0.0  # epoch seconds
    locked_until: float = 0.0


LoginStatus = Literal["ok", "failed", "wait", "locked"]


@dataclass(frozen=True)
class LoginResult:
    """``ok`` with a user; ``failed`` (wrong name, wrong password or disabled: the user is told the same);
    ``wait`` (too soon after the last failure) or ``locked``, both with ``retry_at`` (epoch seconds)."""

    status: LoginStatus
    user: User | None = None
    retry_at: float = 0.0
    reason: str = ""  # for the audit log only: "unknown", "password", "disabled", "slowed", "locked"


# ---------------------------------------------------------------------------------------------------------
# Passwords


@functools.cache
def _dummy_hash() -> str:
    """A real hash of a random password: checked when the username is unknown, so an unknown name takes
    as long to refuse as a wrong password and timing does not reveal which usernames exist."""
    return bcrypt.hashpw(os.urandom(16), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode("ascii")


def hash_password(password: str) -> str:
    """A bcrypt hash of ``password`` (cost ``BCRYPT_ROUNDS``)."""
    check_password_rules(password)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    """True when ``password`` matches ``password_hash``; a malformed hash or over-long password is False."""
    encoded = password.encode("utf-8")
    if len(encoded) > MAX_PASSWORD_BYTES:
        return False
    try:
        return bcrypt.checkpw(encoded, password_hash.encode("ascii"))
    except ValueError:
        return False


def check_password_rules(password: str, username: str = "") -> None:
    """Raise ``ValueError`` (message in Bahasa) for a password too short, too long or equal to the name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise ValueError(f"Kata sandi maksimal {MAX_PASSWORD_BYTES} byte.")
    if username and password.strip().lower() == username.lower():
        raise ValueError("Kata sandi tidak boleh sama dengan nama pengguna.")


def normalise_username(username: str) -> str:
    """Lower-cased and checked: 2–32 characters of ``a-z 0-9 . _ -``, starting with a letter or digit."""
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise ValueError(
            "Nama pengguna harus 2–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."
        )
    return name


# ---------------------------------------------------------------------------------------------------------
# Files


def auth_file_from_env() -> Path | None:
    """``DASHBOARD_AUTH_FILE`` as a path, or None when it is not set."""
    configured = os.environ.get(ENV_AUTH_FILE, "").strip()
    return Path(configured).expanduser().resolve() if configured else None


def lockout_path(users_file: Path) -> Path:
    """The lockout file beside ``users_file`` (``<users file>.lockout.json``): failure counts per user."""
    return users_file.with_name(users_file.name + ".lockout.json")


def _lock_path(users_file: Path) -> Path:
    return users_file.with_name(users_file.name + ".lock")


@contextlib.contextmanager
def _exclusive(users_file: Path) -> Iterator[None]:
    """Hold an exclusive lock so the CLI and several app sessions never interleave read-modify-write."""
    users_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with exclusive(_lock_path(users_file)):
        yield


def _write_json_atomic(path: Path, payload: object) -> None:
    """Atomic write (analysis.data.files); the temporary file, and so the result, has mode 0600."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            payload = json.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsersFileError(f"Berkas {path} tidak dapat dibaca: {exc.__class__.__name__}") from exc
    if not isinstance(payload, dict):
        raise UsersFileError(f"Berkas {path} bukan objek JSON.")
    return payload


def load_accounts(users_file: Path) -> dict[str, Account]:
    """Every account in the users file (empty when the file does not exist); raises ``UsersFileError``."""
    payload = _read_json(users_file)
    accounts: dict[str, Account] = {}
    for name, entry in (payload.get("users") or {}).items():
        if not isinstance(entry, dict) or entry.get("role") not in ROLES or not entry.get("password_hash"):
            raise UsersFileError(f"Entri pengguna '{name}' di {users_file} tidak lengkap.")
        accounts[name] = Account(
            username=name,
            role=entry["role"],
            password_hash=str(entry["password_hash"]),
            disabled=bool(entry.get("disabled", False)),
            changed_at=str(entry.get("changed_at", "")),
        )
    return accounts


def save_accounts(users_file: Path, accounts: dict[str, Account]) -> None:
    """Write ``accounts`` (username -> ``Account``) as the users file, ``{"version": 1, "users": {...}}``
    sorted by name, atomically and with mode 0600. The caller holds the users-file lock. Raises ``OSError``
    when the file cannot be written.
    """
    users = {
        a.username: {
            "role": a.role,
            "password_hash": a.password_hash,
            "disabled": a.disabled,
            "changed_at": a.changed_at,
        }
        for a in sorted(accounts.values(), key=lambda a: a.username)
    }
    _write_json_atomic(users_file, {"version": 1, "users": users})


def has_enabled_users(users_file: Path | None) -> bool:
    """True when ``users_file`` exists and holds at least one enabled account (login is then required)."""
    if users_file is None or not users_file.exists():
        return False
    return any(not a.disabled for a in load_accounts(users_file).values())


def _load_failures(users_file: Path) -> dict[str, FailureState]:
    raw = _read_json(lockout_path(users_file))
    return {
        name: FailureState(
            int(v.get("failures", 0)), float(v.get("last_failure", 0)), float(v.get("locked_until", 0))
        )
        for name, v in raw.items()
        if isinstance(v, dict)
    }


def _save_failures(users_file: Path, failures: dict[str, FailureState]) -> None:
    payload = {
        name: {"failures": s.failures, "last_failure": s.last_failure, "locked_until": s.locked_until}
        for name, s in failures.items()
        if s.failures or s.locked_until
    }
    _write_json_atomic(lockout_path(users_file), payload)


def failure_state(users_file: Path, username: str) -> FailureState:
    """``username``'s failed-login state from the lockout file; ``FailureState()`` when none is kept."""
    return _load_failures(users_file).get(username, FailureState())


# ---------------------------------------------------------------------------------------------------------
# Login


def authenticate(
    users_file: Path,
    username: str,
    password: str,
    now: float | None = None,
    policy: LockoutPolicy = LockoutPolicy(),
) -> LoginResult:
    """Check a login attempt against the users file and the persisted failure count.

    An unknown name gets exactly the answers a real one would (a bcrypt check, then waits and a lock after
    repeated failures), so neither the time taken nor the messages tell which usernames exist. Its count
    is kept in memory only (``_UNKNOWN_FAILURES``), so the lockout file cannot be filled with invented
    names; the audit reason still says ``unknown``.
    """
    now = time.time() if now is None else now
    try:
        name = normalise_username(username)
    except ValueError:
        verify_password(password, _dummy_hash())
        return LoginResult("failed", reason="unknown")
    with _exclusive(users_file):
        account = load_accounts(users_file).get(name)
        failures = _load_failures(users_file) if account is not None else {}
        state = failures.get(name) if account is not None else _UNKNOWN_FAILURES.get(name)
        state = state or FailureState()
        if state.locked_until > now:
            return LoginResult(
                "locked", retry_at=state.locked_until, reason="locked" if account else "unknown"
            )
        if state.locked_until or now - state.last_failure > policy.lock_minutes * 60:
            state = FailureState()  # an expired lock, or old failures, start a fresh count
        not_before = state.last_failure + policy.delay_after(state.failures)
        if state.failures and not_before > now:
            return LoginResult("wait", retry_at=not_before, reason="slowed" if account else "unknown")
        correct = verify_password(password, account.password_hash if account else _dummy_hash())
        if account is not None and correct and not account.disabled:
            if name in failures:
                del failures[name]
                _save_failures(users_file, failures)
            return LoginResult("ok", user=User(name, account.role))
        count = state.failures + 1
        locked_until = now + policy.lock_minutes * 60 if count >= policy.lock_after else 0.0
        if account is not None:
            failures[name] = FailureState(count, now, locked_until)
            _save_failures(users_file, failures)
            reason = "disabled" if account.disabled else "password"
        else:
            _UNKNOWN_FAILURES.put(name, FailureState(count, now, locked_until))
            reason = "unknown"
        if locked_until:
            return LoginResult("locked", retry_at=locked_until, reason=reason)
        return LoginResult("failed", retry_at=now + policy.delay_after(count), reason=reason)


class _RecentFailures:
    """Failure counts of names that are not accounts: in memory, the most recent ``size`` names only."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self.states: OrderedDict[str, FailureState] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, name: str) -> FailureState | None:
        with self.lock:
            return self.states.get(name)

    def put(self, name: str, state: FailureState) -> None:
        with self.lock:
            self.states[name] = state
            self.states.move_to_end(name)
            while len(self.states) > self.size:
                self.states.popitem(last=False)


_UNKNOWN_FAILURES = _RecentFailures()


def session_minutes_from_env() -> float:
    """Minutes of inactivity after which a session ends: ``DASHBOARD_SESSION_MINUTES`` (1–720), else 30."""
    try:
        minutes = float(os.environ.get(ENV_SESSION_MINUTES, DEFAULT_SESSION_MINUTES))
    except ValueError:
        return DEFAULT_SESSION_MINUTES
    return minutes if 1 <= minutes <= 720 else DEFAULT_SESSION_MINUTES


def session_expired(last_seen: float, now: float, minutes: float) -> bool:
    """True when more than ``minutes`` passed since ``last_seen`` (both epoch seconds).

    >>> session_expired(0, 30 * 60, 30), session_expired(0, 30 * 60 + 1, 30)
    (False, True)
    """
    return now - last_seen > minutes * 60


def current_account(users_file: Path, username: str) -> Account | None:
    """The account as the file says now (None if removed): a disabled user is logged out at once."""
    return load_accounts(users_file).get(username)


# ---------------------------------------------------------------------------------------------------------
# Management (used by the CLI and the tests)


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def add_user(users_file: Path, username: str, role: str, password: str) -> Account:
    """Add an account; raises ``ValueError`` for a bad name, role, password or an existing name."""
    name = normalise_username(username)
    if role not in ROLES:
        raise ValueError(f"Peran harus salah satu dari: {', '.join(ROLES)}.")
    check_password_rules(password, name)
    with _exclusive(users_file):
        accounts = load_accounts(users_file)
        if name in accounts:
            raise ValueError(f"Pengguna '{name}' sudah ada; pakai 'reset' untuk mengganti kata sandi.")
        account = Account(name, role, hash_password(password), False, _stamp())
        save_accounts(users_file, {**accounts, name: account})
    return account


def set_disabled(users_file: Path, username: str, disabled: bool) -> Account:
    """Disable (``disabled=True``) or enable ``username`` (normalised), stamping ``changed_at``; the new
    ``Account``. Raises ``ValueError`` (Bahasa message) when there is no such user.
    """
    name = normalise_username(username)
    with _exclusive(users_file):
        accounts = load_accounts(users_file)
        if name not in accounts:
            raise ValueError(f"Pengguna '{name}' tidak ada.")
        old = accounts[name]
        account = Account(name, old.role, old.password_hash, disabled, _stamp())
        save_accounts(users_file, {**accounts, name: account})
    return account


def reset_password(users_file: Path, username: str, password: str) -> Account:
    """Set a new password and clear the failure count and any lock."""
    name = normalise_username(username)
    check_password_rules(password, name)
    with _exclusive(users_file):
        accounts = load_accounts(users_file)
        if name not in accounts:
            raise ValueError(f"Pengguna '{name}' tidak ada.")
        old = accounts[name]
        account = Account(name, old.role, hash_password(password), old.disabled, _stamp())
        save_accounts(users_file, {**accounts, name: account})
        failures = _load_failures(users_file)
        if name in failures:
            del failures[name]
            _save_failures(users_file, failures)
    return account


# ---------------------------------------------------------------------------------------------------------
# CLI


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
    path = args.file.expanduser().resolve() if args.file else auth_file_from_env()
    if path is None:
        raise UsersFileError("Tentukan berkas pengguna dengan --file atau DASHBOARD_AUTH_FILE.")
    if path.is_relative_to(PROJECT_ROOT):
        raise UsersFileError(
            f"Berkas pengguna harus di luar folder aplikasi ({PROJECT_ROOT}), agar tidak ikut tersalin."
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
            failures = _load_failures(path)
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
