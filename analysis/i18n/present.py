"""Strings of the briefing's presentation mode and of the phone layout (menu label)."""

STRINGS: dict[str, tuple[str, str]] = {
    "present.enter": ("Mode presentasi", "Presentation mode"),
    "present.enter_help": (
        "Satu layar per topik untuk proyektor: tanpa menu dan filter. Pindah dengan ← / → atau PageUp / "
        "PageDown (clicker); Esc untuk keluar. Alamat halaman menyimpan langkahnya.",
        "One screen per topic for a projector: no menu or filters. Move with ← / → or PageUp / PageDown "
        "(clicker); Esc to leave. The page address keeps the step.",
    ),
    "present.exit": ("Keluar", "Exit"),
    "present.details": ("Rincian dan tabel", "Details and table"),
    "present.menu": ("Menu", "Menu"),
    "present.pdf.findings": ("Temuan utama minggu ini", "This week's key findings"),
}
