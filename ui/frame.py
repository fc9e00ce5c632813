"""Pages run only inside the frame (app.py), never on their own.

Streamlit still knows the legacy ``pages/`` folder: on the very first script run of a freshly started
server, a URL naming a page file (``/data``) runs that file directly, without app.py and so without the
login gate (streamlit/runtime/scriptrunner/script_runner.py, ``_mpa_v1``; app.py's ``st.navigation``
switches that mode off for the rest of the process). app.py marks the session once it has passed the
gate; every data accessor in ``ui.context`` calls ``require()``, which sends an unmarked session to app.py.
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
