"""Hostile text stays text in a real browser, and the login gate holds there too.

A complaint whose description is ``<img src=x onerror=alert(1)><script>alert(2)</script>`` is loaded from
a temporary data folder; every page of the app is opened and no dialog may open (``page.on("dialog")``
records it and the test fails), while the markup is visible literally where descriptions are shown.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from analysis.admin import privacy, users
from tests.browser.conftest import served, wait_for_app
from tests.test_auth_page import HOSTILE, page_entries, write_small_dataset

pytestmark = pytest.mark.browser
PASSWORD = "Kapolsek-Sananwetan-1"
SCRIPT_FROM_DATA = (
    "() => [...document.querySelectorAll('script')].some(s => s.textContent.includes('alert(2)'))"
)


def page_urls() -> list[str]:
    """The URL path of every page in app.py's PAGES list open to the local demo (the served mode here)."""
    return [url for _, url, may_open in page_entries() if may_open is None or may_open(privacy.LOCAL_DEMO)]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> Iterator[str]:
    """The app in local demo mode on a data folder holding the hostile complaint."""
    folder = tmp_path_factory.mktemp("hostile")
    yield from served(
        {
            "DASHBOARD_DATA_DIR": str(write_small_dataset(folder / "data")),
            "DASHBOARD_AUTH_FILE": "",
            "DASHBOARD_AUDIT_LOG": str(folder / "audit.log"),
        }
    )


@pytest.fixture(scope="module")
def login_url(tmp_path_factory) -> Iterator[str]:
    """The app with one kapolsek account, so the login gate is on."""
    folder = tmp_path_factory.mktemp("login")
    users_file = folder / "users.json"
    users.add_user(users_file, "ani", "kapolsek", PASSWORD)
    yield from served(
        {
            "DASHBOARD_DATA_DIR": str(write_small_dataset(folder / "data")),
            "DASHBOARD_AUTH_FILE": str(users_file),
            "DASHBOARD_AUDIT_LOG": str(folder / "audit.log"),
        }
    )


def test_hostile_description_is_shown_literally_and_never_runs(hostile_url, offline_page, outside_requests):
    dialogs: list[str] = []
    offline_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url_path in page_urls():
        offline_page.goto(f"{hostile_url}/{url_path}")
        offline_page.locator("h1").first.wait_for()
        wait_for_app(offline_page)
        if url_path == "briefing":  # the notable reports quote descriptions (scrubbed, truncated)
            offline_page.get_by_text(HOSTILE, exact=False).first.wait_for()
        # no element was built from the markup: neither the image nor a script from the data exists
        assert offline_page.locator('img[src="x"]').count() == 0, url_path
        assert offline_page.evaluate(SCRIPT_FROM_DATA) is False, url_path
    assert "briefing" in page_urls()
    assert dialogs == []
    assert outside_requests == []


def test_login_gate_in_the_browser(login_url, offline_page):
    offline_page.goto(login_url)
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("heading", name="Masuk")).to_be_visible()
    assert offline_page.locator('[data-testid="stMetric"], [data-testid="stPlotlyChart"]').count() == 0
    password = offline_page.get_by_label("Kata sandi")
    assert password.get_attribute("type") == "password"

    offline_page.get_by_label("Nama pengguna").fill("ani")
    password.fill("salah-sekali-123")
    offline_page.get_by_role("button", name="Masuk").click()
    wait_for_app(offline_page)
    expect(offline_page.get_by_text("Nama pengguna atau kata sandi salah.")).to_be_visible()
    assert offline_page.locator('[data-testid="stMetric"], [data-testid="stPlotlyChart"]').count() == 0
    assert offline_page.get_by_label("Kata sandi").input_value() == ""

    offline_page.get_by_label("Nama pengguna").fill("ani")
    offline_page.get_by_label("Kata sandi").fill(PASSWORD)
    offline_page.get_by_role("button", name="Masuk").click()
    wait_for_app(offline_page)
    offline_page.locator('[data-testid="stMetricValue"]').first.wait_for()  # first run loads plotly etc.
    expect(offline_page.get_by_text("Masuk sebagai")).to_be_visible()
