"""The briefing PDF's layout: a cover holding the week's key findings, no near-empty page, no bullet split
across pages, no heading left without its bullets (the sample data's last full week, both languages)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from analysis.data.dataset import load_dataset
from analysis.metrics.filters import Filters
from analysis.reports import briefing as brief
from analysis.reports import briefing_pdf
from analysis.reports.slides import slide_points

ROOT = Path(__file__).resolve().parent.parent
MIN_FILL = 0.25  # no page less than a quarter full


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(ROOT / "data")


def _briefing(dataset, lang):
    start, end = brief.last_full_week(dataset.last_date)
    return brief.build_briefing(dataset, Filters(start, end), lang)


def _pages(pdf) -> list[str]:
    reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_page_is_near_empty_and_the_cover_holds_the_key_findings(dataset, lang):
    b = _briefing(dataset, lang)
    pdf = briefing_pdf.build_pdf(b, pngs={})
    fill = briefing_pdf.page_fill(pdf)
    pages = _pages(pdf)
    assert len(fill) == len(pages) and min(fill) >= MIN_FILL, fill
    assert fill[0] >= 0.75, "the cover is nearly empty"
    for section in b.sections:
        first = slide_points(section.sentences)[0][0]
        assert " ".join(first.split())[:40] in pages[0], section.key


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_bullet_stays_on_one_page_and_each_heading_with_its_first_bullet(dataset, lang):
    b = _briefing(dataset, lang)
    pages = _pages(briefing_pdf.build_pdf(b, pngs={}))[1:]  # the narrative starts after the cover
    for section in b.sections:
        heading = next(i for i, text in enumerate(pages) if section.title.upper() in text)
        assert " ".join(section.sentences[0].split())[:40] in pages[heading], section.key
        for sentence in section.sentences:
            whole = " ".join(sentence.split())
            assert any(whole in text for text in pages), f"split across pages: {whole[:60]}"


def test_page_fill_reads_each_page_share():
    b = brief.Briefing(
        lang="id",
        start=None,
        end=None,
        title="Minggu",
        data_stamp="Data",
        scope="Semua",
        kelurahan=(),
        has_data=True,
        sections=(),
        channels=None,
        categories=None,
        prediction=None,
        priority=None,
    )
    pdf = briefing_pdf._BriefingPDF(b)
    pdf.add_page()
    pdf.set_y(pdf.t_margin + (pdf.page_break_trigger - pdf.t_margin) / 2)
    pdf.add_page()
    assert briefing_pdf.page_fill(pdf)[0] == pytest.approx(0.5, abs=0.01)
    assert briefing_pdf.page_fill(pdf)[1] < 0.1
