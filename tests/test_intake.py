"""Intake: upload limits, remembered mappings, the merge plan, safe writes, the log, templates, the CLI."""

from __future__ import annotations

import io
import json
import os
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analysis.__main__ import main as cli_main
from analysis.core import settings
from analysis.data import headers as header_rules
from analysis.data import intake, loading
from analysis.data.schema import KINDS, columns

OFFICERS_CSV = (
    "NRP,Nama,Pangkat,Satuan/fungsi,Kelurahan binaan,Aktif\n"
    "75010001,Roziek Mustofa,Aiptu,Binmas,,ya\n"
    "80020002,Siti Aminah,Bripka,Bhabinkamtibmas,Gedog,ya\n"
)
PATROLS_CSV = (
    "ID patroli,Tanggal,Jam mulai,Jam selesai,Kelurahan,Jenis kegiatan,Satuan/fungsi,NRP ketua,Nama ketua,"
    "Pangkat,Jumlah personel,Topik/materi,Lintang,Bujur,Keterangan\n"
    "P-1,26/05/2025,09.00,10:30,Gedog,Patroli Dialogis,Binmas,75010001,Roziek Mustofa,Aiptu,4,"
    'Gangguan keamanan lingkungan; Keresahan sosial,-8.0871,112.1822,=HYPERLINK("x")\n'
    "P-2,27/05/2025,21:00,22:30,Sentul,Patroli Malam,Samapta,80020002,Siti Aminah,Bripka,3,,,,-\n"
)


def officers(*rows: tuple[str, str]) -> pd.DataFrame:
    """A contract-shaped officers frame (as text) from (nrp, name) pairs."""
    return pd.DataFrame(
        [
            {
                "nrp": n,
                "name": name,
                "rank": "Bripka",
                "unit": "Binmas",
                "assigned_kelurahan": "",
                "active": "ya",
            }
            for n, name in rows
        ],
        columns=columns("officers"),
    )


# --- limits --------------------------------------------------------------------------------------------


def test_upload_limit_comes_from_the_streamlit_config(tmp_path):
    assert settings.upload_limit_bytes() == 20 * 1024 * 1024
    config = tmp_path / "config.toml"
    config.write_text("[server]\nmaxUploadSize = 5\n")
    assert settings.upload_limit_bytes(config) == 5 * 1024 * 1024


def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit():
    with pytest.raises(intake.UploadRefused, match=r"terlalu besar \(2,0 MB; batas 1 MB\)"):
        intake.check_upload(b"a,b\n" * (512 * 1024), "besar.csv", limit=1024 * 1024)


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"", "kosong.csv", "intake.refused.empty"),
        (b"%PDF-1.7\n...", "laporan.csv", "intake.refused.binary"),
        (b"ID\x00\x00\x01\x02data", "data.csv", "intake.refused.binary"),
        (b"tanggal,kelurahan\n", "data.xlsx", "intake.refused.not_excel"),
    ],
)
def test_empty_binary_and_fake_excel_files_are_refused(data, name, key):
    with pytest.raises(intake.UploadRefused) as refused:
        intake.check_upload(data, name, limit=1024)
    assert refused.value.key == key
    assert name in refused.value.message("id") and name in refused.value.message("en")


def test_a_plain_csv_and_a_real_workbook_pass_the_checks():
    intake.check_upload(OFFICERS_CSV.encode("cp1252"), "personel.csv", limit=1024 * 1024)
    intake.check_upload(intake.template_excel_bytes("officers"), "templat.xlsx", limit=1024 * 1024)


# --- remembered mappings -------------------------------------------------------------------------------


def test_a_mapping_is_remembered_for_the_same_headers_in_any_order(tmp_path):
    headers = ["No", "Tgl Kegiatan", "Desa Sasaran"]
    intake.remember_mapping(
        tmp_path, headers, "patrols", {"Tgl Kegiatan": "date", "Desa Sasaran": "kelurahan"}
    )
    assert intake.find_mapping(tmp_path, ["desa sasaran", "No", "TGL  kegiatan"]) == (
        "patrols",
        {"Tgl Kegiatan": "date", "Desa Sasaran": "kelurahan"},
    )
    assert intake.find_mapping(tmp_path, ["Tgl Kegiatan", "Desa Sasaran"]) is None
    assert [p.name for p in tmp_path.iterdir()] == [".mappings.json"]


