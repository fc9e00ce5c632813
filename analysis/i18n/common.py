"""Strings shared by the frame, the sidebar and several pages."""

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("Dasbor Kamtibmas", "Kamtibmas Dashboard"),
    "app.subtitle": ("Polres Blitar Kota", "Polres Blitar Kota"),
    "lang.label": ("Bahasa", "Language"),
    "data.as_of": ("Data s.d. {date}", "Data up to {date}"),
    "empty.filter": (
        "Tidak ada data yang cocok dengan filter ini. Perluas periode atau kosongkan filter di sidebar.",
        "Nothing matches this filter. Widen the period or clear the filters in the sidebar.",
    ),
    "error.data": (
        "Data tidak dapat dimuat: {reason}. Periksa berkas di folder data atau impor ulang lewat halaman Data.",
        "The data could not be loaded: {reason}. Check the files in the data folder or re-import on the Data page.",
    ),
    "warn.rejected_rows": (
        "{count} baris ditolak saat memuat {file}; lihat halaman Data untuk rinciannya.",
        "{count} rows were rejected while loading {file}; see the Data page for details.",
    ),
    "filter.header": ("Filter", "Filters"),
    "filter.period": ("Periode", "Period"),
    "filter.period.7": ("7 hari terakhir", "Last 7 days"),
    "filter.period.30": ("30 hari terakhir", "Last 30 days"),
    "filter.period.90": ("90 hari terakhir", "Last 90 days"),
    "filter.period.month": ("Bulan ini", "This month"),
    "filter.period.year": ("Tahun ini", "This year"),
    "filter.period.custom": ("Pilih tanggal", "Custom"),
    "filter.dates": ("Rentang tanggal", "Date range"),
    "filter.kecamatan": ("Polsek / kecamatan", "Polsek / kecamatan"),
    "filter.kelurahan": ("Kelurahan", "Kelurahan"),
    "filter.category": ("Kategori", "Category"),
    "filter.unit": ("Satuan", "Unit"),
    "filter.channel": ("Saluran", "Channel"),
    "filter.all": ("Semua", "All"),
    "filter.reset": ("Atur ulang filter", "Reset filters"),
    "filter.bad_link": (
        "Sebagian nilai pada tautan tidak dikenal dan diabaikan: {values}.",
        "Some values in the link were not recognised and were ignored: {values}.",
    ),
    "filter.note": (
        "Kategori menyaring laporan dan topik patroli; satuan menyaring patroli; saluran menyaring laporan.",
        "Category filters complaints and patrol topics; unit filters patrols; channel filters complaints.",
    ),
    "download.csv": ("Unduh CSV", "Download CSV"),
    "download.excel": ("Unduh Excel", "Download Excel"),
    "download.too_long": (
        "Unduhan dari dasbor sampai {limit} baris; tabel ini {rows} baris. Persempit filter (periode, "
        "kelurahan), atau ambil berkas dari folder data.",
        "Downloads from the dashboard go up to {limit} rows; this table has {rows}. Narrow the filter "
        "(period, kelurahan), or take the files from the data folder.",
    ),
    "download.excel.too_long": (
        "Berkas Excel dibuat sampai {limit} baris; tabel ini {rows} baris. Unduh CSV (bisa dibuka di Excel).",
        "Excel files are made for up to {limit} rows; this table has {rows}. Download the CSV (Excel opens it).",
    ),
    "nav.section.main": ("Dasbor", "Dashboard"),
    "nav.section.data": ("Data", "Data"),
    "period.previous": ("vs periode sebelumnya ({range})", "vs previous period ({range})"),
    "demo.banner": (
        "Mode demo lokal: belum ada pengguna terdaftar, jadi aplikasi hanya bisa dibuka dari komputer ini.",
        "Local demo mode: no users are configured, so the app only listens on this computer.",
    ),
}
