"""The overview opens in a real browser with no network and shows no error."""

from playwright.sync_api import expect

from tests.browser.conftest import wait_for_app


def test_overview_renders_offline_without_errors(app_url, offline_page, outside_requests):
    offline_page.goto(app_url)
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("heading", name="Ringkasan")).to_be_visible()
    expect(offline_page.locator('[data-testid="stMetric"]').first).to_be_visible()
    assert offline_page.locator('[data-testid="stException"]').count() == 0
    assert offline_page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert outside_requests == []


def test_a_link_reproduces_a_filtered_view(app_url, offline_page):
    offline_page.goto(f"{app_url}/?start=2025-05-26&end=2025-05-26&kelurahan=Gedog")
    wait_for_app(offline_page)
    sidebar = offline_page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("Gedog")).to_be_visible()
    expect(offline_page.get_by_text("26 Mei 2025").first).to_be_visible()


def test_the_offline_guard_blocks_and_records_what_leaves(app_url, offline_page, outside_requests):
    """The guard every offline assertion relies on: a fetch to anywhere but the app is aborted and
    recorded, while the app's own files (dozens per page load) pass and are not recorded."""
    offline_page.goto(f"{app_url}/data")
    wait_for_app(offline_page)
    assert outside_requests == []
    blocked = "(url) => fetch(url).then(() => false, () => true)"
    for url in ("https://example.com/x.js", "http://127.0.0.10:9/x"):  # another loopback is not the app
        assert offline_page.evaluate(blocked, url) is True, url
    assert outside_requests == ["https://example.com/x.js", "http://127.0.0.10:9/x"]
    expect(offline_page.get_by_role("heading", name="Data", exact=True)).to_be_visible()
