"""Strings of the Data page (upload, mapping, validation, merge, downloads) and the import command."""

STRINGS: dict[str, tuple[str, str]] = {
    "intake.title": ("Data", "Data"),
    "intake.denied": (
        "Halaman ini hanya untuk Kapolsek dan analis.",
        "This page is for the Kapolsek and analysts only.",
    ),
    "intake.freshness.none": ("Belum ada data patroli atau laporan.", "No patrol or complaint data yet."),
    "intake.freshness.today": ("Data terakhir: {date}, hari ini", "Latest data: {date}, today"),
    "intake.freshness.one_day": ("Data terakhir: {date}, 1 hari lalu", "Latest data: {date}, 1 day ago"),
    "intake.freshness.days": (
        "Data terakhir: {date}, {days} hari lalu",
        "Latest data: {date}, {days} days ago",
    ),
    # upload and limits
    "intake.upload.header": ("Impor berkas", "Import a file"),
    "intake.upload.label": (
        "Berkas CSV atau Excel (maks. {limit} MB)",
        "CSV or Excel file (max. {limit} MB)",
    ),
    "intake.upload.help": (
        "Patroli, laporan warga atau personel. Jenisnya dikenali dari judul kolom; tidak ada yang ditulis "
        "sebelum Anda menekan Gabungkan.",
        "Patrols, complaints or officers. The kind is recognised from the headers; nothing is written "
        "before you press Merge.",
    ),
    "intake.refused.too_big": (
        "Berkas terlalu besar ({size} MB; batas {limit} MB). Pecah menjadi beberapa berkas, misalnya per bulan.",
        "The file is too large ({size} MB; the limit is {limit} MB). Split it, e.g. one file per month.",
    ),
    "intake.refused.empty": ("Berkas {file} kosong.", "The file {file} is empty."),
    "intake.refused.binary": (
        "Berkas {file} bukan teks CSV (isinya biner, mungkin PDF, gambar atau dokumen Word). "
        "Simpan ulang dari Excel sebagai CSV atau .xlsx.",
        "{file} is not a CSV text file (its content is binary: a PDF, an image or a Word document?). "
        "Save it again from Excel as CSV or .xlsx.",
    ),
    "intake.refused.not_excel": (
        "Berkas {file} bernama Excel tetapi isinya bukan buku kerja Excel. Buka di Excel dan simpan ulang.",
        "{file} is named as an Excel file but is not an Excel workbook. Open it in Excel and save it again.",
    ),
    "intake.refused.no_sheet": (
        "Tidak ada lembar di {file} yang judul kolomnya dikenali sebagai data patroli, laporan atau personel. "
        "Pastikan baris pertama lembar berisi judul kolom (lihat templat di bawah).",
        "No sheet in {file} has headers recognisable as patrols, complaints or officers. Make sure the "
        "first row of the sheet holds the headers (see the templates below).",
    ),
    # kind and mapping
    "intake.kind.label": ("Jenis data", "Kind of data"),
    "intake.kind.patrols": ("Patroli", "Patrols"),
    "intake.kind.complaints": ("Laporan warga", "Complaints"),
    "intake.kind.officers": ("Personel", "Officers"),
    "intake.kind.detected": ("Dikenali sebagai data {kind}.", "Recognised as {kind}."),
    "intake.kind.unknown": (
        "Jenis data tidak dikenali dari judul kolom. Pilih jenisnya, lalu pasangkan kolomnya.",
        "The kind of data was not recognised from the headers. Choose the kind, then pair the columns.",
    ),
    "intake.mapping.header": ("Pasangkan kolom", "Pair the columns"),
    "intake.mapping.help": (
        "Pilih kolom berkas untuk setiap kolom data (* = wajib). Pemetaan ini diingat untuk berkas "
        "berikutnya dengan judul kolom yang sama.",
        "Choose the file's column for each data column (* = required). The pairing is remembered for the "
        "next file with the same headers.",
    ),
    "intake.mapping.none": ("— tidak ada —", "— none —"),
    "intake.mapping.remembered": (
        "Memakai pemetaan kolom yang tersimpan untuk berkas dengan judul kolom ini.",
        "Using the column pairing saved for files with these headers.",
    ),
    "intake.mapping.missing": (
        "Kolom wajib belum dipasangkan: {columns}.",
        "Required columns not paired: {columns}.",
    ),
    "intake.mapping.twice": (
        "Kolom berkas dipakai lebih dari sekali: {columns}.",
        "A file column is used more than once: {columns}.",
    ),
    # validation report
    "intake.report.header": ("Hasil pemeriksaan", "Validation report"),
    "intake.report.total": ("Baris", "Rows"),
    "intake.report.valid": ("Valid", "Valid"),
    "intake.report.rejected": ("Ditolak", "Rejected"),
    "intake.report.changed": ("Nilai diubah", "Values changed"),
    "intake.report.all_valid": (
        "Semua baris valid; tidak ada nilai yang diubah.",
        "Every row is valid; no value changed.",
    ),
    "intake.report.problems": (
        "Baris ditolak dan nilai yang diubah (baris 1 = judul kolom)",
        "Rejected rows and changed values (line 1 = the headers)",
    ),
    "intake.report.ignored": ("Kolom yang diabaikan: {columns}.", "Columns ignored: {columns}."),
    "intake.severity.error": ("ditolak", "rejected"),
    "intake.severity.warning": ("diubah", "changed"),
    "intake.col.line": ("Baris", "Line"),
    "intake.col.column": ("Kolom", "Column"),
    "intake.col.value": ("Nilai", "Value"),
    "intake.col.reason": ("Alasan", "Reason"),
    "intake.col.severity": ("Jenis", "Type"),
    "intake.col.id": ("ID", "ID"),
    "intake.col.old": ("Nilai lama", "Old value"),
    "intake.col.new": ("Nilai baru", "New value"),
    "intake.preview.header": ("Pratinjau baris valid", "Preview of the valid rows"),
    "intake.preview.more": ("{shown} dari {count} baris ditampilkan.", "Showing {shown} of {count} rows."),
    # merge
    "intake.merge.header": ("Gabungkan ke data", "Merge into the data"),
    "intake.merge.plan": (
        "{new} baris baru, {same} sama dengan data (dilewati), {conflicts} berubah.",
        "{new} new rows, {same} identical to the data (skipped), {conflicts} changed.",
    ),
    "intake.merge.conflicts": ("Baris yang berubah", "Changed rows"),
    "intake.merge.confirm": (
        "Perbarui {count} baris yang berubah dengan nilai baru",
        "Update the {count} changed rows with the new values",
    ),
    "intake.merge.button": ("Gabungkan", "Merge"),
    "intake.merge.no_valid": (
        "Tidak ada baris valid untuk digabungkan.",
        "There are no valid rows to merge.",
    ),
    "intake.merge.seen_before": (
        "Berkas yang sama persis sudah pernah diimpor ({when}); mengimpornya lagi tidak menambah apa pun.",
        "This exact file was imported before ({when}); importing it again adds nothing.",
    ),
    "intake.merge.pending": (
        "{count} baris yang berubah dibiarkan seperti semula (pembaruan belum dikonfirmasi).",
        "{count} changed rows were left as they were (the update was not confirmed).",
    ),
    "intake.merge.backup": (
        "Berkas sebelumnya disimpan sebagai cadangan: {path}",
        "The previous file was backed up: {path}",
    ),
    "intake.merge.failed": (
        "Penggabungan gagal dan data lama tidak berubah: {reason}",
        "The merge failed and the previous data is unchanged: {reason}",
    ),
    "intake.result": (
        "{file}: {added} baris ditambahkan, {updated} diperbarui, {skipped} dilewati (sudah ada), {rejected} ditolak.",
        "{file}: {added} rows added, {updated} updated, {skipped} skipped (already there), {rejected} rejected.",
    ),
    # downloads and log
    "intake.download.header": ("Templat dan data saat ini", "Templates and current data"),
    "intake.download.templates": (
        "Templat kosong dengan judul kolom Bahasa Indonesia; lembar Petunjuk menjelaskan tiap kolom.",
        "Blank templates with Indonesian headers; the Petunjuk sheet explains each column.",
    ),
    "intake.download.template_csv": ("Templat {kind} (CSV)", "{kind} template (CSV)"),
    "intake.download.template_xlsx": ("Templat {kind} (Excel)", "{kind} template (Excel)"),
    "intake.download.current": ("{kind}: {count} baris", "{kind}: {count} rows"),
    "intake.log.header": ("Riwayat impor", "Import history"),
    "intake.log.empty": ("Belum ada impor.", "No imports yet."),
    "intake.log.when": ("Waktu", "When"),
    "intake.log.file": ("Berkas", "File"),
    "intake.log.kind": ("Jenis", "Kind"),
    "intake.log.added": ("Ditambah", "Added"),
    "intake.log.updated": ("Diperbarui", "Updated"),
    "intake.log.skipped": ("Dilewati", "Skipped"),
    "intake.log.rejected": ("Ditolak", "Rejected"),
    "intake.log.user": ("Pengguna", "User"),
    # command line
    "intake.cli.cannot_open": ("Berkas {file} tidak dapat dibuka: {reason}", "Cannot open {file}: {reason}"),
    "intake.cli.pending": (
        "{count} baris berubah belum diterapkan; ulangi dengan --yes untuk memperbaruinya.",
        "{count} changed rows were not applied; run again with --yes to update them.",
    ),
}