def test_a_broken_mappings_file_means_no_mapping_not_a_crash(tmp_path):
    (tmp_path / ".mappings.json").write_text("{not json")
    assert intake.find_mapping(tmp_path, ["a"]) is None
    intake.remember_mapping(tmp_path, ["a"], "officers", {"a": "nrp", "b": "no such column"})
    assert intake.find_mapping(tmp_path, ["a"]) == ("officers", {"a": "nrp", "b": None})  # b: ignored


# --- merge plan ----------------------------------------------------------------------------------------


def test_rows_are_matched_by_id_new_identical_and_changed():
    existing = officers(("1", "Ani"), ("2", "Budi"))
    incoming = officers(("2", "Budi Santoso"), ("3", "Cici"), ("1", "Ani"))
    plan = intake.plan_merge(existing, incoming, "officers")
    assert plan.new_ids == ("3",)
    assert plan.identical_ids == ("1",)
    assert plan.conflicts == (intake.Conflict("2", (intake.Change("name", "Budi", "Budi Santoso"),)),)


def test_a_column_the_file_lacks_is_not_a_change():
    existing = officers(("1", "Ani"))
    incoming = officers(("1", "Ani")).assign(unit="")  # the file had no unit column
    assert intake.plan_merge(existing, incoming, "officers", ["nrp", "name"]).identical_ids == ("1",)
    assert intake.plan_merge(existing, incoming, "officers").conflict_ids == ("1",)


def test_updates_are_applied_only_when_accepted_and_inputs_stay_untouched():
    existing = officers(("1", "Ani"), ("2", "Budi"))
    incoming = officers(("2", "Budi Santoso"), ("3", "Cici"))
    before = (existing.copy(), incoming.copy())
    plan = intake.plan_merge(existing, incoming, "officers", ["nrp", "name"])

    kept = intake.apply_plan(existing, incoming, plan, accept_updates=False)
    assert kept["name"].tolist() == ["Ani", "Budi", "Cici"]
    updated = intake.apply_plan(existing, incoming.assign(unit="Samapta"), plan, accept_updates=True)
    assert updated["name"].tolist() == ["Ani", "Budi Santoso", "Cici"]
    assert updated["unit"].tolist() == ["Binmas", "Binmas", "Samapta"]  # unit was not compared: kept
    pd.testing.assert_frame_equal(existing, before[0])
    pd.testing.assert_frame_equal(incoming, before[1])


def test_merging_into_nothing_adds_everything():
    plan = intake.plan_merge(officers(), officers(("1", "Ani")), "officers")
    assert plan.new_ids == ("1",) and not plan.conflicts and not plan.identical_ids


# --- safe writes ---------------------------------------------------------------------------------------


def test_an_interrupted_write_leaves_the_previous_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "officers.csv"
    target.write_bytes(b"old content")

    def power_cut(src, dst):
        raise OSError("disk penuh")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="disk penuh"):
        intake.atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["officers.csv"]


def test_a_backup_is_a_timestamped_copy_in_the_backups_folder(tmp_path):
    target = tmp_path / "patrols.csv"
    assert intake.backup_file(target, datetime(2026, 11, 28, 9, 30)) is None
    target.write_text("a\n1\n")
    backup = intake.backup_file(target, datetime(2026, 11, 28, 9, 30, 5))
    sha16 = intake.file_sha256(b"a\n1\n")[:16]
    assert backup == tmp_path / ".backups" / f"patrols.20261128-093005-000000.{sha16}.csv"
    assert backup.read_text() == "a\n1\n"


