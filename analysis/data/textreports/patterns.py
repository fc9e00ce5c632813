"""The phrasings the text reader understands: one table per field, each entry one pattern.

A Polsek analyst extends the reader by adding a pattern here (and a test beside it in
``tests/test_textreports_patterns.py``); the extractor in ``analysis.data.textreports.extract`` only walks
these
tables. Patterns are matched case-insensitively against one report (a WhatsApp message, a release, a
table row rendered as ``label: value`` lines). Month and day names come from Babel's Indonesian and
English locales, so "Jumat", "Jum'at", "Friday", "Mei", "Agt." are all known.
"""

from __future__ import annotations

import re
from typing import Literal

from babel.dates import get_day_names, get_month_names

from analysis.data import schema

IC = re.IGNORECASE


def _names(kind: str, width: Literal["abbreviated", "narrow", "wide"], locale: str) -> dict[int, str]:
    getter = get_month_names if kind == "month" else get_day_names
    return dict(getter(width, locale=locale).items())


def _month_table() -> dict[str, int]:
    months: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in _names("month", width, locale).items():
                months[name.lower().rstrip(".")] = number
    # spellings seen in reports that no locale lists
    extra = {
        "pebruari": 2,
        "nopember": 11,
        "agustus": 8,
        "peb": 2,
        "agt": 8,
        "ags": 8,
        "agust": 8,
        "sept": 9,
        "nop": 11,
        "okt": 10,
    }
    return months | extra


MONTHS: dict[str, int] = _month_table()
WEEKDAYS: tuple[str, ...] = tuple(
    sorted(
        {n.lower() for loc in ("id", "en") for n in _names("day", "wide", loc).values()}
        | {"jum'at", "ahad", "jum at"},
        key=len,
        reverse=True,
    )
)
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY_RE = "|".join(re.escape(d) for d in WEEKDAYS)
_PART_OF_DAY = r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari))?"

# --- dates: each pattern gives named groups d, m or mon, y (and may start with a weekday) -----------------
WEEKDAY = rf"(?:(?:hari\s+)?(?:{_DAY_RE}){_PART_OF_DAY}\s*[,(]?\s*)"
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "Senin, 26 Mei 2025", "Senin siang, 26 Mei 2025", "26 Mei 2025", "tgl 3 Juni 25"
    re.compile(
        rf"\b{WEEKDAY}?(?:tgl\.?\s*|tanggal\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\.?\s+(?P<y>\d{{4}}|\d{{2}})\b",
        IC,
    ),
    # "26-05-2025", "tgl 3/6/25", "Jumat malam (24/10/2025)", "03.06.2025"
    re.compile(
        rf"\b{WEEKDAY}?(?:tgl\.?\s*|tanggal\s+)?(?P<d>\d{{1,2}})([/\-.])(?P<m>\d{{1,2}})\2(?P<y>\d{{4}}|\d{{2}})\b",
        IC,
    ),
    # "2025-06-03"
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    # "June 3, 2025" (English releases)
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", IC),
)

# --- times: "pukul 21.00 WIB", "08.30 s.d. 10.00", "20.00 – selesai", "jam 09.00" --------------------------
_CLOCK = r"(?<![\d.:/])(?P<{0}H>[01]?\d|2[0-3])[.:](?P<{0}M>[0-5]\d)(?![\d.:/]\d)"
TIME_RANGE = re.compile(
    r"(?:\b(?:pukul|pkl\.?|jam|waktu)\s*:?\s*)?"
    + _CLOCK.format("s")
    + r"\s*(?:wib|wita|wit)?\s*(?:s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|[-–—]|to|until)\s*"
    + r"(?:pukul\s*)?(?:"
    + _CLOCK.format("e")
    + r"|(?P<open>selesai|finish|done))",
    IC,
)
TIME_SINGLE = re.compile(r"\b(?:pukul|pkl\.?|jam|waktu|at)\s*:?\s*" + _CLOCK.format("s") + r"\b", IC)

