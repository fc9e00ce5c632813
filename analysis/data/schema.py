"""The data contract: the columns of each file, their meaning and the values they may take.

Everything that reads, writes, validates or documents a data file takes its column names from here, so
the contract is stated once. Clean frames (what the loader returns: dtypes, NA, categories, personal data,
derived columns) are declared in ``analysis.data.contract``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["patrols", "complaints", "officers"]
KINDS: tuple[Kind, ...] = ("patrols", "complaints", "officers")


@dataclass(frozen=True)
class Column:
    """One column of the contract."""

    name: str
    label_id: str
    label_en: str
    required: bool
    description_id: str


PATROL_COLUMNS: tuple[Column, ...] = (
    Column("patrol_id", "ID patroli", "Patrol ID", False, "Unik; dibuat otomatis bila kosong"),
    Column("date", "Tanggal", "Date", True, "26/05/2025, 2025-05-26 atau 26 Mei 2025"),
    Column("start_time", "Jam mulai", "Start time", False, "HH:MM atau HH.MM"),
    Column("end_time", "Jam selesai", "End time", False, "HH:MM; lewat tengah malam boleh"),
    Column("kelurahan", "Kelurahan", "Kelurahan", True, "Salah satu dari 21 kelurahan Kota Blitar"),
    Column("activity", "Jenis kegiatan", "Activity", True, "Patroli Dialogis, Sambang, DDS, ..."),
    Column("unit", "Satuan/fungsi", "Unit", True, "Binmas, Samapta, Bhabinkamtibmas, ..."),
    Column(
        "leader_nrp", "NRP ketua", "Leader NRP", False, "Nomor registrasi pokok; bila kosong dicari dari nama"
    ),
    Column("leader_name", "Nama ketua", "Leader name", True, "Nama pimpinan kegiatan"),
    Column("leader_rank", "Pangkat", "Rank", False, "Bripda ... Kompol"),
    Column("personnel_count", "Jumlah personel", "Personnel", True, "Bilangan bulat >= 1, ketua termasuk"),
    Column("topics", "Topik/materi", "Topics", False, "Kategori yang dibahas, dipisah ; atau ,"),
    Column("residents_met", "Warga ditemui", "Residents met", False, "Bilangan bulat >= 0"),
    Column("location", "Lokasi", "Location", False, "Tempat kegiatan"),
    Column("lat", "Lintang", "Latitude", False, "Derajat desimal"),
    Column("lon", "Bujur", "Longitude", False, "Derajat desimal"),
    Column("notes", "Keterangan", "Notes", False, "Catatan bebas"),
)

COMPLAINT_COLUMNS: tuple[Column, ...] = (
    Column("complaint_id", "ID laporan", "Complaint ID", False, "Unik; dibuat otomatis bila kosong"),
    Column("received_at", "Waktu lapor", "Received at", True, "Tanggal dan jam laporan diterima"),
    Column("channel", "Saluran", "Channel", True, "Patroli Dialogis, Jumat Curhat, ..."),
    Column("kelurahan", "Kelurahan", "Kelurahan", True, "Salah satu dari 21 kelurahan Kota Blitar"),
    Column("category", "Kategori", "Category", False, "Kategori gangguan; kosong = Belum dikategorikan"),
    Column("description", "Uraian", "Description", False, "Isi laporan"),
    Column("status", "Status", "Status", False, "Baru, Diproses, Selesai, Tidak Valid; kosong = Baru"),
    Column("resolved_at", "Tanggal selesai", "Resolved at", False, "Diisi bila status Selesai"),
    Column("handled_by_nrp", "NRP penanganan", "Handled by (NRP)", False, "NRP petugas"),
    Column("patrol_id", "ID patroli", "Patrol ID", False, "Bila laporan diterima saat patroli"),
    Column("lat", "Lintang", "Latitude", False, "Derajat desimal"),
    Column("lon", "Bujur", "Longitude", False, "Derajat desimal"),
    Column("reporter_name", "Pelapor", "Reporter", False, "Data pribadi"),
    Column("reporter_phone", "No. HP pelapor", "Reporter phone", False, "Data pribadi"),
)

OFFICER_COLUMNS: tuple[Column, ...] = (
    Column("nrp", "NRP", "NRP", True, "Nomor registrasi pokok, unik"),
    Column("name", "Nama", "Name", True, "Nama personel"),
    Column("rank", "Pangkat", "Rank", True, "Bripda ... Kompol"),
    Column("unit", "Satuan/fungsi", "Unit", True, "Binmas, Samapta, ..."),
    Column("assigned_kelurahan", "Kelurahan binaan", "Assigned kelurahan", False, "Untuk Bhabinkamtibmas"),
    Column("active", "Aktif", "Active", False, "ya/tidak; kosong = ya"),
)

COLUMNS: dict[Kind, tuple[Column, ...]] = {
    "patrols": PATROL_COLUMNS,
    "complaints": COMPLAINT_COLUMNS,
    "officers": OFFICER_COLUMNS,
}

ID_COLUMN: dict[Kind, str] = {"patrols": "patrol_id", "complaints": "complaint_id", "officers": "nrp"}

# Header aliases (compared after lower-casing and collapsing spaces, dots and underscores).
HEADER_ALIASES: dict[Kind, dict[str, tuple[str, ...]]] = {
    "patrols": {
        "patrol_id": ("id patroli", "id kegiatan", "no kegiatan", "id"),
        "date": ("tanggal", "tgl", "hari tanggal", "hari/tanggal"),
        "start_time": ("jam mulai", "mulai", "waktu mulai", "pukul", "jam", "waktu", "jam kegiatan"),
        "end_time": ("jam selesai", "selesai", "waktu selesai"),
        "kelurahan": ("kelurahan", "desa", "kelurahan/desa", "desa/kelurahan", "kel"),
        "activity": ("jenis kegiatan", "kegiatan", "jenis"),
        "unit": ("satuan", "fungsi", "satuan/fungsi", "satfung", "unit"),
        "leader_nrp": ("nrp", "nrp ketua", "nrp pimpinan"),
        "leader_name": ("nama ketua", "ketua", "pimpinan", "nama pimpinan", "dipimpin oleh", "nama"),
        "leader_rank": ("pangkat", "pangkat ketua"),
        "personnel_count": ("jumlah personel", "jml personel", "jumlah anggota", "personel"),
        "topics": ("topik", "materi", "topik/materi", "materi dialog"),
        "residents_met": ("warga ditemui", "jumlah warga", "sasaran"),
        "location": ("lokasi", "tempat"),
        "lat": ("lintang", "latitude"),
        "lon": ("bujur", "longitude", "lng"),
        "notes": ("keterangan", "catatan", "ket"),
    },
    "complaints": {
        "complaint_id": ("id laporan", "no laporan", "nomor laporan", "id"),
        "received_at": (
            "waktu lapor",
            "tanggal lapor",
            "tanggal",
            "waktu",
            "tgl lapor",
            "timestamp",  # Google Forms (English)
            "stempel waktu",  # Google Forms (Bahasa Indonesia)
            "tanggal dan waktu",
            "waktu pelaporan",
        ),
        "channel": ("saluran", "sumber", "media", "sumber laporan"),
        "kelurahan": ("kelurahan", "desa", "kelurahan/desa", "desa/kelurahan", "kel"),
        "category": ("kategori", "jenis", "jenis gangguan", "kategori gangguan"),
        "description": ("uraian", "isi laporan", "isi", "keterangan", "uraian singkat"),
        "status": ("status", "status laporan"),
        "resolved_at": ("tanggal selesai", "waktu selesai", "tgl selesai", "selesai"),
        "handled_by_nrp": ("nrp petugas", "nrp penanganan", "ditangani oleh", "petugas"),
        "patrol_id": ("id patroli", "no kegiatan"),
        "lat": ("lintang", "latitude"),
        "lon": ("bujur", "longitude", "lng"),
        "reporter_name": ("pelapor", "nama pelapor"),
        "reporter_phone": ("no hp", "telepon", "no telepon", "hp", "no hp pelapor", "nomor hp"),
    },
    "officers": {
        "nrp": ("nrp",),
        "name": ("nama", "nama personel", "nama lengkap"),
        "rank": ("pangkat",),
        "unit": ("satuan", "fungsi", "satuan/fungsi", "satfung", "unit"),
        "assigned_kelurahan": ("kelurahan binaan", "desa binaan", "wilayah binaan", "kelurahan"),
        "active": ("aktif", "status aktif"),
    },
}

ACTIVITIES: tuple[str, ...] = (
    "Patroli Dialogis",
    "Sambang",
    "DDS",
    "Patroli Malam",
    "Penyuluhan",
    "Jumat Curhat",
    "Problem Solving",
    "Pengamanan",
)
ACTIVITY_ALIASES: dict[str, str] = {
    "door to door system": "DDS",
    "sambang desa": "Sambang",
    "kryd": "Patroli Malam",
    "patroli kryd": "Patroli Malam",
    "himbauan kamtibmas": "Penyuluhan",
    "penyuluhan kamtibmas": "Penyuluhan",
    "mediasi": "Problem Solving",
    "pengamanan kegiatan masyarakat": "Pengamanan",
    "patroli dialogis kamtibmas": "Patroli Dialogis",
    "dialogis": "Patroli Dialogis",
    "sambang warga": "Sambang",
    "sambang kamtibmas": "Sambang",
    "patroli malam hari": "Patroli Malam",
    "patroli blue light": "Patroli Malam",
    "blue light patrol": "Patroli Malam",
    "sosialisasi": "Penyuluhan",
    "sosialisasi kamtibmas": "Penyuluhan",
    "jumat curhat kamtibmas": "Jumat Curhat",
    "jum'at curhat": "Jumat Curhat",
    "pam": "Pengamanan",
    "pengamanan kegiatan": "Pengamanan",
    "penyelesaian masalah": "Problem Solving",
}

UNITS: tuple[str, ...] = ("Binmas", "Bhabinkamtibmas", "Samapta", "Reskrim", "Intelkam", "Lantas", "SPKT")
UNIT_ALIASES: dict[str, str] = {
    "sabhara": "Samapta",
    "sat samapta": "Samapta",
    "samapta bhayangkara": "Samapta",
    "bhabin": "Bhabinkamtibmas",
    "bhabinkamtibmas polri": "Bhabinkamtibmas",
    "sat binmas": "Binmas",
    "unit binmas": "Binmas",
    "pembinaan masyarakat": "Binmas",
    "sat reskrim": "Reskrim",
    "reserse": "Reskrim",
    "reserse kriminal": "Reskrim",
    "unit reskrim": "Reskrim",
    "sat intelkam": "Intelkam",
    "intel": "Intelkam",
    "sat lantas": "Lantas",
    "satlantas": "Lantas",
    "lalu lintas": "Lantas",
    "piket spkt": "SPKT",
    "sentra pelayanan kepolisian terpadu": "SPKT",
}

# Ranks from low to high; the order is used to sort and to group.
RANKS: tuple[str, ...] = (
    "Bripda",
    "Briptu",
    "Brigpol",
    "Bripka",
    "Aipda",
    "Aiptu",
    "Ipda",
    "Iptu",
    "AKP",
    "Kompol",
)
RANK_ALIASES: dict[str, str] = {
    "brigadir": "Brigpol",
    "brig": "Brigpol",
    "brigadir polisi": "Brigpol",
    "brigadir polisi dua": "Bripda",
    "brigadir dua": "Bripda",
    "brigadir polisi satu": "Briptu",
    "brigadir satu": "Briptu",
    "brigadir polisi kepala": "Bripka",
    "brigadir kepala": "Bripka",
    "ajun inspektur polisi dua": "Aipda",
    "ajun inspektur polisi satu": "Aiptu",
    "inspektur polisi dua": "Ipda",
    "inspektur dua": "Ipda",
    "inspektur polisi satu": "Iptu",
    "inspektur satu": "Iptu",
    "ajun komisaris polisi": "AKP",
    "komisaris polisi": "Kompol",
}

CHANNELS: tuple[str, ...] = (
    "Patroli Dialogis",
    "Jumat Curhat",
    "Datang Langsung",
    "WhatsApp #LaporPakKapolres",
    "Call Center 110",
    "Media Sosial",
)
CHANNEL_ALIASES: dict[str, str] = {
    "whatsapp": "WhatsApp #LaporPakKapolres",
    "wa": "WhatsApp #LaporPakKapolres",
    "#laporpakkapolres": "WhatsApp #LaporPakKapolres",
    "laporpakkapolres": "WhatsApp #LaporPakKapolres",
    "call center": "Call Center 110",
    "110": "Call Center 110",
    "spkt": "Datang Langsung",
    "walk in": "Datang Langsung",
    "medsos": "Media Sosial",
    "patroli": "Patroli Dialogis",
    "wa hotline": "WhatsApp #LaporPakKapolres",
    "whatsapp hotline": "WhatsApp #LaporPakKapolres",
    "hotline wa": "WhatsApp #LaporPakKapolres",
    "hotline whatsapp": "WhatsApp #LaporPakKapolres",
    "whatsapp lapor pak kapolres": "WhatsApp #LaporPakKapolres",
    "lapor pak kapolres": "WhatsApp #LaporPakKapolres",
    "telepon 110": "Call Center 110",
    "telp 110": "Call Center 110",
    "call centre 110": "Call Center 110",
    "layanan 110": "Call Center 110",
    "datang ke polsek": "Datang Langsung",
    "datang ke kantor": "Datang Langsung",
    "lapor langsung": "Datang Langsung",
    "langsung": "Datang Langsung",
    "sosmed": "Media Sosial",
    "instagram": "Media Sosial",
    "facebook": "Media Sosial",
    "tiktok": "Media Sosial",
    "twitter": "Media Sosial",
    "jum'at curhat": "Jumat Curhat",
}

STATUSES: tuple[str, ...] = ("Baru", "Diproses", "Selesai", "Tidak Valid")
# The words registers use for a status. Each substitution is reported as a warning.
STATUS_ALIASES: dict[str, str] = {
    "proses": "Diproses",
    "dalam proses": "Diproses",
    "sedang diproses": "Diproses",
    "sedang proses": "Diproses",
    "on process": "Diproses",
    "on progress": "Diproses",
    "ditindaklanjuti": "Diproses",
    "tindak lanjut": "Diproses",
    "ditangani": "Diproses",
    "sedang ditangani": "Diproses",
    "pending": "Baru",
    "belum": "Baru",
    "belum diproses": "Baru",
    "belum ditangani": "Baru",
    "menunggu": "Baru",
    "masuk": "Baru",
    "open": "Baru",
    "terbuka": "Baru",
    "sudah selesai": "Selesai",
    "tuntas": "Selesai",
    "clear": "Selesai",
    "done": "Selesai",
    "closed": "Selesai",
    "ditutup": "Selesai",
    "invalid": "Tidak Valid",
    "tdk valid": "Tidak Valid",
    "hoaks": "Tidak Valid",
    "hoax": "Tidak Valid",
}
# One cell holding a leader's rank, NRP and/or name ("Aiptu / 78050111"): header words -> the part they name.
# A header made of such words joined by "/" ("Pangkat/NRP", "Nama/NRP") is split into those columns.
IDENTITY_HEADER_WORDS: dict[str, str] = {
    "pangkat": "rank",
    "pkt": "rank",
    "pangkat ketua": "rank",
    "nrp": "nrp",
    "nrp ketua": "nrp",
    "nama": "name",
    "nama ketua": "name",
    "ketua": "name",
}
IDENTITY_COLUMNS: dict[Kind, dict[str, str]] = {
    "patrols": {"rank": "leader_rank", "nrp": "leader_nrp", "name": "leader_name"},
    "officers": {"rank": "rank", "nrp": "nrp", "name": "name"},
}
# A date column with its time of day in a column of its own: headers of that time column.
DATE_TIME_PARTS: dict[Kind, dict[str, tuple[str, ...]]] = {
    "complaints": {"received_at": ("jam", "jam lapor", "jam laporan", "pukul", "waktu", "jam masuk")},
}
UNCATEGORISED = (
    "Belum dikategorikan"  # a complaint whose category cell is empty (data/reference/categories.csv)
)
# Optional columns whose empty cell stands for a value: the row is kept with that value and a warning.
EMPTY_MEANS: dict[str, str] = {"category": UNCATEGORISED, "status": "Baru"}
INVALID_STATUS = "Tidak Valid"
RESOLVED_STATUS = "Selesai"

STAGES: dict[str, str] = {"PG": "Potensi Gangguan", "AG": "Ambang Gangguan", "GN": "Gangguan Nyata"}


def columns(kind: Kind) -> list[str]:
    """The contract's column names for ``kind``, in file order."""
    return [c.name for c in COLUMNS[kind]]


def required_columns(kind: Kind) -> list[str]:
    """Columns a file of ``kind`` must have (a missing one makes the file unreadable as that kind)."""
    return [c.name for c in COLUMNS[kind] if c.required]


def split_topics(topics: str | None) -> list[str]:
    """Split a ``topics`` cell on ``;`` or ``,`` into trimmed, non-empty parts.

    >>> split_topics("Keresahan sosial; Miras,  Balap liar")
    ['Keresahan sosial', 'Miras', 'Balap liar']
    >>> split_topics(None)
    []
    """
    if not topics or not isinstance(topics, str):
        return []
    return [part.strip() for part in topics.replace(",", ";").split(";") if part.strip()]
