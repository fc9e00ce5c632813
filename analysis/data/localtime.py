"""The local time zone (setting ``DASHBOARD_TIMEZONE``, ``analysis.core.settings``), for loader and pages.

Indonesia has three zones and no daylight saving: WIB (UTC+7, Java and Sumatra, the default), WITA
(UTC+8, Bali, Nusa Tenggara, Kalimantan Timur/Selatan, Sulawesi) and WIT (UTC+9, Maluku, Papua). A
Polsek outside Java sets ``DASHBOARD_TIMEZONE=WITA`` (or ``WIT``); the IANA names ``Asia/Jakarta``,
``Asia/Makassar`` and ``Asia/Jayapura`` are accepted too. Date-times written with an offset (``Z``,
``+07:00``, ``+08``) or a zone word (``WITA``) are converted to this zone; the clean frames hold naive
local date-times.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo

from analysis.core import settings

DEFAULT_ZONE = settings.TIMEZONE.default
ZONES: dict[str, timezone] = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}
_IANA = {"asia/jakarta": "WIB", "asia/pontianak": "WIB", "asia/makassar": "WITA", "asia/jayapura": "WIT"}


def zone_name(value: str | None = None) -> str:
    """``"WIB"``, ``"WITA"`` or ``"WIT"`` from ``value`` (default: the ``DASHBOARD_TIMEZONE`` setting).

    An unknown setting falls back to WIB rather than stopping the app.

    >>> zone_name("wita"), zone_name("Asia/Jayapura"), zone_name("Mars"), zone_name("")
    ('WITA', 'WIT', 'WIB', 'WIB')
    """
    text = (settings.TIMEZONE.read() if value is None else value).strip()
    if text.upper() in ZONES:
        return text.upper()
    return _IANA.get(text.lower(), DEFAULT_ZONE)


def local_zone() -> tzinfo:
    """The configured zone as a fixed offset (no daylight saving anywhere in Indonesia)."""
    return ZONES[zone_name()]


def now() -> datetime:
    """The local wall-clock time, naive (as the clean frames hold date-times)."""
    return datetime.now(local_zone()).replace(tzinfo=None)


def today() -> date:
    """Today's date in the configured zone (not the server's own zone)."""
    return now().date()


def to_local(moment: datetime) -> datetime:
    """An aware date-time converted to the configured zone, returned naive; a naive one unchanged.

    >>> to_local(datetime(2025, 5, 26, 14, 15, tzinfo=timezone.utc))  # with the default WIB
    datetime.datetime(2025, 5, 26, 21, 15)
    """
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(local_zone()).replace(tzinfo=None)
