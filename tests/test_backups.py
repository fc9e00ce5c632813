"""Backups and temporary files stay bounded; a restore puts a backup back atomically."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta

import pytest

from analysis.core import settings
from analysis.data import backups, intake
from analysis.data.dataset import FILE_NAMES
from analysis.data.files import atomic_write_bytes
from tests.test_intake import run_import

HEADER = "NRP,Nama,Pangkat,Satuan/fungsi,Kelurahan binaan,Aktif\n"


def officers_csv(count: int) -> str:
    return HEADER + "".join(f"{75010000 + i},Petugas {i},Bripka,Binmas,,ya\n" for i in range(count))


def test_retention_settings_come_from_the_environment_with_defaults(monkeypatch):
    monkeypatch.delenv(settings.BACKUP_KEEP.name, raising=False)
    monkeypatch.delenv(settings.BACKUP_DAYS.name, raising=False)
    assert backups.retention_from_env() == backups.Retention(20, 90)
    monkeypatch.setenv(settings.BACKUP_KEEP.name, "5")
    monkeypatch.setenv(settings.BACKUP_DAYS.name, "7")
    assert backups.retention_from_env() == backups.Retention(5, 7)
    monkeypatch.setenv(settings.BACKUP_KEEP.name, "nol")
    monkeypatch.setenv(settings.BACKUP_DAYS.name, "-3")
    assert backups.retention_from_env() == backups.Retention(20, 90)


def test_fifty_imports_of_changing_data_leave_the_retained_backups_and_no_temporary_file(
    tmp_path, reference, monkeypatch
):
    monkeypatch.delenv(settings.BACKUP_KEEP.name, raising=False)
    monkeypatch.delenv(settings.BACKUP_DAYS.name, raising=False)
    start = datetime(2026, 11, 1, 8, 0)
    for i in range(1, 51):
        run_import(tmp_path, officers_csv(i), "officers", reference, now=start + timedelta(minutes=i))
    kept = backups.list_backups(tmp_path, "officers.csv")
    assert len(kept) == backups.DEFAULT_KEEP
    # the newest backups are the ones kept: the file as it was before the last import had 49 officers
    assert kept[0].path.read_text().count("\n") == 1 + 49
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    assert backups.total_size(tmp_path) == sum(b.size for b in kept)


def test_an_unchanged_file_is_never_backed_up_twice(tmp_path):
    target = tmp_path / "patrols.csv"
    target.write_text("a\n1\n")
    first = backups.backup_file(target, datetime(2026, 11, 28, 9, 0))
    again = backups.backup_file(target, datetime(2026, 11, 28, 9, 5))
    assert first == again
    target.write_text("a\n2\n")
    third = backups.backup_file(target, datetime(2026, 11, 28, 9, 10))
    assert third != first
    assert len(backups.list_backups(tmp_path)) == 2


def test_backups_older_than_the_limit_go_and_the_newest_stays(tmp_path):
    target = tmp_path / "complaints.csv"
    for day in range(5):
        target.write_text(f"x\n{day}\n")
        backups.backup_file(target, datetime(2026, 1, 1 + day), backups.Retention(keep=20, max_days=1000))
    # a legacy backup without a hash in its name is counted and pruned like the others
    (tmp_path / ".backups" / "complaints.20250101-000000-000000.csv").write_text("old\n")
    removed = backups.prune(tmp_path, datetime(2026, 1, 5), backups.Retention(keep=3, max_days=2))
    left = [b.made.day for b in backups.list_backups(tmp_path)]
    assert left == [5, 4, 3]
    assert len(removed) == 3


def test_a_killed_import_leaves_a_temporary_file_the_next_import_removes(tmp_path, reference):
    run_import(tmp_path, officers_csv(2), "officers", reference)
    stale = tmp_path / ".officers.csv.abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    stale_backup = tmp_path / ".backups" / ".officers.20260101-000000-000000.0123456789abcdef.csv.q1.tmp"
    stale_backup.parent.mkdir(exist_ok=True)
    stale_backup.write_bytes(b"y")
    run_import(tmp_path, officers_csv(3), "officers", reference)
    assert not stale.exists() and not stale_backup.exists()


def test_housekeeping_at_start_removes_only_old_temporary_files(tmp_path):
    old = tmp_path / ".patrols.csv.old1.tmp"
    fresh = tmp_path / ".patrols.csv.new1.tmp"
    old.write_bytes(b"a")
    fresh.write_bytes(b"b")
    an_hour_ago = datetime.now().timestamp() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    backups.housekeeping(tmp_path, list(FILE_NAMES.values()))
    assert not old.exists() and fresh.exists()  # a running import's file is left alone
    assert backups.housekeeping(tmp_path / "missing", ["patrols.csv"]) == 0


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(tmp_path, reference):
    run_import(tmp_path, officers_csv(2), "officers", reference)
    first = (tmp_path / "officers.csv").read_bytes()
    run_import(tmp_path, officers_csv(4), "officers", reference)
    second = (tmp_path / "officers.csv").read_bytes()
    (backup,) = backups.list_backups(tmp_path, "officers.csv")
    assert backup.path.read_bytes() == first
    data_file, previous = backups.restore(tmp_path, backup.name)
    assert data_file == "officers.csv"
    assert (tmp_path / "officers.csv").read_bytes() == first
    assert previous is not None and previous.read_bytes() == second
    with pytest.raises(backups.RestoreRefused):
        backups.restore(tmp_path, "../officers.csv")


def test_an_import_keeps_the_data_files_permissions(tmp_path, reference):
    run_import(tmp_path, officers_csv(2), "officers", reference)
    path = tmp_path / "officers.csv"
    os.chmod(path, 0o644)
    run_import(tmp_path, officers_csv(3), "officers", reference)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    atomic_write_bytes(path, b"nrp\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert {stat.S_IMODE(b.path.stat().st_mode) for b in backups.list_backups(tmp_path)} == {0o644}
    assert intake.backup_file(tmp_path / "none.csv", datetime.now()) is None
