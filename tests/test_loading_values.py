"""The loader's reading of values (issue 13): the intake cases in ``tests/cases/intake`` with the values
their README states, and the kinds of fault they stand for, each beyond its file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.__main__ import main as cli_main
from analysis.data import localtime, plausibility, schema
from analysis.data.contract import empty_frame
from analysis.data.dataset import Dataset
from analysis.data.intake import freshness_text
from analysis.data.loading import date_order, load_table, parse_date, read_count
from tests import frames
from tests.test_loading import csv_text

CASES = Path(__file__).parent / "cases" / "intake"
TODAY = date(2025, 12, 31)  # the cases are from May 2025


def case(reference, name: str, kind: str, **kwargs):
    return load_table(CASES / name, kind, reference, today=kwargs.pop("today", TODAY), **kwargs)


def load(reference, text: str, kind: str = "patrols", **kwargs):
    kwargs.setdefault("today", TODAY)
    return load_table(text.encode("utf-8"), kind, reference, filename="uji.csv", **kwargs)


def warnings_of(report, column: str | None = None, row: int | str | None = "any"):
    return [
        p
        for p in report.warnings
        if (column is None or p.contract_column == column) and (row == "any" or p.row == row)
    ]


# ------------------------------------------------------------------------------------------- the cases


def test_case_02_google_forms_month_first_dates(reference):
    frame, report = case(reference, "02-gforms-us-dates.csv", "complaints")
    assert report.column_mapping["Timestamp"] == "received_at"
    assert frame["received_at"].tolist() == [
        pd.Timestamp("2025-05-26 10:15:33"),
        pd.Timestamp("2025-05-06 09:05:12"),
        pd.Timestamp("2025-05-12 20:41:07"),
        pd.Timestamp("2025-05-13 07:02:55"),
    ]
    notes = warnings_of(report, "received_at")
    assert len(notes) == 1 and notes[0].row is None
    assert "dibaca bulan dulu" in notes[0].reason and "read month-first" in notes[0].reason_en


def test_case_03_excel_serial_dates_in_a_csv(reference):
    frame, report = case(reference, "03-excel-serial-dates.csv", "patrols")
    assert frame["date"].tolist() == [pd.Timestamp(f"2025-05-{d}") for d in (26, 27, 28)]
    notes = warnings_of(report, "date", row=None)
    assert len(notes) == 1 and "nomor seri tanggal Excel" in notes[0].reason
    assert report.rows_rejected == 0


def test_case_03b_excel_serial_dates_in_a_workbook(reference):
    frame, report = case(reference, "03b-excel-serial-general-format.xlsx", "patrols")
    assert frame["date"].min() == pd.Timestamp("2025-05-26")
    assert report.rows_rejected == 0
    assert len(warnings_of(report, "date", row=None)) == 1


def test_excel_serial_with_a_fraction_keeps_the_time_of_day(reference):
    text = csv_text("complaints", {"received_at": "45805.375", "resolved_at": ""}, {"received_at": "45803"})
    frame, report = load(reference, text, "complaints")
    assert frame["received_at"].tolist() == [pd.Timestamp("2025-05-28 09:00"), pd.Timestamp("2025-05-26")]
    assert len(warnings_of(report, "received_at", row=None)) == 1


def test_case_08_resolved_before_received_keeps_the_complaint(reference):
    frame, report = case(reference, "08-resolved-before-received.csv", "complaints")
    assert frame["complaint_id"].tolist() == ["LAP-X1", "LAP-X2", "LAP-X3"]
    resolved = frame.set_index("complaint_id")["resolved_at"]
    assert resolved["LAP-X1"] == pd.Timestamp("2025-05-22 10:00")
    assert pd.isna(resolved["LAP-X2"]) and pd.isna(resolved["LAP-X3"])
    assert frame["resolution_days"].notna().tolist() == [True, False, False]
    assert [(p.row, p.contract_column) for p in report.warnings] == [(3, "resolved_at"), (4, "resolved_at")]
    assert report.rows_rejected == 0


def test_case_09_a_future_date_is_rejected(reference):
    frame, report = case(reference, "09-future-date-typo.csv", "complaints")
    assert frame["complaint_id"].tolist() == ["LAP-F1", "LAP-F2"]
    assert [(p.row, p.contract_column, p.value) for p in report.errors] == [
        (4, "received_at", "2052-05-26 08:00")
    ]
    assert "setelah hari ini" in report.errors[0].reason


def test_case_09_imported_into_the_sample_data_moves_neither_period_nor_freshness(reference, tmp_path):
    import shutil

    from analysis.data.dataset import DEFAULT_DATA_DIR, load_dataset

    for name in ("patrols.csv", "complaints.csv", "officers.csv"):
        shutil.copy(DEFAULT_DATA_DIR / name, tmp_path / name)
    dataset = load_dataset(tmp_path, reference)
    before = dataset.last_date
    frame, _ = case(reference, "09-future-date-typo.csv", "complaints", today=localtime.today())
    merged = Dataset(
        dataset.patrols,
        pd.concat([dataset.complaints, frame], ignore_index=True),
        dataset.officers,
        dataset.reference,
        dataset.data_dir,
    )
    assert merged.last_date == before
    assert "2052" not in freshness_text(merged.last_date, "id")


def test_case_10_status_words_of_registers(reference):
    frame, report = case(reference, "10-status-proses-pending.csv", "complaints")
    assert frame["status"].tolist() == ["Selesai", "Diproses", "Baru", "Diproses", "Selesai"]
    assert [(p.row, p.value) for p in warnings_of(report, "status")] == [
        (3, "Proses"),
        (4, "Pending"),
        (5, "Dalam proses"),
    ]


def test_case_11_a_dot_groups_thousands_in_counts(reference):
    frame, report = case(reference, "11-thousands-dot.csv", "patrols")
    assert frame["residents_met"].tolist() == [1000, 1250, 35]
    assert warnings_of(report, "residents_met") == []  # 1.250 shows the column groups with dots


def test_case_12_time_range_in_one_cell(reference):
    frame, report = case(reference, "12-time-range-one-cell.csv", "patrols")
    assert frame["start_time"].tolist() == ["19:00", "08:00", "09:00", "22:00"]
    assert frame["end_time"].tolist() == ["21:00", "11:59", "10:30", "02:00"]
    assert frame["duration_hours"].iloc[0] == 2
    assert frame["duration_hours"].iloc[3] == 4
    assert report.rows_rejected == 0


def test_case_18_blank_category_is_kept_as_not_yet_categorised(reference):
    frame, report = case(reference, "18-blank-category.csv", "complaints")
    assert len(frame) == 5
    assert frame["category"].tolist().count(schema.UNCATEGORISED) == 3
    assert [p.row for p in warnings_of(report, "category")] == [3, 4, 6]
    assert schema.UNCATEGORISED in reference.category_names
    assert schema.UNCATEGORISED in reference.category_colours()


def test_not_yet_categorised_is_counted_by_overview_trends_and_map(reference):
    from analysis.metrics import maps, overview, trends

    frame, _ = case(reference, "18-blank-category.csv", "complaints")
    top = overview.top_categories(frame, frame.iloc[0:0])
    assert top.set_index("category").loc[schema.UNCATEGORISED, "count"] == 3
    counts = trends.complaint_counts_per_period(
        frame, "W", reference.category_names, date(2025, 5, 26), date(2025, 5, 26)
    )
    assert counts[schema.UNCATEGORISED].sum() == 3
    measures = maps.kelurahan_measures(empty_frame("patrols", reference), frame, reference, date(2025, 5, 31))
    gedog = measures.set_index("kelurahan").loc["Gedog"]
    assert gedog["valid_complaints"] == 3
    assert (schema.UNCATEGORISED, 2) in gedog["top_categories"]


# ------------------------------------------------------------------------------------------- date order


@pytest.mark.parametrize(
    ("cells", "expected", "note"),
    [
        (["5/26/2025", "5/6/2025"], ["2025-05-26", "2025-05-06"], "bulan dulu"),
        (["5-26-2025", "5-6-2025"], ["2025-05-26", "2025-05-06"], "bulan dulu"),
        (["5.26.25", "5.6.25"], ["2025-05-26", "2025-05-06"], "bulan dulu"),
        (["26/05/2025", "05/06/2025"], ["2025-05-26", "2025-06-05"], None),
        (["05/06/2025", "07/06/2025"], ["2025-06-05", "2025-06-07"], "kebiasaan Indonesia"),
        (["05/05/2025", "2025-05-06"], ["2025-05-05", "2025-05-06"], None),
    ],
)
def test_date_order_is_decided_per_column(reference, cells, expected, note):
    frame, report = load(reference, csv_text("patrols", *({"date": c} for c in cells)))
    assert frame["date"].tolist() == [pd.Timestamp(d) for d in expected]
    notes = warnings_of(report, "date", row=None)
    if note is None:
        assert notes == []
    else:
        assert len(notes) == 1 and note in notes[0].reason


def test_a_column_mixing_both_orders_rejects_only_what_fits_neither(reference):
    text = csv_text(
        "patrols",
        {"date": "26/05/2025"},
        {"date": "5/27/2025"},
        {"date": "05/06/2025"},
        {"date": "13/13/2025"},
    )
    frame, report = load(reference, text)
    assert frame["date"].tolist() == [pd.Timestamp(d) for d in ("2025-05-26", "2025-05-27", "2025-06-05")]
    assert [(p.row, p.value) for p in report.errors] == [(5, "13/13/2025")]
    assert [p.row for p in warnings_of(report, "date")] == [None, 4]  # the column, the two-way date


def test_each_column_decides_its_own_order(reference):
    text = csv_text(
        "complaints",
        {"received_at": "5/26/2025 10:00", "resolved_at": "05/06/2025"},
        {"received_at": "5/6/2025 10:00", "resolved_at": ""},
    )
    frame, report = load(reference, text, "complaints")
    assert frame["received_at"].tolist() == [
        pd.Timestamp("2025-05-26 10:00"),
        pd.Timestamp("2025-05-06 10:00"),
    ]
    assert frame["resolved_at"].iloc[0] == pd.Timestamp("2025-06-05")  # its own column: day-first
    assert len(warnings_of(report, "resolved_at", row=None)) == 1


def test_date_order_and_parse_date_helpers():
    assert date_order(["12/11/2025"]) == ("dmy", False)
    assert date_order(["Senin, 26/05/2025"]) == ("dmy", True)
    assert parse_date("6/5/2025", "mdy") == (datetime(2025, 6, 5), None)
    assert parse_date("6/5/2025") == (datetime(2025, 5, 6), None)


# ------------------------------------------------------------------------------------------- time zones


@pytest.mark.parametrize(
    ("cell", "zone", "expected"),
    [
        ("2025-05-26T14:15:00Z", "WIB", "2025-05-26 21:15"),
        ("2025-05-26T14:15:00.250Z", "WIB", "2025-05-26 21:15"),
        ("2025-05-26T21:15:00+07:00", "WIB", "2025-05-26 21:15"),
        ("2025-05-26 21:15+07", "WIB", "2025-05-26 21:15"),
        ("2025-05-26T21:15:00+0700", "WITA", "2025-05-26 22:15"),
        ("2025-05-26T14:15:00Z", "WIT", "2025-05-26 23:15"),
        ("26/05/2025 21.15 WITA", "WIB", "2025-05-26 20:15"),
        ("2025-05-26T20:15:00-01:00", "WIB", "2025-05-27 04:15"),
    ],
)
def test_iso_8601_with_a_zone_is_converted_to_local_time(reference, monkeypatch, cell, zone, expected):
    monkeypatch.setenv(localtime.ENV_VAR, zone)
    frame, report = load(reference, csv_text("complaints", {"received_at": cell}), "complaints")
    assert frame["received_at"].tolist() == [pd.Timestamp(expected)]
    assert report.errors == []


def test_time_zone_setting():
    assert localtime.zone_name("WITA") == "WITA"
    assert localtime.zone_name("asia/makassar") == "WITA"
    assert localtime.zone_name("nowhere") == "WIB"
    assert localtime.ZONES["WIT"].utcoffset(None).total_seconds() == 9 * 3600


# ------------------------------------------------------------------------------ implausible dates


def test_a_date_after_tomorrow_is_rejected_tomorrow_is_not(reference):
    text = csv_text(
        "complaints",
        {"received_at": "2025-05-27 23:59", "resolved_at": ""},
        {"received_at": "2025-05-28 00:00", "resolved_at": ""},
        {"received_at": "2025-05-26 10:00", "resolved_at": "2025-06-30"},
    )
    frame, report = load(reference, text, "complaints", today=date(2025, 5, 26))
    assert frame["complaint_id"].tolist() == ["L-10", "L-12"]
    assert [(p.row, p.contract_column) for p in report.errors] == [(3, "received_at")]
    assert pd.isna(frame["resolved_at"].iloc[1])  # an optional date in the future is left empty
    assert [(p.row, p.contract_column) for p in report.warnings] == [(4, "resolved_at")]


def test_a_date_far_from_the_others_is_warned_about_and_kept(reference):
    rows = [{"date": f"2025-05-{d:02d}"} for d in range(1, 11)] + [{"date": "2015-05-11"}]
    frame, report = load(reference, csv_text("patrols", *rows))
    assert len(frame) == 11
    far = [p for p in report.warnings if p.contract_column == "date"]
    assert [(p.row, p.value) for p in far] == [(12, "2015-05-11")]
    assert "jauh dari tanggal lain" in far[0].reason


def test_plausible_range_ignores_detached_tails_only():
    days = np.array([f"2025-05-{d:02d}" for d in range(1, 21)] + ["2026-11-01", "2019-01-01"], "M8[D]")
    assert [str(d) for d in plausibility.plausible_range(days)] == ["2025-05-01", "2025-05-20"]
    steady = np.array([f"2025-{m:02d}-01" for m in range(1, 13)], "M8[D]")  # monthly: no gap > 60 days
    assert plausibility.outside_mask(steady).sum() == 0
    assert plausibility.plausible_range(np.array([], "M8[D]")) is None


def test_one_bad_row_does_not_move_the_default_period(reference):
    rows = [{"date": f"2025-05-{d:02d}"} for d in range(1, 21)] + [{"date": "2026-11-01"}]
    patrols, _ = load(reference, csv_text("patrols", *rows), today=date(2026, 11, 30))
    ds = Dataset(
        patrols,
        empty_frame("complaints", reference),
        empty_frame("officers", reference),
        reference,
        Path("."),
    )
    assert ds.last_date == date(2025, 5, 20)
    assert ds.first_date == date(2025, 5, 1)


# ------------------------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("cells", "expected", "warned"),
    [
        (["1.000"], [1000], [2]),  # could be 1 (a decimal point) or 1000
        (["1.000", "2.500"], [1000, 2500], []),  # 2.500 shows the dot groups thousands
        (["1,000"], [1000], [2]),
        (["12.500.000"], [np.nan], [2]),  # above the count limit: a typing error
        (["1,5"], [np.nan], [2]),
        (["1.5"], [np.nan], [2]),
        (["4,00"], [4], []),
    ],
)
def test_residents_met_number_conventions(reference, cells, expected, warned):
    frame, report = load(reference, csv_text("patrols", *({"residents_met": c} for c in cells)))
    assert frame["residents_met"].tolist() == pytest.approx(expected, nan_ok=True)
    assert [p.row for p in warnings_of(report, "residents_met")] == warned


@pytest.mark.parametrize("value", ["1,5", "1.5", "2,25"])
def test_a_fraction_of_a_person_is_an_error_never_rounded(reference, value):
    _, report = load(reference, csv_text("patrols", {"personnel_count": value}))
    assert report.rows_rejected == 1
    assert "bukan bilangan bulat" in report.errors[0].reason


def test_read_count():
    assert read_count("1.000.000") == (1_000_000, None)
    assert read_count("3 orang") == (3, None)
    assert read_count("1.0000") == (1, None)  # not groups of three: a decimal point, zero fraction
    assert read_count("dua") == (None, None)


# ------------------------------------------------------------------------------------------- vocabularies


@pytest.mark.parametrize(
    ("column", "written", "canonical"),
    [
        ("status", "Sedang diproses", "Diproses"),
        ("status", "Tuntas", "Selesai"),
        ("status", "HOAX", "Tidak Valid"),
        ("status", "belum ditangani", "Baru"),
        ("channel", "WA Hotline", "WhatsApp #LaporPakKapolres"),
        ("channel", "Instagram", "Media Sosial"),
        ("channel", "Telp 110", "Call Center 110"),
    ],
)
def test_complaint_vocabularies_know_register_words(reference, column, written, canonical):
    frame, report = load(
        reference, csv_text("complaints", {column: written, "resolved_at": ""}), "complaints"
    )
    assert frame[column].tolist() == [canonical]
    assert [p.reason for p in warnings_of(report, column)] == [f"diganti dengan nama baku '{canonical}'"]


@pytest.mark.parametrize(
    ("column", "written", "canonical"),
    [
        ("unit", "Sat Reskrim", "Reskrim"),
        ("unit", "Satlantas", "Lantas"),
        ("activity", "Sosialisasi Kamtibmas", "Penyuluhan"),
        ("activity", "Patroli Blue Light", "Patroli Malam"),
        ("leader_rank", "Brigadir Polisi Kepala", "Bripka"),
        ("leader_rank", "Inspektur Polisi Dua", "Ipda"),
    ],
)
def test_patrol_vocabularies_know_register_words(reference, column, written, canonical):
    frame, report = load(reference, csv_text("patrols", {column: written}))
    assert frame[column].tolist() == [canonical]
    assert len(warnings_of(report, column)) == 1


def test_an_empty_status_is_new_and_an_absent_category_column_is_one_note(reference):
    text = csv_text("complaints", {"status": "", "resolved_at": ""})
    frame, report = load(reference, text, "complaints")
    assert frame["status"].tolist() == ["Baru"]
    assert [p.reason for p in warnings_of(report, "status")] == ["kosong; dicatat sebagai 'Baru'"]
    without = "\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != 4) for line in text.splitlines()
    )
    frame, report = load(reference, without + "\n", "complaints")
    assert frame["category"].tolist() == [schema.UNCATEGORISED]
    assert [(p.row, p.contract_column) for p in warnings_of(report, "category")] == [(None, "category")]


def test_a_value_paired_by_the_user_is_read_with_a_warning(reference):
    text = csv_text("complaints", {"status": "Ditunda", "resolved_at": ""}, {"channel": "Surat"})
    _, report = load(reference, text, "complaints")
    assert report.rows_rejected == 2
    pairs = {"status": {"Ditunda": "Baru"}, "channel": {"surat": "Datang Langsung"}}
    frame, report = load(reference, text, "complaints", value_pairs=pairs)
    assert frame["status"].tolist() == ["Baru", "Selesai"]
    assert frame["channel"].tolist()[1] == "Datang Langsung"
    assert [p.reason for p in report.warnings] == [
        "dipasangkan pengguna dengan 'Baru'",
        "dipasangkan pengguna dengan 'Datang Langsung'",
    ]


# ------------------------------------------------------------------------------ one cell, two values


@pytest.mark.parametrize(
    ("cell", "start", "end", "hours"),
    [
        ("22:00–02:00", "22:00", "02:00", 4),
        ("pukul 19.00 sd 21.00", "19:00", "21:00", 2),
        ("08.00 hingga 10.00 WIB", "08:00", "10:00", 2),
        ("07.30 s.d. 09.00", "07:30", "09:00", 1.5),
        ("09:00 — 10:00", "09:00", "10:00", 1),
    ],
)
def test_time_ranges_in_the_start_cell(reference, cell, start, end, hours):
    frame, report = load(reference, csv_text("patrols", {"start_time": cell, "end_time": ""}))
    assert (frame["start_time"].iloc[0], frame["end_time"].iloc[0]) == (start, end)
    assert frame["duration_hours"].iloc[0] == hours
    assert report.rows_rejected == 0


def test_an_end_time_given_in_its_own_column_is_kept(reference):
    frame, _ = load(reference, csv_text("patrols", {"start_time": "19.00-21.00", "end_time": "22:00"}))
    assert (frame["start_time"].iloc[0], frame["end_time"].iloc[0]) == ("19:00", "22:00")


IDENTITY = (
    "tanggal;kelurahan;jenis kegiatan;satuan;{header};jml personel\n"
    "26/05/2025;Gedog;Sambang;Binmas;{a};2\n"
    "27/05/2025;Sentul;Sambang;Binmas;{b};3\n"
)


def test_a_rank_and_nrp_cell_is_split(reference):
    text = (
        "nama ketua;tanggal;kelurahan;jenis kegiatan;satuan;Pangkat/NRP;jml personel\n"
        "Sugeng Riyadi;26/05/2025;Gedog;Sambang;Binmas;Aiptu / 78050111;2\n"
        "Dwi Hartono;27/05/2025;Sentul;Sambang;Binmas;BRIPKA/88110222;3\n"
    )
    frame, report = load(reference, text)
    assert frame["leader_rank"].tolist() == ["Aiptu", "Bripka"]
    assert frame["leader_nrp"].tolist() == ["78050111", "88110222"]
    assert frame["leader_name"].tolist() == ["Sugeng Riyadi", "Dwi Hartono"]
    assert [(p.row, p.contract_column) for p in report.warnings if p.contract_column != "patrol_id"] == [
        (None, "leader_rank")
    ]
    assert "Pangkat/NRP" not in report.ignored_columns


def test_a_name_rank_and_nrp_cell_is_split(reference):
    text = IDENTITY.format(
        header="Nama/Pangkat/NRP", a="Aiptu Sugeng Riyadi / 78050111", b="Dwi Hartono, Bripka, 88110222"
    )
    frame, report = load(reference, text)
    assert frame["leader_name"].tolist() == ["Sugeng Riyadi", "Dwi Hartono"]
    assert frame["leader_rank"].tolist() == ["Aiptu", "Bripka"]
    assert frame["leader_nrp"].tolist() == ["78050111", "88110222"]
    assert report.rows_rejected == 0


def test_a_date_column_and_a_time_column_are_joined(reference):
    text = (
        "tanggal;jam;saluran;kelurahan;kategori;status\n"
        "26/05/2025;09.40;Datang Langsung;Gedog;Pencurian;Baru\n"
        "27/05/2025;;Datang Langsung;Gedog;Pencurian;Baru\n"
        "28/05/2025 07:00;10.00;Datang Langsung;Gedog;Pencurian;Baru\n"
        "Kamis, 29.05.2025;08.15 WIB;Datang Langsung;Gedog;Pencurian;Baru\n"
    )
    frame, report = load(reference, text, "complaints")
    assert frame["received_at"].tolist() == [
        pd.Timestamp("2025-05-26 09:40"),
        pd.Timestamp("2025-05-27"),
        pd.Timestamp("2025-05-28 07:00"),  # the date cell's own time wins
        pd.Timestamp("2025-05-29 08:15"),
    ]
    assert "jam" not in report.ignored_columns
    assert any(p.row is None and "digabung" in p.reason for p in report.warnings)


@pytest.mark.parametrize("header", ["Stempel waktu", "Timestamp", "Tanggal dan waktu"])
def test_form_timestamp_headers_are_received_at(reference, header):
    text = f"{header},Saluran,Kelurahan,Kategori,Status\n26/05/2025 10:15:33,WA,Gedog,Miras,Baru\n"
    frame, report = load(reference, text, "complaints")
    assert report.column_mapping[header] == "received_at"
    assert frame["received_at"].tolist() == [pd.Timestamp("2025-05-26 10:15:33")]


# ------------------------------------------------------------------------------------------- a missing NRP


def test_a_missing_nrp_is_found_by_the_leaders_name(reference):
    officers = frames.officers(nrp=["78050111", "1", "2"], name=["Sugeng Riyadi", "Budi", "budi"])
    text = csv_text(
        "patrols",
        {"leader_nrp": "", "leader_name": "SUGENG  RIYADI"},
        {"leader_nrp": "", "leader_name": "Budi"},
        {"leader_nrp": "", "leader_name": "Orang Baru"},
    )
    frame, report = load(reference, text, officers=officers)
    assert frame["leader_nrp"].tolist()[0] == "78050111"
    assert frame["leader_nrp"].isna().tolist() == [False, True, True]  # two officers named Budi
    reasons = [(p.row, p.reason) for p in warnings_of(report, "leader_nrp")]
    assert reasons[0] == (2, "NRP kosong; diisi 78050111 dari data personel (nama cocok)")
    assert [r for r, _ in reasons] == [2, 3, 4]
    assert report.rows_rejected == 0


# ------------------------------------------------------------------------------------------- the command line


def test_validate_exits_as_before_and_import_says_the_same_words(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    code = cli_main(["validate", str(CASES / "09-future-date-typo.csv"), "--kind", "complaints"])
    validate_out = capsys.readouterr()
    assert code == 1 and "Traceback" not in validate_out.err
    reason = next(line for line in validate_out.out.splitlines() if "2052" in line).split(": ", 1)[1]
    code = cli_main(["import", str(CASES / "09-future-date-typo.csv"), "--data-dir", str(tmp_path)])
    import_out = capsys.readouterr()
    assert code == 1
    assert reason.split("(")[0] in import_out.out
    assert cli_main(["validate", str(CASES / "12-time-range-one-cell.csv")]) == 0
