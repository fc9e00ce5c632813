"""An unexpected error, said in Bahasa for the person and logged with its details for the admin (issue 19).

``describe(exc, lang)`` names what happened: out of memory, disk full, file in use, permission denied, a
missing file, a read-only disk, or otherwise the error's kind and message; never an empty line.
``log_unexpected(exc, context)`` writes the traceback to the error log (``DASHBOARD_ERROR_LOG``, default
``<data folder>/.logs/errors.log``), never to the screen; when that file cannot be written the details are
dropped rather than shown.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from analysis.i18n import Lang, t

log = logging.getLogger("analysis.core.errors")
log.propagate = False  # never to the screen (Python's last-resort handler prints to stderr)

_BY_ERRNO: dict[int | None, str] = {
    errno.ENOSPC: "errors.disk_full",
    errno.EDQUOT: "errors.disk_full",
    errno.EACCES: "errors.permission",
    errno.EPERM: "errors.permission",
    errno.EBUSY: "errors.in_use",
    errno.ETXTBSY: "errors.in_use",
    errno.ENOENT: "errors.not_found",
    errno.EROFS: "errors.read_only",
    errno.ENOMEM: "errors.memory",
}
_WINDOWS_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (a file open in Excel)


def describe(exc: BaseException, lang: Lang = "id") -> str:
    """What went wrong, in one line a person can act on (no traceback, never empty)."""
    if isinstance(exc, MemoryError):
        return t("errors.memory", lang)
    if isinstance(exc, OSError):
        key = (
            "errors.in_use" if getattr(exc, "winerror", None) in _WINDOWS_IN_USE else _BY_ERRNO.get(exc.errno)
        )
        where = exc.filename or ""
        if key:
            return t(key, lang, path=where) + (f": {where}" if where and key != "errors.memory" else "")
        return t("errors.os", lang, reason=exc.strerror or type(exc).__name__, path=where)
    detail = str(exc).strip() or t("errors.no_detail", lang)
    return t("errors.other", lang, kind=type(exc).__name__, detail=detail)


def error_log_path() -> Path:
    """Where unexpected errors are logged: ``DASHBOARD_ERROR_LOG`` if set (``~`` expanded), else
    ``<data folder>/.logs/errors.log`` (``analysis.data.dataset.data_dir_from_env``). Not created here.
    """
    configured = os.environ.get("DASHBOARD_ERROR_LOG")
    if configured:
        return Path(configured).expanduser()
    from analysis.data.dataset import data_dir_from_env

    return data_dir_from_env() / ".logs" / "errors.log"


def log_unexpected(exc: BaseException, context: str) -> Path | None:
    """Append the error and its traceback to the error log; the log's path, or None if it cannot be
    written (a full disk, a read-only folder)."""
    path = error_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    try:
        log.error("unexpected error in %s: %r", context, exc, exc_info=(type(exc), exc, exc.__traceback__))
    finally:
        log.removeHandler(handler)
        handler.close()
    return path
