"""Bounded parsing (issue 19, item 1): hostile files are refused by a named limit before they cost memory,
through the loader and the command line; every hostile file is built here (none committed)."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from analysis.__main__ import main as cli_main
from analysis.data import limits
from analysis.data.limits import LimitExceeded, Limits, limits_from_env
from analysis.data.loading import UnreadableFile, load_table, read_raw

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["Tanggal", "Kelurahan", "Jenis Kegiatan", "Satuan", "NRP Ketua", "Nama Ketua", "Jml Personel"]
ROW = ["26/05/2025", "Gedog", "Sambang", "Binmas", "78050111", "Sugeng Riyadi", 2]
CSV_HEADER = "tanggal,kelurahan,jenis kegiatan,satuan,nrp ketua,nama ketua,jml personel\n"
CSV_ROW = "26/05/2025,Gedog,Sambang,Binmas,78050111,Sugeng Riyadi,2\n"


def workbook_bytes(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_sheet(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


def dimension_bomb() -> bytes:
    """A few cells declaring a range of 5,000,000 rows x 18,278 columns (the file that killed the server)."""
    data = workbook_bytes([HEADER, ROW])
    return rewrite_sheet(
        data, lambda xml: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:ZZZ5000000"', xml)
    )


def one_line_csv() -> bytes:
    return b"a," * 5_000_000  # 10 MB, one line, five million columns


@pytest.fixture
def env(monkeypatch):
    for variable in limits.SETTINGS.values():
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def test_the_defaults_and_the_settings(env):
    assert limits_from_env() == Limits(512, 1_000_000, 200, 100_000, 30_000_000, 1024)
    env.setenv("DASHBOARD_MAX_ROWS", "5_000")
    env.setenv("DASHBOARD_MAX_COLUMNS", "50")
    assert limits_from_env().max_rows == 5000 and limits_from_env().max_columns == 50


def test_a_mistyped_setting_keeps_the_default_and_says_so(env, caplog):
    env.setenv("DASHBOARD_MAX_CELL_CHARS", "seratus ribu")
    env.setenv("DASHBOARD_MAX_ROWS", "0")
    with caplog.at_level(logging.WARNING, logger="analysis.core.settings"):
        assert limits_from_env() == Limits()
    assert "DASHBOARD_MAX_CELL_CHARS" in caplog.text and "DASHBOARD_MAX_ROWS" in caplog.text


def test_the_dimension_bomb_is_refused_from_its_declared_range(env, reference):
    data = dimension_bomb()
    assert len(data) < 8000
    with pytest.raises(LimitExceeded) as refused:
        load_table(data, "patrols", reference, filename="bom.xlsx")
    message = str(refused.value)
    assert "A1:ZZZ5000000" in message and "5.000.000 baris" in message
    assert "batas 1.000.000 baris data (DASHBOARD_MAX_ROWS)" in message
    assert "DASHBOARD_MAX_ROWS" in refused.value.message_en


def test_declared_columns_and_cells_are_limits_too(env, reference):
    wide = rewrite_sheet(workbook_bytes([HEADER, ROW]), lambda x: x.replace('ref="A1:G2"', 'ref="A1:ZZ10"'))
    with pytest.raises(
        LimitExceeded, match=r"menyatakan 702 kolom; batas 200 kolom \(DASHBOARD_MAX_COLUMNS\)"
    ):
        load_table(wide, "patrols", reference)
    env.setenv("DASHBOARD_MAX_CELLS", "100")
    tall = rewrite_sheet(workbook_bytes([HEADER, ROW]), lambda x: x.replace('ref="A1:G2"', 'ref="A1:G20"'))
    with pytest.raises(
        LimitExceeded, match=r"20 baris × 7 kolom = 140 sel; batas 100 sel \(DASHBOARD_MAX_CELLS\)"
    ):
        load_table(tall, "patrols", reference)


def test_rows_are_counted_while_streaming_when_the_sheet_declares_less(env, reference):
    env.setenv("DASHBOARD_MAX_ROWS", "5")
    data = workbook_bytes([HEADER] + [ROW] * 30)
    data = rewrite_sheet(data, lambda x: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:G2"', x))
    with pytest.raises(LimitExceeded, match=r"lembar 'Sheet' berisi lebih dari 18 baris; batas 5 baris data"):
        load_table(data, "patrols", reference)


def test_a_value_beyond_the_column_limit_and_a_long_excel_cell_are_refused(env, reference):
    far = [*ROW, *([None] * 250), "catatan"]
    data = workbook_bytes([HEADER, far])  # its dimension says A1:IX2; this one understates it
    data = rewrite_sheet(data, lambda x: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:G2"', x))
    with pytest.raises(LimitExceeded, match=r"baris 2 berisi 258 kolom; batas 200 kolom"):
        load_table(data, "patrols", reference)
    env.setenv("DASHBOARD_MAX_CELL_CHARS", "50")
    long = [*ROW[:5], "x" * 60, 2]
    with pytest.raises(LimitExceeded, match=r"lembar 'Sheet', sel F2: satu sel berisi 60 karakter; batas 50"):
        load_table(workbook_bytes([HEADER, long]), "patrols", reference)


def test_a_workbook_that_unzips_past_the_limit_is_refused_before_it_is_opened(env, reference):
    env.setenv("DASHBOARD_MAX_UNZIPPED_MB", "1")
    data = workbook_bytes([HEADER] + [[*ROW[:6], "x" * 2000]] * 600)  # ~1.2 MB of sheet XML
    with pytest.raises(
        LimitExceeded, match=r"setelah diekstrak 2 MB; batas 1 MB \(DASHBOARD_MAX_UNZIPPED_MB\)"
    ):
        load_table(data, "patrols", reference)


def test_the_file_size_limit(env, reference):
    env.setenv("DASHBOARD_MAX_FILE_MB", "1")
    data = (CSV_HEADER + CSV_ROW * 20_000).encode()
    with pytest.raises(
        LimitExceeded, match=r"berkas terlalu besar: 2 MB; batas 1 MB \(DASHBOARD_MAX_FILE_MB\)"
    ):
        load_table(data, "patrols", reference)


def test_the_one_line_csv_is_refused_by_the_column_limit(env, reference):
    with pytest.raises(LimitExceeded, match=r"baris 1 berisi 5\.000\.001 kolom; batas 200 kolom"):
        load_table(one_line_csv(), "patrols", reference)


def test_a_giant_line_in_the_middle_of_a_csv_is_refused_by_its_columns(env, reference):
    data = (CSV_HEADER + CSV_ROW * 3 + "x," * 200_000 + "\n" + CSV_ROW).encode()
    with pytest.raises(LimitExceeded, match=r"baris 5 berisi 200\.001 kolom"):
        load_table(data, "patrols", reference)


def test_a_csv_cell_over_the_character_limit_is_refused(env, reference):
    data = (CSV_HEADER + CSV_ROW + CSV_ROW.replace("Sugeng Riyadi", "y" * 150_000)).encode()
    with pytest.raises(LimitExceeded, match=r"baris 3: satu sel berisi 150\.000 karakter; batas 100\.000"):
        load_table(data, "patrols", reference)


def test_long_quoted_cells_with_commas_inside_are_within_the_limits(env, reference):
    notes = '"' + ("hujan, deras; " * 5000) + 'reda"'  # 70,004 characters, 5,000 commas inside quotes
    text = CSV_HEADER.replace("\n", ",keterangan\n") + CSV_ROW.replace("\n", f",{notes}\n")
    frame, report = load_table(text.encode(), "patrols", reference)
    assert report.rows_valid == 1 and len(frame["notes"].iloc[0]) == 70_004


def test_csv_rows_and_header_width_limits(env, reference):
    env.setenv("DASHBOARD_MAX_ROWS", "10")
    with pytest.raises(LimitExceeded, match=r"CSV berisi lebih dari 24 baris; batas 10 baris data"):
        load_table((CSV_HEADER + CSV_ROW * 23).encode(), "patrols", reference)
    _, report = load_table((CSV_HEADER + CSV_ROW * 10).encode(), "patrols", reference)
    assert report.rows_total == 10
    env.setenv("DASHBOARD_MAX_COLUMNS", "5")
    with pytest.raises(LimitExceeded, match=r"baris 1 berisi 7 kolom; batas 5 kolom"):
        read_raw((CSV_HEADER + CSV_ROW).encode())


def test_a_limit_is_an_unreadable_file_for_every_caller():
    assert issubclass(LimitExceeded, UnreadableFile)


@pytest.mark.parametrize(
    ("name", "build", "needle"),
    [
        ("bom.xlsx", dimension_bomb, "DASHBOARD_MAX_ROWS"),
        ("satu-baris.csv", one_line_csv, "DASHBOARD_MAX_COLUMNS"),
    ],
)
def test_the_command_line_refuses_hostile_files_with_exit_2_and_writes_nothing(
    tmp_path, capsys, env, name, build, needle
):
    source = tmp_path / name
    source.write_bytes(build())
    data_dir = tmp_path / "data"
    assert (
        cli_main(["validate", str(source), "--kind", "patrols", "--out", str(tmp_path / "bersih.csv")]) == 2
    )
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert not (tmp_path / "bersih.csv").exists()
    assert cli_main(["import", str(source), "--kind", "patrols", "--data-dir", str(data_dir), "--json"]) == 2
    assert needle in json.loads(capsys.readouterr().out)["error"]
    assert not data_dir.exists() or not any(data_dir.iterdir())


_MEASURE = """
import resource, sys
from analysis.data.loading import UnreadableFile, load_table
from analysis.data.reference import load_reference
reference = load_reference()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_table(sys.argv[1], "patrols", reference)
    print("READ")
