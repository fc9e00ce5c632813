import os
import stat

import pytest

from analysis.data.files import atomic_write_bytes


def test_writes_a_new_file_readable_only_by_its_owner(tmp_path):
    target = tmp_path / "sub" / "users.json"
    atomic_write_bytes(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_rename_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "patrols.csv"
    target.write_bytes(b"old")

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["patrols.csv"]
