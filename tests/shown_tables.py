"""What AppTest shows of a table drawn with translated labels (``ui.columns``): its headers as read."""

from __future__ import annotations

import json

import pandas as pd

from analysis.metrics.tables import displayed
from ui import columns


def column_labels(element) -> dict[str, str]:
    """Stable column name -> the label the reader sees, from a dataframe element's ``column_config``
    (a column without a label shows its own name)."""
    frame = element.value
    config = json.loads(element.proto.columns or "{}")
    return {str(c): (config.get(str(c)) or {}).get("label") or str(c) for c in frame.columns}


def shown(element):
    """The element's frame under the headers the reader sees."""
    return element.value.rename(columns=column_labels(element))


def on_screen(frame: pd.DataFrame, spec: columns.Spec, lang: str = "id", style=None) -> pd.DataFrame:
    """The text each cell shows when a page draws ``frame`` through ``spec``, under the translated headers."""
    return displayed(columns.screen(frame, spec, lang, style)).rename(columns=columns.labels(spec, lang))
