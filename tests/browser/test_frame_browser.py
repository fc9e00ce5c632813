"""A page file is never served outside the frame, even as the first request to a fresh server.

Started with bare ``streamlit run app.py`` (not ui.serve), Streamlit runs ``pages/<name>.py`` on its own
for the first script run of a new server when the URL names that file; without ui.frame.require() that
run skipped the login gate. ui.serve (``make run``) also avoids that mode; both paths are tested.
"""

import pytest
from playwright.sync_api import expect

from analysis.admin import users
from tests.browser.conftest import start_app, stop_app, wait_for_app


@pytest.fixture(params=["plain", "serve"])
def fresh_server_with_users(request, tmp_path, app_url):  # app_url: skips when Chromium is missing
    users_file = tmp_path / "users.json"
    users.add_user(users_file, "analis1", "analis", "Analis-Blitar-2026")
    process, url = start_app({"DASHBOARD_AUTH_FILE": str(users_file)}, plain=request.param == "plain")
    yield url
    stop_app(process)


def test_first_request_for_a_page_file_meets_the_login_gate(fresh_server_with_users, offline_page):
    offline_page.goto(f"{fresh_server_with_users}/data")
    wait_for_app(offline_page)
    expect(offline_page.locator("input[type=password]")).to_be_visible()
    assert offline_page.get_by_role("heading", name="Data", exact=True).count() == 0
    assert offline_page.locator('[data-testid="stFileUploader"]').count() == 0


def test_a_bookmarked_page_opens_first_thing_without_page_not_found(tmp_path, app_url, offline_page):
    process, url = start_app()
    try:
        offline_page.goto(f"{url}/peta")
        wait_for_app(offline_page)
        expect(offline_page.get_by_role("heading", name="Peta")).to_be_visible()
        assert offline_page.get_by_text("Page not found").count() == 0
    finally:
        stop_app(process)
