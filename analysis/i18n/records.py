"""Strings of the records page (Daftar kegiatan & laporan) and of the click-throughs that open it."""

STRINGS: dict[str, tuple[str, str]] = {
    "records.title": ("Daftar kegiatan & laporan", "Records"),
    "records.intro": (
        "Catatan satu per satu di balik setiap angka: kegiatan patroli dan laporan warga pada filter ini. "
        "Klik judul kolom untuk mengurutkan.",
        "The individual records behind every number: patrols and complaints in this filter. Click a column "
        "header to sort.",
    ),
    "records.filter.period": ("Periode {range}", "Period {range}"),
    "records.filter.kecamatan": ("Kecamatan: {values}", "Kecamatan: {values}"),
    "records.filter.kelurahan": ("Kelurahan: {values}", "Kelurahan: {values}"),
    "records.filter.categories": ("Kategori: {values}", "Category: {values}"),
    "records.filter.units": ("Satuan: {values}", "Unit: {values}"),
    "records.filter.channels": ("Saluran: {values}", "Channel: {values}"),
    "records.filter.everything": ("semua kelurahan dan kategori", "every kelurahan and category"),
    "records.filter.stated": ("Filter: {filter}", "Filter: {filter}"),
    "records.include_invalid": ("Sertakan laporan Tidak Valid", "Include complaints marked Tidak Valid"),
    "records.include_invalid.help": (
        "Grafik menghitung laporan valid saja; nyalakan untuk melihat juga laporan berstatus Tidak Valid.",
        "Charts count valid complaints only; switch on to list complaints marked Tidak Valid as well.",
    ),
    "records.patrols.header": ("Kegiatan patroli ({n})", "Patrols ({n})"),
    "records.complaints.header": ("Laporan warga ({n})", "Complaints ({n})"),
    "records.complaints.invalid_hidden": (
        "{n} laporan Tidak Valid tidak ditampilkan.",
        "{n} complaints marked Tidak Valid are not listed.",
    ),
    "records.shown_latest": (
        "Ditampilkan {shown} terbaru dari {total}; unduhan CSV/Excel di bawah berisi semua {total}.",
        "Showing the latest {shown} of {total}; the CSV/Excel downloads below hold all {total}.",
    ),
    "records.shown_only": (
        "Ditampilkan {shown} terbaru dari {total}.",
        "Showing the latest {shown} of {total}.",
    ),
    "records.shown_latest_csv": (
        "Ditampilkan {shown} terbaru dari {total}; unduhan CSV di bawah berisi semua {total}.",
        "Showing the latest {shown} of {total}; the CSV download below holds all {total}.",
    ),
    "records.patrols.none": ("Tidak ada kegiatan patroli pada filter ini.", "No patrol in this filter."),
    "records.complaints.none": ("Tidak ada laporan pada filter ini.", "No complaint in this filter."),
    "records.col.leader": ("Ketua", "Leader"),
    "records.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "records.col.duration_hours": ("Durasi (jam)", "Duration (hours)"),
    "records.col.resolution_days": ("Hari sampai selesai", "Days to resolve"),
    "records.open": ("Lihat catatan", "See the records"),
    "records.open.kelurahan": ("Lihat catatan {kelurahan}", "See the records of {kelurahan}"),
    "records.cell.complaints": (
        "{day}, jam {hours}: laporan yang diterima pada jam itu, patroli yang sedang di lapangan",
        "{day}, {hours}: complaints received in that hour, patrols out at the time",
    ),
    "records.cell.patrols": (
        "{day}, jam {hours}: patroli yang sedang di lapangan, laporan yang diterima pada jam itu",
        "{day}, {hours}: patrols out at the time, complaints received in that hour",
    ),
    "records.cell.clear": ("Hapus batas hari dan jam", "Remove the day and hour"),
    "records.tip.personnel": ("{n} personel", "{n} personnel"),
    "records.click_hint": (
        "Klik batang, sel atau baris untuk membuka catatan di baliknya.",
        "Click a bar, cell or row to open the records behind it.",
    ),
}

ENGLISH_ONE: dict[str, str] = {
    "records.complaints.invalid_hidden": "{n} complaint marked Tidak Valid is not listed.",
}
