"""Smoke test: every page registered in app.py runs through the frame with no exception."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import apptest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def registered_pages() -> list[str]:
    """The page paths in app.py's PAGES list, read without running the app."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "PAGES" for t in targets):
                return [entry.elts[0].value for entry in node.value.elts]
    raise AssertionError("app.py has no PAGES list")


def test_pages_list_is_not_empty_and_every_file_exists():
    pages = registered_pages()
    assert pages and all((ROOT / p).exists() for p in pages)


@pytest.mark.parametrize("page", registered_pages())
def test_page_runs_without_exception(page):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title, "the page shows no title"


@pytest.mark.parametrize("page", registered_pages())
def test_page_states_when_the_filter_matches_nothing(page):
    at = apptest.open_page(page, start="2027-03-01", end="2027-03-07")
    texts = " ".join(e.value for e in [*at.info, *at.warning])
    assert "Tidak ada data" in texts or page == "pages/data.py"


def test_language_switch_turns_the_overview_english():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["lang"] = "en"
    at.run()
    assert at.title[0].value == "Overview"


def test_the_apps_own_session_state_is_picklable():
    import pickle

    at = AppTest.from_file(APP, default_timeout=60).run()
    for page in registered_pages():
        at.switch_page(page).run()
        state = at.session_state._state.filtered_state  # user and widget keys, not AppTest's own
        assert state
        unpicklable = []
        for key, value in state.items():
            try:
                pickle.dumps(value)
            except (pickle.PicklingError, AttributeError, TypeError):
                unpicklable.append(key)
        assert unpicklable == [], page
