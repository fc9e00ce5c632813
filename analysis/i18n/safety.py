"""Strings of issue 19's safeguards: export notices, backups, upload worker, rejected-rows notice, login."""

STRINGS: dict[str, tuple[str, str]] = {
    # analysis.data.export: what an Excel download could not hold as it is
    "safety.export.lead": ("Unduhan Excel:", "Excel download,"),
    "safety.export.shortened": (
        "{count} sel lebih panjang dari batas Excel {limit} karakter dipotong ({cells}).",
        "cells longer than Excel's limit of {limit} characters, shortened: {count} ({cells}).",
    ),
    "safety.export.control": (
        "{count} sel berisi karakter kontrol (mis. tab vertikal, NUL, ESC) yang tidak bisa disimpan Excel; "
        "karakter itu dihapus ({cells}).",
        "cells with control characters Excel cannot store (e.g. vertical tab, NUL, ESC), the characters "
        "removed: {count} ({cells}).",
    ),
    "safety.export.sheet": (
        "Setiap perubahan dicatat di lembar '{sheet}'.",
        "Every change is listed in the sheet '{sheet}'.",
    ),
    "safety.export.col.cell": ("Sel", "Cell"),
    "safety.export.col.row": ("Baris", "Row"),
    "safety.export.col.column": ("Kolom", "Column"),
    "safety.export.col.change": ("Perubahan", "Change"),
    "safety.export.change.shortened": (
        "dipotong dari {length} ke {limit} karakter (batas Excel)",
        "shortened from {length} to {limit} characters (Excel's limit)",
    ),
    "safety.export.change.control": (
        "{removed} karakter kontrol dihapus",
        "{removed} control characters removed",
    ),
    # ui.auth: the login screen never shows a path
    "safety.auth.file_error": (
        "Berkas pengguna tidak dapat dipakai, jadi dasbor tetap terkunci. Administrator dapat melihat "
        "alasannya di log server atau dengan `python -m analysis users list`.",
        "The users file cannot be used, so the dashboard stays locked. The administrator finds the reason in "
        "the server log or with `python -m analysis users list`.",
    ),
    # ui.safety_widgets: rows the loader rejected in the data folder (issue 13, kind 8)
    "safety.rejected.notice": (
        "{count} baris di berkas data ditolak dan tidak dihitung di halaman mana pun ({files}).",
        "{count} rows in the data files were rejected and are counted on no page ({files}).",
    ),
    "safety.rejected.link": ("Rinciannya di halaman Data", "Details on the Data page"),
    "safety.rejected.ask": (
        "Minta analis memeriksanya di halaman Data.",
        "Ask an analyst to check them on the Data page.",
    ),
    "safety.folder.header": ("Laporan berkas di folder data", "Report of the files in the data folder"),
    "safety.folder.help": (
        "Baris yang ditolak saat memuat folder data tidak tampil di halaman mana pun. Perbaiki baris itu di "
        "berkasnya (nomor baris seperti di berkas) atau impor ulang berkas yang sudah diperbaiki.",
        "Rows rejected while loading the data folder are shown on no page. Fix them in the file (line "
        "numbers as in the file) or re-import a corrected file.",
    ),
    "safety.folder.file": (
        "{file}: {total} baris, {rejected} ditolak, {changed} nilai diubah",
        "{file}: {total} rows, {rejected} rejected, {changed} values changed",
    ),
    # ui.safety_widgets: backups
    "safety.backups.header": ("Cadangan", "Backups"),
    "safety.backups.summary": (
        "{count} cadangan, {size}. Disimpan: {keep} terakhir per berkas, tidak lebih dari {days} hari "
        "(DASHBOARD_BACKUP_KEEP, DASHBOARD_BACKUP_DAYS); berkas yang tidak berubah tidak dicadangkan dua kali.",
        "{count} backups, {size}. Kept: the last {keep} per file, none older than {days} days "
        "(DASHBOARD_BACKUP_KEEP, DASHBOARD_BACKUP_DAYS); an unchanged file is never backed up twice.",
    ),
    "safety.backups.col.file": ("Berkas data", "Data file"),
    "safety.backups.col.made": ("Dibuat", "Made"),
    "safety.backups.col.size": ("Ukuran", "Size"),
    "safety.backups.col.name": ("Nama cadangan", "Backup name"),
    "safety.backups.choose": ("Cadangan yang dipulihkan", "Backup to restore"),
    "safety.backups.confirm": (
        "Ganti {file} dengan cadangan ini (isi sekarang dicadangkan dulu, jadi bisa dikembalikan)",
        "Replace {file} with this backup (its current content is backed up first, so this can be undone)",
    ),
    "safety.backups.button": ("Pulihkan", "Restore"),
    "safety.backups.restored": (
        "{file} dipulihkan dari {name}.",
        "{file} was restored from {name}.",
    ),
    "safety.backups.failed": (
        "Cadangan {name} tidak dapat dipulihkan; data tidak berubah.",
        "Backup {name} could not be restored; the data is unchanged.",
    ),
    # analysis.data.worker / the Data page: a parse in its own process
    "safety.worker.timeout": (
        "Membaca berkas ini memakan lebih dari {seconds} detik (batas DASHBOARD_PARSE_SECONDS) dan dihentikan; "
        "tidak ada yang ditulis. Periksa berkasnya (baris atau kolom kosong yang sangat banyak?) atau pecah "
        "menjadi beberapa berkas.",
        "Reading this file took longer than {seconds} seconds (limit DASHBOARD_PARSE_SECONDS) and was "
        "stopped; nothing was written. Check the file (a great many empty rows or columns?) or split it.",
    ),
    "safety.worker.memory": (
        "Membaca berkas ini butuh lebih dari {memory} MB memori (batas DASHBOARD_PARSE_MEMORY_MB) dan "
        "dihentikan; tidak ada yang ditulis. Berkas itu menyatakan jauh lebih banyak baris atau kolom daripada "
        "isinya, atau terlalu besar: simpan ulang hanya tabelnya, atau pecah menjadi beberapa berkas.",
        "Reading this file needed more than {memory} MB of memory (limit DASHBOARD_PARSE_MEMORY_MB) and was "
        "stopped; nothing was written. The file declares far more rows or columns than it holds, or is too "
        "large: save only the table again, or split it.",
    ),
    "safety.worker.crashed": (
        "Berkas ini tidak dapat dibaca: proses pembacanya berhenti tanpa hasil (kemungkinan kehabisan memori). "
        "Tidak ada yang ditulis.",
        "This file could not be read: the process reading it stopped without a result (probably out of "
        "memory). Nothing was written.",
    ),
    "safety.worker.cancelled": (
        "Pembacaan berkas dibatalkan; tidak ada yang ditulis.",
        "Reading the file was cancelled; nothing was written.",
    ),
    "safety.worker.running": (
        "Membaca {file} di proses terpisah … {elapsed} d (batas {seconds} d). Pengguna lain tidak ikut menunggu.",
        "Reading {file} in a separate process … {elapsed} s (limit {seconds} s). Other users do not wait.",
    ),
    "safety.worker.cancel": ("Batalkan", "Cancel"),
    "safety.worker.retry": ("Baca lagi", "Read again"),
}