# --- places ---------------------------------------------------------------------------------------------
# "Kel. Klampok", "Kelurahan Karang Tengah", "Desa Gedog", "Kel Rembang"; the name is up to three words
KELURAHAN_LABELLED = re.compile(
    r"\b(?:kelurahan|kel|desa|ds)\b\.?\s*:?\s*(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})", IC
)
KECAMATAN_LABELLED = re.compile(
    r"\b(?:kecamatan|kec)\b\.?\s*:?\s*(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)", IC
)
# a place name right after these words is not the kelurahan where the activity was (Polsek Sananwetan,
# Kota Blitar, Kecamatan Sananwetan)
NOT_KELURAHAN_BEFORE = re.compile(
    r"(?:polsek|polres|polresta|kota|kabupaten|kab\.?|kecamatan|kec\.?|koramil|kodim)\s*$", IC
)
LOCATION_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "di sekitar pasar Kel. Rembang" -> "sekitar pasar"
    re.compile(r"\bdi\s+(?P<place>[\w '/-]{3,60}?)\s*,?\s+(?:kel\.|kelurahan)", IC),
)
ROUTE_LABEL = re.compile(
    r"\b(?:rute|route|jalur\s+patroli|titik\s+(?:patroli|pantau))\s*:?[ \t]*(?P<route>[^\n]*)", IC
)
ROUTE_SPLIT = re.compile(r"\s*(?:->|→|>|–|—|\s-\s|;|,\s*lalu\s+|\blalu\b|\bkemudian\b)\s*", IC)


def _compiled(*rows: tuple[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """``(regex, value)`` rows with each regex compiled case-insensitively, in the given order."""
    return tuple((re.compile(pattern, IC), value) for pattern, value in rows)


# --- activity --------------------------------------------------------------------------------------------
ACTIVITY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = _compiled(
    (r"\bpatroli\s+dialogis\b", "Patroli Dialogis"),
    (
        r"\b(?:patroli\s+malam|patroli\s+kryd|kryd|patroli\s+blue\s*light|night\s+patrol)\b",
        "Patroli Malam",
    ),
    (r"\bjum'?at\s+curhat\b", "Jumat Curhat"),
    (r"\b(?:dds|door\s+to\s+door(?:\s+system)?)\b", "DDS"),
    (r"\bsambang(?:\s+desa|\s+warga)?\b|\bsambangi\b", "Sambang"),
    (r"\b(?:penyuluhan|sosialisasi|himbauan)\s+kamtibmas\b|\bpenyuluhan\b", "Penyuluhan"),
    (r"\b(?:problem\s+solving|mediasi)\b", "Problem Solving"),
    (r"\bpengamanan\b|\bpam\s+(?:kegiatan|ibadah)\b", "Pengamanan"),
)
PATROL_WORD = re.compile(r"\bpatroli\b|\bpatrol\b", IC)

# --- unit from a job title ("Panit Binmas", "Bhabinkamtibmas Kel. Klampok", "piket Samapta") -------------
UNIT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = _compiled(
    (r"\bbhabin(?:kamtibmas)?\b|\bbabinkamtibmas\b", "Bhabinkamtibmas"),
    (r"\b(?:kanit|panit|banit|unit|sat)?\s*binmas\b", "Binmas"),
    (
        r"\b(?:piket\s+|unit\s+|sat\s*)?(?:samapta|sabhara)\b|\bdanru\b|\bpiket\s+jaga\b",
        "Samapta",
    ),
    (r"\b(?:kanit|panit|unit|sat)?\s*reskrim\b", "Reskrim"),
    (r"\b(?:kanit|panit|unit|sat)?\s*intel(?:kam)?\b", "Intelkam"),
    (r"\b(?:kanit|panit|unit|sat)?\s*lantas\b", "Lantas"),
    (r"\b(?:ka|piket)?\s*spkt\b", "SPKT"),
)
# a unit named after these words is where a complaint went, not who patrolled
UNIT_NOT_AFTER = re.compile(r"(?:diteruskan|dilimpahkan|diserahkan|koordinasi|ke|kepada|dengan)\s+$", IC)

# --- leader ----------------------------------------------------------------------------------------------
_RANKS = sorted({*schema.RANKS, *(a.title() for a in schema.RANK_ALIASES)}, key=len, reverse=True)
RANK_RE = "|".join(re.escape(r) for r in _RANKS)
# "Aiptu Roziek Mustofa", "BRIPKA AGUS SETIAWAN": a rank then one to four capitalised words
RANK_NAME = re.compile(
    rf"\b(?P<rank>(?i:{RANK_RE}))\.?\s+(?P<name>(?:[A-Z][A-Za-z'’-]+)(?:[ \t]+[A-Z][A-Za-z'’-]+){{0,3}})"
)
LEADER_CUES = re.compile(
    r"(?:dipimpin(?:\s+oleh|\s+langsung(?:\s+oleh)?)?|pimpinan|ketua(?:\s+tim)?|danru|petugas|"
    r"pelaksana|led\s+by|oleh)\s*:?\s*[^.\n]{0,80}$",
    IC,
)
NRP = re.compile(r"\bNRP\.?\s*:?\s*(?P<nrp>\d{8})\b", IC)

# --- personnel -------------------------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "seorang": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "one": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_CREW = r"(?:personel|personil|anggota|petugas|orang\s+anggota|orang\s+personel|rekan|officers?|members?)"
# (pattern, add the leader?) -- "bersama tiga personel lainnya" = 3 + the leader
PERSONNEL_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"\b(?:jumlah|jml)\s+(?:personel|personil|anggota|petugas)\s*:?\s*{_NUM}\b", IC), False),
    (re.compile(rf"(?:\bbersama|\bdengan|\bdan|\+|\bbeserta|\bdibantu|\bwith)\s+{_NUM}\s+{_CREW}", IC), True),
    (re.compile(rf"\b{_NUM}\s+{_CREW}\s+(?:lainnya|lain)\b", IC), True),
    (re.compile(rf"\b{_NUM}\s+(?:personel|personil|petugas|officers)\b", IC), False),
)