def test_the_import_log_only_grows(tmp_path):
    first = intake.ImportResult("2026-11-28T09:00:00", "a.csv", "ab", "officers", 2, 2, 0, 2, 0, 0, 0, "ani")
    intake.append_log(tmp_path, first)
    line = (tmp_path / intake.LOG_NAME).read_text()
    intake.append_log(
        tmp_path,
        intake.ImportResult("2026-11-28T10:00:00", "b.csv", "cd", "patrols", 1, 0, 1, 0, 0, 0, 0, ""),
    )
    assert (tmp_path / intake.LOG_NAME).read_text().startswith(line)
    assert [e["file_name"] for e in intake.read_log(tmp_path)] == ["a.csv", "b.csv"]
    assert intake.previous_import(tmp_path, "ab")["when"] == "2026-11-28T09:00:00"
    assert intake.previous_import(tmp_path, "zz") is None


# --- templates and freshness ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_templates_have_indonesian_headers_the_loader_recognises(kind):
    headers = pd.read_csv(io.BytesIO(intake.template_csv_bytes(kind)), encoding="utf-8-sig").columns.tolist()
    assert headers[0] in {"ID patroli", "ID laporan", "NRP"}
    assert header_rules.detect_kind(headers) == kind
    workbook = openpyxl.load_workbook(io.BytesIO(intake.template_excel_bytes(kind)))
    assert workbook.sheetnames == ["Data", "Petunjuk"]
    assert [c.value for c in workbook["Data"][1]] == headers


def test_freshness_counts_days_back_from_today():
    assert intake.freshness_text(date(2026, 11, 25), "id", today=date(2026, 11, 28)) == (
        "Data terakhir: 25 Nov 2026, 3 hari lalu"
    )
    assert intake.freshness_text(date(2026, 11, 25), "en", today=date(2026, 11, 26)) == (
        "Latest data: 25 Nov 2026, 1 day ago"
    )


# --- the whole import (loader + merge + write + log) ---------------------------------------------------


def run_import(data_dir: Path, text: str, kind, reference, name="berkas.csv", accept=False, **kwargs):
    data = text.encode("utf-8")
    clean, report = loading.load_table(data, kind, reference, filename=name)
    return intake.import_rows(
        data_dir,
        kind,
        clean,
        report,
        file_name=name,
        sha256=intake.file_sha256(data),
        reference=reference,
        accept_updates=accept,
        user="analis1",
        **kwargs,
    )


def test_an_import_adds_rows_logs_itself_and_a_second_import_adds_nothing(tmp_path, reference):
    first = run_import(tmp_path, PATROLS_CSV, "patrols", reference, now=datetime(2026, 11, 28, 9, 0))
    assert (first.added, first.skipped, first.backup) == (2, 0, None)
    written = (tmp_path / "patrols.csv").read_bytes()
    clean, report = loading.load_table(tmp_path / "patrols.csv", "patrols", reference)
    assert report.rows_rejected == 0 and clean["patrol_id"].tolist() == ["P-1", "P-2"]

    second = run_import(tmp_path, PATROLS_CSV, "patrols", reference, now=datetime(2026, 11, 28, 9, 5))
    assert (second.added, second.updated, second.skipped, second.backup) == (0, 0, 2, None)
    assert (tmp_path / "patrols.csv").read_bytes() == written
    log = intake.read_log(tmp_path)
    assert [(e["added"], e["skipped"], e["user"], e["kind"]) for e in log] == [
        (2, 0, "analis1", "patrols"),
        (0, 2, "analis1", "patrols"),
    ]
    assert log[0]["sha256"] == log[1]["sha256"] == intake.file_sha256(PATROLS_CSV.encode())


def test_a_changed_row_waits_for_confirmation_and_the_replaced_file_is_backed_up(tmp_path, reference):
    run_import(tmp_path, OFFICERS_CSV, "officers", reference)
    original = (tmp_path / "officers.csv").read_text()
    revised = OFFICERS_CSV.replace("Bripka", "Aipda")
    pending = run_import(tmp_path, revised, "officers", reference)
    assert (pending.added, pending.updated, pending.pending) == (0, 0, 1)
    assert pending.conflicts[0].changes == (intake.Change("rank", "Bripka", "Aipda"),)
    assert (tmp_path / "officers.csv").read_text() == original

    applied = run_import(tmp_path, revised, "officers", reference, accept=True)
    assert (applied.updated, applied.pending) == (1, 0)
    assert Path(applied.backup).read_text() == original
    assert "Aipda" in (tmp_path / "officers.csv").read_text()


