"""No raw message key ever reaches a user: every page (through app.py, both languages, every briefing step,
presentation mode too) and every export (CSV, Excel, the briefing PDF's text) is scanned for strings shaped
like a catalogue key (``briefing.col.stage``).

A key's shape: one of the catalogue's areas, a dot, and a second part the catalogue uses under that area
(``briefing.col``), optionally more dotted parts; or any exact catalogue key. File names (``data.csv``)
and Streamlit's widget ids are not text a user reads, so ids and keys of elements are not scanned.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from analysis import i18n
from analysis.data import export
from tests.test_pages import registered_pages

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EXCEL_ROWS = 300
SKIPPED_FIELDS = {
    "id",
    "formId",
    "key",
    "elementId",
    "fragmentId",
    "deltaPath",
    "scriptHash",
    "pageScriptHash",
}


def key_pattern() -> re.Pattern[str]:
    """``area.part(.more)*`` for every (area, part) pair the catalogue uses, and every exact key."""
    pairs = sorted({".".join(key.split(".")[:2]) for key in i18n.STRINGS if key.count(".") >= 1})
    heads = "|".join(re.escape(p) for p in sorted(pairs, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{heads})(?:\.[a-z0-9_]+)*(?![\w])")


KEY = key_pattern()


def raw_keys(text: str) -> list[str]:
    return [m.group(0) for m in KEY.finditer(str(text))]


def test_the_pattern_finds_keys_and_leaves_file_names_and_prose_alone():
    assert raw_keys("Kolom briefing.col.stage dan briefing.col.z") == ["briefing.col.stage", "briefing.col.z"]
    assert raw_keys("overview.title") == ["overview.title"]
    assert raw_keys("Unduh data.csv · 1.234 laporan · Polres Blitar Kota.") == []


def _strings(value, out: list[str]) -> None:
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in SKIPPED_FIELDS:
                _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    elif isinstance(value, str):
        out.append(value)


def _elements(node):
    children = getattr(node, "children", None)
    if children is not None:
        for child in children.values():
            yield from _elements(child)
    else:
        yield node


def screen_text(at: AppTest) -> list[str]:
    """Every string of every element the run drew (labels, options, markdown, charts, tables, map)."""
    texts: list[str] = []
    for element in _elements(at._tree):
        proto = getattr(element, "proto", None)
        if proto is not None and hasattr(proto, "DESCRIPTOR"):
            _strings(MessageToDict(proto), texts)
    for table in at.dataframe:
        frame = table.value
        texts += [str(c) for c in frame.columns] + frame.astype(str).to_numpy().ravel().tolist()
    return texts


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[str, pd.DataFrame]]:
    """The tables every page offers for download (CSV/Excel), caught when the page draws the buttons."""
    from ui import widgets

    caught: list[tuple[str, pd.DataFrame]] = []
    original = widgets.table_downloads

    def record(frame, name, key, places, *rest):
        caught.append((name, frame() if callable(frame) else frame))
        return original(frame, name, key, places, *rest)

    monkeypatch.setattr(widgets, "table_downloads", record)
    return caught


def export_text(frame: pd.DataFrame) -> list[str]:
    """The CSV's text and the Excel workbook's cells. The whole data set's download (the Data page) has
    the same cells in both, so its workbook is built from its first rows: the headers are what differ."""
    csv = export.to_csv_bytes(frame).decode("utf-8-sig")
    workbook = export.to_excel_bytes(frame.head(EXCEL_ROWS))
    book = pd.read_excel(io.BytesIO(workbook), sheet_name=None, dtype=str)
    cells = [csv]
    for sheet in book.values():
        cells += [str(c) for c in sheet.columns] + sheet.astype(str).to_numpy().ravel().tolist()
    return cells


def _run_page(page: str, lang: str) -> list[AppTest]:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page(page).run()
    if lang != "id":
        at.session_state["lang"] = lang
        at.run()
    runs = [screen_text(at)]
    if page == "pages/briefing.py":  # every step, then presentation mode
        for _ in range(4):
            nxt = [b for b in at.button if b.key == "briefing_next"]
            if not nxt or nxt[0].disabled:
                break
            nxt[0].click().run()
            runs.append(screen_text(at))
        at.query_params["presentasi"] = "1"
        at.run()
        runs.append(screen_text(at))
    assert not at.exception, at.exception
    return runs


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", registered_pages())
def test_no_page_and_no_table_download_shows_a_raw_key(page, lang, downloads):
    found = []
    for texts in _run_page(page, lang):
        found += [key for text in texts for key in raw_keys(text)]
    for name, frame in downloads:
        found += [f"{name}: {key}" for text in export_text(frame) for key in raw_keys(text)]
    assert sorted(set(found)) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_briefing_pdf_and_its_tables_show_no_raw_key(lang):
    from analysis.data.dataset import load_dataset
    from analysis.metrics.filters import Filters
    from analysis.reports import briefing as brief
    from analysis.reports.briefing_pdf import briefing_pdf_bytes
    from ui import columns

    ds = load_dataset(ROOT / "data")
    start, end = brief.last_full_week(ds.last_date)
    b = brief.build_briefing(ds, Filters(start, end), lang)
    pdf = PdfReader(io.BytesIO(briefing_pdf_bytes(b, pngs={})))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    found = raw_keys(text)
    for name in ("channels", "categories", "prediction", "priority"):
        found += [
            key
            for cell in export_text(
                columns.for_export(getattr(b, name), columns.briefing(getattr(b, name)), lang)
            )
            for key in raw_keys(cell)
        ]
    assert sorted(set(found)) == []
