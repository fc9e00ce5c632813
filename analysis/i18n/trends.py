"""Strings of the trends page (analysis/metrics/trends.py, analysis/metrics/stats.py, pages/trends.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "stats.direction.up": ("naik bermakna", "significant rise"),
    "stats.direction.flat": ("dalam batas wajar", "within normal range"),
    "stats.direction.down": ("turun bermakna", "significant fall"),
    "stats.direction.none": ("tidak ada pembanding", "no comparison"),
    "stats.strength.strong": ("nyata", "strong"),
    "stats.strength.notable": ("perlu dicermati", "worth a look"),
    "trends.title": ("Tren Kategori", "Category Trends"),
    "trends.no_data": ("Tidak ada data untuk grafik ini.", "No data for this chart."),
    "trends.axis.complaints": ("Jumlah laporan", "Complaints"),
    "trends.axis.topics": ("Patroli yang membahas", "Patrols raising it"),
    "trends.band.legend": ("Pita kalender:", "Calendar bands:"),
    "trends.band.ramadan": ("Ramadan", "Ramadan"),
    "trends.band.idul_fitri": ("Idul Fitri", "Eid al-Fitr"),
    "trends.band.operation_ketupat": ("Ops Ketupat", "Op. Ketupat"),
    "trends.band.operation_lilin": ("Ops Lilin", "Op. Lilin"),
    "trends.band.operation": ("Operasi Polri", "Police operation"),
    "trends.band.election": ("Pemilu/Pilkada", "Election"),
    "trends.band.school_holiday": ("Libur sekolah", "School holiday"),
    "trends.col.kelurahan": ("Kelurahan", "Kelurahan"),
    "trends.col.category": ("Kategori", "Category"),
    "trends.col.previous": ("Periode lalu → kini", "Previous → now"),
    "trends.col.previous_z": ("z lalu", "z prev."),
    "trends.col.previous_label": ("Dibanding periode lalu", "Against previous period"),
    "trends.col.year_before": ("Tahun lalu → kini", "Year before → now"),
    "trends.col.year_before_z": ("z thn lalu", "z year"),
    "trends.col.year_before_label": ("Dibanding tahun lalu", "Against a year before"),
    "trends.col.strength": ("Kekuatan", "Strength"),
    "trends.col.patrols": ("Patroli membahas", "Patrols raising it"),
    "trends.col.weekday": ("Hari", "Day"),
    "trends.col.hour": ("Jam", "Hour"),
    "trends.col.complaints": ("Laporan", "Complaints"),
    "trends.col.month": ("Bulan", "Month"),
    "trends.col.remark": ("Keterangan", "Remark"),
    "trends.weekday.0": ("Senin", "Monday"),
    "trends.weekday.1": ("Selasa", "Tuesday"),
    "trends.weekday.2": ("Rabu", "Wednesday"),
    "trends.weekday.3": ("Kamis", "Thursday"),
    "trends.weekday.4": ("Jumat", "Friday"),
    "trends.weekday.5": ("Sabtu", "Saturday"),
    "trends.weekday.6": ("Minggu", "Sunday"),
    "trends.hours.complaints": ("Laporan menurut jam lapor", "Complaints by reported hour"),
    "trends.hours.patrols": ("Patroli yang sedang berjalan", "Patrols under way"),
    "trends.hours.gap": ("Ada laporan, tidak ada patroli", "Complaints, no patrol out"),
    "trends.channel.valid": ("Laporan sah", "Valid reports"),
    "trends.channel.invalid": ("Tidak Valid", "Invalid"),
    "trends.channel.share": ("{share} tidak valid", "{share} invalid"),
    "trends.align.no_patrol": (
        "Tidak ada patroli di kelurahan ini bulan itu",
        "No patrol there that month",
    ),
    "trends.align.not_raised": (
        "{n} patroli, tidak ada yang membahas kategori ini",
        "{n} patrols, none raised this category",
    ),
    "trends.question": (
        "Kategori mana yang naik bermakna di kelurahan mana, pada jam berapa, dan apakah patroli sudah "
        "membahasnya?",
        "Which categories rose significantly in which kelurahan, at what hours, and did patrols address them?",
    ),
    "trends.freq": ("Satuan waktu", "Time unit"),
    "trends.freq.W": ("Mingguan", "Weekly"),
    "trends.freq.M": ("Bulanan", "Monthly"),
    "trends.include_invalid": ("Ikutkan laporan Tidak Valid", "Include invalid reports"),
    "trends.include_invalid.help": (
        "Biasanya laporan Tidak Valid (mis. telepon iseng ke 110) tidak dihitung dalam tren.",
        "Invalid reports (e.g. prank calls to 110) are normally left out of the trends.",
    ),
    "trends.changes.header": ("Perubahan bermakna per kelurahan dan kategori", "Significant changes"),
    "trends.changes.caption": (
        "Periode ini dibanding periode sebelumnya ({previous}) dan periode yang sama tahun lalu ({year}). "
        "Uji Poisson: |z| ≥ 2 bermakna, |z| ≥ 3 nyata. Yang naik tampil paling atas; angka, bukan persen.",
        "This period against the previous one ({previous}) and the same period a year earlier ({year}). "
        "Poisson test: |z| ≥ 2 significant, |z| ≥ 3 strong. Rises first; counts, not percentages.",
    ),
    "trends.changes.none": (
        "Tidak ada perubahan bermakna: semua kelurahan dan kategori dalam batas wajar.",
        "No significant change: every kelurahan and category is within the normal range.",
    ),
    "trends.changes.by_category": ("Semua kategori (seluruh wilayah)", "All categories (whole area)"),
    "trends.changes.note": (
        "Banyak baris diuji sekaligus, jadi beberapa tanda 'bermakna' bisa muncul karena kebetulan: "
        "utamakan yang 'nyata' atau yang bertahan beberapa periode. 'Tidak ada pembanding' = data belum "
        "mencakup periode itu.",
        "Many rows are tested at once, so a few 'significant' flags can be chance: favour 'strong' ones or "
        "those that persist. 'No comparison' = the data do not cover that period.",
    ),
    "trends.series.header": ("Laporan per kategori", "Complaints per category"),
    "trends.tab.stacked": ("Bertumpuk", "Stacked"),
    "trends.tab.multiples": ("Per kategori", "Per category"),
    "trends.tab.topics": ("Topik patroli", "Patrol topics"),
    "trends.topics.caption": (
        "Berapa patroli membahas tiap kategori (satu patroli bisa membahas beberapa topik).",
        "How many patrols raised each category (one patrol can raise several topics).",
    ),
    "trends.bands.caption": (
        "Pita latar: Ramadan, Idul Fitri, Operasi Ketupat/Lilin, Pemilu/Pilkada, libur sekolah ({events} "
        "dalam periode ini), dari data/reference/calendar.csv.",
        "Background bands: Ramadan, Eid, Operations Ketupat/Lilin, elections, school holidays ({events} in "
        "this period), from data/reference/calendar.csv.",
    ),
    "trends.hours.header": ("Jam laporan dan jam patroli", "Complaint hours and patrol hours"),
    "trends.hours.caption": (
        "Jam laporan adalah saat laporan diterima, bukan saat kejadian. Patroli dihitung di setiap jam "
        "antara mulai dan selesai; {untimed} patroli tanpa jam mulai/selesai tidak ikut. ✕ = ada laporan, "
        "tidak ada patroli.",
        "Complaint time is when the report was received, not when the event happened. A patrol counts in "
        "every hour from start to end; {untimed} patrols without start/end time are left out. ✕ = "
        "complaints, no patrol out.",
    ),
    "trends.hours.gaps": (
        "Jam dengan laporan tanpa patroli ({count})",
        "Complaint hours with no patrol ({count})",
    ),
    "trends.channels.header": ("Saluran laporan", "Complaint channels"),
    "trends.channels.caption": (
        "Semua status dihitung di sini. Call Center 110 sebagian besar telepon iseng; WhatsApp "
        "#LaporPakKapolres biasanya lebih bersih.",
        "Every status is counted here. Call Center 110 is mostly prank calls; the WhatsApp hotline is "
        "usually cleaner.",
    ),
    "trends.align.header": ("Apakah patroli membahas keluhan warga?", "Did patrols address the complaints?"),
    "trends.align.share": (
        "Laporan yang kategorinya dibahas patroli di kelurahan dan bulan yang sama",
        "Complaints whose category a patrol raised in the same kelurahan and month",
    ),
    "trends.align.caption": (
        "Daftar di bawah: kategori yang dilaporkan warga tetapi tidak dibahas satu patroli pun di "
        "kelurahan itu pada bulan itu (bulan terbaru dulu).",
        "Below: categories residents reported that no patrol raised in that kelurahan that month "
        "(latest month first).",
    ),
    "trends.align.none": (
        "Semua kategori yang dilaporkan sudah dibahas patroli di kelurahan dan bulan yang sama.",
        "Every category reported was raised by a patrol in the same kelurahan and month.",
    ),
}

ENGLISH_ONE = {"trends.align.not_raised": "{n} patrol, which did not raise this category"}
