"""Strings of the briefing: the projector page, the weekly PDF, the narrative and the patrol priority list."""

STRINGS: dict[str, tuple[str, str]] = {
    "briefing.title": ("Briefing", "Briefing"),
    "briefing.doc_title": ("Briefing Kamtibmas", "Kamtibmas Briefing"),
    "briefing.period.week": ("Minggu ke-{week}: {range}", "Week {week}: {range}"),
    "briefing.period.range": ("Periode {range}", "Period {range}"),
    "briefing.scope.all": ("Seluruh wilayah ({n} kelurahan)", "Whole area ({n} kelurahan)"),
    "briefing.scope.some": ("Kelurahan: {names}", "Kelurahan: {names}"),
    "briefing.and": ("dan", "and"),
    "briefing.section.fakta": ("Fakta", "Facts"),
    "briefing.section.analisa": ("Analisa", "Analysis"),
    "briefing.section.prediksi": ("Prediksi", "Forecast"),
    "briefing.section.rekomendasi": ("Rekomendasi", "Recommendations"),
    # fakta
    "briefing.fakta.patrols": (
        "Selama {range} tercatat {n} kegiatan patroli di {k} dari {total} kelurahan, dengan {personnel} "
        "personel dikerahkan (dijumlah per kegiatan).",
        "During {range}, {n} patrol activities were recorded in {k} of {total} kelurahan, deploying "
        "{personnel} personnel (summed over activities).",
    ),
    "briefing.fakta.no_patrols": (
        "Tidak ada kegiatan patroli yang tercatat selama {range}.",
        "No patrol activity was recorded during {range}.",
    ),
    "briefing.fakta.hours": (
        "Durasi tercatat {hours} jam dari {n} kegiatan yang jam mulai dan selesainya lengkap, rata-rata "
        "{minutes} menit per kegiatan.",
        "{hours} hours were recorded over the {n} activities with both start and end times, {minutes} "
        "minutes per activity on average.",
    ),
    "briefing.fakta.activities": ("Jenis kegiatan: {items}.", "Activity types: {items}."),
    "briefing.fakta.personnel": (
        "Kegiatan dipimpin oleh {leaders} ketua berbeda; per satuan: {units}.",
        "Activities were led by {leaders} different leaders; by unit: {units}.",
    ),
    "briefing.fakta.complaints": (
        "Masuk {n} laporan masyarakat: {valid} valid dan {invalid} tidak valid.",
        "{n} public reports came in: {valid} valid and {invalid} invalid.",
    ),
    "briefing.fakta.no_complaints": (
        "Tidak ada laporan masyarakat yang masuk selama {range}.",
        "No public report came in during {range}.",
    ),
    "briefing.fakta.channels": ("Per saluran: {items}.", "By channel: {items}."),
    "briefing.fakta.channel_invalid": (
        "{channel} {n} ({invalid} tidak valid)",
        "{channel} {n} ({invalid} invalid)",
    ),
    "briefing.fakta.categories": (
        "Kategori terbanyak di antara laporan valid: {items}.",
        "Most frequent categories among valid reports: {items}.",
    ),
    "briefing.fakta.gn": (
        "{n} dari {valid} laporan valid tergolong gangguan nyata (GN).",
        "{n} of {valid} valid reports are actual disturbances (GN).",
    ),
    "briefing.fakta.status": (
        "Dari laporan valid, {done} sudah selesai dan {open} masih baru atau diproses.",
        "Of the valid reports, {done} are resolved and {open} are new or in progress.",
    ),
    "briefing.fakta.notable": ("Laporan menonjol: {items}.", "Notable reports: {items}."),
    "briefing.fakta.notable_item": (
        "{category} di {kelurahan} ({date}): “{text}”",
        "{category} in {kelurahan} ({date}): “{text}”",
    ),
    "briefing.fakta.notable_item_blank": (
        "{category} di {kelurahan} ({date})",
        "{category} in {kelurahan} ({date})",
    ),
    # analisa
    "briefing.analisa.total": (
        "Laporan valid: {current} dibanding {previous} pada {prev_range}; {label} (z = {z}).",
        "Valid reports: {current} against {previous} in {prev_range}; {label} (z = {z}).",
    ),
    "briefing.analisa.changes": (
        "Kategori yang berubah bermakna: {items}.",
        "Categories with a significant change: {items}.",
    ),
    "briefing.analisa.change_item": (
        "{category} {previous} → {current} ({label})",
        "{category} {previous} → {current} ({label})",
    ),
    "briefing.analisa.no_changes": (
        "Tidak ada kategori yang berubah bermakna; selisih per kategori masih dalam batas wajar untuk "
        "hitungan sekecil ini.",
        "No category changed significantly; the differences are within the normal range for counts this small.",
    ),
    "briefing.analisa.underserved": (
        "Kelurahan dengan laporan valid tetapi tanpa patroli selama periode ini: {items}.",
        "Kelurahan with valid reports but no patrol during this period: {items}.",
    ),
    "briefing.analisa.underserved_item": ("{kelurahan} ({n} laporan)", "{kelurahan} ({n} reports)"),
    "briefing.analisa.underserved_none": (
        "Setiap kelurahan yang melapor juga mendapat patroli selama periode ini.",
        "Every kelurahan that reported also received a patrol during this period.",
    ),
    "briefing.analisa.unpatrolled": (
        "{n} dari {total} kelurahan tidak dikunjungi patroli sama sekali selama periode ini.",
        "{n} of {total} kelurahan received no patrol at all during this period.",
    ),
    "briefing.analisa.all_patrolled": (
        "Semua {total} kelurahan dikunjungi patroli setidaknya sekali.",
        "All {total} kelurahan received at least one patrol.",
    ),
    "briefing.analisa.gap_days": (
        "Hari tanpa satu pun laporan kegiatan patroli: {items}.",
        "Days without a single patrol report: {items}.",
    ),
    "briefing.analisa.no_gap_days": (
        "Setiap hari dalam periode ini ada laporan kegiatan patroli.",
        "Every day of this period has a patrol report.",
    ),
    "briefing.analisa.total_no_baseline": (
        "Laporan valid: {current}; data belum mencakup {prev_range}, jadi belum ada pembanding.",
        "Valid reports: {current}; the data does not cover {prev_range} yet, so there is nothing to compare with.",
    ),
    "briefing.analisa.no_roster": (
        "Tidak ada personel aktif dalam daftar personel untuk wilayah ini, jadi kesenjangan laporan per "
        "personel tidak dapat dihitung.",
        "No active officers on the roster for this area, so reporting gaps per officer cannot be measured.",
    ),
    "briefing.analisa.alert_units": (
        "Berstatus siaga (lebih dari {days} hari tanpa kegiatan tercatat): {items}.",
        "On alert (more than {days} days without recorded activity): {items}.",
    ),
    "briefing.analisa.alert_binaan": (
        "{unit} {n} (binaan {kelurahan})",
        "{unit} {n} (assigned to {kelurahan})",
    ),
    # prediksi
    "briefing.prediksi.total": (
        "Minggu depan ({range}) diperkirakan masuk sekitar {mean} laporan valid; wajarnya antara {low} dan "
        "{high} (9 dari 10 minggu biasa jatuh di rentang ini), dari rata-rata {weeks} minggu terakhir.",
        "Next week ({range}) about {mean} valid reports are expected; normally between {low} and {high} "
        "(9 weeks in 10 fall in this range), from the average of the last {weeks} weeks.",
    ),
    "briefing.prediksi.categories": ("Per kategori: {items}.", "By category: {items}."),
    "briefing.prediksi.item": (
        "{category} sekitar {mean} ({low}–{high})",
        "{category} about {mean} ({low}–{high})",
    ),
    "briefing.prediksi.rest": (
        "{n} kategori lain rata-rata kurang dari satu laporan per minggu.",
        "{n} other categories average less than one report a week.",
    ),
    "briefing.prediksi.none": (
        "Dalam {weeks} minggu terakhir tidak ada laporan valid, jadi minggu depan ({range}) tidak ada dasar "
        "untuk mengharapkan laporan; satu laporan pun sudah di luar kebiasaan.",
        "There were no valid reports in the last {weeks} weeks, so next week ({range}) there is no basis to "
        "expect any; even one report would be unusual.",
    ),
    # rekomendasi
    "briefing.rekomendasi.intro": (
        "Prioritaskan patroli minggu depan di {n} kelurahan berikut (tekanan laporan {days} hari terakhir "
        "dibanding patroli yang diterima):",
        "Prioritise next week's patrols in these {n} kelurahan (report pressure of the last {days} days "
        "against the patrols they received):",
    ),
    "briefing.rekomendasi.item": ("{rank}. {kelurahan}: {reason}", "{rank}. {kelurahan}: {reason}"),
    "briefing.rekomendasi.none": (
        "Tidak ada kelurahan dengan laporan valid dalam {days} hari terakhir; pertahankan pola patroli rutin.",
        "No kelurahan had a valid report in the last {days} days; keep the routine patrol pattern.",
    ),
    "briefing.rekomendasi.topics": (
        "Angkat topik {items} dalam patroli dialogis karena naik bermakna.",
        "Raise {items} in dialogue patrols: they rose significantly.",
    ),
    "briefing.rekomendasi.stale": (
        "Sambangi juga {items}: tanpa patroli selama {days} hari terakhir.",
        "Also visit {items}: no patrol in the last {days} days.",
    ),
    "briefing.rekomendasi.stale_more": ("{names} dan {n} kelurahan lain", "{names} and {n} more kelurahan"),
    # priority reasons
    "briefing.priority.reason.complaints": (
        "{n} laporan valid dalam {days} hari (terberat: {heaviest})",
        "{n} valid reports in {days} days (heaviest: {heaviest})",
    ),
    "briefing.priority.reason.gn": ("{n} di antaranya gangguan nyata", "{n} of them actual disturbances"),
    "briefing.priority.reason.patrols": (
        "{n} patroli, terakhir {last}",
        "{n} patrols, the last on {last}",
    ),
    "briefing.priority.reason.no_patrol": ("tanpa patroli dalam {days} hari", "no patrol in {days} days"),
    # tables
    "briefing.col.rank": ("No.", "No."),
    "briefing.col.kelurahan": ("Kelurahan", "Kelurahan"),
    "briefing.col.valid_complaints": ("Laporan valid", "Valid reports"),
    "briefing.col.gn_complaints": ("GN", "GN"),
    "briefing.col.pressure": ("Bobot tekanan", "Pressure"),
    "briefing.col.patrols": ("Patroli", "Patrols"),
    "briefing.col.days_since_patrol": ("Hari sejak patroli", "Days since patrol"),
    "briefing.col.score": ("Skor", "Score"),
    "briefing.col.reason": ("Alasan", "Reason"),
    "briefing.col.category": ("Kategori", "Category"),
    "briefing.col.expected": ("Perkiraan", "Expected"),
    "briefing.col.low": ("Batas bawah", "Low"),
    "briefing.col.high": ("Batas atas", "High"),
    "briefing.col.channel": ("Saluran", "Channel"),
    "briefing.col.total": ("Jumlah", "Total"),
    "briefing.col.valid": ("Valid", "Valid"),
    "briefing.col.invalid": ("Tidak valid", "Invalid"),
    "briefing.col.current": ("Periode ini", "This period"),
    "briefing.col.previous": ("Periode lalu", "Previous period"),
    "briefing.col.label": ("Penilaian", "Assessment"),
    "briefing.col.stage": ("Tahap", "Stage"),
    "briefing.col.z": ("Nilai z", "z-score"),
    # figures
    "briefing.fig.channels": ("Laporan per saluran", "Reports by channel"),
    "briefing.fig.categories": (
        "Laporan valid per kategori: periode ini (berwarna) vs lalu (abu-abu)",
        "Valid reports by category: this period (colour) vs previous (grey)",
    ),
    "briefing.fig.prediction": (
        "Perkiraan laporan valid minggu depan (rentang 90 %)",
        "Expected valid reports next week (90 % range)",
    ),
    "briefing.fig.priority": ("Prioritas patroli minggu depan", "Patrol priority for next week"),
    "briefing.fig.count": ("Jumlah laporan", "Reports"),
    "briefing.fig.score": (
        "Skor prioritas = bobot laporan / (1 + patroli), {days} hari",
        "Priority score = report weight / (1 + patrols), {days} days",
    ),
    "briefing.fig.patrol_note": ("bobot {weight} · {n} patroli", "weight {weight} · {n} patrols"),
    "briefing.fig.empty": ("Tidak ada data untuk periode ini", "No data for this period"),
    # PDF
    "briefing.pdf.priority": ("Daftar prioritas patroli", "Patrol priority list"),
    "briefing.pdf.priority_note": (
        "Bobot per laporan valid = bobot tahap (PG 1, AG 2, GN 3) × urgensi kategori (1–3); skor = bobot / "
        "(1 + jumlah patroli), {days} hari sampai {end}.",
        "Weight per valid report = stage weight (PG 1, AG 2, GN 3) × category urgency (1–3); score = weight / "
        "(1 + patrols), {days} days up to {end}.",
    ),
    "briefing.pdf.no_priority": (
        "Tidak ada kelurahan dengan laporan valid dalam {days} hari terakhir.",
        "No kelurahan had a valid report in the last {days} days.",
    ),
    "briefing.pdf.charts": ("Grafik", "Charts"),
    "briefing.pdf.no_charts": (
        "Grafik tidak dapat dibuat di komputer ini (Chromium tidak ditemukan); angka lengkap ada di atas.",
        "Charts could not be drawn on this computer (Chromium not found); the full numbers are above.",
    ),
    "briefing.pdf.page": ("Halaman {page}/{pages}", "Page {page}/{pages}"),
    "briefing.pdf.key_figures": ("Angka utama", "Key figures"),
    "briefing.pdf.kf_patrols": ("Kegiatan patroli", "Patrol activities"),
    "briefing.pdf.kf_valid": ("Laporan valid", "Valid reports"),
    "briefing.pdf.kf_priority": ("Prioritas pertama", "First priority"),
    # CLI
    "briefing.cli.written": (
        "Briefing ditulis ke {path} ({pages} halaman, {size} KB).",
        "Briefing written to {path} ({pages} pages, {size} KB).",
    ),
    "briefing.cli.no_data": (
        "Tidak ada data patroli maupun laporan untuk {range} di {scope}. Periksa tanggal atau folder data "
        "({dir}); tidak ada berkas yang ditulis.",
        "No patrol or report data for {range} in {scope}. Check the dates or the data folder ({dir}); no file "
        "was written.",
    ),
    "briefing.cli.bad_date": (
        "Tanggal tidak dikenali: {value} (pakai TTTT-BB-HH).",
        "Unrecognised date: {value} (use YYYY-MM-DD).",
    ),
    "briefing.cli.bad_range": (
        "Tanggal mulai {start} sesudah tanggal akhir {end}.",
        "Start {start} is after end {end}.",
    ),
    "briefing.cli.bad_kelurahan": (
        "Kelurahan tidak dikenal: {names}. Pilihan: {known}.",
        "Unknown kelurahan: {names}. Choices: {known}.",
    ),
    "briefing.cli.no_dir": ("Folder data tidak ditemukan: {dir}.", "Data folder not found: {dir}."),
    "briefing.cli.cannot_write": (
        "Berkas tidak dapat ditulis: {path} ({reason}).",
        "Cannot write the file: {path} ({reason}).",
    ),
    # page
    "briefing.page.week": ("Minggu briefing", "Briefing week"),
    "briefing.page.week_help": (
        "Minggu penuh (Senin–Minggu) di dalam periode filter; bawaan: minggu penuh terakhir dalam data.",
        "Full weeks (Monday–Sunday) inside the filter period; default: the last full week in the data.",
    ),
    "briefing.page.prev": ("Sebelumnya", "Previous"),
    "briefing.page.next": ("Berikutnya", "Next"),
    "briefing.page.step": ("{n} / {total}", "{n} / {total}"),
    "briefing.page.pdf": ("Unduh PDF briefing", "Download briefing PDF"),
    "briefing.page.png": ("Unduh grafik (PNG)", "Download chart (PNG)"),
    "briefing.page.no_png": (
        "Ekspor PNG butuh Chromium, yang tidak ada di komputer ini.",
        "PNG export needs Chromium, which this computer lacks.",
    ),
    "briefing.page.scope": ("Wilayah: {scope}", "Area: {scope}"),
}

ENGLISH_ONE = {
    "briefing.fakta.patrols": (
        "During {range}, {n} patrol activity was recorded in {k} of {total} kelurahan, deploying "
        "{personnel} personnel (summed over activities)."
    ),
    "briefing.fakta.hours": (
        "{hours} hours were recorded over the {n} activity with both start and end times ({minutes} minutes)."
    ),
    "briefing.fakta.complaints": "{n} public report came in: {valid} valid and {invalid} invalid.",
    "briefing.analisa.underserved_item": "{kelurahan} ({n} report)",
    "briefing.prediksi.rest": "{n} other category averages less than one report a week.",
    "briefing.priority.reason.complaints": "{n} valid report in {days} days (heaviest: {heaviest})",
    "briefing.priority.reason.patrols": "{n} patrol, the last on {last}",
    "briefing.fig.patrol_note": "weight {weight} · {n} patrol",
}
