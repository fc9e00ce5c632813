"""Real-browser fixtures: the app under ``streamlit run`` and Debian's Chromium, with the network cut off.

Every request that is not to the app (127.0.0.1) is aborted and recorded, so a test can assert the page
works offline and never tried to reach the internet.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

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


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


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


@pytest.fixture
def outside_requests() -> list[str]:
    """URLs the page tried to fetch from anywhere but the app (all of them were aborted)."""
    return []


@pytest.fixture
def offline_page(page, outside_requests):
    """A Playwright page on which every request not to 127.0.0.1 is aborted and recorded."""

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside_requests.append(url)
            route.abort()

    page.context.route("**/*", guard)
    page.set_default_timeout(30_000)
    return page


def wait_for_app(page) -> None:
    """Wait until Streamlit has drawn the page and finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset?.testScriptState === 'notRunning'"
        ' && document.querySelector(\'[data-testid="stMain"] [data-testid="stVerticalBlock"]\')'
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=90_000,  # the first run of a fresh server loads and validates the data
    )
    page.wait_for_timeout(300)
