"""Strings of Excel reading (analysis.data.workbook): the sheet read, formulas, serial dates, the picker."""

STRINGS: dict[str, tuple[str, str]] = {
    # the sheet read and the others
    "workbook.report.read": ("Lembar yang dibaca: {sheet}", "Sheet read: {sheet}"),
    "workbook.report.skipped": ("Lembar lain (tidak dibaca): {sheets}", "Other sheets (not read): {sheets}"),
    "workbook.report.other": ("{sheet} ({reason})", "{sheet} ({reason})"),
    "workbook.reason.hidden": ("tersembunyi", "hidden"),
    "workbook.reason.very_hidden": ("sangat tersembunyi", "very hidden"),
    "workbook.reason.not_active": ("bukan lembar aktif", "not the active sheet"),
    "workbook.reason.not_chosen": ("tidak dipilih", "not chosen"),
    "workbook.reason.no_header": ("judul kolom tidak dikenali", "no recognisable column headers"),
    "workbook.reason.empty": ("kosong", "empty"),
    "workbook.state.active": ("aktif", "active"),
    "workbook.state.hidden": ("tersembunyi", "hidden"),
    "workbook.state.very_hidden": ("sangat tersembunyi", "very hidden"),
    "workbook.no_such_sheet": (
        "tidak ada lembar bernama '{sheet}' (lembar: {sheets})",
        "no sheet is named '{sheet}' (sheets: {sheets})",
    ),
    "workbook.no_sheet": (
        "tidak ada lembar dengan judul kolom yang dikenali (lembar: {sheets}; tersembunyi: {hidden});"
        " pilih lembarnya (--sheet NAMA)",
        "no sheet has recognisable column headers (sheets: {sheets}; hidden: {hidden}); choose the sheet"
        " (--sheet NAME)",
    ),
    # formulas without a saved result
    "workbook.formula.required": (
        "sel berisi rumus yang hasilnya tidak tersimpan di berkas (buka berkas di Excel lalu simpan ulang)",
        "the cell holds a formula whose result is not saved in the file (open the file in Excel and save"
        " it again)",
    ),
    "workbook.formula.left_empty": (
        "sel berisi rumus yang hasilnya tidak tersimpan di berkas; dibiarkan kosong (buka berkas di Excel"
        " lalu simpan ulang)",
        "the cell holds a formula whose result is not saved in the file; left empty (open the file in Excel"
        " and save it again)",
    ),
    "workbook.formula.other": (
        "sel berisi rumus yang hasilnya tidak tersimpan di berkas: {reason}",
        "the cell holds a formula whose result is not saved in the file: {reason}",
    ),
    "workbook.serial_dates": (
        "kolom berisi {count} nomor seri tanggal Excel (format General), dibaca sebagai tanggal: {example}",
        "the column held {count} Excel serial day numbers (General format), read as dates: {example}",
    ),
    "workbook.cli.help_sheet": (
        "lembar Excel yang dibaca (bawaan: lembar aktif yang terlihat)",
        "the Excel sheet to read (default: the visible, active sheet)",
    ),
    "workbook.picker.label": ("Lembar kerja", "Worksheet"),
    "workbook.picker.auto": (
        "Otomatis: lembar aktif yang terlihat",
        "Automatic: the visible, active sheet",
    ),
    "workbook.picker.help": (
        "Lembar tersembunyi tidak pernah dibaca kecuali dipilih di sini.",
        "Hidden sheets are never read unless chosen here.",
    ),
}
