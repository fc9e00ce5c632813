"""Strings of the shared display rules: honest time bins, number tables, URL state, new presets."""

STRINGS: dict[str, tuple[str, str]] = {
    "display.bin.partial": (
        "{range} (sebagian: {days} dari {length} hari)",
        "{range} (partial: {days} of {length} days)",
    ),
    "display.bin.axis_note": ("* periode tidak penuh", "* partial period"),
    "display.bin.period": ("Periode", "Period"),
    "display.bin.partial_col": ("Hari dalam periode", "Days in period"),
    "display.bin.total": ("Jumlah", "Total"),
    "display.bin.table": ("Tabel per periode", "Table per period"),
    "display.bin.note": (
        "Batang bertanda * hanya memuat sebagian hari periodenya (awal atau akhir filter), jadi wajar lebih "
        "rendah.",
        "Bars marked * hold only part of their period (the start or end of the filter), so they run lower.",
    ),
    "map.attribution": (
        "Batas kelurahan: cahyadsn/wilayah_boundaries (MIT)",
        "Kelurahan boundaries: cahyadsn/wilayah_boundaries (MIT)",
    ),
    "filter.period.last_week": ("Minggu lalu (Senin–Minggu)", "Last week (Monday–Sunday)"),
}
