"""The text reader: the three cases of /work/shared/cases/text (copied into tests/cases/text) give the
rows their README states, and the unseen shapes (night patrol with a route, Jumat Curhat with residents'
complaints, a complaint taken in on WhatsApp, a daily report as a table, an English-layout export) read
into sensible rows. Personal data stays out of patrol text. Phrasing-level tests are in
tests/test_textreports_patterns.py; import and CLI in tests/test_textreports_import.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.data.dataset import load_dataset
from analysis.data.textreports import certainty_frame, read_text, rows_frame

CASES = Path(__file__).parent / "cases" / "text"
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def officers():
    return load_dataset(DATA).officers


def read(name, reference, officers):
    return read_text((CASES / name).read_text("utf-8"), reference, officers)


def only(reading, kind):
    rows = reading.candidates(kind)
    assert len(rows) == 1, [c.fields for c in rows]
    return rows[0]


# --- the three cases ------------------------------------------------------------------------------------


def test_release_gives_the_gedog_patrol(reference, officers):
    reading = read("rilis-gedog-2025-05-26.txt", reference, officers)
    patrol = only(reading, "patrols")
    assert reading.complaints == []  # "menampung keluhan warga, antara lain soal ..." is topics, not a case
    assert patrol.value("date") == date(2025, 5, 26)
    assert patrol.certainty("start_time") == "missing"  # "siang" is no clock time
    assert patrol.value("kelurahan") == "Gedog" and patrol.certainty("kelurahan") == "certain"
    assert patrol.value("activity") == "Patroli Dialogis"
    assert patrol.value("unit") == "Binmas" and patrol.certainty("unit") == "certain"  # "Panit Binmas"
    assert (patrol.value("leader_rank"), patrol.value("leader_name")) == ("Aiptu", "Roziek Mustofa")
    assert patrol.value("leader_nrp") == "71082666" and patrol.certainty("leader_nrp") == "inferred"
    assert patrol.value("personnel_count") == 4 and patrol.certainty("personnel_count") == "inferred"
    assert patrol.value("topics") == "Gangguan keamanan lingkungan; Keresahan sosial"


def test_labelled_whatsapp_report_gives_patrol_and_linked_complaint(reference, officers):
    reading = read("wa-laporan-bhabin.txt", reference, officers)
    patrol = only(reading, "patrols")
    expected = {
        "date": date(2025, 6, 5),
        "start_time": "08:30",
        "end_time": "10:00",
        "kelurahan": "Klampok",
        "activity": "DDS",
        "unit": "Bhabinkamtibmas",
        "leader_rank": "Bripka",
        "leader_name": "Agus Setiawan",
        "personnel_count": 1,
        "residents_met": 12.0,
        "topics": "Curanmor; Balap liar",
        "location": "RT 02 RW 04",
    }
    assert {c: patrol.value(c) for c in expected} == expected
    assert patrol.certainty("leader_nrp") == "missing"  # not in officers.csv: the review asks for it
    complaint = only(reading, "complaints")
    assert complaint.value("received_at") == "2025-06-05 08:30"
    assert complaint.value("kelurahan") == "Klampok"
    assert complaint.value("category") == "Balap liar"
    assert complaint.value("channel") == "Patroli Dialogis"
    assert complaint.value("status") == "Diproses" and complaint.fields["status"].snippet == "diteruskan"
    assert complaint.value("patrol_id") == patrol.value("patrol_id")
    assert complaint.value("description") == (
        "Warga mengeluhkan anak-anak muda yang balap liar tiap Sabtu malam di jalan dekat makam, sudah "
        "diteruskan ke piket Samapta."
    )


def test_group_export_gives_two_patrols_among_the_chatter(reference, officers):
    reading = read("wa-grup-ekspor.txt", reference, officers)
    assert len(reading.patrols) == 2 and reading.complaints == []
    assert reading.chatter == 4  # greeting, "Siap ndan", media placeholder, "Mantap, lanjutkan"
    night, dds = reading.patrols
    assert {c: night.value(c) for c in ("date", "start_time", "end_time", "kelurahan", "activity")} == {
        "date": date(2025, 6, 2),
        "start_time": "20:00",
        "end_time": "21:30",
        "kelurahan": "Rembang",
        "activity": "Patroli Malam",
    }
    assert (night.value("leader_rank"), night.value("leader_name")) == ("Aipda", "Yusuf Hakim")
    assert night.value("personnel_count") == 3 and night.value("topics") == "Pencurian"
    assert night.value("location") == "sekitar pasar"
    assert {c: dds.value(c) for c in ("date", "start_time", "kelurahan", "activity", "personnel_count")} == {
        "date": date(2025, 6, 3),
        "start_time": "09:00",
        "kelurahan": "Klampok",
        "activity": "DDS",
        "personnel_count": 1,
    }
    assert (dds.value("leader_rank"), dds.value("leader_name")) == ("Bripka", "Agus Setiawan")
    assert dds.certainty("leader_name") == "inferred"  # the message's sender, not written in it
    assert dds.value("topics") == "Narkoba; Kenakalan remaja"
    for patrol in reading.patrols:  # not written and the leaders are not in officers.csv
        assert patrol.certainty("unit") == "missing"


def test_unit_comes_from_officers_when_the_leader_is_known(reference, officers):
    text = "02/06/25 09.00 - Aiptu Roziek Mustofa: Ijin lapor, sambang di Kel. Gedog pukul 08.00 s.d. 09.00"
    patrol = only(read_text(text, reference, officers), "patrols")
    assert patrol.value("unit") == "Binmas" and patrol.certainty("unit") == "inferred"
    assert patrol.value("leader_nrp") == "71082666"


# --- shapes not in the three cases ------------------------------------------------------------------------


def test_night_patrol_with_a_route_of_stops(reference, officers):
    patrol = only(read("patroli-malam-rute.txt", reference, officers), "patrols")
    assert patrol.value("date") == date(2025, 10, 24) and patrol.value("activity") == "Patroli Malam"
    assert patrol.value("start_time") == "22:00" and patrol.certainty("end_time") == "missing"
    assert patrol.value("kelurahan") == "Sentul" and patrol.certainty("kelurahan") == "inferred"  # 3 stops
    assert patrol.value("location").count(" – ") == 2
    assert patrol.value("unit") == "Samapta" and patrol.value("personnel_count") == 4
    assert patrol.value("topics") == "Balap liar; Miras"  # knalpot brong + balap liar, miras


def test_jumat_curhat_lists_residents_complaints(reference, officers):
    reading = read("jumat-curhat.txt", reference, officers)
    patrol = only(reading, "patrols")
    assert patrol.value("activity") == "Jumat Curhat" and patrol.value("kelurahan") == "Karangtengah"
    # "AKP Bambang Sutrisno bersama empat personel": the leader and four more
    assert patrol.value("personnel_count") == 5 and patrol.certainty("personnel_count") == "inferred"
    assert patrol.value("residents_met") == 35.0
    complaints = reading.complaints
    assert [c.value("category") for c in complaints] == ["Pencurian", "Miras", "Perjudian"]
    assert [c.value("status") for c in complaints] == ["Diproses", "Baru", "Selesai"]
    assert {c.value("channel") for c in complaints} == {"Jumat Curhat"}
    assert {c.value("patrol_id") for c in complaints} == {patrol.value("patrol_id")}
    assert [c.value("reporter_name") for c in complaints] == ["Slamet", "Sri Wahyuni", "Joko"]
    assert complaints[0].value("reporter_phone") == "0812-3344-5566"
    assert complaints[2].value("resolved_at") == "2025-11-07"


def test_personal_data_never_reaches_patrol_text_or_descriptions(reference, officers):
    for name in ("jumat-curhat.txt", "aduan-wa-operator.txt"):
        reading = read(name, reference, officers)
        texts = [str(c.value(col)) for c in reading.patrols for col in ("notes", "location", "topics")]
        texts += [c.source for c in reading.patrols + reading.complaints]
        texts += [str(c.value("description")) for c in reading.complaints]
        joined = " ".join(texts)
        for personal in ("Slamet", "Sri Wahyuni", "Joko", "0812", "Ratna", "0857"):
            assert personal not in joined, personal


def test_complaint_taken_in_on_whatsapp_with_the_operators_recap(reference, officers):
    reading = read("aduan-wa-operator.txt", reference, officers)
    assert reading.patrols == []
    complaint = only(reading, "complaints")
    assert complaint.value("received_at") == "2025-11-12 19:45"
    assert complaint.value("channel") == "WhatsApp #LaporPakKapolres"
    assert complaint.value("kelurahan") == "Bendogerit" and complaint.value("category") == "Perjudian"
    assert complaint.value("status") == "Diproses"
    assert (complaint.value("reporter_name"), complaint.value("reporter_phone")) == (
        "Ratna Dewi",
        "0857-1234-9876",
    )
    assert complaint.certainty("patrol_id") == "missing"


def test_daily_report_laid_out_as_a_table(reference, officers):
    reading = read("laporan-harian-tabel.txt", reference, officers)
    frame = rows_frame(reading.patrols, "patrols")
    assert frame[["date", "kelurahan", "activity", "start_time", "leader_name", "personnel_count"]].to_dict(
        "records"
    ) == [
        {
            "date": "2025-11-03",
            "kelurahan": "Plosokerep",
            "activity": "Sambang",
            "start_time": "09:00",
            "leader_name": "Roziek Mustofa",
            "personnel_count": "2",
        },
        {
            "date": "2025-11-03",
            "kelurahan": "Sananwetan",
            "activity": "Patroli Dialogis",
            "start_time": "13:30",
            "leader_name": "Heru Wibowo",
            "personnel_count": "3",
        },
    ]
    assert list(frame["topics"]) == ["Curanmor; Narkoba", "Pencurian; Curanmor"]  # 3C


def test_english_layout_export_reads_month_first_and_skips_chatter(reference, officers):
    reading = read("wa-grup-ekspor-en.txt", reference, officers)
    patrol = only(reading, "patrols")
    assert patrol.value("date") == date(2025, 6, 3)  # "tgl 3/6/25" in the text, Indonesian order
    assert patrol.value("personnel_count") == 3  # "bersama dua anggota lainnya"
    assert patrol.value("topics") == "Pencurian; Curanmor"
    assert reading.chatter == 3


def test_chatter_alone_is_no_report(reference, officers):
    text = "02/06/25 07.02 - Bripda Lina: Siap ndan\n02/06/25 07.03 - Aipda Yusuf: <Media tidak disertakan>\n"
    reading = read_text(text, reference, officers)
    assert reading.empty and reading.chatter == 2


def test_several_reports_pasted_together_and_the_same_one_twice(reference, officers):
    one = (CASES / "wa-laporan-bhabin.txt").read_text("utf-8")
    two = "Ijin lapor, Sambang Kel. Turi tgl 3/6/25 pukul 09.00, Aiptu Roziek Mustofa."
    reading = read_text(f"{one}\n{two}\n{one}", reference, officers)
    assert [p.value("kelurahan") for p in reading.patrols] == ["Klampok", "Turi"]
    assert len(reading.complaints) == 1


def test_frames_are_aligned_with_certainties(reference, officers):
    reading = read("wa-grup-ekspor.txt", reference, officers)
    rows, sure = rows_frame(reading.patrols, "patrols"), certainty_frame(reading.patrols, "patrols")
    assert rows.shape == sure.shape and list(rows.columns) == list(sure.columns)
    assert set(sure.to_numpy().ravel()) <= {"certain", "inferred", "missing"}
    assert (rows.where(sure == "missing").dropna(how="all").fillna("") == "").all().all()
    assert isinstance(rows, pd.DataFrame) and rows.loc[0, "date"] == "2025-06-02"


def test_snippets_carry_no_personal_data(reference, officers):
    text = (
        "Jumat Curhat tgl 7/11/25 di rumah Bpk Slamet Kel. Sentul, AKP Bambang Sutrisno.\n"
        "Keluhan warga:\n1. Ibu Sri (0812-3344-5566): miras, diteruskan"
    )
    reading = read_text(text, reference, officers)
    snippets = " ".join(f.snippet for c in reading.patrols + reading.complaints for f in c.fields.values())
    assert "Slamet" not in snippets and "Sri" not in snippets and "0812" not in snippets
    assert reading.complaints[0].value("reporter_phone") == "0812-3344-5566"
