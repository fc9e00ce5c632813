"""Leaflet's files, copied from an installed package into ``static/`` so maps load with no internet.

Streamlit serves ``static/`` next to ``app.py`` at ``/app/static/`` (``server.enableStaticServing``). The
files come from the ``django-js-lib-leaflet`` wheel (a pinned requirement); the package is located, never
imported (importing it pulls in Django). ``static/`` is git-ignored: third-party JavaScript is installed,
not committed.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from analysis.metrics.maps import LEAFLET_CSS_URL, LEAFLET_IMAGES_URL, LEAFLET_JS_URL, LEAFLET_URL

__all__ = ["LEAFLET_CSS_URL", "LEAFLET_IMAGES_URL", "LEAFLET_JS_URL", "LEAFLET_URL", "ensure_leaflet_assets"]

LEAFLET_PACKAGE = "js_lib_leaflet"
_FILES = ("leaflet.js", "leaflet.css")


def leaflet_source_dir() -> Path:
    """The folder holding ``leaflet.js``, ``leaflet.css`` and ``images/`` inside the installed package."""
    spec = importlib.util.find_spec(LEAFLET_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"Paket {LEAFLET_PACKAGE} (django-js-lib-leaflet) tidak terpasang; jalankan `make run` sekali."
        )
    source = Path(next(iter(spec.submodule_search_locations))) / "static" / LEAFLET_PACKAGE
    if not (source / "leaflet.js").is_file():
        raise FileNotFoundError(f"leaflet.js tidak ditemukan di {source}")
    return source


def _same_file(a: Path, b: Path) -> bool:
    return b.is_file() and a.stat().st_size == b.stat().st_size


def ensure_leaflet_assets(static_dir: Path) -> Path:
    """Copy Leaflet's JS, CSS and marker images into ``static_dir/leaflet``; return that folder.

    Cheap when the files are already there (compared by size), so it can run on every start-up.
    """
    source = leaflet_source_dir()
    target = Path(static_dir) / "leaflet"
    (target / "images").mkdir(parents=True, exist_ok=True)
    pairs = [(source / name, target / name) for name in _FILES]
    pairs += [(image, target / "images" / image.name) for image in sorted((source / "images").glob("*.png"))]
    for src, dst in pairs:
        if not _same_file(src, dst):
            shutil.copyfile(src, dst)
    return target
