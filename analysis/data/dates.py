"""Dates and times as people write them: ``parse_date`` (Indonesian and English month names, day-first or
month-first numbers, a time and a zone), Excel serial day numbers, the order of a column's numeric dates,
clock times and time ranges in one cell.

Each parser takes one text and gives a value or a reason (an i18n key of ``loading.reason.*``); the loader
(``analysis.data.loading``) runs them once per distinct value, the Excel reader (``workbook``) for cells
it converts. Date-times with a zone come back in the local zone (``analysis.data.localtime``), naive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Literal

from analysis.data import localtime

MIN_YEAR, MAX_YEAR = 1970, 2100


_MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "pebruari", "feb", "peb", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "ags", "agust", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
_TIME = r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,]\d{1,6})?)?"
_DATE_FORMS = (
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
    r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})",
    r"(?P<d>\d{1,2})[\s\-/.]*(?P<mon>[a-z]+)\.?[\s\-/.]*(?P<y>\d{4})",
)
_AT = r"(?:[ t,]+|\s*,?\s*(?:pukul|pkl\.?|jam)\s*)"  # between date and time
# a zone word or an ISO 8601 offset (Z, +07:00, +0700, +07); the value is converted to the local zone
_ZONE = r"(?:\s*(?P<zone>wib|wita|wit|utc|gmt|z|[+-]\d{2}(?::?\d{2})?))?"
_DATE_RES = [re.compile(rf"^(?:{_WEEKDAY}[\s,]+)?{form}(?:{_AT}{_TIME}{_ZONE})?$") for form in _DATE_FORMS]
# the day-first numeric form with day and month swapped, for a column written month-first (US, Google Forms)
_MDY_RE = re.compile(
    _DATE_RES[1]
    .pattern.replace("(?P<d>", "(?P<tmp>")
    .replace("(?P<m>", "(?P<d>")
    .replace("(?P<tmp>", "(?P<m>")
)
# the first two numbers of a numeric date (day/month or month/day; never year first)
NUMERIC_DATE = re.compile(
    rf"^(?:{_WEEKDAY}[\s,]+)?(\d{{1,2}})[/.\-](\d{{1,2}})[/.\-](?:\d{{4}}|\d{{2}})(?!\d)"
)
DateOrder = Literal["dmy", "mdy"]
_TIME_RE = re.compile(rf"^(?:pukul|pkl\.?|jam)?\s*{_TIME}\s*(?:wib|wita|wit)?$")


def parse_date(text: str, order: DateOrder = "dmy") -> tuple[datetime | None, str | None]:
    """``"26 Mei 2025"``, ``"26/05/2025 21.15"``, ``"Senin, 26-05-2025"`` -> datetime; else a reason key.

    ``order``: how ``5/6/2025`` is read (``"dmy"``: 5 June, the Indonesian way; ``"mdy"``: 6 May). A date-time
    with a zone (``2025-05-26T14:15:00Z``, ``+07:00``, ``+07``, ``WITA``) comes back in the local zone
    (``analysis.data.localtime``), naive.

    >>> parse_date("26 Mei 2025")
    (datetime.datetime(2025, 5, 26, 0, 0), None)
    >>> parse_date("31/02/2025")
    (None, 'loading.reason.date_impossible')
    >>> parse_date("5/26/2025 10:15:33", "mdy")
    (datetime.datetime(2025, 5, 26, 10, 15, 33), None)
    """
    value = re.sub(r"\s+", " ", text.strip().lower())
    patterns = _DATE_RES if order == "dmy" else (_DATE_RES[0], _MDY_RE, _DATE_RES[2])
    for pattern in patterns:
        match = pattern.match(value)
        if not match:
            continue
        parts = match.groupdict()
        month = _MONTHS.get(parts["mon"]) if parts.get("mon") else int(parts["m"])
        if month is None:
            return None, "loading.reason.date_unreadable"
        year = int(parts["y"])
        year += 2000 if year < 100 else 0
        hour, minute, second = (int(parts[k] or 0) for k in ("H", "M", "S"))
        if hour > 23 or minute > 59 or second > 59:
            return None, "loading.reason.time_impossible"
        try:
            parsed = datetime(year, month, int(parts["d"]), hour, minute, second)
        except ValueError:
            return None, "loading.reason.date_impossible"
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None, "loading.reason.year_range"
        if parts.get("zone"):
            parsed = localtime.to_local(parsed.replace(tzinfo=_zone(parts["zone"])))
        return parsed, None
    return None, "loading.reason.date_unreadable"


def _zone(text: str) -> tzinfo:
    """``"z"``, ``"+07:00"``, ``"+0700"``, ``"+07"``, ``"wita"`` -> a fixed offset."""
    if text in ("z", "utc", "gmt"):
        return UTC
    if text.upper() in localtime.ZONES:
        return localtime.ZONES[text.upper()]
    digits = text[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return timezone(-offset if text[0] == "-" else offset)


# An Excel serial day number (days since 1899-12-30, a fraction for the time of day) in a date column:
# 20000-80000 covers 1954-2119, so no count or NRP-like number is taken for one.
SERIAL_RE = re.compile(r"^(\d{5})(?:[.,](\d+))?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def excel_serial(text: str) -> datetime | None:
    """``"45803"`` -> 2025-05-26, ``"45805.375"`` -> 2025-05-28 09:00; None when not a serial number.

    >>> excel_serial("45805.375")
    datetime.datetime(2025, 5, 28, 9, 0)
    """
    match = SERIAL_RE.match(text.strip())
    if not match or not 20_000 <= int(match.group(1)) <= 80_000:
        return None
    days = float(f"{match.group(1)}.{match.group(2) or 0}")
    seconds = round((days - int(days)) * 86400)  # to the second: Excel stores 09:00 as 0.375000000001
    return _EXCEL_EPOCH + timedelta(days=int(days), seconds=seconds)


def date_order(texts: Iterable[str]) -> tuple[DateOrder | Literal["mixed"], bool]:
    """How a column writes numeric dates, decided from its own values: (order, proven).

    A value whose first number is above 12 (``26/05/2025``) proves day-first; one whose second number is
    (``5/26/2025``) proves month-first; both kinds in one column make it ``"mixed"``. With no such value the
    Indonesian day-first is used, ``proven`` False (the caller warns when some value could be read both
    ways).

    >>> date_order(["5/26/2025", "5/6/2025"]), date_order(["05/06/2025"]), date_order(["26/05/25", "5/26/25"])
    (('mdy', True), ('dmy', False), ('mixed', True))
    """
    day_first = month_first = False
    for text in texts:
        match = NUMERIC_DATE.match(text.strip().lower())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        day_first |= first > 12 and second <= 12
        month_first |= second > 12 and first <= 12
    if day_first and month_first:
        return "mixed", True
    if month_first:
        return "mdy", True
    return "dmy", day_first


def two_readings(text: str) -> bool:
    """True when a numeric date reads as two different days (``05/06/2025``), False for ``05/05/2025``."""
    match = NUMERIC_DATE.match(text.strip().lower())
    if not match:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    return first <= 12 and second <= 12 and first != second


def parse_time(text: str) -> str | None:
    """``"09.30"``, ``"9:30"``, ``"09:30:00"``, ``"pukul 21.15 WIB"`` -> ``"HH:MM"``; None when unreadable."""
    match = _TIME_RE.match(re.sub(r"\s+", " ", text.strip().lower()))
    if not match:
        return None
    hour, minute = int(match["H"]), int(match["M"])
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


_CLOCK_PART = r"(?:pukul|pkl\.?|jam)?\s*(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?"
_RANGE_RE = re.compile(
    rf"^{_CLOCK_PART}\s*(?:wib|wita|wit)?\s*(?:s\.?\s?/?\s?d\.?|sampai(?: dengan)?|hingga|to|until|-|–|—|~)"
    rf"\s*{_CLOCK_PART}\s*(?:wib|wita|wit)?$"
)


def parse_time_range(text: str) -> tuple[str, str] | None:
    """Start and end written in one cell: ``"19.00 s/d 21.00 WIB"``, ``"08.00-11.59"``,
    ``"22:00–02:00"``, ``"08.00 sampai 11.59"`` -> ``("19:00", "21:00")``; None when not a range.

    >>> parse_time_range("19.00 s/d 21.00 WIB"), parse_time_range("22.00 - 02.00"), parse_time_range("09.00")
    (('19:00', '21:00'), ('22:00', '02:00'), None)
    """
    match = _RANGE_RE.match(re.sub(r"\s+", " ", text.strip().lower()))
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        return None
    return f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"