except UnreadableFile as exc:
    print("REFUSED", exc.setting if hasattr(exc, "setting") else exc)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.mark.parametrize(
    ("name", "build", "setting"),
    [
        ("bom.xlsx", dimension_bomb, "DASHBOARD_MAX_ROWS"),
        ("satu-baris.csv", one_line_csv, "DASHBOARD_MAX_COLUMNS"),
    ],
)
def test_hostile_files_are_refused_without_the_memory_growing(tmp_path, name, build, setting):
    source = tmp_path / name
    source.write_bytes(build())
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_MAX_")}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(source)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    refused, growth_mb = done.stdout.split("\n")[:2]
    assert refused == f"REFUSED {setting}", done.stderr
    assert int(growth_mb) < 300


def test_the_command_line_process_stays_small_on_the_dimension_bomb(tmp_path):
    source = tmp_path / "bom.xlsx"
    source.write_bytes(dimension_bomb())
    script = (
        "import resource, subprocess, sys\n"
        "command = [sys.executable, '-m', 'analysis', 'validate', sys.argv[1], '--kind', 'patrols']\n"
        "done = subprocess.run(command, capture_output=True, text=True)\n"
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
        "print(done.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(source)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    code, peak_mb = done.stdout.split("\n")[0].split()
    assert code == "2" and int(peak_mb) < 1024
    assert "DASHBOARD_MAX_ROWS" in done.stdout and "Traceback" not in done.stdout


def test_lines_ending_in_a_carriage_return_alone_are_lines(env, reference):
    text = (CSV_HEADER + CSV_ROW * 3).replace("\n", "\r")  # an old Mac export
    _, report = load_table(text.encode(), "patrols", reference)
    assert report.rows_total == 3
    env.setenv("DASHBOARD_MAX_ROWS", "1")
    with pytest.raises(LimitExceeded, match="DASHBOARD_MAX_ROWS"):
        load_table((CSV_HEADER + CSV_ROW * 20).replace("\n", "\r").encode(), "patrols", reference)


@pytest.mark.parametrize("rows_before", [0, 15])  # among the first lines, and further down
def test_a_long_paragraph_inside_a_quoted_cell_spanning_lines_is_not_counted_as_columns(
    env, reference, rows_before
):
    paragraph = "warga resah, sering terjadi, " * 2500  # 72,500 characters and 5,000 commas on one line
    notes = f'"Kronologi:\n{paragraph}\nselesai"'
    before = "".join(
        CSV_ROW.replace("Gedog", "Sentul").replace("\n", f",catatan {i}\n") for i in range(rows_before)
    )
    text = CSV_HEADER.replace("\n", ",keterangan\n") + before + CSV_ROW.replace("\n", f",{notes}\n")
    _, report = load_table(text.encode(), "patrols", reference)
    assert report.rows_total == rows_before + 1 and not report.errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"a,b\n1,2\n3,4\n", 3),
        (b"a,b\r\n1,2\r\n3,4", 2),
        (b'a,b\n1,"x\ny"\n', 3),  # a break inside a quoted cell is a byte like any other
        (b"a,b\r1,2\r3,4\r", None),  # lines ending with CR alone: the reader counts for itself
    ],
)
def test_the_size_check_hands_the_reader_its_count_of_line_breaks(env, text, expected):
    assert limits.check_text(text) == expected
