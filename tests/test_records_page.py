"""The records page, "Perlu perhatian" and in-session filter links, through the real frame (app.py)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.metrics.filters import Filters, filter_complaints, filter_patrols
from tests import apptest
from tests.shown_tables import shown

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/records.py"


open_records = partial(apptest.open_page, PAGE)


def test_the_gedog_event_is_listed_with_leader_personnel_and_both_topics():
    at = open_records(start="2025-05-26", end="2025-05-26", kelurahan="Gedog")
    assert at.title[0].value == "Daftar kegiatan & laporan"
    assert "Filter: Periode 26 Mei 2025 · Kelurahan: Gedog" in [i.value for i in at.info]
    patrols = shown(at.dataframe[0])
    event = patrols.loc[patrols["Ketua"] == "Aiptu Roziek Mustofa"]
    assert len(event) == 1
    assert event["Jumlah personel"].iloc[0] == 4
    assert event["Topik/materi"].iloc[0] == "Gangguan keamanan lingkungan; Keresahan sosial"
    assert event["Jenis kegiatan"].iloc[0] == "Patroli Dialogis"
    assert "Call Center 110" in event["Keterangan"].iloc[0]
    assert at.subheader[0].value == f"Kegiatan patroli ({len(patrols)})"


def test_complaints_are_the_valid_ones_unless_asked_and_downloads_offer_those_rows():
    start, end = "2025-05-01", "2025-05-31"
    at = open_records(start=start, end=end)
    ds = load_dataset(settings.DATA_DIR.read())
    f = Filters(start=date.fromisoformat(start), end=date.fromisoformat(end))
    period = filter_complaints(ds.complaints, f, ds.reference.kecamatan_of())
    valid = int(period["is_valid"].sum())
    headers = [s.value for s in at.subheader]
    assert f"Laporan warga ({valid:,})".replace(",", ".") in headers
    assert len(at.dataframe[1].value) == valid
    assert {"records_patrols_dl_csv", "records_complaints_dl_xlsx"} <= {
        b.key for b in at.get("download_button")
    }
    at.toggle(key="records_invalid").set_value(True).run()
    assert len(at.dataframe[1].value) == len(period)


def test_english_title_and_columns():
    at = open_records()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Records"
    assert {"Leader", "Personnel", "Topics"} <= set(shown(at.dataframe[0]).columns)


def test_a_link_inside_the_session_sets_the_filter_and_a_plain_page_switch_keeps_it():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.query_params["kelurahan"] = "Gedog"
    at.query_params["category"] = "Balap liar"
    at.run()  # what st.page_link / st.switch_page with query parameters do
    f = at.session_state["filters"]
    assert f.kelurahan == ("Gedog",) and f.categories == ("Balap liar",)
    at.switch_page("pages/map.py").run()
    assert at.session_state["filters"].kelurahan == ("Gedog",)
    at.multiselect(key="f_kelurahan").set_value(["Sentul"]).run()  # a widget change wins over the old URL
    assert at.session_state["filters"].kelurahan == ("Sentul",)
    assert at.session_state["filters"].categories == ("Balap liar",)


def test_overview_opens_with_at_most_five_attention_lines_and_tren_s_top_rise():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert "Perlu perhatian" in [s.value for s in at.subheader]
    links = at.get("page_link")
    assert 1 <= len(links) <= 5
    lines = [m.value for m in at.markdown if "naik bermakna" in m.value]
    assert lines and "Balap liar di Kepanjenlor naik bermakna" in lines[0].replace("\\", "")


def test_a_long_list_shows_the_latest_rows_says_how_many_and_downloads_them_all(monkeypatch):
    from analysis.metrics import records
    from ui import widgets

    downloaded = {}

    def keep(frame, name, key, notes=None, rows=None):
        downloaded[key] = frame() if callable(frame) else frame

    monkeypatch.setattr(records, "SHOWN_ROWS", 3)
    monkeypatch.setattr(widgets, "download_buttons", keep)
    start, end = "2025-05-01", "2025-05-31"
    at = open_records(start=start, end=end)
    ds = load_dataset(settings.DATA_DIR.read())
    f = Filters(start=date.fromisoformat(start), end=date.fromisoformat(end))
    everything = records.patrol_records(filter_patrols(ds.patrols, f, ds.reference.kecamatan_of()))
    assert len(everything) > 3
    shown_rows = shown(at.dataframe[0])
    assert len(shown_rows) == 3
    assert shown_rows["ID patroli"].tolist() == everything["patrol_id"].head(3).tolist()  # the latest
    total = f"{len(everything):,}".replace(",", ".")
    assert f"Ditampilkan 3 terbaru dari {total}; unduhan CSV/Excel di bawah berisi semua {total}." in [
        c.value for c in at.caption
    ]
    assert at.subheader[0].value == f"Kegiatan patroli ({total})"
    assert len(downloaded["records_patrols_dl"]) == len(everything)


def test_a_table_too_long_for_excel_offers_the_csv_and_says_why(monkeypatch):
    from analysis.data import export
    from analysis.metrics import records

    monkeypatch.setattr(export, "EXCEL_ROWS", 3)
    monkeypatch.setattr(records, "SHOWN_ROWS", 3)
    at = open_records(start="2025-05-01", end="2025-05-31")
    buttons = {b.key: b.proto for b in at.get("download_button")}
    assert buttons["records_patrols_dl_xlsx"].disabled and not buttons["records_patrols_dl_csv"].disabled
    patrols = at.subheader[0].value.removeprefix("Kegiatan patroli (").removesuffix(")")
    captions = [c.value for c in at.caption]
    assert f"Ditampilkan 3 terbaru dari {patrols}; unduhan CSV di bawah berisi semua {patrols}." in captions
    assert (
        f"Berkas Excel dibuat sampai 3 baris; tabel ini {patrols} baris. Unduh CSV (bisa dibuka di Excel)."
        in [c.value for c in at.caption]
    )


def test_a_table_within_the_excel_limit_offers_both():
    at = open_records(start="2025-05-26", end="2025-05-26", kelurahan="Gedog")
    buttons = {b.key: b.proto for b in at.get("download_button")}
    assert not buttons["records_patrols_dl_xlsx"].disabled
    assert not any("Berkas Excel dibuat sampai" in c.value for c in at.caption)


def test_a_table_too_long_for_any_download_says_to_narrow_the_filter(monkeypatch):
    from analysis.data import export
    from analysis.metrics import records

    monkeypatch.setattr(export, "EXCEL_ROWS", 2)
    monkeypatch.setattr(export, "DOWNLOAD_ROWS", 3)
    monkeypatch.setattr(records, "SHOWN_ROWS", 3)
    at = open_records(start="2025-05-01", end="2025-05-31")
    buttons = {b.key: b.proto for b in at.get("download_button")}
    assert buttons["records_patrols_dl_xlsx"].disabled and buttons["records_patrols_dl_csv"].disabled
    patrols = at.subheader[0].value.removeprefix("Kegiatan patroli (").removesuffix(")")
    captions = [c.value for c in at.caption]
    assert f"Ditampilkan 3 terbaru dari {patrols}." in captions
    assert (
        f"Unduhan dari dasbor sampai 3 baris; tabel ini {patrols} baris. Persempit filter (periode, "
        "kelurahan), atau ambil berkas dari folder data."
    ) in captions


def test_the_formats_offered_narrow_with_the_table_s_length():
    from analysis.data import export
    from ui.widgets import offered_formats

    assert offered_formats(None) == offered_formats(export.EXCEL_ROWS) == ("csv", "xlsx")
    assert offered_formats(export.EXCEL_ROWS + 1) == offered_formats(export.DOWNLOAD_ROWS) == ("csv",)
    assert offered_formats(export.DOWNLOAD_ROWS + 1) == ()
