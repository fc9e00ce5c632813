"""Every setting of the dashboard, read here and nowhere else.

A setting is an environment variable (``DASHBOARD_...``) read **at call time**: ``DATA_DIR.read()`` looks at
the environment each time it is called, so a test's ``monkeypatch.setenv`` and a changed deployment both
take effect without a restart of the module. An empty or unset variable gives the default; a value the
setting cannot use (a word where a number belongs, a number out of range) gives the default too, never a
crash and never a missing limit (the file limits also log a warning naming the variable).

Each setting is a ``Setting`` with its variable ``name``, ``default``, ``unit`` and ``meaning``;
``SETTINGS`` lists them all in the order of ``table()``, the Markdown table the README's Configuration
section documents. Besides the environment, two values come from files of the project:

- ``upload_limit_bytes()``: Streamlit's ``server.maxUploadSize`` (MB) in ``.streamlit/config.toml``;
- the project's own folders (``PROJECT_ROOT``, ``BUNDLED_DATA_DIR``, ``REFERENCE_DIR``, ``STREAMLIT_CONFIG``),
  computed once from where this file is.

This module imports nothing of the project: every room may ask it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# --- the project's folders (not settings: where the code is) ------------------------------------------------

PROJECT_ROOT: Path = Path(__file__).resolve().parents[2]
BUNDLED_DATA_DIR: Path = PROJECT_ROOT / "data"  # the sample data shipped with the app
REFERENCE_DIR: Path = BUNDLED_DATA_DIR / "reference"  # kelurahan boundaries, categories, calendar
STREAMLIT_CONFIG: Path = PROJECT_ROOT / ".streamlit" / "config.toml"
DEFAULT_UPLOAD_MB = 20  # Streamlit's own default for server.maxUploadSize


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One environment variable: ``read()`` gives its value (type ``T``) or ``default``.

    ``parse`` turns the stripped, non-empty text into the value and raises ``ValueError`` for a value the
    setting refuses (the default is used then; ``warn`` also logs a warning naming the variable).
    ``shown_default`` is the default as the documentation writes it.
    """

    name: str
    default: T
    unit: str
    meaning: str
    parse: Callable[[str], T]
    shown_default: str = ""
    warn: bool = False

    def read(self, env: Mapping[str, str] | None = None) -> T:
        """The value now (from ``os.environ``, or ``env`` when given)."""
        text = (os.environ if env is None else env).get(self.name, "").strip()
        if not text:
            return self.default
        try:
            return self.parse(text)
        except ValueError:
            if self.warn:
                log.warning("%s=%r is not usable (%s); the default is used", self.name, text, self.unit)
            return self.default


# --- parsers: text (stripped, never empty) -> value, ValueError when refused --------------------------------


def _path(text: str) -> Path:
    return Path(text).expanduser().resolve()


def _whole_at_least_one(text: str) -> int:
    value = int(text.replace("_", ""))
    if value < 1:
        raise ValueError(text)
    return value


