"""Screens that never disagree with themselves, in a real browser at 1366×768: numbers sort as numbers,
reset leaves sidebar, URL and numbers in step, partial weeks are marked, English shows English names."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from analysis.data.reference import load_reference
from tests.browser.conftest import wait_for_app

PEOPLE_WIDTHS = (210, 90, 140, 120, 120, 120)  # px, pages/officers.py PEOPLE_WIDTHS: up to Jam-personel


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1366, "height": 768}}


def params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_sorting_officers_by_personnel_hours_puts_the_largest_first(app_url, offline_page):
    page = offline_page
    page.goto(f"{app_url}/personel")
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator("thead th", has_text="Jam-personel")
    )
    grid = grid.filter(has=page.locator("thead th", has_text="NRP")).first
    column = grid.locator("thead th", has_text="Jam-personel").first.get_attribute("aria-colindex")

    def hours() -> list[float]:
        cells = grid.locator(f'tbody td[aria-colindex="{column}"]').all_inner_texts()
        return [float(c) for c in cells if c.strip()]

    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    x, y = box["x"] + sum(PEOPLE_WIDTHS[:5]) + PEOPLE_WIDTHS[5] / 2, box["y"] + 18
    page.mouse.click(x, y)  # first click: ascending
    page.wait_for_timeout(800)
    ascending = hours()
    page.mouse.click(x, y)  # second click: descending
    page.wait_for_timeout(800)
    descending = hours()
    assert len(descending) >= 5
    assert ascending == sorted(ascending)
    assert descending == sorted(descending, reverse=True)
    assert descending[0] > 200 > ascending[0]  # 209,2 and above come first, as numbers (not "95,2")


def _chips(page, key: str) -> str:
    return page.locator(f".st-key-{key}").inner_text()


def _kpis(page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def test_reset_leaves_sidebar_url_and_numbers_in_step(app_url, offline_page):
    page = offline_page
    page.goto(app_url)
    wait_for_app(page)
    defaults = params(page)
    default_kpis = _kpis(page)
    end = date.fromisoformat(defaults["end"])
    start30 = (end - timedelta(days=29)).isoformat()

    page.goto(f"{app_url}/?start={start30}&end={end.isoformat()}&kelurahan=Gedog")
    wait_for_app(page)
    period = page.get_by_role("combobox", name="Periode")
    expect(period).to_have_value("30 hari terakhir")
    assert "Gedog" in _chips(page, "f_kelurahan")
    assert _kpis(page) != default_kpis

    page.locator(".st-key-f_reset button").click()
    wait_for_app(page)
    expect(period).to_have_value("90 hari terakhir")
    assert "Gedog" not in _chips(page, "f_kelurahan")
    assert params(page) == defaults
    assert _kpis(page) == default_kpis

    # change another filter: nothing old comes back
    page.locator(".st-key-f_unit").get_by_role("combobox").click()
    page.get_by_role("option", name="Binmas", exact=True).click()
    page.keyboard.press("Escape")
    wait_for_app(page)
    now = params(page)
    assert now.get("unit") == "Binmas" and "kelurahan" not in now
    assert (now["start"], now["end"]) == (defaults["start"], defaults["end"])
    assert "Gedog" not in _chips(page, "f_kelurahan")
    expect(period).to_have_value("90 hari terakhir")


def test_first_and_last_weekly_bars_of_the_default_period_are_marked_partial(app_url, offline_page):
    page = offline_page
    page.goto(f"{app_url}/tren")
    wait_for_app(page)
    page.locator(".js-plotly-plot").first.wait_for()
    bars = page.evaluate(
        "() => { const d = document.querySelector('.js-plotly-plot');"
        " return {hover: d.data[0].customdata, ticks: d.layout.xaxis.ticktext}; }"
    )
    hover = bars["hover"]
    assert "sebagian" in hover[0] and "sebagian" in hover[-1]
    assert not any("sebagian" in h for h in hover[1:-1])
    ticks = page.locator(".js-plotly-plot").first.locator(".xtick text")
    drawn = ticks.evaluate_all("els => els.map(e => e.textContent)")
    assert drawn[0].endswith("*") and drawn[-1].endswith("*")
    expect(page.get_by_text("* periode tidak penuh").first).to_be_visible()


BAHASA_CATEGORIES = [
    name
    for name, english in zip(
        load_reference().categories["category"], load_reference().categories["name_en"], strict=True
    )
    if name != english
]


@pytest.mark.parametrize("path", ["", "peta", "tren", "personel", "briefing", "data"])
def test_english_shows_no_bahasa_category_name(app_url, offline_page, path):
    page = offline_page
    page.goto(f"{app_url}/{path}?lang=en")
    wait_for_app(page)
    expect(page.locator('[data-testid="stSidebar"]').get_by_text("Filters", exact=True)).to_be_visible()
    text = page.evaluate(
        "() => document.body.innerText + ' ' +"
        " Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join(' ')"
    )
    found = [c for c in BAHASA_CATEGORIES if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text)]
    assert found == []
    assert params(page).get("lang") == "en"  # the language stays in the URL: a reload keeps it


def test_enter_applies_typed_dates(app_url, offline_page):
    page = offline_page
    page.goto(f"{app_url}/?start=2026-10-01&end=2026-10-20")
    wait_for_app(page)
    segments = page.locator('.st-key-f_dates [role="spinbutton"]')
    segments.first.click()
    page.keyboard.type("01112026")
    page.keyboard.press("Tab")
    page.keyboard.type("07112026")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"start=2026-11-01&end=2026-11-07"))
    expect(page.get_by_text("1–7 Nov 2026").first).to_be_visible()
