"""The weekly briefing: narrative, patrol priority, figures, PDF and CLI, on small hand-written data files.

Data is written as contract CSVs and read back through the real loader, so the frames have exactly the
clean shape the app sees. The busy week (19–25 May 2025, ISO week 21) has a Curanmor surge in Sentul with
no patrol there; the quiet week has one ordinary report, as every week before it.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from analysis.__main__ import main
from analysis.data.dataset import Dataset, load_dataset
from analysis.data.schema import columns
from analysis.metrics.filters import Filters
from analysis.metrics.priority import complaint_weights, patrol_priority, ranked
from analysis.reports import briefing as brief
from analysis.reports import briefing_pdf
from tests import frames

WEEK = Filters(start=date(2025, 5, 19), end=date(2025, 5, 25))
PHONE = "0812-3456-7890"
PHONE_DIGITS = "081234567890"
NIK = "3572011234567890"
OFFICERS = [
    {"nrp": "1001", "name": "Roziek Mustofa", "rank": "Aiptu", "unit": "Binmas", "assigned_kelurahan": ""},
    {
        "nrp": "2002",
        "name": "Dewi Lestari",
        "rank": "Bripka",
        "unit": "Bhabinkamtibmas",
        "assigned_kelurahan": "Gedog",
    },
    {
        "nrp": "3003",
        "name": "Agus Salim",
        "rank": "Brigpol",
        "unit": "Bhabinkamtibmas",
        "assigned_kelurahan": "Sentul",
    },
]


def patrol(day: date, kelurahan: str, nrp: str = "1001", **extra: object) -> dict:
    leader = next(o for o in OFFICERS if o["nrp"] == nrp)
    return {
        "date": day.isoformat(),
        "start_time": "08:00",
        "end_time": "09:30",
        "kelurahan": kelurahan,
        "activity": "Patroli Dialogis",
        "unit": leader["unit"],
        "leader_nrp": nrp,
        "leader_name": leader["name"],
        "leader_rank": leader["rank"],
        "personnel_count": "3",
    } | {k: str(v) for k, v in extra.items()}


def complaint(day: date, kelurahan: str, category: str, hour: int = 10, **extra: object) -> dict:
    """One report; ``hour`` keeps otherwise identical reports apart (the loader drops exact duplicates)."""
    return {
        "received_at": f"{day.isoformat()} {hour:02d}:00",
        "channel": "WhatsApp #LaporPakKapolres",
        "kelurahan": kelurahan,
        "category": category,
        "status": "Diproses",
        "description": f"Laporan {category.lower()} dari warga",
    } | {k: str(v) for k, v in extra.items()}


def write_data(directory: Path, patrols: list[dict], complaints: list[dict]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for kind, rows in (("patrols", patrols), ("complaints", complaints), ("officers", OFFICERS)):
        with (directory / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns(kind), extrasaction="raise")
            writer.writeheader()
            writer.writerows(rows)
    return directory


def busy_rows() -> tuple[list[dict], list[dict]]:
    monday = WEEK.start
    patrols = [
        patrol(monday - timedelta(days=7), "Sentul"),
        patrol(monday - timedelta(days=6), "Gedog", "2002"),
    ]
    patrols += [patrol(monday, "Gedog"), patrol(monday + timedelta(days=2), "Gedog", "2002")]
    complaints = [complaint(monday - timedelta(days=5), "Gedog", "Pencurian")]
    complaints += [
        complaint(monday + timedelta(days=i % 7), "Sentul", "Curanmor", hour=8 + i) for i in range(8)
    ]
    complaints += [
        complaint(
            monday + timedelta(days=1),
            "Kauman",
            "Lainnya",
            hour=h,
            channel="Call Center 110",
            status="Tidak Valid",
        )
        for h in (1, 2)
    ]
    complaints.append(complaint(monday + timedelta(days=3), "Gedog", "Keresahan sosial"))
    # The heaviest and newest report, so it is quoted under "Laporan menonjol": personal data planted.
    complaints.append(
        complaint(
            WEEK.end,
            "Sentul",
            "Curanmor",
            hour=23,
            description=f"Motor hilang di depan warung, hubungi Bu Siti {PHONE} atau NIK {NIK} segera",
            reporter_name="Siti Aminah",
            reporter_phone=PHONE_DIGITS,
        )
    )
    return patrols, complaints


@pytest.fixture(scope="module")
def busy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_data(tmp_path_factory.mktemp("busy"), *busy_rows())


@pytest.fixture(scope="module")
def busy(busy_dir: Path) -> Dataset:
    return load_dataset(busy_dir)


@pytest.fixture(scope="module")
def quiet(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    weeks = [WEEK.start - timedelta(days=7 * k) for k in range(4)]
    patrols = [patrol(m + timedelta(days=1), "Gedog", "2002") for m in weeks]
    patrols += [patrol(m + timedelta(days=2), "Sentul", "3003") for m in weeks]
    complaints = [complaint(m + timedelta(days=3), "Gedog", "Keresahan sosial") for m in weeks]
    return load_dataset(write_data(tmp_path_factory.mktemp("quiet"), patrols, complaints))


def sentences(b: brief.Briefing, key: str) -> str:
    return "\n".join(b.section(key).sentences)


# --- period ------------------------------------------------------------------------------------------------


def test_period_title_uses_the_iso_week_number() -> None:
    assert brief.period_title(date(2025, 5, 26), date(2025, 6, 1)) == "Minggu ke-22: 26 Mei – 1 Jun 2025"
    assert brief.period_title(date(2024, 12, 30), date(2025, 1, 5), "en").startswith("Week 1: ")
    assert brief.period_title(date(2025, 5, 20), date(2025, 5, 26)) == "Periode 20–26 Mei 2025"


def test_default_week_is_the_last_full_week_and_a_period_past_the_data_is_empty(busy: Dataset) -> None:
    assert busy.last_date == date(2025, 5, 25)
    weeks = brief.briefing_weeks(Filters(date(2025, 4, 1), date(2025, 5, 25)), busy.last_date)
    assert weeks[0] == (WEEK.start, WEEK.end)
    later = brief.briefing_weeks(Filters(date(2025, 7, 1), date(2025, 7, 9)), busy.last_date)
    assert later == [(date(2025, 6, 30), date(2025, 7, 6))]
    assert not brief.build_briefing(busy, Filters(*later[0])).has_data


# --- narrative ---------------------------------------------------------------------------------------------


def test_busy_week_header_and_facts(busy: Dataset) -> None:
    b = brief.build_briefing(busy, WEEK)
    assert b.title == "Minggu ke-21: 19–25 Mei 2025"
    assert b.data_stamp == "Data s.d. 25 Mei 2025"
    assert [s.key for s in b.sections] == ["fakta", "analisa", "prediksi", "rekomendasi"]
    fakta = sentences(b, "fakta")
    assert "tercatat 2 kegiatan patroli di 1 dari 21 kelurahan, dengan 6 personel" in fakta
    assert "Durasi tercatat 3,0 jam dari 2 kegiatan" in fakta
    assert "Masuk 12 laporan masyarakat: 10 valid dan 2 tidak valid." in fakta
    assert "WhatsApp #LaporPakKapolres 10 dan Call Center 110 2 (2 tidak valid)" in fakta
    assert "Curanmor 9 (GN)" in fakta
    assert "9 dari 10 laporan valid tergolong gangguan nyata (GN)." in fakta


def test_busy_week_analysis_finds_the_surge_the_gap_and_the_silent_officer(busy: Dataset) -> None:
    analisa = sentences(brief.build_briefing(busy, WEEK), "analisa")
    assert "Laporan valid: 10 dibanding 1 pada 12–18 Mei 2025; naik bermakna" in analisa
    assert "Curanmor 0 → 9 (naik bermakna)" in analisa
    assert "tanpa patroli selama periode ini: Sentul (9 laporan)." in analisa
    assert "20 dari 21 kelurahan tidak dikunjungi patroli" in analisa
    assert (
        "Hari tanpa satu pun laporan kegiatan patroli: 20 Mei, 22 Mei, 23 Mei, 24 Mei dan 25 Mei." in analisa
    )
    # 3003 (Bhabinkamtibmas of Sentul) has never reported: an alert, named by unit and kelurahan only.
    assert "Bhabinkamtibmas 1 (binaan Sentul)" in analisa
    assert "Agus" not in analisa


def test_busy_week_forecast_and_recommendation(busy: Dataset) -> None:
    b = brief.build_briefing(busy, WEEK)
    prediksi = sentences(b, "prediksi")
    # The data starts on 12 May: two weeks of history, 10 + 1 valid reports -> 5.5 a week.
    assert "sekitar 5,5 laporan valid; wajarnya antara 2 dan 10" in prediksi
    assert "rata-rata 2 minggu terakhir" in prediksi
    assert "Curanmor sekitar 4,5 (1–8)" in prediksi
    rekomendasi = sentences(b, "rekomendasi")
    assert (
        "1. Sentul: 9 laporan valid dalam 28 hari (terberat: Curanmor); 9 di antaranya gangguan nyata"
        in rekomendasi
    )
    assert "Angkat topik Curanmor dalam patroli dialogis karena naik bermakna." in rekomendasi


def test_quiet_week_says_nothing_changed(quiet: Dataset) -> None:
    b = brief.build_briefing(quiet, WEEK)
    analisa = sentences(b, "analisa")
    assert "Laporan valid: 1 dibanding 1 pada 12–18 Mei 2025; dalam batas wajar (z = 0,0)." in analisa
    assert "Tidak ada kategori yang berubah bermakna" in analisa
    assert "bermakna:" not in analisa
    prediksi = sentences(b, "prediksi")
    assert "sekitar 1,0 laporan valid; wajarnya antara 0 dan 3" in prediksi
    assert "Per kategori: Keresahan sosial sekitar 1,0 (0–3)." in prediksi
    rekomendasi = sentences(b, "rekomendasi")
    assert "Angkat topik" not in rekomendasi
    assert "1. Gedog: 4 laporan valid dalam 28 hari (terberat: Keresahan sosial); 4 patroli" in rekomendasi


def test_week_without_reports_is_said_honestly(quiet: Dataset) -> None:
    no_reports = replace(quiet, complaints=quiet.complaints.iloc[0:0])
    b = brief.build_briefing(no_reports, WEEK)
    assert b.has_data
    assert "Tidak ada laporan masyarakat yang masuk selama 19–25 Mei 2025." in sentences(b, "fakta")
    assert "tidak ada dasar untuk mengharapkan laporan" in sentences(b, "prediksi")
    assert sentences(b, "rekomendasi").startswith("Tidak ada kelurahan dengan laporan valid dalam 28 hari")
    assert ranked(b.priority).empty


def test_english_briefing(busy: Dataset) -> None:
    b = brief.build_briefing(busy, WEEK, "en")
    assert b.title == "Week 21: 19–25 May 2025"
    # the category in its English name (categories.csv name_en): one language at a time
    assert "Vehicle theft 0 → 9 (significant rise)" in sentences(b, "analisa") or "Vehicle theft 0 → 9 (" in (
        sentences(b, "analisa")
    )
    assert sentences(b, "rekomendasi").startswith("Prioritise next week's patrols in these")
    every_text = "\n".join(s for sec in b.sections for s in sec.sentences)
    every_text += " ".join(b.categories["category"]) + " ".join(b.prediction["category"])
    every_text += " ".join(str(r) for r in b.priority["reason"])
    assert "Curanmor" not in every_text and "Vehicle theft" in b.colours


def test_kelurahan_scope(busy: Dataset) -> None:
    b = brief.build_briefing(busy, replace(WEEK, kelurahan=("Gedog",)))
    assert b.scope == "Kelurahan: Gedog"
    assert "tercatat 2 kegiatan patroli di 1 dari 1 kelurahan" in sentences(b, "fakta")
    assert "Sentul" not in "\n".join(s for sec in b.sections for s in sec.sentences)


def test_no_personal_data_in_the_narrative(busy: Dataset) -> None:
    b = brief.build_briefing(busy, WEEK)
    text = "\n".join(s for sec in b.sections for s in sec.sentences)
    assert "Motor hilang di depan warung" in text  # the description is there ...
    for secret in ("Siti Aminah", PHONE, PHONE_DIGITS, "3456", NIK):
        assert secret not in text  # ... without the phone, the NIK or the reporter
    notable = next(s for s in b.section("fakta").sentences if s.startswith("Laporan menonjol"))
    quoted = [part.split("“")[1].split("”")[0] for part in notable.split("; ") if "“" in part]
    assert quoted and all(len(q) <= brief.NOTABLE_CHARS for q in quoted)


# --- priority ----------------------------------------------------------------------------------------------


def test_priority_ranks_by_weighted_pressure_against_patrols(busy: Dataset) -> None:
    window = Filters(start=WEEK.end - timedelta(days=27), end=WEEK.end)
    complaints = busy.complaints.loc[busy.complaints["received_at"] >= pd.Timestamp(window.start)]
    patrols = busy.patrols.loc[busy.patrols["date"] >= pd.Timestamp(window.start)]
    table = patrol_priority(
        complaints, patrols, busy.reference.categories, ["Gedog", "Sentul", "Kauman"], WEEK.end
    )
    rows = table.set_index("kelurahan")
    # Sentul: 9 Curanmor (GN 3 x urgency 3 = 9 each) = 81, one patrol (12 May) -> 81 / 2.
    assert rows.loc["Sentul", "pressure"] == 81 and rows.loc["Sentul", "score"] == pytest.approx(40.5)
    # Gedog: Pencurian (GN 3 x 3 = 9) + Keresahan sosial (PG 1 x 1 = 1) = 10, three patrols -> 10 / 4.
    assert rows.loc["Gedog", "pressure"] == 10 and rows.loc["Gedog", "score"] == pytest.approx(2.5)
    assert rows.loc["Gedog", "days_since_patrol"] == 4
    # Kauman only had invalid reports: no pressure, not ranked.
    assert rows.loc["Kauman", "pressure"] == 0 and pd.isna(rows.loc["Kauman", "rank"])
    assert table["kelurahan"].tolist()[:2] == ["Sentul", "Gedog"]
    assert rows.loc["Sentul", "reason"].endswith("1 patroli, terakhir 12 Mei.")


def test_priority_tie_is_broken_by_name_and_weights_follow_the_reference(reference) -> None:
    complaints = frames.complaints(
        kelurahan=["Sentul", "Bendo"], category=["Miras", "Miras"], received_at=["2025-05-20", "2025-05-21"]
    )
    patrols = frames.patrols()
    table = patrol_priority(complaints, patrols, reference.categories, ["Sentul", "Bendo"], WEEK.end, "en")
    assert table["kelurahan"].tolist() == ["Bendo", "Sentul"]
    assert table["rank"].tolist() == [1, 2]
    assert table["pressure"].tolist() == [4, 4]  # Miras: AG (2) x urgency 2
    assert table["reason"].iloc[0] == "1 valid report in 28 days (heaviest: Miras); no patrol in 28 days."
    assert complaint_weights(complaints, reference.categories).tolist() == [4, 4]


def test_poisson_range_hand_computed() -> None:
    # Poisson(1): P(0) = 0.368 >= 0.05; P(X <= 2) = 0.920 < 0.95 <= P(X <= 3) = 0.981.
    assert brief.poisson_range(1.0) == (0, 3)
    assert brief.poisson_range(0.0) == (0, 0)
    low, high = brief.poisson_range(20.0)
    assert (low, high) == (13, 28)


# --- figures -----------------------------------------------------------------------------------------------


def test_figures_are_large_and_use_the_category_colours(busy: Dataset, reference) -> None:
    b = brief.build_briefing(busy, WEEK)
    figures = brief.briefing_figures(b)
    assert list(figures) == ["channels", "categories", "prediction", "priority"]
    for fig in figures.values():
        assert fig.layout.font.size >= 20 and fig.layout.title.font.size >= 28
    current = figures["categories"].data[1]
    colours = reference.category_colours()
    assert dict(zip(current.y, current.marker.color, strict=True))["Curanmor"] == colours["Curanmor"]
    assert list(figures["priority"].data[0].y)[-1] == "1. Sentul"


def test_empty_briefing_figures_say_so(quiet: Dataset) -> None:
    empty = brief.build_briefing(quiet, Filters(date(2030, 1, 7), date(2030, 1, 13)))
    for fig in brief.briefing_figures(empty).values():
        assert fig.layout.annotations[0].text == "Tidak ada data untuk periode ini"


# --- PDF and PNG -------------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> list[str]:
    import io

    # Justified lines come out with doubled spaces: compare on single-spaced text.
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_pages_names_and_no_phone(busy: Dataset) -> None:
    b = brief.build_briefing(busy, WEEK)
    pages = pdf_text(briefing_pdf.briefing_pdf_bytes(b, pngs={}))
    # cover, the narrative (one or two pages) closing with the note that charts could not be drawn, the
    # priority table
    assert 3 <= len(pages) <= 4
    assert "BRIEFING KAMTIBMAS" in pages[0] and "Minggu ke-21: 19–25 Mei 2025" in pages[0]
    narrative = " ".join(pages[1:-1])
    headings = [narrative.index(h) for h in ("FAKTA", "ANALISA", "PREDIKSI", "REKOMENDASI")]
    assert headings == sorted(headings)
    assert "Daftar prioritas patroli" in pages[-1] and "Sentul" in pages[-1] and "Gedog" in pages[-1]
    assert "Chromium tidak ditemukan" in pages[-2]
    everything = "\n".join(pages)
    for secret in ("Siti Aminah", PHONE, PHONE_DIGITS, "3456-7890", NIK):
        assert secret not in everything


def test_pdf_without_dejavu_folds_to_latin1(
    busy: Dataset, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(briefing_pdf, "DEJAVU_DIR", tmp_path)
    pages = pdf_text(briefing_pdf.briefing_pdf_bytes(brief.build_briefing(busy, WEEK), pngs={}))
    assert "Minggu ke-21: 19-25 Mei 2025" in pages[0]
    assert "Curanmor 0 -> 9" in "\n".join(pages[1:-1])


needs_chromium = pytest.mark.skipif(
    briefing_pdf.chromium_path() is None, reason="kaleido needs a Chrome/Chromium; none is installed here"
)


@needs_chromium
def test_png_export_and_pdf_charts(busy: Dataset) -> None:
    b = brief.build_briefing(busy, WEEK)
    png = briefing_pdf.figure_png(brief.figure_priority(b))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    pngs = briefing_pdf.render_pngs(brief.briefing_figures(b))
    assert set(pngs) == {"channels", "categories", "prediction", "priority"}
    import io

    reader = PdfReader(io.BytesIO(briefing_pdf.briefing_pdf_bytes(b, pngs)))
    assert sum(len(page.images) for page in reader.pages) == 4


# --- command line ------------------------------------------------------------------------------------------


@pytest.fixture
def no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI tests check the command, not kaleido (tested above): skip the 5 s browser start."""
    monkeypatch.setattr(briefing_pdf, "render_pngs", lambda figures: {})


