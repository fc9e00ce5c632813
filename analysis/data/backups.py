"""Backups of the data files that imports replace, kept within bounds.

Before an import rewrites ``data/<kind>.csv`` the old file is copied to
``data/.backups/<stem>.<YYYYmmdd-HHMMSS-ffffff>.<sha16><suffix>`` (``sha16``: the first 16 hex digits of
the file's SHA-256). The rules:

- **an unchanged file is never backed up twice**: a backup with the same content hash already kept is
  enough;
- **retention**: per data file, the newest ``keep`` backups and none older than ``max_days`` days
  (settings ``DASHBOARD_BACKUP_KEEP``, default 20, and ``DASHBOARD_BACKUP_DAYS``, default 90, read in
  ``retention_from_env`` and nowhere else);
- copies are written atomically (``analysis.data.files.atomic_write_bytes``), so a killed import leaves at
  most a temporary file, which ``remove_stale`` deletes at the next start or import;
- ``restore`` puts a backup back atomically, after backing up the file it replaces (so a restore can be
  undone), under the same folder lock imports use.

Backups made before hashes were added (``<stem>.<timestamp><suffix>``) are listed and pruned too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from analysis.data.files import TEMP_SUFFIX, atomic_write_bytes, exclusive, remove_stale_temp_files

BACKUP_DIR = ".backups"
LOCK_NAME = ".import.lock"  # the same lock analysis.data.intake.folder_lock takes
DEFAULT_KEEP = 20
DEFAULT_MAX_DAYS = 90
KEEP_ENV = "DASHBOARD_BACKUP_KEEP"
DAYS_ENV = "DASHBOARD_BACKUP_DAYS"
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
STALE_TEMP_AGE_S = 15 * 60  # at start-up, without the lock: only temporary files this old are stale
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})(?:\.(?P<sha>[0-9a-f]{16}))?(?P<suffix>\.[^.]+)$"
)


@dataclass(frozen=True)
class Retention:
    """Keep at most ``keep`` backups per data file, none older than ``max_days`` days."""

    keep: int = DEFAULT_KEEP
    max_days: int = DEFAULT_MAX_DAYS


def _positive_int(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, "").strip() or default)
    except ValueError:
        return default
    return value if value >= 1 else default


def retention_from_env() -> Retention:
    """The retention settings: ``DASHBOARD_BACKUP_KEEP`` (20) and ``DASHBOARD_BACKUP_DAYS`` (90).

    A value that is not a whole number of at least 1 falls back to the default.
    """
    return Retention(_positive_int(KEEP_ENV, DEFAULT_KEEP), _positive_int(DAYS_ENV, DEFAULT_MAX_DAYS))


@dataclass(frozen=True)
class Backup:
    """One kept backup: its file, the data file it copies (``patrols.csv``), when it was made, its size."""

    path: Path
    data_file: str
    made: datetime
    size: int
    sha16: str | None

    @property
    def name(self) -> str:
        """The backup's file name (what ``restore`` takes as ``backup_name``)."""
        return self.path.name


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        made = datetime.strptime(match["stamp"], STAMP_FORMAT)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, f"{match['stem']}{match['suffix']}", made, size, match["sha"])


def list_backups(data_dir: Path, data_file: str | None = None) -> list[Backup]:
    """Every backup in ``data_dir/.backups`` (of ``data_file`` only, if given), newest first."""
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if p.is_file() and (b := _parse(p)) is not None]
    if data_file is not None:
        found = [b for b in found if b.data_file == data_file]
    return sorted(found, key=lambda b: (b.made, b.name), reverse=True)


def total_size(data_dir: Path) -> int:
    """Bytes taken by every file in ``data_dir/.backups`` (temporary files included)."""
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return 0
    total = 0
    for path in folder.iterdir():
        with contextlib.suppress(OSError):
            total += path.stat().st_size if path.is_file() else 0
    return total


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha16_of(backup: Backup) -> str | None:
    if backup.sha16:
        return backup.sha16
    try:
        return _sha256(backup.path.read_bytes())[:16]
    except OSError:
        return None


