"""One test per phrasing the text reader understands (analysis/data/textreports/patterns.py). Adding a
pattern there means adding its phrasing here."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.data.textreports import extract as X
from analysis.data.textreports.chat import is_chatter, split_reports


@pytest.fixture(scope="module")
def gaz(reference):
    from analysis.data.dataset import load_dataset
    from tests.test_textreports import DATA

    return X.Gazetteer(reference, load_dataset(DATA).officers)


@pytest.mark.parametrize(
    ("text", "expected", "certainty"),
    [
        ("Senin, 26 Mei 2025", date(2025, 5, 26), "certain"),
        ("Senin siang, 26 Mei 2025, petugas", date(2025, 5, 26), "certain"),
        ("26 Mei 2025", date(2025, 5, 26), "certain"),
        ("tanggal 26-05-2025", date(2025, 5, 26), "certain"),
        ("tgl 3/6/25", date(2025, 6, 3), "certain"),
        ("Jumat malam (24/10/2025)", date(2025, 10, 24), "certain"),
        ("Hari/Tgl : Kamis, 5 Juni 2025", date(2025, 6, 5), "certain"),
        ("2025-06-03", date(2025, 6, 3), "certain"),
        ("Selasa, 12 Agt. 2025", date(2025, 8, 12), "certain"),
        ("Jum'at, 7 Nopember 2025", date(2025, 11, 7), "certain"),
        ("on June 3, 2025", date(2025, 6, 3), "certain"),
        ("Selasa, 26 Mei 2025", date(2025, 5, 26), "inferred"),  # 26 Mei 2025 was a Monday
        ("31/02/2025 lalu 3/6/25", date(2025, 6, 3), "certain"),  # an impossible date is passed over
    ],
)
def test_dates(text, expected, certainty):
    found = X.read_date(text)
    assert (found.value, found.certainty) == (expected, certainty)


def test_no_date_is_missing():
    assert X.read_date("pukul 21.00 WIB").certainty == "missing"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("pukul 21.00 WIB", "21:00", None),
        ("08.30 s.d. 10.00", "08:30", "10:00"),
        ("Pukul : 08.30 s/d 10.00 WIB", "08:30", "10:00"),
        ("20.00 – selesai", "20:00", None),
        ("pukul 20.00 - 21.30 WIB", "20:00", "21:30"),
        ("jam 09.00 WIB", "09:00", None),
        ("pkl 7:15 sampai 9:00", "07:15", "09:00"),
        ("tanggal 26.05.2025 saja", None, None),  # a dotted date is no clock time
    ],
)
def test_times(text, start, end):
    assert [f.value for f in X.read_times(text)] == [start, end]


@pytest.mark.parametrize(
    ("text", "name", "certainty"),
    [
        ("di Kel. Klampok, Kec. Sananwetan", "Klampok", "certain"),
        ("menyasar Kelurahan Gedog, Kecamatan Sananwetan", "Gedog", "certain"),
        ("Kelurahan Karang Tengah", "Karangtengah", "certain"),
        ("Desa Kepanjen Lor", "Kepanjenlor", "certain"),
        ("Kel. Klampock", "Klampok", "inferred"),  # one slip
        ("Kel. Gedog, Kec. Sukorejo", "Gedog", "inferred"),  # the kecamatan beside it disagrees
        ("Warga Rembang menyambut baik", "Rembang", "inferred"),  # no "Kel." before it
        ("Polsek Sananwetan, Kota Blitar", None, "missing"),  # a Polsek and a city are no kelurahan
    ],
)
def test_kelurahan(gaz, text, name, certainty):
    found, _ = X.read_kelurahan(text, gaz)
    assert (found.value, found.certainty) == (name, certainty)


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("patroli dialogis rutin", "Patroli Dialogis"),
        ("Patroli malam Senin", "Patroli Malam"),
        ("kegiatan KRYD", "Patroli Malam"),
        ("DDS (door to door system)", "DDS"),
        ("Sambang desa", "Sambang"),
        ("Jumat Curhat di masjid", "Jumat Curhat"),
        ("penyuluhan kamtibmas di sekolah", "Penyuluhan"),
        ("mediasi sengketa tanah", "Problem Solving"),
        ("pengamanan ibadah", "Pengamanan"),
    ],
)
def test_activities(text, activity):
    assert X.read_activity(text, None).value == activity


def test_a_bare_patrol_at_night_is_an_inferred_patroli_malam():
    found = X.read_activity("patroli wilayah", "22:00")
    assert (found.value, found.certainty) == ("Patroli Malam", "inferred")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("dipimpin Panit Binmas Polsek Sananwetan, Aiptu Roziek Mustofa", "Binmas"),
        ("Petugas : Bripka Agus Setiawan (Bhabinkamtibmas Kel. Klampok)", "Bhabinkamtibmas"),
        ("dipimpin piket Samapta Bripka Hendra Wijaya", "Samapta"),
        ("dipimpin Kanit Reskrim Iptu Dedi Susanto", "Reskrim"),
        ("Ketua: Brigpol Rina Astuti (Sat Lantas)", "Lantas"),
    ],
)
def test_unit_from_job_title(gaz, text, unit):
    leader = X.read_leader(text, gaz, None)
    assert (leader.unit.value, leader.unit.certainty) == (unit, "certain")


def test_a_unit_a_complaint_went_to_is_not_the_leaders(gaz):
    leader = X.read_leader("Petugas: Bripka Agus Setiawan. Sudah diteruskan ke piket Samapta.", gaz, None)
    assert leader.unit.certainty == "missing"


@pytest.mark.parametrize(
    ("text", "rank", "name"),
    [
        ("dipimpin Aiptu Roziek Mustofa, bersama", "Aiptu", "Roziek Mustofa"),
        ("Petugas : BRIPKA AGUS SETIAWAN", "Bripka", "Agus Setiawan"),
        ("dipimpin oleh Brigadir Dewi Lestari NRP 95010123", "Brigpol", "Dewi Lestari"),
    ],
)
def test_leader_rank_and_name(gaz, text, rank, name):
    leader = X.read_leader(text, gaz, None)
    assert (leader.rank.value, leader.name.value) == (rank, name)


def test_nrp_written_beside_the_leader_is_certain(gaz):
    leader = X.read_leader("dipimpin oleh Brigadir Dewi Lestari NRP 95010123", gaz, None)
    assert (leader.nrp.value, leader.nrp.certainty) == ("95010123", "certain")


@pytest.mark.parametrize(
    ("text", "count", "certainty"),
    [
        ("bersama tiga personel lainnya", 4, "inferred"),
        ("Aipda Yusuf + 3 anggota", 4, "inferred"),
        ("empat personel melaksanakan", 4, "certain"),
        ("bersama dua anggota lainnya", 3, "inferred"),
        ("bersama 2 anggota (Bripda Lina, Briptu Eko)", 3, "inferred"),
        ("Jumlah personel: 6", 6, "certain"),
    ],
)
def test_personnel(text, count, certainty):
    found = X.read_personnel(text, None)
    assert (found.value, found.certainty) == (count, certainty)


def test_personnel_from_the_officers_listed(gaz):
    text = "Petugas:\n1. Aipda Yusuf Hakim\n2. Bripda Lina Marlina\n3. Briptu Eko Prasetyo"
    found = X.read_personnel(text, X.read_leader(text, gaz, None))
    assert (found.value, found.certainty) == (3, "inferred")


@pytest.mark.parametrize(
    ("text", "count", "certainty"),
    [
        ("Sasaran : warga dan pengurus RT, ± 12 orang", 12.0, "inferred"),
        ("dihadiri 35 warga", 35.0, "certain"),
        ("warga ditemui: 8", 8.0, "certain"),
        ("bersama 3 orang anggota", None, "missing"),
        ("menyambangi 8 rumah warga", None, "missing"),  # houses, not people
    ],
)
def test_residents(text, count, certainty):
    found = X.read_residents(text)
    assert (found.value, found.certainty) == (count, certainty)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("waspada 3C", "Pencurian; Curanmor"),
        ("maraknya curat dan curas", "Pencurian"),
        ("waspada curanmor", "Curanmor"),
        ("knalpot brong", "Balap liar"),
        ("balap liar tiap malam Minggu", "Balap liar"),
        ("pesta miras", "Miras"),
        ("bahaya narkoba dan kenakalan remaja", "Narkoba; Kenakalan remaja"),
        (
            "gangguan keamanan lingkungan hingga keresahan sosial",
            "Gangguan keamanan lingkungan; Keresahan sosial",
        ),
        ("judi online", "Perjudian"),
        ("ronda di pos kamling, situasi aman", None),
    ],
)
def test_topics(gaz, text, topics):
    assert X.read_topics(text, gaz).value == topics


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("sudah diteruskan ke piket Samapta", "Diproses"),
        ("selesai di tempat", "Selesai"),
        ("diselesaikan secara kekeluargaan", "Selesai"),
        ("dalam penanganan Unit Reskrim", "Diproses"),
        ("ternyata hoax", "Tidak Valid"),
        ("warga mengeluhkan parkir liar", "Baru"),
    ],
)
def test_complaint_status_words(text, status):
    assert X.read_status(text).value == status


@pytest.mark.parametrize(
    "text",
    [
        "Warga mengeluhkan balap liar di jalan makam.",
        "Ibu Sri mengeluhkan anak muda mabuk.",
        "Ketua RT 02 melaporkan adanya pencurian helm.",
        "Keluhan dari warga RT 3: jalan gelap rawan begal.",
    ],
)
def test_complaint_sentences(text):
    assert X.complaint_segments(text) == [text]


def test_collecting_complaints_is_not_a_complaint():
    assert X.complaint_segments("petugas menampung keluhan warga, antara lain soal keresahan sosial.") == []


@pytest.mark.parametrize(
    "text",
    ["Siap ndan", "Siap", "<Media tidak disertakan>", "<Media omitted>", "Selamat pagi rekan-rekan",
     "Mantap, lanjutkan", "Pesan ini telah dihapus", "This message was deleted", "Good morning all", "86"],
)  # fmt: skip
def test_chatter(text):
    assert is_chatter(text)


@pytest.mark.parametrize(
    ("line", "when", "sender"),
    [
        ("02/06/25 21.47 - Aipda Yusuf Hakim: Ijin lapor", "2025-06-02 21:47", "Aipda Yusuf Hakim"),
        ("6/2/25, 9:47 PM - Aipda Yusuf Hakim: Ijin lapor", "2025-06-02 21:47", "Aipda Yusuf Hakim"),
        ("[02/06/25 21.47.12] Aipda Yusuf Hakim: Ijin lapor", "2025-06-02 21:47", "Aipda Yusuf Hakim"),
        ("[6/2/25, 9:47:12 PM] Aipda Yusuf Hakim: Ijin lapor", "2025-06-02 21:47", "Aipda Yusuf Hakim"),
        ("13/06/2025 08.00 - Bripka Agus: Ijin lapor", "2025-06-13 08:00", "Bripka Agus"),
    ],
)
def test_chat_export_layouts(line, when, sender):
    pieces, _ = split_reports(line + " DDS di Kel. Klampok")
    assert [(f"{p.sent_at:%Y-%m-%d %H:%M}", p.sender) for p in pieces] == [(when, sender)]


def test_a_message_continues_on_the_next_lines():
    pieces, _ = split_reports("02/06/25 21.47 - Aipda Yusuf: Ijin lapor\nPatroli Kel. Turi\n\nAman")
    assert pieces[0].text == "Ijin lapor\nPatroli Kel. Turi\n\nAman"


def test_scrub_personal_removes_names_and_numbers():
    assert X.scrub_personal("Bpk Slamet (0812-3344-5566) dan Ibu Sri Wahyuni melapor") == (
        "warga ([…]) dan warga melapor"
    )


def test_a_very_long_text_is_read_in_bounded_parts():
    from analysis.data.textreports.chat import MAX_PIECE

    paragraph = "Sambang Kel. Turi tgl 3/6/25 pukul 09.00, Aiptu Roziek Mustofa. " + "x" * 500
    pieces, _ = split_reports("\n\n".join([paragraph] * 40))
    assert len(pieces) > 1 and all(len(p.text) <= MAX_PIECE for p in pieces)
    assert sum(p.text.count("Sambang") for p in pieces) == 40  # nothing lost at the cuts
    assert pieces[1].line > 1


def test_names_without_an_honorific_are_scrubbed_too():
    text = (
        "Keluhan warga:\n1. Budi Santoso (0812-3344-5566) mengeluhkan maling.\n- Joko (RT 3): judi\n"
        "Ijin melaporkan"
    )
    assert X.scrub_personal(text) == (
        "Keluhan warga: 1. warga ([…]) mengeluhkan maling. - warga (RT 3): judi Ijin melaporkan"
    )


def test_a_listed_complaint_names_its_resident(reference):
    text = (
        "Jumat Curhat Kel. Sentul tgl 7/11/25, AKP Bambang Sutrisno.\nKeluhan warga:\n"
        "1. Sri Wahyuni: miras tiap malam"
    )
    from analysis.data.textreports import read_text

    complaint = read_text(text, reference).complaints[0]
    assert complaint.value("reporter_name") == "Sri Wahyuni"
    assert complaint.value("description") == "warga: miras tiap malam"
    assert complaint.value("category") == "Miras"
