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

from analysis.data.schema import RANKS

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = (
    "pages/overview.py",
    "pages/map.py",
    "pages/trends.py",
    "pages/officers.py",
    "pages/briefing.py",
    "pages/records.py",  # the records behind a number: every row of the cut, free text included
    "pages/data.py",
)


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (seconds) and the last result.

    The previous run's result is dropped before the next run starts, so the process's peak memory is
    that of the work measured, not of two results held side by side by this loop.
    """
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def paired_best(
    work: Callable[[], Any], reference: Callable[[], Any], repeat: int = 5
) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``work`` and of ``reference`` (seconds), run in turns.

    A ratio of two timings is only fair when both ran under the same conditions; on a shared machine the
    speed drifts within seconds (a bare ``read_csv`` of the same file took 0.11 s in one run and 0.17 s
    in the next). Alternating the two, rather than timing one three times and then the other, exposes
    both to the same drift. Results are dropped at once, as in ``best_of``.
    """
    best_work = best_reference = float("inf")
    for _ in range(repeat):
        for fn, is_work in ((reference, False), (work, True)):
            gc.collect()
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
            if is_work:
                best_work = min(best_work, elapsed)
            else:
                best_reference = min(best_reference, elapsed)
    return best_work, best_reference


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
    from analysis.sample import generator as sample

    sample.write(sample.generate(seed, rows=rows), directory)


def generate_files_apart(rows: int, seed: int, directory: Path) -> None:
    """``generate_files`` in a child process: building a million synthetic rows takes more memory than
    the dashboard ever does, and it is not the dashboard's work, so it must not set this process's peak."""
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(target=generate_files, args=(rows, seed, directory))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"generating the sample data failed (exit code {child.exitcode})")


def measure_loading(directory: Path, rows: int) -> tuple[list[dict[str, Any]], Any]:
    from analysis.data.dataset import load_dataset
    from analysis.data.loading import load_table
    from analysis.data.reference import load_reference

    reference = load_reference()
    files = {kind: directory / f"{kind}.csv" for kind in ("patrols", "complaints")}
    # Only the times are kept: a result held here would sit in memory through the next measurement.
    load, bare = paired_best(
        lambda: [load_table(path, kind, reference) for kind, path in files.items()],
        lambda: [pd.read_csv(path) for path in files.values()],
        repeat=5 if rows <= 1_000_000 else 2,  # at 5M one turn of both is over a minute
    )
    results = [result("load and validate (patrols + complaints)", load, "pandas.read_csv", bare, 2.5)]
    load_dataset(directory, reference)  # a cold load writes the Parquet cache
    warm, dataset = best_of(lambda: load_dataset(directory, reference), repeat=3)
    results.append(result("warm start (Parquet cache, all files)", warm, "pandas.read_csv", bare, 3.0))
    return results, dataset


