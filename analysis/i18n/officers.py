"""Strings of the officer activity page (pages/officers.py, analysis/metrics/officers.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "officers.title": ("Aktivitas Personel", "Officer activity"),
    "officers.intro": (
        "Siapa memimpin kegiatan, di mana, seberapa sering; siapa berhenti melapor; kelurahan mana "
        "bergantung pada satu orang.",
        "Who led what, where and how often; who has stopped reporting; which kelurahan depend on one person.",
    ),
    "officers.personnel_note": (
        "Data patroli hanya mencatat ketua dan jumlah personel, bukan nama anggota yang ikut. Karena itu "
        "\u201cpatroli diikuti\u201d tidak dapat dihitung per orang; yang ditampilkan adalah **personel "
        "terhitung**: jumlah personel pada patroli yang dipimpin. Jam-personel = personel \u00d7 durasi, hanya "
        "untuk patroli yang mencatat jam mulai dan selesai.",
        "Patrol records name only the leader and the number of personnel, not who else went. So \u201cpatrols "
        "joined\u201d cannot be counted per person; shown instead is **personnel counted**: the personnel on "
        "the patrols a person led. Personnel-hours = personnel \u00d7 duration, only for patrols with start "
        "and end times.",
    ),
    "officers.view": ("Tampilan", "View"),
    "officers.view.all": ("Semua satuan", "All units"),
    "officers.view.unit": ("Satuan: {unit}", "Unit: {unit}"),
    "officers.units.header": ("Kinerja per satuan", "Activity per unit"),
    "officers.people.header": ("Personel dalam periode", "Officers in the period"),
    "officers.officer.header": (
        "{officer} \u00b7 NRP {nrp} \u00b7 {unit}",
        "{officer} \u00b7 NRP {nrp} \u00b7 {unit}",
    ),
    "officers.officer.idle": (
        "{officer} tidak mencatat kegiatan dalam periode dan filter ini.",
        "{officer} recorded no activity in this period and filter.",
    ),
    "officers.kelurahan.header": ("Kelurahan yang dikunjungi", "Kelurahan visited"),
    "officers.metric.resolved_of_handled": ("Laporan selesai / ditangani", "Complaints resolved / handled"),
    "officers.col.officer": ("Personel", "Officer"),
    "officers.col.nrp": ("NRP", "NRP"),
    "officers.col.rank": ("Pangkat", "Rank"),
    "officers.col.unit": ("Satuan", "Unit"),
    "officers.col.assigned": ("Kelurahan binaan", "Assigned kelurahan"),
    "officers.col.officers_active": ("Personel aktif", "Active officers"),
    "officers.col.patrols_led": ("Patroli dipimpin", "Patrols led"),
    "officers.col.personnel_counted": ("Personel terhitung", "Personnel counted"),
    "officers.col.personnel_hours": ("Jam-personel", "Personnel-hours"),
    "officers.col.patrols_timed": ("Patroli berjam", "Patrols with times"),
    "officers.col.kelurahan_covered": ("Kelurahan dijangkau", "Kelurahan covered"),
    "officers.col.active_days": ("Hari aktif", "Active days"),
    "officers.col.complaints_handled": ("Laporan ditangani", "Complaints handled"),
    "officers.col.complaints_resolved": ("Laporan selesai", "Complaints resolved"),
    "officers.col.median_days": ("Median hari selesai", "Median days to resolve"),
    "officers.col.last_activity": ("Kegiatan terakhir", "Last activity"),
    "officers.col.days_without": ("Hari tanpa kegiatan", "Days without activity"),
    "officers.col.level": ("Status", "Status"),
    "officers.col.kelurahan": ("Kelurahan", "Kelurahan"),
    "officers.col.visits": ("Kunjungan", "Visits"),
    "officers.level.ok": ("Lapor rutin", "Reporting"),
    "officers.level.warning": ("Peringatan (> 1 hari)", "Warning (> 1 day)"),
    "officers.level.alert": ("Siaga (> 7 hari)", "Alert (> 7 days)"),
    "officers.gaps.header": ("Kesenjangan laporan", "Reporting gaps"),
    "officers.gaps.note": (
        "Seperti laporan Binmas online: personel aktif tanpa kegiatan tercatat (patroli dipimpin atau laporan "
        "ditangani) lebih dari 1 hari diberi peringatan, lebih dari 7 hari status siaga, dihitung sampai "
        "{date}. Dihitung dari seluruh data, bukan hanya periode; filter satuan berlaku.",
        "As in Binmas online reporting: active officers with no recorded activity (patrol led or complaint "
        "handled) for more than 1 day get a warning, for more than 7 days an alert, counted up to {date}. "
        "Computed from all data, not just the period; the unit filter applies.",
    ),
    "officers.gaps.summary": (
        "{alert} personel berstatus siaga dan {warning} peringatan, dari {total} personel aktif.",
        "{alert} officers on alert and {warning} on warning, of {total} active officers.",
    ),
    "officers.gaps.never": ("belum pernah", "never"),
    "officers.gaps.none": (
        "Tidak ada personel aktif dalam daftar personel.",
        "No active officers on the roster.",
    ),
    "officers.coverage.header": ("Cakupan dan rotasi", "Coverage and rotation"),
    "officers.coverage.rule": (
        "Ditandai: kelurahan yang tidak dikunjungi Bhabinkamtibmas-nya dalam periode atau selama > 30 hari "
        "terakhir; dan kelurahan yang bergantung pada satu orang (satu ketua memimpin \u2265 80 % kunjungan, "
        "dengan \u2265 5 kunjungan).",
        "Flagged: kelurahan their Bhabinkamtibmas did not visit in the period or for the last > 30 days; and "
        "kelurahan that depend on one person (one leader led \u2265 80 % of visits, with \u2265 5 visits).",
    ),
    "officers.coverage.none": (
        "Tidak ada temuan: setiap Bhabinkamtibmas mengunjungi kelurahan binaannya dan tidak ada kelurahan "
        "yang bergantung pada satu orang.",
        "Nothing flagged: every Bhabinkamtibmas visited their kelurahan and no kelurahan depends on one person.",
    ),
    "officers.coverage.matrix_title": ("Ketua kegiatan \u00d7 kelurahan", "Leader \u00d7 kelurahan"),
    "officers.coverage.hover": ("%{y} \u00b7 %{x}: %{z} kunjungan", "%{y} \u00b7 %{x}: %{z} visits"),
    "officers.flag.never_visited": (
        "Kelurahan {kelurahan} tidak pernah dikunjungi Bhabinkamtibmas-nya, {officer}, dalam periode ini "
        "({others} kunjungan oleh personel lain).",
        "Kelurahan {kelurahan} was never visited by its Bhabinkamtibmas, {officer}, in this period "
        "({others} visits by other officers).",
    ),
    "officers.flag.long_absent": (
        "Kelurahan {kelurahan} tidak dikunjungi Bhabinkamtibmas-nya, {officer}, selama {days} hari terakhir "
        "periode ini.",
        "Kelurahan {kelurahan} has not been visited by its Bhabinkamtibmas, {officer}, for the last {days} "
        "days of this period.",
    ),
    "officers.flag.too_short": (
        "Periode kurang dari {days} hari: kunjungan Bhabinkamtibmas ke kelurahan binaannya belum dinilai.",
        "The period is shorter than {days} days: Bhabinkamtibmas visits to their kelurahan are not judged.",
    ),
    "officers.flag.one_leader": (
        "Kelurahan {kelurahan} bergantung pada satu orang: {officer} memimpin {led} dari {visits} kunjungan "
        "({share}).",
        "Kelurahan {kelurahan} depends on one person: {officer} led {led} of its {visits} visits ({share}).",
    ),
    "officers.calendar.header": ("Kalender kegiatan", "Activity calendar"),
    "officers.calendar.title": ("Kegiatan per hari: {who}", "Activities per day: {who}"),
    "officers.calendar.legend": ("Kegiatan", "Activities"),
    "officers.calendar.hover": (
        "{date}<br>{patrols} patroli dipimpin, {complaints} laporan ditangani",
        "{date}<br>{patrols} patrols led, {complaints} complaints handled",
    ),
    "officers.weekdays": ("Sen,Sel,Rab,Kam,Jum,Sab,Min", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"),
    "officers.rank_unit.title": ("Kegiatan per pangkat dan satuan", "Activities by rank and unit"),
    "officers.rank_unit.y": (
        "Patroli dipimpin + laporan ditangani",
        "Patrols led + complaints handled",
    ),
}
