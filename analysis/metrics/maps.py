"""The kelurahan map: measures per kelurahan, their colour scale and legend, and the folium map itself.

Everything here is pure: frames and geometry in, a frame, a ``ColourScale`` or a ``folium.Map`` out. The
map loads only Leaflet, served by the app (copied into ``static/`` by ``ui.static_assets``); no CDN, no
jQuery, no Bootstrap.
Every text that comes from data is HTML-escaped before it reaches the map or the legend.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import numpy as np
import pandas as pd

from analysis.core import settings
from analysis.data.dataset import Dataset
from analysis.data.reference import Reference
from analysis.data.schema import RESOLVED_STATUS, split_topics
from analysis.i18n import Lang, fmt_date, fmt_int, fmt_num, t
from analysis.metrics import cube

if TYPE_CHECKING:  # folium is imported where a map is drawn (~0.6 s): only the map page draws one
    import folium
    from branca.element import MacroElement
from analysis.metrics.filters import Filters, figures_only, filter_complaints, filter_patrols
from analysis.metrics.style import (
    BLUES,
    MISSING,
    NEVER_VISITED,
    NO_TOPIC_COLOUR,
    ORANGES,
    OUTLINE_COLOUR,
    PURPLES,
    RED_BLUE,
    SELECTED_OUTLINE,
    category_colour,
)

# Where the app serves Leaflet (``ui.static_assets`` copies the files there at start-up).
LEAFLET_URL = "/app/static/leaflet"
LEAFLET_JS_URL = f"{LEAFLET_URL}/leaflet.js"
LEAFLET_CSS_URL = f"{LEAFLET_URL}/leaflet.css"
LEAFLET_IMAGES_URL = f"{LEAFLET_URL}/images/"

Measure = Literal[
    "visits",
    "personnel_hours",
    "valid_complaints",
    "complaints_per_1000",
    "days_since_last_visit",
    "balance",
    "response_days",
]
MEASURES: tuple[Measure, ...] = get_args(Measure)
Layer = Literal["complaints", "patrols", "density"]
LAYERS: tuple[Layer, ...] = ("complaints", "patrols", "density")


@dataclass(frozen=True)
class MeasureSpec:
    """How one measure is read: its column, palette, whether it counts whole things, its digits."""

    column: str
    palette: tuple[str, ...]
    integer: bool = False
    diverging: bool = False
    digits: int = 1


SPECS: dict[Measure, MeasureSpec] = {
    "visits": MeasureSpec("visits", BLUES, integer=True, digits=0),
    "personnel_hours": MeasureSpec("personnel_hours", BLUES),
    "valid_complaints": MeasureSpec("valid_complaints", ORANGES, integer=True, digits=0),
    "complaints_per_1000": MeasureSpec("complaints_per_1000", ORANGES, digits=2),
    "days_since_last_visit": MeasureSpec("days_since_last_visit", PURPLES, integer=True, digits=0),
    "balance": MeasureSpec("balance_pp", RED_BLUE, diverging=True),
    "response_days": MeasureSpec("response_days", PURPLES),
}


# --------------------------------------------------------------------------------------------- measures


def _as_text(values: pd.Series) -> pd.Series:
    """Text as Python objects, NA as ``pd.NA``; a categorical column is spread from its few category names
    by code (converting row by row costs a quarter of a second at 200,000 rows)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        names = np.array([*map(str, values.cat.categories), pd.NA], dtype=object)
        return pd.Series(names[values.cat.codes.to_numpy()], index=values.index, name=values.name)
    return values.astype("string").astype(object)


def _positions(values: pd.Series, names: Sequence[str]) -> np.ndarray:
    """Each row's position in ``names`` (-1 for NA or a name not in it), looked up per distinct value."""
    codes, uniques = pd.factorize(values)
    found = pd.Index(list(names)).get_indexer([str(u) for u in uniques])
    return np.append(found, -1)[codes]


def _day_numbers(values: pd.Series) -> np.ndarray:
    """Days since 1970 as int64 (NaT as the int64 minimum)."""
    return values.to_numpy().astype("datetime64[D]").astype(np.int64)


def _response_days(
    patrol_at: np.ndarray, patrol_day: np.ndarray, complaint_at: np.ndarray, complaint_day: np.ndarray
) -> np.ndarray:
    """Days from each complaint to the first patrol in its kelurahan on that day or later (NaN without
    one). Kelurahan as positions (-1 = unknown, never matched), days as ``_day_numbers``: one sorted
    (kelurahan, day) key and one binary search instead of a merge on text."""
    nat = np.iinfo(np.int64).min
    days = np.full(len(complaint_at), np.nan)
    patrols = (patrol_at >= 0) & (patrol_day != nat)
    complaints = np.flatnonzero((complaint_at >= 0) & (complaint_day != nat))
    if not patrols.any() or not len(complaints):
        return days
    first = min(patrol_day[patrols].min(), complaint_day[complaints].min())
    span = max(patrol_day[patrols].max(), complaint_day[complaints].max()) - first + 1
    visits = np.sort(patrol_at[patrols] * span + (patrol_day[patrols] - first))
    wanted = complaint_at[complaints] * span + (complaint_day[complaints] - first)
    at = np.searchsorted(visits, wanted, side="left")
    hit = at < len(visits)
    same = np.zeros(len(wanted), dtype=bool)
    same[hit] = visits[at[hit]] // span == complaint_at[complaints][hit]
    days[complaints[same]] = visits[at[same]] - wanted[same]
    return days


