"""The briefing as a PDF (fpdf2) and its charts as PNG (kaleido, which drives Debian's Chromium).

Pages: a cover with the period, scope, data stamp, three key figures and the week's key findings (each
topic's first slide points); the narrative (fakta, analisa, prediksi, rekomendasi), where a bullet is never
split across pages and a heading never ends a page without its first bullets; the patrol priority table;
the charts, two to a page (without Chromium, the note saying so follows the table). ``page_fill(pdf)``
tells how full each page is. DejaVu Sans is used when the
system has it (fonts-dejavu-core), so "–", "≥" and "→" print; otherwise the core Helvetica font with the
text folded to Latin-1. Without Chromium the PDF still builds and says the charts could not be drawn.
"""

from __future__ import annotations

import io
import shutil
import threading
import warnings
from pathlib import Path
from typing import cast

import plotly.graph_objects as go
from fpdf import FPDF
from fpdf.fonts import FontFace
from PIL import Image

from analysis.data.reference import POLRES
from analysis.i18n import fmt_date, fmt_int, t
from analysis.metrics.priority import PRIORITY_COLUMNS, RECENT_DAYS, ranked
from analysis.reports.briefing import FIG_HEIGHT, FIG_WIDTH, Briefing, briefing_figures
from analysis.reports.slides import slide_points

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
LATIN1_FOLD = {"–": "-", "—": "-", "“": '"', "”": '"', "’": "'", "→": "->", "≥": ">=", "…": "...", "•": "-"}
NAVY = (11, 61, 145)
INK = (17, 17, 17)
MUTED = (80, 80, 80)
CHART_MM = 186.0
ZEBRA = (236, 241, 250)
PDF_PRIORITY_ROWS = 10  # one page; the full list is on the page's CSV/Excel download
COVER_POINTS = 2  # key findings per topic on the cover
KEEP_WITH_HEADING = 2  # a heading starts a new page unless this many of its bullets fit under it

_kaleido_lock = threading.Lock()
_kaleido_started = False


def chromium_path() -> str | None:
    """Where a Chrome/Chromium for kaleido lives, or None (then no PNG can be made)."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def figure_png(fig: go.Figure, width: int = FIG_WIDTH, height: int | None = None) -> bytes:
    """The figure as PNG bytes. Starts kaleido's browser once per process (≈ 5 s), then ≈ 0.3 s a chart."""
    global _kaleido_started
    import kaleido

    with _kaleido_lock:
        if not _kaleido_started:
            kaleido.start_sync_server(silence_warnings=True)
            _kaleido_started = True
        with warnings.catch_warnings():  # plotly warns that kaleido's server ignores per-call options
            warnings.simplefilter("ignore", UserWarning)
            return fig.to_image(format="png", width=width, height=height or fig.layout.height or FIG_HEIGHT)


def render_pngs(figures: dict[str, go.Figure]) -> dict[str, bytes]:
    """Every figure as PNG; empty when there is no Chromium or kaleido fails (the PDF then says so)."""
    if chromium_path() is None:
        return {}
    try:
        return {name: figure_png(fig) for name, fig in figures.items()}
    except Exception:  # a missing or broken browser must not stop the PDF
        return {}


class _BriefingPDF(FPDF):
    def __init__(self, briefing: Briefing) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.briefing = briefing
        self.unicode = (DEJAVU_DIR / "DejaVuSans.ttf").exists() and (
            DEJAVU_DIR / "DejaVuSans-Bold.ttf"
        ).exists()
        if self.unicode:
            self.add_font("DejaVu", "", str(DEJAVU_DIR / "DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", str(DEJAVU_DIR / "DejaVuSans-Bold.ttf"))
        self.family = "DejaVu" if self.unicode else "Helvetica"
        self.set_margins(12, 14, 12)
        self.set_auto_page_break(True, margin=16)
        self.set_title(self.clean(f"{t('briefing.doc_title', briefing.lang)} {briefing.title}"))
        self.set_creator("Dasbor Kamtibmas")
        self.used: dict[int, float] = {}  # page number -> lowest y written on it (mm)

    def add_page(self, *args, **kwargs) -> None:
        if self.page:
            self.used[self.page] = max(self.used.get(self.page, 0.0), self.get_y())
        super().add_page(*args, **kwargs)

    def room(self) -> float:
        """Height left on this page above the bottom margin (mm)."""
        return self.page_break_trigger - self.get_y()

    def clean(self, value: str) -> str:
        if self.unicode:
            return value
        for char, plain in LATIN1_FOLD.items():
            value = value.replace(char, plain)
        return value.encode("latin-1", "replace").decode("latin-1")

    def style(self, size: float, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*colour)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        b = self.briefing
        self.style(9, colour=MUTED)
        self.cell(
            0, 5, self.clean(f"{t('briefing.doc_title', b.lang)} · {b.title} · {b.scope}"), new_x="LMARGIN"
        )
        self.cell(0, 5, self.clean(b.data_stamp), align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*NAVY)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)

    def footer(self) -> None:
        self.set_y(-12)
        self.style(9, colour=MUTED)
        page = t("briefing.pdf.page", self.briefing.lang, page=self.page_no(), pages="{nb}")
        self.cell(0, 6, self.clean(page), align="C")

    def paragraph_height(self, value: str, size: float = 11.5, indent: float = 0) -> float:
        self.style(size)
        lines: list[str] = cast(  # output="LINES" gives the lines; fpdf2 types every kind of output
            list,
            self.multi_cell(
                self.epw - indent, size * 0.55, self.clean(value), align="L", dry_run=True, output="LINES"
            ),
        )
        return len(lines) * size * 0.55 + 1.5

    def paragraph(self, value: str, size: float = 11.5, indent: float = 0) -> None:
        """One paragraph, never split across pages: it moves whole to the next page when it does not fit."""
        if self.paragraph_height(value, size, indent) > self.room():
            self.add_page()
        self.set_x(self.l_margin + indent)
        self.style(size)
        text = self.clean(value)
        self.multi_cell(self.epw - indent, size * 0.55, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)


