"""Strings of unexpected errors (analysis.core.errors): what happened, never an empty line."""

STRINGS: dict[str, tuple[str, str]] = {
    "errors.memory": (
        "memori tidak cukup (MemoryError): berkas atau data terlalu besar untuk komputer ini",
        "out of memory (MemoryError): the file or data is too large for this computer",
    ),
    "errors.disk_full": ("disk penuh", "the disk is full"),
    "errors.permission": ("izin ditolak", "permission denied"),
    "errors.in_use": (
        "berkas sedang dipakai program lain (tutup di Excel lalu coba lagi)",
        "the file is in use by another program (close it in Excel and try again)",
    ),
    "errors.not_found": ("berkas atau folder tidak ditemukan", "file or folder not found"),
    "errors.read_only": ("disk hanya-baca", "the disk is read-only"),
    "errors.os": ("galat sistem berkas: {reason} {path}", "file system error: {reason} {path}"),
    "errors.other": ("{kind}: {detail}", "{kind}: {detail}"),
    "errors.no_detail": ("tanpa keterangan", "no detail"),
}
