"""ui.serve: the legacy ``pages/`` mode is off before the server starts (browser proof: test_frame_browser).

These tests pin the Streamlit behaviour ui.serve relies on, so an upgrade that changes it fails here
rather than bringing back "Page not found" for a bookmarked page on a fresh server.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner

from ui import serve

APP = Path(__file__).resolve().parent.parent / "app.py"


@pytest.fixture
def fresh_process():
    """PagesManager's class-level switch as a newly started server has it (unset), restored after."""
    saved = PagesManager.uses_pages_directory
    PagesManager.uses_pages_directory = None
    yield
    PagesManager.uses_pages_directory = saved


def test_the_pages_folder_puts_a_fresh_server_in_legacy_mode(fresh_process):
    """What ui.serve is for: without it, the pages/ folder beside app.py switches the legacy mode on, and
    the script runner runs the files of pages/ as the app's pages while the switch is on."""
    PagesManager(str(APP))
    assert PagesManager.uses_pages_directory is True
    assert "if PagesManager.uses_pages_directory:" in inspect.getsource(script_runner)


def test_serve_switches_the_legacy_mode_off_for_every_session(fresh_process):
    serve.legacy_pages_off()
    PagesManager(str(APP))
    PagesManager(str(APP))
    assert PagesManager.uses_pages_directory is False


def test_serve_switches_the_mode_off_then_starts_app_py_with_the_options_given(monkeypatch, fresh_process):
    seen = []

    def streamlit_main() -> int:
        seen.append((PagesManager.uses_pages_directory, list(serve.sys.argv)))
        return 0

    monkeypatch.setattr(serve.cli, "main", streamlit_main)
    monkeypatch.setattr(serve.sys, "argv", ["ui.serve"])
    with pytest.raises(SystemExit) as exit_:
        serve.main(["--server.port=8600"])
    assert exit_.value.code == 0
    assert seen == [(False, ["streamlit", "run", str(APP), "--server.port=8600"])]