def backup_file(path: Path, when: datetime, retention: Retention | None = None) -> Path | None:
    """Keep a copy of ``path`` before it is replaced, then apply the retention rule.

    Returns the backup holding this content: a new one, or the one already kept when the file has not
    changed since (an unchanged file is never backed up twice); None when ``path`` does not exist.
    """
    if not path.exists():
        return None
    retention = retention or retention_from_env()
    data = path.read_bytes()
    sha16 = _sha256(data)[:16]
    folder = path.parent / BACKUP_DIR
    same = next((b for b in list_backups(path.parent, path.name) if _sha16_of(b) == sha16), None)
    if same is not None:
        target = same.path
    else:
        target = folder / f"{path.stem}.{when.strftime(STAMP_FORMAT)}.{sha16}{path.suffix}"
        atomic_write_bytes(target, data)
        with contextlib.suppress(OSError):  # the copy keeps the file's permissions and times
            source = path.stat()
            os.chmod(target, stat.S_IMODE(source.st_mode))
            os.utime(target, (source.st_atime, source.st_mtime))
    prune(path.parent, when, retention, protect=target)
    return target


def prune(data_dir: Path, now: datetime, retention: Retention, protect: Path | None = None) -> list[Path]:
    """Delete backups beyond ``retention`` (per data file: only the newest ``keep``, none older than
    ``max_days`` days before ``now``); ``protect`` is never deleted. Returns the deleted paths."""
    oldest = now - timedelta(days=retention.max_days)
    removed = []
    by_file: dict[str, list[Backup]] = {}
    for backup in list_backups(data_dir):
        by_file.setdefault(backup.data_file, []).append(backup)
    for backups in by_file.values():
        for rank, backup in enumerate(backups):  # newest first
            if backup.path == protect:
                continue
            if rank >= retention.keep or backup.made < oldest:
                with contextlib.suppress(OSError):
                    backup.path.unlink()
                    removed.append(backup.path)
    return removed


def remove_stale(data_dir: Path, data_files: list[str], older_than_s: float = 0.0) -> int:
    """Remove temporary files a killed import left next to the data files and among the backups.

    With ``older_than_s=0`` call only under the folder lock (``analysis.data.intake.folder_lock``).
    """
    removed = remove_stale_temp_files(data_dir, data_files, older_than_s)
    folder = data_dir / BACKUP_DIR
    if folder.is_dir():  # a backup's temporary copy is named after a backup that never appeared
        removed += sum(1 for p in folder.glob(f".*{TEMP_SUFFIX}") if _older(p, older_than_s) and _unlink(p))
    return removed


def _older(path: Path, seconds: float) -> bool:
    try:
        return datetime.now().timestamp() - path.stat().st_mtime >= seconds
    except OSError:
        return False


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def housekeeping(data_dir: Path, data_files: list[str]) -> int:
    """At start-up: remove stale temporary files (only those older than ``STALE_TEMP_AGE_S``, since an
    import in another process may be writing right now) and apply the retention rule. Never raises for a
    read-only or missing folder; returns the number of files removed."""
    try:
        removed = remove_stale(data_dir, data_files, STALE_TEMP_AGE_S)
        removed += len(prune(data_dir, datetime.now(), retention_from_env()))
    except OSError:
        return 0
    return removed


class RestoreRefused(Exception):
    """The backup cannot be restored (unknown name, gone, or not a backup of a data file)."""


def restore(data_dir: Path, backup_name: str, now: datetime | None = None) -> tuple[str, Path | None]:
    """Put the backup called ``backup_name`` back in place of its data file, atomically, under the folder
    lock. The file it replaces is backed up first (so the restore can itself be undone).

    Returns ``(data file name, backup of the replaced file or None)``; raises ``RestoreRefused``.
    """
    now = now or datetime.now()
    with exclusive(data_dir / LOCK_NAME):
        match = next((b for b in list_backups(data_dir) if b.name == backup_name), None)
        if match is None or "/" in backup_name or os.sep in backup_name:
            raise RestoreRefused(backup_name)
        try:
            data = match.path.read_bytes()
        except OSError as exc:
            raise RestoreRefused(backup_name) from exc
        target = data_dir / match.data_file
        previous = backup_file(target, now) if target.exists() else None
        atomic_write_bytes(target, data)
    return match.data_file, previous
