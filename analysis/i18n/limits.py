"""Strings of the file limits (analysis.data.limits): each names the limit, its setting and what the file holds."""

STRINGS: dict[str, tuple[str, str]] = {
    "limits.file_size": (
        "berkas terlalu besar: {size} MB; batas {limit} MB ({setting})",
        "the file is too large: {size} MB; the limit is {limit} MB ({setting})",
    ),
    "limits.unzipped": (
        "isi berkas Excel setelah diekstrak {size} MB; batas {limit} MB ({setting})",
        "the Excel file's contents unzip to {size} MB; the limit is {limit} MB ({setting})",
    ),
    "limits.rows_declared": (
        "{where} menyatakan {rows} baris; batas {limit} baris data ({setting})",
        "{where} declares {rows} rows; the limit is {limit} data rows ({setting})",
    ),
    "limits.rows_found": (
        "{where} berisi lebih dari {rows} baris; batas {limit} baris data ({setting})",
        "{where} holds more than {rows} rows; the limit is {limit} data rows ({setting})",
    ),
    "limits.columns_declared": (
        "{where} menyatakan {columns} kolom; batas {limit} kolom ({setting})",
        "{where} declares {columns} columns; the limit is {limit} columns ({setting})",
    ),
    "limits.columns_found": (
        "{where} berisi {columns} kolom; batas {limit} kolom ({setting})",
        "{where} holds {columns} columns; the limit is {limit} columns ({setting})",
    ),
    "limits.cells_declared": (
        "{where} menyatakan {rows} baris × {columns} kolom = {cells} sel; batas {limit} sel ({setting})",
        "{where} declares {rows} rows × {columns} columns = {cells} cells; the limit is {limit} cells"
        " ({setting})",
    ),
    "limits.cells_found": (
        "{where} berisi lebih dari {limit} sel ({rows} baris × {columns} kolom); batas {limit} sel"
        " ({setting})",
        "{where} holds more than {limit} cells ({rows} rows × {columns} columns); the limit is {limit}"
        " cells ({setting})",
    ),
    "limits.line_columns": (
        "baris {line} berisi {columns} kolom; batas {limit} kolom ({setting})",
        "line {line} holds {columns} columns; the limit is {limit} columns ({setting})",
    ),
    "limits.cell_chars": (
        "{where}: satu sel berisi {chars} karakter; batas {limit} karakter per sel ({setting})",
        "{where}: one cell holds {chars} characters; the limit is {limit} characters a cell ({setting})",
    ),
}
