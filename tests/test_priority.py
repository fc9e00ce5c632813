"""The patrol priority counted per (kelurahan, category) pair is the one counted complaint by complaint."""

from datetime import timedelta

import numpy as np
import pandas as pd
import pytest

from analysis.core import settings
from analysis.data.dataset import load_dataset
from analysis.metrics import priority
from analysis.metrics.filters import Filters, figures_only, filter_complaints, filter_patrols


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(settings.DATA_DIR.read())


def priority_row_by_row(complaints, patrols, categories, kelurahan, end, lang, labels):
    """``patrol_priority`` as it was first written: a weight, a stage and a text key on every complaint."""
    valid = complaints.loc[complaints["is_valid"]]
    weight = dict(
        zip(
            categories["category"],
            categories["stage"].map(priority.STAGE_WEIGHT).fillna(1).astype(int) * categories["urgency"],
            strict=True,
        )
    )
    weighted = valid.assign(
        weight=valid["category"].astype("str").map(weight).fillna(1).astype(int),
        is_gn=valid["category"]
        .astype("str")
        .map(dict(zip(categories["category"], categories["stage"], strict=True)))
        .eq("GN"),
        kel=valid["kelurahan"].astype("str"),
    )
    by_kel = weighted.groupby("kel").agg(
        valid_complaints=("weight", "size"), gn_complaints=("is_gn", "sum"), pressure=("weight", "sum")
    )
    heaviest = (
        weighted.sort_values(["weight", "category"], ascending=[False, True], kind="stable")
        .groupby("kel")["category"]
        .agg(lambda s: [labels.get(c, c) for c in dict.fromkeys(s.astype("str"))][:2])
    )
    visits = (
        patrols.assign(kel=patrols["kelurahan"].astype("str"))
        .groupby("kel")
        .agg(patrols=("date", "size"), last_patrol=("date", "max"))
    )
    table = (
        pd.DataFrame(index=pd.Index(list(kelurahan), name="kel"))
        .join(by_kel)
        .join(visits)
        .fillna({"valid_complaints": 0, "gn_complaints": 0, "pressure": 0, "patrols": 0})
    )
    table = table.assign(
        valid_complaints=table["valid_complaints"].astype(int),
        gn_complaints=table["gn_complaints"].astype(int),
        pressure=table["pressure"].astype(int),
        patrols=table["patrols"].astype(int),
        days_since_patrol=(pd.Timestamp(end) - table["last_patrol"]).dt.days.astype("Int64"),
    )
    table = table.assign(score=table["pressure"] / (1 + table["patrols"]))
    table = (
        table.reset_index()
        .rename(columns={"kel": "kelurahan"})
        .sort_values(["score", "pressure", "kelurahan"], ascending=[False, False, True], kind="stable")
        .reset_index(drop=True)
    )
    rank = pd.Series(range(1, len(table) + 1), index=table.index, dtype="Int64").where(table["pressure"] > 0)
    reasons = [
        priority.priority_reason(row, heaviest.get(row["kelurahan"], []), priority.RECENT_DAYS, lang)
        if row["pressure"] > 0
        else ""
        for _, row in table.iterrows()
    ]
    return table.assign(rank=rank, reason=pd.Series(reasons, index=table.index, dtype="str"))[
        list(priority.PRIORITY_COLUMNS)
    ]


@pytest.mark.parametrize("seed", range(6))
def test_priority_from_pairs_equals_the_row_by_row_priority(dataset, seed):
    rng = np.random.default_rng(seed)
    ref = dataset.reference
    kecamatan_of = ref.kecamatan_of()
    for _ in range(6):
        end = dataset.last_date - timedelta(days=int(rng.integers(0, 300)))
        scope = tuple(rng.choice(ref.kelurahan_names, size=int(rng.integers(0, 4)), replace=False))
        topics = tuple(rng.choice(ref.category_names, size=int(rng.integers(0, 2)), replace=False))
        f = Filters(end - timedelta(days=priority.RECENT_DAYS - 1), end, kelurahan=scope, categories=topics)
        complaints = filter_complaints(figures_only(dataset.complaints), f, kecamatan_of)
        patrols = filter_patrols(figures_only(dataset.patrols), f, kecamatan_of)
        lang = str(rng.choice(["id", "en"]))
        names, categories = ref.category_labels(lang), ref.categories
        if lang == "en":  # as the briefing hands them over: category names as text, in English
            categories = categories.assign(category=categories["category"].map(names))
            complaints = complaints.assign(category=complaints["category"].astype("str").map(names))
        if rng.random() < 0.2:
            patrols = patrols.iloc[:0]
        kelurahan = list(scope) or ref.kelurahan_names
        labels = ref.category_labels(lang)
        expected = priority_row_by_row(complaints, patrols, categories, kelurahan, end, lang, labels)
        got = priority.patrol_priority(complaints, patrols, categories, kelurahan, end, lang, labels=labels)
        pd.testing.assert_frame_equal(got, expected)
        pd.testing.assert_series_equal(
            priority.complaint_weights(complaints, categories),
            complaints["category"]
            .astype("str")
            .map(
                dict(
                    zip(
                        categories["category"],
                        priority.complaint_weights(categories, categories),
                        strict=True,
                    )
                )
            )
            .fillna(1)
            .astype(int)
            .rename("weight"),
        )


def test_an_empty_window_ranks_nobody(dataset):
    ref = dataset.reference
    none = dataset.complaints.iloc[:0]
    names = ref.kelurahan_names
    table = priority.patrol_priority(none, dataset.patrols.iloc[:0], ref.categories, names, dataset.last_date)
    assert len(table) == len(names) and table["rank"].isna().all() and (table["pressure"] == 0).all()