# --- residents met ---------------------------------------------------------------------------------------
RESIDENTS_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:warga\s+ditemui|jumlah\s+warga|dihadiri|diikuti)\s*:?\s*(?P<approx>±|\+/-|kurang\s+lebih|sekitar|kl\.?)?\s*(?P<n>\d{1,4})\b",
        IC,
    ),
    re.compile(
        r"(?P<approx>±|\+/-|kurang\s+lebih|sekitar|kl\.?)?\s*(?P<n>\d{1,4})\s*(?:orang|org)(?!\s*(?:anggota|personel|petugas))(?:\s+warga)?\b",
        IC,
    ),
    re.compile(r"(?P<approx>±|\+/-|kurang\s+lebih|sekitar)?\s*\b(?P<n>\d{1,4})\s+warga\b", IC),
)

# --- topics: category aliases beyond categories.csv (the field's shorthands) ----------------------------
TOPIC_SHORTHANDS: dict[str, tuple[str, ...]] = {
    r"3\s*c": ("Pencurian", "Curanmor"),  # curat, curas, curanmor
    r"curat|curas|pencurian|maling|pembobolan": ("Pencurian",),
    r"curanmor|pencurian\s+(?:sepeda\s+)?motor|pencurian\s+kendaraan": ("Curanmor",),
    r"knalpot\s+brong|balap\s+liar|balapan\s+liar|trek[- ]?trekan": ("Balap liar",),
    r"miras|minuman\s+keras|mabuk(?:-mabukan)?|arak|ciu|oplosan": ("Miras",),
    r"narkoba|narkotika|sabu|pil\s+koplo|obat\s+terlarang|okerbaya": ("Narkoba",),
    r"judi(?:\s+online)?|judol|sabung\s+ayam|togel|perjudian": ("Perjudian",),
    r"tawuran|kenakalan\s+remaja|gangster|geng\s+motor|kenakalan\s+anak": ("Kenakalan remaja",),
    r"penipuan(?:\s+online)?|penggelapan|investasi\s+bodong": ("Penipuan",),
    r"perkelahian|pengeroyokan|penganiayaan|perkelahian": ("Penganiayaan",),
    r"kdrt|kekerasan\s+dalam\s+rumah\s+tangga": ("KDRT",),
    r"laka\s+lantas|kecelakaan|kemacetan|parkir\s+liar": ("Lalu lintas",),
    r"kebakaran|banjir|pohon\s+tumbang|bencana": ("Bencana/kebakaran",),
}
# phrases that look like a topic but are a place or a greeting ("pos kamling", "situasi aman")
NOT_TOPIC = re.compile(r"\bpos\s+kamling\b|\bsiskamling\b|\bsituasi\s+(?:aman|kondusif)\w*", IC)

