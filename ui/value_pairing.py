"""The Data page's step for values the loader does not know: pair each with a standard value, remember it.

Shown under the validation report when rows were rejected for an unknown channel, status, category,
unit, activity, rank or kelurahan. Pressing the button saves the pairs (``analysis.data.value_pairs``) and
reruns: the same upload is then read with them, and so is every later file.
"""

from __future__ import annotations

import streamlit as st

from analysis.data import loading, value_pairs
from analysis.data.dataset import Dataset
from analysis.data.schema import COLUMNS, Kind
from analysis.i18n import fmt_int
from ui import context as ctx

MOST_SHOWN = 30  # distinct unknown values offered at once (the commonest first)


def pairs(ds: Dataset, kind: Kind) -> dict[str, dict[str, str]]:
    """The remembered pairings for a file of ``kind`` (given to the loader)."""
    return value_pairs.pairs_for(ds.data_dir, kind)


def pairing_step(ds: Dataset, kind: Kind, report: loading.ValidationReport) -> None:
    """One select box per unknown value (``— leave rejected —`` by default) and a button that saves."""
    unknown = value_pairs.unknown_values(report.problems)
    if not unknown:
        return
    lang = ctx.lang()
    labels = {c.name: (c.label_en if lang == "en" else c.label_id) for c in COLUMNS[kind]}
    st.subheader(ctx.t("values.pair.header"))
    st.caption(ctx.t("values.pair.help"))
    none = ctx.t("values.pair.none")
    chosen: dict[str, dict[str, str]] = {}
    offered = [(column, value, n) for column, counts in unknown.items() for value, n in counts.most_common()]
    grid = st.columns(2)
    for i, (column, value, n) in enumerate(offered[:MOST_SHOWN]):
        options = [none, *value_pairs.choices(column, ds.reference)]
        label = ctx.t(
            "values.pair.label", column=labels.get(column, column), value=value, count=fmt_int(n, lang)
        )
        picked = grid[i % 2].selectbox(label, options, key=f"value_pair_{kind}_{column}_{value}")
        if picked != none:
            chosen.setdefault(column, {})[value] = picked
    if st.button(ctx.t("values.pair.apply"), disabled=not chosen, key=f"value_pair_apply_{kind}"):
        value_pairs.remember_pairs(ds.data_dir, chosen)
        st.toast(ctx.t("values.pair.saved"))
        st.rerun()
