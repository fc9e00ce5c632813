"""Strings of the loader's reading of values: conventions decided per column, implausible dates,
two values in one cell, empty fields kept with an explicit value, pairings of unknown values."""

STRINGS: dict[str, tuple[str, str]] = {
    # About a whole column (a warning without a line number).
    "values.note.month_first": (
        "urutan tanggal kolom ini bulan/hari/tahun (seperti {example}, yang tidak mungkin dibaca hari dulu); "
        "semua tanggalnya dibaca bulan dulu",
        "this column writes dates month/day/year (as {example}, which cannot be day-first); every date "
        "in it was read month-first",
    ),
    "values.note.day_first_default": (
        "urutan tanggal kolom ini tidak dapat dipastikan dari isinya (mis. {example}); dibaca hari/bulan/"
        "tahun seperti kebiasaan Indonesia",
        "the date order of this column cannot be told from its values (e.g. {example}); read day/month/"
        "year, the Indonesian way",
    ),
    "values.note.mixed_order": (
        "kolom ini mencampur tanggal hari-dulu ({day_first}) dan bulan-dulu ({month_first}); tiap "
        "tanggal dibaca dengan urutan yang mungkin baginya",
        "this column mixes day-first ({day_first}) and month-first ({month_first}) dates; each date was "
        "read in the order possible for it",
    ),
    "values.note.excel_serial": (
        "kolom ini berisi nomor seri tanggal Excel (mis. {example} = {date}); dibaca sebagai tanggal",
        "this column holds Excel serial date numbers (e.g. {example} = {date}); read as dates",
    ),
    "values.note.joined": (
        "tanggal dari kolom '{date}' digabung dengan jam dari kolom '{time}'",
        "the date from column '{date}' was joined with the time from column '{time}'",
    ),
    "values.note.split": (
        "kolom '{header}' berisi beberapa nilai dalam satu sel; dipisah menjadi {columns}",
        "column '{header}' holds several values in one cell; split into {columns}",
    ),
    "values.note.column_absent": (
        "kolom {column} tidak ada; setiap baris dicatat sebagai '{value}'",
        "no {column} column; every row recorded as '{value}'",
    ),
    "values.note.dot_thousands": (
        "titik dalam kolom ini dibaca sebagai pemisah ribuan (mis. {example} = {value})",
        "a dot in this column was read as a thousands separator (e.g. {example} = {value})",
    ),
    # About one row.
    "values.reason.future": (
        "tanggal setelah hari ini ({today}); tidak mungkin sudah terjadi",
        "date after today ({today}); it cannot have happened yet",
    ),
    "values.reason.future_dropped": (
        "tanggal setelah hari ini ({today}); dikosongkan",
        "date after today ({today}); left empty",
    ),
    "values.reason.far_outside": (
        "tanggal jauh dari tanggal lain di berkas ({start} – {end}); periksa tahunnya",
        "date far from the file's other dates ({start} – {end}); check the year",
    ),
    "values.reason.two_readings": (
        "tanggal bisa dibaca dua cara; dibaca hari dulu: {read}",
        "the date reads two ways; read day-first: {read}",
    ),
    "values.reason.resolved_before": (
        "tanggal selesai sebelum waktu lapor; dikosongkan (laporan tetap dihitung)",
        "resolved before it was received; left empty (the report still counts)",
    ),
    "values.reason.empty_means": (
        "kosong; dicatat sebagai '{value}'",
        "empty; recorded as '{value}'",
    ),
    "values.reason.not_whole": (
        "bukan bilangan bulat (jumlah orang tidak berkoma)",
        "not a whole number (a count of people has no decimals)",
    ),
    "values.reason.not_whole_dropped": (
        "bukan bilangan bulat (jumlah orang tidak berkoma); dikosongkan",
        "not a whole number (a count of people has no decimals); left empty",
    ),
    "values.reason.two_numbers": (
        "bisa berarti {one} atau {other}; dibaca {other} ({separator} sebagai pemisah ribuan)",
        "could mean {one} or {other}; read as {other} ({separator} as a thousands separator)",
    ),
    "values.reason.nrp_from_name": (
        "NRP kosong; diisi {nrp} dari data personel (nama cocok)",
        "empty NRP; filled with {nrp} from the officers' list (name matched)",
    ),
    "values.reason.nrp_unknown": (
        "NRP kosong dan nama tidak ditemukan (atau tidak tunggal) di data personel; NRP dibiarkan kosong",
        "empty NRP and the name is not (or not uniquely) in the officers' list; NRP left empty",
    ),
    "values.reason.range_split": (
        "rentang jam dalam satu sel; dibaca mulai {start}, selesai {end}",
        "a time range in one cell; read as start {start}, end {end}",
    ),
    "values.reason.paired": (
        "dipasangkan pengguna dengan '{canonical}'",
        "paired by the user with '{canonical}'",
    ),
    "values.separator.dot": ("titik", "the dot"),
    "values.separator.comma": ("koma", "the comma"),
    # Data page: pairing unknown values.
    "values.pair.header": ("Pasangkan nilai yang tidak dikenal", "Pair unknown values"),
    "values.pair.help": (
        "Nilai berikut tidak dikenal sehingga barisnya ditolak. Pilih nilai baku yang dimaksud; pasangan "
        "diingat untuk berkas berikutnya.",
        "These values are unknown, so their rows are rejected. Choose the standard value meant; the "
        "pairing is remembered for the next file.",
    ),
    "values.pair.none": ("— biarkan ditolak —", "— leave rejected —"),
    "values.pair.label": ("{column}: '{value}' ({count} baris)", "{column}: '{value}' ({count} rows)"),
    "values.pair.apply": ("Terapkan dan ingat pasangan", "Apply and remember the pairings"),
    "values.pair.saved": ("Pasangan nilai disimpan.", "Value pairings saved."),
}
