"""The measurements behind ``python -m benchmarks``. Each result: name, seconds, reference,
reference_seconds, ratio, limit (the target; ``None`` where the issue states a figure, not a target)."""

from __future__ import annotations

import gc
import os
import platform
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = (
    "pages/overview.py",
    "pages/map.py",
    "pages/trends.py",
    "pages/officers.py",
    "pages/briefing.py",
    "pages/data.py",
)


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def result(
    name: str, seconds: float, reference: str | None, reference_seconds: float | None, limit: float | None
) -> dict[str, Any]:
    ratio = seconds / reference_seconds if reference_seconds else None
    return {
        "name": name,
        "seconds": round(seconds, 4),
        "reference": reference,
        "reference_seconds": None if reference_seconds is None else round(reference_seconds, 4),
        "ratio": None if ratio is None else round(ratio, 2),
        "limit": limit,
    }


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate_files(rows: int, seed: int, directory: Path) -> None:
    from analysis import sample

    sample.write(sample.generate(seed, rows=rows), directory)


def measure_loading(directory: Path, rows: int) -> tuple[list[dict[str, Any]], Any]:
    from analysis.dataset import load_dataset
    from analysis.loading import load_table
    from analysis.reference import load_reference

    reference = load_reference()
    files = {kind: directory / f"{kind}.csv" for kind in ("patrols", "complaints")}
    bare, _ = best_of(lambda: [pd.read_csv(path) for path in files.values()], repeat=2)
    load, _ = best_of(lambda: [load_table(path, kind, reference) for kind, path in files.items()], repeat=2)
    results = [result("load and validate (patrols + complaints)", load, "pandas.read_csv", bare, 3.0)]
    load_dataset(directory, reference)  # a cold load writes the Parquet cache
    warm, dataset = best_of(lambda: load_dataset(directory, reference), repeat=3)
    results.append(result("warm start (Parquet cache, all files)", warm, "pandas.read_csv", bare, 3.0))
    return results, dataset


# DuckDB doing the same work as each of our functions, on the same in-memory frames.
SQL_WEEKLY = """
SELECT date_trunc('week', received_at) AS week, category::VARCHAR AS category, count(*) AS n
FROM complaints WHERE is_valid GROUP BY ALL ORDER BY week
"""
SQL_KELURAHAN = """
WITH visits AS (
    SELECT kelurahan::VARCHAR AS kelurahan, count(*) AS visits,
           sum(personnel_count * duration_hours) AS personnel_hours,
           max(date) AS last_visit, arg_max(leader_name, date) AS last_leader
    FROM patrols GROUP BY ALL),
valid AS (SELECT kelurahan::VARCHAR AS kelurahan, received_at, category::VARCHAR AS category, status
          FROM complaints WHERE is_valid),
counts AS (SELECT kelurahan, count(*) AS valid_complaints,
                  count(*) FILTER (WHERE status <> 'Selesai') AS open_complaints FROM valid GROUP BY ALL),
response AS (
    SELECT v.kelurahan, median(datediff('day', date_trunc('day', v.received_at), p.date)) AS response_days
    FROM valid v ASOF JOIN (SELECT kelurahan::VARCHAR AS kelurahan, date FROM patrols) p
      ON v.kelurahan = p.kelurahan AND p.date >= date_trunc('day', v.received_at)
    GROUP BY ALL),
top AS (SELECT kelurahan, list(category ORDER BY n DESC)[1:3] AS top_categories
        FROM (SELECT kelurahan, category, count(*) AS n FROM valid GROUP BY ALL) GROUP BY ALL)
SELECT * FROM visits FULL JOIN counts USING (kelurahan) FULL JOIN response USING (kelurahan)
     FULL JOIN top USING (kelurahan)
"""
SQL_OFFICERS = """
WITH led AS (
    SELECT leader_nrp AS nrp, count(*) AS patrols_led, sum(personnel_count) AS personnel,
           sum(personnel_count * duration_hours) AS personnel_hours,
           count(DISTINCT kelurahan) AS kelurahan_covered FROM patrols GROUP BY ALL),
handled AS (
    SELECT handled_by_nrp AS nrp, count(*) AS complaints_handled,
           count(*) FILTER (WHERE status = 'Selesai') AS resolved,
           median(resolution_days) AS median_resolution_days
    FROM complaints WHERE handled_by_nrp IS NOT NULL AND handled_by_nrp <> '' GROUP BY ALL),
days AS (
    SELECT nrp, count(DISTINCT day) AS active_days FROM (
        SELECT leader_nrp AS nrp, date AS day FROM patrols
        UNION ALL SELECT handled_by_nrp, date_trunc('day', received_at) FROM complaints) GROUP BY ALL)
SELECT o.nrp, o.name, o.rank, o.unit, led.*, handled.*, days.active_days
FROM officers o JOIN days USING (nrp) LEFT JOIN led USING (nrp) LEFT JOIN handled USING (nrp)
"""


