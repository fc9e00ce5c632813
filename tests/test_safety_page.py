"""Issue 19 and issue 13 (kind 8) through the app frame: text stays text, rejected rows are counted on
every page, backups can be seen and restored, Excel notices, no path on the login screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.core import settings
from analysis.core.text import plain
from analysis.data import backups
from tests.test_auth_page import write_small_dataset

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
# Markdown, a link, a remote image and HTML: each must be shown literally wherever it appears.
PAYLOAD = "**x** [a](http://e.x) ![i](http://e.x/i.png) <img src=x>"
RAW_PIECES = ("**x**", "[a](http://e.x)", "![i](http://e.x/i.png)", "<img src=x>")
# A file name cannot hold "/": the same syntax without it.
NAME_PAYLOAD = "**x** [a](e.x) ![i](e.x-i.png) <img src=x>"
MARKDOWN_ELEMENTS = ("markdown", "caption", "warning", "error", "success", "info", "subheader", "title")


def bodies(at: AppTest) -> list[str]:
    """The markdown source of every element Streamlit renders as markdown (sidebar included)."""
    found = []
    for kind in MARKDOWN_ELEMENTS:
        found += [str(e.value) for e in getattr(at, kind)]
    for kind in ("selectbox", "checkbox", "button", "expander"):
        found += [str(getattr(e, "label", "")) for e in at.get(kind)]
    found += [str(e.proto.label) for e in at.get("expandable")]
    return found


def assert_literal(at: AppTest, payload: str = PAYLOAD) -> None:
    """The payload is shown (escaped) somewhere, and nowhere as live markdown."""
    shown = bodies(at)
    raw = [*RAW_PIECES, "[a](e.x)", "![i](e.x-i.png)"]
    for body in shown:
        for piece in raw:
            assert piece not in body, (piece, body)
    assert any(plain(payload) in body for body in shown), shown


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = write_small_dataset(tmp_path / "data")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    monkeypatch.delenv(settings.AUTH_FILE.name, raising=False)
    monkeypatch.setenv(settings.AUDIT_LOG.name, str(tmp_path / "audit.log"))
    return folder


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def to_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


# --- item 5: text from links, files and data is always text -----------------------------------------


def test_a_link_with_markdown_in_its_parameters_shows_it_literally(data_dir):
    at = run_app(kelurahan=PAYLOAD)
    assert any("diabaikan" in w.value for w in at.warning)
    assert_literal(at)


def test_a_file_name_and_column_headers_with_markdown_are_shown_literally(data_dir):
    at = to_page(run_app(), "pages/data.py")
    # refused (binary): the message names the file
    at.file_uploader(key="intake_upload").set_value((f"{NAME_PAYLOAD}.csv", b"%PDF-1.7", "text/csv"))
    at.run()
    assert not at.exception and at.error
    assert_literal(at, NAME_PAYLOAD)
    # a good file with one header no column knows, then merged: the ignored header and the summary
    header = "nrp,name,rank,unit,assigned_kelurahan,active," + PAYLOAD.replace(",", "")
    rows = "99990001,Uji Coba,Bripka,Binmas,,ya,isi\n"
    at.file_uploader(key="intake_upload").set_value(
        (f"{NAME_PAYLOAD}.csv", f"{header}\n{rows}".encode(), "text/csv")
    )
    at.run()
    assert not at.exception, at.exception
    assert_literal(at)
    at.button(key="intake_merge").click().run()
    assert not at.exception, at.exception
    assert_literal(at, NAME_PAYLOAD)


def test_officer_names_with_markdown_are_shown_literally_on_the_officers_page(data_dir):
    officers = (data_dir / "officers.csv").read_text("utf-8").replace("Roziek Mustofa", PAYLOAD)
    (data_dir / "officers.csv").write_text(officers, "utf-8")
    patrols = (data_dir / "patrols.csv").read_text("utf-8").replace("Roziek Mustofa", PAYLOAD)
    (data_dir / "patrols.csv").write_text(patrols, "utf-8")
    at = to_page(run_app(start="2025-05-01", end="2025-05-31"), "pages/officers.py")
    at.selectbox(key="officers_view").select("nrp:78050123").run()
    assert not at.exception, at.exception
    assert_literal(at)


# --- issue 13, kind 8: rows rejected in the data folder are counted on every page --------------------


def add_bad_row(data_dir: Path) -> None:
    with (data_dir / "patrols.csv").open("a", encoding="utf-8") as fh:
        fh.write("P9,2025-05-21,08:00,09:00,Atlantis,Sambang,Binmas,78050123,Roziek Mustofa,Aiptu,2,,,,,,\n")


@pytest.mark.parametrize(
    "page", ["pages/overview.py", "pages/map.py", "pages/trends.py", "pages/officers.py"]
)
def test_rejected_rows_of_the_data_folder_are_counted_on_every_page(data_dir, page):
    add_bad_row(data_dir)
    at = to_page(run_app(), page)
    notices = [w.value for w in at.main.warning]
    assert any("1 baris di berkas data ditolak" in n and plain("patrols.csv 1") in n for n in notices), (
        notices
    )
    links = [e.proto for e in at.get("page_link")]
    assert any(link.page.endswith("data") or "data" in link.page for link in links), links


def test_no_notice_when_every_row_loads(data_dir):
    at = run_app()
    assert not [w.value for w in at.warning if "ditolak" in w.value]


def test_the_data_page_shows_the_folders_report_with_line_numbers(data_dir):
    add_bad_row(data_dir)
    at = to_page(run_app(), "pages/data.py")
    assert "Laporan berkas di folder data" in [s.value for s in at.subheader]
    table = next(d.value for d in at.dataframe if "Alasan" in d.value.columns)
    assert table[["Baris", "Kolom", "Nilai", "Jenis"]].values.tolist()[0] == [
        "5",
        "kelurahan",
        "Atlantis",
        "ditolak",
    ]


# --- item 3: backups shown and restored --------------------------------------------------------------


def import_file(at: AppTest, name: str, text: str) -> AppTest:
    at.file_uploader(key="intake_upload").set_value((name, text.encode(), "text/csv"))
    at.run()
    at.button(key="intake_merge").click().run()
    assert not at.exception, at.exception
    return at


def test_the_data_page_shows_backups_and_restores_one_after_confirmation(data_dir, tmp_path):
    original = (data_dir / "officers.csv").read_bytes()
    at = to_page(run_app(), "pages/data.py")
    at = import_file(
        at, "tambah.csv", "nrp,name,rank,unit,assigned_kelurahan,active\n99990001,Uji,Bripka,Binmas,,ya\n"
    )
    assert any("1 cadangan" in c.value for c in at.caption), [c.value for c in at.caption]
    (kept,) = backups.list_backups(data_dir)
    assert kept.path.read_bytes() == original
    button = at.button(key="safety_restore")
    assert button.disabled  # not before the confirmation
    at.checkbox(key=f"safety_restore_ok_{kept.name}").check().run()
    at.button(key="safety_restore").click().run()
    assert not at.exception, at.exception
    assert (data_dir / "officers.csv").read_bytes() == original
    assert any("dipulihkan" in s.value for s in at.success)
    events = [json.loads(line) for line in (tmp_path / "audit.log").read_text().splitlines()]
    assert [e["event"] for e in events][-1] == "restore" and kept.name in events[-1]["detail"]
    assert len(backups.list_backups(data_dir)) == 2  # the replaced file was kept too


# --- item 4: the download's notice -------------------------------------------------------------------


def test_the_data_page_says_which_cells_the_excel_download_changes(data_dir):
    text = (data_dir / "complaints.csv").read_text("utf-8")
    text = text.replace("Balap liar tiap malam Minggu", "y" * 40_000).replace(
        "Telepon iseng", "Telepon\x0biseng"
    )
    (data_dir / "complaints.csv").write_text(text, "utf-8")
    at = to_page(run_app(), "pages/data.py")
    notices = [c.value for c in at.caption if "Unduhan Excel" in c.value]
    assert len(notices) == 1, notices
    assert "dipotong" in notices[0] and "karakter kontrol" in notices[0] and "description" in notices[0]


# --- item 6: no path on the login screen ---------------------------------------------------------------


def test_a_broken_users_file_shows_no_path_on_the_login_screen(data_dir, tmp_path, monkeypatch):
    broken = tmp_path / "rahasia" / "users.json"
    broken.parent.mkdir()
    broken.write_text("{oops")
    monkeypatch.setenv(settings.AUTH_FILE.name, str(broken))
    at = run_app()
    shown = " ".join(bodies(at))
    assert "tetap terkunci" in shown
    assert "rahasia" not in shown and str(tmp_path) not in shown and "users.json" not in shown
