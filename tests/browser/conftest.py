"""Real-browser fixtures: the app under ``streamlit run`` and Debian's Chromium, with the network cut off.

Every request that is not to the app (127.0.0.1) is aborted and recorded, so a test can assert the page
works offline and never tried to reach the internet.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(env: dict[str, str] | None = None, plain: bool = False) -> tuple[subprocess.Popen, str]:
    """Start the app as ``make run`` does (``python -m ui.serve``) on a free port and wait until it answers
    its health check; ``plain=True`` uses bare ``streamlit run app.py`` instead."""
    port = _free_port()
    launcher = ["streamlit", "run", "app.py"] if plain else ["ui.serve"]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            *launcher,
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("streamlit did not answer its health check within 60 s")


_STOPPING: list[subprocess.Popen] = []


def stop_app(process: subprocess.Popen) -> None:
    """Ask the server to stop and return at once; ``reap_stopped_apps`` waits for it at the end of the
    session. Streamlit takes about 3 s to shut down, time the next tests can use."""
    process.terminate()
    _STOPPING.append(process)


def reap_stopped_apps() -> None:
    """Wait for every server ``stop_app`` asked to stop (10 s each at most, then kill it)."""
    while _STOPPING:
        process = _STOPPING.pop()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def pytest_sessionfinish(session, exitstatus) -> None:
    reap_stopped_apps()


def served(env: dict[str, str] | None = None) -> Iterator[str]:
    """For ``yield from`` in a fixture: the URL of an app server started with ``env`` added to the
    environment, stopped when the fixture ends. Skips the test when Debian's chromium is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    process, url = start_app(env)
    yield url
    stop_app(process)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    yield from served()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    }


# Every URL but the app's own (127.0.0.1) and the page's inline data: what offline_page aborts.
OUTSIDE = re.compile(r"^(?!(?:http|ws)://127\.0\.0\.1[:/]|data:|blob:|about:)")


@pytest.fixture
def outside_requests() -> list[str]:
    """URLs the page tried to fetch from anywhere but the app (all of them were aborted)."""
    return []


def guard_offline(page, outside: list[str]) -> None:
    """Abort every request of ``page``'s context that is not to 127.0.0.1 and append its URL to
    ``outside``; actions and waits on ``page`` time out after 30 s."""

    def guard(route):
        outside.append(route.request.url)
        route.abort()

    # Only requests that leave the machine are routed to this process: a pattern is matched inside the
    # browser's driver, so the app's own dozens of files per page load do not each wait for Python.
    page.context.route(OUTSIDE, guard)
    page.set_default_timeout(30_000)


@pytest.fixture
def offline_page(page, outside_requests):
    """A Playwright page on which every request not to 127.0.0.1 is aborted and recorded."""
    guard_offline(page, outside_requests)
    return page


@contextmanager
def shared_offline_page(browser, context_args: dict) -> Iterator[tuple[Any, list[str]]]:
    """For a module-scoped fixture: one guarded page (and the URLs it tried to reach outside) that
    several tests of a module continue on, when each would otherwise repeat the same page loads."""
    context = browser.new_context(**context_args)
    outside: list[str] = []
    page = context.new_page()
    guard_offline(page, outside)
    try:
        yield page, outside
    finally:
        context.close()


def wait_for_app(page) -> None:
    """Wait until Streamlit has drawn the page and finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset?.testScriptState === 'notRunning'"
        ' && document.querySelector(\'[data-testid="stMain"] [data-testid="stVerticalBlock"]\')'
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=90_000,  # the first run of a fresh server loads and validates the data
    )
    settle(page)


def settle(page) -> None:
    """Wait until the browser has painted twice more: what React committed for the finished run is laid
    out and drawn (a poll of the page's own frames, not a fixed sleep)."""
    page.evaluate(SETTLE_JS)


# Two animation frames; a page the browser does not paint (a background tab) gets no frames, so a second
# at most.
SETTLE_JS = """() => new Promise((done) => {
  setTimeout(done, 1000);
  requestAnimationFrame(() => requestAnimationFrame(done));
})"""


CHARTS_DRAWN_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
  .filter((c) => c.getBoundingClientRect().width > 0)
  .every((c) => c.querySelector('.main-svg'))"""


def wait_for_charts(page) -> None:
    """Wait until every visible plotly chart has drawn its SVG (plotly draws after the script run ends)."""
    page.wait_for_function(CHARTS_DRAWN_JS)
    settle(page)
