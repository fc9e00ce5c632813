"""One language at a time: in English, no page shows Bahasa text that bypassed the catalogue.

Every page runs in English (AppTest) and every text a reader sees is gathered: titles, markdown, captions,
messages, metric labels and values, widget labels and options, table headers, and each chart's names,
hovers, titles, axis and tick texts. None may hold a Bahasa category name, nor a word that only the
Bahasa side of the catalogue uses: such a word got there without ``t(...)`` (or with the wrong language),
in a page or in text built in ``analysis/``. Data itself (kelurahan, names, quoted report text, table
cells) is not judged.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from analysis import i18n
from analysis.data import schema
from analysis.data.reference import KECAMATAN, load_reference
from tests.test_pages import APP, registered_pages

WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
QUOTED = re.compile(r"“[^”]*”")
# Names that stay as they are in English: places, institutions, Polri units, ranks, channels, activities.
NAMES = """kamtibmas polsek polres blitar kota kelurahan kecamatan binaan bhabinkamtibmas nrp anev apel binmas
samapta sabhara reskrim intelkam lantas spkt aiptu bripka kompol iptu ipda akp ketupat lilin ramadan idul
fitri pilkada pemilu sensus bps kemendagri wilayah boundaries"""
PROPER = {
    *(w.lower() for name in (*schema.CHANNELS, *schema.UNITS, *schema.RANKS) for w in WORD.findall(name)),
    *(w.lower() for name in schema.ACTIVITIES for w in WORD.findall(name)),
    *(w.lower() for name in KECAMATAN for w in WORD.findall(name)),
    *NAMES.split(),
}


def bahasa_only_words() -> set[str]:
    """Words of the catalogue's Bahasa side that no English text uses (and that are not proper names)."""
    english = {w.lower() for _, en in i18n.STRINGS.values() for w in WORD.findall(en)}
    bahasa = {
        w.lower() for bh, _ in i18n.STRINGS.values() for w in WORD.findall(re.sub(r"\{[^}]*\}", "", bh))
    }
    return {w for w in bahasa - english - PROPER if len(w) > 3}


def category_names_in_bahasa() -> list[str]:
    categories = load_reference().categories
    return [c for c, en in zip(categories["category"], categories["name_en"], strict=True) if c != en]


def _figure_texts(spec: dict) -> list[str]:
    texts: list[str] = []
    for trace in spec.get("data", []):
        for field in ("name", "hovertemplate", "text", "customdata", "y", "x", "labels"):
            value = trace.get(field)
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                texts += [v for v in value if isinstance(v, str)]
    layout = spec.get("layout", {})
    texts += [json.dumps(layout.get("title", ""))]
    texts += [a.get("text", "") for a in layout.get("annotations", [])]
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            texts.append(json.dumps(axis.get("title", "")))
            texts += [str(v) for v in axis.get("ticktext", [])]
    return texts


def english_texts(page: str) -> list[str]:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"  # the language travels in the URL (ui.url_state)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    texts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "success",
        "error",
    ):
        texts += [str(e.value) for e in getattr(at, kind)]
    for metric in at.metric:
        texts += [metric.label, str(metric.value), str(metric.proto.delta)]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "button", "date_input", "text_input"):
        for widget in getattr(at, kind):
            texts.append(str(widget.proto.label))
            texts += [str(o) for o in getattr(widget.proto, "options", [])]
    for frame in at.dataframe:
        texts += [str(c) for c in frame.value.columns]
    for chart in at.get("plotly_chart"):
        texts += _figure_texts(json.loads(chart.proto.spec))
    return [QUOTED.sub("", text) for text in texts]


@pytest.mark.parametrize("page", [p for p in registered_pages() if p != "pages/data.py"] + ["pages/data.py"])
def test_english_pages_hold_no_bahasa_text(page):
    words = bahasa_only_words()
    categories = category_names_in_bahasa()
    leaks = []
    for text in english_texts(page):
        found = {w for w in WORD.findall(text) if w.lower() in words}
        found |= {c for c in categories if re.search(rf"(?<![\w]){re.escape(c)}(?![\w])", text)}
        if found:
            leaks.append((sorted(found), text[:160]))
    assert leaks == []


def test_the_check_would_catch_a_bahasa_leak():
    words = bahasa_only_words()
    assert {"laporan", "kunjungan", "sebagian"} <= words
    assert "Balap liar" in category_names_in_bahasa() and "Gedog".lower() not in words
