"""The text import in a real browser: paste a WhatsApp report -> review -> fill the missing unit ->
merge -> the new patrol shows on the overview and on the map. On a copy of the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, ROOT, start_app, stop_app, wait_for_app

pytestmark = pytest.mark.browser

WAIT = 60_000  # ms; a wait for a busy machine, not a speed assertion
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
REPORT = (
    "Ijin lapor ndan. Patroli dialogis Sabtu, 28 November 2026 pukul 09.00 s.d. 10.30 WIB di balai RW 03 "
    "Kel. Tlumpu, dipimpin Bripka Dodi Kurniawan NRP 87010123 bersama dua anggota lainnya. Himbauan "
    "waspada curanmor. Situasi aman."
)  # the unit is written nowhere and Bripka Dodi Kurniawan is not in officers.csv: the review asks for it


@pytest.fixture(scope="module")
def text_app(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    data_dir = tmp_path_factory.mktemp("textimport") / "data"
    shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns(".*", "import_log.jsonl"))
    process, url = start_app({"DASHBOARD_DATA_DIR": str(data_dir)})
    yield url, data_dir
    stop_app(process)


def fill_first_cell(page, grid, value: str) -> None:
    """Double-click the first data cell of a data editor (the unit column comes first), pick ``value``."""
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + 60, box["y"] + 35 + 17)
    page.wait_for_timeout(500)
    page.keyboard.type(value)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    page.keyboard.press("Escape")


def test_paste_review_fix_unit_merge_then_overview_and_map(text_app, offline_page, outside_requests):
    url, data_dir = text_app
    page = offline_page
    page.goto(f"{url}/data")
    wait_for_app(page)
    area = page.get_by_role("textbox", name="Teks laporan")
    area.fill(REPORT)
    area.press("Control+Enter")
    wait_for_app(page)
    expect(page.get_by_text("Ditemukan 1 patroli")).to_be_visible(timeout=WAIT)
    warning = page.locator('[data-testid="stAlertContentWarning"]', has_text="Satuan/fungsi")
    expect(warning).to_be_visible(timeout=WAIT)
    grid = page.locator('[data-testid="stDataFrame"]').last
    grid.scroll_into_view_if_needed()
    fill_first_cell(page, grid, "Samapta")
    wait_for_app(page)
    expect(warning).to_have_count(0, timeout=WAIT)  # nothing required is missing any more
    page.get_by_role("button", name="Gabungkan ke data").click()
    wait_for_app(page)
    expect(page.get_by_text("Patroli: 1 baris ditambahkan")).to_be_visible(timeout=WAIT)
    assert "87010123" in (data_dir / "patrols.csv").read_text("utf-8")

    page.goto(f"{url}/?start=2026-11-28&end=2026-11-28&kelurahan=Tlumpu")
    wait_for_app(page)
    patrols = page.locator('[data-testid="stMetric"]', has_text="Kegiatan patroli")
    expect(patrols.locator('[data-testid="stMetricValue"]')).to_have_text("1", timeout=WAIT)
    personnel = page.locator('[data-testid="stMetric"]', has_text="Personel dikerahkan")
    expect(personnel.locator('[data-testid="stMetricValue"]')).to_have_text("3", timeout=WAIT)

    page.goto(f"{url}/peta?start=2026-11-28&end=2026-11-28")
    wait_for_app(page)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.leaflet-interactive")).to_have_count(21, timeout=WAIT)
    label = frame.locator(".kel-label span", has_text="Tlumpu")
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = frame.locator(".leaflet-tooltip", has_text="Tlumpu")
    expect(tip).to_contain_text("Kunjungan patroli: 1", timeout=WAIT)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert outside_requests == []