def _last_visits(patrols: pd.DataFrame, at: np.ndarray, count: int) -> pd.DataFrame:
    """Date and leader of the latest patrol per kelurahan position 0..count-1 (latest start time wins a tie
    on the date, then the later row); NaT and NA where there was none."""
    rows = np.flatnonzero(at >= 0)
    day = patrols["date"].to_numpy().astype("datetime64[us]").astype(np.int64)
    day = np.where(day == np.iinfo(np.int64).min, np.iinfo(np.int64).max, day)  # NaT sorts last, as before
    start, _ = pd.factorize(patrols["start_time"].astype("string").fillna(""), sort=True)
    order = rows[np.lexsort((rows, start[rows], day[rows]))]
    places, last = np.unique(at[order][::-1], return_index=True)
    latest = patrols.iloc[order[::-1][last]]
    leader = (
        latest["leader_rank"].astype("string").fillna("")
        + " "
        + latest["leader_name"].astype("string").fillna("")
    ).str.strip()
    result = pd.DataFrame(
        {"last_visit": latest["date"].to_numpy(), "last_visit_leader": leader.astype(object).to_numpy()},
        index=places,
    )
    return result.reindex(range(count))


def _top_categories(at: np.ndarray, categories: pd.Series, count: int, n: int) -> list[tuple]:
    """The ``n`` most frequent categories per kelurahan position, ties broken by name."""
    codes, uniques = pd.factorize(categories)
    names = [str(u) for u in uniques]
    known = (at >= 0) & (codes >= 0)
    grid = np.bincount(at[known] * len(names) + codes[known], minlength=count * len(names))
    grid = grid.reshape(count, len(names))
    by_name = sorted(range(len(names)), key=names.__getitem__)
    top = []
    for row in grid:
        ranked = sorted((i for i in by_name if row[i] > 0), key=lambda i: -row[i])  # stable: name order
        top.append(tuple((names[i], int(row[i])) for i in ranked[:n]))
    return top


def citywide_measures(dataset: Dataset, filters: Filters, as_of: date) -> pd.DataFrame:
    """``kelurahan_measures`` of ``dataset``'s patrols and complaints in ``filters`` without its kelurahan
    and kecamatan (the map always measures every kelurahan), to ``as_of``.

    Remembered per data version and (filters, as_of) among the last few (``cube.per_frames_and_arguments``):
    the map and Ringkasan's findings ask for the same table, and a change of the kelurahan filter leaves
    it as it was. The table is shared: do not change it.
    """
    citywide = replace(filters, kelurahan=(), kecamatan=())
    kecamatan_of = dataset.reference.kecamatan_of()

    def build() -> pd.DataFrame:
        return kelurahan_measures(
            filter_patrols(figures_only(dataset.patrols), citywide, kecamatan_of),
            filter_complaints(figures_only(dataset.complaints), citywide, kecamatan_of),
            dataset.reference,
            as_of=as_of,
        )

    return cube.per_frames_and_arguments(
        "citywide_measures", (dataset.patrols, dataset.complaints), (citywide, as_of), build
    )


