"""Deterministic sample data: two years of patrols, complaints and officers for the 3 Polsek of Kota Blitar.

``python -m analysis sample --out data/ --seed 2025 [--rows N] [--end YYYY-MM-DD]`` writes
``patrols.csv``, ``complaints.csv`` and ``officers.csv`` as raw files a user would have (ISO dates, ``HH:MM``
times, ``received_at`` as ``YYYY-MM-DD HH:MM``, topics joined by ``"; "``, UTF-8, comma-separated), in the
contract's column order. The same seed and end date always give the same bytes; the committed files in
``data/`` are the default run (seed 2025, end 2026-11-27) and a test regenerates them.

Without ``--rows`` the volume is a Polsek's (about 21,000 patrols and 7,500 complaints over 730 days): patrols
come from an officer-day schedule (``PATROL_RATE``): every Bhabinkamtibmas reports from their own kelurahan
on about 90 % of days Monday-Saturday (Sambang, DDS, Problem Solving, Patroli Dialogis; tiga pilar in the
notes), the other units less often, everyone takes a few 2-4-day leaves, and outside planted gaps nobody is
silent longer than ``MAX_SILENCE`` days; complaints go to whoever on duty was idle longest.
With ``--rows N`` the generator writes N patrols and N complaints over the same two years (benchmark scale),
N officer-days drawn from the same schedule rates; everything is vectorised with numpy, so the planted
stories hold at any size.

The story the data tells (so the analysis pages have something to find):

* The real event, exactly: Senin 26 Mei 2025, Patroli Dialogis in Kelurahan Gedog led by Panit Binmas
  Polsek Sananwetan Aiptu Roziek Mustofa with three other personnel, topics gangguan keamanan lingkungan
  and keresahan sosial, residents reminded of Call Center 110 and WhatsApp #LaporPakKapolres; two
  complaints raised in that patrol (channel "Patroli Dialogis", ``patrol_id`` linking to it).
* Weekly rhythm (few patrols on Sunday, Jumat Curhat on Fridays), Patroli Malam 21:00-02:00 crossing
  midnight, patroli sahur in Ramadan, church security at Christmas, mosques at Idul Fitri.
* Complaints peak at night (19:00-01:00); Call Center 110 is about 92 % "Tidak Valid", WhatsApp clean.
* Seasons from ``data/reference/calendar.csv``: Ramadan (balap liar, kenakalan remaja after sahur,
  03:00-05:00), Lebaran / Operasi Ketupat (pencurian, curanmor: empty houses), Operasi Lilin (miras,
  lalu lintas).
* ``UNDER_PATROLLED`` kelurahan get many complaints and few patrols.
* ``PLANTED_RISES``: a category in a kelurahan rises sharply in the last ``RISE_DAYS`` days.
* ``SINGLE_LEADER_KELURAHAN``: its Bhabinkamtibmas leads nearly every visit (other units hardly go there).
* ``NEGLECTED_KELURAHAN``: its Bhabinkamtibmas has not visited it for ``NEGLECT_DAYS`` days (he is BKO in
  the neighbouring kelurahan Sukorejo).
* ``STOPPED_REPORTING``: officers with no activity (patrol or complaint) in the last 3, 5 and 9 days, so
  the officers page shows one alert and two warnings that stand out; two officers inactive (``active`` =
  ``tidak``: mutasi and pensiun) whose records end on their leaving day.
* Hostile-text fixture: exactly one complaint (channel Media Sosial, status Tidak Valid) has the
  description ``HOSTILE_DESCRIPTION`` = ``<img src=x onerror=alert(1)><script>alert(2)</script>``, so
  tests can prove that no page renders user text as HTML.

All names and phone numbers are invented (Javanese names, ``08xx-xxxx-xxxx``); NRPs are 8 digits
(birth year and month, then a serial), fake as well. The public hotline 081-136-061-10 appears in notes.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.data.reference import KECAMATAN, Reference, load_reference
from analysis.data.schema import ACTIVITIES, CHANNELS, STATUSES, Kind, columns

DEFAULT_END = date(2026, 11, 27)
DEFAULT_SEED = 2025
DAYS = 730
DEFAULT_COMPLAINTS = 7500
MIN_ROWS = 100
# None as a numpy.where fill (an object array, as a bare None gives; numpy's stubs refuse a bare None)
_NONE = np.array(None, dtype=object)

HOSTILE_DESCRIPTION = "<img src=x onerror=alert(1)><script>alert(2)</script>"
REAL_EVENT_DATE = date(2025, 5, 26)
REAL_EVENT_LEADER = "Roziek Mustofa"
REAL_EVENT_NOTES = (
    "Panit Binmas Polsek Sananwetan Aiptu Roziek Mustofa bersama tiga personel melaksanakan Patroli "
    "Dialogis di Kelurahan Gedog. Warga menyampaikan gangguan keamanan lingkungan dan keresahan sosial. "
    "Warga diingatkan layanan Call Center 110 (bebas pulsa) dan WhatsApp #LaporPakKapolres 081-136-061-10."
)

UNDER_PATROLLED: tuple[str, ...] = ("Sentul", "Karangtengah", "Tanjungsari")
PLANTED_RISES: tuple[tuple[str, str], ...] = (("Bendogerit", "Curanmor"), ("Kepanjenlor", "Balap liar"))
RISE_DAYS = 30
SINGLE_LEADER_KELURAHAN = "Rembang"
NEGLECTED_KELURAHAN = "Karangsari"
NEGLECT_DAYS = 75
# (role, polsek/kelurahan key, days without activity at the end of the data)
STOPPED_REPORTING: tuple[tuple[str, str, int], ...] = (
    ("bhabin", "Sananwetan", 9),
    ("bhabin", "Pakunden", 5),
    ("samapta", "Sananwetan", 3),
)

# ----------------------------------------------------------------------------------------------------
# Vocabulary

MALE_FIRST = (
    "Agus", "Bambang", "Budi", "Dwi", "Eko", "Hadi", "Heru", "Imam", "Joko", "Kukuh", "Mulyono", "Nur",
    "Purwanto", "Rudi", "Slamet", "Sugeng", "Sutrisno", "Teguh", "Wahyu", "Yudi", "Andik", "Arif", "Bagus",
    "Dedi", "Didik", "Gatot", "Hendro", "Iwan", "Priyo", "Rahmat", "Rizal", "Sigit", "Tri", "Yoyok",
    "Fajar", "Aditya", "Dimas", "Galih", "Rendra", "Yusuf", "Ahmad", "Anang", "Edy", "Wawan", "Catur",
    "Bayu", "Danang", "Ilham", "Lukman", "Mochamad",
)  # fmt: skip
FEMALE_FIRST = (
    "Dewi", "Sri", "Siti", "Rina", "Yuni", "Endah", "Lestari", "Ratna", "Wulan", "Novi", "Anik", "Ika",
    "Tutik", "Wahyuni", "Retno", "Puji", "Dyah", "Nanik",
)  # fmt: skip
SURNAMES = (
    "Santoso", "Prasetyo", "Wibowo", "Hartono", "Setiawan", "Susanto", "Nugroho", "Kurniawan", "Hidayat",
    "Saputra", "Wijaya", "Purnomo", "Handoko", "Prabowo", "Efendi", "Syaifudin", "Hariyanto", "Sulistyo",
    "Widodo", "Fauzi", "Firmansyah", "Ardiansyah", "Cahyono", "Suprapto", "Budiarto", "Rahayu",
    "Hermawan", "Kusuma", "Pamungkas", "Utomo", "Suyanto", "Wicaksono", "Anggoro", "Maulana", "Junaedi",
)  # fmt: skip
PHONE_PREFIXES = ("0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858", "0877", "0878", "0896")

# Officer roster of one Polsek: (role, unit, count, ranks, rank weights)
ROSTER: tuple[tuple[str, str, int, tuple[str, ...], tuple[float, ...]], ...] = (
    ("kapolsek", "Binmas", 1, ("Iptu",), (1.0,)),
    ("panit_binmas", "Binmas", 1, ("Aiptu", "Ipda"), (0.6, 0.4)),
    ("bhabin", "Bhabinkamtibmas", 7, ("Brigpol", "Bripka", "Aipda", "Aiptu"), (0.15, 0.35, 0.3, 0.2)),
    ("binmas", "Binmas", 1, ("Brigpol", "Bripka"), (0.5, 0.5)),
    ("panit_samapta", "Samapta", 1, ("Ipda", "Aiptu"), (0.6, 0.4)),
    ("samapta", "Samapta", 4, ("Bripda", "Briptu", "Brigpol", "Bripka"), (0.3, 0.3, 0.25, 0.15)),
    ("kanit_reskrim", "Reskrim", 1, ("Ipda", "Iptu"), (0.6, 0.4)),
    ("reskrim", "Reskrim", 2, ("Brigpol", "Bripka", "Aipda"), (0.4, 0.4, 0.2)),
    ("intelkam", "Intelkam", 2, ("Brigpol", "Bripka", "Aipda"), (0.4, 0.4, 0.2)),
    ("lantas", "Lantas", 1, ("Briptu", "Brigpol", "Bripka"), (0.3, 0.4, 0.3)),
    ("ka_spk", "SPKT", 3, ("Aipda", "Aiptu"), (0.5, 0.5)),
    ("spkt", "SPKT", 1, ("Bripda", "Briptu"), (0.5, 0.5)),
)
KAPOLSEK_RANK = {"Kepanjenkidul": "Kompol", "Sukorejo": "AKP", "Sananwetan": "Iptu"}
BIRTH_YEARS = {
    "Bripda": (1997, 1999), "Briptu": (1994, 1998), "Brigpol": (1990, 1996), "Bripka": (1985, 1992),
    "Aipda": (1978, 1986), "Aiptu": (1970, 1980), "Ipda": (1972, 1985), "Iptu": (1975, 1988),
    "AKP": (1978, 1986), "Kompol": (1975, 1982),
}  # fmt: skip
# Officers who left: (polsek, role, member number, day offset from the start when they left, reason)
INACTIVE: tuple[tuple[str, str, int, int], ...] = (
    ("Kepanjenkidul", "samapta", 3, 300),
    ("Sukorejo", "reskrim", 1, 480),
)
ROLES = tuple(dict.fromkeys(r[0] for r in ROSTER))
ROLE_GROUP = {"panit_samapta": "samapta", "kanit_reskrim": "reskrim", "spkt": "ka_spk"}

# The officer-day schedule: the probability that an officer leads a patrol on a day, (Monday-Saturday,
# Sunday), per role. Bhabinkamtibmas report daily from their own kelurahan; Binmas, Samapta and SPKT most
# working days once the complaints they handle are counted too; Reskrim, Intelkam and Lantas less often.
PATROL_RATE: dict[str, tuple[float, float]] = {
    "bhabin": (0.91, 0.12), "kapolsek": (0.2, 0.04), "panit_binmas": (0.3, 0.06), "binmas": (0.35, 0.06),
    "panit_samapta": (0.22, 0.15), "samapta": (0.22, 0.15), "kanit_reskrim": (0.05, 0.02),
    "reskrim": (0.05, 0.02), "intelkam": (0.05, 0.02), "lantas": (0.08, 0.03), "ka_spk": (0.15, 0.08),
    "spkt": (0.15, 0.08),
}  # fmt: skip
# Fridays: (probability of a patrol that day, share of them that are Jumat Curhat).
JUMAT_CURHAT: dict[str, tuple[float, float]] = {"kapolsek": (0.85, 0.9), "panit_binmas": (0.6, 0.45)}
# Field units patrol more during police operations and Ramadan.
BUSY_FACTOR = 1.25
BUSY_GROUPS = ("samapta", "ka_spk", "lantas")
# Leave: spells a year per officer and their length in days (at most 4), then the longest silence the
# schedule allows outside planted gaps (a Bhabinkamtibmas back from leave reports at once).
LEAVE_PER_YEAR = 2.5
LEAVE_DAYS = (2, 4)
MAX_SILENCE = {"bhabin": 5, "samapta": 5, "ka_spk": 5, "binmas": 5, "panit_binmas": 5, "kapolsek": 5}
MAX_SILENCE_OTHER = 6
# Activity mix per role group (Sunday: DDS and Penyuluhan x0.3, Pengamanan x2.5).
ROLE_MIX: dict[str, dict[str, float]] = {
    "bhabin": {"Sambang": 0.34, "DDS": 0.28, "Problem Solving": 0.12, "Patroli Dialogis": 0.22,
               "Penyuluhan": 0.04},
    "kapolsek": {"Patroli Dialogis": 0.4, "Pengamanan": 0.35, "Penyuluhan": 0.25},
    "panit_binmas": {"Patroli Dialogis": 0.35, "Problem Solving": 0.2, "Penyuluhan": 0.25, "Sambang": 0.2},
    "binmas": {"Sambang": 0.35, "DDS": 0.2, "Patroli Dialogis": 0.3, "Penyuluhan": 0.15},
    "samapta": {"Patroli Malam": 0.5, "Patroli Dialogis": 0.3, "Pengamanan": 0.2},
    "ka_spk": {"Patroli Malam": 0.55, "Patroli Dialogis": 0.35, "Pengamanan": 0.1},
    "reskrim": {"Patroli Malam": 0.5, "Penyuluhan": 0.25, "Patroli Dialogis": 0.25},
    "intelkam": {"Pengamanan": 0.4, "Patroli Dialogis": 0.35, "Penyuluhan": 0.1, "Patroli Malam": 0.15},
    "lantas": {"Penyuluhan": 0.4, "Pengamanan": 0.4, "Patroli Dialogis": 0.2},
}  # fmt: skip
# Where the other units patrol inside their Polsek: weight population ** OTHER_POP_POWER, less in the
# under-patrolled kelurahan, hardly ever in the single-leader kelurahan.
OTHER_POP_POWER = 0.25
UNDER_PATROLLED_SHARE = 0.5
# ... and they get more complaints (weight population x this factor).
UNDER_PATROLLED_COMPLAINTS = 2.6
SINGLE_LEADER_OTHERS = 0.02
# Bhabinkamtibmas personnel: 1, 2 or 3 (with a colleague or the Babinsa's counterpart)
BHABIN_PERSONNEL = (0.6, 0.33, 0.07)
# start window (minutes) low, high, step; duration low, high, step; personnel low, high; residents low, high
TIMING: dict[str, tuple[int, int, int, int, int, int, int, int, int, int]] = {
    "Patroli Dialogis": (480, 960, 15, 60, 150, 15, 2, 4, 6, 40),
    "Sambang": (480, 930, 15, 30, 90, 5, 1, 2, 2, 15),
    "DDS": (510, 840, 15, 60, 180, 15, 1, 2, 5, 30),
    "Patroli Malam": (1260, 1380, 30, 120, 240, 15, 2, 4, 0, 8),
    "Penyuluhan": (480, 780, 30, 60, 120, 15, 1, 3, 20, 100),
    "Jumat Curhat": (450, 540, 15, 90, 150, 15, 3, 6, 20, 80),
    "Problem Solving": (540, 1140, 30, 60, 150, 15, 1, 3, 2, 12),
    "Pengamanan": (360, 1140, 30, 120, 360, 30, 3, 6, 30, 300),
}

TOPIC_WEIGHTS = {
    "Gangguan keamanan lingkungan": 10, "Keresahan sosial": 7, "Konflik sosial": 3, "Kenakalan remaja": 4,
    "Balap liar": 3, "Miras": 3, "Perjudian": 2.5, "Narkoba": 2, "Pencurian": 3, "Curanmor": 2.5,
    "Penipuan": 2.5, "Penganiayaan": 1, "KDRT": 1, "Lalu lintas": 3, "Bencana/kebakaran": 1.5, "Lainnya": 1,
}  # fmt: skip
COMPLAINT_WEIGHTS = {
    "Gangguan keamanan lingkungan": 8, "Keresahan sosial": 5, "Konflik sosial": 4, "Kenakalan remaja": 5,
    "Balap liar": 4, "Miras": 4, "Perjudian": 3, "Narkoba": 2, "Pencurian": 7, "Curanmor": 5,
    "Penipuan": 6, "Penganiayaan": 3, "KDRT": 2, "Lalu lintas": 6, "Bencana/kebakaran": 2.5, "Lainnya": 3,
}  # fmt: skip
# Seasonal multipliers per regime: 0 normal, 1 Ramadan, 2 Lebaran (mudik, Operasi Ketupat), 3 Natal-Tahun Baru
SEASON = {
    1: {"Balap liar": 4.0, "Kenakalan remaja": 2.5, "Miras": 0.4, "Perjudian": 0.6},
    2: {"Pencurian": 3.5, "Curanmor": 2.0, "Lalu lintas": 1.8, "Gangguan keamanan lingkungan": 1.5},
    3: {"Miras": 2.0, "Balap liar": 1.5, "Lalu lintas": 1.6, "Pencurian": 1.3},
}
CHANNEL_SHARE = {
    "Patroli Dialogis": 0.12, "Jumat Curhat": 0.06, "Datang Langsung": 0.13,
    "WhatsApp #LaporPakKapolres": 0.30, "Call Center 110": 0.30, "Media Sosial": 0.09,
}  # fmt: skip
INVALID_SHARE = {
    "Patroli Dialogis": 0.02, "Jumat Curhat": 0.02, "Datang Langsung": 0.04,
    "WhatsApp #LaporPakKapolres": 0.07, "Call Center 110": 0.92, "Media Sosial": 0.35,
}  # fmt: skip
_NIGHT = (6, 3.5, 2, 1.5, 1, 1, 1.5, 2, 3, 3, 3, 3, 3, 3, 3, 3.5, 4, 5, 7, 10, 11, 11.5, 11, 8.5)
HOUR_WEIGHTS = {
    "Datang Langsung": (
        1.5,
        1,
        0.5,
        0.3,
        0.3,
        0.5,
        1,
        3,
        5,
        6,
        6,
        5,
        4,
        5,
        5,
        4,
        4,
        3,
        3.5,
        4,
        4,
        3.5,
        2.5,
        2,
    ),
    "WhatsApp #LaporPakKapolres": _NIGHT,
    "Call Center 110": (8, 6, 4, 3, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 7, 9, 10, 10, 9),
    "Media Sosial": (4, 2, 1, 1, 1, 1, 2, 3, 4, 4, 4, 5, 5, 4, 4, 4, 5, 6, 7, 9, 10, 10, 9, 7),
}
RESOLUTION_MEDIAN_HOURS = {3: 30.0, 2: 72.0, 1: 120.0}

DESCRIPTIONS = {
    "Gangguan keamanan lingkungan": (
        "Warga resah ada orang tak dikenal mondar-mandir di gang pada malam hari.",
        "Pos kamling RW tidak aktif, warga minta ronda dihidupkan lagi.",
        "Lampu jalan mati, warga khawatir rawan kejahatan.",
    ),
    "Keresahan sosial": (
        "Warga resah dengan pendatang yang kos tanpa lapor RT.",
        "Isu penculikan anak beredar di grup WhatsApp warga.",
        "Warga mengeluhkan suara sound system hajatan sampai larut malam.",
    ),
    "Konflik sosial": (
        "Sengketa batas tanah antar tetangga, minta dimediasi.",
        "Perselisihan warga soal parkir di depan rumah.",
        "Cekcok antar pedagang pasar soal lapak.",
    ),
    "Kenakalan remaja": (
        "Sekelompok remaja nongkrong dan berteriak sampai dini hari.",
        "Remaja membawa sarung berisi batu, diduga akan perang sarung.",
        "Coretan vandalisme di tembok sekolah.",
    ),
    "Balap liar": (
        "Balap liar di jalan raya setelah sahur, suara knalpot brong mengganggu.",
        "Anak muda trek-trekan tiap malam Minggu.",
        "Motor knalpot brong kebut-kebutan di depan masjid.",
    ),
    "Miras": (
        "Pemuda pesta miras di pos kamling.",
        "Warung diduga menjual minuman keras oplosan.",
        "Orang mabuk membuat keributan di jalan.",
    ),
    "Perjudian": (
        "Diduga ada judi sabung ayam di kebun belakang kampung.",
        "Warga curiga ada judi online di warung kopi.",
        "Judi kartu di pos ronda tiap malam.",
    ),
    "Narkoba": (
        "Warga curiga ada transaksi pil koplo di dekat sekolah.",
        "Rumah kos sering didatangi orang asing, diduga narkoba.",
        "Ditemukan bungkus plastik klip kecil di taman.",
    ),
    "Pencurian": (
        "Rumah kosong ditinggal mudik dibobol, perhiasan hilang.",
        "Tabung gas dan burung peliharaan dicuri dari teras.",
        "Kotak amal masjid dibobol orang tak dikenal.",
    ),
    "Curanmor": (
        "Sepeda motor hilang saat diparkir di depan rumah.",
        "Motor dicuri di parkiran minimarket.",
        "Percobaan pencurian motor, kunci kontak dirusak.",
    ),
    "Penipuan": (
        "Penipuan jual beli online, barang tidak dikirim.",
        "Ditelepon mengaku petugas bank, saldo terkuras.",
        "Arisan bodong, uang anggota tidak kembali.",
    ),
    "Penganiayaan": (
        "Perkelahian antar pemuda usai pertunjukan musik.",
        "Korban dipukul orang tak dikenal saat pulang kerja.",
        "Pengeroyokan di dekat warung kopi.",
    ),
    "KDRT": (
        "Tetangga mendengar pertengkaran dan suara pukulan dari rumah sebelah.",
        "Seorang ibu melapor dipukul suaminya.",
        "Warga minta pendampingan untuk korban kekerasan rumah tangga.",
    ),
    "Lalu lintas": (
        "Kemacetan di depan sekolah saat jam pulang.",
        "Kecelakaan motor di perempatan, satu orang luka ringan.",
        "Parkir liar menutup jalan kampung.",
    ),
    "Bencana/kebakaran": (
        "Pohon tumbang menutup jalan setelah hujan deras.",
        "Kebakaran kandang di belakang rumah warga.",
        "Saluran air meluap, genangan masuk rumah warga.",
    ),
    "Lainnya": (
        "Warga menanyakan prosedur pembuatan SKCK.",
        "Laporan kehilangan dompet dan surat-surat.",
        "Hewan ternak lepas berkeliaran di jalan.",
    ),
}
INVALID_DESCRIPTIONS = {
    "Call Center 110": (
        "Panggilan iseng, penelepon tertawa lalu menutup telepon.",
        "Panggilan kosong tanpa suara.",
        "Anak-anak bermain telepon, tidak ada kejadian.",
        "Penelepon salah sambung.",
        "Dicek ke lokasi, tidak ditemukan kejadian.",
    ),
    "Media Sosial": (
        "Unggahan hoaks, sudah diklarifikasi.",
        "Informasi tidak dapat dikonfirmasi di lapangan.",
        "Unggahan lama diunggah ulang, bukan kejadian baru.",
    ),
    "other": (
        "Laporan ganda, sudah tercatat sebelumnya.",
        "Setelah dicek, tidak ditemukan kejadian.",
        "Pelapor tidak dapat dihubungi, alamat tidak ditemukan.",
    ),
}

LOCATIONS = {
    "Patroli Dialogis": ("Balai Kelurahan {k}", "Pos Kamling RW {rw} {k}", "Warung kopi di Kelurahan {k}",
                         "Pangkalan ojek Kelurahan {k}", "Rumah Ketua RT {rt} RW {rw} {k}"),
    "Sambang": ("Rumah Ketua RW {rw} {k}", "Rumah tokoh agama Kelurahan {k}", "Kantor Kelurahan {k}",
                "Rumah Ketua RT {rt} RW {rw} {k}"),
    "DDS": ("Permukiman RW {rw} {k}", "Rumah warga RT {rt} RW {rw} {k}"),
    "Patroli Malam": ("Pos Kamling RW {rw} {k}", "Jalan utama Kelurahan {k}", "ATM dan pertokoan {k}",
                      "Minimarket di Kelurahan {k}"),
    "Penyuluhan": ("Balai Kelurahan {k}", "Sekolah di Kelurahan {k}", "Masjid di Kelurahan {k}",
                   "Pertemuan PKK Kelurahan {k}"),
    "Jumat Curhat": ("Masjid di Kelurahan {k}", "Balai Kelurahan {k}", "Warung kopi di Kelurahan {k}"),
    "Problem Solving": ("Kantor Kelurahan {k}", "Rumah Ketua RT {rt} RW {rw} {k}", "Balai RW {rw} {k}"),
    "Pengamanan": ("Lapangan Kelurahan {k}", "Masjid di Kelurahan {k}", "Hajatan warga RW {rw} {k}",
                   "Pasar di Kelurahan {k}"),
}  # fmt: skip
LANDMARKS = {
    "Bendogerit": ("Taman Kebon Rojo", "Minimarket Jl. Soedanco Supriyadi", "Makam Bung Karno"),
    "Sananwetan": ("Minimarket Jl. Soedanco Supriyadi", "Bank di Jl. Soedanco Supriyadi"),
    "Kauman": ("Alun-alun Kota Blitar",),
}
NOTES = {
    "Patroli Dialogis": ("Dialog dengan warga, menampung keluhan kamtibmas.",
                         "Menyampaikan himbauan kamtibmas dan layanan Call Center 110 (bebas pulsa).",
                         "Mengingatkan warga melapor lewat WhatsApp #LaporPakKapolres 081-136-061-10.", ""),
    "Sambang": ("Sambang tokoh masyarakat, situasi aman dan kondusif.", "Silaturahmi bersama tiga pilar.",
                ""),
    "DDS": ("Door to door system, mendata keluhan warga.", "Sambang rumah warga, himbauan siskamling.", ""),
    "Patroli Malam": ("Patroli KRYD, situasi aman terkendali.", "Patroli dini hari, cek pos kamling.",
                      "Himbauan kunci ganda kendaraan.", ""),
    "Penyuluhan": ("Penyuluhan bahaya narkoba dan miras.", "Himbauan kamtibmas dan tertib lalu lintas.",
                   "Penyuluhan waspada penipuan online.", ""),
    "Jumat Curhat": ("Jumat Curhat: Kapolsek menampung keluhan warga.",
                     "Jumat Curhat bersama tokoh agama dan Karang Taruna.", ""),
    "Problem Solving": ("Mediasi perselisihan warga, sepakat damai.", "Problem solving bersama tiga pilar.",
                        ""),
    "Pengamanan": ("Pengamanan kegiatan masyarakat, berjalan aman.", "Pengamanan hajatan warga.", ""),
}  # fmt: skip
# Notes a Bhabinkamtibmas writes (tiga pilar: Bhabinkamtibmas, Babinsa and Lurah).
BHABIN_NOTES = {
    "Sambang": ("Sambang tokoh masyarakat, situasi aman dan kondusif.",
                "Sambang bersama tiga pilar (Babinsa dan Lurah), situasi kondusif.",
                "Sambang tokoh agama, menyampaikan himbauan kamtibmas.", "Sambang Ketua RT dan RW.", "", ""),
    "DDS": ("Door to door system, mendata keluhan warga.", "DDS bersama Babinsa, himbauan siskamling.",
            "Sambang rumah warga, himbauan kunci ganda.", "", ""),
    "Problem Solving": ("Mediasi perselisihan warga, sepakat damai.",
                        "Problem solving bersama tiga pilar, Lurah dan Babinsa hadir.",
                        "Mediasi sengketa batas tanah bersama Lurah.", ""),
    "Patroli Dialogis": ("Dialog dengan warga bersama Babinsa, menampung keluhan kamtibmas.",
                         "Menyampaikan layanan Call Center 110 (bebas pulsa) dan #LaporPakKapolres.",
                         "Patroli dialogis di pos kamling, situasi aman.", ""),
    "Penyuluhan": ("Penyuluhan kamtibmas bersama tiga pilar di balai kelurahan.",
                   "Himbauan waspada penipuan online.", ""),
}  # fmt: skip


# ----------------------------------------------------------------------------------------------------
# Helpers


@dataclass(frozen=True)
class _Officers:
    frame: pd.DataFrame  # contract columns
    polsek: np.ndarray  # int index into KECAMATAN
    role: np.ndarray  # str role
    last_day: np.ndarray  # int: last day index with activity (DAYS-1 when still reporting)
    groups: dict[tuple[int, str], np.ndarray]  # (polsek, role group) -> officer indices
    bhabin_of: np.ndarray  # kelurahan index -> officer index
    substitute: np.ndarray  # officer index -> who takes over after last_day


def _cum(weights: np.ndarray) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    c = np.cumsum(w, axis=-1)
    return c / c[..., -1:]


def _pick(cum: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Inverse-CDF draw: ``cum`` is (k,) or (n, k) cumulative probabilities, ``u`` uniform (n,)."""
    if cum.ndim == 1:
        return np.minimum(np.searchsorted(cum, u, side="right"), cum.shape[0] - 1)
    return np.minimum((u[:, None] >= cum).sum(axis=1), cum.shape[1] - 1)