def test_an_import_interrupted_before_the_rename_changes_nothing(tmp_path, reference, monkeypatch):
    run_import(tmp_path, OFFICERS_CSV, "officers", reference)
    original = (tmp_path / "officers.csv").read_bytes()
    more = OFFICERS_CSV + "90030003,Budi Santoso,Bripda,Samapta,,ya\n"

    def power_cut(src, dst):
        raise OSError("listrik padam")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="listrik padam"):
        run_import(tmp_path, more, "officers", reference)
    monkeypatch.undo()
    assert (tmp_path / "officers.csv").read_bytes() == original
    assert len(intake.read_log(tmp_path)) == 1  # the failed import is not logged as done
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert run_import(tmp_path, more, "officers", reference).added == 1


def test_rows_the_data_file_already_rejects_survive_a_merge(tmp_path, reference):
    (tmp_path / "officers.csv").write_text(
        "nrp,name,rank,unit,assigned_kelurahan,active\n"
        '1,"Ani\nAmalia",Bripka,Binmas,,ya\n'
        "2,Budi,Jenderal,Binmas,,ya\n"  # an unknown rank: rejected by the loader, kept in the file
    )
    result = run_import(tmp_path, OFFICERS_CSV, "officers", reference)
    assert (result.added, result.rows_rejected) == (2, 0)
    kept = pd.read_csv(tmp_path / "officers.csv", dtype=str, keep_default_na=False)
    assert kept["nrp"].tolist() == ["1", "2", "75010001", "80020002"]
    assert kept.loc[1, "rank"] == "Jenderal"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_export_import_changes_nothing(tmp_path, reference, fmt):
    from analysis.data import export

    run_import(tmp_path, PATROLS_CSV, "patrols", reference)
    written = (tmp_path / "patrols.csv").read_bytes()
    clean, _ = loading.load_table(tmp_path / "patrols.csv", "patrols", reference)
    frame = intake.export_frame(clean, "patrols")
    assert frame["lat"].dropna().tolist() == [-8.0871]  # a number, so no formula apostrophe
    data = export.to_csv_bytes(frame) if fmt == "csv" else export.to_excel_bytes(frame)
    again, report = loading.load_table(data, "patrols", reference, filename=f"ekspor.{fmt}")
    assert report.rows_rejected == 0
    assert again["notes"].tolist() == ['\'=HYPERLINK("x")', "'-"]  # neutralised in the download
    pd.testing.assert_frame_equal(
        intake.incoming_rows(again, "patrols"), intake.incoming_rows(clean, "patrols")
    )
    result = intake.import_rows(
        tmp_path, "patrols", again, report, file_name=f"ekspor.{fmt}", sha256="x", reference=reference
    )
    assert (result.added, result.updated, result.pending, result.skipped) == (0, 0, 0, 2)
    assert (tmp_path / "patrols.csv").read_bytes() == written


# --- command line --------------------------------------------------------------------------------------


