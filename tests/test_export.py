import io

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from analysis.data.export import (
    CELL_LIMIT,
    ExcelNote,
    excel_notes,
    neutralise_formulas,
    notice_text,
    to_csv_bytes,
    to_excel_bytes,
)

HOSTILE = pd.DataFrame(
    {
        "description": ['=HYPERLINK("http://x")', "+62 812", "-1", "@SUM(A1)", "aman", None],
        "count": [1, -2, 3, 4, 5, 6],
        "kelurahan": pd.Categorical(["=cmd", "Gedog", "Gedog", "Gedog", "Gedog", "Gedog"]),
    }
)


def test_text_cells_that_start_like_formulas_get_an_apostrophe():
    safe = neutralise_formulas(HOSTILE)
    assert safe["description"].tolist()[:5] == [
        '\'=HYPERLINK("http://x")',
        "'+62 812",
        "'-1",
        "'@SUM(A1)",
        "aman",
    ]
    assert safe["kelurahan"].tolist()[0] == "'=cmd"


def test_numbers_and_missing_values_are_left_alone():
    safe = neutralise_formulas(HOSTILE)
    assert safe["count"].tolist() == [1, -2, 3, 4, 5, 6]
    assert pd.isna(safe["description"].iloc[5])


def test_input_is_not_mutated():
    before = HOSTILE.copy()
    neutralise_formulas(HOSTILE)
    pd.testing.assert_frame_equal(HOSTILE, before)


def test_csv_has_a_bom_and_no_live_formula():
    text = to_csv_bytes(HOSTILE).decode("utf-8")
    assert text.startswith("\ufeff")
    assert "\n=" not in text and ",=" not in text


def test_excel_cells_hold_text_not_formulas():
    sheet = load_workbook(io.BytesIO(to_excel_bytes(HOSTILE))).active
    values = [cell.value for cell in sheet["A"]][1:]
    assert values[0] == '\'=HYPERLINK("http://x")'
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


# --- what an Excel download cannot hold as it is (issue 19) -------------------------------------------


def _sheets(data: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def test_a_40000_character_description_is_shortened_and_says_so():
    frame = pd.DataFrame({"complaint_id": ["L-1", "L-2"], "description": ["x" * 40_000, "pendek"]})
    notes = excel_notes(frame)
    assert notes == [ExcelNote(2, "description", "B2", "shortened", length=40_000)]
    sheets = _sheets(to_excel_bytes(frame))
    assert len(sheets["data"][1][1]) == CELL_LIMIT and sheets["data"][2][1] == "pendek"
    assert sheets["catatan"][1][:3] == ("B2", 2, "description")
    assert "40.000" in sheets["catatan"][1][3] and "32.767" in sheets["catatan"][1][3]
    notice = notice_text(notes, "id")
    assert "dipotong" in notice and "B2 description" in notice and "catatan" in notice


def test_a_vertical_tab_and_other_controls_are_removed_and_said():
    frame = pd.DataFrame(
        {
            "name": ["Ani\x0bBudi", "ok\tkolom\nbaris", "esc\x1b[31m", None],
            "kelurahan": pd.Categorical(["Gedog", "Sentul\x00", "Gedog", "Gedog"]),
            "count": [1, 2, 3, 4],
        }
    )
    sheets = _sheets(to_excel_bytes(frame))  # openpyxl raised IllegalCharacterError here before
    assert [row[0] for row in sheets["data"][1:]] == ["AniBudi", "ok\tkolom\nbaris", "esc[31m", None]
    assert sheets["data"][2][1] == "Sentul"
    notes = excel_notes(frame)
    assert [(n.cell, n.kind, n.removed) for n in notes] == [
        ("A2", "control", 1),
        ("A4", "control", 1),
        ("B3", "control", 1),
    ]
    assert "karakter kontrol" in notice_text(notes, "id") and "A2 name" in notice_text(notes, "id")
    assert "control characters" in notice_text(notes, "en")


def test_a_frame_excel_can_hold_round_trips_identically_with_no_notes_sheet():
    frame = pd.DataFrame({"a": ["satu", "dua\nbaris", "=1+1"], "n": [1.5, -2.0, 3.0]})
    assert excel_notes(frame) == [] and notice_text([], "id") == ""
    sheets = _sheets(to_excel_bytes(frame))
    assert list(sheets) == ["data"]
    back = pd.read_excel(io.BytesIO(to_excel_bytes(frame)))
    assert back["a"].tolist() == ["satu", "dua\nbaris", "'=1+1"] and back["n"].tolist() == [1.5, -2.0, 3.0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.text(alphabet="ab \t\n\r\x00\x07\x0b\x1f\x7f\x85é🙂", max_size=8)),
        max_size=12,
    ),
    st.integers(0, 6),
    st.integers(0, 3),
)
def test_the_byte_scan_answers_as_the_character_scan(values, longest, cut):
    import pyarrow as pa
    import pyarrow.compute as pc

    from analysis.data.export import CONTROL_CHARACTERS, _may_change

    series = pd.Series(values, dtype="str").iloc[min(cut, len(values)) :]
    arrow = pa.array(series, from_pandas=True)
    by_characters = bool(len(series)) and (
        bool(pc.any(pc.match_substring_regex(arrow, CONTROL_CHARACTERS.pattern)).as_py())
        or (pc.max(pc.utf8_length(arrow)).as_py() or 0) > longest
    )
    assert _may_change(series, longest) == by_characters
