"""The shared sidebar: language switch and filters, mirrored in the URL so a link reproduces a view.

Created in app.py (the entry script) so the widgets keep their values across pages.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from analysis.core.text import plain
from analysis.data import localtime, schema
from analysis.data.dataset import Dataset
from analysis.data.reference import KECAMATAN
from analysis.i18n import fmt_date_range
from analysis.metrics.filters import (
    DEFAULT_PRESET,
    LIST_PARAMS,
    PERIOD_PRESETS,
    Filters,
    default_filters,
    from_query_params,
    preset_range,
    to_query_params,
)
from ui import context as ctx
from ui import keys, url_state

KEYS = {
    "period": "f_period",
    "dates": "f_dates",
    "kecamatan": "f_kecamatan",
    "kelurahan": "f_kelurahan",
    "categories": "f_category",
    "units": "f_unit",
    "channels": "f_channel",
}
_INIT_KEY = "_filters_from_url"
FILTER_PARAMS = frozenset({"start", "end", *LIST_PARAMS})
_SYNCED_KEY = "_filters_synced_url"  # the filter parameters this sidebar last wrote to the URL


def _language_name(code: str) -> str:
    return {"id": "Bahasa Indonesia", "en": "English"}[code]


def _period_label(preset: str) -> str:
    return ctx.t(f"filter.period.{preset}")


# Widget callbacks are module-level functions: session state must stay picklable.
def language_switch() -> None:
    url_state.seed("lang", ctx.LANG_KEY, ("id", "en"))
    kept = st.session_state.pop(_LANG_KEPT_KEY, None)
    if kept is not None:  # see keep_frame_across_switch
        st.session_state[ctx.LANG_KEY] = kept
    st.sidebar.segmented_control(
        ctx.t("lang.label"),
        options=["id", "en"],
        format_func=_language_name,
        key=ctx.LANG_KEY,
        default="id",  # a language seeded from the URL above wins over this default
        on_change=_relabel_choices,
    )
    if st.session_state.get(ctx.LANG_KEY) is None:  # a click on the selected option deselects it
        st.session_state[ctx.LANG_KEY] = "id"
    url_state.publish("lang", ctx.lang(), "id")


# Select boxes whose options are shown translated (format_func): the sidebar's own, and the ones pages and
# the Data page's widgets own (listed in ui.keys, never spelled here); per-file boxes are keyed by prefix.
TRANSLATED_SELECTBOXES = (KEYS["period"], KEYS["categories"], *keys.TRANSLATED_SELECTBOXES)
TRANSLATED_SELECTBOX_PREFIXES = keys.TRANSLATED_SELECTBOX_PREFIXES


def _relabel_choices() -> None:
    """After a language switch, hand each translated select box its own value again. The browser keeps
    the chosen option's text as it was shown ("90 hari terakhir") until the app sets the value, so without
    this it goes on showing Bahasa under an English label (streamlit/streamlit#13788). Only boxes drawn
    on the current page have state here; the others are drawn afresh in the new language."""
    for key in list(st.session_state):
        if key in TRANSLATED_SELECTBOXES or str(key).startswith(TRANSLATED_SELECTBOX_PREFIXES):
            st.session_state[key] = st.session_state[key]


def _allowed_values(ds: Dataset) -> dict[str, list[str]]:
    return {
        "kecamatan": list(KECAMATAN),
        "kelurahan": ds.reference.kelurahan_names,
        "category": ds.reference.category_names,
        "unit": list(schema.UNITS),
        "channel": list(schema.CHANNELS),
    }


def _init_from_url(ds: Dataset, last_day: date) -> None:
    """On a session's first run, seed the widgets from the URL; say what was ignored. Later, a link inside
    the session (``st.page_link`` / ``st.switch_page`` with query parameters, e.g. a "Perlu perhatian" line
    or a click through to the records) brings filter parameters other than the ones this sidebar last
    wrote: the widgets are set to that filter (what the link leaves out is "all")."""
    params = {key: st.query_params[key] for key in st.query_params}
    if st.session_state.get(_INIT_KEY):
        linked = _filter_params(params)
        if not linked or linked == st.session_state.get(_SYNCED_KEY):
            return
        _reset()
    st.session_state[_INIT_KEY] = True
    defaults = default_filters(last_day)
    first_day = ds.first_date or last_day
    chosen, rejected = from_query_params(params, defaults, _allowed_values(ds), (first_day, last_day))
    if "start" in params or "end" in params:
        # A link's dates that are exactly a preset's (the default 90 days ...) reopen as that preset.
        presets = [p for p in PERIOD_PRESETS if p != "custom"]
        same = [p for p in presets if preset_range(p, last_day) == (chosen.start, chosen.end)]
        preset = DEFAULT_PRESET if DEFAULT_PRESET in same else (same[0] if same else "custom")
        st.session_state[KEYS["period"]] = preset
        if preset == "custom":
            st.session_state[KEYS["dates"]] = (chosen.start, chosen.end)
    for attr in ("kecamatan", "kelurahan", "categories", "units", "channels"):
        if getattr(chosen, attr):
            st.session_state[KEYS[attr]] = list(getattr(chosen, attr))
    if rejected:
        st.session_state["_filter_notice"] = ", ".join(rejected)


def _reset() -> None:
    """Every filter widget back to its default. Each value is *set*, not removed: a removed key leaves
    the browser showing (and sending back on the next change) what it showed before, so the sidebar went
    on showing "30 hari terakhir" and a Gedog chip and the next change brought Gedog back."""
    st.session_state[KEYS["period"]] = DEFAULT_PRESET
    st.session_state.pop(KEYS["dates"], None)  # drawn only for a custom period: its default is the preset's
    for attr in ("kecamatan", "kelurahan", "categories", "units", "channels"):
        st.session_state[KEYS[attr]] = []
    st.session_state.pop(ctx.PENDING_KELURAHAN_KEY, None)
    st.session_state.pop("_filter_notice", None)


def filters(ds: Dataset) -> Filters:
    """Draw the filter widgets and return the filters they hold (also kept in session state)."""
    last_day = ds.last_date or localtime.today()  # the data's plausible last day (one bad row cannot move it)
    _init_from_url(ds, last_day)
    pending = st.session_state.pop(ctx.PENDING_KELURAHAN_KEY, None)
    if pending is not None:
        st.session_state[KEYS["kelurahan"]] = pending

    sb = st.sidebar
    sb.header(ctx.t("filter.header"))
    # A dict look-up, not a function reading the session's language: the labels are fixed for this run.
    preset_labels = {p: _period_label(p) for p in PERIOD_PRESETS}
    preset = sb.selectbox(
        ctx.t("filter.period"),
        PERIOD_PRESETS,
        index=PERIOD_PRESETS.index(DEFAULT_PRESET),
        format_func=preset_labels.__getitem__,
        key=KEYS["period"],
    )
    if preset == "custom":
        start_default, end_default = preset_range("90", last_day)
        picked = sb.date_input(
            ctx.t("filter.dates"), value=(start_default, end_default), format="DD/MM/YYYY", key=KEYS["dates"]
        )
        start, end = (picked[0], picked[-1]) if isinstance(picked, tuple) and picked else (picked, picked)
        if not isinstance(start, date) or not isinstance(end, date):
            start, end = start_default, end_default
    else:
        start, end = preset_range(preset, last_day)
        sb.caption(fmt_date_range(start, end, ctx.lang()))

    all_label = ctx.t("filter.all")
    kecamatan = sb.multiselect(
        ctx.t("filter.kecamatan"), KECAMATAN, key=KEYS["kecamatan"], placeholder=all_label
    )
    kecamatan_of = ds.reference.kecamatan_of()
    kelurahan_options = [k for k, kec in kecamatan_of.items() if not kecamatan or kec in kecamatan]
    kelurahan_options += [
        k for k in st.session_state.get(KEYS["kelurahan"], []) if k not in kelurahan_options
    ]
    kelurahan = sb.multiselect(
        ctx.t("filter.kelurahan"), kelurahan_options, key=KEYS["kelurahan"], placeholder=all_label
    )
    categories = sb.multiselect(
        ctx.t("filter.category"),
        ds.reference.category_names,
        format_func=ds.reference.category_labels(ctx.lang()).__getitem__,
        key=KEYS["categories"],
        placeholder=all_label,
    )
    units = sb.multiselect(ctx.t("filter.unit"), schema.UNITS, key=KEYS["units"], placeholder=all_label)
    channels = sb.multiselect(
        ctx.t("filter.channel"), schema.CHANNELS, key=KEYS["channels"], placeholder=all_label
    )
    sb.caption(ctx.t("filter.note"))
    sb.button(ctx.t("filter.reset"), on_click=_reset, key="f_reset")

    chosen = Filters(
        start=start,
        end=end,
        kecamatan=tuple(kecamatan),
        kelurahan=tuple(kelurahan),
        categories=tuple(categories),
        units=tuple(units),
        channels=tuple(channels),
    )
    st.session_state[ctx.FILTERS_KEY] = chosen
    _sync_url(chosen)
    notice = st.session_state.pop("_filter_notice", None)
    if notice:
        st.warning(ctx.t("filter.bad_link", values=plain(notice)))
    return chosen


_LANG_KEPT_KEY = "_lang_across_switch"


def keep_frame_across_switch() -> None:
    """Call right before ``st.switch_page(..., query_params=...)``. A page switch from the server drops
    every widget's value, the frame's too: the language is kept aside (restored by ``language_switch``)
    and the filter widgets are set again from the URL on the next run, even if it is the one last written.
    """
    st.session_state[_LANG_KEPT_KEY] = ctx.lang()
    st.session_state.pop(_SYNCED_KEY, None)


def _filter_params(params: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in params.items() if key in ("start", "end", *LIST_PARAMS)}


def _sync_url(chosen: Filters) -> None:
    """Write the filters to the URL, leaving the other parameters (language, page state) as they are."""
    wanted = to_query_params(chosen)
    for key in FILTER_PARAMS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
        elif key in wanted and st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
    st.session_state[_SYNCED_KEY] = wanted
