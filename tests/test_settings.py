"""Every setting is read in analysis.core.settings, at call time, and documented."""

import logging
from pathlib import Path

import pytest

from analysis.core import settings

ROOT = Path(__file__).resolve().parent.parent


def test_a_setting_is_read_when_asked_not_when_imported(monkeypatch, tmp_path):
    monkeypatch.delenv(settings.DATA_DIR.name, raising=False)
    assert settings.DATA_DIR.read() == settings.BUNDLED_DATA_DIR
    monkeypatch.setenv(settings.DATA_DIR.name, str(tmp_path))
    assert settings.DATA_DIR.read() == tmp_path.resolve()


@pytest.mark.parametrize(
    ("setting", "text", "expected"),
    [
        (settings.BACKUP_KEEP, "5", 5),
        (settings.BACKUP_KEEP, "nol", 20),
        (settings.BACKUP_DAYS, "-3", 90),
        (settings.PARSE_SECONDS, "0", 120.0),
        (settings.PARSE_MEMORY_MB, "512.9", 512),
        (settings.SESSION_MINUTES, "721", 30.0),
        (settings.MAX_ROWS, "5_000", 5000),
        (settings.TILES, " OSM ", "osm"),
        (settings.TILES, "google", None),
        (settings.AUTH_FILE, "   ", None),
    ],
)
def test_each_value_is_parsed_or_falls_back_to_the_default(setting, text, expected):
    assert setting.read({setting.name: text}) == expected


def test_a_mistyped_limit_is_logged_with_its_name(caplog):
    with caplog.at_level(logging.WARNING, logger="analysis.core.settings"):
        assert settings.MAX_COLUMNS.read({"DASHBOARD_MAX_COLUMNS": "dua ratus"}) == 200
    assert "DASHBOARD_MAX_COLUMNS" in caplog.text


def test_every_setting_is_in_the_table_and_the_readme():
    names = [s.name for s in settings.SETTINGS]
    assert len(set(names)) == len(names)
    table = settings.table()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in table for name in names)
    missing = [name for name in names if name.startswith("DASHBOARD_") and name not in readme]
    assert missing == []


def test_the_upload_limit_comes_from_the_streamlit_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[server]\nmaxUploadSize = 7\n")
    assert settings.upload_limit_bytes(config) == 7 * 1024 * 1024
    assert settings.upload_limit_bytes(tmp_path / "missing.toml") == 20 * 1024 * 1024
