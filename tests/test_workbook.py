"""Excel read as the person sees it (issue 13, kind 3): the sheet, merged cells, two-row headers, title
blocks, formulas without a saved result, values as text; the case files of tests/cases/intake and
workbooks built here for each kind."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analysis.__main__ import main as cli_main
from analysis.data import workbook
from analysis.data.loading import UnreadableFile, load_table, read_raw

CASES = Path(__file__).parent / "cases" / "intake"
HEADER = ["Tanggal", "Kelurahan", "Jenis Kegiatan", "Satuan", "NRP Ketua", "Nama Ketua", "Jml Personel"]
ROW = ["26/05/2025", "Gedog", "Sambang", "Binmas", "78050111", "Sugeng Riyadi", 2]


def case(name: str) -> bytes:
    return (CASES / name).read_bytes()


def save(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def book_of(*sheets: tuple[str, list[list[object]]], active: int = 0, states: dict[str, str] | None = None):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = (states or {}).get(title, "visible")
    book.active = active
    return book


def days(frame: pd.DataFrame, column: str = "date") -> list[str]:
    return [d.strftime("%Y-%m-%d") for d in frame[column]]


# --- the case files -----------------------------------------------------------------------------------------


def test_merged_date_cells_give_their_value_to_every_row_they_cover(reference):
    frame, report = load_table(case("01-merged-date-cells.xlsx"), "patrols", reference, filename="01.xlsx")
    assert report.rows_total == 5 and report.rows_valid == 5 and not report.errors
    assert days(frame) == ["2025-05-26"] * 3 + ["2025-05-27"] * 2
    assert list(frame["leader_name"]) == ["Sugeng Riyadi"] * 3 + ["Dwi Hartono"] * 2
    assert list(frame["leader_nrp"]) == ["78050111"] * 3 + ["88110222"] * 2
    assert list(frame["leader_rank"].astype(str)) == ["Aiptu"] * 3 + ["Bripka"] * 2
    assert list(frame["kelurahan"].astype(str)) == ["Gedog", "Sentul", "Klampok", "Turi", "Tlumpu"]


def test_a_two_row_header_is_one_header_and_not_a_rejected_record(reference):
    frame, report = load_table(case("07-two-row-header.xlsx"), "patrols", reference, filename="07.xlsx")
    assert report.rows_total == 2 and report.rows_rejected == 0
    assert days(frame) == ["2025-05-26", "2025-05-27"]
    assert list(frame["start_time"]) == ["09:00", "19:00"]
    assert list(frame["end_time"]) == ["10:30", "21:00"]
    assert list(frame["kelurahan"].astype(str)) == ["Gedog", "Sentul"]
    assert report.column_mapping["Waktu Mulai"] == "start_time"
    assert report.column_mapping["Waktu Selesai"] == "end_time"
    assert report.ignored_columns == ["No"]
    assert all(p.row != 2 for p in report.problems)  # the sub-header row is no record


def test_the_visible_active_sheet_is_read_and_the_hidden_one_named_as_skipped(reference):
    frame, report = load_table(case("05-hidden-sheet.xlsx"), "patrols", reference, filename="05.xlsx")
    assert days(frame) == ["2025-05-26", "2025-05-27", "2025-05-28"]
    assert report.sheet == "Mei 2025"
    assert report.other_sheets == [{"name": "Template lama", "reason": "hidden"}]
    assert workbook.sheet_lines(report, "id") == [
        "Lembar yang dibaca: Mei 2025",
        "Lembar lain (tidak dibaca): Template lama (tersembunyi)",
    ]
    assert workbook.sheet_lines(report, "en")[1] == "Other sheets (not read): Template lama (hidden)"
    assert report.to_dict()["sheet"] == "Mei 2025"


def test_a_hidden_sheet_is_read_only_when_chosen_by_name(reference):
    frame, report = load_table(case("05-hidden-sheet.xlsx"), "patrols", reference, sheet="Template lama")
    assert days(frame) == ["2024-01-03", "2024-01-04"]
    assert report.sheet == "Template lama"
    assert report.other_sheets == [{"name": "Mei 2025", "reason": "not_chosen"}]
    # the name is matched without regard to case and surrounding spaces; an unknown one is refused by name
    assert load_table(case("05-hidden-sheet.xlsx"), "patrols", reference, sheet=" template LAMA ")[1].sheet
    with pytest.raises(UnreadableFile, match=r"tidak ada lembar bernama 'Juni' \(lembar: Template lama, Mei"):
        load_table(case("05-hidden-sheet.xlsx"), "patrols", reference, sheet="Juni")


def test_excel_serial_numbers_in_a_general_format_date_column_are_dates_with_a_warning(reference):
    frame, report = load_table(case("03b-excel-serial-general-format.xlsx"), "patrols", reference)
    assert days(frame) == ["2025-05-26", "2025-05-27"]
    assert not report.errors
    assert any(p.severity == "warning" and p.contract_column == "date" for p in report.problems)


def test_the_serial_text_reaches_the_loader_as_written():
    # the value parsers see "45803", never "45803.0" (the date parser decides what it means)
    raw = read_raw(case("03b-excel-serial-general-format.xlsx"))
    assert list(raw["Tanggal"]) == ["45803", "45804"]
    assert list(raw["Jml Personel"]) == ["4", "2"]


def test_a_serial_date_time_in_a_workbook_keeps_its_time(reference):
    header = ["Waktu lapor", "Saluran", "Kelurahan", "Kategori", "Status"]
    book = book_of(("Aduan", [header, [45805.375, "Call Center 110", "Sentul", "Balap liar", "Baru"]]))
    frame, report = load_table(save(book), "complaints", reference)
    assert frame["received_at"].iloc[0] == pd.Timestamp("2025-05-28 09:00")
    assert not report.errors


# --- which sheet --------------------------------------------------------------------------------------------


def test_a_very_hidden_sheet_is_never_read_by_default(reference):
    old = [HEADER, ["03/01/2024", *ROW[1:]]]
    new = [HEADER, ROW]
    book = book_of(("Lama", old), ("Baru", new), active=1, states={"Lama": "veryHidden"})
    frame, report = load_table(save(book), "patrols", reference)
    assert days(frame) == ["2025-05-26"]
    assert report.other_sheets == [{"name": "Lama", "reason": "very_hidden"}]
    sheets = workbook.list_sheets(save(book))
    assert [(s.name, s.state, s.active) for s in sheets] == [
        ("Lama", "veryHidden", False),
        ("Baru", "visible", True),
    ]
    assert workbook.sheet_label(sheets[0]) == "Lama (sangat tersembunyi)"
    assert workbook.sheet_label(sheets[1], "en") == "Baru (active)"


def test_the_active_sheet_is_read_even_when_it_is_not_the_first(reference):
    april = [HEADER, ["28/04/2025", *ROW[1:]]]
    may = [HEADER, ROW, ["27/05/2025", *ROW[1:]]]
    book = book_of(("April", april), ("Mei", may), active=1)
    frame, report = load_table(save(book), "patrols", reference)
    assert days(frame) == ["2025-05-26", "2025-05-27"]
    assert report.sheet == "Mei"
    assert report.other_sheets == [{"name": "April", "reason": "not_active"}]


def test_an_active_sheet_without_a_header_falls_back_to_the_next_visible_one(reference):
    book = book_of(("Petunjuk", [["Isi lembar Data"]]), ("Rahasia", [HEADER, ROW]), ("Data", [HEADER, ROW]))
    book["Rahasia"].sheet_state = "hidden"
    _, report = load_table(save(book), "patrols", reference)
    assert report.sheet == "Data"
    assert {o["name"]: o["reason"] for o in report.other_sheets} == {
        "Petunjuk": "no_header",
        "Rahasia": "hidden",
    }


def test_no_recognisable_visible_sheet_names_the_sheets_and_the_hidden_ones(reference):
    book = book_of(("A", [["x", "y"]]), ("B", [["z", "w"]]), ("C", [HEADER, ROW]), states={"C": "hidden"})
    with pytest.raises(UnreadableFile, match=r"\(lembar: A, B; tersembunyi: C\); pilih lembarnya"):
        load_table(save(book), "patrols", reference)


def test_the_command_line_takes_a_sheet_and_reports_the_sheets(tmp_path, capsys):
    source = tmp_path / "05.xlsx"
    source.write_bytes(case("05-hidden-sheet.xlsx"))
    assert cli_main(["validate", str(source), "--kind", "patrols"]) == 0
    out = capsys.readouterr().out
    assert "Lembar yang dibaca: Mei 2025" in out and "Template lama (tersembunyi)" in out
    assert cli_main(["validate", str(source), "--sheet", "Template lama", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"sheet": "Template lama"' in out and '"rows_valid": 2' in out
    assert cli_main(["validate", str(source), "--sheet", "Juni"]) == 2
    assert "tidak ada lembar bernama 'Juni'" in capsys.readouterr().err
    data_dir = tmp_path / "data"
    assert (
        cli_main(
            ["import", str(source), "--kind", "patrols", "--data-dir", str(data_dir), "--sheet", "Mei 2025"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Lembar yang dibaca: Mei 2025" in out
    assert len(pd.read_csv(data_dir / "patrols.csv")) == 3


# --- title blocks, merges, two-row headers ------------------------------------------------------------------


def test_a_three_row_title_block_merged_across_the_columns_is_skipped(reference):
    book = book_of(("Mei", [["REKAP PATROLI"], ["POLSEK SANANWETAN"], ["Bulan Mei 2025"], HEADER, ROW]))
    sheet = book["Mei"]
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADER))
    frame, report = load_table(save(book), "patrols", reference)
    assert days(frame) == ["2025-05-26"]
    assert report.rows_total == 1 and not report.errors
    assert report.ignored_columns == []
    assert read_raw(save(book)).index.tolist() == [5]  # the sheet's own row number


def test_a_title_block_above_headers_the_loader_must_pair_by_hand_is_still_skipped():
    header = ["Tgl", "Kelurahan", "Kegiatan", "Keterangan X", "Catatan Y"]
    book = book_of(("S", [["Rekap bulanan"], [], header, ["26/05/2025", "Gedog", "Sambang", "a", "b"]]))
    raw = read_raw(save(book))
    assert list(raw.columns) == header and raw.index.tolist() == [4]


def test_merged_cells_across_columns_give_their_value_to_each_column(reference):
    header = [*HEADER, "Lokasi"]
    book = book_of(
        ("S", [header, ["26/05/2025", "Gedog", "Sambang", "Binmas", "78050111", "Sugeng", 2, None]])
    )
    book["S"].merge_cells("B2:C2")  # "Gedog" over Kelurahan and the next column
    raw = read_raw(save(book))
    assert raw.loc[2, "Kelurahan"] == "Gedog" and raw.loc[2, "Jenis Kegiatan"] == "Gedog"


def test_rows_that_only_a_merge_reaches_are_blank_not_records(reference):
    book = book_of(("S", [HEADER, ROW, [None] * len(HEADER), [None] * len(HEADER)]))
    book["S"].merge_cells("A2:A4")  # the date merged down past the last record
    _, report = load_table(save(book), "patrols", reference)
    assert report.rows_total == 1 and not report.errors


def test_a_two_row_header_with_a_required_group_and_no_merges(reference):
    # "Ketua" over "NRP" / "Nama" (both required), "Waktu" over "Mulai" / "Selesai", typed without merging
    top = ["Tanggal", "Kelurahan", "Kegiatan", "Satuan", "Ketua", None, "Waktu", None, "Jml Personel"]
    sub = [None, None, None, None, "NRP", "Nama", "Mulai", "Selesai", None]
    row = ["26/05/2025", "Gedog", "Sambang", "Binmas", "78050111", "Sugeng Riyadi", "09.00", "10.30", 2]
    frame, report = load_table(save(book_of(("S", [top, sub, row]))), "patrols", reference)
    assert report.rows_total == 1 and not report.errors
    assert frame["leader_nrp"].iloc[0] == "78050111" and frame["leader_name"].iloc[0] == "Sugeng Riyadi"
    assert (frame["start_time"].iloc[0], frame["end_time"].iloc[0]) == ("09:00", "10:30")


def test_a_two_row_header_whose_lower_row_is_the_complete_one(reference):
    # vertical merges copy the plain headers into the lower row, which alone names every required column
    top = ["Tanggal", "Kelurahan", "Kegiatan", "Satuan", "Pimpinan", None, "Jml Personel"]
    sub = [None, None, None, None, "NRP", "Nama", None]
    book = book_of(("S", [["Rekap"], top, sub, ROW]))
    sheet = book["S"]
    for col in "ABCDG":
        sheet.merge_cells(f"{col}2:{col}3")
    sheet.merge_cells("E2:F2")
    frame, report = load_table(save(book), "patrols", reference)
    assert report.rows_total == 1 and not report.errors
    assert report.column_mapping["NRP"] == "leader_nrp"
    assert frame["leader_name"].iloc[0] == "Sugeng Riyadi"


def test_a_first_record_of_text_under_the_header_is_not_taken_for_a_sub_header(reference):
    book = book_of(("S", [HEADER, [str(c) for c in ROW], ["27/05/2025", *[str(c) for c in ROW[1:]]]]))
    frame, report = load_table(save(book), "patrols", reference)
    assert report.rows_total == 2 and days(frame) == ["2025-05-26", "2025-05-27"]


# --- values -------------------------------------------------------------------------------------------------


def test_cells_come_through_as_the_text_a_person_reads():
    header = ["Tanggal", "Waktu", "Jam", "Angka", "Desimal", "Ya", "Salah"]
    book = book_of(
        (
            "S",
            [
                header,
                [datetime(2025, 5, 26), datetime(2025, 5, 28, 9, 0), time(21, 15), 12.0, -8.0921, True, None],
            ],
        )
    )
    book["S"]["G2"] = "#N/A"
    raw = read_raw(save(book))
    assert raw.loc[2].tolist() == [
        "2025-05-26",
        "2025-05-28 09:00:00",
        "21:15",
        "12",
        "-8.0921",
        "TRUE",
        "#N/A",
    ]


def test_a_formula_without_a_saved_result_says_so_instead_of_required(reference):
    header = [*HEADER, "Warga ditemui"]
    book = book_of(("S", [header, [*ROW, 10], [*ROW[:-1], 3, 12]]))
    # openpyxl saves formulas without a result; kelurahan is a field a row cannot be trusted without
    book["S"]["B2"] = "=VLOOKUP(F2,Personel!A:B,2,0)"
    book["S"]["H3"] = "=SUM(A1:A2)"
    frame, report = load_table(save(book), "patrols", reference)
    assert report.rows_rejected == 1
    [error] = report.errors
    assert (error.row, error.column, error.value) == (2, "Kelurahan", "=VLOOKUP(F2,Personel!A:B,2,0)")
    assert "rumus yang hasilnya tidak tersimpan" in error.reason and "wajib" not in error.reason
    assert "formula whose result is not saved" in error.reason_en
    warning = next(p for p in report.warnings if p.row == 3)
    assert (warning.column, warning.value) == ("Warga ditemui", "=SUM(A1:A2)")
    assert "dibiarkan kosong" in warning.reason
    assert pd.isna(frame["residents_met"].iloc[0])


def test_a_saved_formula_result_is_read_as_the_value(reference):
    data = save(book_of(("S", [HEADER, ROW])))
    data = _rewrite_sheet(data, lambda xml: xml.replace("<v>2</v>", "<f>1+1</f><v>2</v>"))
    frame, report = load_table(data, "patrols", reference)
    assert frame["personnel_count"].iloc[0] == 2 and not report.errors


def _rewrite_sheet(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", info.filename):
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


def test_a_sheet_without_a_dimension_is_streamed(reference):
    book = openpyxl.Workbook(write_only=True)  # writes no <dimension>
    sheet = book.create_sheet("Data")
    sheet.append(HEADER)
    for day in (26, 27):
        sheet.append([datetime(2025, 5, day), *ROW[1:]])
    data = save(book)
    assert b"<dimension" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    frame, _ = load_table(data, "patrols", reference)
    assert days(frame) == ["2025-05-26", "2025-05-27"]


def test_rich_text_runs_are_joined_and_phonetic_guides_left_out():
    data = save(book_of(("S", [HEADER, ROW])))
    rich = (
        '<c r="B2" t="inlineStr"><is><r><t>Ged</t></r><r><t xml:space="preserve">og </t></r>'
        "<rPh><t>x</t></rPh></is></c>"
    )
    data = _rewrite_sheet(data, lambda xml: re.sub(r'<c r="B2"[^>]*>.*?</c>', rich, xml))
    assert read_raw(data).loc[2, "Kelurahan"] == "Gedog"


def test_a_sheet_with_a_dtd_or_entities_is_refused_as_damaged(reference):
    data = save(book_of(("S", [HEADER, ROW])))
    bomb = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    data = _rewrite_sheet(data, lambda xml: xml.replace("<worksheet", bomb + "<worksheet", 1))
    with pytest.raises(UnreadableFile, match="Excel rusak"):
        load_table(data, "patrols", reference)
