"""Opening one page of the real frame (app.py) in Streamlit's AppTest, as the page tests do."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def open_page(page: str, *, app: str = APP, timeout: float = 60, **params: str) -> AppTest:
    """Run the frame ``app`` with ``params`` as the URL's query parameters, switch to ``page`` (a path such
    as ``"pages/records.py"``) and run it. ``timeout`` is AppTest's per-run limit in seconds. Fails the
    calling test when a script raised."""
    at = AppTest.from_file(app, default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at