# DuckDB doing the same work as each of our functions, on the same in-memory frames: the same rows kept,
# the same text clean-up, the same shape of result (a wide zero-filled table; every kelurahan with its
# reference figures; the officer directory joined to the totals, sorted), so the ratio compares like with
# like. Each query was checked to return our function's figures on the generated data.
SQL_WEEKLY = """
PIVOT (SELECT date_trunc('week', received_at) AS period, category::VARCHAR AS category
       FROM complaints WHERE is_valid)
ON category USING count(*) GROUP BY period ORDER BY period
"""
SQL_KELURAHAN = """
WITH visits AS (
    SELECT kelurahan::VARCHAR AS kelurahan, count(*) AS visits,
           sum(personnel_count * duration_hours) AS personnel_hours,
           max(date) AS last_visit,
           arg_max(trim(coalesce(leader_rank::VARCHAR, '') || ' ' || coalesce(leader_name, '')),
                   (date, coalesce(start_time, ''))) AS last_visit_leader
    FROM patrols WHERE kelurahan IS NOT NULL GROUP BY ALL),
valid AS (SELECT kelurahan::VARCHAR AS kelurahan, received_at, category::VARCHAR AS category, status
          FROM complaints WHERE is_valid AND kelurahan IS NOT NULL),
counts AS (SELECT kelurahan, count(*) AS valid_complaints,
                  count(*) FILTER (WHERE status <> 'Selesai') AS open_complaints FROM valid GROUP BY ALL),
response AS (
    SELECT v.kelurahan, median(datediff('day', date_trunc('day', v.received_at), p.date)) AS response_days,
           count(p.date) AS complaints_followed
    FROM valid v ASOF LEFT JOIN (SELECT kelurahan::VARCHAR AS kelurahan, date FROM patrols) p
      ON v.kelurahan = p.kelurahan AND p.date >= date_trunc('day', v.received_at)
    GROUP BY ALL),
top AS (SELECT kelurahan, list((category, n) ORDER BY n DESC, category)[1:3] AS top_categories
        FROM (SELECT kelurahan, category, count(*) AS n FROM valid GROUP BY ALL) GROUP BY ALL),
totals AS (SELECT (SELECT sum(visits) FROM visits) AS all_visits,
                  (SELECT sum(valid_complaints) FROM counts) AS all_valid)
SELECT r.kelurahan, r.kecamatan, coalesce(visits, 0) AS visits, personnel_hours,
       coalesce(valid_complaints, 0) AS valid_complaints, coalesce(open_complaints, 0) AS open_complaints,
       r.population, r.population_year,
       coalesce(valid_complaints, 0) / nullif(r.population, 0) * 1000 AS complaints_per_1000,
       last_visit, last_visit_leader, datediff('day', last_visit, $as_of::DATE) AS days_since_last_visit,
       coalesce(visits, 0) / all_visits AS patrol_share,
       coalesce(valid_complaints, 0) / all_valid AS complaint_share,
       (coalesce(visits, 0) / all_visits - coalesce(valid_complaints, 0) / all_valid) * 100 AS balance_pp,
       response_days, coalesce(complaints_followed, 0) AS complaints_followed, top_categories
FROM kelurahan r CROSS JOIN totals LEFT JOIN visits USING (kelurahan) LEFT JOIN counts USING (kelurahan)
     LEFT JOIN response USING (kelurahan) LEFT JOIN top USING (kelurahan)
ORDER BY r.position
"""
SQL_OFFICERS = """
WITH p AS MATERIALIZED (
    SELECT nullif(trim(leader_nrp), '') AS nrp, leader_name, leader_rank, unit, date, personnel_count,
           duration_hours, kelurahan FROM patrols),
c AS MATERIALIZED (
    SELECT nullif(trim(handled_by_nrp), '') AS nrp, status, resolution_days,
           date_trunc('day', coalesce(resolved_at, received_at)) AS day FROM complaints),
roster AS (
    SELECT trim(nrp) AS nrp, trim(name) AS name, trim(rank::VARCHAR) AS rank, trim(unit::VARCHAR) AS unit
    FROM officers WHERE nullif(trim(nrp), '') IS NOT NULL),
leaders AS (
    SELECT nrp, arg_max(trim(leader_name), date) AS name,
           arg_max(leader_rank::VARCHAR, date) AS rank, arg_max(unit::VARCHAR, date) AS unit
    FROM p WHERE nrp IS NOT NULL AND nrp NOT IN (SELECT nrp FROM roster) GROUP BY ALL),
handlers AS (SELECT DISTINCT nrp FROM c WHERE nrp IS NOT NULL),
directory AS (
    SELECT * FROM roster
    UNION ALL SELECT * FROM leaders
    UNION ALL SELECT nrp, nrp, NULL, NULL FROM handlers
              WHERE nrp NOT IN (SELECT nrp FROM roster UNION SELECT nrp FROM leaders)),
led AS (
    SELECT nrp, count(*) AS patrols_led, sum(personnel_count) AS personnel_counted,
           sum(personnel_count * duration_hours) AS personnel_hours, count(duration_hours) AS patrols_timed,
           count(DISTINCT kelurahan) AS kelurahan_covered
    FROM p WHERE nrp IS NOT NULL GROUP BY ALL),
handled AS (
    SELECT nrp, count(*) AS complaints_handled,
           count(*) FILTER (WHERE status = 'Selesai') AS complaints_resolved,
           median(resolution_days) FILTER (WHERE status = 'Selesai') AS median_resolution_days
    FROM c WHERE nrp IS NOT NULL GROUP BY ALL),
days AS (
    SELECT nrp, count(DISTINCT day) AS active_days FROM (
        SELECT nrp, date AS day FROM p UNION ALL SELECT nrp, day FROM c)
    WHERE nrp IS NOT NULL AND day IS NOT NULL GROUP BY ALL)
SELECT d.nrp, d.name, d.rank, d.unit, coalesce(patrols_led, 0) AS patrols_led,
       coalesce(personnel_counted, 0) AS personnel_counted, personnel_hours,
       coalesce(patrols_timed, 0) AS patrols_timed, coalesce(kelurahan_covered, 0) AS kelurahan_covered,
       coalesce(active_days, 0) AS active_days, coalesce(complaints_handled, 0) AS complaints_handled,
       coalesce(complaints_resolved, 0) AS complaints_resolved, median_resolution_days
FROM directory d LEFT JOIN led USING (nrp) LEFT JOIN handled USING (nrp) LEFT JOIN days USING (nrp)
WHERE led.nrp IS NOT NULL OR handled.nrp IS NOT NULL OR days.nrp IS NOT NULL
ORDER BY patrols_led DESC, complaints_handled DESC, list_position($ranks, d.rank) DESC NULLS LAST, d.name
"""


