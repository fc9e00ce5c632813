"""The Data page with a workbook: the sheet picker and the report naming the sheet read (AppTest)."""

from __future__ import annotations

from pathlib import Path

from tests.test_data_page import data_dir, open_page, texts  # noqa: F401  (data_dir is a fixture)
from ui.sheet_picker import plain

CASE = Path(__file__).parent / "cases" / "intake" / "05-hidden-sheet.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def picker(at):
    return next(s for s in at.selectbox if s.key and s.key.startswith("intake_sheet_"))


def total_rows(at) -> str:
    return next(m.value for m in at.metric if m.label == "Baris")


def test_an_uploaded_workbook_offers_its_sheets_and_the_report_names_the_one_read(data_dir):  # noqa: F811
    at = open_page()
    at.file_uploader(key="intake_upload").set_value(("05-hidden-sheet.xlsx", CASE.read_bytes(), XLSX)).run()
    assert not at.exception, at.exception
    choice = picker(at)
    assert choice.value is None and choice.options == [
        "Otomatis: lembar aktif yang terlihat",
        "Template lama (tersembunyi)",
        "Mei 2025 (aktif)",
    ]
    captions = texts(at, "caption")
    assert plain("Lembar yang dibaca: Mei 2025") in captions  # shown as typed (markdown escaped)
    assert plain("Lembar lain (tidak dibaca): Template lama (tersembunyi)") in captions
    assert total_rows(at) == "3"
    choice.set_value("Template lama").run()
    assert not at.exception, at.exception
    assert plain("Lembar yang dibaca: Template lama") in texts(at, "caption")
    assert total_rows(at) == "2"


def shown(markdown: str) -> str:
    """What the reader sees of escaped markdown: the escapes and invisible word joiners removed."""
    return markdown.replace("\\", "").replace("\u2060", "")


def test_sheet_names_are_shown_as_typed_not_as_markdown():
    typed = "**Rekap** ![x](http://a.b/c.png)"
    assert plain(typed) != typed and shown(plain(typed)) == typed


def test_hostile_files_are_refused_on_the_data_page_with_the_limit_named(data_dir):  # noqa: F811
    from tests.test_limits import dimension_bomb, one_line_csv

    at = open_page()
    at.file_uploader(key="intake_upload").set_value(("bom.xlsx", dimension_bomb(), XLSX)).run()
    assert not at.exception, at.exception
    assert "batas 1.000.000 baris data (DASHBOARD_MAX_ROWS)" in shown(texts(at, "error"))
    at.file_uploader(key="intake_upload").set_value(("satu-baris.csv", one_line_csv(), "text/csv")).run()
    assert not at.exception, at.exception
    assert "baris 1 berisi 5.000.001 kolom; batas 200 kolom (DASHBOARD_MAX_COLUMNS)" in shown(
        texts(at, "error")
    )
    assert not any(s.key and s.key.startswith("intake_sheet_") for s in at.selectbox)