def _inside(px: np.ndarray, py: np.ndarray, ring: np.ndarray) -> np.ndarray:
    """Ray casting: is each point inside the polygon ring?"""
    result = np.zeros(px.shape, dtype=bool)
    xs, ys = ring[:, 0], ring[:, 1]
    xj, yj = np.roll(xs, 1), np.roll(ys, 1)
    for xi, yi, xk, yk in zip(xs, ys, xj, yj, strict=True):
        if yi == yk:
            continue
        crosses = (yi > py) != (yk > py)
        x_cross = (xk - xi) * (py - yi) / (yk - yi) + xi
        result ^= crosses & (px < x_cross)
    return result


def point_pool(reference: Reference, rng: np.random.Generator, size: int = 2048) -> np.ndarray:
    """``size`` points inside each kelurahan polygon (rounded to 6 decimals): array (21, size, 2) lon/lat."""
    rings = {
        f["properties"]["kelurahan"]: np.asarray(f["geometry"]["coordinates"][0])
        for f in reference.geojson["features"]
    }
    pool = np.empty((len(reference.kelurahan_names), size, 2))
    for k, name in enumerate(reference.kelurahan_names):
        ring = rings[name]
        lo, hi = ring.min(axis=0), ring.max(axis=0)
        found = np.empty((0, 2))
        while len(found) < size:
            cand = np.round(lo + rng.random((size * 3, 2)) * (hi - lo), 6)
            found = np.vstack([found, cand[_inside(cand[:, 0], cand[:, 1], ring)]])
        pool[k] = found[:size]
    return pool