def test_cli_writes_the_pdf_and_says_where(busy_dir: Path, tmp_path: Path, no_charts, capsys) -> None:
    out = tmp_path / "senin" / "briefing.pdf"
    code = main(
        [
            "briefing",
            "--start",
            "2025-05-19",
            "--end",
            "2025-05-25",
            "--data-dir",
            str(busy_dir),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert str(out.resolve()) in capsys.readouterr().out
    text = "\n".join(pdf_text(out.read_bytes()))
    assert "Sentul" in text and "Gedog" in text
    assert PHONE not in text and PHONE_DIGITS not in text and "Siti" not in text


def test_cli_kelurahan_option(busy_dir: Path, tmp_path: Path, no_charts) -> None:
    out = tmp_path / "gedog.pdf"
    args = [
        "briefing",
        "--start",
        "2025-05-19",
        "--end",
        "2025-05-25",
        "--kelurahan",
        "Gedog",
        "--data-dir",
        str(busy_dir),
    ]
    assert main([*args, "--out", str(out)]) == 0
    assert "Kelurahan: Gedog" in pdf_text(out.read_bytes())[0]


def test_cli_period_without_data_exits_1(busy_dir: Path, tmp_path: Path, no_charts, capsys) -> None:
    out = tmp_path / "kosong.pdf"
    code = main(
        [
            "briefing",
            "--start",
            "2030-01-06",
            "--end",
            "2030-01-12",
            "--data-dir",
            str(busy_dir),
            "--out",
            str(out),
        ]
    )
    assert code == 1
    assert "Tidak ada data patroli maupun laporan untuk 6–12 Jan 2030" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--start", "2025-05-25", "--end", "2025-05-19"], "sesudah tanggal akhir"),
        (
            ["--start", "2025-05-19", "--end", "2025-05-25", "--kelurahan", "Atlantis"],
            "Kelurahan tidak dikenal: Atlantis",
        ),
    ],
)
def test_cli_bad_input_exits_2(
    busy_dir: Path, tmp_path: Path, no_charts, capsys, extra: list[str], message: str
) -> None:
    code = main(["briefing", *extra, "--data-dir", str(busy_dir), "--out", str(tmp_path / "x.pdf")])
    assert code == 2
    assert message in capsys.readouterr().err


def test_cli_missing_data_dir_and_bad_date(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "tidak-ada"
    args = ["briefing", "--start", "2025-05-19", "--end", "2025-05-25", "--out", str(tmp_path / "x.pdf")]
    assert main([*args, "--data-dir", str(missing)]) == 2
    assert "Folder data tidak ditemukan" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["briefing", "--start", "19/05/2025", "--end", "2025-05-25", "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    assert "Tanggal tidak dikenali: 19/05/2025" in capsys.readouterr().err


def test_missing_roster_is_said_not_guessed(busy: Dataset) -> None:
    b = brief.build_briefing(replace(busy, officers=busy.officers.iloc[0:0]), WEEK)
    assert "jadi kesenjangan laporan per personel tidak dapat dihitung" in sentences(b, "analisa")
    assert "berstatus siaga" not in sentences(b, "analisa")


def test_poisson_range_for_a_polda_sized_week_returns_instead_of_looping() -> None:
    """exp(-mean) underflows to 0 above ~745: the exact loop never ended there."""
    from analysis.reports.briefing import poisson_range

    low, high = poisson_range(12_000.0)
    assert 11_700 < low < 12_000 < high < 12_300
    assert poisson_range(100.0)[0] < 100 < poisson_range(100.0)[1]
