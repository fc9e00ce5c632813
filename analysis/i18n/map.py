"""Strings of the map page and the map builder (analysis.metrics.maps)."""

STRINGS: dict[str, tuple[str, str]] = {
    "map.title": ("Peta", "Map"),
    "map.intro": (
        "Di mana kita sudah hadir, dan di mana belum? Warna = ukuran yang dipilih; klik kelurahan untuk "
        "menyaring semua halaman.",
        "Where have we been, and where haven't we? Colour = the chosen measure; click a kelurahan to "
        "filter every page.",
    ),
    "map.measure.label": ("Warnai menurut", "Colour by"),
    "map.layers.label": ("Lapisan tambahan", "Extra layers"),
    "map.layer.kelurahan": ("Kelurahan", "Kelurahan"),
    "map.layer.kecamatan": ("Batas kecamatan", "Kecamatan boundary"),
    "map.layer.complaints": ("Titik laporan", "Complaint points"),
    "map.layer.patrols": ("Titik patroli", "Patrol points"),
    "map.layer.density": ("Kepadatan laporan", "Complaint density"),
    "map.measure.visits": ("Kunjungan patroli", "Patrol visits"),
    "map.measure.personnel_hours": ("Jam-personel", "Personnel-hours"),
    "map.measure.valid_complaints": ("Laporan valid", "Valid complaints"),
    "map.measure.complaints_per_1000": ("Laporan per 1.000 penduduk", "Complaints per 1,000 residents"),
    "map.measure.days_since_last_visit": ("Hari sejak kunjungan terakhir", "Days since last visit"),
    "map.measure.balance": ("Keseimbangan kehadiran", "Presence balance"),
    "map.measure.response_days": ("Waktu respons (median)", "Response time (median)"),
    "map.unit.visits": ("kunjungan", "visits"),
    "map.unit.personnel_hours": ("jam-personel", "personnel-hours"),
    "map.unit.valid_complaints": ("laporan", "complaints"),
    "map.unit.complaints_per_1000": ("per 1.000 penduduk", "per 1,000 residents"),
    "map.unit.days_since_last_visit": ("hari", "days"),
    "map.unit.balance": ("poin persen", "percentage points"),
    "map.unit.response_days": ("hari", "days"),
    "map.note.visits": (
        "Jumlah kegiatan patroli dalam periode.",
        "Number of patrol activities in the period.",
    ),
    "map.note.personnel_hours": (
        "Jumlah personel × lama kegiatan; hanya kegiatan dengan jam mulai dan selesai.",
        "Personnel × duration; only activities with both start and end time.",
    ),
    "map.note.valid_complaints": (
        "Laporan berstatus selain Tidak Valid, diterima dalam periode.",
        "Complaints not marked invalid, received in the period.",
    ),
    "map.note.complaints_per_1000": (
        "Laporan valid per 1.000 penduduk; jumlah penduduk Sensus BPS {year}.",
        "Valid complaints per 1,000 residents; population from the BPS census {year}.",
    ),
    "map.note.days_since_last_visit": (
        "Hari dari kunjungan terakhir sampai akhir periode.",
        "Days from the last visit to the end of the period.",
    ),
    "map.note.balance": (
        "Bagian kunjungan dikurangi bagian laporan valid. Merah = kehadiran kurang dibanding laporannya; "
        "biru = kehadiran lebih.",
        "Share of visits minus share of valid complaints. Red = less presence than its complaints call "
        "for; blue = more.",
    ),
    "map.note.response_days": (
        "Median hari dari laporan valid sampai patroli berikutnya di kelurahan itu (hari yang sama = 0).",
        "Median days from a valid complaint to the next patrol in that kelurahan (same day = 0).",
    ),
    "map.missing.visits": ("tidak ada data", "no data"),
    "map.missing.personnel_hours": ("jam tidak tercatat", "times not recorded"),
    "map.missing.valid_complaints": ("tidak ada data", "no data"),
    "map.missing.complaints_per_1000": ("penduduk tidak diketahui", "population unknown"),
    "map.missing.days_since_last_visit": ("tidak ada data", "no data"),
    "map.missing.balance": ("tidak ada kunjungan/laporan", "no visits or complaints"),
    "map.missing.response_days": (
        "belum ada laporan yang disusul patroli",
        "no complaint followed by a patrol",
    ),
    "map.legend.never": ("belum dikunjungi dalam periode", "not visited in the period"),
    "map.legend.balanced": ("seimbang (±{band})", "balanced (±{band})"),
    "map.detail.kecamatan": ("Kecamatan", "Kecamatan"),
    "map.detail.last_visit": ("Kunjungan terakhir", "Last visit"),
    "map.detail.top_categories": ("Kategori terbanyak", "Top categories"),
    "map.detail.value": ("Nilai", "Value"),
    "map.detail.open_complaints": ("Laporan belum selesai", "Open complaints"),
    "map.clear": ("Hapus pilihan kelurahan", "Clear kelurahan selection"),
    "map.selected": ("Kelurahan dipilih: {names}", "Selected kelurahan: {names}"),
    "map.hint": (
        "Klik sebuah kelurahan untuk menyaring semua halaman. Geser dan perbesar peta tidak memuat ulang halaman.",
        "Click a kelurahan to filter every page. Panning and zooming do not reload the page.",
    ),
    "map.scope": (
        "Peta selalu menampilkan ke-21 kelurahan untuk periode dan filter lainnya; kelurahan terpilih "
        "bergaris tebal.",
        "The map always shows all 21 kelurahan for the period and the other filters; selected kelurahan "
        "have a thick outline.",
    ),
    "map.points_note": (
        "Titik hanya untuk catatan yang memiliki koordinat: {complaints} laporan valid, {patrols} patroli.",
        "Points only for records with coordinates: {complaints} valid complaints, {patrols} patrols.",
    ),
    "map.tiles_on": (
        "Peta dasar OpenStreetMap aktif (butuh internet).",
        "OpenStreetMap base tiles on (needs internet).",
    ),
    "map.table.title": ("Nilai per kelurahan", "Value per kelurahan"),
}
