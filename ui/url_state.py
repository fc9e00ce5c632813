"""Screen state that travels in the URL beside the filters, so a reload or a shared link shows the same
screen: language (``lang``), the map's measure and layers (``measure``, ``layers``), the officer view
(``view``) and the Briefing week (``week``). ``step`` is reserved for the Briefing's slide.

A page calls ``seed(param, key, allowed)`` just before drawing the widget keyed ``key``: when the
session holds no value for it yet (first visit, reload, a shared link) the widget starts from the URL's
value if it is one of ``allowed``; an unknown value is ignored (and the widget keeps its default). After
the widget, ``publish(param, value, default)`` writes the value to the URL (and removes the parameter
when it holds the default, so plain links stay short). Filters are kept by ``ui.sidebar``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import streamlit as st

from ui import keys

# URL parameter -> session key of the widget it mirrors.
PARAMS: dict[str, str] = {
    "lang": "lang",
    "measure": keys.MAP_MEASURE,
    "layers": keys.MAP_LAYERS,
    "view": keys.OFFICERS_VIEW,
    "week": keys.BRIEFING_WEEK,
    "step": keys.BRIEFING_STEP,  # reserved for the Briefing's presentation step
}


def _raw(param: str) -> str | None:
    return st.query_params.get(param)


def seed(param: str, key: str, allowed: Collection[str], multi: bool = False) -> None:
    """Start widget ``key`` from URL parameter ``param`` when the session has no value for it yet.

    ``multi``: the parameter is a comma-separated list (a multi-select); unknown items are dropped.
    """
    raw = _raw(param)
    if raw is None or key in st.session_state:
        return
    if multi:
        values = [v for v in raw.split(",") if v in allowed]
        st.session_state[key] = values
    elif raw in allowed:
        st.session_state[key] = raw


def publish(param: str, value: str | Sequence[str] | None, default: str | Sequence[str] | None) -> None:
    """Mirror ``value`` in the URL as ``param`` (lists comma-separated); the default leaves it out."""
    text = ",".join(value) if isinstance(value, list | tuple) else value
    default_text = ",".join(default) if isinstance(default, list | tuple) else default
    if text is None or text == default_text or text == "":
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != text:
        st.query_params[param] = text
