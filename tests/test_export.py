import io

import pandas as pd
from openpyxl import load_workbook

from analysis.export import neutralise_formulas, to_csv_bytes, to_excel_bytes

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
