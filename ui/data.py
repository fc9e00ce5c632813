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
from typing import Literal

import pandas as pd
import streamlit as st

from analysis.core import settings
from analysis.data.dataset import Dataset, data_signature, load_dataset, with_kept_date_ranges
from analysis.data.export import excel_notes as notes_of
from analysis.data.reference import Reference, load_reference
from analysis.data.schema import Kind, columns
from analysis.metrics import cube
from analysis.metrics.filters import Filters, figures_only, filter_complaints, filter_patrols
from ui.static_assets import ensure_leaflet_assets

STATIC_DIR = settings.PROJECT_ROOT / "static"


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
    # the plausible dates and the small tables every first page reads, kept with the cache across restarts
    loaded = with_kept_date_ranges(load_dataset(Path(data_dir), reference()))
    cube.prime(loaded)
    return loaded


def dataset() -> Dataset:
    """The current data set (shared, read-only)."""
    data_dir = settings.DATA_DIR.read()
    return _dataset(str(data_dir), data_signature(data_dir))


def clear_cache() -> None:
    """Forget every cached table, e.g. after an import wrote new files."""
    _dataset.clear()
    with _lock:
        _filtered.clear()


_lock = threading.Lock()
# key -> (dataset, value, bytes): holding the dataset keeps its id() from being reused by a newer one.
_filtered: OrderedDict[tuple, tuple[Dataset, pd.DataFrame, int]] = OrderedDict()
_MAX_FILTERED = 32
# The memo's memory, whatever the number of sessions: entries beyond it go, oldest first (the newest always
# stays). At a few million rows one cut of the whole history is hundreds of MB; 32 of them were the
# server's largest cost after the data itself.
_MAX_FILTERED_BYTES = 384 * 2**20


def _size(value: object) -> int:
    """Bytes held by a memoised value: a frame's columns (Arrow text by its buffers), else nothing."""
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(index=True, deep=False).sum())
    return 0


def _memo(key: tuple, ds: Dataset, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    key = (*key, id(ds))
    with _lock:
        if key in _filtered and _filtered[key][0] is ds:
            _filtered.move_to_end(key)
            return _filtered[key][1]
    value = compute()
    with _lock:
        _filtered[key] = (ds, value, _size(value))
        held = sum(entry[2] for entry in _filtered.values())
        while len(_filtered) > 1 and (len(_filtered) > _MAX_FILTERED or held > _MAX_FILTERED_BYTES):
            held -= _filtered.popitem(last=False)[1][2]
    return value


def excel_notes(ds: Dataset, kind: Kind) -> list:
    """``analysis.data.export.excel_notes`` of a data table in contract column order (the Data page's export),
    computed once per data version."""
    return _memo(
        ("excel_notes", kind), ds, lambda: notes_of(getattr(ds, kind).reindex(columns=columns(kind)))
    )


def filtered_patrols(ds: Dataset, filters: Filters, *, figures: bool = False) -> pd.DataFrame:
    """Patrols in ``filters``; with ``figures`` without the free-text columns (``figures_only``): cheaper
    to cut and to hold, for a page that only counts, charts or maps them."""
    kecamatan_of = ds.reference.kecamatan_of()
    source = figures_only(ds.patrols) if figures else ds.patrols
    return _memo(("patrols", filters, figures), ds, lambda: filter_patrols(source, filters, kecamatan_of))


def filtered_complaints(ds: Dataset, filters: Filters, *, figures: bool = False) -> pd.DataFrame:
    """Complaints in ``filters`` (all statuses); ``figures`` as in ``filtered_patrols``."""
    kecamatan_of = ds.reference.kecamatan_of()
    source = figures_only(ds.complaints) if figures else ds.complaints
    return _memo(
        ("complaints", filters, figures), ds, lambda: filter_complaints(source, filters, kecamatan_of)
    )


def rows_at(ds: Dataset, kind: Literal["patrols", "complaints"], labels: pd.Index) -> pd.DataFrame:
    """The whole rows of ``ds``'s ``kind`` (free text included) at the index ``labels`` of a cut from
    ``filtered_patrols``/``filtered_complaints``, in that order: the text of a few rows is read without
    cutting it for every row of the filter. Not memoised (a page of rows is cheap to take). Raises
    ``KeyError`` for a label ``ds`` does not hold (a cut of another data version), never a wrong row."""
    frame = getattr(ds, kind)
    positions = frame.index.get_indexer(labels)
    if (positions < 0).any():
        raise KeyError(f"{int((positions < 0).sum())} {kind} rows are not in this data set")
    return frame.take(positions)


def whole_figures(ds: Dataset, kind: Literal["patrols", "complaints"]) -> pd.DataFrame:
    """Every patrol or complaint of ``ds`` (no filter) without the free-text and personal columns
    (``cube.figures_frame``): the same object on every rerun of a data version, so figures over the whole
    history (reporting gaps) keep their remembered tables; nothing in it needs masking."""
    return cube.figures_frame(getattr(ds, kind))


def patrol_days(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The days with patrols per kelurahan and unit in ``filters`` (``analysis.metrics.cube.patrol_days``):
    what a last-visit table reads, from a few thousand rows instead of every patrol. With a category
    filter (which needs each patrol's topics) the patrols themselves, as ``filtered_patrols(figures=True)``.
    """
    if filters.categories:
        return filtered_patrols(ds, filters, figures=True)
    kecamatan_of = ds.reference.kecamatan_of()
    return _memo(
        ("patrol_days", filters),
        ds,
        lambda: filter_patrols(cube.patrol_days(ds.patrols), filters, kecamatan_of),
    )
