"""Uploads are parsed in a child process with a time and a memory budget (analysis.data.worker)."""

from __future__ import annotations

import os
import time

import pandas as pd
import pytest

from analysis.core import settings
from analysis.data import loading, worker
from tests.test_intake import PATROLS_CSV


def sleep_then_answer(seconds: float) -> str:
    time.sleep(seconds)
    return "bangun"


def test_the_child_gives_the_same_frame_and_report_as_the_loader_in_process(reference):
    data = PATROLS_CSV.encode("utf-8")
    clean, report = worker.run(worker.load_upload, (data, "p.csv", "patrols", reference, None))
    expected_clean, expected_report = loading.load_table(data, "patrols", reference, filename="p.csv")
    pd.testing.assert_frame_equal(clean, expected_clean)
    assert report == expected_report
    assert worker.run(worker.read_headers, (data, "p.csv"))[:2] == ["ID patroli", "Tanggal"]


def test_an_unreadable_file_comes_back_as_the_loaders_own_refusal():
    with pytest.raises(loading.UnreadableFile) as caught:
        worker.run(worker.read_headers, (b"", "kosong.xlsx"))
    assert caught.value.key.startswith("loading.") and str(caught.value)


def hog_memory(megabytes: int) -> int:
    """A parse that needs more memory than its budget (a hostile file is refused earlier by the limits)."""
    return len(bytearray(megabytes * 1024 * 1024))


def test_a_parse_over_the_memory_budget_is_stopped_and_said():
    with pytest.raises(worker.ParseFailed) as caught:
        worker.run(hog_memory, (2048,), worker.Budget(seconds=120, memory_mb=300))
    assert caught.value.reason == "memory"
    assert "300 MB" in caught.value.message("id") and "DASHBOARD_PARSE_MEMORY_MB" in caught.value.message(
        "id"
    )


def test_a_parse_over_the_time_budget_is_killed():
    job = worker.ParseJob(sleep_then_answer, (60,), worker.Budget(seconds=1, memory_mb=500))
    with pytest.raises(worker.ParseFailed) as caught:
        job.result()
    assert caught.value.reason == "timeout" and "DASHBOARD_PARSE_SECONDS" in caught.value.message("id")
    assert not _alive(job.pid)


def test_a_cancelled_parse_ends_its_process():
    job = worker.ParseJob(sleep_then_answer, (60,), worker.Budget(seconds=120, memory_mb=500))
    assert not job.wait(0.1)
    job.cancel()
    assert not _alive(job.pid)
    with pytest.raises(worker.ParseFailed, match="cancelled"):
        job.result()
    assert worker.run(sleep_then_answer, (0,)) == "bangun"


def test_budget_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(settings.PARSE_SECONDS.name, "30")
    monkeypatch.setenv(settings.PARSE_MEMORY_MB.name, "512")
    assert worker.budget_from_env() == worker.Budget(30, 512)
    monkeypatch.setenv(settings.PARSE_SECONDS.name, "nol")
    monkeypatch.setenv(settings.PARSE_MEMORY_MB.name, "-1")
    assert worker.budget_from_env() == worker.Budget(worker.DEFAULT_SECONDS, worker.DEFAULT_MEMORY_MB)


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (not yet reaped) counts as ended
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