def kelurahan_measures(
    patrols: pd.DataFrame,
    complaints: pd.DataFrame,
    reference: Reference,
    as_of: date,
    top_n: int = 3,
) -> pd.DataFrame:
    """Every map measure for all 21 kelurahan (reference order, zeros where nothing happened).

    Columns: ``kelurahan``, ``kecamatan``, ``visits``, ``personnel_hours`` (personnel × hours over patrols
    with both times; NaN when visits exist but none has times), ``valid_complaints``, ``open_complaints``
    (valid, not yet "Selesai"), ``population``, ``population_year``, ``complaints_per_1000`` (valid
    complaints per 1,000 residents of ``population_year``), ``last_visit``, ``last_visit_leader``,
    ``days_since_last_visit`` (to ``as_of``; NaN = no visit in the frames), ``patrol_share``,
    ``complaint_share``, ``balance_pp`` (patrol share minus complaint share, percentage points: negative =
    less presence than the complaints call for), ``response_days`` (median days from a valid complaint to
    the next patrol in the kelurahan, same day = 0), ``complaints_followed`` (valid complaints with such a
    patrol), ``top_categories`` (tuple of (category, count)).
    """
    table = reference.kelurahan[["kelurahan", "kecamatan", "population", "population_year"]].copy()
    names = table["kelurahan"]
    count = len(names)
    # Everything is counted on each row's position in the reference list (codes, not text): 21 bins.
    patrol_at = _positions(patrols["kelurahan"], names)
    is_valid = complaints["is_valid"].to_numpy()
    valid = complaints.loc[is_valid]
    valid_at = _positions(valid["kelurahan"], names)
    known = patrol_at >= 0

    visits = pd.Series(np.bincount(patrol_at[known], minlength=count), index=names.to_numpy())
    work = (patrols["personnel_count"].astype(float) * patrols["duration_hours"].astype(float)).to_numpy()
    timed = known & ~np.isnan(work)
    hours = pd.Series(
        np.where(
            np.bincount(patrol_at[timed], minlength=count) > 0,
            np.bincount(patrol_at[timed], weights=work[timed], minlength=count),
            np.nan,
        )
    )
    counted = valid_at >= 0
    valid_n = pd.Series(np.bincount(valid_at[counted], minlength=count), index=names.to_numpy())
    is_open = (valid["status"] != RESOLVED_STATUS).to_numpy(dtype=bool, na_value=True)
    open_n = np.bincount(valid_at[counted & is_open], minlength=count)

    days = _response_days(
        patrol_at, _day_numbers(patrols["date"]), valid_at, _day_numbers(valid["received_at"])
    )
    followed = ~np.isnan(days)
    median = pd.Series(days[followed]).groupby(valid_at[followed]).median().reindex(range(count))
    followed_n = np.bincount(valid_at[followed], minlength=count)

    last = _last_visits(patrols, patrol_at, count)
    top = _top_categories(valid_at, valid["category"], count, top_n)
    total_visits, total_valid = int(visits.sum()), int(valid_n.sum())
    patrol_share = visits / total_visits if total_visits else visits * float("nan")
    complaint_share = valid_n / total_valid if total_valid else valid_n * float("nan")
    population = pd.to_numeric(table["population"], errors="coerce").astype(float)
    population = population.where(population > 0)
    as_of_ts = pd.Timestamp(as_of)

    return table.assign(
        population=population.to_numpy(),
        visits=visits.to_numpy(),
        personnel_hours=hours.where(visits.to_numpy() > 0, 0.0).to_numpy(),
        valid_complaints=valid_n.to_numpy(),
        open_complaints=open_n,
        complaints_per_1000=(valid_n.to_numpy() / population * 1000),
        last_visit=pd.to_datetime(last["last_visit"]).to_numpy(),
        last_visit_leader=last["last_visit_leader"].astype(object).to_numpy(),
        days_since_last_visit=(as_of_ts - pd.to_datetime(last["last_visit"]))
        .dt.days.astype(float)
        .to_numpy(),
        patrol_share=patrol_share.to_numpy(),
        complaint_share=complaint_share.to_numpy(),
        balance_pp=((patrol_share - complaint_share) * 100).to_numpy(),
        response_days=median.to_numpy(),
        complaints_followed=followed_n,
        top_categories=top,
    )[
        [
            "kelurahan",
            "kecamatan",
            "visits",
            "personnel_hours",
            "valid_complaints",
            "open_complaints",
            "population",
            "population_year",
            "complaints_per_1000",
            "last_visit",
            "last_visit_leader",
            "days_since_last_visit",
            "patrol_share",
            "complaint_share",
            "balance_pp",
            "response_days",
            "complaints_followed",
            "top_categories",
        ]
    ]


# ---------------------------------------------------------------------------------------- colour scale


@dataclass(frozen=True)
class LegendEntry:
    """One row of a map legend: a hex ``colour`` and its ``label`` in the user's language."""

    colour: str
    label: str


@dataclass(frozen=True)
class ColourScale:
    """Classes of one measure: class ``i`` holds values ``<= uppers[i]`` (and above ``uppers[i-1]``).

    ``never`` is the colour for a kelurahan with no visit at all (days-since measure only); ``missing`` for
    a value that cannot be computed (no population, no complaint followed up ...).
    """

    measure: Measure
    title: str
    note: str
    uppers: tuple[float, ...]
    colours: tuple[str, ...]
    entries: tuple[LegendEntry, ...]
    missing: str = MISSING
    never: str | None = None

    def colour_of(self, value: float | None, visited: bool = True) -> str:
        """The hex colour for ``value``: ``never`` for a kelurahan never visited (when the scale has one),
        ``missing`` for None/NaN, else the first class whose upper bound holds it (the top class above all).
        """
        if self.never is not None and not visited:
            return self.never
        if value is None or pd.isna(value):
            return self.missing
        for upper, colour in zip(self.uppers, self.colours, strict=True):
            if value <= upper + 1e-9:
                return colour
        return self.colours[-1]


def _nice_step(raw: float, integer: bool) -> float:
    """The smallest "nice" step (1, 2, 2.5, 5 × 10^k; whole numbers 1, 2, 3, 4, 5 × 10^k) ≥ ``raw``."""
    if raw <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    factors = (1, 2, 3, 4, 5, 10) if integer else (1, 2, 2.5, 5, 10)
    for factor in factors:
        step = factor * magnitude
        if step >= raw - 1e-12 and (not integer or step >= 1):
            return float(step)
    return 10.0 * magnitude


