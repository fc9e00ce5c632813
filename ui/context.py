"""What a page needs to know about this session: language, filters, data in scope, the user's role.

Pages reach data only through here (never ``ui.data`` or the loader; tests/test_architecture.py holds
it): every accessor passes ``ui.frame.require()``, and complaints come masked unless the role may see
personal data, so neither the frame nor the masking can be skipped by a page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pandas as pd
import streamlit as st

from analysis import i18n
from analysis.admin import privacy
from analysis.admin.users import User
from analysis.data.dataset import Dataset
from analysis.metrics.filters import Filters
from ui import data, frame

LANG_KEY = "lang"
FILTERS_KEY = "filters"
USER_KEY = "auth_user"  # written by ui.auth's gate, read here: the gate sits above this module
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


def current_user() -> User | None:
    """The user ``ui.auth.gate()`` let in (the demo user without a users file); None before the gate."""
    return st.session_state.get(USER_KEY)


def role() -> str:
    """The session's role as ``analysis.admin.privacy``'s table names it: ``kapolsek``, ``analis``,
    ``tamu`` (nobody signed in) or ``privacy.LOCAL_DEMO`` (the demo without a users file). Ask the table
    (``privacy.may_import(ctx.role())`` ...) what the role may do; never compare role names here."""
    user = current_user()
    if user is None:
        return "tamu"
    return privacy.LOCAL_DEMO if user.demo else user.role


def patrols(scope: Filters | None = None, *, figures: bool = False) -> pd.DataFrame:
    """Patrols in ``scope`` (default: the current filter; e.g. the previous period for a comparison),
    shared and read-only. ``figures``: without the free-text columns (``figures_only``), cheaper to cut
    and hold, for a page part that only counts, charts or maps."""
    return data.filtered_patrols(dataset(), filters() if scope is None else scope, figures=figures)


def complaints(scope: Filters | None = None, *, figures: bool = False) -> pd.DataFrame:
    """Complaints in ``scope`` (default: the current filter), all statuses, personal data masked unless
    the role may see it; ``figures`` as for ``patrols``."""
    frame = data.filtered_complaints(dataset(), filters() if scope is None else scope, figures=figures)
    return frame if privacy.can_see_personal(role()) else privacy.mask_personal(frame, "complaints")


def rows_reader(kind: Literal["patrols", "complaints"]) -> Callable[[pd.Index], pd.DataFrame]:
    """A function giving the whole rows (free text included) of ``kind`` at the index labels of a cut from
    ``patrols(figures=True)`` / ``complaints(figures=True)``, personal data masked as in ``complaints``.
    It reads nothing from the session when called, so it also serves a download built on a click."""
    ds, masked = dataset(), not privacy.can_see_personal(role())

    def read(labels: pd.Index) -> pd.DataFrame:
        rows = data.rows_at(ds, kind, labels)
        return privacy.mask_personal(rows, kind) if masked and kind == "complaints" else rows

    return read


def whole_history(kind: Literal["patrols", "complaints"]) -> pd.DataFrame:
    """Every patrol or complaint (no filter, every date) for a figure over the whole history, such as the
    reporting gaps: without the free-text and personal columns (``ui.data.whole_figures``), so what would
    need masking is not there. Shared and read-only."""
    return data.whole_figures(dataset(), kind)


def patrol_days(scope: Filters | None = None) -> pd.DataFrame:
    """The days with patrols per kelurahan and unit in ``scope`` (``ui.data.patrol_days``): what a
    last-visit table reads. No personal columns."""
    return data.patrol_days(dataset(), filters() if scope is None else scope)


def set_kelurahan_filter(names: list[str]) -> None:
    """Set the shared kelurahan filter from a page (e.g. a map click) and rerun so every page follows.

    A widget's value cannot change after it was drawn in this run, so the sidebar applies it next run.
    """
    st.session_state[PENDING_KELURAHAN_KEY] = list(names)
    st.rerun()
