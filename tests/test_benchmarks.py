"""Smoke run of the benchmark harness at a tiny N: the report's shape and its Markdown table.

No timing assertions: speed is measured by ``python -m benchmarks``, not by the test suite.
"""

from __future__ import annotations

import functools
import json

import pytest

from benchmarks.__main__ import main
from benchmarks.run import run_benchmark, to_markdown

FIELDS = {"name", "seconds", "reference", "reference_seconds", "ratio", "limit"}


@pytest.fixture(scope="module")
def report():
    return run_benchmark(rows=3000, pages=False)


@pytest.fixture
def short_text_import(monkeypatch):
    """The WhatsApp-export measurement at 200 messages instead of 5,000: for the tests about the command
    line and the data folder, which check neither its figures nor its name (``report`` runs it in full)."""
    from benchmarks import run

    monkeypatch.setattr(run, "measure_text_import", functools.partial(run.measure_text_import, messages=200))


def test_report_has_rows_machine_and_results(report):
    assert report["rows"] == 3000
    assert isinstance(report["machine"], str) and report["machine"]
    assert report["results"]
    for r in report["results"]:
        assert set(r) == FIELDS
        assert isinstance(r["name"], str) and r["name"]
        assert isinstance(r["seconds"], float | int) and r["seconds"] >= 0
        if r["reference"] is None:
            assert r["reference_seconds"] is None and r["ratio"] is None
        else:
            assert r["reference_seconds"] > 0 and r["ratio"] >= 0


def test_report_measures_what_the_issue_lists(report):
    names = " | ".join(r["name"] for r in report["results"])
    for wanted in (
        "load and validate",
        "warm start",
        "weekly counts",
        "per kelurahan",
        "officer totals",
        "peak memory",
    ):
        assert wanted in names
    compared = {r["name"]: r["reference"] for r in report["results"]}
    assert compared[next(n for n in compared if n.startswith("load and validate"))] == "pandas.read_csv"
    assert compared[next(n for n in compared if n.startswith("officer totals"))] == "DuckDB"
    assert json.loads(json.dumps(report)) == report  # plain JSON


def test_markdown_table_has_a_row_per_result(report):
    table = to_markdown(report)
    lines = table.splitlines()
    assert lines[2].startswith("| measurement |") and lines[3].startswith("|---")
    rows = [line for line in lines[4:] if line.startswith("| ")]
    assert len(rows) == len(report["results"])


def test_command_line_prints_the_table_and_writes_json(tmp_path, capsys, short_text_import):
    out = tmp_path / "bench.json"
    assert main(["--rows", "2000", "--skip-pages", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| measurement |" in printed
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["rows"] == 2000 and {"rows", "machine", "results"} <= set(written)


def test_paired_best_alternates_the_two_and_keeps_each_fastest(monkeypatch):
    """Work and reference run in turns, so a drift in the machine's speed reaches both."""
    from benchmarks import run

    clock = iter([0.0, 3.0, 3.0, 4.0, 10.0, 12.0, 12.0, 13.5])  # ref 3, work 1, ref 2, work 1.5
    monkeypatch.setattr(run.time, "perf_counter", lambda: next(clock))
    calls: list[str] = []
    work, reference = run.paired_best(lambda: calls.append("work"), lambda: calls.append("ref"), repeat=2)
    assert calls == ["ref", "work", "ref", "work"]
    assert (work, reference) == (1.0, 2.0)


def test_file_limits_are_raised_only_as_far_as_the_rows_need_and_never_over_a_setting():
    from benchmarks.run import raise_file_limits

    env: dict[str, str] = {"DASHBOARD_MAX_ROWS": "7"}
    chosen = raise_file_limits(5_000_000, env)
    assert env["DASHBOARD_MAX_ROWS"] == "7" and "DASHBOARD_MAX_ROWS" not in chosen  # an admin's setting stays
    assert int(env["DASHBOARD_MAX_CELLS"]) >= 5_000_000 * 17  # the patrols file's cells
    assert int(env["DASHBOARD_MAX_FILE_MB"]) * 2**20 >= 5_000_000 * 210
    assert raise_file_limits(1000, {}) == {
        "DASHBOARD_MAX_ROWS": "1000000",
        "DASHBOARD_MAX_CELLS": "30000000",
        "DASHBOARD_MAX_FILE_MB": "512",
    }  # the defaults: nothing raised below a Polda's size


def test_a_reused_data_folder_is_kept(tmp_path, short_text_import):
    from benchmarks.run import generate_files

    generate_files(2000, 7, tmp_path)
    report = run_benchmark(rows=2000, pages=False, data=tmp_path)
    assert (tmp_path / "patrols.csv").exists() and (tmp_path / ".cache").is_dir()
    assert report["results"][0]["name"].startswith("generate sample data (reused")


def test_the_memory_sessions_open_real_pages_with_real_kelurahan(reference):
    import re

    from benchmarks.run import ROOT, SESSION_PAGES, session_url

    url_paths = set(re.findall(r'\("pages/\w+\.py", "[\w.]+", "(\w+)"', (ROOT / "app.py").read_text()))
    assert "ringkasan" in url_paths and "catatan" in url_paths  # the app's page table was read
    opened = [session_url("http://127.0.0.1:8501/", n) for n in range(1, len(SESSION_PAGES) + 1)]
    assert len(set(opened)) == 9
    for address in opened:
        path, kelurahan = re.fullmatch(r"http://127\.0\.0\.1:8501/(\w+)\?kelurahan=(\w+)", address).groups()
        assert path in url_paths and kelurahan in reference.kelurahan_names