def measure_aggregations(dataset: Any) -> list[dict[str, Any]]:
    """Our aggregation functions against DuckDB doing the same aggregation on the same frames."""
    from analysis import maps, officers, trends

    patrols, complaints, roster = dataset.patrols, dataset.complaints, dataset.officers
    as_of = dataset.last_date
    con = duckdb.connect()
    con.register("patrols", patrols)
    con.register("complaints", complaints)
    con.register("officers", roster)
    pairs: list[tuple[str, Callable[[], Any], str]] = [
        (
            "weekly counts per category",
            lambda: trends.complaint_counts_per_period(trends.counted_complaints(complaints), "W"),
            SQL_WEEKLY,
        ),
        (
            "visits and measures per kelurahan",
            lambda: maps.kelurahan_measures(patrols, complaints, dataset.reference, as_of),
            SQL_KELURAHAN,
        ),
        ("officer totals", lambda: officers.officer_totals(patrols, complaints, roster), SQL_OFFICERS),
    ]
    results = []
    for name, ours, sql in pairs:
        seconds, _ = best_of(ours)
        reference_seconds, _ = best_of(lambda sql=sql: con.execute(sql).df())
        results.append(result(name, seconds, "DuckDB", reference_seconds, 3.0))
    return results


def measure_pages(directory: Path, rows: int) -> list[dict[str, Any]]:
    """Each page's full rerun after a filter change, through the frame, with AppTest."""
    from streamlit.testing.v1 import AppTest

    limit = 1.0 if rows <= 200_000 else None
    os.environ["DASHBOARD_DATA_DIR"] = str(directory)
    results = []
    for page in PAGES:
        if not (ROOT / page).exists():
            continue
        at = AppTest.from_file(APP, default_timeout=600).run()
        at.switch_page(page).run()
        at.multiselect(key="f_kelurahan").set_value(["Gedog", "Sentul"])
        start = time.perf_counter()
        at.run()
        seconds = time.perf_counter() - start
        failed = bool(at.exception)
        results.append(
            result(
                f"page rerun after a filter change: {page}" + (" (FAILED)" if failed else ""),
                seconds,
                None,
                None,
                limit,
            )
        )
    return results


def measure_sessions(directory: Path) -> list[dict[str, Any]]:
    """Server memory (RSS) with 1 and with 10 browser sessions watching the same data."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, start_app, stop_app, wait_for_app

    process, url = start_app({"DASHBOARD_DATA_DIR": str(directory)})
    figures = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            pages = []
            for wanted in (1, 10):
                while len(pages) < wanted:
                    page = browser.new_page()
                    page.set_default_timeout(300_000)
                    page.goto(url)
                    wait_for_app(page)
                    pages.append(page)
                figures.append(
                    result(
                        f"server memory with {wanted} session(s), MB", rss_mb(process.pid), None, None, None
                    )
                )
            browser.close()
    finally:
        stop_app(process)
    return figures


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_benchmark(rows: int, seed: int = 7, sessions: bool = False, pages: bool = True) -> dict[str, Any]:
    directory = Path(tempfile.mkdtemp(prefix="kamtibmas-bench-"))
    try:
        start = time.perf_counter()
        generate_files(rows, seed, directory)
        generation = time.perf_counter() - start
        results = [result("generate sample data", generation, None, None, None)]
        loading, dataset = measure_loading(directory, rows)
        results += loading
        results += measure_aggregations(dataset)
        del dataset
        if pages:
            results += measure_pages(directory, rows)
        results.append(
            result(
                "peak memory of the benchmark process, MB",
                peak_memory_mb(),
                None,
                None,
                2048.0 if rows >= 1_000_000 else None,
            )
        )
        if sessions:
            results += measure_sessions(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return {
        "rows": rows,
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, pandas {pd.__version__}",
        "results": results,
    }


def to_markdown(report: dict[str, Any]) -> str:
    lines = [
        f"rows: {report['rows']:,} · {report['machine']}",
        "",
        "| measurement | seconds / value | reference | reference s | ratio | limit | ok |",
        "|---|---:|---|---:|---:|---:|:-:|",
    ]
    for r in report["results"]:
        measured = r["ratio"] if r["ratio"] is not None else r["seconds"]
        ok = "" if r["limit"] is None else ("✓" if measured <= r["limit"] else "✗")
        lines.append(
            f"| {r['name']} | {r['seconds']} | {r['reference'] or ''} | {r['reference_seconds'] or ''} "
            f"| {r['ratio'] or ''} | {r['limit'] or ''} | {ok} |"
        )
    return "\n".join(lines)
