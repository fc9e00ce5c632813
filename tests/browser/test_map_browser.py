"""The map page in a real browser with every outside request blocked: 21 polygons, and a click filters."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shared_offline_page, wait_for_app

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
WAIT = 60_000  # ms; a busy CI machine redraws slowly (a wait, not a speed assertion)


def open_map_page(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Peta", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Peta")).to_be_visible(timeout=WAIT)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.leaflet-interactive")).to_have_count(21, timeout=WAIT)
    expect(frame.locator(".kel-label", has_text="Gedog")).to_be_visible(timeout=WAIT)
    wait_for_app(page)
    return frame


@pytest.fixture(scope="module")
def map_page(browser, browser_context_args, app_url):
    """The map page opened once through the sidebar, for both tests: the first only reads it, the second
    clicks on it. Yields the page, the map's frame and the URLs the page tried to reach outside."""
    with shared_offline_page(browser, browser_context_args) as (page, outside):
        yield page, open_map_page(page, app_url), outside


def test_map_draws_21_kelurahan_offline(map_page):
    offline_page, frame, outside_requests = map_page
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("cahyadsn/wilayah_boundaries")
    assert offline_page.locator('[data-testid="stException"]').count() == 0
    assert [u for u in outside_requests if "leaflet" in u or u.endswith((".js", ".css"))] == []


def test_clicking_gedog_filters_the_page(map_page):
    offline_page, frame, _ = map_page
    # Labels let clicks through, and Gedog's label sits at its centroid, inside the polygon.
    label = frame.locator(".kel-label span", has_text="Gedog")
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    offline_page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(offline_page.get_by_text("Kelurahan dipilih: Gedog")).to_be_visible(timeout=WAIT)
    sidebar = offline_page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("Gedog")).to_be_visible(timeout=WAIT)
    # Every page follows: the overview reads the same shared filter.
    offline_page.locator('[data-testid="stSidebarNav"]').get_by_text("Ringkasan", exact=True).click()
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("heading", name="Ringkasan")).to_be_visible(timeout=WAIT)
    expect(sidebar.get_by_text("Gedog")).to_be_visible(timeout=WAIT)
