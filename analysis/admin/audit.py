"""The audit log: who did what, when. Append-only JSON lines, one event per line, file mode 0600.

Where: ``DASHBOARD_AUDIT_LOG`` if set; else ``audit.log`` next to the users file; else (local demo mode)
``audit.log`` in the data folder. Each line is ``{"ts": ISO-8601 with offset, "event", "user", "detail"}``;
JSON escaping keeps a hostile username or detail on its own line, so entries cannot be forged.

The log is rotated, not left to grow for ever: when it reaches ``DASHBOARD_AUDIT_MAX_MB`` (default 5 MB,
about 25,000 events) it becomes ``audit.log.1`` (the older ones ``.2`` ... ``.9``; the tenth is deleted)
and a new ``audit.log`` starts. ``read_events`` reads them all, oldest first.

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

from analysis.core import settings
from analysis.data.files import exclusive

LOG_NAME = "audit.log"
MAX_DETAIL = 500
KEEP = 9  # rotated files kept: audit.log.1 (newest) ... audit.log.9

EVENTS: frozenset[str] = frozenset(
    {
        "login_ok",
        "login_failed",
        "login_locked",
        "logout",
        "session_expired",
        "export",
        "import",
        "restore",
        "user_added",
        "user_disabled",
        "user_enabled",
        "user_reset",
    }
)


def log_path(users_file: Path | None = None) -> Path:
    """Where events are appended (see the module docstring)."""
    configured = settings.AUDIT_LOG.read()
    if configured is not None:
        return configured
    if users_file is not None:
        return users_file.with_name(LOG_NAME)
    return settings.DATA_DIR.read() / LOG_NAME


def record(event: str, user: str, detail: str = "", path: Path | None = None) -> None:
    """Append one event. ``event`` must be one of ``EVENTS`` (a typo fails loudly instead of logging
    nonsense); ``detail`` is cut to 500 characters. The line goes out in a single ``O_APPEND`` write so
    concurrent sessions never interleave inside a line."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event: {event!r}")
    target = path or log_path(settings.AUTH_FILE.read())
    entry = {
        "ts": datetime.now().astimezone().isoformat(timespec="seconds"),
        "event": event,
        "user": str(user),
        "detail": str(detail)[:MAX_DETAIL],
    }
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    if _size(target) >= max_bytes():
        with exclusive(target.with_name(target.name + ".lock")):
            if _size(target) >= max_bytes():  # another session may have rotated it meanwhile
                _rotate(target)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def read_events(path: Path | None = None) -> list[dict]:
    """Every event in the log and its rotated files, oldest first (empty when there is no log yet)."""
    target = path or log_path(settings.AUTH_FILE.read())
    files = [_rotated(target, i) for i in range(KEEP, 0, -1)] + [target]
    events: list[dict] = []
    for file in files:
        if file.exists():
            with open(file, encoding="utf-8") as handle:
                events.extend(json.loads(line) for line in handle if line.strip())
    return events


def max_bytes() -> int:
    """The size at which the log is rotated: ``DASHBOARD_AUDIT_MAX_MB`` megabytes (default 5)."""
    return max(1, int(settings.AUDIT_MAX_MB.read() * 1024 * 1024))


def _rotated(target: Path, number: int) -> Path:
    return target.with_name(f"{target.name}.{number}")


def _size(target: Path) -> int:
    try:
        return target.stat().st_size
    except OSError:
        return 0


def _rotate(target: Path) -> None:
    """audit.log -> audit.log.1, .1 -> .2, ...; the oldest beyond ``KEEP`` is deleted."""
    _rotated(target, KEEP).unlink(missing_ok=True)
    for number in range(KEEP - 1, 0, -1):
        if _rotated(target, number).exists():
            os.replace(_rotated(target, number), _rotated(target, number + 1))
    os.replace(target, _rotated(target, 1))
