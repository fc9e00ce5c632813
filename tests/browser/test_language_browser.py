"""Switching to English relabels what the browser shows, including a select box's chosen option."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_app


@pytest.mark.parametrize(
    ("path", "boxes", "chosen"),
    [
        ("", ("Periode", "Period"), ("90 hari terakhir", "Last 90 days")),
        ("peta", ("Warnai menurut", "Colour by"), ("Kunjungan patroli", "Patrol visits")),
    ],
)
def test_a_select_box_shows_its_choice_in_the_new_language(app_url, offline_page, path, boxes, chosen):
    offline_page.goto(f"{app_url}/{path}")
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("combobox", name=boxes[0])).to_have_value(chosen[0])
    offline_page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    wait_for_app(offline_page)
    # the label is drawn afresh; the chosen option's text is what the browser used to keep
    expect(offline_page.get_by_role("combobox", name=boxes[1])).to_have_value(chosen[1])
