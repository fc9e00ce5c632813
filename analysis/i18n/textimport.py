"""Strings of the text import (analysis/textreports, ui/text_import.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "textimport.header": ("Impor dari teks laporan", "Import from report text"),
    "textimport.intro": (
        "Tempel laporan WhatsApp, ekspor grup WhatsApp (.txt) atau rilis berita. Baris yang ditemukan "
        "tampil di tabel yang bisa diedit; kolom Perlu dicek menandai isian wajib yang kosong (⚠) dan "
        "isian yang disimpulkan (?). Tidak ada yang ditulis sebelum tombol Gabungkan ditekan.",
        "Paste a WhatsApp report, a WhatsApp group export (.txt) or a news release. The rows found are "
        "shown in an editable table; the Check column marks required fields that are empty (⚠) and "
        "fields that were inferred (?). Nothing is written before you press Merge.",
    ),
    "textimport.paste": ("Teks laporan", "Report text"),
    "textimport.paste_help": (
        "Satu laporan, beberapa laporan sekaligus, atau isi ekspor grup WhatsApp.",
        "One report, several reports, or the contents of a WhatsApp group export.",
    ),
    "textimport.upload": ("… atau unggah berkas .txt", "… or upload a .txt file"),
    "textimport.read": ("Baca teks", "Read text"),
    "textimport.none_found": (
        "Tidak ditemukan laporan kegiatan atau pengaduan dalam teks ini (hanya obrolan atau teks lain).",
        "No activity report or complaint was found in this text (only chatter or other text).",
    ),
    "textimport.found": (
        "Ditemukan {patrols} patroli dan {complaints} laporan warga; {chatter} pesan obrolan diabaikan.",
        "Found {patrols} patrols and {complaints} complaints; {chatter} chat messages ignored as chatter.",
    ),
    "textimport.patrols": ("Patroli yang ditemukan", "Patrols found"),
    "textimport.complaints": ("Laporan warga yang ditemukan", "Complaints found"),
    "textimport.legend": (
        "Kolom **Perlu dicek** menyebut isian yang disimpulkan (mis. satuan dari data personel) dan yang "
        "kosong. Kolom **Sumber** memuat potongan teks asal baris itu.",
        "The **Check** column lists the fields that were inferred (e.g. the unit from the officers list) "
        "and those missing. The **Source** column holds the text each row came from.",
    ),
    "textimport.col.check": ("Perlu dicek", "Check"),
    "textimport.col.source": ("Sumber", "Source"),
    "textimport.col.line": ("Baris teks", "Text line"),
    "textimport.inferred": ("disimpulkan", "inferred"),
    "textimport.missing": ("kosong", "missing"),
    "textimport.merge": ("Gabungkan ke data", "Merge into the data"),
    "textimport.required_missing": (
        "Masih kosong dan wajib: {fields}. Baris itu akan ditolak bila tidak diisi.",
        "Still empty and required: {fields}. Those rows will be refused unless filled in.",
    ),
    "textimport.result": (
        "{kind}: {added} baris ditambahkan, {updated} diperbarui, {skipped} dilewati (sudah ada), "
        "{rejected} ditolak.",
        "{kind}: {added} rows added, {updated} updated, {skipped} skipped (already there), "
        "{rejected} refused.",
    ),
    "textimport.known": (
        "Baris {id} adalah kegiatan yang sudah ada di data ({existing}): tidak ditambahkan.",
        "Row {id} is an event already in the data ({existing}): not added.",
    ),
    "textimport.refused": (
        "{kind} baris {row}, kolom {column}: {reason}",
        "{kind} row {row}, column {column}: {reason}",
    ),
    "textimport.held": (
        "Laporan warga {ids} tidak digabungkan: patroli tempat laporan itu disampaikan ditolak. Lengkapi "
        "patrolinya lalu gabungkan lagi.",
        "Complaints {ids} were not merged: the patrol they were raised on was refused. Complete the patrol "
        "and merge again.",
    ),
    "textimport.not_text": (
        "Berkas ini bukan teks UTF-8 yang terbaca.",
        "This file is not readable UTF-8 text.",
    ),
}