def _names(rng: np.random.Generator, n: int, female_share: float) -> np.ndarray:
    male = np.asarray(MALE_FIRST)[rng.integers(0, len(MALE_FIRST), n)]
    female = np.asarray(FEMALE_FIRST)[rng.integers(0, len(FEMALE_FIRST), n)]
    first = np.where(rng.random(n) < female_share, female, male)
    last = np.asarray(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    return (
        pd.Series(first, dtype=object).str.cat(pd.Series(last, dtype=object), sep=" ").to_numpy(dtype=object)
    )


def _phones(rng: np.random.Generator, n: int) -> np.ndarray:
    prefix = pd.Series(np.asarray(PHONE_PREFIXES)[rng.integers(0, len(PHONE_PREFIXES), n)], dtype=object)
    mid = pd.Series(rng.integers(1000, 10000, n)).astype(str).astype(object)
    end = pd.Series(rng.integers(1000, 10000, n)).astype(str).astype(object)
    return (prefix + "-" + mid + "-" + end).to_numpy(dtype=object)


def _calendar_days(reference: Reference, start: date) -> dict[str, np.ndarray]:
    """Boolean masks per day index: ramadan, lebaran, natal, operation, christmas, idul_fitri."""
    days = pd.date_range(start, periods=DAYS, freq="D")
    cal = reference.calendar
    masks = {key: np.zeros(DAYS, dtype=bool) for key in ("ramadan", "lebaran", "natal", "operation",
                                                          "christmas", "idul_fitri")}  # fmt: skip

    def span(lo: pd.Timestamp, hi: pd.Timestamp) -> np.ndarray:
        return np.asarray((days >= lo) & (days <= hi))

    for row in cal.itertuples(index=False):
        event = str(row.event)
        if row.kind == "ramadan":
            masks["ramadan"] |= span(row.start_date, row.end_date)
        if row.kind == "police_operation":
            masks["operation"] |= span(row.start_date, row.end_date)
            if "Ketupat" in event:
                masks["lebaran"] |= span(row.start_date, row.end_date)
            if "Lilin" in event:
                masks["natal"] |= span(row.start_date, row.end_date)
        if row.kind == "religious_holiday" and "Idul Fitri" in event:
            masks["idul_fitri"] |= span(row.start_date, row.start_date)
            masks["lebaran"] |= span(
                row.start_date - pd.Timedelta(days=7), row.start_date + pd.Timedelta(days=10)
            )
        if row.kind == "religious_holiday" and "Natal" in event:
            masks["christmas"] |= span(row.start_date - pd.Timedelta(days=1), row.start_date)
    masks["ramadan"] &= ~masks["lebaran"]
    return masks


def _regime(masks: dict[str, np.ndarray]) -> np.ndarray:
    regime = np.zeros(DAYS, dtype=np.int64)
    regime[masks["natal"]] = 3
    regime[masks["ramadan"]] = 1
    regime[masks["lebaran"]] = 2
    return regime


def _season_cum(categories: list[str], base: dict[str, float]) -> np.ndarray:
    rows = []
    for regime in range(4):
        mult = SEASON.get(regime, {})
        rows.append([base.get(c, 0.0) * mult.get(c, 1.0) for c in categories])  # 0: never drawn
    return _cum(np.asarray(rows))


# ----------------------------------------------------------------------------------------------------
# Officers


def _officers(reference: Reference, rng: np.random.Generator) -> _Officers:
    kel = reference.kelurahan
    records = []
    for p, polsek in enumerate(KECAMATAN):
        own = kel.loc[kel["kecamatan"] == polsek, "kelurahan"].tolist()
        for role, unit, count, ranks, weights in ROSTER:
            for i in range(count):
                rank = KAPOLSEK_RANK[polsek] if role == "kapolsek" else str(rng.choice(ranks, p=weights))
                assigned = own[i] if role == "bhabin" else None
                records.append({"polsek": p, "role": role, "member": i, "unit": unit, "rank": rank,
                                "assigned_kelurahan": assigned})  # fmt: skip
    n = len(records)
    names = _names(rng, n, female_share=0.12)
    used_names: set[str] = set()
    nrps: set[str] = set()
    for i, rec in enumerate(records):
        name = names[i]
        while name in used_names or name.endswith("Mustofa"):
            name = _names(rng, 1, female_share=0.12)[0]
        if rec["polsek"] == KECAMATAN.index("Sananwetan") and rec["role"] == "panit_binmas":
            name, rec["rank"] = REAL_EVENT_LEADER, "Aiptu"
        used_names.add(name)
        rec["name"] = name
        lo, hi = BIRTH_YEARS[str(rec["rank"])]
        while True:
            born, month = int(rng.integers(lo, hi + 1)) % 100, int(rng.integers(1, 13))
            nrp = f"{born:02d}{month:02d}{int(rng.integers(1000, 10000))}"
            if nrp not in nrps:
                break
        nrps.add(nrp)
        rec["nrp"] = nrp
    table = pd.DataFrame(records)
    last_day = np.full(n, DAYS - 1, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    for polsek, role, member, day in INACTIVE:
        idx = table.index[(table["polsek"] == KECAMATAN.index(polsek)) & (table["role"] == role)
                          & (table["member"] == member)][0]  # fmt: skip
        last_day[idx] = day
        active[idx] = False
    names_of_kel = reference.kelurahan_names
    bhabin_of = np.array(
        [table.index[table["assigned_kelurahan"] == k][0] for k in names_of_kel], dtype=np.int64
    )
    for role, key, gap in STOPPED_REPORTING:
        if role == "bhabin":
            idx = bhabin_of[names_of_kel.index(key)]
        else:
            idx = table.index[(table["polsek"] == KECAMATAN.index(key)) & (table["role"] == role)][0]
        last_day[idx] = DAYS - 1 - gap
    groups: dict[tuple[int, str], np.ndarray] = {}
    group_role = table["role"].map(lambda r: ROLE_GROUP.get(r, r)).to_numpy()
    for p in range(len(KECAMATAN)):
        for role in set(group_role):
            groups[(p, role)] = np.flatnonzero((table["polsek"].to_numpy() == p) & (group_role == role))
    substitute = np.arange(n)
    for i in np.flatnonzero(last_day < DAYS - 1).tolist():
        p, role = int(table.at[i, "polsek"]), table.at[i, "role"]
        pool = groups[(p, ROLE_GROUP.get(role, role))]
        if role == "bhabin":
            pool = groups[(p, "binmas")]
        candidates = [j for j in pool if j != i and last_day[j] == DAYS - 1]
        if not candidates:
            candidates = [j for j in groups[(p, "panit_binmas")] if last_day[j] == DAYS - 1]
        substitute[i] = candidates[0]
    frame = pd.DataFrame({
        "nrp": table["nrp"], "name": table["name"], "rank": table["rank"], "unit": table["unit"],
        "assigned_kelurahan": table["assigned_kelurahan"], "active": np.where(active, "ya", "tidak"),
    })[columns("officers")]  # fmt: skip
    return _Officers(
        frame=frame,
        polsek=table["polsek"].to_numpy(),
        role=table["role"].to_numpy(),
        last_day=last_day,
        groups=groups,
        bhabin_of=bhabin_of,
        substitute=substitute,
    )


def _choose_role(
    rng: np.random.Generator,
    off: _Officers,
    polsek: np.ndarray,
    kel: np.ndarray,
    role: np.ndarray,
    day: np.ndarray | None = None,
) -> np.ndarray:
    """One officer per row for the given (polsek, role group); ``bhabin`` means the kelurahan's own."""
    out = np.full(len(role), -1, dtype=np.int64)
    u = rng.random(len(role))
    codes, names = pd.factorize(pd.Series(role, dtype=object))
    code_of = {name: i for i, name in enumerate(names)}
    bh = codes == code_of.get("bhabin", -2)
    out[bh] = off.bhabin_of[kel[bh]]
    for (p, group), members in sorted(off.groups.items()):
        if group == "bhabin" or len(members) == 0 or group not in code_of:
            continue
        mask = (polsek == p) & (codes == code_of[group])
        if mask.any():
            # Turns in rotation (in time order, a little jitter): every officer reports regularly.
            rows = np.flatnonzero(mask)
            if day is not None:
                rows = rows[np.argsort(day[rows], kind="stable")]
            turn = np.arange(rows.size) + (u[rows] < 0.3)
            out[rows] = members[turn % len(members)]
    return out


def _least_recent(
    off: _Officers,
    polsek: np.ndarray,
    role: np.ndarray,
    act_day: np.ndarray,
    handler: np.ndarray,
    free: np.ndarray,
    on_duty: np.ndarray,
    last_patrol: np.ndarray,
) -> np.ndarray:
    """Give each ``free`` complaint (in day order) to the colleague on duty who was idle longest.

    The desk works like a duty roster: whoever has not patrolled or handled a report lately takes the
    next one, so officers are active on most working days. A row with nobody on duty keeps ``handler``.
    """
    handler = handler.copy()
    last_complaint = np.full(len(off.role), -1, dtype=np.int64)
    rows = np.flatnonzero(free)
    for r in rows[np.argsort(act_day[rows], kind="stable")]:
        members = off.groups.get((int(polsek[r]), str(role[r])))
        if members is None or members.size == 0:
            continue
        d = int(act_day[r])
        ready = members[on_duty[members, d]]
        if ready.size == 0:
            continue
        last = np.maximum(last_patrol[ready, d], last_complaint[ready])
        chosen = int(ready[np.argmin(last)])
        handler[r], last_complaint[chosen] = chosen, d
    return handler


def _retire(off: _Officers, who: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Records after an officer's last day go to the substitute (repeated for chains)."""
    who = who.copy()
    for _ in range(3):
        valid = who >= 0
        late = valid & (day > off.last_day[np.where(valid, who, 0)])
        if not late.any():
            break
        who[late] = off.substitute[who[late]]
    return who


def _patrol_rates(
    rng: np.random.Generator, off: _Officers, masks: dict[str, np.ndarray], day_dow: np.ndarray
) -> np.ndarray:
    """Probability that each officer leads a patrol on each day: array (officers, DAYS).

    By role and weekday (``PATROL_RATE``, Fridays ``JUMAT_CURHAT``), higher for field units during
    operations and Ramadan, zero on leave (``LEAVE_PER_YEAR`` spells of ``LEAVE_DAYS`` days) and after an
    officer's last day.
    """
    n = len(off.role)
    sunday, friday = day_dow == 6, day_dow == 4
    rate = np.empty((n, DAYS))
    busy = np.where(masks["operation"] | masks["ramadan"], BUSY_FACTOR, 1.0)
    for i, role in enumerate(off.role):
        weekday, on_sunday = PATROL_RATE[role]
        rate[i] = np.where(sunday, on_sunday, weekday)
        if role in JUMAT_CURHAT:
            rate[i, friday] = JUMAT_CURHAT[role][0]
        if ROLE_GROUP.get(role, role) in BUSY_GROUPS:
            rate[i] = np.minimum(rate[i] * busy, 0.95)
    spells = rng.poisson(LEAVE_PER_YEAR * DAYS / 365, n)
    who = np.repeat(np.arange(n), spells)
    first = rng.integers(0, DAYS, who.size)
    length = rng.integers(LEAVE_DAYS[0], LEAVE_DAYS[1] + 1, who.size)
    for i, d, k in zip(who.tolist(), first.tolist(), length.tolist(), strict=True):
        rate[i, d : d + k] = 0.0
    rate[np.arange(DAYS)[None, :] > off.last_day[:, None]] = 0.0
    return rate


def _schedule(
    rng: np.random.Generator, off: _Officers, rate: np.ndarray, roziek: int, event_day: int
) -> tuple[np.ndarray, np.ndarray]:
    """The default volume: one patrol on each officer-day drawn from ``rate``; (leader, day) arrays.

    An officer who stops reporting (or leaves) patrols on their last day; Roziek Mustofa on the real
    event's day. Outside planted gaps nobody is silent longer than ``MAX_SILENCE`` days.
    """
    active = rng.random(rate.shape) < rate
    stopped = np.flatnonzero(off.last_day < DAYS - 1)
    active[stopped, off.last_day[stopped]] = True
    if 0 <= event_day < DAYS:
        active[roziek, event_day] = True
    for i, role in enumerate(off.role):
        cap = MAX_SILENCE.get(ROLE_GROUP.get(role, role), MAX_SILENCE_OTHER)
        row = active[i]
        silent = 0
        for d in range(int(off.last_day[i]) + 1):
            if row[d]:
                silent = 0
            elif silent == cap:
                row[d], silent = True, 0
            else:
                silent += 1
    leader, day = np.nonzero(active)
    return leader.astype(np.int64), day.astype(np.int64)


# ----------------------------------------------------------------------------------------------------
# Generation


def generate(
    seed: int = DEFAULT_SEED, rows: int | None = None, end: date = DEFAULT_END
) -> dict[str, pd.DataFrame]:
    """Build the three frames as raw file content (text dates and times, contract column order)."""
    if rows is not None and rows < MIN_ROWS:
        raise ValueError(f"rows must be at least {MIN_ROWS}")
    rng = np.random.default_rng(seed)
    reference = load_reference()
    start = end - timedelta(days=DAYS - 1)
    n_patrols = rows  # None: the officer-day schedule decides
    n_complaints = DEFAULT_COMPLAINTS if rows is None else rows
    off = _officers(reference, rng)
    pool = point_pool(reference, np.random.default_rng(seed + 1))
    masks = _calendar_days(reference, start)
    patrols, patrol_info = _patrols(reference, rng, off, pool, masks, start, n_patrols)
    complaints = _complaints(reference, rng, off, pool, masks, start, n_complaints, patrol_info)
    return {"patrols": patrols, "complaints": complaints, "officers": off.frame}


@dataclass(frozen=True)
class _PatrolInfo:
    day: np.ndarray
    kel: np.ndarray
    activity: np.ndarray
    start_min: np.ndarray  # -1 when unknown
    leader: np.ndarray
    topic: np.ndarray  # first topic code
    lon: np.ndarray
    lat: np.ndarray
    ids: np.ndarray  # patrol_id per original row
    event_row: int  # original row of the real event (-1 when out of range)
    # Default volume only (None with ``--rows``): officer-day arrays (officers, DAYS) of who is on duty
    # (not on leave, still serving) and the last day up to each day that they led a patrol (-1 = none).
    on_duty: np.ndarray | None = None
    last_patrol: np.ndarray | None = None


def _patrols(
    reference: Reference,
    rng: np.random.Generator,
    off: _Officers,
    pool: np.ndarray,
    masks: dict[str, np.ndarray],
    start: date,
    n: int | None,
) -> tuple[pd.DataFrame, _PatrolInfo]:
    kel_names = reference.kelurahan_names
    kecamatan_of = reference.kecamatan_of()
    kel_polsek = np.array([KECAMATAN.index(kecamatan_of[k]) for k in kel_names])
    categories = reference.category_names
    cat_index = {c: i for i, c in enumerate(categories)}
    day_dow = (start.weekday() + np.arange(DAYS)) % 7
    acts = list(ACTIVITIES)
    act_names = np.asarray(acts, dtype=object)

    # Who patrols on which day: the officer-day schedule (one row per officer-day by default; with
    # ``n`` rows, n officer-days drawn from the same rates, so every story holds at any size).
    rate = _patrol_rates(rng, off, masks, day_dow)
    event_day = (REAL_EVENT_DATE - start).days
    roziek = int(np.flatnonzero(off.frame["name"].to_numpy() == REAL_EVENT_LEADER)[0])
    scheduled = n is None
    if n is None:
        leader, day = _schedule(rng, off, rate, roziek, event_day)
    else:
        cell = _pick(_cum(rate.ravel()), rng.random(n))
        leader, day = cell // DAYS, cell % DAYS
        # Whoever stops reporting was active right up to the last day they report.
        for i in np.flatnonzero(off.last_day < DAYS - 1):
            theirs = np.flatnonzero(leader == i)
            if theirs.size:
                day[theirs[np.argmax(day[theirs])]] = off.last_day[i]
    n = int(leader.size)
    role = off.role[leader]
    group = np.asarray([ROLE_GROUP.get(r, r) for r in role], dtype=object)
    bhabin = group == "bhabin"
    polsek = off.polsek[leader]

    # Kelurahan: a Bhabinkamtibmas patrols their own (Karangsari's has been BKO in Sukorejo lately); the
    # other units spread over their Polsek's kelurahan.
    own_kel = np.full(len(off.role), -1, dtype=np.int64)
    own_kel[off.bhabin_of] = np.arange(len(kel_names))
    kel = own_kel[leader]
    away = off.bhabin_of[kel_names.index(NEGLECTED_KELURAHAN)]
    kel[(leader == away) & (day >= DAYS - NEGLECT_DAYS)] = kel_names.index("Sukorejo")
    pop = reference.kelurahan["population"].fillna(reference.kelurahan["population"].median()).to_numpy(float)
    under = np.array([k in UNDER_PATROLLED for k in kel_names])
    kw = pop**OTHER_POP_POWER * np.where(under, UNDER_PATROLLED_SHARE, 1.0)
    kw[kel_names.index(SINGLE_LEADER_KELURAHAN)] *= SINGLE_LEADER_OTHERS
    u = rng.random(n)
    for p in range(len(KECAMATAN)):
        members = np.flatnonzero(kel_polsek == p)
        mask = ~bhabin & (polsek == p)
        kel[mask] = members[_pick(_cum(kw[members]), u[mask])]

    # Activity by role; Sunday quieter (no DDS, little Penyuluhan, more Pengamanan); Jumat Curhat on Fridays.
    u = rng.random(n)
    sunday = day_dow[day] == 6
    activity = np.zeros(n, dtype=np.int64)
    for name, mix in ROLE_MIX.items():
        weights = np.asarray([mix.get(a, 0.0) for a in acts])
        sunday_weights = weights * np.asarray(
            [{"DDS": 0.3, "Penyuluhan": 0.3, "Pengamanan": 2.5}.get(a, 1.0) for a in acts]
        )
        for on_sunday, w in ((False, weights), (True, sunday_weights)):
            mask = (group == name) & (sunday == on_sunday)
            activity[mask] = _pick(_cum(w), u[mask])
    u = rng.random(n)
    for name, (_, share) in JUMAT_CURHAT.items():
        curhat = (role == name) & (day_dow[day] == 4) & (u < share)
        activity[curhat] = acts.index("Jumat Curhat")
    peng = acts.index("Pengamanan")
    feast = masks["christmas"][day] | masks["idul_fitri"][day]
    activity = np.where(feast & (rng.random(n) < 0.5), peng, activity)

    # Times.
    t = np.array([TIMING[a] for a in acts])
    par = t[activity]
    u1, u2 = rng.random(n), rng.random(n)
    steps = (par[:, 1] - par[:, 0]) // par[:, 2] + 1
    start_min = par[:, 0] + par[:, 2] * np.minimum((u1 * steps).astype(np.int64), steps - 1)
    dsteps = (par[:, 4] - par[:, 3]) // par[:, 5] + 1
    duration = par[:, 3] + par[:, 5] * np.minimum((u2 * dsteps).astype(np.int64), dsteps - 1)
    pd_evening = (activity == acts.index("Patroli Dialogis")) & (rng.random(n) < 0.35)
    start_min = np.where(pd_evening, 1140 + 30 * rng.integers(0, 4, n), start_min)
    malam = activity == acts.index("Patroli Malam")
    sahur = malam & masks["ramadan"][day] & (rng.random(n) < 0.45)
    start_min = np.where(sahur, 150 + 15 * rng.integers(0, 5, n), start_min)
    duration = np.where(sahur, 90 + 15 * rng.integers(0, 5, n), duration)
    xmas = (activity == peng) & masks["christmas"][day]
    start_min = np.where(xmas, 1020 + 30 * rng.integers(0, 5, n), start_min)
    ied = (activity == peng) & masks["idul_fitri"][day]
    start_min = np.where(ied, 330 + 15 * rng.integers(0, 3, n), start_min)
    duration = np.where(ied, 150, duration)
    end_min = (start_min + duration) % 1440
    u3 = rng.random(n)
    no_start = u3 < 0.06
    no_end = u3 < 0.16

    personnel = par[:, 6] + (rng.random(n) * (par[:, 7] - par[:, 6] + 1)).astype(np.int64)
    alone = 1 + _pick(_cum(np.asarray(BHABIN_PERSONNEL)), rng.random(n))
    personnel = np.where(bhabin & (activity != peng), alone, personnel)
    residents = par[:, 8] + (rng.random(n) * (par[:, 9] - par[:, 8] + 1)).astype(np.int64)
    no_residents = rng.random(n) < np.where(malam, 0.3, 0.1)

    # Topics: one to three categories, seasonal; Lantas talks traffic; planted rises show up in dialogue.
    regime = _regime(masks)[day]
    tcum = _season_cum(categories, TOPIC_WEIGHTS)
    topic1 = _pick(tcum[regime], rng.random(n))
    unit_of = off.frame["unit"].to_numpy()
    topic1 = np.where(unit_of[leader] == "Lantas", cat_index["Lalu lintas"], topic1)
    for kname, cname in PLANTED_RISES:
        hot = (kel == kel_names.index(kname)) & (day >= DAYS - RISE_DAYS) & (rng.random(n) < 0.5)
        topic1 = np.where(hot, cat_index[cname], topic1)
    # A Bhabinkamtibmas' daily report names fewer topics.
    topic2 = np.where(rng.random(n) < np.where(bhabin, 0.35, 0.55), _pick(tcum[regime], rng.random(n)), -1)
    topic3 = np.where(rng.random(n) < 0.15, _pick(tcum[regime], rng.random(n)), -1)
    topic2 = np.where(topic2 == topic1, -1, topic2)
    topic3 = np.where((topic3 == topic1) | (topic3 == topic2), -1, topic3)

    # Coordinates on about 60 % of rows.
    has_xy = rng.random(n) < 0.6
    pick = rng.integers(0, pool.shape[1], n)
    lon = np.where(has_xy, pool[kel, pick, 0], np.nan)
    lat = np.where(has_xy, pool[kel, pick, 1], np.nan)

    # Location and notes (template index per row).
    loc_u, note_u, rw, rt = rng.random(n), rng.random(n), rng.integers(1, 10, n), rng.integers(1, 16, n)
    land_u = rng.random(n)

    # The real event.
    event_row = -1
    if 0 <= event_day < DAYS:
        gedog = kel_names.index("Gedog")
        theirs = np.flatnonzero(leader == roziek)
        candidates = theirs if theirs.size else np.arange(n)
        event_row = int(candidates[np.argmin(np.abs(day[candidates] - event_day))])
        same = (day == event_day) & (leader == roziek)
        same[event_row] = False
        leader[same] = off.groups[(KECAMATAN.index("Sananwetan"), "binmas")][0]
        day[event_row], kel[event_row], polsek[event_row] = event_day, gedog, kel_polsek[gedog]
        activity[event_row], leader[event_row], personnel[event_row] = (
            acts.index("Patroli Dialogis"),
            roziek,
            4,
        )
        start_min[event_row], end_min[event_row] = 540, 660
        no_start[event_row] = no_end[event_row] = no_residents[event_row] = False
        residents[event_row] = 25
        topic1[event_row] = cat_index["Gangguan keamanan lingkungan"]
        topic2[event_row], topic3[event_row] = cat_index["Keresahan sosial"], -1
        lon[event_row], lat[event_row] = pool[gedog, 0, 0], pool[gedog, 0, 1]

    # Strings.
    cat_arr = np.asarray(categories, dtype=object)
    topics = pd.Series(cat_arr[topic1], dtype=object)
    for extra in (topic2, topic3):
        has = extra >= 0
        part = np.where(has, "; " + cat_arr[np.where(has, extra, 0)].astype(str), "")
        topics = topics + pd.Series(part, dtype=object)
    location = _location(acts, activity, kel, kel_names, loc_u, land_u, rw, rt, masks, day)
    notes = _notes(acts, activity, note_u, sahur, xmas, ied, masks["lebaran"][day], bhabin)
    if event_row >= 0:
        location[event_row] = "Kelurahan Gedog"
        notes[event_row] = REAL_EVENT_NOTES

    order = np.lexsort((kel, np.where(no_start, 9999, start_min), day))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    width = max(6, len(str(n)))
    ids = _serials("PTR-", n, width)[rank]

    time_labels = np.array([f"{h:02d}:{m:02d}" for h in range(24) for m in range(60)], dtype=object)
    date_labels = np.datetime_as_string(np.datetime64(start) + np.arange(DAYS), unit="D").astype(object)
    start_txt = time_labels[start_min % 1440]
    start_txt[no_start] = None
    end_txt = time_labels[end_min]
    end_txt[no_end] = None
    on_duty = last_patrol = None
    if scheduled:
        on_duty = rate > 0
        led = np.zeros(rate.shape, dtype=bool)
        led[leader, day] = True
        last_patrol = np.maximum.accumulate(np.where(led, np.arange(DAYS), -1), axis=1)
    ofr = off.frame
    cols = {
        "patrol_id": ids,
        "date": date_labels[day],
        "start_time": start_txt,
        "end_time": end_txt,
        "kelurahan": np.asarray(kel_names, dtype=object)[kel],
        "activity": act_names[activity],
        "unit": ofr["unit"].to_numpy(dtype=object)[leader],
        "leader_nrp": ofr["nrp"].to_numpy(dtype=object)[leader],
        "leader_name": ofr["name"].to_numpy(dtype=object)[leader],
        "leader_rank": ofr["rank"].to_numpy(dtype=object)[leader],
        "personnel_count": personnel,
        "topics": topics.to_numpy(dtype=object),
        "residents_met": pd.arrays.IntegerArray(np.where(no_residents, 0, residents), no_residents),
        "location": location,
        "lat": lat,
        "lon": lon,
        "notes": notes,
    }
    frame = _ordered_frame(cols, order, "patrols")
    info = _PatrolInfo(
        day=day, kel=kel, activity=activity, start_min=np.where(no_start, -1, start_min), leader=leader,
        topic=topic1, lon=lon, lat=lat, ids=ids, event_row=event_row,
        on_duty=on_duty, last_patrol=last_patrol,
    )  # fmt: skip
    return frame, info


def _location(
    acts: list[str],
    activity: np.ndarray,
    kel: np.ndarray,
    kel_names: list[str],
    loc_u: np.ndarray,
    land_u: np.ndarray,
    rw: np.ndarray,
    rt: np.ndarray,
    masks: dict[str, np.ndarray],
    day: np.ndarray,
) -> np.ndarray:
    """Location text per row from templates (kelurahan, RW, RT filled in), landmarks where they exist."""
    n = len(activity)
    out = np.empty(n, dtype=object)
    for a, name in enumerate(acts):
        templates = LOCATIONS[name]
        mask = activity == a
        which = np.minimum((loc_u[mask] * len(templates)).astype(np.int64), len(templates) - 1)
        # Every (template, kelurahan, rw, rt) is formatted once, then looked up.
        key = ((which * len(kel_names) + kel[mask]) * 10 + rw[mask]) * 16 + rt[mask]
        uniq, inverse = np.unique(key, return_inverse=True)
        texts = []
        for k in uniq:
            rest, r_t = divmod(int(k), 16)
            rest, r_w = divmod(rest, 10)
            tpl, kk = divmod(rest, len(kel_names))
            texts.append(templates[tpl].format(k=kel_names[kk], rw=f"{r_w:02d}", rt=f"{r_t:02d}"))
        out[mask] = np.asarray(texts, dtype=object)[inverse]
    for kname, marks in LANDMARKS.items():
        mask = (kel == kel_names.index(kname)) & (land_u < 0.35)
        idx = np.minimum((loc_u[mask] * len(marks)).astype(np.int64), len(marks) - 1)
        out[mask] = np.asarray(marks, dtype=object)[idx]
    church = (activity == acts.index("Pengamanan")) & masks["christmas"][day]
    out[church] = np.asarray(
        [f"Gereja di Kelurahan {kel_names[k]}" for k in range(len(kel_names))], dtype=object
    )[kel[church]]
    mosque = (activity == acts.index("Pengamanan")) & masks["idul_fitri"][day]
    out[mosque] = np.asarray(
        [f"Masjid di Kelurahan {k} (sholat Idul Fitri)" for k in kel_names], dtype=object
    )[kel[mosque]]
    return out


def _notes(
    acts: list[str],
    activity: np.ndarray,
    note_u: np.ndarray,
    sahur: np.ndarray,
    xmas: np.ndarray,
    ied: np.ndarray,
    lebaran: np.ndarray,
    bhabin: np.ndarray,
) -> np.ndarray:
    out = np.empty(len(activity), dtype=object)
    for a, name in enumerate(acts):
        for own, table in ((False, NOTES), (True, BHABIN_NOTES)):
            templates = np.asarray(table.get(name, NOTES[name]), dtype=object)
            mask = (activity == a) & (bhabin == own)
            out[mask] = templates[
                np.minimum((note_u[mask] * len(templates)).astype(np.int64), len(templates) - 1)
            ]
    out[sahur] = "Patroli sahur, antisipasi balap liar dan perang sarung."
    out[xmas] = "Pengamanan ibadah Natal (Operasi Lilin)."
    out[ied] = "Pengamanan sholat Idul Fitri (Operasi Ketupat)."
    sambang_mudik = lebaran & (activity == acts.index("Sambang")) & (note_u < 0.6)
    out[sambang_mudik] = "Sambang rumah kosong ditinggal mudik (Operasi Ketupat)."
    out[out == ""] = None
    return out


def _complaints(
    reference: Reference,
    rng: np.random.Generator,
    off: _Officers,
    pool: np.ndarray,
    masks: dict[str, np.ndarray],
    start: date,
    n: int,
    pinfo: _PatrolInfo,
) -> pd.DataFrame:
    kel_names = reference.kelurahan_names
    kecamatan_of = reference.kecamatan_of()
    kel_polsek = np.array([KECAMATAN.index(kecamatan_of[k]) for k in kel_names])
    categories = reference.category_names
    cat_index = {c: i for i, c in enumerate(categories)}
    urgency = reference.categories["urgency"].to_numpy()
    stage = reference.categories["stage"].to_numpy(dtype=object)
    channels = list(CHANNELS)
    ch = {c: i for i, c in enumerate(channels)}
    day_dow = (start.weekday() + np.arange(DAYS)) % 7
    regime_of_day = _regime(masks)

    # Latent fields: day, kelurahan, channel, category.
    w = np.where(day_dow >= 5, 1.1, 1.0) * np.linspace(0.92, 1.08, DAYS)
    w = w * np.select([masks["lebaran"], masks["ramadan"], masks["natal"]], [1.3, 1.15, 1.2], 1.0)
    day = _pick(_cum(w), rng.random(n))
    pop = reference.kelurahan["population"].fillna(reference.kelurahan["population"].median()).to_numpy(float)
    boost = {"Bendogerit": 1.3, "Sananwetan": 1.2, "Kepanjenkidul": 1.2, "Sukorejo": 1.1}
    kw = pop * np.array(
        [UNDER_PATROLLED_COMPLAINTS if k in UNDER_PATROLLED else boost.get(k, 1.0) for k in kel_names]
    )
    kel = _pick(_cum(kw), rng.random(n))
    channel = _pick(_cum(np.asarray([CHANNEL_SHARE[c] for c in channels])), rng.random(n))
    ccum = _season_cum(categories, COMPLAINT_WEIGHTS)
    cat = _pick(ccum[regime_of_day[day]], rng.random(n))
    hour = np.zeros(n, dtype=np.int64)
    minute = rng.integers(0, 60, n)
    for name, weights in HOUR_WEIGHTS.items():
        mask = channel == ch[name]
        hour[mask] = _pick(_cum(np.asarray(weights)), rng.random(int(mask.sum())))
    after_sahur = (
        masks["ramadan"][day]
        & np.isin(cat, [cat_index["Balap liar"], cat_index["Kenakalan remaja"]])
        & (rng.random(n) < 0.55)
    )
    hour = np.where(after_sahur, rng.integers(3, 5, n), hour)

    # Complaints raised in patrols (Patroli Dialogis, Jumat Curhat) inherit the patrol's day, place and time.
    patrol_row = np.full(n, -1, dtype=np.int64)
    for cname, aname in (("Patroli Dialogis", "Patroli Dialogis"), ("Jumat Curhat", "Jumat Curhat")):
        mask = channel == ch[cname]
        source = np.flatnonzero(pinfo.activity == ACTIVITIES.index(aname))
        if source.size == 0:
            channel[mask] = ch["Datang Langsung"]
            continue
        rows = source[rng.integers(0, source.size, int(mask.sum()))]
        patrol_row[mask] = rows
        day[mask], kel[mask] = pinfo.day[rows], pinfo.kel[rows]
        own_topic = rng.random(int(mask.sum())) < 0.7
        cat[mask] = np.where(own_topic, pinfo.topic[rows], cat[mask])
        t0 = np.where(pinfo.start_min[rows] >= 0, pinfo.start_min[rows], 600) + rng.integers(
            10, 90, int(mask.sum())
        )
        hour[mask], minute[mask] = (t0 // 60) % 24, t0 % 60
    linked = patrol_row >= 0
    calls = channel == ch["Call Center 110"]
    lainnya = calls & (rng.random(n) < 0.3)
    cat = np.where(lainnya, cat_index["Lainnya"], cat)

    # Status: 110 mostly prank; others valid with few exceptions.
    invalid = rng.random(n) < np.asarray([INVALID_SHARE[c] for c in channels])[channel]

    # Planted rises in the last RISE_DAYS days: reassign clean WhatsApp / walk-in reports.
    candidates_ok = (
        ~linked
        & ~invalid
        & np.isin(channel, [ch["WhatsApp #LaporPakKapolres"], ch["Datang Langsung"]])
        & (day >= DAYS - RISE_DAYS)
    )
    candidates_ok[:3] = False
    for kname, cname in PLANTED_RISES:
        k, c = kel_names.index(kname), cat_index[cname]
        before = int(
            (
                (kel == k) & (cat == c) & ~invalid & (day >= DAYS - 2 * RISE_DAYS) & (day < DAYS - RISE_DAYS)
            ).sum()
        )
        add = max(15, 2 * before)
        pool_rows = np.flatnonzero(candidates_ok & ~((kel == k) & (cat == c)))
        chosen = rng.choice(pool_rows, size=min(add, pool_rows.size), replace=False)
        kel[chosen], cat[chosen] = k, c
        candidates_ok[chosen] = False
        if cname == "Balap liar":
            hour[chosen] = np.array([22, 23, 0, 1, 2])[rng.integers(0, 5, chosen.size)]

    # The real event's complaints, and the hostile fixture.
    fixed_status: dict[int, int] = {}
    if pinfo.event_row >= 0:
        for row, cname, minutes in ((0, "Gangguan keamanan lingkungan", 585), (1, "Keresahan sosial", 620)):
            channel[row], patrol_row[row] = ch["Patroli Dialogis"], pinfo.event_row
            day[row], kel[row], cat[row] = (
                pinfo.day[pinfo.event_row],
                pinfo.kel[pinfo.event_row],
                cat_index[cname],
            )
            hour[row], minute[row] = divmod(minutes, 60)
            invalid[row] = False
            fixed_status[row] = STATUSES.index("Selesai")
        linked = patrol_row >= 0
    hostile = 2
    channel[hostile], kel[hostile], cat[hostile] = (
        ch["Media Sosial"],
        kel_names.index("Sukorejo"),
        cat_index["Lainnya"],
    )
    day[hostile], hour[hostile], minute[hostile] = DAYS - 40, 21, 47
    invalid[hostile] = True
    patrol_row[hostile] = -1
    linked = patrol_row >= 0
    calls = channel == ch["Call Center 110"]

    received = day.astype(np.int64) * 1440 + hour * 60 + minute
    polsek = kel_polsek[kel]

    # Resolution: lognormal delay, faster for urgent categories; some stuck; recent ones still open.
    median_h = np.asarray([RESOLUTION_MEDIAN_HOURS[int(u)] for u in urgency])[cat]
    delay = np.maximum(20, (median_h * 60 * np.exp(rng.normal(0.0, 1.0, n))).astype(np.int64))
    stuck = rng.random(n) < 0.07
    resolved = received + delay
    open_ = stuck | (resolved > DAYS * 1440 - 1)
    age_h = (DAYS * 1440 - received) / 60
    baru = open_ & ((age_h < 48) | (rng.random(n) < 0.04))
    status = np.where(invalid, 3, np.where(open_, np.where(baru, 0, 1), 2))
    for row, value in fixed_status.items():
        status[row] = value
        resolved[row] = received[row] + 2 * 1440 + 180

    # Who handled it.
    stg = stage[cat]
    u = rng.random(n)
    # Handler role by stage: (role, cumulative share) thresholds.
    by_stage = {
        "GN": (("reskrim", 0.5), ("bhabin", 0.7), ("samapta", 1.0)),
        "AG": (("samapta", 0.45), ("bhabin", 0.75), ("binmas", 1.0)),
        "PG": (("bhabin", 0.45), ("intelkam", 0.6), ("binmas", 0.8), ("panit_binmas", 1.0)),
    }
    role = np.full(n, "bhabin", dtype=object)
    for stage_name, table in by_stage.items():
        lower = 0.0
        for name, upper in table:
            role[(stg == stage_name) & (u >= lower) & (u < upper)] = name
            lower = upper
    role = np.where((cat == cat_index["Lalu lintas"]) & (rng.random(n) < 0.8), "lantas", role).astype(object)
    # Walk-in reports are taken by the SPKT desk, valid 110 calls answered by the Samapta on duty.
    u = rng.random(n)
    role = np.where((channel == ch["Datang Langsung"]) & (u < 0.6), "ka_spk", role).astype(object)
    role = np.where(calls & (u < 0.7), "samapta", role).astype(object)
    # Invalid reports: closed at the SPKT desk, or checked on the spot by the Samapta on duty (110 calls).
    checked = calls & (rng.random(n) < 0.5)
    role = np.where(status == 3, np.where(checked, "samapta", "ka_spk"), role).astype(object)
    handler = _choose_role(rng, off, polsek, kel, role, day)
    from_patrol = linked & (rng.random(n) < 0.75)
    # The SPKT desk closes most invalid reports itself.
    no_handler = (status == 0) | ((status == 3) & (rng.random(n) < 0.15))
    no_handler[hostile] = True
    # A complaint is the handler's activity on the day it was resolved (received, while open).
    act_day = np.minimum(np.where(status == 2, resolved, received) // 1440, DAYS - 1)
    if pinfo.on_duty is not None and pinfo.last_patrol is not None:
        free = ~from_patrol & ~no_handler & (role != "bhabin")
        free[list(fixed_status)] = False
        handler = _least_recent(off, polsek, role, act_day, handler, free, pinfo.on_duty, pinfo.last_patrol)
    handler = np.where(from_patrol, pinfo.leader[np.where(linked, patrol_row, 0)], handler)
    for row in fixed_status:
        handler[row] = pinfo.leader[pinfo.event_row]
    handler = _retire(off, handler, act_day)
    handler = np.where(no_handler, -1, handler)

    # Text fields.
    desc = np.empty(n, dtype=object)
    du = rng.random(n)
    for c, name in enumerate(categories):
        texts = np.asarray(DESCRIPTIONS.get(name, DESCRIPTIONS["Lainnya"]), dtype=object)
        mask = cat == c
        desc[mask] = texts[np.minimum((du[mask] * len(texts)).astype(np.int64), len(texts) - 1)]
    for key, texts_t in INVALID_DESCRIPTIONS.items():
        if key == "other":
            mask = invalid & ~np.isin(channel, [ch["Call Center 110"], ch["Media Sosial"]])
        else:
            mask = invalid & (channel == ch[key])
        texts = np.asarray(texts_t, dtype=object)
        desc[mask] = texts[np.minimum((du[mask] * len(texts)).astype(np.int64), len(texts) - 1)]
    if pinfo.event_row >= 0:
        desc[0] = "Warga Gedog mengeluhkan orang tak dikenal sering nongkrong di gang pada malam hari."
        desc[1] = "Warga resah dengan isu pencurian yang beredar, minta patroli malam ditambah."
    desc[hostile] = HOSTILE_DESCRIPTION

    has_reporter = np.where(calls, rng.random(n) < 0.03, rng.random(n) < 0.88)
    has_reporter[hostile] = False
    names = _names(rng, n, female_share=0.45)
    phones = _phones(rng, n)
    reporter = np.where(has_reporter, names, _NONE)
    phone = np.where(has_reporter & (rng.random(n) < 0.85), phones, _NONE)

    has_xy = ~calls & (rng.random(n) < 0.5)
    pick = rng.integers(0, pool.shape[1], n)
    lon = np.where(has_xy, pool[kel, pick, 0], np.nan)
    lat = np.where(has_xy, pool[kel, pick, 1], np.nan)
    prow = np.where(linked, patrol_row, 0)
    lon = np.where(linked, pinfo.lon[prow], lon)
    lat = np.where(linked, pinfo.lat[prow], lat)

    base = np.datetime64(start, "m")
    received_txt = pd.Series(
        np.datetime_as_string(base + received.astype("timedelta64[m]"), unit="m")
    ).str.replace("T", " ", regex=False)
    resolved_txt = pd.Series(
        np.datetime_as_string(base + resolved.astype("timedelta64[m]"), unit="m")
    ).str.replace("T", " ", regex=False)
    resolved_obj = resolved_txt.to_numpy(dtype=object)
    resolved_obj[status != 2] = None
    nrp = off.frame["nrp"].to_numpy(dtype=object)
    handled = np.where(handler >= 0, nrp[np.maximum(handler, 0)], _NONE)
    patrol_ids = np.where(linked, pinfo.ids[prow], _NONE)

    order = np.lexsort((kel, received))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    width = max(6, len(str(n)))
    ids = _serials("LAP-", n, width)[rank]
    cols = {
        "complaint_id": ids,
        "received_at": received_txt.to_numpy(dtype=object),
        "channel": np.asarray(channels, dtype=object)[channel],
        "kelurahan": np.asarray(kel_names, dtype=object)[kel],
        "category": np.asarray(categories, dtype=object)[cat],
        "description": desc,
        "status": np.asarray(STATUSES, dtype=object)[status],
        "resolved_at": resolved_obj,
        "handled_by_nrp": handled,
        "patrol_id": patrol_ids,
        "lat": lat,
        "lon": lon,
        "reporter_name": reporter,
        "reporter_phone": phone,
    }
    return _ordered_frame(cols, order, "complaints")


def _ordered_frame(cols: dict[str, object], order: np.ndarray, kind: Kind) -> pd.DataFrame:
    """The contract's columns, rows in ``order`` (reordered with numpy: cheaper than a frame take)."""
    data = {}
    for name in columns(kind):
        values = cols[name][order]  # type: ignore[index]
        # Text stays ``object`` (raw file content); converting to pandas' str dtype would cost seconds at 1M.
        data[name] = pd.Series(values, dtype=object) if _is_text(values) else values
    return pd.DataFrame(data)


def _is_text(values: object) -> bool:
    return isinstance(values, np.ndarray) and values.dtype == np.dtype(object)


def _serials(prefix: str, n: int, width: int) -> np.ndarray:
    """``prefix`` + 1..n zero-padded to ``width`` digits, as an object array."""
    numbers = pd.Series(np.arange(1, n + 1)).astype("string[pyarrow]").str.zfill(width)
    return (prefix + numbers).to_numpy(dtype=object)


def _csv_field(value: object) -> str:
    """One value as CSV text: floats with 6 decimals, text quoted only when it must be (RFC 4180)."""
    if isinstance(value, float | np.floating):
        return f"{value:.6f}"
    text = str(value)
    if any(ch in text for ch in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_column(values: pd.Series) -> pa.Array:
    """A column as CSV text (an Arrow string array): missing values empty, text quoted when needed."""
    if pd.api.types.is_numeric_dtype(values.dtype):
        # Few distinct numbers (coordinates come from a pool, counts are small): format each once.
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        if pd.api.types.is_float_dtype(uniques.dtype):
            texts = np.char.mod("%.6f", np.asarray(uniques, dtype=float)).astype(object)
        else:
            texts = np.asarray(uniques, dtype=np.int64).astype(str).astype(object)
        return pa.array(np.append(texts, "")[codes], type=pa.large_string())  # code -1 picks ""
    raw = pa.array(values.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
    text = pc.fill_null(raw, pa.scalar("", pa.large_string()))
    needs = pc.match_substring_regex(text, r'[,"\r\n]')
    quote, empty = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
    quoted = pc.binary_join_element_wise(quote, pc.replace_substring(text, '"', '""'), quote, empty)
    return pc.if_else(needs, quoted, text)


def write(frames: dict[str, pd.DataFrame], out_dir: Path) -> dict[str, Path]:
    """Write each frame as ``<kind>.csv``: UTF-8, comma, ``\\n``, minimal quoting, 6-decimal floats.

    Missing values are empty fields. Rows are joined by Arrow kernels, so a million rows write in seconds.
    Returns the written paths.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind, frame in frames.items():
        path = out_dir / f"{kind}.csv"
        header = ",".join(_csv_field(name) for name in frame.columns) + "\n"
        with path.open("wb") as fh:
            fh.write(header.encode("utf-8"))
            if len(frame):
                cells = [_csv_column(frame[name]) for name in frame.columns]
                comma, newline = pa.scalar(",", pa.large_string()), pa.scalar("\n", pa.large_string())
                lines = pc.binary_join_element_wise(*cells, comma)
                lines = pc.binary_join_element_wise(
                    lines, pa.scalar("", pa.large_string()), newline
                )  # row + "\n"
                fh.write(_concat(lines))
        paths[kind] = path
    return paths


def _concat(lines: pa.Array) -> bytes:
    """The strings of an Arrow large-string array back to back (its value buffer, first to last offset)."""
    lines = pa.concat_arrays(lines.chunks) if isinstance(lines, pa.ChunkedArray) else lines
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64, count=len(lines) + 1, offset=lines.offset * 8)
    return lines.buffers()[2].to_pybytes()[offsets[0] : offsets[-1]]


# ----------------------------------------------------------------------------------------------------
# Command line


def _parse_date(text: str) -> date:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"tanggal tidak terbaca: {text!r} (pakai YYYY-MM-DD)") from exc


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``python -m analysis sample``: ``--out`` (folder), ``--seed``, ``--rows`` (patrols and
    complaints each, for scale tests; at least ``MIN_ROWS``) and ``--end`` (the data's last day).
    """
    parser.description = "Tulis data contoh (patroli, laporan, personel) yang deterministik."
    parser.add_argument("--out", type=Path, default=Path("data"), help="folder tujuan (bawaan: data/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"benih acak (bawaan: {DEFAULT_SEED})")
    parser.add_argument("--rows", type=int, default=None, help="jumlah baris patroli dan laporan (uji skala)")
    parser.add_argument(
        "--end", type=_parse_date, default=DEFAULT_END, help=f"tanggal terakhir data (bawaan: {DEFAULT_END})"
    )


def run_cli(args: argparse.Namespace) -> int:
    """Generate and write the sample data for ``args``, printing each file's row count and the time taken;
    0, or 2 when ``--rows`` is below ``MIN_ROWS``.
    """
    if args.rows is not None and args.rows < MIN_ROWS:
        print(f"--rows minimal {MIN_ROWS}.")
        return 2
    began = time.perf_counter()
    frames = generate(args.seed, args.rows, args.end)
    paths = write(frames, args.out)
    elapsed = time.perf_counter() - began
    for kind, path in paths.items():
        print(f"{path}: {len(frames[kind]):,} baris".replace(",", "."))
    print(f"Selesai dalam {elapsed:.1f} detik.".replace(".", ",", 1))
    return 0