def _positive(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise ValueError(text)
    return value


def _session_minutes(text: str) -> float:
    value = float(text)
    if not 1 <= value <= 720:
        raise ValueError(text)
    return value


def _tiles(text: str) -> str | None:
    return "osm" if text.lower() == "osm" else None


# --- where things are ---------------------------------------------------------------------------------------

DATA_DIR: Setting[Path] = Setting(
    "DASHBOARD_DATA_DIR",
    BUNDLED_DATA_DIR,
    "folder",
    "the data folder: read by every page, written by imports",
    _path,
    "`data/`",
)
AUTH_FILE: Setting[Path | None] = Setting(
    "DASHBOARD_AUTH_FILE",
    None,
    "file",
    "the users file (outside the app folder); set, it turns the login on",
    _path,
    "none: local demo on 127.0.0.1 only",
)
AUDIT_LOG: Setting[Path | None] = Setting(
    "DASHBOARD_AUDIT_LOG",
    None,
    "file",
    "the audit log (who did what, when)",
    _path,
    "`audit.log` next to the users file, else in the data folder",
)
ERROR_LOG: Setting[Path | None] = Setting(
    "DASHBOARD_ERROR_LOG",
    None,
    "file",
    "details of unexpected command-line errors, for the admin",
    lambda text: Path(text).expanduser(),
    "`<data folder>/.logs/errors.log`",
)

# --- how the app behaves ------------------------------------------------------------------------------------

TIMEZONE: Setting[str] = Setting(
    "DASHBOARD_TIMEZONE",
    "WIB",
    "zone",
    "the local time zone (`WIB`, `WITA`, `WIT` or an IANA name; see analysis.data.localtime)",
    str,
    "`WIB`",
)
TILES: Setting[str | None] = Setting(
    "DASHBOARD_TILES",
    None,
    "`osm` or none",
    "online base map tiles under the kelurahan (machines with internet)",
    _tiles,
    "none: polygons on a plain background",
)
SESSION_MINUTES: Setting[float] = Setting(
    "DASHBOARD_SESSION_MINUTES",
    30.0,
    "minutes (1–720)",
    "inactivity before a signed-in session ends",
    _session_minutes,
    "30",
)
AUDIT_MAX_MB: Setting[float] = Setting(
    "DASHBOARD_AUDIT_MAX_MB",
    5.0,
    "MB",
    "audit log size at which it is rotated (9 old files kept)",
    float,
    "5",
)
USER: Setting[str] = Setting(
    "USER",
    "",
    "name",
    "the operating-system user: who the command line's imports are logged as (else `--user`)",
    str,
    "empty",
)

# --- imports: backups and the parse worker ------------------------------------------------------------------

BACKUP_KEEP: Setting[int] = Setting(
    "DASHBOARD_BACKUP_KEEP", 20, "backups", "backups kept per data file", _whole_at_least_one, "20"
)
BACKUP_DAYS: Setting[int] = Setting(
    "DASHBOARD_BACKUP_DAYS", 90, "days", "age of the oldest backup kept", _whole_at_least_one, "90"
)
PARSE_SECONDS: Setting[float] = Setting(
    "DASHBOARD_PARSE_SECONDS", 120.0, "seconds", "time budget to parse one upload", _positive, "120"
)
PARSE_MEMORY_MB: Setting[int] = Setting(
    "DASHBOARD_PARSE_MEMORY_MB",
    1024,
    "MB",
    "extra memory one upload's parse may take",
    lambda text: int(_positive(text)),
    "1024",
)

# --- file limits (analysis.data.limits): a mistyped value keeps the limit and logs a warning ----------------


def _limit(name: str, default: int, unit: str, meaning: str) -> Setting[int]:
    return Setting(name, default, unit, meaning, _whole_at_least_one, f"{default:,}", warn=True)


MAX_FILE_MB = _limit("DASHBOARD_MAX_FILE_MB", 512, "MB", "largest file read (CSV or Excel)")
MAX_ROWS = _limit("DASHBOARD_MAX_ROWS", 1_000_000, "rows", "data rows in one file or sheet")
MAX_COLUMNS = _limit("DASHBOARD_MAX_COLUMNS", 200, "columns", "columns in any line or sheet row")
MAX_CELL_CHARS = _limit("DASHBOARD_MAX_CELL_CHARS", 100_000, "characters", "characters in one cell")
MAX_CELLS = _limit("DASHBOARD_MAX_CELLS", 30_000_000, "cells", "cells (rows × columns) in one file or sheet")
MAX_UNZIPPED_MB = _limit("DASHBOARD_MAX_UNZIPPED_MB", 1024, "MB", "an Excel file's parts once unzipped")

SETTINGS: tuple[Setting, ...] = (
    DATA_DIR,
    AUTH_FILE,
    AUDIT_LOG,
    ERROR_LOG,
    TIMEZONE,
    TILES,
    SESSION_MINUTES,
    AUDIT_MAX_MB,
    USER,
    BACKUP_KEEP,
    BACKUP_DAYS,
    PARSE_SECONDS,
    PARSE_MEMORY_MB,
    MAX_FILE_MB,
    MAX_ROWS,
    MAX_COLUMNS,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_UNZIPPED_MB,
)


def table() -> str:
    """The settings as a Markdown table: variable, default, unit, meaning."""
    rows = ["| variable | default | unit | meaning |", "|---|---|---|---|"]
    rows += [f"| `{s.name}` | {s.shown_default or s.default} | {s.unit} | {s.meaning} |" for s in SETTINGS]
    return "\n".join(rows)


def upload_limit_bytes(config_path: Path = STREAMLIT_CONFIG) -> int:
    """``server.maxUploadSize`` (MB) from the Streamlit config, in bytes; 20 MB if the file says nothing
    or cannot be read.

    The browser refuses larger files itself, but scripts and tests do not go through the browser.
    """
    megabytes = DEFAULT_UPLOAD_MB
    with contextlib.suppress(OSError, tomllib.TOMLDecodeError):
        megabytes = int(
            tomllib.loads(config_path.read_text("utf-8"))
            .get("server", {})
            .get("maxUploadSize", DEFAULT_UPLOAD_MB)
        )
    return megabytes * 1024 * 1024