def _spread(palette: Sequence[str], k: int) -> tuple[str, ...]:
    """``k`` colours from a 5-colour palette, light to dark, always ending on the darkest."""
    if k <= 1:
        return (palette[0],)
    last = len(palette) - 1
    return tuple(palette[round(i * last / (k - 1))] for i in range(k))


def _count_classes(top: float, lang: Lang) -> tuple[list[float], list[str]]:
    """0 on its own, then up to four equal whole-number ranges: 0 · 1–3 · 4–6 · 7–9."""
    top_int = math.ceil(top)
    if top_int <= 0:
        return [0.0], ["0"]
    step = int(_nice_step(top_int / 4, integer=True))
    uppers, labels, lower = [0.0], ["0"], 1
    while lower <= top_int:
        upper = lower + step - 1
        uppers.append(float(upper))
        labels.append(
            fmt_int(lower, lang) if upper == lower else f"{fmt_int(lower, lang)}–{fmt_int(upper, lang)}"
        )
        lower = upper + 1
    return uppers, labels


def _range_classes(top: float, lang: Lang) -> tuple[list[float], list[str]]:
    """Up to five equal ranges from 0 with a nice step: 0–10 · 10–20 · …"""
    if top <= 0:
        return [0.0], ["0"]
    step = _nice_step(top / 5, integer=False)
    places = next(d for d in range(4) if abs(round(step, d) - step) < 1e-9)
    uppers = [step * i for i in range(1, math.ceil(top / step - 1e-9) + 1)]
    labels = [f"{fmt_num(u - step, lang, places)}–{fmt_num(u, lang, places)}" for u in uppers]
    return uppers, labels


def _diverging_classes(extent: float, lang: Lang) -> tuple[list[float], list[str]]:
    """Five classes symmetric around 0: −b…−b/2 · −b/2…−a · ±a (balanced) · a…b/2 · b/2…b, a = b/4."""
    b = _nice_step(extent, integer=False)
    a, h = b / 4, b / 2
    n = lambda v: fmt_num(v, lang, 1 if not float(v).is_integer() else 0)  # noqa: E731
    uppers = [-h, -a, a, h, b]
    labels = [
        f"−{n(b)} … −{n(h)}",
        f"−{n(h)} … −{n(a)}",
        t("map.legend.balanced", lang, band=n(a)),
        f"+{n(a)} … +{n(h)}",
        f"+{n(h)} … +{n(b)}",
    ]
    return uppers, labels


def measure_scale(measures: pd.DataFrame, measure: Measure, lang: Lang = "id") -> ColourScale:
    """The colour classes and legend for ``measure`` over the values in ``measures``."""
    spec = SPECS[measure]
    values = measures[spec.column].astype(float)
    finite = values.dropna()
    if spec.diverging:
        extent = float(finite.abs().max()) if len(finite) else 0.0
        uppers, labels = _diverging_classes(extent if extent > 0 else 1.0, lang)
        colours = spec.palette
    else:
        top = float(finite.max()) if len(finite) else 0.0
        if spec.integer:
            uppers, labels = _count_classes(top, lang)
        else:
            uppers, labels = _range_classes(top, lang)
        colours = _spread(spec.palette, len(uppers))
    entries = [LegendEntry(c, label) for c, label in zip(colours, labels, strict=True)]
    never = None
    if measure == "days_since_last_visit":
        never = NEVER_VISITED
        entries.append(LegendEntry(NEVER_VISITED, t("map.legend.never", lang)))
    has_missing = values.isna() & (measures["visits"] > 0 if never else True)
    if has_missing.any():
        entries.append(LegendEntry(MISSING, t(f"map.missing.{measure}", lang)))
    return ColourScale(
        measure=measure,
        title=_title(measure, lang),
        note=t(f"map.note.{measure}", lang, year=_population_year(measures)),
        uppers=tuple(uppers),
        colours=tuple(colours),
        entries=tuple(entries),
        never=never,
    )


def _title(measure: Measure, lang: Lang) -> str:
    """``"Kunjungan patroli — kunjungan"``; the unit is left out where the name already says it."""
    label = t(f"map.measure.{measure}", lang)
    if measure in ("personnel_hours", "complaints_per_1000"):
        return label
    return f"{label} — {t(f'map.unit.{measure}', lang)}"


def _population_year(measures: pd.DataFrame) -> str:
    years = pd.to_numeric(measures["population_year"], errors="coerce").dropna()
    return str(int(years.max())) if len(years) else "–"


