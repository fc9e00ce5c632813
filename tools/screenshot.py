"""Screenshot pages of the running app with Debian's Chromium: ``python -m tools.screenshot PATH OUT.png``.

PATH is the URL path with its query, e.g. ``""`` (Ringkasan, the default page, lives at the root; a
``ringkasan`` path gets Streamlit's "Page not found" dialog) or ``"peta?kelurahan=Gedog"``. Starts its own
server on a free port (offline, like the browser tests) unless ``--url`` names a running one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, start_app, stop_app, wait_for_app


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("shots", nargs="+", help="pairs: PATH OUT.png")
    parser.add_argument("--url", help="a running app, e.g. http://127.0.0.1:8501")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--full", action="store_true", help="the whole page, not only the viewport")
    args = parser.parse_args()
    pairs = list(zip(args.shots[::2], args.shots[1::2], strict=True))
    process, url = (None, args.url) if args.url else start_app()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            for path, out in pairs:
                page.goto(f"{url}/{path}")
                wait_for_app(page)
                page.wait_for_timeout(1500)
                Path(out).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=out, full_page=args.full)
                print(out)
            browser.close()
    finally:
        if process is not None:
            stop_app(process)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
