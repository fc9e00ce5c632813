"""ui/columns.py writes each cell's number and date text itself (``cell_text``), without a Babel call per
cell: the text must be the one ``analysis.metrics.tables`` (Babel, through ``analysis.i18n``) gives, value
for value, in both languages; the row colours and the Excel notes' shortcut must change nothing either."""

import random

import numpy as np
import pandas as pd
import pytest
from pandas.io.formats.style import Styler

from analysis.data import export
from analysis.metrics.tables import displayed, number_formats, styled
from ui import columns

random.seed(18)
HALVES = [0.05, 0.15, 0.25, 0.35, 0.45, 2.675, 1.005, 1234.55, -0.05, -987654.35, 0.5, 1.5, 2.5, -2.5]
SMALL = [0.0, -0.0, -0.04, -0.4, 1e-7, -1e-7, 5e-324]
LARGE = [123456789.25, 1e14 + 0.5, 999999999999999.0, 1e15, 1e22, 1.7e308, float("inf"), float("-inf")]
FLOATS = (
    HALVES
    + SMALL
    + LARGE
    + [random.uniform(-1e7, 1e7) for _ in range(500)]
    + [round(random.uniform(-100, 100), 2) for _ in range(500)]
    + [random.randint(-(10**6), 10**6) / 20 for _ in range(300)]
)
INTEGERS = [0, 1, -1, 999, 1000, -1000, 1458, 2**53, 2**62] + [
    random.randint(-(10**12), 10**12) for _ in range(500)
]


def _outcome(format_, value):
    try:
        return format_(value)
    except Exception as error:  # the same failure counts as the same outcome
        return type(error)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("places", [0, 1, 2, 3])
def test_a_decimal_reads_as_babel_writes_it(lang, places):
    fast = columns.cell_text(lang, places, "–")
    babel = number_formats(pd.DataFrame({"x": [1.0]}), lang, {"x": places})["x"]
    for value in [*FLOATS, np.nan, None]:
        for cell in (value, None if value is None else np.float64(value)):
            assert _outcome(fast, cell) == _outcome(babel, cell), (lang, places, cell)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_whole_number_reads_as_babel_writes_it(lang):
    fast = columns.cell_text(lang, 0, "–")
    babel = number_formats(pd.DataFrame({"x": [1]}), lang)["x"]
    for value in INTEGERS:
        for cell in (value, np.int64(value)):
            assert fast(cell) == babel(cell), (lang, cell)
    assert fast(pd.NA) == babel(pd.NA) == "–"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_date_reads_as_babel_writes_it(lang):
    fast = columns.cell_text(lang, -1, "belum pernah")
    dates = pd.DataFrame({"x": pd.to_datetime(["2025-05-26"])})
    babel = number_formats(dates, lang, missing={"x": "belum pernah"})["x"]
    days = [*pd.date_range("1999-12-28", "2031-01-03", freq="11D"), pd.NaT, None]
    days += [pd.Timestamp("2025-05-26 23:30", tz="Asia/Jakarta"), pd.Timestamp("2025-08-01").to_pydatetime()]
    for day in days:
        assert fast(day) == babel(day), (lang, day)
    assert fast(pd.NaT) == "belum pernah"


def test_a_table_shows_the_same_text_as_tables_styled():
    frame = pd.DataFrame(
        {
            "kelurahan": ["Gedog", None, "Sentul"],
            "days": [3.0, np.nan, 12.0],
            "last_visit": pd.to_datetime(["2025-05-26", None, "2024-12-31"]),
            "visits": pd.Series([1458, -3, 0], dtype="int64"),
            "share": [0.25, 0.35, np.nan],
            "counted": pd.array([1, None, 20000], dtype="Int64"),
            "flag": [True, False, True],
        }
    )
    spec = {
        "kelurahan": columns.Column("overview.lastvisit.kelurahan"),
        "days": columns.Column("overview.lastvisit.days", digits=0),
        "last_visit": columns.Column("overview.lastvisit.last", missing="overview.lastvisit.never"),
        "visits": columns.Column("map.measure.visits"),
        "share": columns.Column("map.measure.visits", digits=2),
    }
    for lang in ("id", "en"):
        never = columns.t("overview.lastvisit.never", lang)
        expected = displayed(styled(frame, lang, {"days": 0, "share": 2}, {"last_visit": never}))
        pd.testing.assert_frame_equal(displayed(columns.styled(frame, spec, lang)), expected)
    assert displayed(columns.styled(frame, spec, "id"))["visits"].tolist() == ["1.458", "-3", "0"]
    assert displayed(columns.styled(frame, spec, "en"))["share"].tolist() == ["0.25", "0.35", "–"]