# --- complaints raised by residents ---------------------------------------------------------------------
_RESIDENT = (
    r"(?:warga|masyarakat|ibu|bapak|bpk\.?|bu|pak|sdr\.?|sdri\.?|ketua\s+r[tw]|pengurus\s+r[tw]|tokoh|"
    r"pedagang|pelapor|resident)"
)
COMPLAINT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"\b{_RESIDENT}\b[^.\n]{{0,60}}?\b(?:mengeluhkan|mengeluh|mengadukan|mengadu|melaporkan|menyampaikan\s+keluhan|curhat|complained)\b",
        IC,
    ),
    re.compile(
        r"\b(?:keluhan|aduan|laporan|pengaduan)\s+(?:dari\s+)?(?:warga|masyarakat|bpk\.?|ibu|sdr\.?)\b\s*[^:\n]{0,40}?:",
        IC,
    ),
)
# a cheap first look: a sentence without one of these words is no complaint (keep in step with the above)
COMPLAINT_HINT = re.compile(r"mengeluh|mengadu|melapor|keluhan|aduan|laporan|curhat|complain", IC)
# a heading after which each list item is one complaint ("Keluhan warga:", "Curhat warga:")
COMPLAINT_HEADING = re.compile(
    r"^\s*(?:keluhan|curhat(?:an)?|aduan|permasalahan|masalah|pengaduan)(?:\s+warga|\s+masyarakat)?\s*:?\s*$",
    IC | re.M,
)
LIST_ITEM = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s+", re.M)
# a complaint received by the operator: no patrol, one complaint
COMPLAINT_INTAKE = re.compile(
    r"\b(?:laporan|aduan|pengaduan)\s+(?:masuk|warga\s+masuk|diterima)\b|\bpelapor\s*:|\brekap\s+(?:laporan|aduan)\b",
    IC,
)
STATUS_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = _compiled(
    (
        r"\bselesai\s+di\s+tempat\b|\b(?:sudah|telah)\s+(?:di)?selesaikan\b|\bdiselesaikan\s+secara\s+kekeluargaan\b|\bsudah\s+selesai\b|\bterselesaikan\b|\bresolved\b",
        "Selesai",
    ),
    (
        r"\bditeruskan\b|\bdilimpahkan\b|\bditindaklanjuti\b|\bdalam\s+(?:proses|penanganan|penyelidikan)\b|\bsedang\s+ditangani\b|\bdiproses\b|\bkoordinasi\s+dengan\b|\bforwarded\b",
        "Diproses",
    ),
    (r"\btidak\s+valid\b|\bhoax\b|\btidak\s+terbukti\b|\blaporan\s+palsu\b", "Tidak Valid"),
)
CHANNEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = _compiled(
    (
        r"#?laporpakkapolres|\bvia\s+(?:wa|whatsapp)\b|\bwhatsapp\b",
        "WhatsApp #LaporPakKapolres",
    ),
    (r"\bcall\s+center\b|\b110\b", "Call Center 110"),
    (r"\bjum'?at\s+curhat\b", "Jumat Curhat"),
    (r"\bdatang\s+(?:langsung|ke\s+(?:polsek|spkt))\b|\bspkt\b", "Datang Langsung"),
    (r"\b(?:medsos|media\s+sosial|instagram|facebook|tiktok)\b", "Media Sosial"),
)
# personal data in a report: the names and numbers of residents (never copied into a patrol's text)
REPORTER_NAME = re.compile(
    r"\b(?i:pelapor\s*:?\s*(?:an\.?|a\.n\.?|atas\s+nama)?|(?:bpk|bapak|pak|ibu|bu|sdr|sdri|saudara|saudari|mbah)\.?)\s+(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,2})"
)
_NOT_A_NAME = r"(?!(?:Ijin|Izin|Mohon|Warga|Petugas|Kami|Saya|Masyarakat|Ketua|Pengurus|Tokoh|Pedagang)\b)"
# a name right before a complaint verb ("Budi (0812…) mengeluhkan"), or opening a listed complaint
# ("2. Sri Wahyuni: …", "- Joko (RT 3): …")
NAME_BEFORE_COMPLAINT = re.compile(
    rf"\b{_NOT_A_NAME}(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){{0,2}})(?=\s*(?:\([^)\n]*\))?\s*"
    r"(?:mengeluhkan|mengeluh|mengadukan|mengadu|curhat)\b)"
)
LISTED_NAME = re.compile(
    rf"^(?P<lead>\s*(?:\d{{1,2}}[.)]|[-•*])\s+){_NOT_A_NAME}(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){{0,2}})"
    r"(?=\s*(?:\([^)\n]*\))?\s*:)",
    re.M,
)
_LABEL_WORDS = (
    r"(?!(?:Tempat|Lokasi|Pukul|Jam|Hasil|Sasaran|Uraian|Kegiatan|Petugas|Hari|Tgl|Tanggal|Isi|Keterangan|"
    r"Materi|Dok|Rute|Catatan|Situasi|Laporan|Keluhan|Aduan|Status|Tindak)\b)"
)
# a listed complaint's own text starting with the resident's name: "Sri Wahyuni: …", "Joko (RT 3): …"
SEGMENT_NAME = re.compile(
    rf"^{_NOT_A_NAME}{_LABEL_WORDS}(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){{0,2}})"
    r"(?=\s*(?:\([^)\n]*\))?\s*:)"
)
PHONE = re.compile(r"(?:\+62|62|0)8\d{1,3}[\s.-]?\d{3,4}[\s.-]?\d{3,5}")

