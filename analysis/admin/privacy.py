"""Personal data: what each role may see, masking of reporter columns, scrubbing of free text.

Roles (issue 8): ``kapolsek`` sees everything; ``analis`` sees everything and may import data; ``tamu``
sees aggregates only: personal data masked, no row-level downloads, no Data page, no import. The local
demo (``LOCAL_DEMO``: no users file, served to this computer only) may do everything, import included: it
has no accounts to tell people apart. Any other role string gets the least: a typo never widens access.
This table is the only place that says who may do what; ui/ asks it through the ``may_*`` functions.

Phone numbers are masked completely (``"****"``), not partially: the last digits of a number shown on a
projector still identify a caller in a small kelurahan, and no briefing needs them.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.data.schema import Kind, personal_columns

MASK = "****"
# Not a role a users file can give (analysis.admin.users.ROLES): the session of the local demo.
LOCAL_DEMO = "demo"
_PERMISSIONS: dict[str, frozenset[str]] = {
    "kapolsek": frozenset({"personal", "download_rows", "data_page"}),
    "analis": frozenset({"personal", "download_rows", "data_page", "import"}),
    "tamu": frozenset(),
    LOCAL_DEMO: frozenset({"personal", "download_rows", "data_page", "import"}),
}


def _may(role: str | None, permission: str) -> bool:
    return permission in _PERMISSIONS.get(role or "", frozenset())


def can_see_personal(role: str | None) -> bool:
    """Reporter names and phone numbers in clear: kapolsek and analis.

    >>> can_see_personal("kapolsek"), can_see_personal("tamu"), can_see_personal("admin")
    (True, False, False)
    """
    return _may(role, "personal")


def may_download_rows(role: str | None) -> bool:
    """Row-level CSV/Excel downloads (aggregate tables and charts stay available to everyone)."""
    return _may(role, "download_rows")


def may_open_data_page(role: str | None) -> bool:
    """The Data page (row tables, validation reports): not for tamu."""
    return _may(role, "data_page")


def may_import(role: str | None) -> bool:
    """Data intake (upload and merge): analis, and the local demo.

    >>> may_import("analis"), may_import(LOCAL_DEMO), may_import("kapolsek"), may_import("tamu")
    (True, True, False, False)
    """
    return _may(role, "import")


def mask_name(name: object) -> object:
    """``"Siti Aminah"`` -> ``"S***"``; blank or missing stays as it is.

    >>> mask_name("Siti Aminah"), mask_name("  budi"), mask_name("")
    ('S***', 'B***', '')
    """
    if not isinstance(name, str) or not name.strip():
        return name
    return name.strip()[0].upper() + "***"


def mask_phone(phone: object) -> object:
    """Any non-blank phone number -> ``"****"``; blank or missing stays as it is."""
    if not isinstance(phone, str) or not phone.strip():
        return phone
    return MASK


def mask_personal(df: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """A copy of ``df`` with the personal columns of ``kind`` masked (names to an initial, phones fully).

    Columns missing from ``df`` are skipped; ``df`` itself is never changed. Call it unless
    ``can_see_personal(role)``; the briefing calls it always.
    """
    present = [c for c in personal_columns(kind) if c in df.columns]
    if not present:
        return df
    masked = {}
    for column in present:
        masker = mask_phone if "phone" in column else mask_name
        masked[column] = df[column].map(masker, na_action="ignore").astype(df[column].dtype)
    return df.assign(**masked)


# Indonesian phone numbers: 0 / 62 / +62 then 8-13 more digits, separated by spaces, dots, dashes or
# brackets (0812-3456-7890, +62 812 3456 7890, (0342) 801234, 081-136-061-10); also 10+ digits from 8.
# NIK / KK: 16 digits. A run of digits and separators is judged by its digit count and its start, so
# dates (26/05/2025), times (22.30) and money (Rp 1.500.000) are kept.
_NUMBER_RUN = re.compile(r"\+?\(?\d[\d\s.\-()]{6,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SCRUBBED = "[…]"


def _is_personal_number(run: str) -> bool:
    digits = re.sub(r"\D", "", run)
    if len(digits) >= 15:  # NIK, KK and other identity numbers
        return True
    if len(digits) < 9:
        return False
    stripped = run.lstrip("+(")
    return stripped.startswith(("0", "62")) or (digits.startswith("8") and len(digits) >= 10)


def _scrub_number(match: re.Match[str]) -> str:
    return _SCRUBBED if _is_personal_number(match.group(0)) else match.group(0)


def scrub_text(text: object, max_len: int = 120) -> str:
    """Free text fit for a briefing: phone numbers, NIK-like numbers and e-mail addresses replaced by
    ``[…]``, whitespace collapsed, cut to ``max_len`` characters with ``…``. Missing -> ``""``.

    >>> scrub_text("Warga (HP 0812-3456-7890) lapor balap liar pukul 22.30 tgl 26/05/2025")
    'Warga (HP […]) lapor balap liar pukul 22.30 tgl 26/05/2025'
    >>> scrub_text("NIK 3572011234567890, hubungi +62 812 3456 7890")
    'NIK […], hubungi […]'
    """
    if not isinstance(text, str):
        return ""
    cleaned = _EMAIL.sub(_SCRUBBED, text)
    cleaned = _NUMBER_RUN.sub(_scrub_number, cleaned)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > max_len:
        cleaned = cleaned[: max(max_len - 1, 0)].rstrip() + "…"
    return cleaned
