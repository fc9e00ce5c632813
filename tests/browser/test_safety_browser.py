"""Issue 19 in a real browser: one slow upload does not starve another session; a bookmarked page
survives the login.

The starvation test measures a ratio, both halves in the same test on the same server: the median time
another session needs to load the overview while nothing else runs, and while a slow upload is parsed.
A ratio, so a slow or busy machine slows both halves alike.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from analysis.admin import users
from tests.browser.conftest import ROOT, served, wait_for_app

pytestmark = pytest.mark.browser
PASSWORD = "Kapolsek-Sananwetan-1"
SAMPLES = 3


def slow_upload(folder: Path, rows: int = 360_000) -> Path:
    """A patrol file within the 20 MB upload limit whose every row is wrong three ways (an impossible date,
    an unknown kelurahan, a personnel count that is not a number): each one is checked and reported, so
    parsing it takes many seconds."""
    head = b"ID patroli,Tanggal,Kelurahan,Jenis kegiatan,Satuan/fungsi,NRP ketua,Nama ketua,Jumlah personel\n"
    body = b"".join(b"P%d,31/02/2025,Atlantis,Sambang,Binmas,7501,Ani,x\n" % i for i in range(rows))
    path = folder / "patroli_rusak.csv"
    path.write_bytes(head + body)
    return path


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("starve")
    small_dataset(folder / "data")
    yield from served(
        {
            "DASHBOARD_DATA_DIR": str(folder / "data"),
            "DASHBOARD_AUTH_FILE": "",
            "DASHBOARD_AUDIT_LOG": str(folder / "audit.log"),
            "DASHBOARD_PARSE_SECONDS": "300",
        }
    )


def small_dataset(folder: Path, rows: int = 3000) -> Path:
    """The newest ``rows`` rows of each bundled data file: the overview draws in a second or two, so
    several loads fit inside one slow upload."""
    folder.mkdir(parents=True)
    for path in (ROOT / "data").glob("*.csv"):
        lines = path.read_text("utf-8").splitlines(keepends=True)
        (folder / path.name).write_text("".join(lines[:1] + lines[1:][-rows:]), "utf-8")
    return folder


def load_seconds(page, url: str) -> float:
    """Seconds from asking for the overview to its finished drawing."""
    started = time.monotonic()
    page.goto(url)
    wait_for_app(page)
    page.locator('[data-testid="stMetricValue"]').first.wait_for()
    return time.monotonic() - started


def test_a_slow_upload_does_not_slow_another_session(demo_url, browser, tmp_path):
    """Pairs of loads, one while the upload is parsed and one right after it was cancelled, so a machine
    that gets busier or quieter during the test affects both halves alike."""
    uploader = browser.new_context().new_page()
    other = browser.new_context().new_page()
    for page in (uploader, other):
        page.set_default_timeout(120_000)
    overview = f"{demo_url}/ringkasan"
    load_seconds(other, overview)  # the first run loads the data and warms the caches

    uploader.goto(f"{demo_url}/data")
    wait_for_app(uploader)
    uploader.locator("input[type=file]").first.set_input_files(str(slow_upload(tmp_path)))
    progress = uploader.get_by_text("di proses terpisah", exact=False)
    normal, during = [], []
    for cycle in range(SAMPLES):
        if cycle:
            uploader.get_by_role("button", name="Baca lagi").click()
        progress.wait_for()
        during.append(load_seconds(other, overview))
        assert progress.count() > 0, "the upload finished before the other session was measured"
        uploader.get_by_role("button", name="Batalkan").click()
        expect(uploader.get_by_text("Pembacaan berkas dibatalkan", exact=False).first).to_be_visible()
        normal.append(load_seconds(other, overview))

    print(f"overview load: normal {normal} s, during the upload {during} s")
    assert statistics.median(during) <= 2 * statistics.median(normal), (normal, during)


@pytest.fixture(scope="module")
def login_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("bookmark")
    users_file = folder / "users.json"
    users.add_user(users_file, "ani", "kapolsek", PASSWORD)
    shutil.copytree(ROOT / "data", folder / "data", ignore=shutil.ignore_patterns(".*"))
    yield from served(
        {
            "DASHBOARD_DATA_DIR": str(folder / "data"),
            "DASHBOARD_AUTH_FILE": str(users_file),
            "DASHBOARD_AUDIT_LOG": str(folder / "audit.log"),
        }
    )


def test_a_bookmarked_page_and_its_filter_survive_the_login(login_url, offline_page, outside_requests):
    offline_page.goto(f"{login_url}/peta?kelurahan=Gedog")
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("heading", name="Masuk")).to_be_visible()
    assert offline_page.get_by_text("Page not found").count() == 0
    offline_page.get_by_label("Nama pengguna").fill("ani")
    offline_page.get_by_label("Kata sandi").fill(PASSWORD)
    offline_page.get_by_role("button", name="Masuk").click()
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("heading", name="Peta")).to_be_visible(timeout=90_000)
    assert offline_page.get_by_text("Page not found").count() == 0
    assert "/peta" in offline_page.url and "kelurahan=Gedog" in offline_page.url
    kelurahan = offline_page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text="Kelurahan"
    )
    expect(kelurahan).to_contain_text("Gedog")
    assert outside_requests == []

    # a link whose parameters hold markdown: the warning shows it as text, no live link, no image
    offline_page.goto(f"{login_url}/peta?kelurahan=**x** [a](http://e.x) ![i](http://e.x/i.png) www.e.x")
    wait_for_app(offline_page)  # a new page load is a new session: sign in again
    offline_page.get_by_label("Nama pengguna").fill("ani")
    offline_page.get_by_label("Kata sandi").fill(PASSWORD)
    offline_page.get_by_role("button", name="Masuk").click()
    wait_for_app(offline_page)
    warning = offline_page.get_by_text("diabaikan", exact=False).first
    expect(warning).to_contain_text("**x**", timeout=60_000)
    assert offline_page.locator('[data-testid="stMain"] a[href*="e.x"], img[src*="e.x"]').count() == 0
    assert outside_requests == []