def measure_aggregations(dataset: Any) -> list[dict[str, Any]]:
    """Our aggregation functions against DuckDB doing the same aggregation on the same frames."""
    from analysis.metrics import maps, officers, trends

    patrols, complaints, roster = dataset.patrols, dataset.complaints, dataset.officers
    as_of = dataset.last_date
    con = duckdb.connect()
    con.register("patrols", patrols)
    con.register("complaints", complaints)
    con.register("officers", roster)
    kelurahan = dataset.reference.kelurahan[["kelurahan", "kecamatan", "population", "population_year"]]
    con.register("kelurahan", kelurahan.assign(position=range(len(kelurahan))))
    parameters = {"as_of": as_of, "ranks": list(RANKS)}
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
        used = {k: v for k, v in parameters.items() if f"${k}" in sql}
        reference_seconds, _ = best_of(lambda sql=sql, used=used: con.execute(sql, used).df())
        results.append(result(name, seconds, "DuckDB", reference_seconds, 3.0))
    return results


def raise_file_limits(rows: int, env: dict[str, str] | None = None) -> dict[str, str]:
    """The file limits (``analysis.data.limits``) a benchmark of ``rows`` rows per file needs, set in ``env``
    (``os.environ`` by default) where not set already; returns what it set.

    The defaults (1,000,000 rows, 30,000,000 cells, 512 MB per file) fit a Polres; a Polda's five million
    rows per file must be allowed explicitly, as its admin would.
    """
    env = os.environ if env is None else env  # type: ignore[assignment]
    needed = {
        "DASHBOARD_MAX_ROWS": str(max(1_000_000, rows)),
        "DASHBOARD_MAX_CELLS": str(max(30_000_000, rows * 20)),
        "DASHBOARD_MAX_FILE_MB": str(max(512, rows // 2_500)),  # ~210 bytes a patrol row, with room
    }
    chosen = {k: v for k, v in needed.items() if k not in env}
    env.update(chosen)
    return chosen


FIRST_PAGE_CHILD = """
import sys, time
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
config.set_option("runner.enforceSerializableSessionState", False)
PagesManager.uses_pages_directory = False
start = time.perf_counter()
at = AppTest.from_file(sys.argv[1], default_timeout=900).run()
print(time.perf_counter() - start, bool(at.exception))
"""


def measure_first_page(directory: Path) -> list[dict[str, Any]]:
    """The first page (Ringkasan) after a restart: a new process, its imports done, opens the app on data
    whose Parquet cache is present (the load and the page's first run are both in the time)."""
    import subprocess
    import sys

    env = {**os.environ, "DASHBOARD_DATA_DIR": str(directory)}
    times, failed = [], False
    for _ in range(2):  # the better of two restarts: the first may also warm the disk cache
        done = subprocess.run(
            [sys.executable, "-c", FIRST_PAGE_CHILD, APP],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, exception = done.stdout.split()[-2:]
        times.append(float(seconds))
        failed = failed or exception == "True"
    name = "first page after a restart (Ringkasan, Parquet cache present)" + (" (FAILED)" if failed else "")
    return [result(name, min(times), None, None, 3.0)]


def measure_pages(directory: Path, rows: int) -> list[dict[str, Any]]:
    """Each page's full rerun after a filter change, through the frame, with AppTest."""
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    # AppTest keeps widget format_funcs in session state, which the production pickling check refuses
    # (tests/conftest.py does the same); and pages run through app.py's st.navigation, as ui/serve.py
    # arranges for the real server, not as a legacy pages/ folder.
    config.set_option("runner.enforceSerializableSessionState", False)
    PagesManager.uses_pages_directory = False
    # The issues' targets: 1 s at 200,000 rows (issue 9), 0.5 s at 5,000,000 (issue 18).
    limit = 1.0 if rows <= 200_000 else 0.5 if rows >= 5_000_000 else None
    os.environ["DASHBOARD_DATA_DIR"] = str(directory)
    results = []
    for page in PAGES:
        if not (ROOT / page).exists():
            continue
        at = AppTest.from_file(APP, default_timeout=600).run()
        at.switch_page(page).run()  # the first load is not timed: caches and imports warm up here
        worst, failed = 0.0, bool(at.exception)
        # Two different filter changes, each a rerun the shared memo has not seen; the slower one counts.
        for chosen in (["Gedog", "Sentul"], ["Bendo", "Kepanjenkidul", "Sukorejo"]):
            _choose_kelurahan(at, chosen)
            start = time.perf_counter()
            at.run()
            worst = max(worst, time.perf_counter() - start)
            failed = failed or bool(at.exception)
        results.append(
            result(
                f"page rerun after a filter change: {page}" + (" (FAILED)" if failed else ""),
                worst,
                None,
                None,
                limit,
            )
        )
    return results


def _choose_kelurahan(at: Any, names: list[str]) -> None:
    """Pick kelurahan in the sidebar filter as a user would; where AppTest does not list the sidebar
    (the briefing page), through the widget's session-state key, which the next run applies the same way."""
    try:
        at.multiselect(key="f_kelurahan").set_value(names)
    except KeyError:
        at.session_state["f_kelurahan"] = names


def measure_sessions(directory: Path, rows: int = 0) -> list[dict[str, Any]]:
    """Server memory (RSS) with 1 and with 10 browser sessions watching the same data (issue 18's target:
    2 GB at 5,000,000 rows, however many sessions): the first session on the first page, the other nine
    each on another page with its own kelurahan filter (``session_url``), so each works on its own cut;
    and what it is made of: anonymous memory (the
    server's own: numbers, copies, Python) and file-backed pages (the mapped Arrow cache's text columns
    as far as they were read, and the libraries). File-backed pages are the page cache: the kernel can
    drop them under pressure and read them again, but they are resident, so the total is what the
    target is measured against."""
    limit = 2048.0 if rows >= 5_000_000 else None
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
                    page.goto(url if not pages else session_url(url, len(pages)))
                    wait_for_app(page)
                    pages.append(page)
                sessions = f"{wanted} session(s)"
                figures += [
                    result(f"server memory with {sessions}, MB", rss_mb(process.pid), None, None, limit),
                    result(
                        f"server memory with {sessions}: anonymous (the server's own), MB",
                        rss_mb(process.pid, "RssAnon"),
                        None,
                        None,
                        None,
                    ),
                    result(
                        f"server memory with {sessions}: file-backed (mapped cache, libraries), MB",
                        rss_mb(process.pid, "RssFile") + rss_mb(process.pid, "RssShmem"),
                        None,
                        None,
                        None,
                    ),
                ]
            browser.close()
    finally:
        stop_app(process)
    return figures


# Where sessions 2-10 of the memory measurement look: every page, each with a kelurahan of its own.
SESSION_PAGES = ("tren", "personel", "peta", "briefing", "catatan", "tren", "personel", "ringkasan")
SESSION_PAGES += ("catatan",)
SESSION_KELURAHAN = ("Sentul", "Bendo", "Sukorejo", "Klampok", "Tanjungsari", "Kepanjenlor", "Bendogerit")
SESSION_KELURAHAN += ("Karangtengah", "Sananwetan")


def session_url(url: str, session: int) -> str:
    """The address session ``session`` (1-9) opens: ``SESSION_PAGES``' page filtered to its kelurahan."""
    path, kelurahan = SESSION_PAGES[session - 1], SESSION_KELURAHAN[session - 1]
    return f"{url.rstrip('/')}/{path}?kelurahan={kelurahan}"


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A memory figure of process ``pid`` from ``/proc/PID/status``, MB: ``VmRSS`` (resident, all of it),
    ``RssAnon`` (anonymous: the process's own), ``RssFile`` (file-backed: mapped files, libraries),
    ``RssShmem``. NaN where there is no such line (not Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def group_export(messages: int, seed: int = 7) -> str:
    """A WhatsApp group export (Indonesian layout) of ``messages`` messages: one in five a patrol report
    of one of several shapes, the rest chatter (greetings, "siap", media placeholders)."""
    import random
    from datetime import datetime, timedelta

    rng = random.Random(seed)
    kelurahan = ["Gedog", "Klampok", "Rembang", "Sentul", "Karang Tengah", "Tlumpu", "Kepanjen Lor"]
    reports = [
        "Ijin lapor ndan. Patroli malam {d} pukul 20.00 - 21.30 WIB di sekitar pasar Kel. {k}, dipimpin "
        "Aipda Yusuf Hakim bersama 2 anggota. Himbauan waspada curanmor dan 3C. Situasi aman kondusif.",
        "Mohon ijin melaporkan kegiatan DDS hari {d} jam 09.00 WIB di Kel. {k}, menyambangi 8 rumah "
        "warga, pesan kamtibmas tentang bahaya narkoba dan kenakalan remaja. Warga mengeluhkan balap liar "
        "tiap malam Minggu, sudah diteruskan ke piket Samapta.",
        "Kegiatan : Sambang\nHari/Tgl : {d}\nPukul : 08.30 s.d. 10.00 WIB\nTempat : RT 02 RW 04 Kel. {k}"
        "\nPetugas : Aiptu Roziek Mustofa (Panit Binmas)\nSasaran : ± 12 orang\nHasil: situasi aman.",
    ]
    chatter = ["Siap ndan", "<Media tidak disertakan>", "Selamat pagi rekan-rekan", "Mantap, lanjutkan", "86"]
    senders = ["Aipda Yusuf Hakim", "Bripka Agus Setiawan", "Bripda Lina Marlina", "Aiptu Roziek Mustofa"]
    start = datetime(2025, 6, 1, 6, 0)
    lines = []
    for i in range(messages):
        when = start + timedelta(minutes=17 * i)
        if i % 5 == 0:
            day = f"{when.day} Juni 2025" if i % 2 else when.strftime("%d-%m-%Y")
            text = rng.choice(reports).format(d=day, k=rng.choice(kelurahan))
        else:
            text = rng.choice(chatter)
        lines.append(f"{when:%d/%m/%y %H.%M} - {rng.choice(senders)}: {text}")
    return "\n".join(lines) + "\n"


def measure_text_import(messages: int = 5000) -> list[dict[str, Any]]:
    """Reading a generated 5,000-message group export into candidate rows (issue 14: under 5 s)."""
    from analysis.data.dataset import load_dataset
    from analysis.data.textreports import read_text

    officers = load_dataset(ROOT / "data").officers
    from analysis.data.reference import load_reference

    reference = load_reference()
    text = group_export(messages)
    seconds, reading = best_of(lambda: read_text(text, reference, officers))
    cpu = time.process_time()
    read_text(text, reference, officers)
    cpu = time.process_time() - cpu  # on a machine shared with other work, the wall clock overstates it
    name = f"read a {messages:,}-message WhatsApp group export ({len(reading.patrols):,} patrols found)"
    return [result(name, seconds, None, None, 5.0), result(f"{name}, CPU seconds", cpu, None, None, None)]


def run_benchmark(
    rows: int,
    seed: int = 7,
    sessions: bool = False,
    pages: bool = True,
    data: Path | None = None,
) -> dict[str, Any]:
    """Every measurement at ``rows`` patrols and ``rows`` complaints. ``data``: a folder already holding
    the generated files for these ``rows`` and ``seed`` (five million rows take minutes to generate); it is
    kept, with its Parquet cache. Without it the files are generated into a temporary folder."""
    raise_file_limits(rows)
    directory = data or Path(tempfile.mkdtemp(prefix="kamtibmas-bench-"))
    try:
        start = time.perf_counter()
        if data is None:
            generate_files_apart(rows, seed, directory)
        generation = time.perf_counter() - start
        name = "generate sample data" if data is None else f"generate sample data (reused {directory.name})"
        results = [result(name, generation, None, None, None)]
        loading, dataset = measure_loading(directory, rows)
        results += loading
        results += measure_aggregations(dataset)
        del dataset
        results += measure_text_import()
        if pages:
            results += measure_first_page(directory)
            results += measure_pages(directory, rows)
        results.append(
            result(
                "peak memory of the benchmark process, MB",
                peak_memory_mb(),
                None,
                None,
                # the earlier target (< 2 GB at 1M); a Polda's 5M is judged by the server's memory below,
                # this process holds several loads and DuckDB's copies at once
                2048.0 if rows == 1_000_000 else None,
            )
        )
        if sessions:
            results += measure_sessions(directory, rows)
    finally:
        if data is None:
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
