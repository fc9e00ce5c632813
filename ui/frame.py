"""Pages run only inside the frame (app.py), never on their own.

Streamlit still knows the legacy ``pages/`` folder: on the very first script run of a freshly started
server, a URL naming a page file (``/data``) runs that file directly, without app.py and so without the
login gate (streamlit/runtime/scriptrunner/script_runner.py, ``_mpa_v1``; app.py's ``st.navigation``
switches that mode off for the rest of the process). Every data accessor in ``ui.context`` calls
``require()``: outside the frame it sends the browser to app.py, which signs the user in first.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

_state = threading.local()


@contextmanager
def running() -> Iterator[None]:
    """Mark the script run as inside the frame while the page runs (app.py wraps ``page.run()``)."""
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def active() -> bool:
    return getattr(_state, "active", False)


def require() -> None:
    """Stop a page that runs outside the frame and rerun through app.py instead."""
    if not active():
        st.switch_page("app.py")