# --- reports and chatter ---------------------------------------------------------------------------------
# a new report starts with one of these at the beginning of a line (several reports pasted together)
REPORT_OPENERS = re.compile(
    r"^\s*(?:\*?\s*)?(?:(?:mohon\s+)?ijin\s+(?:melaporkan|lapor)|izin\s+(?:melaporkan|lapor)|lapor(?:an)?\s+(?:kegiatan|patroli|harian)|"
    r"kepada\s+yth|assalamu'?alaikum[^\n]*\n+\s*(?:ijin|izin)|laporan\s+(?:masuk|aduan))",
    IC | re.M,
)
CHATTER = re.compile(
    r"^\s*(?:<media\s+(?:tidak\s+disertakan|omitted)>|<lampiran[^>]*>|pesan\s+ini\s+(?:telah\s+)?dihapus|"
    r"this\s+message\s+was\s+deleted|siap(?:\s+\w+)?[.!]*|mantap\w*[^\n]{0,30}|(?:selamat\s+(?:pagi|siang|sore|malam))[^\n]*|"
    r"terima\s*kasih[^\n]*|trims?[^\n]*|ok(?:e|ey)?[^\n]{0,20}|86[^\n]{0,20}|monitor[^\n]{0,20}|laksanakan[^\n]{0,20}|"
    r"ijin\s+(?:monitor|share)[^\n]*|good\s+(?:morning|afternoon|evening|night)[^\n]*|noted[^\n]{0,20}|"
    r"copy[^\n]{0,20}|roger[^\n]{0,20}|thanks?[^\n]{0,30}|null)\s*$",
    IC,
)
MEDIA_PLACEHOLDER = re.compile(
    r"<media\s+(?:tidak\s+disertakan|omitted)>|<lampiran[^>]*>|\(file\s+attached\)", IC
)

# --- WhatsApp exports -------------------------------------------------------------------------------------
# Indonesian Android: "02/06/25 21.47 - Nama: pesan"; English Android: "6/2/25, 9:47 PM - Name: text";
# iOS: "[02/06/25 21.47.12] Nama: pesan" / "[6/2/25, 9:47:12 PM] Name: text"
CHAT_LINE = re.compile(
    r"^\u200e?\[?(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{2,4}),?\s+"
    r"(?P<H>\d{1,2})[.:](?P<M>\d{2})(?:[.:]\d{2})?(?:[\s\u202f]*(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
    r"(?:\]\s*|\s+[-–]\s+)(?P<rest>.*)$"
)
CHAT_SENDER = re.compile(r"^(?P<sender>[^:]{1,60}?):\s(?P<text>.*)$", re.S)
