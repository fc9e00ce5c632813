"""An unexpected error on the command line names what happened, in Bahasa; the details go to the log."""

from __future__ import annotations

import errno

import pytest

from analysis.__main__ import main as cli_main
from analysis.cli import validate as validate_cli
from analysis.core import errors


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (MemoryError(), "memori tidak cukup (MemoryError)"),
        (
            OSError(errno.ENOSPC, "No space left on device", "/data/patrols.csv"),
            "disk penuh: /data/patrols.csv",
        ),
        (PermissionError(errno.EACCES, "Permission denied", "/data"), "izin ditolak: /data"),
        (OSError(errno.EBUSY, "Device or resource busy"), "berkas sedang dipakai program lain"),
        (OSError(errno.EROFS, "Read-only file system"), "disk hanya-baca"),
        (OSError(errno.EIO, "Input/output error"), "galat sistem berkas: Input/output error"),
        (ValueError(""), "ValueError: tanpa keterangan"),
        (KeyError("kolom"), "KeyError: 'kolom'"),
    ],
)
def test_every_unexpected_error_is_named(exc, expected):
    assert expected in errors.describe(exc)
    assert errors.describe(exc, "en").strip()


def test_a_file_open_in_excel_on_windows_is_named():
    exc = OSError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32
    assert errors.describe(exc).startswith("berkas sedang dipakai program lain")


def test_out_of_memory_on_the_command_line_says_so_and_logs_the_details(tmp_path, monkeypatch, capsys):
    log = tmp_path / "logs" / "errors.log"
    monkeypatch.setenv("DASHBOARD_ERROR_LOG", str(log))

    def out_of_memory(args):
        raise MemoryError

    monkeypatch.setattr(validate_cli, "run_cli", out_of_memory)
    assert cli_main(["validate", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Galat tak terduga: memori tidak cukup (MemoryError)")
    assert "Traceback" not in err and str(log) in err
    logged = log.read_text("utf-8")
    assert "python -m analysis validate" in logged and "Traceback" in logged and "MemoryError" in logged


def test_an_unwritable_log_still_names_the_error(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DASHBOARD_ERROR_LOG", str(blocker / "errors.log"))  # a file as the folder

    def disk_full(args):
        raise OSError(errno.ENOSPC, "No space left on device", "/data/patrols.csv")

    monkeypatch.setattr(validate_cli, "run_cli", disk_full)
    assert cli_main(["validate", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "Galat tak terduga: disk penuh: /data/patrols.csv"