def test_cli_imports_and_reports_as_json(tmp_path, capsys):
    source = tmp_path / "personel.csv"
    source.write_text(OFFICERS_CSV + "90030003,Budi,Jenderal,Samapta,,ya\n")
    data_dir = tmp_path / "data"
    code = cli_main(["import", str(source), "--kind", "officers", "--data-dir", str(data_dir), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1  # one row rejected, the valid ones merged
    assert (out["added"], out["rows_rejected"], out["problems"][0]["row"]) == (2, 1, 4)
    assert len(pd.read_csv(data_dir / "officers.csv")) == 2


def test_cli_recognises_the_kind_and_exits_0_when_every_row_is_valid(tmp_path, capsys):
    source = tmp_path / "patroli.csv"
    source.write_text(PATROLS_CSV)
    code = cli_main(["import", str(source), "--data-dir", str(tmp_path / "data")])
    assert code == 0
    assert "2 baris ditambahkan" in capsys.readouterr().out


def test_cli_pending_updates_need_yes(tmp_path, capsys):
    data_dir = tmp_path / "data"
    source = tmp_path / "personel.csv"
    source.write_text(OFFICERS_CSV)
    cli_main(["import", str(source), "--data-dir", str(data_dir)])
    source.write_text(OFFICERS_CSV.replace("Siti Aminah", "Siti Aminah S"))
    assert cli_main(["import", str(source), "--data-dir", str(data_dir)]) == 0
    assert "--yes" in capsys.readouterr().out
    assert cli_main(["import", str(source), "--data-dir", str(data_dir), "--yes"]) == 0
    assert "Siti Aminah S" in (data_dir / "officers.csv").read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 \x00\x01", "bukan teks CSV"),
        (b"judul,lain\n1,2\n", "sebutkan --kind"),
    ],
)
def test_cli_unreadable_files_exit_2_and_touch_nothing(tmp_path, capsys, content, message):
    source = tmp_path / "aneh.csv"
    source.write_bytes(content)
    data_dir = tmp_path / "data"
    assert cli_main(["import", str(source), "--data-dir", str(data_dir)]) == 2
    assert message in capsys.readouterr().err
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_the_problem_table_lists_rejected_rows_first_in_file_order_in_the_users_language():
    problems = [
        loading.Problem(5, "Satuan", "Sabhara", "diganti", "warning", "unit", "replaced"),
        loading.Problem(None, "patrol_id", "", "ID dibuat", "warning", "patrol_id", "ID made"),
        loading.Problem(12, "Kelurahan", "Atlantis", "tidak dikenal", "error", "kelurahan", "unknown"),
        loading.Problem(4, "Tanggal", "31/11", "tidak mungkin", "error", "date", "impossible"),
    ]
    table = intake.problems_table(problems, "id")
    assert table["Baris"].tolist() == ["4", "12", "–", "5"]
    assert table["Jenis"].tolist() == ["ditolak", "ditolak", "diubah", "diubah"]
    assert intake.problems_table(problems, "en")["Reason"].tolist() == [
        "impossible",
        "unknown",
        "ID made",
        "replaced",
    ]


def test_a_workbook_with_no_recognisable_sheet_is_refused_by_name(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.title = "Rekap"
    book.active.append(["Bulan", "Jumlah"])
    book.create_sheet("Grafik").append(["catatan"])
    source = tmp_path / "rekap.xlsx"
    book.save(source)
    assert cli_main(["import", str(source), "--kind", "patrols", "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "tidak ada lembar" in err and "Rekap, Grafik" in err


def test_cli_refuses_to_merge_into_a_data_file_it_cannot_read(tmp_path, capsys):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "officers.csv").write_text("kolom,lain\n1,2\n")
    source = tmp_path / "personel.csv"
    source.write_text(OFFICERS_CSV)
    assert cli_main(["import", str(source), "--kind", "officers", "--data-dir", str(data_dir)]) == 2
    assert "data lama tidak berubah" in capsys.readouterr().err
    assert (data_dir / "officers.csv").read_text() == "kolom,lain\n1,2\n"


def test_rows_the_data_file_rejects_survive_a_rewrite_after_blank_lines_and_multiline_cells(
    tmp_path, reference
):
    """Rejected rows are found by their line in the file, which blank lines and line breaks shift."""
    from analysis.data.intake import existing_rows

    (tmp_path / "patrols.csv").write_text(
        "patrol_id,date,kelurahan,activity,unit,leader_nrp,leader_name,personnel_count,notes\n"
        "\n"
        'P1,2025-05-26,Gedog,Sambang,Binmas,1,Budi,2,"dua\nbaris"\n'
        "P2,2025-05-26,Atlantis,Sambang,Binmas,1,Budi,2,\n"
        "P3,2025-05-27,Gedog,Sambang,Binmas,1,Budi,2,\n",
        encoding="utf-8",
    )
    rows = existing_rows(tmp_path, "patrols", reference)
    assert sorted(rows["patrol_id"]) == ["P1", "P2", "P3"]
    assert rows.loc[rows["patrol_id"] == "P2", "kelurahan"].item() == "Atlantis"
