"""Pages run only inside the frame (app.py), never on their own.

Streamlit still knows the legacy ``pages/`` folder: every script run before the process's first
``st.navigation`` call (so, with bare ``streamlit run app.py``, the first request to a fresh server) runs
as an old-style multipage app, and a URL naming a page file (``/data``) runs that file directly, without
app.py and so without the login gate (streamlit/runtime/scriptrunner/script_runner.py, ``_mpa_v1``).
``python -m ui.serve`` switches that mode off before the server starts; this guard covers a bare start.
app.py marks the session once it has passed the gate; every data accessor in ``ui.context`` calls
``require()``, which sends an unmarked session to app.py. Pages get data only through ``ui.context`` and
call it first (tests/test_architecture.py), so nothing of a page is drawn before the guard.
A session-state mark, not a thread-local, because fragments may rerun on their own or on worker threads.
"""

from __future__ import annotations

import streamlit as st

KEY = "_passed_frame"


def enter() -> None:
    """Called by app.py right after the login gate let the session through."""
    st.session_state[KEY] = True


def require() -> None:
    """Stop a page whose session never went through app.py and rerun through the frame instead."""
    if not st.session_state.get(KEY):
        st.switch_page("app.py")
