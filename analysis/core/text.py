"""Text from files, links and data is always shown as text.

Streamlit renders labels, captions, messages and headers as markdown: a file name, a column header, a
sheet title, an officer's name or a link's parameter holding ``**x**``, ``[a](http://e.x)``,
``![i](http://e.x/i.png)`` or ``:red[x]`` would become bold text, a live link, a remote image fetched by
the viewer's browser, or colour. ``plain`` is the one escaping function every such value goes through
before it reaches markdown (``ui`` calls it; analysis messages stay unescaped for the command line).
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
