"""Strings of the loader and of ``python -m analysis validate``: reasons in the report, CLI output."""

STRINGS: dict[str, tuple[str, str]] = {
    # Why a file cannot be read at all (UnreadableFile).
    "loading.file.not_found": ("berkas tidak ditemukan: {name}", "file not found: {name}"),
    "loading.file.empty": ("berkas kosong", "the file is empty"),
    "loading.file.binary": (
        "berkas bukan teks (CSV) maupun Excel (.xlsx)",
        "the file is neither text (CSV) nor Excel (.xlsx)",
    ),
    "loading.file.xls": (
        "format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV",
        "old Excel format (.xls) is not supported; save it again as .xlsx or CSV",
    ),
    "loading.file.bad_excel": (
        "berkas Excel rusak atau tidak terbaca",
        "the Excel file is damaged or unreadable",
    ),
    "loading.file.bad_csv": ("berkas tidak dapat dibaca: {detail}", "the file cannot be read: {detail}"),
    "loading.file.no_sheet": (
        "tidak ada lembar dengan judul kolom yang dikenali (lembar: {sheets})",
        "no sheet has recognisable column headers (sheets: {sheets})",
    ),
    "loading.file.missing_columns": (
        "kolom wajib tidak ada: {columns}",
        "required columns missing: {columns}",
    ),
    "loading.file.unknown_kind": (
        "jenis berkas tidak dikenali dari judul kolomnya; sebutkan --kind",
        "the kind of file cannot be told from its headers; give --kind",
    ),
    # Reasons a row is rejected (error).
    "loading.reason.required": ("wajib diisi", "required"),
    "loading.reason.date_unreadable": ("tanggal tidak terbaca", "unreadable date"),
    "loading.reason.date_impossible": ("tanggal tidak mungkin", "impossible date"),
    "loading.reason.time_impossible": ("jam tidak mungkin", "impossible time"),
    "loading.reason.year_range": (
        "tahun di luar rentang wajar (1970–2100)",
        "year outside the plausible range (1970–2100)",
    ),
    "loading.reason.resolved_before": (
        "tanggal selesai sebelum waktu lapor",
        "resolved before it was received",
    ),
    "loading.reason.kelurahan_unknown": (
        "kelurahan tidak dikenal di Kota Blitar",
        "not a kelurahan of Kota Blitar",
    ),
    "loading.reason.personnel": (
        "jumlah personel harus bilangan bulat ≥ 1",
        "personnel must be a whole number ≥ 1",
    ),
    "loading.reason.unknown_activity": ("jenis kegiatan tidak dikenal", "unknown activity"),
    "loading.reason.unknown_unit": ("satuan/fungsi tidak dikenal", "unknown unit"),
    "loading.reason.unknown_rank": ("pangkat tidak dikenal", "unknown rank"),
    "loading.reason.unknown_channel": ("saluran tidak dikenal", "unknown channel"),
    "loading.reason.unknown_category": ("kategori tidak dikenal", "unknown category"),
    "loading.reason.unknown_status": ("status tidak dikenal", "unknown status"),
    "loading.reason.unknown_active": (
        "nilai aktif tidak dikenal (isi ya atau tidak)",
        "unknown active value (use ya or tidak)",
    ),
    "loading.reason.duplicate_id": (
        "ID ganda, sudah dipakai di baris {line}",
        "duplicate ID, already used on line {line}",
    ),
    "loading.reason.malformed": (
        "baris berisi {found} kolom, padahal judul berisi {expected}",
        "the line has {found} fields but the header has {expected}",
    ),
    # Reasons a value was changed (warning; the row is kept).
    "loading.reason.spelling": (
        "ejaan diperbaiki menjadi '{canonical}'",
        "spelling corrected to '{canonical}'",
    ),
    "loading.reason.alias": (
        "diganti dengan nama baku '{canonical}'",
        "replaced by the standard name '{canonical}'",
    ),
    "loading.reason.topic_alias": (
        "topik '{part}' dibaca sebagai '{canonical}'",
        "topic '{part}' read as '{canonical}'",
    ),
    "loading.reason.topic_unknown": (
        "topik '{part}' tidak dikenal; dicatat sebagai 'Lainnya'",
        "unknown topic '{part}'; recorded as 'Lainnya'",
    ),
    "loading.reason.time_unreadable": (
        "jam tidak terbaca; dikosongkan",
        "unreadable time; left empty",
    ),
    "loading.reason.number_unreadable": (
        "bukan bilangan bulat ≥ 0; dikosongkan",
        "not a whole number ≥ 0; left empty",
    ),
    "loading.reason.coordinate": (
        "koordinat tidak terbaca atau di luar Kota Blitar; dikosongkan",
        "coordinate unreadable or outside Kota Blitar; left empty",
    ),
    "loading.reason.id_derived": (
        "ID kosong; dibuat dari isi baris: {id}",
        "empty ID; made from the row's content: {id}",
    ),
    "loading.reason.id_column_missing": (
        "kolom ID tidak ada; setiap ID dibuat dari isi barisnya",
        "no ID column; every ID is made from its row's content",
    ),
    # CLI output.
    "loading.cli.help_file": ("berkas CSV atau Excel yang diperiksa", "the CSV or Excel file to check"),
    "loading.cli.help_kind": (
        "jenis berkas; bila tidak disebut, ditebak dari judul kolom",
        "kind of file; guessed from the headers when left out",
    ),
    "loading.cli.help_json": ("cetak laporan sebagai JSON", "print the report as JSON"),
    "loading.cli.help_out": (
        "tulis baris yang valid ke CSV ini, dengan kolom kontrak",
        "write the valid rows to this CSV, in the contract's columns",
    ),
    "loading.cli.unreadable": (
        "Berkas {name} tidak dapat dibaca: {reason}",
        "File {name} cannot be read: {reason}",
    ),
    "loading.cli.header": ("Berkas: {name} (jenis: {kind})", "File: {name} (kind: {kind})"),
    "loading.cli.counts": (
        "Baris: {total} total, {valid} valid, {rejected} ditolak",
        "Rows: {total} total, {valid} valid, {rejected} rejected",
    ),
    "loading.cli.ignored": ("Kolom diabaikan: {columns}", "Columns ignored: {columns}"),
    "loading.cli.errors": ("Baris ditolak:", "Rejected rows:"),
    "loading.cli.warnings": ("Nilai yang diubah (peringatan):", "Changed values (warnings):"),
    "loading.cli.problem": (
        "baris {row}, kolom {column}, nilai '{value}': {reason}",
        "line {row}, column {column}, value '{value}': {reason}",
    ),
    "loading.cli.problem_file": ("kolom {column}: {reason}", "column {column}: {reason}"),
    "loading.cli.written": ("{count} baris valid ditulis ke {path}", "{count} valid rows written to {path}"),
    "loading.cli.write_failed": ("Gagal menulis {path}: {reason}", "Could not write {path}: {reason}"),
}
