"""Personal data: what each role may see and the masking of reporter columns (free text is scrubbed by
``analysis.core.text.scrub_text``).

Roles (issue 8): ``kapolsek`` sees everything; ``analis`` sees everything and may import data; ``tamu``
sees aggregates only: personal data masked, no row-level downloads, no Data page, no import. The local
demo (``LOCAL_DEMO``: no users file, served to this computer only) may do everything, import included: it
has no accounts to tell people apart. Any other role string gets the least: a typo never widens access.
This table is the only place that says who may do what; ui/ asks it through the ``may_*`` functions.

Phone numbers are masked completely (``"****"``), not partially: the last digits of a number shown on a
projector still identify a caller in a small kelurahan, and no briefing needs them.
"""

from __future__ import annotations

import pandas as pd

from analysis.data.contract import personal_columns
from analysis.data.schema import Kind

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
