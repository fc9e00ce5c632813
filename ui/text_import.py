"""The Data page's text import: paste a report or upload a .txt -> the rows found, editable, with the
fields to check marked and the source text beside each row -> merge through the file import.

Nothing is written before the analyst presses the merge button. The reading is kept in session state per
text, so editing a cell does not read the text again.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from analysis.admin import privacy
from analysis.data import contract, schema
from analysis.data.dataset import Dataset
from analysis.data.textreports import Reading, certainty_frame, read_text, rows_frame
from analysis.data.textreports.importer import import_text_rows, summary_lines
from analysis.i18n import fmt_int
from ui import auth
from ui import context as ctx
from ui import data as data_cache

TEXT_KEY = "textimport_text"
UPLOAD_KEY = "textimport_upload"
RESULT_KEY = "_textimport_result"
CHECK, SOURCE = "_check", "_source"
# the fields a reader most often has to fill come first, so they are in view without scrolling
FIRST = {
    "patrols": ("unit", "leader_nrp", "leader_rank", "leader_name", "date", "kelurahan", "activity"),
    "complaints": ("category", "status", "kelurahan", "received_at", "channel"),
}
CHOICES = {
    "unit": list(schema.UNITS),
    "leader_rank": list(schema.RANKS),
    "activity": list(schema.ACTIVITIES),
    "channel": list(schema.CHANNELS),
    "status": list(schema.STATUSES),
}


def _label(column) -> str:
    return column.label_en if ctx.lang() == "en" else column.label_id


def _check_text(sure: pd.Series, kind: schema.Kind) -> str:
    """ "⚠ Satuan/fungsi, NRP ketua kosong · Jumlah personel disimpulkan" for one row."""
    labels = {c.name: _label(c) for c in schema.COLUMNS[kind]}
    required = set(schema.required_columns(kind))
    missing = [labels[c] for c, s in sure.items() if s == "missing" and c in required]
    inferred = [labels[c] for c, s in sure.items() if s == "inferred" and not c.endswith("_id")]
    parts = []
    if missing:
        parts.append("⚠ " + ", ".join(missing) + " " + ctx.t("textimport.missing"))
    if inferred:
        parts.append("? " + ", ".join(inferred) + " " + ctx.t("textimport.inferred"))
    return " · ".join(parts) or "✓"


def review_table(reading: Reading, kind: schema.Kind) -> pd.DataFrame:
    """The rows found (contract columns, fields to fill first), a check column and the source text."""
    candidates = reading.candidates(kind)
    rows = rows_frame(candidates, kind)
    sure = certainty_frame(candidates, kind)
    if kind == "complaints" and not privacy.can_see_personal(ctx.role()):
        rows = privacy.mask_personal(rows, kind)
    rows = rows.assign(
        **{CHECK: [_check_text(sure.iloc[i], kind) for i in range(len(rows))]},
        **{SOURCE: [c.source for c in candidates]},
    )
    rest = [c for c in schema.columns(kind) if c not in FIRST[kind]]
    # the first field to fill, then what to check, then the other fields; the source text last
    order = [FIRST[kind][0], CHECK, *FIRST[kind][1:], *rest, SOURCE]
    return rows[order].replace({"": None})


def _column_config(kind: schema.Kind, ds: Dataset) -> dict:
    choices = dict(CHOICES, kelurahan=ds.reference.kelurahan_names, category=ds.reference.category_names)
    config: dict = {}
    for column in schema.COLUMNS[kind]:
        label = _label(column) + (" *" if column.required else "")
        if column.name in choices:
            config[column.name] = st.column_config.SelectboxColumn(label, options=choices[column.name])
        else:
            config[column.name] = st.column_config.TextColumn(label, disabled=column.name.endswith("_id"))
    config[CHECK] = st.column_config.TextColumn(ctx.t("textimport.col.check"), disabled=True, width="medium")
    config[SOURCE] = st.column_config.TextColumn(ctx.t("textimport.col.source"), disabled=True, width="large")
    return config


def _source_text() -> tuple[str, str] | None:
    """(name, text) of the upload if there is one, else of the pasted text; None when both are empty."""
    text = st.text_area(
        ctx.t("textimport.paste"), key=TEXT_KEY, height=180, help=ctx.t("textimport.paste_help")
    )
    upload = st.file_uploader(ctx.t("textimport.upload"), type=["txt"], key=UPLOAD_KEY)
    if upload is not None:
        try:
            return upload.name, upload.getvalue().decode("utf-8-sig")
        except UnicodeDecodeError:
            st.error(ctx.t("textimport.not_text"), icon=":material/block:")
            return None
    return ("teks-tempel.txt", text) if text.strip() else None


def _reading(text: str, ds: Dataset) -> Reading:
    key = "_textimport_reading_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if key not in st.session_state:
        for old in [k for k in st.session_state if str(k).startswith("_textimport_reading_")]:
            del st.session_state[old]
        st.session_state[key] = read_text(text, ds.reference, ds.officers)
    return st.session_state[key]


def last_result() -> None:
    for line in st.session_state.pop(RESULT_KEY, []):
        st.success(line, icon=":material/task_alt:")


def section(ds: Dataset) -> None:
    """The whole text import; call it on the Data page for users who may import."""
    st.subheader(ctx.t("textimport.header"))
    st.caption(ctx.t("textimport.intro"))
    last_result()
    source = _source_text()
    if source is None:
        return
    name, text = source
    reading = _reading(text, ds)
    lang = ctx.lang()
    if reading.empty:
        st.info(ctx.t("textimport.none_found"), icon=":material/search_off:")
        return
    st.write(
        ctx.t(
            "textimport.found",
            patrols=fmt_int(len(reading.patrols), lang),
            complaints=fmt_int(len(reading.complaints), lang),
            chatter=fmt_int(reading.chatter, lang),
        )
    )
    st.caption(ctx.t("textimport.legend"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    edited: dict[schema.Kind, pd.DataFrame] = {}
    for kind in ("patrols", "complaints"):
        if not reading.candidates(kind):
            continue
        st.markdown(f"**{ctx.t(f'textimport.{kind}')}**")
        edited[kind] = st.data_editor(
            review_table(reading, kind),
            column_config=_column_config(kind, ds),
            hide_index=True,
            num_rows="fixed",
            key=f"textimport_editor_{kind}_{digest[:12]}",
            width="stretch",
        )
    _merge_button(ds, reading, edited, name, digest)


def _merge_button(
    ds: Dataset, reading: Reading, edited: dict[schema.Kind, pd.DataFrame], name: str, digest: str
):
    lang = ctx.lang()
    still = set()
    for kind, frame in edited.items():
        for column in schema.required_columns(kind):
            if frame[column].fillna("").astype(str).str.strip().eq("").any():
                still.add(next(_label(c) for c in schema.COLUMNS[kind] if c.name == column))
    if still:
        st.warning(ctx.t("textimport.required_missing", fields=", ".join(sorted(still))))
    if not st.button(
        ctx.t("textimport.merge"), type="primary", key="textimport_merge", icon=":material/merge:"
    ):
        return
    frames = {
        kind: _unmasked(frame.drop(columns=[CHECK, SOURCE]), reading, kind) for kind, frame in edited.items()
    }
    try:
        result = import_text_rows(
            ds.data_dir,
            frames.get("patrols", pd.DataFrame()),
            frames.get("complaints", pd.DataFrame()),
            file_name=name,
            sha256=digest,
            reference=ds.reference,
            user=_user_name(),
        )
    except OSError as exc:
        st.error(ctx.t("intake.merge.failed", reason=exc.strerror or str(exc)))
        return
    except (
        Exception
    ) as exc:  # the data folder's own file no longer reads (loading.UnreadableFile): touch nothing
        st.error(ctx.t("intake.merge.failed", reason=str(exc)))
        return
    auth.audit("import", f"{name} (teks): +{result.added}, {len(result.known)} sudah ada")
    lines = summary_lines(result, lang)
    for kind, report in result.reports.items():
        for problem in report.errors:
            lines.append(
                ctx.t(
                    "textimport.refused",
                    kind=ctx.t(f"intake.kind.{kind}"),
                    row=problem.row - 1 if problem.row else "–",
                    column=problem.column,
                    reason=(problem.reason_en or problem.reason) if lang == "en" else problem.reason,
                )
            )
    data_cache.clear_cache()
    st.session_state[RESULT_KEY] = lines
    st.rerun()


def _unmasked(frame: pd.DataFrame, reading: Reading, kind: schema.Kind) -> pd.DataFrame:
    """Personal columns as read (a role that sees them masked cannot edit them, and the mask never
    replaces the value)."""
    if kind != "complaints" or privacy.can_see_personal(ctx.role()):
        return frame
    original = rows_frame(reading.complaints, kind)
    personal = contract.personal_columns(kind)
    return frame.assign(**{c: original[c].to_numpy() for c in personal})


def _user_name() -> str:
    user = ctx.current_user()
    return user.username if user else ctx.role()
