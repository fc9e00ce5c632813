"""The Data page through the app frame: upload, pairing, report, merge, duplicate import, downloads."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.core.text import plain
from analysis.data import intake

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/data.py"

GOOD = (
    "ID patroli,Tanggal,Jam mulai,Jam selesai,Kelurahan,Jenis kegiatan,Satuan/fungsi,NRP ketua,Nama ketua,"
    "Pangkat,Jumlah personel,Topik/materi\n"
    "UJI-1,26/05/2025,09.00,10:30,Gedog,Patroli Dialogis,Binmas,75010001,Roziek Mustofa,Aiptu,4,"
    "Gangguan keamanan lingkungan; Keresahan sosial\n"
    "UJI-2,27/05/2025,21:00,22:30,Sentul,Patroli Malam,Samapta,80020002,Siti Aminah,Bripka,3,\n"
)
BAD_ROW = "UJI-3,28/05/2025,08:00,09:00,Atlantis,Sambang,Binmas,75010001,Roziek Mustofa,Aiptu,2,\n"
ODD = (  # headers no alias knows: the analyst pairs them by hand
    "Hari Kegiatan,Wilayah,Bentuk,Fungsi,Nomor Induk,Dipimpin,Anggota\n"
    "26/05/2025,Gedog,Patroli Dialogis,Binmas,75010001,Roziek Mustofa,4\n"
)
ODD_PAIRS = {
    "date": "Hari Kegiatan",
    "kelurahan": "Wilayah",
    "activity": "Bentuk",
    "unit": "Fungsi",
    "leader_nrp": "Nomor Induk",
    "leader_name": "Dipimpin",
    "personnel_count": "Anggota",
}


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A copy of the bundled data the test may change; the app reads it through DASHBOARD_DATA_DIR.

    The newest few hundred rows of each file keep every run of the app quick.
    """
    for path in (ROOT / "data").glob("*.csv"):
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
        rows.tail(300).to_csv(tmp_path / path.name, index=False)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DASHBOARD_AUTH_FILE", raising=False)
    return tmp_path


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, text: str) -> AppTest:
    at.file_uploader(key="intake_upload").set_value((name, text.encode("utf-8"), "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def merge(at: AppTest) -> AppTest:
    at.button(key="intake_merge").click().run()
    assert not at.exception, at.exception
    return at


def patrol_lines(data_dir: Path) -> list[str]:
    path = data_dir / "patrols.csv"
    return path.read_text("utf-8").splitlines() if path.exists() else []


def table_with(at: AppTest, column: str):
    """The first table on the page with this column (AppTest does not expose a dataframe's key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def texts(at: AppTest, kind: str) -> str:
    return " ".join(str(e.value) for e in getattr(at, kind))


def test_a_good_file_is_validated_previewed_and_merged(data_dir):
    before = patrol_lines(data_dir)
    at = upload(open_page(), "patroli.csv", GOOD)
    assert "Dikenali sebagai data Patroli" in " ".join(c.value for c in at.caption)
    assert [m.value for m in at.metric][:3] == ["2", "2", "0"]
    assert "2 baris baru" in texts(at, "markdown")
    assert not at.error

    at = merge(at)
    assert f"{plain('patroli.csv')}: 2 baris ditambahkan, 0 diperbarui" in texts(at, "success")  # escaped
    after = patrol_lines(data_dir)
    assert len(after) == len(before) + 2 and any(line.startswith("UJI-1,") for line in after)
    (entry,) = intake.read_log(data_dir)
    assert (entry["file_name"], entry["added"], entry["sha256"]) == (
        "patroli.csv",
        2,
        intake.file_sha256(GOOD.encode("utf-8")),
    )


def test_a_file_with_a_bad_row_lists_it_and_merges_only_the_valid_rows(data_dir):
    at = upload(open_page(), "patroli.csv", GOOD + BAD_ROW)
    assert [m.value for m in at.metric][:3] == ["3", "2", "1"]
    problems = table_with(at, "Alasan")
    rejected = problems[problems["Jenis"] == "ditolak"]
    assert rejected[["Baris", "Kolom", "Nilai"]].values.tolist() == [["4", "Kelurahan", "Atlantis"]]
    at = merge(at)
    assert "2 baris ditambahkan" in texts(at, "success") and "1 ditolak" in texts(at, "success")
    assert not any("Atlantis" in line for line in patrol_lines(data_dir))


def test_unknown_headers_are_paired_by_hand_and_the_pairing_is_remembered(data_dir):
    at = upload(open_page(), "rekap.csv", ODD)
    assert "tidak dikenali" in texts(at, "warning")
    assert not at.get("button") or "intake_merge" not in [b.key for b in at.button]
    key = intake.header_key(ODD.splitlines()[0].split(","))
    for column, header in ODD_PAIRS.items():
        at.selectbox(key=f"intake_map_patrols_{column}_{key}").select(header)
    at.run()
    assert not at.exception, at.exception
    assert [m.value for m in at.metric][:3] == ["1", "1", "0"]
    at = merge(at)
    assert "1 baris ditambahkan" in texts(at, "success")
    assert intake.find_mapping(data_dir, ODD.splitlines()[0].split(",")) == (
        "patrols",
        {header: column for column, header in ODD_PAIRS.items()},
    )

    again = upload(open_page(), "rekap_minggu_depan.csv", ODD.replace("26/05/2025", "02/06/2025"))
    assert "pemetaan kolom yang tersimpan" in texts(again, "info")
    assert [m.value for m in again.metric][:3] == ["1", "1", "0"]


def test_importing_the_same_file_twice_adds_nothing(data_dir):
    merge(upload(open_page(), "patroli.csv", GOOD))
    after_first = (data_dir / "patrols.csv").read_bytes()

    at = upload(open_page(), "patroli.csv", GOOD)
    assert "sudah pernah diimpor" in texts(at, "info")
    assert "0 baris baru, 2 sama dengan data" in texts(at, "markdown")
    at = merge(at)
    assert "0 baris ditambahkan, 0 diperbarui, 2 dilewati" in texts(at, "success")
    assert (data_dir / "patrols.csv").read_bytes() == after_first
    assert [e["added"] for e in intake.read_log(data_dir)] == [2, 0]


def test_a_changed_row_is_listed_and_updated_only_after_confirmation(data_dir):
    merge(upload(open_page(), "patroli.csv", GOOD))
    changed = GOOD.replace("Siti Aminah,Bripka,3", "Siti Aminah,Bripka,5")
    at = upload(open_page(), "patroli_revisi.csv", changed)
    conflicts = table_with(at, "Nilai lama")
    assert conflicts.values.tolist() == [["UJI-2", "Jumlah personel", "3", "5"]]
    at = merge(at)
    assert "1 baris yang berubah dibiarkan" in texts(at, "warning")
    assert any(line.startswith("UJI-2,") and ",3," in line for line in patrol_lines(data_dir))

    at = upload(open_page(), "patroli_revisi.csv", changed)
    at.checkbox(key=f"intake_accept_{intake.file_sha256(changed.encode())}").check().run()
    at = merge(at)
    assert "1 diperbarui" in texts(at, "success")
    assert any(line.startswith("UJI-2,") and ",5," in line for line in patrol_lines(data_dir))
    assert len(list((data_dir / ".backups").iterdir())) >= 2


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("laporan.csv", b"%PDF-1.7 binary", "bukan teks CSV"),
        ("rekap.xlsx", b"tanggal,kelurahan\n", "bukan buku kerja Excel"),
        ("besar.csv", b"a" * (20 * 1024 * 1024 + 1), "Berkas terlalu besar"),
    ],
)
def test_refused_files_get_a_clear_message_and_nothing_is_written(data_dir, name, payload, message):
    before = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    at = open_page()
    at.file_uploader(key="intake_upload").set_value((name, payload, "application/octet-stream"))
    at.run()
    assert not at.exception, at.exception
    assert message in texts(at, "error")
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.csv")} == before
    assert not (data_dir / intake.LOG_NAME).exists() and not (data_dir / ".backups").exists()


def test_templates_and_current_data_can_be_downloaded(data_dir):
    at = open_page()
    keys = {b.key for b in at.get("download_button")}
    assert {"intake_template_patrols_csv", "intake_template_officers_xlsx"} <= keys
    assert "intake_data_patrols_csv" in keys


def test_the_page_speaks_english_when_switched(data_dir):
    at = open_page()
    at.session_state["lang"] = "en"
    at = upload(at, "patrols.csv", GOOD + BAD_ROW)
    assert "Recognised as Patrols" in " ".join(c.value for c in at.caption)
    assert "2 new rows, 0 identical" in texts(at, "markdown")
    assert table_with(at, "Reason")["Reason"].tolist()[0] == "not a kelurahan of Kota Blitar"
    assert at.button(key="intake_merge").label == "Merge"


def test_an_excel_workbook_with_a_title_block_is_read_from_its_header_row(data_dir):
    rows = pd.read_csv(io.StringIO(GOOD), dtype=str, keep_default_na=False)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        rows.to_excel(writer, sheet_name="Mei", index=False, startrow=2)  # a title block above the headers
        writer.sheets["Mei"]["A1"] = "REKAP PATROLI POLSEK SANANWETAN"
    at = open_page()
    at.file_uploader(key="intake_upload").set_value(
        ("rekap.xlsx", buffer.getvalue(), "application/vnd.ms-excel")
    )
    at.run()
    assert not at.exception, at.exception
    assert [m.value for m in at.metric][:3] == ["2", "2", "0"]
    at = merge(at)
    assert f"{plain('rekap.xlsx')}: 2 baris ditambahkan" in texts(at, "success")