def legend_html(scale: ColourScale) -> str:
    """The legend as a small HTML block (our own strings and numbers only, escaped all the same)."""
    items = "".join(
        '<span style="display:inline-flex;align-items:center;margin:0 14px 6px 0;font-size:1rem">'
        f'<span style="width:28px;height:18px;background:{html.escape(e.colour)};border:1px solid #333;'
        f'margin-right:6px;display:inline-block"></span>{html.escape(e.label)}</span>'
        for e in scale.entries
    )
    return (
        f'<div class="map-legend" role="group" aria-label="{html.escape(scale.title)}">'
        f'<div style="font-weight:600;font-size:1.05rem;margin-bottom:4px">{html.escape(scale.title)}</div>'
        f'<div style="display:flex;flex-wrap:wrap">{items}</div>'
        f'<div style="font-size:0.9rem;color:#333">{html.escape(scale.note)}</div></div>'
    )


# ------------------------------------------------------------------------------------------- text bits


def _esc(text: object) -> str:
    """HTML-escape, and also neutralise backticks and ``${`` in case a value lands in a JS template."""
    return html.escape(str(text)).replace("`", "&#96;").replace("$", "&#36;")


def measure_text(row: pd.Series, measure: Measure, lang: Lang) -> str:
    """One kelurahan's value of ``measure`` with its unit, e.g. ``"12 kunjungan"``."""
    spec = SPECS[measure]
    value = row[spec.column]
    if measure == "days_since_last_visit" and row["visits"] == 0:
        return t("map.legend.never", lang)
    if pd.isna(value):
        return t(f"map.missing.{measure}", lang)
    number = fmt_int(value, lang) if spec.integer else fmt_num(value, lang, spec.digits)
    if spec.diverging and value > 0:
        number = "+" + number
    return f"{number} {t(f'map.unit.{measure}', lang)}"


def category_label(category: str, reference: Reference, lang: Lang) -> str:
    """A category's name as shown in ``lang``: its ``name_en`` from the reference in English (the canonical
    name when the category is unknown), the canonical name itself in Bahasa.
    """
    if lang == "en":
        names = dict(zip(reference.categories["category"], reference.categories["name_en"], strict=True))
        return names.get(category, category)
    return category


def kelurahan_details(row: pd.Series, reference: Reference, lang: Lang) -> list[tuple[str, str]]:
    """(label, value) pairs shown on click: visits, last visit and leader, top categories, open complaints."""
    last = (
        f"{fmt_date(row['last_visit'], lang)} · {row['last_visit_leader']}"
        if pd.notna(row["last_visit"])
        else t("map.legend.never", lang)
    )
    top = ", ".join(
        f"{category_label(c, reference, lang)} ({fmt_int(n, lang)})" for c, n in row["top_categories"]
    )
    return [
        (t("map.measure.visits", lang), fmt_int(row["visits"], lang)),
        (t("map.measure.personnel_hours", lang), fmt_num(row["personnel_hours"], lang)),
        (t("map.detail.last_visit", lang), last),
        (t("map.measure.valid_complaints", lang), fmt_int(row["valid_complaints"], lang)),
        (t("map.detail.top_categories", lang), top or "–"),
        (t("map.detail.open_complaints", lang), fmt_int(row["open_complaints"], lang)),
        (t("map.measure.response_days", lang), measure_text(row, "response_days", lang)),
    ]


def _tooltip_html(row: pd.Series, measure: Measure, lang: Lang) -> str:
    return (
        f'<div class="kel-tip"><b>{_esc(row["kelurahan"])}</b><br>'
        f"{_esc(t('map.detail.kecamatan', lang))} {_esc(row['kecamatan'])}<br>"
        f"{_esc(t(f'map.measure.{measure}', lang))}: <b>{_esc(measure_text(row, measure, lang))}</b></div>"
    )


def _popup_html(row: pd.Series, reference: Reference, lang: Lang) -> str:
    rows = "".join(
        f"<tr><th>{_esc(label)}</th><td>{_esc(value)}</td></tr>"
        for label, value in kelurahan_details(row, reference, lang)
    )
    title = f"{_esc(row['kelurahan'])} <small>({_esc(row['kecamatan'])})</small>"
    return f'<div class="kel-pop"><div class="kel-pop-title">{title}</div><table>{rows}</table></div>'


def measure_table(measures: pd.DataFrame, measure: Measure) -> pd.DataFrame:
    """Kelurahan, kecamatan and the measure, sorted worst first: the side table of the page.

    Columns: ``kelurahan``, ``kecamatan`` (text) and the measure under its own name (``visits``,
    ``balance`` ...): ``int64`` for counts, ``float`` rounded to its digits, NaN where it cannot be
    computed or, for days since the last visit, where there was never a visit. Its header with the unit
    ("Kunjungan patroli (kunjungan)") and its empty-cell text are the page's (``ui.columns.measure``).
    """
    spec = SPECS[measure]
    value = measures[spec.column].astype(float)
    if measure == "days_since_last_visit":
        value = value.where(measures["visits"] > 0, float("inf"))
    worst_first = measure in (
        "valid_complaints",
        "complaints_per_1000",
        "days_since_last_visit",
        "response_days",
    )
    order = value.sort_values(ascending=not worst_first, na_position="last", kind="stable").index
    rows = measures.loc[order]
    numbers = value.loc[order].replace(float("inf"), float("nan")).round(spec.digits)
    if spec.integer and not numbers.isna().any():
        numbers = numbers.astype("int64")
    return pd.DataFrame(
        {
            "kelurahan": rows["kelurahan"].to_numpy(),
            "kecamatan": rows["kecamatan"].to_numpy(),
            measure: numbers.to_numpy(),
        }
    )


