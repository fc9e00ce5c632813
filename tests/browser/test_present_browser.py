"""The briefing on a projector and the app on a phone, in a real browser, asserted on element boxes.

Presentation mode: every step at 1280×720 and 1024×768 fits the screen without scrolling, the chrome is
hidden, body text is ≥ 24 px at 1280×720, ← / → and PageUp / PageDown move and a reload stays on the step.
Phone (390×844): Ringkasan, Peta and Briefing have no horizontal overflow, no table cut by the page (each
fits or scrolls inside itself), KPI cards two a row, a header that scrolls away, the map's scale bar and
attribution apart, and a "Menu" label on the sidebar toggle.

Screenshots go to ``$BROWSER_SHOTS_DIR`` when set (else the test's temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import settle, wait_for_app, wait_for_charts

STEPS = 4

# The main scroll container's overflow, and every visible element of the page that reaches past the
# screen's right edge without a clipping (scrolling) ancestor in between.
OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const width = window.innerWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    if ((box.right > width + 1 || box.left < -1) && !clipped(el)) {
      const name = el.dataset.testid || el.tagName;
      wide.push(name + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
    }
  }
  return {scrollWidth: main.scrollWidth, clientWidth: main.clientWidth,
          docWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10)};
}"""

TABLES_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
  .filter((t) => t.getBoundingClientRect().width > 0)
  .map((t) => {
    const box = t.getBoundingClientRect();
    const scroller = t.querySelector('.dvn-scroller');
    return {left: box.left, right: box.right, fits: scroller.scrollWidth <= scroller.clientWidth + 1,
            overflowX: getComputedStyle(scroller).overflowX};
  })"""

FIT_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const boxes = {};
  for (const sel of ['.st-key-slide_head', '.st-key-slide_points', '[data-testid="stExpander"]',
                     '.st-key-briefing_next', '.st-key-briefing_prev', '.st-key-briefing_present_exit']) {
    const el = document.querySelector(sel);
    if (el) { const b = el.getBoundingClientRect(); boxes[sel] = [b.left, b.top, b.right, b.bottom]; }
  }
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .map((c) => c.getBoundingClientRect()).filter((b) => b.width > 0)
    .map((b) => [b.left, b.top, b.right, b.bottom]);
  const bullets = [...document.querySelectorAll('.st-key-slide_points li')]
    .map((li) => parseFloat(getComputedStyle(li).fontSize));
  return {scrollHeight: main.scrollHeight, clientHeight: main.clientHeight, scrollWidth: main.scrollWidth,
          clientWidth: main.clientWidth, boxes, charts, bullets,
          sidebar: !!document.querySelector('[data-testid="stSidebar"]')?.checkVisibility(),
          header: !!document.querySelector('header[data-testid="stHeader"]')?.checkVisibility(),
          picker: !!document.querySelector('.st-key-briefing_week')?.checkVisibility(),
          alerts: [...document.querySelectorAll('[data-testid="stAlert"]')]
            .filter((a) => a.checkVisibility()).length,
          width: window.innerWidth, height: window.innerHeight};
}"""


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("BROWSER_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


CHART_DRAWN_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
  .some((c) => c.getBoundingClientRect().width > 0 && c.querySelector('.main-svg'))"""


def _counter(page, n: int) -> None:
    expect(page.get_by_text(f"{n} / {STEPS}", exact=True).last).to_be_visible()
    wait_for_app(page)
    page.wait_for_function(CHART_DRAWN_JS)  # plotly draws its chart after the script run ends


def _assert_fits(page, step: int, width: int, height: int) -> None:
    m = _settled(page, FIT_JS)
    where = f"step {step} at {width}×{height}"
    assert m["scrollHeight"] <= m["clientHeight"] + 1, (
        f"{where} scrolls: {m['scrollHeight']} > {m['clientHeight']}"
    )
    assert m["scrollWidth"] <= m["clientWidth"] + 1, where
    assert not (m["sidebar"] or m["header"] or m["picker"] or m["alerts"]), (where, m)
    assert len(m["charts"]) == 1, where
    assert 1 <= len(m["bullets"]) <= 5, (where, m["bullets"])
    if (width, height) == (1280, 720):
        assert min(m["bullets"]) >= 24, (where, m["bullets"])
    for name, (left, top, right, bottom) in [*m["boxes"].items(), *(("chart", c) for c in m["charts"])]:
        assert left >= -1 and top >= -1 and right <= width + 1 and bottom <= height + 1, (where, name)
    points, chart = m["boxes"][".st-key-slide_points"], m["charts"][0]
    assert points[2] <= chart[0] + 1, f"{where}: the bullets are not beside the chart"
    nav_top = m["boxes"][".st-key-briefing_next"][1]
    assert m["boxes"][".st-key-slide_points"][3] <= nav_top and chart[3] <= nav_top, where
    assert m["boxes"]['[data-testid="stExpander"]'][3] <= nav_top, f"{where}: details under the controls"


SCREENS = ((1280, 720), (1024, 768))  # a projector's 720p and an older 4:3 one


def _settled(page, js: str):
    """What ``js`` measures once the layout has stopped moving: measured after every painted frame until
    two measures in a row agree (a chart re-lays itself out a few frames after a resize or a load)."""
    m = page.evaluate(js)
    for _ in range(100):
        settle(page)
        again = page.evaluate(js)
        if again == m:
            return m
        m = again
    raise AssertionError("the page never stopped moving")


def test_every_presentation_step_fits_one_screen_and_the_keys_move(app_url, offline_page, shots):
    """One page load checks both screens: every step is measured at each size (the layout is CSS, so a
    resized window is laid out as one opened at that size), and the keys are pressed at each size."""
    page = offline_page
    page.set_viewport_size({"width": SCREENS[0][0], "height": SCREENS[0][1]})
    page.goto(f"{app_url}/briefing?presentasi=1&langkah=1")
    wait_for_app(page)
    _counter(page, 1)

    def at(n: int) -> tuple[int, int]:
        width, height = SCREENS[n % len(SCREENS)]
        page.set_viewport_size({"width": width, "height": height})
        return width, height

    for step in range(1, STEPS + 1):
        for n in range(len(SCREENS)):
            width, height = at(n)
            _assert_fits(page, step, width, height)
            page.screenshot(path=shots / f"present_{width}x{height}_step{step}.png")
        if step < STEPS:
            at(step)
            page.keyboard.press("ArrowRight")
            _counter(page, step + 1)
            assert f"langkah={step + 1}" in page.url
    for n, (key, step) in enumerate(
        [("ArrowRight", STEPS), ("ArrowLeft", STEPS - 1), ("PageUp", STEPS - 2), ("PageDown", STEPS - 1)]
    ):
        at(n)
        page.keyboard.press(key)  # ArrowRight past the last step: stays
        _counter(page, step)
    for n in range(len(SCREENS)):
        at(n)
        page.reload()
        wait_for_app(page)
        _counter(page, STEPS - 1)
        assert "presentasi=1" in page.url
    page.keyboard.press("Escape")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    assert "presentasi" not in page.url


def _assert_no_overflow(page, name: str) -> None:
    m = _settled(page, OVERFLOW_JS)
    assert m["docWidth"] <= m["width"] and m["scrollWidth"] <= m["clientWidth"] + 1, (name, m)
    assert m["wide"] == [], (name, m["wide"])
    for table in page.evaluate(TABLES_JS):
        assert table["left"] >= -1 and table["right"] <= m["width"] + 1, (name, table)
        assert table["fits"] or table["overflowX"] in ("auto", "scroll"), (name, table)


def _phone(page, app_url: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/{path}")
    wait_for_app(page)
    wait_for_charts(page)
    _settled(page, OVERFLOW_JS)


def _scroll_main(page, y: int) -> None:
    page.evaluate(f"() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, {y})")
    settle(page)


def test_the_menu_is_labelled_and_the_overview_fits_a_phone(app_url, offline_page, shots):
    page = offline_page
    _phone(page, app_url, "")
    label = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stExpandSidebarButton\"]'), '::after')"
        ".content"
    )
    assert label == '"Menu"'
    header = page.locator('header[data-testid="stHeader"]').bounding_box()
    assert header["height"] <= 50
    cards = page.locator('[data-testid="stMetric"]')
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert len(boxes) == 6
    for left, right in zip(boxes[::2], boxes[1::2], strict=True):  # two a row, side by side, on screen
        assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] <= right["x"]
        assert left["x"] >= 0 and right["x"] + right["width"] <= 390
    _assert_no_overflow(page, "ringkasan")
    page.screenshot(path=shots / "phone_ringkasan_top.png")
    page.locator('[data-testid="stDataFrame"]').first.scroll_into_view_if_needed()
    settle(page)
    page.screenshot(path=shots / "phone_ringkasan_table.png")


def test_the_map_fits_a_phone_with_its_controls_apart(app_url, offline_page, shots):
    page = offline_page
    _phone(page, app_url, "peta")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=30_000)
    scale = frame.locator(".leaflet-control-scale").bounding_box()
    attribution = frame.locator(".leaflet-control-attribution").bounding_box()
    apart = (
        scale["x"] + scale["width"] <= attribution["x"]
        or attribution["y"] + attribution["height"] <= scale["y"]
        or scale["y"] + scale["height"] <= attribution["y"]
    )
    assert apart, (scale, attribution)
    _assert_no_overflow(page, "peta")
    page.locator('iframe[title="streamlit_folium.st_folium"]').scroll_into_view_if_needed()
    settle(page)
    page.screenshot(path=shots / "phone_peta_map.png")
    page.locator('[data-testid="stDataFrame"]').first.scroll_into_view_if_needed()
    settle(page)
    page.screenshot(path=shots / "phone_peta_table.png")


def test_the_briefing_fits_a_phone_with_a_header_that_scrolls_away(app_url, offline_page, shots):
    page = offline_page
    _phone(page, app_url, "briefing?langkah=2")
    _assert_no_overflow(page, "briefing")
    narrow = page.locator('[class*="st-key-chart_narrow_"] [data-testid="stPlotlyChart"]')
    expect(narrow).to_be_visible()
    assert not page.locator('[class*="st-key-chart_wide_"] [data-testid="stPlotlyChart"]').is_visible()
    box = narrow.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    ticks = page.evaluate(
        "() => [...document.querySelectorAll('[class*=\"st-key-chart_narrow_\"] .ytick text')]"
        ".map((t) => parseFloat(t.style.fontSize))"
    )
    assert ticks and max(ticks) <= 12
    page.screenshot(path=shots / "phone_briefing_top.png")
    narrow.scroll_into_view_if_needed()
    settle(page)
    page.screenshot(path=shots / "phone_briefing_chart.png")
    _scroll_main(page, 1500)
    header = page.locator(".st-key-briefing_header").bounding_box()
    assert header["y"] + header["height"] <= 0, "the briefing header still sticks to the top"
    _assert_no_overflow(page, "briefing after scrolling")
