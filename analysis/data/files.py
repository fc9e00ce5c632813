"""Writing files safely: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new one, never half of either.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over ``path``; on
    any failure the temporary file is removed and ``path`` is untouched. An existing file keeps its
    permission bits (a 0644 data file stays 0644, so an import under another account cannot lock the app
    out); a new file is created 0600. Temporary files are named ``.<name>.<random>.tmp``
    (``stale_temp_files`` finds those a killed process left behind).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = None
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        if mode is not None:
            os.chmod(temp_name, mode)
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def stale_temp_files(folder: Path, names: Iterable[str], older_than_s: float = 0.0) -> list[Path]:
    """Temporary files ``atomic_write_bytes`` left in ``folder`` for the files called ``names`` (a process
    killed between writing and renaming), last modified more than ``older_than_s`` seconds ago.

    Only call with ``older_than_s=0`` while holding the lock every writer of those files holds.
    """
    now = time.time()
    found = []
    for name in names:
        for candidate in folder.glob(f".{glob.escape(name)}.*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                if now - candidate.stat().st_mtime >= older_than_s:
                    found.append(candidate)
    return sorted(found)


def remove_stale_temp_files(folder: Path, names: Iterable[str], older_than_s: float = 0.0) -> int:
    """Delete ``stale_temp_files(folder, names, older_than_s)``; the number removed (errors ignored)."""
    removed = 0
    for path in stale_temp_files(folder, names, older_than_s):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


@contextlib.contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (created, mode 0600) while the block runs, so processes and
    sessions never interleave a read-modify-write. POSIX ``flock``; on Windows ``msvcrt.locking``, which
    retries for about ten seconds and then raises ``OSError``."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]  # Windows-only names
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # Windows-only names
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
