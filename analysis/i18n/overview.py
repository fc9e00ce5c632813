"""Strings of the overview page (Ringkasan)."""

STRINGS: dict[str, tuple[str, str]] = {
    "overview.title": ("Ringkasan", "Overview"),
    "overview.kpi.patrols": ("Kegiatan patroli", "Patrols"),
    "overview.kpi.personnel": ("Personel dikerahkan", "Personnel deployed"),
    "overview.kpi.personnel.help": (
        "Jumlah personel per kegiatan, dijumlahkan (orang-kegiatan); satu orang di dua kegiatan dihitung dua.",
        "Personnel per activity, summed (person-activities); one officer on two patrols counts twice.",
    ),
    "overview.kpi.complaints": ("Laporan masuk (valid)", "Complaints received (valid)"),
    "overview.kpi.resolved": ("Laporan selesai", "Complaints resolved"),
    "overview.kpi.resolution": ("Median waktu selesai", "Median time to resolve"),
    "overview.kpi.visited": ("Kelurahan dikunjungi", "Kelurahan visited"),
    "overview.kpi.visited.value": ("{visited} dari {total}", "{visited} of {total}"),
    "overview.days": ("{value} hari", "{value} days"),
    "overview.delta.previous": ("periode lalu: {value}", "previous period: {value}"),
    "overview.lastvisit.header": ("Hari sejak kunjungan terakhir", "Days since the last visit"),
    "overview.lastvisit.caption": (
        "Per {date}, dari seluruh riwayat patroli. Kuning: lebih dari {warn} hari; merah: lebih dari {alert} "
        "hari atau belum pernah.",
        "As of {date}, over the whole patrol history. Yellow: more than {warn} days; red: more than {alert} "
        "days or never.",
    ),
    "overview.lastvisit.kelurahan": ("Kelurahan", "Kelurahan"),
    "overview.lastvisit.kecamatan": ("Kecamatan", "Kecamatan"),
    "overview.lastvisit.last": ("Kunjungan terakhir", "Last visit"),
    "overview.lastvisit.days": ("Hari", "Days"),
    "overview.lastvisit.never": ("belum pernah", "never"),
    "overview.top.header": ("Kategori teratas (laporan valid)", "Top categories (valid complaints)"),
    "overview.top.axis": ("Laporan valid", "Valid complaints"),
    "overview.top.none": ("Tidak ada laporan valid pada periode ini.", "No valid complaints in this period."),
    "overview.range": ("Data tersedia: {start} s.d. {end}", "Data available: {start} to {end}"),
}
