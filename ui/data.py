"""The one caching seam. Pages never cache on their own; they ask ui.context, which asks here.

The Dataset is loaded once per data version and shared by every session (``st.cache_resource``): ten
browsers watching the same data hold one copy. The cache key includes each data file's size and
modification time, so an import (or a file copied in by hand) is picked up on the next rerun without a
restart. Filtered frames are memoised per (dataset, filters) in a small shared LRU for the same reason.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.data.dataset import Dataset, data_dir_from_env, data_signature, load_dataset
from analysis.data.export import excel_notes as notes_of
from analysis.data.reference import Reference, load_reference
from analysis.data.schema import Kind, columns
from analysis.metrics.filters import Filters, filter_complaints, filter_patrols
from ui.static_assets import ensure_leaflet_assets

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


@st.cache_resource(show_spinner=False)
def static_assets() -> str:
    """Copy Leaflet into ``static/`` once per server process (served at ``/app/static/leaflet``)."""
    return str(ensure_leaflet_assets(STATIC_DIR))


@st.cache_resource(show_spinner=False)
def reference() -> Reference:
    return load_reference()


@st.cache_resource(show_spinner="Memuat data …", max_entries=2)
def _dataset(data_dir: str, signature: tuple) -> Dataset:
    del signature  # only part of the cache key
    return load_dataset(Path(data_dir), reference())


def dataset() -> Dataset:
    """The current data set (shared, read-only)."""
    data_dir = data_dir_from_env()
    return _dataset(str(data_dir), data_signature(data_dir))


def clear_cache() -> None:
    """Forget every cached table, e.g. after an import wrote new files."""
    _dataset.clear()
    with _lock:
        _filtered.clear()


_lock = threading.Lock()
# key -> (dataset, frame): holding the dataset keeps its id() from being reused by a newer one.
_filtered: OrderedDict[tuple, tuple[Dataset, pd.DataFrame]] = OrderedDict()
_MAX_FILTERED = 32


def _memo(key: tuple, ds: Dataset, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    key = (*key, id(ds))
    with _lock:
        if key in _filtered and _filtered[key][0] is ds:
            _filtered.move_to_end(key)
            return _filtered[key][1]
    value = compute()
    with _lock:
        _filtered[key] = (ds, value)
        while len(_filtered) > _MAX_FILTERED:
            _filtered.popitem(last=False)
    return value


def excel_notes(ds: Dataset, kind: Kind) -> list:
    """``analysis.data.export.excel_notes`` of a data table in contract column order (the Data page's export),
    computed once per data version."""
    return _memo(
        ("excel_notes", kind), ds, lambda: notes_of(getattr(ds, kind).reindex(columns=columns(kind)))
    )


def filtered_patrols(ds: Dataset, filters: Filters) -> pd.DataFrame:
    kecamatan_of = ds.reference.kecamatan_of()
    return _memo(("patrols", filters), ds, lambda: filter_patrols(ds.patrols, filters, kecamatan_of))


def filtered_complaints(ds: Dataset, filters: Filters) -> pd.DataFrame:
    kecamatan_of = ds.reference.kecamatan_of()
    return _memo(("complaints", filters), ds, lambda: filter_complaints(ds.complaints, filters, kecamatan_of))