# ------------------------------------------------------------------------------------------ geometry


def _ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of a closed lon/lat ring."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-15:
        xs, ys = zip(*ring, strict=True)
        return sum(ys) / len(ys), sum(xs) / len(xs)
    return cy / (3 * area), cx / (3 * area)


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def kecamatan_outlines(geojson: dict[str, Any]) -> dict[str, Any]:
    """The outline of each kecamatan: kelurahan edges not shared with another kelurahan of the same
    kecamatan (cheap stand-in for a polygon union, exact where neighbours share vertices)."""
    features = []
    by_kecamatan: dict[str, dict[tuple, int]] = {}
    for feature in geojson["features"]:
        edges = by_kecamatan.setdefault(feature["properties"]["kecamatan"], {})
        for ring in _rings(feature["geometry"]):
            for a, b in itertools.pairwise(ring):
                key = tuple(sorted((tuple(a), tuple(b))))
                edges[key] = edges.get(key, 0) + 1
    for kecamatan, edges in by_kecamatan.items():
        lines = [[list(a), list(b)] for (a, b), n in edges.items() if n == 1]
        features.append(
            {
                "type": "Feature",
                "properties": {"kecamatan": kecamatan},
                "geometry": {"type": "MultiLineString", "coordinates": lines},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geo_bounds(geojson: dict[str, Any]) -> list[list[float]]:
    """[[south, west], [north, east]] of every ring in ``geojson``."""
    lons = [p[0] for f in geojson["features"] for ring in _rings(f["geometry"]) for p in ring]
    lats = [p[1] for f in geojson["features"] for ring in _rings(f["geometry"]) for p in ring]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def density_cells(
    complaints: pd.DataFrame, bounds: list[list[float]], cell_deg: float = 0.0025
) -> pd.DataFrame:
    """Valid complaints with coordinates counted on a square grid (≈ 275 m cells) inside ``bounds``.

    Columns ``south``, ``west``, ``count``; only cells with at least one complaint.
    """
    (south, west), (north, east) = bounds
    valid = complaints.loc[complaints["is_valid"], ["lat", "lon"]].dropna()
    inside = valid.loc[valid["lat"].between(south, north) & valid["lon"].between(west, east)]
    if inside.empty:
        return pd.DataFrame({"south": [], "west": [], "count": []}).astype({"count": int})
    row = ((inside["lat"] - south) // cell_deg).astype(int)
    col = ((inside["lon"] - west) // cell_deg).astype(int)
    counts = pd.DataFrame({"row": row, "col": col}).value_counts().rename("count").reset_index()
    return (
        counts.assign(south=south + counts["row"] * cell_deg, west=west + counts["col"] * cell_deg)
        .sort_values(["row", "col"])[["south", "west", "count"]]
        .reset_index(drop=True)
    )


# -------------------------------------------------------------------------------------------- the map


# The map's extras (plain Leaflet script: local marker images, the geo attribution, the kelurahan name
# labels), rendered by folium's template engine.
_EXTRAS_TEMPLATE = """
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = {{ this.image_path|tojson }};
            L.control.scale({metric: true, imperial: false}).addTo({{ this._parent.get_name() }});
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.attribution|tojson }});
            {{ this.labels|tojson }}.forEach(function (label) {
                L.marker([label[0], label[1]], {
                    icon: L.divIcon({className: "kel-label", html: label[2], iconSize: null}),
                    interactive: false, keyboard: false
                }).addTo({{ this._parent.get_name() }});
            });
        {% endmacro %}
        """


@cache
def _map_extras_class() -> type[MacroElement]:
    """The map's extras element class, defined on first use: folium and branca are imported then."""
    from branca.element import MacroElement
    from folium.template import Template

    class _MapExtras(MacroElement):
        """Plain Leaflet script: local marker images, the geo attribution, and the kelurahan name labels."""

        _template = Template(_EXTRAS_TEMPLATE)

        def __init__(self, labels: list[tuple[float, float, str]], attribution: str):
            super().__init__()
            self._name = "MapExtras"
            self.labels = [list(label) for label in labels]
            self.attribution = attribution
            self.image_path = LEAFLET_IMAGES_URL

    return _MapExtras


def _map_extras(labels: list[tuple[float, float, str]], attribution: str) -> MacroElement:
    """The map's extras element (``_map_extras_class``) for these name ``labels`` and ``attribution``."""
    return _map_extras_class()(labels, attribution)  # type: ignore[call-arg]


_CSS = """
<style>
.leaflet-container { background: #ffffff; font-size: 15px; }
.kel-label span { display: inline-block; transform: translate(-50%, -50%); white-space: nowrap;
  font: 600 13px/1.1 sans-serif; color: #111; pointer-events: none;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; }
.kel-tip { font-size: 15px; line-height: 1.35; }
.kel-pop { font-size: 14px; } .kel-pop-title { font-weight: 700; font-size: 16px; margin-bottom: 4px; }
.kel-pop th { text-align: left; padding: 1px 8px 1px 0; font-weight: 600; vertical-align: top; }
/* On a narrow map the attribution wraps beside the scale bar (bottom left) instead of lying on it. */
.leaflet-control-attribution { max-width: calc(100% - 140px); white-space: normal; line-height: 1.3;
  font-size: 11px; }
</style>
"""


def tiles_setting() -> str | None:
    """``"osm"`` when ``DASHBOARD_TILES=osm`` (machines that are online), else None: no base tiles."""
    return settings.TILES.read()


def _kelurahan_layer(
    reference: Reference,
    measures: pd.DataFrame,
    scale: ColourScale,
    measure: Measure,
    selected: Collection[str],
    lang: Lang,
) -> folium.GeoJson:
    import folium

    rows = measures.set_index("kelurahan", drop=False)
    features = []
    for feature in reference.geojson["features"]:
        name = feature["properties"]["kelurahan"]
        row = rows.loc[name]
        chosen = name in selected
        features.append(
            {
                "type": "Feature",
                "id": name,
                "geometry": feature["geometry"],
                "properties": {
                    "kelurahan": name,
                    "kecamatan": feature["properties"]["kecamatan"],
                    "tooltip": _tooltip_html(row, measure, lang),
                    "popup": _popup_html(row, reference, lang),
                    "style": {
                        "fillColor": scale.colour_of(row[SPECS[measure].column], visited=bool(row["visits"])),
                        "fillOpacity": 0.85,
                        "color": SELECTED_OUTLINE if chosen else OUTLINE_COLOUR,
                        "weight": 5 if chosen else 1,
                    },
                },
            }
        )
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=t("map.layer.kelurahan", lang),
        highlight_function=lambda _: {"weight": 4, "color": "#000000"},
    )
    folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True).add_to(layer)
    folium.GeoJsonPopup(fields=["popup"], labels=False, localize=False, max_width=360).add_to(layer)
    return layer


def _point_layer(features: list[dict[str, Any]], name: str, radius: int) -> folium.GeoJson:
    import folium

    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        marker=folium.CircleMarker(radius=radius, weight=2, fill=True, fill_opacity=0.9),
    )
    folium.GeoJsonTooltip(fields=["tooltip"], labels=False).add_to(layer)
    return layer


def _point_features(
    frame: pd.DataFrame, colour_of: Iterable[str], tips: Iterable[str], filled: bool
) -> list[dict[str, Any]]:
    features = []
    for i, (lat, lon, colour, tip) in enumerate(
        zip(frame["lat"], frame["lon"], colour_of, tips, strict=True)
    ):
        style = {"color": colour, "fillColor": colour if filled else "#ffffff"}
        features.append(
            {
                "type": "Feature",
                "id": i,
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {"tooltip": tip, "style": style},
            }
        )
    return features


def _with_coordinates(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    located = frame.loc[frame["lat"].notna() & frame["lon"].notna()]
    return located.tail(limit)


def complaint_point_features(
    complaints: pd.DataFrame, reference: Reference, lang: Lang, limit: int = 3000
) -> list[dict[str, Any]]:
    """Valid complaints with coordinates as GeoJSON points coloured by category (latest ``limit``)."""
    located = _with_coordinates(complaints.loc[complaints["is_valid"]], limit)
    colours = reference.category_colours()
    categories = _as_text(located["category"])
    tips = [
        f"<b>{_esc(category_label(c, reference, lang))}</b><br>{_esc(fmt_date(d, lang))} · {_esc(s)}"
        for c, d, s in zip(categories, located["received_at"], _as_text(located["status"]), strict=True)
    ]
    return _point_features(located, [category_colour(colours, c) for c in categories], tips, filled=True)


def patrol_point_features(
    patrols: pd.DataFrame, reference: Reference, lang: Lang, limit: int = 3000
) -> list[dict[str, Any]]:
    """Patrols with coordinates as hollow GeoJSON points, outlined in the colour of their first topic.

    The tooltip names the activity and date, the leader ("Aiptu Roziek Mustofa"), the personnel count and
    every topic raised."""
    located = _with_coordinates(patrols, limit)
    colours = reference.category_colours()
    topics = [split_topics(text) for text in located["topics"].astype(object)]
    firsts = [next(iter(parts), "") for parts in topics]
    leaders = (
        _as_text(located["leader_rank"]).fillna("") + " " + _as_text(located["leader_name"]).fillna("")
    ).str.strip()
    tips = [
        f"<b>{_esc(a)}</b> · {_esc(fmt_date(d, lang))}<br>"
        f"{_esc(leader or '–')} · {_esc(t('records.tip.personnel', lang, n=fmt_int(n, lang)))}<br>"
        f"{_esc(', '.join(category_label(c, reference, lang) for c in parts) or '–')}"
        for a, d, leader, n, parts in zip(
            _as_text(located["activity"]),
            located["date"],
            leaders,
            located["personnel_count"],
            topics,
            strict=True,
        )
    ]
    return _point_features(located, [colours.get(c, NO_TOPIC_COLOUR) for c in firsts], tips, filled=False)


def _density_layer(cells: pd.DataFrame, cell_deg: float, lang: Lang) -> folium.GeoJson:
    import folium

    top = float(cells["count"].max()) if len(cells) else 0.0
    uppers, _ = _count_classes(top, lang)
    colours = _spread(ORANGES, len(uppers))
    features = []
    for south, west, count in zip(cells["south"], cells["west"], cells["count"], strict=True):
        colour = next((c for u, c in zip(uppers, colours, strict=True) if count <= u), colours[-1])
        ring = [[west, south], [west + cell_deg, south], [west + cell_deg, south + cell_deg]]
        ring += [[west, south + cell_deg], [west, south]]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {
                    "style": {"fillColor": colour, "fillOpacity": 0.75, "stroke": False, "interactive": False}
                },
            }
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=t("map.layer.density", lang),
        interactive=False,
    )


