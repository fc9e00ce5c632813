"""Text from files, links and data is always shown as text.

Streamlit renders labels, captions, messages and headers as markdown: a file name, a column header, a
sheet title, an officer's name or a link's parameter holding ``**x**``, ``[a](http://e.x)``,
``![i](http://e.x/i.png)`` or ``:red[x]`` would become bold text, a live link, a remote image fetched by
the viewer's browser, or colour. ``plain`` is the one escaping function every such value goes through
before it reaches markdown (``ui`` calls it; analysis messages stay unescaped for the command line).

``scrub_text`` makes free text (notes, descriptions) fit for a briefing, a table or a record: phone, NIK and
e-mail replaced. A pure text function, so the data, metrics and reports rooms use it without depending on
the role rules of ``analysis.admin.privacy``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(\\[.:@])")  # an escaped ".", ":" or "@"


def plain(text: object) -> str:
    r"""``text`` (any value, ``str()``-ed) with every ASCII punctuation mark backslash-escaped, so that
    Streamlit's markdown shows it literally: no emphasis, link, image, HTML, colour, icon or LaTeX.
    Escapes do not stop GFM's bare-address links (``http://…``, ``www.…``, ``a@b.c``), so an invisible
    word joiner (U+2060) also goes before every ``.``, ``:`` and ``@``. Line breaks are kept.

    >>> print(plain("**x** [a](http://e.x) <img src=x>").replace(WORD_JOINER, "|"))
    \*\*x\*\* \[a\]\(http|\:\/\/e|\.x\) \<img src\=x\>
    >>> plain(None)
    'None'
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return _AUTOLINK.sub(WORD_JOINER + r"\1", escaped)


_NUMBER_LIKE = re.compile(r"[\d.,\s%+-]*")


def plain_values(values: Mapping[str, object]) -> dict[str, object]:
    r"""The values of a message (``t(key, lang, **values)``) with every text ``plain``-ed; numbers, and text
    that is only a formatted number (``"1.234"``, ``"20,5"``), are left as they are.

    >>> plain_values({"file": "*a*_b", "size": "20,5", "count": 3})
    {'file': '\\*a\\*\\_b', 'size': '20,5', 'count': 3}
    """
    return {
        key: value if not isinstance(value, str) or _NUMBER_LIKE.fullmatch(value) else plain(value)
        for key, value in values.items()
    }


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
