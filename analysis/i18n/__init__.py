"""Every text a user reads, in Bahasa Indonesia (default) and English, plus Indonesian number/date forms.

Strings live in the modules of this package, one per area (``common``, ``overview``, ``map`` ...), each
exposing ``STRINGS: dict[str, tuple[str, str]]`` mapping a key to ``(bahasa, english)``. They are merged
here; a key defined twice is an error at import time. ``t("overview.title")`` looks a key up.

Bahasa nouns do not change with the count; English ones do. A module may also expose ``ENGLISH_ONE:
dict[str, str]``: the English text of a key for when its ``{n}`` is 1 ("1 report", not "1 reports").
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime
from typing import Literal

import pandas as pd
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
# Parsed once: Babel parses a locale name on every call it is given as text (half of each call's time),
# and tables format thousands of cells per rerun.
LOCALES: dict[Lang, Locale] = {"id": Locale.parse("id_ID"), "en": Locale.parse("en_GB")}


def _collect(name: str) -> dict:
    merged: dict = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, value in getattr(module, name, {}).items():
            if key in merged:
                raise ValueError(f"i18n key defined twice: {key} (again in {info.name})")
            merged[key] = value
    return merged


STRINGS: dict[str, tuple[str, str]] = _collect("STRINGS")
ENGLISH_ONE: dict[str, str] = _collect("ENGLISH_ONE")


def t(key: str, lang: Lang = "id", /, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    An unknown key returns the key itself, so a missing string shows up on screen instead of crashing.
    """
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1 if lang == "en" else 0]
    if lang == "en" and key in ENGLISH_ONE and str(values.get("n", "")).strip() == "1":
        text = ENGLISH_ONE[key]
    return text.format(**values) if values else text


def fmt_int(value: float | int | None, lang: Lang = "id") -> str:
    """``1234`` -> ``"1.234"`` (Bahasa) or ``"1,234"`` (English); missing -> ``"–"``."""
    if value is None or pd.isna(value):
        return "–"
    return _babel_decimal(round(float(value)), format="#,##0", locale=LOCALES[lang])


def fmt_num(value: float | None, lang: Lang = "id", digits: int = 1) -> str:
    """``12.5`` -> ``"12,5"`` (Bahasa) or ``"12.5"`` (English); missing -> ``"–"``."""
    if value is None or pd.isna(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _babel_decimal(float(value), format=pattern, locale=LOCALES[lang])


def fmt_pct(fraction: float | None, lang: Lang = "id", digits: int = 1) -> str:
    """``0.125`` -> ``"12,5 %"`` (Bahasa) or ``"12.5 %"`` (English)."""
    if fraction is None or pd.isna(fraction):
        return "–"
    return f"{fmt_num(fraction * 100, lang, digits)} %"


def fmt_date(value: date | datetime | pd.Timestamp | None, lang: Lang = "id", style: str = "medium") -> str:
    """``2025-05-26`` -> ``"26 Mei 2025"``; ``style="long"`` adds the weekday: ``"Senin, 26 Mei 2025"``."""
    if value is None or pd.isna(value):
        return "–"
    if isinstance(value, pd.Timestamp | datetime):
        value = value.date()
    pattern = {"short": "d MMM", "medium": "d MMM y", "long": "EEEE, d MMMM y"}[style]
    return _babel_date(value, pattern, locale=LOCALES[lang])


def fmt_date_range(start: date | pd.Timestamp, end: date | pd.Timestamp, lang: Lang = "id") -> str:
    """``"19–25 Mei 2025"``, ``"28 Apr – 4 Mei 2025"`` or ``"29 Des 2024 – 4 Jan 2025"``."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if s.year != e.year:
        return f"{fmt_date(s, lang)} – {fmt_date(e, lang)}"
    if s.month != e.month:
        return f"{fmt_date(s, lang, 'short')} – {fmt_date(e, lang)}"
    if s.day == e.day:
        return fmt_date(e, lang)
    return f"{s.day}–{fmt_date(e, lang)}"
