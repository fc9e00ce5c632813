"""What a page needs to know about this session: language, filters, data in scope, the user's role."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import i18n
from analysis.admin import privacy
from analysis.data.dataset import Dataset
from analysis.metrics.filters import Filters
from ui import data, frame

LANG_KEY = "lang"
FILTERS_KEY = "filters"
PENDING_KELURAHAN_KEY = "_pending_kelurahan"


def lang() -> i18n.Lang:
    return "en" if st.session_state.get(LANG_KEY) == "en" else "id"


def t(key: str, /, **values: object) -> str:
    """The text for ``key`` in the session's language."""
    return i18n.t(key, lang(), **values)


def dataset() -> Dataset:
    """The data set, only ever inside the frame (so only after the login gate)."""
    frame.require()
    return data.dataset()


def filters() -> Filters:
    """The shared filters, set by the sidebar in app.py before the page runs."""
    frame.require()
    return st.session_state[FILTERS_KEY]


def role() -> str:
    """The signed-in user's role (``kapolsek``, ``analis`` or ``tamu``), from the login gate."""
    from ui import auth  # auth draws on this module's strings, so import it late

    return auth.role()


def patrols() -> pd.DataFrame:
    """Patrols in the current filter (shared, read-only)."""
    return data.filtered_patrols(dataset(), filters())


def complaints() -> pd.DataFrame:
    """Complaints in the current filter, all statuses, personal data masked unless the role may see it."""
    frame = data.filtered_complaints(dataset(), filters())
    return frame if privacy.can_see_personal(role()) else privacy.mask_personal(frame, "complaints")


def set_kelurahan_filter(names: list[str]) -> None:
    """Set the shared kelurahan filter from a page (e.g. a map click) and rerun so every page follows.

    A widget's value cannot change after it was drawn in this run, so the sidebar applies it next run.
    """
    st.session_state[PENDING_KELURAHAN_KEY] = list(names)
    st.rerun()
