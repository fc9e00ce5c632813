"""The loader: reading CSV/Excel, header mapping, parsing, normalising, rejecting, reporting, the CLI."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.__main__ import main as cli_main
from analysis.data import contract, loading, schema
from analysis.data.contract import empty_frame
from analysis.data.loading import (
    Problem,
    UnreadableFile,
    clean_to_contract,
    detect_kind,
    load_table,
    map_headers,
    parse_date,
    parse_time,
    read_raw,
)

PATROL = {
    "patrol_id": "P-1",
    "date": "2025-05-26",
    "start_time": "09:00",
    "end_time": "10:30",
    "kelurahan": "Gedog",
    "activity": "Patroli Dialogis",
    "unit": "Binmas",
    "leader_nrp": "75010001",
    "leader_name": "Roziek Mustofa",
    "leader_rank": "Aiptu",
    "personnel_count": "4",
    "topics": "Gangguan keamanan lingkungan; Keresahan sosial",
}
COMPLAINT = {
    "complaint_id": "L-1",
    "received_at": "2025-05-26 21:15",
    "channel": "WhatsApp #LaporPakKapolres",
    "kelurahan": "Sentul",
    "category": "Balap liar",
    "description": "Balap liar tiap malam Minggu",
    "status": "Selesai",
    "resolved_at": "2025-05-28 10:00",
}
OFFICER = {"nrp": "75010001", "name": "Roziek Mustofa", "rank": "Aiptu", "unit": "Binmas", "active": "ya"}
BASE = {"patrols": PATROL, "complaints": COMPLAINT, "officers": OFFICER}


def csv_text(kind: str, *changes: dict[str, str], sep: str = ",") -> str:
    """A CSV of ``kind`` with one row per ``changes`` (each overriding the base row); ids stay unique."""
    header = list(BASE[kind]) + [c for change in changes for c in change if c not in BASE[kind]]
    header = list(dict.fromkeys(header))
    lines = [sep.join(header)]
    for i, change in enumerate(changes):
        row = dict.fromkeys(header, "") | BASE[kind]
        if kind != "officers":
            row[schema.ID_COLUMN[kind]] = f"{row[schema.ID_COLUMN[kind]]}{i}"
        row.update(change)
        lines.append(sep.join(f'"{v}"' if sep in v or "\n" in v else v for v in row.values()))
    return "\n".join(lines) + "\n"


def load(reference, text: str | bytes, kind: str = "patrols", **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_table(data, kind, reference, filename="uji.csv", **kwargs)


def only(problems: list[Problem], severity: str) -> list[Problem]:
    return [p for p in problems if p.severity == severity]


# ---------------------------------------------------------------------------------------------- headers


def test_indonesian_headers_map_to_the_contract_and_extra_columns_are_listed():
    headers = ["No", "Tanggal", "Jam  Mulai", "jam_selesai", "Kel.", "Jenis Kegiatan", "Satuan / Fungsi"]
    headers += ["NRP", "Nama Ketua", "Pangkat", "Jml. Personel", "Topik/Materi", "Catatan"]
    mapping, unmatched = map_headers(headers, "patrols")
    assert mapping["Tanggal"] == "date"
    assert mapping["Jam  Mulai"] == "start_time"
    assert mapping["jam_selesai"] == "end_time"
    assert mapping["Kel."] == "kelurahan"
    assert mapping["Satuan / Fungsi"] == "unit"
    assert mapping["Jml. Personel"] == "personnel_count"
    assert mapping["Catatan"] == "notes"
    assert unmatched == ["No"]


def test_the_closer_header_wins_and_the_other_is_ignored():
    mapping, unmatched = map_headers(["Nama", "Nama Ketua", "NRP"], "patrols")
    assert mapping == {"Nama Ketua": "leader_name", "NRP": "leader_nrp"}
    assert unmatched == ["Nama"]


def test_an_explicit_mapping_overrides_and_can_ignore():
    mapping, unmatched = map_headers(
        ["Petugas", "Tanggal"], "patrols", {"Petugas": "leader_name", "Tanggal": None}
    )
    assert mapping == {"Petugas": "leader_name"}
    assert unmatched == ["Tanggal"]
    with pytest.raises(ValueError, match="not a column"):
        map_headers(["Petugas"], "patrols", {"Petugas": "nama_ketua"})


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        (list(PATROL), "patrols"),
        (["No", "Waktu Lapor", "Saluran", "Desa", "Kategori", "Uraian", "Status"], "complaints"),
        (["NRP", "Nama", "Pangkat", "Satfung", "Kelurahan Binaan", "Aktif"], "officers"),
        (["Tanggal", "Jumlah"], None),
    ],
)
def test_detect_kind_from_headers(headers, kind):
    assert detect_kind(headers) == kind


# ---------------------------------------------------------------------------------------------- reading


def test_semicolon_csv_with_bom_reads_as_strings_indexed_by_line():
    text = "\ufeffTanggal;Kelurahan;Jumlah personel\n2025-05-26;Gedog;4\n\n27/05/2025;Sentul;0012\n"
    raw = read_raw(text.encode("utf-8"))
    assert list(raw.columns) == ["Tanggal", "Kelurahan", "Jumlah personel"]
    assert raw.index.tolist() == [2, 4]  # the blank line 3 is skipped, numbering kept
    assert raw.loc[4, "Jumlah personel"] == "0012"


def test_windows_1252_text_is_decoded(reference):
    text = csv_text("patrols", {"leader_name": "Agus Suryadi – Café"})
    frame, report = load(reference, text.encode("cp1252"))
    assert frame["leader_name"].iloc[0] == "Agus Suryadi – Café"
    assert report.rows_valid == 1


def test_utf16_text_export_is_read(reference):
    text = csv_text("patrols", {}, sep="\t")
    frame, report = load(reference, text.encode("utf-16"))
    assert report.rows_valid == 1
    assert frame["kelurahan"].iloc[0] == "Gedog"


def test_excel_sep_hint_and_a_title_block_above_the_header(reference):
    text = "sep=;\nLAPORAN PATROLI POLSEK SANANWETAN\n\n" + csv_text(
        "patrols", {}, {"date": "31/02/2025"}, sep=";"
    )
    frame, report = load(reference, text)
    assert len(frame) == 1
    assert [(p.row, p.column) for p in report.errors] == [(6, "date")]


def test_a_quoted_line_break_keeps_line_numbers_true(reference):
    text = csv_text("patrols", {"notes": "hujan\nderas"}, {"kelurahan": "Atlantis"})
    frame, report = load(reference, text)
    assert frame["notes"].iloc[0] == "hujan\nderas"
    assert [p.row for p in report.errors] == [4]


def test_a_line_with_extra_fields_is_rejected_but_trailing_empty_fields_are_fine(reference):
    text = csv_text("patrols", {}, {}, {})
    lines = text.splitlines()
    lines[2] += ",lebih"
    lines[3] += ",,"
    frame, report = load(reference, "\n".join(lines) + "\n")
    assert len(frame) == 2
    assert [(p.row, p.reason) for p in report.errors] == [
        (3, "baris berisi 13 kolom, padahal judul berisi 12")
    ]


def _workbook(*sheets: tuple[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_excel_uses_the_first_recognisable_sheet_and_its_row_numbers(reference):
    header = ["No", "Tanggal", "Kelurahan", "Kegiatan", "Satuan", "NRP", "Nama Ketua", "Jumlah Personel"]
    rows = [
        ["Rekap patroli Mei 2025"],
        [],
        header,
        [1, datetime(2025, 5, 26), "Gedog", "Patroli Dialogis", "Binmas", 75010001, "Roziek Mustofa", 4],
        [2, "31/02/2025", "Gedog", "Sambang", "Binmas", 75010001, "Roziek Mustofa", 2.0],
    ]
    data = _workbook(("Catatan", [["isi bebas"]]), ("Patroli", rows))
    frame, report = load_table(data, "patrols", reference, filename="rekap.xlsx")
    assert frame["date"].iloc[0] == pd.Timestamp("2025-05-26")
    assert frame["leader_nrp"].iloc[0] == "75010001"
    assert [(p.row, p.column, p.value) for p in report.errors] == [(5, "Tanggal", "31/02/2025")]
    assert report.ignored_columns == ["No"]


def test_excel_without_a_recognisable_sheet_is_unreadable(reference):
    data = _workbook(("A", [["x", "y"]]), ("B", [["z"]]))
    with pytest.raises(UnreadableFile, match="tidak ada lembar dengan judul kolom yang dikenali"):
        load_table(data, "patrols", reference)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "berkas kosong"),
        (b"  \r\n\n", "berkas kosong"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "bukan teks"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, r"\.xls"),
        (b"PK\x03\x04rusak", "Excel rusak"),
    ],
)
def test_unreadable_files_say_why(reference, data, message):
    with pytest.raises(UnreadableFile, match=message):
        load_table(data, "patrols", reference)


def test_a_missing_required_column_is_named(reference):
    text = "Tanggal,Kelurahan,Jenis kegiatan,Satuan,NRP,Nama ketua\n2025-05-26,Gedog,Sambang,Binmas,1,A\n"
    with pytest.raises(UnreadableFile, match=r"kolom wajib tidak ada: Jumlah personel \(personnel_count\)"):
        load(reference, text)


def test_a_header_only_file_loads_empty(reference):
    frame, report = load(reference, ",".join(PATROL) + "\n")
    assert report.rows_total == 0
    assert frame.dtypes.equals(empty_frame("patrols", reference).dtypes)


# ------------------------------------------------------------------------------------------- dates and times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-05-26", datetime(2025, 5, 26)),
        ("26/05/2025", datetime(2025, 5, 26)),
        ("26-05-2025", datetime(2025, 5, 26)),
        ("26.05.25", datetime(2025, 5, 26)),
        ("26 Mei 2025", datetime(2025, 5, 26)),
        ("Senin, 26 Mei 2025", datetime(2025, 5, 26)),
        ("3 Agt 2025", datetime(2025, 8, 3)),
        ("3 Des. 2025", datetime(2025, 12, 3)),
        ("26/05/2025 21.15", datetime(2025, 5, 26, 21, 15)),
        ("26 Mei 2025 pukul 21.15 WIB", datetime(2025, 5, 26, 21, 15)),
    ],
)
def test_parse_date_reads_indonesian_forms(text, expected):
    assert parse_date(text) == (expected, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2025", "loading.reason.date_impossible"),
        ("2025-13-01", "loading.reason.date_impossible"),
        ("26 Mie 2025", "loading.reason.date_unreadable"),
        ("kemarin", "loading.reason.date_unreadable"),
        ("26/05/2025 25.00", "loading.reason.time_impossible"),
        ("26/05/1925", "loading.reason.year_range"),
    ],
)
def test_parse_date_refuses_to_guess(text, reason):
    assert parse_date(text) == (None, reason)


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)))
def test_every_written_form_of_a_date_reads_back(day):
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    expected = (datetime(day.year, day.month, day.day), None)
    for text in (day.isoformat(), day.strftime("%d/%m/%Y"), f"{day.day} {months[day.month - 1]} {day.year}"):
        assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.30", "09:30"),
        ("9:05", "09:05"),
        ("21:15:00", "21:15"),
        ("pukul 22.30 WIB", "22:30"),
        ("24:00", None),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


def test_dates_in_a_file_mixed_formats_and_impossible_ones(reference):
    text = csv_text(
        "patrols",
        {"date": "2025-05-26"},
        {"date": "27/05/2025"},
        {"date": "28 Mei 2025"},
        {"date": "31/02/2025"},
        {"date": ""},
    )
    frame, report = load(reference, text)
    assert frame["date"].tolist() == [pd.Timestamp(f"2025-05-{d}") for d in (26, 27, 28)]
    assert [(p.row, p.value, p.reason) for p in report.errors] == [
        (5, "31/02/2025", "tanggal tidak mungkin"),
        (6, "", "wajib diisi"),
    ]


def test_received_at_keeps_the_time_and_resolution_days_follow(reference):
    text = csv_text(
        "complaints",
        {"received_at": "26/05/2025 21.15", "resolved_at": "27/05/2025 09.15"},
        {"received_at": "2025-05-26", "status": "Baru", "resolved_at": ""},
        {"received_at": " 2025-05-26 08:00 ", "status": "Baru", "resolved_at": ""},
    )
    frame, report = load(reference, text, "complaints")
    assert frame["received_at"].tolist() == [
        pd.Timestamp("2025-05-26 21:15"),
        pd.Timestamp("2025-05-26"),
        pd.Timestamp("2025-05-26 08:00"),
    ]
    assert report.problems == []
    assert frame["resolution_days"].iloc[0] == pytest.approx(0.5)
    assert np.isnan(frame["resolution_days"].iloc[1])


@pytest.mark.parametrize(
    "cells",
    [
        ["2025-05-26 21:15", "2025-05-27 09:00", "", "2025-05-28 10:00"],
        ["2025-02-31 10:00", "2025-05-26 21:15", "2025-05-26 24:00", "2025-05-26 10:60"],
        ["1969-12-31 23:59", "2101-01-01 00:00", "0000-01-01 00:00", "2025-05-26T21:15"],
        ["2025-5-26 21:15", " 2025-05-26 21:15 ", "2025-05-26 21:15:30", "26/05/2025 21.15"],
        ["2025-05-26 21:15Z", "2025-05-26 21:15+07:00", "2025-05-26", "kemarin"],
        # 16 characters, all read by the ISO cast: the T form, years the text parsers judge themselves
        ["2025-05-26 21:15", "2025-05-26T21:15", "0099-05-26 21:15", "1899-12-31 23:00"],
        # 16 characters the ISO cast refuses: the column goes through the regular expression instead
        ["2025-05-26 21:15", "26/05/2025 21:15", "2025/05/26 21:15", "2025-05-26 10+07"],
    ],
)
def test_date_times_read_by_arrow_match_the_text_parsers(reference, monkeypatch, cells):
    """The fast path for canonical ``YYYY-MM-DD HH:MM`` cells changes no value and no problem."""
    text = csv_text(
        "complaints",
        *({"received_at": c or "2025-05-26 08:00", "resolved_at": c} for c in cells),
    )
    fast = load(reference, text, "complaints")
    n = len(cells)
    monkeypatch.setattr(
        loading,
        "_canonical_datetimes",
        lambda text, blank_ok, **_: (np.zeros(n, bool), np.full(n, np.datetime64("NaT"), "datetime64[us]")),
    )
    slow = load(reference, text, "complaints")
    pd.testing.assert_frame_equal(fast[0], slow[0])
    assert fast[1].to_dict() == slow[1].to_dict()


# Cells for the fast-path test: the first ``clean`` of each list are written the way the contract asks
# (the fast paths settle such a column whole); the rest make a column fall back to the text parsers.
_FAST_PATH_CELLS: dict[str, dict[str, tuple[int, list[str]]]] = {
    "patrols": {
        "date": (
            2,
            [
                "2025-05-26",
                "2025-05-27",
                "26/05/2025",
                "2025-5-6",
                "0099-01-01",
                "2025-02-30",
                "",
                # issue 13: month-first and undecidable orders, Excel serials, a future and a far-off date
                "5/26/2025",
                "05/06/2025",
                "45803",
                "45805.375",
                "2052-05-26",
                "2015-05-26",
            ],
        ),
        "start_time": (
            3,
            [
                "06:30",
                "23:59",
                "00:00",
                "",
                "24:00",
                "6:30",
                "06.30",
                "06:3a",
                "06:60",
                "19.00 s/d 21.00 WIB",
                "22:00–02:00",
                "08.00 sampai 11.59",
            ],
        ),
        "end_time": (4, ["10:00", "00:00", "", "07:45", " 10:00", "10.00", "1O:00"]),
        "kelurahan": (2, ["Gedog", "Sentul", "gedog", "Kel. Gedog", "Gedogg", "Atlantis", ""]),
        "activity": (2, ["Sambang", "Patroli Dialogis", "sambang", "DDS", "Terbang", ""]),
        "unit": (2, ["Binmas", "Samapta", "Sabhara", "binmas", ""]),
        "leader_rank": (2, ["Aiptu", "Bripka", "aiptu", "Jenderal", ""]),
        "personnel_count": (
            3,
            [
                "4",
                "1",
                "007",
                "0",
                "",
                "5 orang",
                "-3",
                "0x5",
                "9" * 25,
                "\u0663",
                " 4",
                "1,5",
                "1.000",
                "2.0",
            ],
        ),
        "residents_met": (
            4,
            [
                "12",
                "0",
                "",
                "00",
                "-1",
                "banyak",
                "3.0",
                "0x1",
                "1000001",
                "1000000",
                "1.000",
                "1.250",
                "1,000",
                "1,5",
                "1.5",
                "12.500",
            ],
        ),
        "topics": (
            4,
            [
                "Miras",
                "Balap liar; Miras",
                "",
                "Narkoba; Curanmor; Lainnya",
                "Miras; Miras",
                "miras",
                "Miras;Balap liar",
                "Miras, Narkoba",
                "Balap liar;  Miras",
                "Miras; ",
                "Judi",
                "Narkoba ; Miras",
            ],
        ),
    },
    "complaints": {
        "received_at": (
            2,
            [
                "2025-05-26 21:15",
                "2025-05-27 08:00",
                "2025-05-26T21:15",
                "26/05/2025 21.15",
                "5/26/2025 10:15:33",
                "2025-05-26T14:15:00Z",
                "2025-05-26 21:15+07",
                "45805.375",
                "2052-05-26 08:00",
                "2015-05-26 08:00",
            ],
        ),
        "resolved_at": (
            3,
            [
                "2025-05-28 10:00",
                "",
                "2025-05-29 00:00",
                "2025-05-28",
                "2025-02-30 10:00",
                "2025-05-20 10:00",
                "2052-01-01",
                "05/06/2025",
            ],
        ),
        "channel": (
            2,
            ["Call Center 110", "WhatsApp #LaporPakKapolres", "call center 110", "Telepati", "WA Hotline"],
        ),
        "category": (2, ["Balap liar", "Curanmor", "balap liar", "Tidak ada", ""]),
        "status": (2, ["Selesai", "Baru", "selesai", "Entah", "", "Proses", "Pending", "Dalam proses"]),
        "kelurahan": (2, ["Sentul", "Gedog", "SENTUL", ""]),
    },
}


def _without_fast_paths():
    from unittest import mock

    def no_datetimes(text, blank_ok, length=16):
        return np.zeros(len(text), bool), np.full(len(text), np.datetime64("NaT"), "datetime64[us]")

    return mock.patch.multiple(
        loading,
        _exact_codes=lambda *a: None,
        _whole_numbers=lambda *a: None,
        _clock_minutes=lambda *a: None,
        _canonical_datetimes=no_datetimes,
    )


@given(st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fast_paths_change_no_value_and_no_problem(reference, data):
    """Columns written as the contract asks are settled in a few Arrow/NumPy passes; any other cell sends
    the column through the per-value parsers. Either way the frame and the report are the same."""
    kind = data.draw(st.sampled_from(sorted(_FAST_PATH_CELLS)))
    pools = {}
    for column, (clean, cells) in _FAST_PATH_CELLS[kind].items():
        pools[column] = cells[:clean] if data.draw(st.booleans(), label=f"{column} clean") else cells
    rows = [
        {column: data.draw(st.sampled_from(pool), label=column) for column, pool in pools.items()}
        for _ in range(data.draw(st.integers(1, 6), label="rows"))
    ]
    text = csv_text(kind, *rows)
    fast = load(reference, text, kind)
    with _without_fast_paths():
        slow = load(reference, text, kind)
    pd.testing.assert_frame_equal(fast[0], slow[0])
    assert fast[1].to_dict() == slow[1].to_dict()


def test_fast_paths_are_taken_for_a_clean_file(reference, monkeypatch):
    """The test above is only worth something if the fast paths run: on a clean file none falls back."""
    calls: list[str] = []
    per_unique, parse_dates = loading._Checker.per_unique, loading._Checker._parse_dates

    def spy(original):
        def called(self, column, *args):
            calls.append(column)
            return original(self, column, *args)

        return called

    monkeypatch.setattr(loading._Checker, "per_unique", spy(per_unique))
    monkeypatch.setattr(loading._Checker, "_parse_dates", spy(parse_dates))
    load(reference, csv_text("patrols", {}, {"residents_met": "12", "start_time": "21:05"}))
    load(reference, csv_text("complaints", {}, {"resolved_at": ""}), "complaints")
    assert calls == ["topics"]  # the one column without a fast path
    load(reference, csv_text("patrols", {"date": "26/05/2025", "end_time": "10.30", "unit": "Sabhara"}))
    assert sorted(calls) == ["date", "end_time", "topics", "topics", "unit"]


def test_resolved_before_received_is_dropped_but_same_day_without_time_is_not(reference):
    text = csv_text(
        "complaints",
        {"received_at": "2025-05-26 21:15", "resolved_at": "2025-05-25"},
        {"received_at": "2025-05-26 21:15", "resolved_at": "2025-05-26"},
    )
    frame, report = load(reference, text, "complaints")
    assert len(frame) == 2  # the complaint was received all the same
    assert report.errors == []
    assert [(p.row, p.reason) for p in report.warnings] == [
        (2, "tanggal selesai sebelum waktu lapor; dikosongkan (laporan tetap dihitung)")
    ]
    assert pd.isna(frame["resolved_at"].iloc[0]) and np.isnan(frame["resolution_days"].iloc[0])
    assert frame["resolution_days"].iloc[1] == 0


def test_times_are_normalised_and_duration_crosses_midnight(reference):
    text = csv_text(
        "patrols",
        {"start_time": "09.30", "end_time": "11.00"},
        {"start_time": "22:30", "end_time": "01.15"},
        {"start_time": "pagi", "end_time": ""},
    )
    frame, report = load(reference, text)
    assert frame["start_time"].tolist()[:2] == ["09:30", "22:30"]
    assert frame["duration_hours"].tolist()[:2] == [1.5, 2.75]
    assert pd.isna(frame["start_time"].iloc[2]) and np.isnan(frame["duration_hours"].iloc[2])
    assert [(p.row, p.reason) for p in report.warnings] == [(4, "jam tidak terbaca; dikosongkan")]
    assert report.rows_rejected == 0


# ---------------------------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    "written", ["Gedog", "GEDOG", " gedog ", "Kel. Gedog", "Kelurahan Gedog", "Desa  Gedog"]
)
def test_kelurahan_case_spaces_and_prefixes_are_silent(reference, written):
    frame, report = load(reference, csv_text("patrols", {"kelurahan": written}))
    assert frame["kelurahan"].iloc[0] == "Gedog"
    assert frame["kecamatan"].iloc[0] == "Sananwetan"
    assert report.problems == []


def test_kelurahan_spacing_inside_the_name_is_silent(reference):
    frame, report = load(reference, csv_text("patrols", {"kelurahan": "Kepanjen Kidul"}))
    assert frame["kelurahan"].iloc[0] == "Kepanjenkidul"
    assert report.problems == []


def test_a_small_misspelling_is_corrected_with_a_warning_and_unknown_names_are_rejected(reference):
    text = csv_text("patrols", {"kelurahan": "Sentol"}, {"kelurahan": "Kota Baru"}, {"kelurahan": "Bendo"})
    frame, report = load(reference, text)
    assert frame["kelurahan"].tolist() == ["Sentul", "Bendo"]
    assert [(p.row, p.reason) for p in report.warnings] == [(2, "ejaan diperbaiki menjadi 'Sentul'")]
    assert [(p.row, p.column, p.value, p.reason) for p in report.errors] == [
        (3, "kelurahan", "Kota Baru", "kelurahan tidak dikenal di Kota Blitar")
    ]


def test_ranks_and_units_case_is_silent_synonyms_are_reported(reference):
    text = csv_text(
        "patrols", {"leader_rank": "AIPTU", "unit": "binmas"}, {"leader_rank": "Brigadir", "unit": "Sabhara"}
    )
    frame, report = load(reference, text)
    assert frame["leader_rank"].tolist() == ["Aiptu", "Brigpol"]
    assert frame["unit"].tolist() == ["Binmas", "Samapta"]
    assert {(p.row, p.column, p.reason) for p in report.warnings} == {
        (3, "leader_rank", "diganti dengan nama baku 'Brigpol'"),
        (3, "unit", "diganti dengan nama baku 'Samapta'"),
    }


def test_ranks_are_never_guessed(reference):
    _, report = load(reference, csv_text("patrols", {"leader_rank": "Bripdaa"}))
    assert [p.reason for p in report.errors] == ["pangkat tidak dikenal"]


def test_channel_status_and_category_values(reference):
    text = csv_text(
        "complaints",
        {"channel": "WA", "category": "curat"},
        {"channel": "call center 110", "status": "tidak valid", "resolved_at": ""},
        {"status": "Ditunda"},
        {"channel": "Surat"},
        {"category": "Kenakalan"},
    )
    frame, report = load(reference, text, "complaints")
    assert frame["channel"].tolist() == ["WhatsApp #LaporPakKapolres", "Call Center 110"]
    assert frame["category"].tolist() == ["Pencurian", "Balap liar"]
    assert frame["is_valid"].tolist() == [True, False]
    assert [(p.row, p.reason) for p in report.errors] == [
        (4, "status tidak dikenal"),
        (5, "saluran tidak dikenal"),
        (6, "kategori tidak dikenal"),
    ]


@pytest.mark.parametrize("value", ["0", "-1", "2.5", "dua", ""])
def test_personnel_must_be_a_whole_number_of_at_least_one(reference, value):
    _, report = load(reference, csv_text("patrols", {"personnel_count": value}))
    assert report.rows_rejected == 1
    assert report.errors[0].column == "personnel_count"


@pytest.mark.parametrize(("value", "expected"), [("4", 4), ("4.0", 4), ("4 orang", 4), ("12", 12)])
def test_personnel_written_as_whole_numbers(reference, value, expected):
    frame, _ = load(reference, csv_text("patrols", {"personnel_count": value}))
    assert frame["personnel_count"].tolist() == [expected]
    assert frame["personnel_count"].dtype == np.int64


@pytest.mark.parametrize("column", ["leader_name", "activity", "unit", "kelurahan"])
def test_an_empty_required_field_rejects_the_row(reference, column):
    _, report = load(reference, csv_text("patrols", {column: "  "}))
    assert [(p.row, p.column, p.reason, p.severity) for p in report.problems] == [
        (2, column, "wajib diisi", "error")
    ]


UNKNOWN_SAMPAH = "topik 'sampah liar' tidak dikenal; dicatat sebagai 'Lainnya'"


def test_topics_are_canonical_joined_and_unknown_ones_become_lainnya(reference):
    text = csv_text(
        "patrols",
        {"topics": "keresahan sosial, Miras; minuman keras"},
        {"topics": "judi; sampah liar"},
        {"topics": ""},
    )
    frame, report = load(reference, text)
    assert frame["topics"].iloc[0] == "Keresahan sosial; Miras"
    assert frame["topics"].iloc[1] == "Perjudian; Lainnya"
    assert pd.isna(frame["topics"].iloc[2])
    assert [(p.row, p.reason) for p in report.warnings] == [
        (2, "topik 'minuman keras' dibaca sebagai 'Miras'"),
        (3, "topik 'judi' dibaca sebagai 'Perjudian'; " + UNKNOWN_SAMPAH),
    ]
    assert report.rows_rejected == 0


def test_coordinates_with_decimal_commas_and_outside_the_city(reference):
    text = csv_text(
        "patrols",
        {"lat": "-8,0871", "lon": "112,1822"},
        {"lat": "8.0871", "lon": "112.1822"},
        {"lat": "abc", "lon": ""},
    )
    frame, report = load(reference, text)
    assert frame["lat"].iloc[0] == pytest.approx(-8.0871)
    assert frame["lon"].iloc[0] == pytest.approx(112.1822)
    assert frame["lat"].isna().tolist() == [False, True, True]
    assert [(p.row, p.column) for p in report.warnings] == [(3, "lat"), (4, "lat")]


# ---------------------------------------------------------------------------------------------- ids


def test_ids_are_derived_from_content_stably_across_formats(reference):
    iso = csv_text("patrols", {"patrol_id": "", "date": "2025-05-26", "start_time": "09:00"})
    indonesian = csv_text("patrols", {"patrol_id": "", "date": "26 Mei 2025", "start_time": "09.00"})
    (first, report), (second, _) = load(reference, iso), load(reference, indonesian)
    assert first["patrol_id"].iloc[0] == second["patrol_id"].iloc[0]
    assert first["patrol_id"].iloc[0].startswith("P-") and len(first["patrol_id"].iloc[0]) == 14
    assert [(p.row, p.severity) for p in report.problems] == [(2, "warning")]
    assert first["patrol_id"].iloc[0] in report.problems[0].reason


def test_a_file_without_an_id_column_gets_one_file_level_warning(reference):
    text = csv_text("complaints", {}, {"kelurahan": "Gedog"})
    text = "\n".join(",".join(line.split(",")[1:]) for line in text.splitlines()) + "\n"
    frame, report = load(reference, text, "complaints")
    assert frame["complaint_id"].str.startswith("L-").all()
    assert frame["complaint_id"].nunique() == 2
    assert [(p.row, p.column) for p in report.problems] == [(None, "complaint_id")]


def test_the_second_occurrence_of_an_id_is_rejected(reference):
    text = csv_text(
        "patrols", {"patrol_id": "A"}, {"patrol_id": "B"}, {"patrol_id": "A", "kelurahan": "Sentul"}
    )
    frame, report = load(reference, text)
    assert frame["patrol_id"].tolist() == ["A", "B"]
    assert [(p.row, p.value, p.reason) for p in report.errors] == [
        (4, "A", "ID ganda, sudah dipakai di baris 2")
    ]


def test_a_duplicate_of_a_rejected_row_is_kept(reference):
    text = csv_text("patrols", {"patrol_id": "A", "date": "kemarin"}, {"patrol_id": "A"})
    frame, report = load(reference, text)
    assert frame["patrol_id"].tolist() == ["A"]
    assert [p.row for p in report.errors] == [2]


def test_duplicate_officer_nrp(reference):
    text = csv_text("officers", {}, {"name": "Orang Lain"})
    frame, report = load(reference, text, "officers")
    assert len(frame) == 1
    assert report.errors[0].row == 3


@pytest.mark.parametrize(
    ("value", "active"), [("ya", True), ("", True), ("TIDAK", False), ("non aktif", False)]
)
def test_officer_active(reference, value, active):
    frame, _ = load(reference, csv_text("officers", {"active": value}), "officers")
    assert frame["active"].tolist() == [active]


def test_officer_active_unknown_is_rejected(reference):
    _, report = load(reference, csv_text("officers", {"active": "kadang"}), "officers")
    assert report.errors[0].reason == "nilai aktif tidak dikenal (isi ya atau tidak)"


# ------------------------------------------------------------------------------------------- the clean frame


@pytest.mark.parametrize("kind", schema.KINDS)
def test_loaded_frames_follow_the_clean_frame_contract(reference, kind):
    frame, _ = load(reference, csv_text(kind, {}), kind)
    empty = empty_frame(kind, reference)
    assert list(frame.columns) == schema.columns(kind) + contract.derived_columns(kind)
    assert frame.dtypes.equals(empty.dtypes)
    assert len(empty) == 0
    for column in contract.categorical_columns(kind):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype)
    if "kelurahan" in frame:
        assert list(frame["kelurahan"].cat.categories) == reference.kelurahan_names
    if "leader_rank" in frame:
        assert list(frame["leader_rank"].cat.categories) == list(schema.RANKS)
        assert frame["leader_rank"].cat.ordered


@pytest.mark.parametrize("kind", schema.KINDS)
def test_clean_to_contract_round_trips(reference, kind):
    text = csv_text(
        kind,
        {},
        {"date": "27 Mei 2025", "start_time": "", "kelurahan": "GEDOG"}
        if kind == "patrols"
        else {"received_at": "27/05/2025 08.05", "resolved_at": ""}
        if kind == "complaints"
        else {"nrp": "80020002", "active": "tidak"},
    )
    first, _ = load(reference, text, kind)
    written = clean_to_contract(first, kind)
    assert list(written.columns) == schema.columns(kind)
    second, report = load(reference, written.to_csv(index=False), kind)
    pd.testing.assert_frame_equal(first, second)
    assert report.warnings == []


def test_clean_to_contract_writes_dates_iso_and_times_hh_mm(reference):
    frame, _ = load(
        reference, csv_text("patrols", {"date": "26/05/2025", "start_time": "9.05", "end_time": ""})
    )
    before = frame.copy()
    row = clean_to_contract(frame, "patrols").iloc[0]
    assert (row["date"], row["start_time"], row["end_time"], row["personnel_count"]) == (
        "2025-05-26",
        "09:05",
        "",
        "4",
    )
    pd.testing.assert_frame_equal(frame, before)


def test_report_to_dict_has_the_documented_shape(reference):
    _, report = load(reference, csv_text("patrols", {"date": "31/02/2025"}))
    out = report.to_dict()
    assert (out["rows_total"], out["rows_valid"], out["rows_rejected"]) == (1, 0, 1)
    assert set(out["problems"][0]) >= {"row", "column", "value", "reason", "severity"}
    assert out["problems"][0]["severity"] == "error"


# ---------------------------------------------------------------------------------------------- command line


def _write(tmp_path: Path, text: str, name: str = "patroli.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_exit_zero_when_everything_is_valid(tmp_path, capsys):
    path = _write(tmp_path, csv_text("patrols", {}))
    assert cli_main(["validate", str(path), "--kind", "patrols"]) == 0
    assert "Baris: 1 total, 1 valid, 0 ditolak" in capsys.readouterr().out


def test_cli_reports_each_problem_and_exits_one(tmp_path, capsys):
    path = _write(
        tmp_path, csv_text("patrols", {}, {}, {}, {}, {}, {"date": "31/02/2025"}).replace("date", "tanggal")
    )
    assert cli_main(["validate", str(path), "--kind", "patrols"]) == 1
    assert "baris 7, kolom tanggal, nilai '31/02/2025': tanggal tidak mungkin" in capsys.readouterr().out


def test_cli_json_and_out(tmp_path, capsys):
    path = _write(tmp_path, csv_text("patrols", {"kelurahan": "KEL. GEDOG"}, {"kelurahan": "Atlantis"}))
    out = tmp_path / "bersih" / "patrols.csv"
    assert cli_main(["validate", str(path), "--kind", "patrols", "--json", "--out", str(out)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["rows_total"], report["rows_valid"], report["rows_rejected"]) == (2, 1, 1)
    assert report["problems"][0] | {"contract_column": None} == {
        "row": 3,
        "column": "kelurahan",
        "value": "Atlantis",
        "reason": "kelurahan tidak dikenal di Kota Blitar",
        "severity": "error",
        "contract_column": None,
    }
    clean = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(clean.columns) == schema.columns("patrols")
    assert clean["kelurahan"].tolist() == ["Gedog"]


def test_cli_guesses_the_kind_when_not_given(tmp_path, capsys):
    path = _write(tmp_path, csv_text("officers", {}))
    assert cli_main(["validate", str(path)]) == 0
    assert "jenis: officers" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "berkas tidak ditemukan"),
        ("", "berkas kosong"),
        ("Tanggal,Kelurahan\n2025-05-26,Gedog\n", "kolom wajib tidak ada"),
    ],
)
def test_cli_exit_two_with_a_reason_and_no_traceback(tmp_path, capsys, content, message):
    path = tmp_path / "x.csv" if content is None else _write(tmp_path, content)
    assert cli_main(["validate", str(path), "--kind", "patrols"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_cli_unknown_kind_exits_two(tmp_path, capsys):
    path = _write(tmp_path, "a,b\n1,2\n")
    assert cli_main(["validate", str(path), "--json"]) == 2
    assert "error" in json.loads(capsys.readouterr().out)


def test_read_raw_index_finds_the_rejected_row(reference):
    text = csv_text("patrols", {}, {"kelurahan": "Atlantis"})
    _, report = load(reference, text)
    raw = read_raw(text.encode("utf-8"))
    assert raw.loc[report.errors[0].row, "kelurahan"] == "Atlantis"


def test_module_exposes_the_cli_hooks():
    assert callable(loading.configure_parser) and callable(loading.run_cli)


@pytest.mark.parametrize("kind", ["patrols", "complaints"])
def test_a_big_file_validated_on_two_threads_gives_the_same_frame_and_report(reference, monkeypatch, kind):
    changes = [
        {"kelurahan": "Gedok", "lat": "-9.5"},
        {"kelurahan": "Atlantis", "date": "31/02/2025", "received_at": "kemarin"},
        {"start_time": "25:00", "personnel_count": "0", "resolved_at": "2020-01-01"},
        {"topics": "Balap liar; Sesuatu", "category": "Curanmor ", "status": "Beres"},
        {},
    ]
    text = csv_text(kind, *[{k: v for k, v in c.items() if k in BASE[kind]} for c in changes * 3])
    monkeypatch.setattr(loading, "PARALLEL_ROWS", 10**9)
    alone, alone_report = load(reference, text, kind)
    monkeypatch.setattr(loading, "PARALLEL_ROWS", 1)
    threaded, threaded_report = load(reference, text, kind)
    pd.testing.assert_frame_equal(alone, threaded)
    assert threaded_report.to_dict() == alone_report.to_dict()
    assert alone_report.problems and alone_report.problems == threaded_report.problems