def kelurahan_map(
    reference: Reference,
    measures: pd.DataFrame,
    measure: Measure,
    lang: Lang = "id",
    *,
    selected: Collection[str] = (),
    complaints: pd.DataFrame | None = None,
    patrols: pd.DataFrame | None = None,
    layers: Collection[Layer] = (),
    tiles: str | None = None,
    scale: ColourScale | None = None,
) -> folium.Map:
    """The 21 kelurahan coloured by ``measure``, kecamatan outlines on top, names as labels.

    ``selected`` kelurahan get a thick outline. ``layers`` switches on complaint points, patrol points
    (from ``complaints`` / ``patrols`` where lat/lon exist) and the complaint density grid. ``tiles="osm"``
    adds OpenStreetMap tiles (needs internet); by default the polygons sit on a plain background. Only
    the app's own copy of Leaflet is loaded.
    """
    import folium
    from branca.element import Element, Figure

    scale = scale or measure_scale(measures, measure, lang)
    bounds = geo_bounds(reference.geojson)
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    fmap = folium.Map(
        location=centre, zoom_start=13, tiles=None, control_scale=False, prefer_canvas=False, zoom_snap=0.25
    )
    # Instance attributes, so no other map in the process is affected.
    fmap.default_js = [("leaflet", LEAFLET_JS_URL)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
    cast(Figure, fmap.get_root()).header.add_child(Element(_CSS), name="kelurahan_map_css")
    if tiles == "osm":
        folium.TileLayer(
            "OpenStreetMap",
            attr='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        ).add_to(fmap)

    _kelurahan_layer(reference, measures, scale, measure, selected, lang).add_to(fmap)
    layers = set(layers)
    if "density" in layers and complaints is not None:
        cell = 0.0025
        _density_layer(density_cells(complaints, bounds, cell), cell, lang).add_to(fmap)
    folium.GeoJson(
        kecamatan_outlines(reference.geojson),
        name=t("map.layer.kecamatan", lang),
        style_function=lambda _: {"color": "#111111", "weight": 3.5, "fill": False},
        interactive=False,
    ).add_to(fmap)
    if "patrols" in layers and patrols is not None:
        features = patrol_point_features(patrols, reference, lang)
        _point_layer(features, t("map.layer.patrols", lang), radius=7).add_to(fmap)
    if "complaints" in layers and complaints is not None:
        features = complaint_point_features(complaints, reference, lang)
        _point_layer(features, t("map.layer.complaints", lang), radius=5).add_to(fmap)

    labels = []
    for feature in reference.geojson["features"]:
        ring = max(_rings(feature["geometry"]), key=len)
        lat, lon = _ring_centroid(ring)
        labels.append((lat, lon, f"<span>{_esc(feature['properties']['kelurahan'])}</span>"))
    fmap.add_child(_map_extras(labels, _esc(t("map.attribution", lang))))
    fmap.fit_bounds(bounds, padding=(8, 8))
    return fmap  # the scale bar is metric only (added by _MapExtras): no feet or miles


def clicked_kelurahan(returned: dict[str, Any] | None, names: Collection[str]) -> str | None:
    """The kelurahan a map click landed on, from st_folium's ``last_active_drawing``; None for anything
    else (no click yet, a point, a density cell)."""
    feature = (returned or {}).get("last_active_drawing") or {}
    geometry_type = (feature.get("geometry") or {}).get("type")
    name = (feature.get("properties") or {}).get("kelurahan")
    if geometry_type in ("Polygon", "MultiPolygon") and name in names:
        return name
    return None
