"""The audit log: who did what, when. Append-only JSON lines, one event per line, file mode 0600.

Where: ``DASHBOARD_AUDIT_LOG`` if set; else ``audit.log`` next to the users file; else (local demo mode)
``audit.log`` in the data folder. Each line is ``{"ts": ISO-8601 with offset, "event", "user", "detail"}``;
JSON escaping keeps a hostile username or detail on its own line, so entries cannot be forged.

>>> import tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "audit.log"
>>> record("export", "siti", "complaints.csv", path=log)
>>> [(e["event"], e["user"], e["detail"]) for e in read_events(log)]
[('export', 'siti', 'complaints.csv')]
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

ENV_AUDIT_LOG = "DASHBOARD_AUDIT_LOG"
LOG_NAME = "audit.log"
MAX_DETAIL = 500

EVENTS: frozenset[str] = frozenset(
    {
        "login_ok",
        "login_failed",
        "login_locked",
        "logout",
        "session_expired",
        "export",
        "import",
        "user_added",
        "user_disabled",
        "user_enabled",
        "user_reset",
    }
)


def log_path(users_file: Path | None = None) -> Path:
    """Where events are appended (see the module docstring)."""
    configured = os.environ.get(ENV_AUDIT_LOG, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    if users_file is not None:
        return users_file.with_name(LOG_NAME)
    from analysis.dataset import data_dir_from_env

    return data_dir_from_env() / LOG_NAME


def record(event: str, user: str, detail: str = "", path: Path | None = None) -> None:
    """Append one event. ``event`` must be one of ``EVENTS`` (a typo fails loudly instead of logging
    nonsense); ``detail`` is cut to 500 characters. The line goes out in a single ``O_APPEND`` write so
    concurrent sessions never interleave inside a line."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event: {event!r}")
    target = path or log_path(_users_file_from_env())
    entry = {
        "ts": datetime.now().astimezone().isoformat(timespec="seconds"),
        "event": event,
        "user": str(user),
        "detail": str(detail)[:MAX_DETAIL],
    }
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def read_events(path: Path | None = None) -> list[dict]:
    """Every event in the log, oldest first (empty when there is no log yet)."""
    target = path or log_path(_users_file_from_env())
    if not target.exists():
        return []
    with open(target, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _users_file_from_env() -> Path | None:
    from analysis.users import auth_file_from_env

    return auth_file_from_env()
