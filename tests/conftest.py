"""Shared fixtures: the reference data and tiny clean frames built by hand."""

from __future__ import annotations

import pytest

from analysis.data.reference import Reference, load_reference


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(autouse=True)
def _apptest_session_state_check_off():
    """AppTest keeps each widget's format_func in session state under an internal key; a page script's
    functions live in ``__main__`` and cannot be pickled, so the production check
    (``runner.enforceSerializableSessionState``) would fail every page with a labelled selectbox.
    tests/test_pages.py pickles the app's own session state instead."""
    from streamlit import config

    config.set_option("runner.enforceSerializableSessionState", False)
    yield