def _cover(pdf: _BriefingPDF) -> None:
    b, lang = pdf.briefing, pdf.briefing.lang
    pdf.add_page()
    pdf.set_fill_color(*NAVY)
    pdf.rect(0, 0, pdf.w, 52, style="F")
    pdf.set_y(14)
    pdf.style(30, bold=True, colour=(255, 255, 255))
    pdf.cell(0, 14, pdf.clean(t("briefing.doc_title", lang).upper()), new_x="LMARGIN", new_y="NEXT")
    pdf.style(16, colour=(255, 255, 255))
    pdf.cell(0, 9, pdf.clean(POLRES), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(62)
    pdf.style(24, bold=True)
    pdf.multi_cell(0, 11, pdf.clean(b.title), new_x="LMARGIN", new_y="NEXT")
    pdf.style(14, colour=MUTED)
    pdf.multi_cell(0, 8, pdf.clean(b.scope), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, pdf.clean(b.data_stamp), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.style(16, bold=True, colour=NAVY)
    pdf.cell(0, 10, pdf.clean(t("briefing.pdf.key_figures", lang)), new_x="LMARGIN", new_y="NEXT")
    first = ranked(b.priority, 1)
    figures = [
        (t("briefing.pdf.kf_patrols", lang), fmt_int(b.patrol_count, lang)),
        (t("briefing.pdf.kf_valid", lang), fmt_int(b.valid_count, lang)),
        (t("briefing.pdf.kf_priority", lang), first["kelurahan"].iloc[0] if len(first) else "–"),
    ]
    box = pdf.epw / 3
    y = pdf.get_y()
    for i, (label, value) in enumerate(figures):
        x = pdf.l_margin + i * box
        pdf.set_draw_color(*NAVY)
        pdf.rect(x + 1, y, box - 2, 30)
        pdf.set_xy(x + 1, y + 4)
        pdf.style(22, bold=True)
        pdf.cell(box - 2, 14, pdf.clean(value), align="C")
        pdf.set_xy(x + 1, y + 18)
        pdf.style(11, colour=MUTED)
        pdf.cell(box - 2, 8, pdf.clean(label), align="C")
    pdf.set_y(y + 36)
    _key_findings(pdf)


def _key_findings(pdf: _BriefingPDF) -> None:
    """The week's key findings on the cover: each topic's first slide points, as many as the page holds."""
    b, lang = pdf.briefing, pdf.briefing.lang
    bullet = "•" if pdf.unicode else "-"
    pdf.style(16, bold=True, colour=NAVY)
    pdf.cell(0, 10, pdf.clean(t("present.pdf.findings", lang)), new_x="LMARGIN", new_y="NEXT")
    for section in b.sections:
        points = slide_points(section.sentences)[0][:COVER_POINTS]
        if not points:
            continue
        if points[0].endswith(":") and len(points) > 1:  # an introduction stays with what it introduces
            points = (f"{points[0]} {points[1]}", *points[2:])
        first = pdf.paragraph_height(f"{bullet} {points[0]}", 10, 2)
        if 7 + first > pdf.room():
            break
        pdf.style(11.5, bold=True, colour=NAVY)
        pdf.cell(0, 7, pdf.clean(section.title), new_x="LMARGIN", new_y="NEXT")
        for point in points:
            if pdf.paragraph_height(f"{bullet} {point}", 10, 2) > pdf.room():
                return
            pdf.paragraph(f"{bullet} {point}", size=10, indent=2)


def _narrative(pdf: _BriefingPDF) -> None:
    pdf.add_page()
    bullet = "•" if pdf.unicode else "-"
    for section in pdf.briefing.sections:
        # A heading stays with its first bullets: with too little room for them, it starts the next page.
        first = section.sentences[:KEEP_WITH_HEADING]
        needed = 10 + sum(pdf.paragraph_height(f"{bullet} {s}", indent=2) for s in first)
        if needed > pdf.room():
            pdf.add_page()
        pdf.style(17, bold=True, colour=NAVY)
        pdf.cell(0, 10, pdf.clean(section.title.upper()), new_x="LMARGIN", new_y="NEXT")
        for sentence in section.sentences:
            pdf.paragraph(f"{bullet} {sentence}", indent=2)
        pdf.ln(3)


def _priority(pdf: _BriefingPDF) -> None:
    b, lang = pdf.briefing, pdf.briefing.lang
    pdf.add_page()
    pdf.style(17, bold=True, colour=NAVY)
    pdf.cell(0, 10, pdf.clean(t("briefing.pdf.priority", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.paragraph(t("briefing.pdf.priority_note", lang, days=RECENT_DAYS, end=fmt_date(b.end, lang)), size=10)
    rows = ranked(b.priority, PDF_PRIORITY_ROWS)
    if rows.empty:
        pdf.paragraph(t("briefing.pdf.no_priority", lang, days=RECENT_DAYS))
        return
    columns = [c for c in PRIORITY_COLUMNS if c != "score"]  # the score is for sorting, not for reading
    pdf.style(9)
    with pdf.table(
        col_widths=(9, 27, 18, 9, 17, 15, 16, 75),
        text_align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER", "LEFT"),
        headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY),
        line_height=4.8,
        padding=1.2,
    ) as table:
        header = table.row()
        for column in columns:
            header.cell(pdf.clean(t(f"briefing.col.{column}", lang)))
        for i, (_, record) in enumerate(rows.iterrows()):
            # Each cell carries its own fill: a table-wide fill would reuse the headings' navy here.
            face = FontFace(color=INK, fill_color=ZEBRA if i % 2 else (255, 255, 255))
            row = table.row()
            for column in columns:
                value = record[column]
                text = str(value) if column in ("kelurahan", "reason") else fmt_int(value, lang)
                row.cell(pdf.clean(text), style=face)


def _charts(pdf: _BriefingPDF, pngs: dict[str, bytes]) -> None:
    if pngs:  # the charts start a page; the note of their absence follows the narrative
        pdf.add_page()
    else:
        pdf.ln(4)
    pdf.style(17, bold=True, colour=NAVY)
    pdf.cell(0, 10, pdf.clean(t("briefing.pdf.charts", pdf.briefing.lang)), new_x="LMARGIN", new_y="NEXT")
    if not pngs:
        pdf.paragraph(t("briefing.pdf.no_charts", pdf.briefing.lang))
        return
    for name, png in pngs.items():
        with Image.open(io.BytesIO(png)) as image:
            height = CHART_MM * image.height / image.width
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=CHART_MM, h=height, alt_text=name)
        pdf.ln(4)


def build_pdf(briefing: Briefing, pngs: dict[str, bytes] | None = None) -> FPDF:
    """The briefing laid out as an ``FPDF`` document; ``pngs`` are the charts (rendered here if None)."""
    if pngs is None:
        pngs = render_pngs(briefing_figures(briefing))
    pdf = _BriefingPDF(briefing)
    _cover(pdf)
    _narrative(pdf)
    if not pngs:
        _charts(pdf, pngs)
    _priority(pdf)
    if pngs:
        _charts(pdf, pngs)
    return pdf


def page_fill(pdf: _BriefingPDF) -> list[float]:
    """How full each page of a built document is: the share (0–1) of its writable height used."""
    used = {**pdf.used, pdf.page: max(pdf.used.get(pdf.page, 0.0), pdf.get_y())}
    height = pdf.page_break_trigger - pdf.t_margin
    return [
        round(min(max((used.get(n, 0.0) - pdf.t_margin) / height, 0.0), 1.0), 3)
        for n in range(1, pdf.page + 1)
    ]


def briefing_pdf_bytes(briefing: Briefing, pngs: dict[str, bytes] | None = None) -> bytes:
    """The briefing PDF as bytes (for a download button or a file)."""
    return bytes(build_pdf(briefing, pngs).output())