def test_row_colours_are_the_same_css_as_one_call_per_row():
    frame = pd.DataFrame({"officer": ["A", "B", "C"], "days_without": [9, 0, 3]})
    css = ["background-color: #F8D0D0", "", "background-color: #FCE8C8"]
    per_row = Styler(frame, uuid="t").apply(lambda row: [css[row.name]] * len(row), axis=1)
    at_once = columns.row_css(css)(Styler(frame, uuid="t"))
    per_row._compute()
    at_once._compute()
    assert dict(at_once.ctx) == dict(per_row.ctx)
    assert at_once.to_html() == per_row.to_html()
    assert not at_once.ctx[(1, 0)] and at_once.ctx[(2, 1)] == [("background-color", "#FCE8C8")]


def _full_notes(frame: pd.DataFrame) -> list[export.ExcelNote]:
    """The notes read cell by cell, without the shortcut (what ``excel_notes`` gave before it)."""
    safe = export.neutralise_formulas(frame)
    notes = []
    for i in export._text_columns(safe):
        text = safe.iloc[:, i].astype("string")
        controls = text.str.count(export.CONTROL_CHARACTERS.pattern).fillna(0).astype(int)
        cleaned = text.str.replace(export.CONTROL_CHARACTERS.pattern, "", regex=True)
        lengths = cleaned.str.len().fillna(0).astype(int)
        name, letter = str(safe.columns[i]), export._column_letter(i + 1)
        for position in sorted(
            set(controls.to_numpy().nonzero()[0]) | set((lengths > export.CELL_LIMIT).to_numpy().nonzero()[0])
        ):
            row = int(position) + 2
            if controls.iloc[position]:
                notes.append(
                    export.ExcelNote(
                        row, name, f"{letter}{row}", "control", removed=int(controls.iloc[position])
                    )
                )
            if lengths.iloc[position] > export.CELL_LIMIT:
                notes.append(
                    export.ExcelNote(
                        row, name, f"{letter}{row}", "shortened", length=int(lengths.iloc[position])
                    )
                )
    return notes


LIMIT = export.CELL_LIMIT
NOTE_CASES = {
    "clean": pd.DataFrame({"a": ["Gedog", "Sentul", None], "n": [1, 2, 3]}),
    "clean str dtype": pd.DataFrame({"a": pd.Series(["x", None, "=1"], dtype="str")}),
    "a control": pd.DataFrame({"a": ["ok", "bad\x0bcell", None], "b": ["\x00\x1b", "y", "z"]}),
    "at the limit": pd.DataFrame({"a": ["x" * LIMIT, "y"]}),
    "over the limit": pd.DataFrame({"a": ["x" * (LIMIT + 1), "y"]}),
    "a formula one under the limit": pd.DataFrame({"a": ["=" + "x" * (LIMIT - 2), "y"]}),
    "a formula at the limit": pd.DataFrame({"a": ["=" + "x" * (LIMIT - 1), "y"]}),
    "categorical": pd.DataFrame({"k": pd.Categorical(["Gedog", "a\x07b", "Gedog"])}),
    "categorical clean": pd.DataFrame({"k": pd.Categorical(["Gedog", "=x", "Gedog"])}),
    "categorical of numbers": pd.DataFrame({"k": pd.Categorical([1, 2, 1])}),
    "mixed objects": pd.DataFrame({"o": pd.Series(["a", 1, "b\x0cc", None], dtype=object)}),
    "numbers as objects": pd.DataFrame({"o": pd.Series([1, 2, 3], dtype=object)}),
    "all missing": pd.DataFrame({"o": pd.Series([None, None], dtype=object)}),
    "empty": pd.DataFrame({"a": pd.Series([], dtype="str")}),
    "tab, line feed and carriage return are fine": pd.DataFrame({"a": ["a\tb", "c\nd", "\re"]}),
}


@pytest.mark.parametrize("case", list(NOTE_CASES))
def test_excel_notes_with_the_shortcut_are_the_notes_read_cell_by_cell(case):
    frame = NOTE_CASES[case]
    assert export.excel_notes(frame) == _full_notes(frame)


def test_the_shortcut_finds_what_needs_a_note():
    assert export.excel_notes(NOTE_CASES["clean"]) == []
    assert [n.kind for n in export.excel_notes(NOTE_CASES["a control"])] == ["control", "control"]
    assert [n.cell for n in export.excel_notes(NOTE_CASES["a formula at the limit"])] == ["A2"]
    assert export.excel_notes(NOTE_CASES["a formula one under the limit"]) == []


def test_a_table_s_downloads_take_the_frame_it_presented_and_nothing_else():
    frame = pd.DataFrame({"weekday": [0, 6], "hour": [7, 23], "complaints": [3, 1]})
    first = columns._presented(frame, columns.HOUR_GAPS, "id")
    assert columns._presented(frame, columns.HOUR_GAPS, "id") is first  # the download after the table
    assert columns._presented(frame, columns.HOUR_GAPS, "en") is not first  # another language
    again = frame.copy()
    assert columns._presented(again, columns.HOUR_GAPS, "en") is not first  # another frame
    exported = columns._presented(again, columns.HOUR_GAPS, "en").rename(
        columns=columns.labels(columns.HOUR_GAPS, "en")
    )
    pd.testing.assert_frame_equal(exported, columns.for_export(again, columns.HOUR_GAPS, "en"))
