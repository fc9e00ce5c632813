"""The Data page's steps, each one function that owns its widgets and returns a plain value.

upload -> columns -> kind and mapping -> validation report -> preview -> merge; then the downloads.
Nothing is written before the analyst presses "Gabungkan".
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.admin import privacy
from analysis.core import settings
from analysis.core.text import plain, plain_values
from analysis.data import intake, loading, value_pairs, worker
from analysis.data.dataset import Dataset
from analysis.data.headers import detect_kind, map_headers
from analysis.data.schema import COLUMNS, KINDS, Kind, columns, required_columns
from analysis.i18n import fmt_int
from analysis.i18n import t as translate
from ui import auth, keys, sheet_picker, widgets
from ui import context as ctx
from ui import data as data_cache
from ui import safety_widgets as safety

UPLOAD_KEY = "intake_upload"
RESULT_KEY = "_intake_result"
PREVIEW_ROWS = 200


def kind_name(kind: Kind) -> str:
    return ctx.t(f"intake.kind.{kind}")


def uploaded_file() -> tuple[str, bytes] | None:
    """The chosen file's name and bytes, or None (with the reason shown) when it must be refused."""
    limit = settings.upload_limit_bytes()
    upload = st.file_uploader(
        ctx.t("intake.upload.label", limit=fmt_int(limit // 1024 // 1024, ctx.lang())),
        type=["csv", "txt", "xlsx", "xls"],
        help=ctx.t("intake.upload.help"),
        key=UPLOAD_KEY,
    )
    if upload is None:
        return None
    data = upload.getvalue()
    try:
        intake.check_upload(data, upload.name, limit)
    except intake.UploadRefused as refused:
        st.error(plain_message(refused), icon=":material/block:")
        return None
    return upload.name, data


def plain_message(exc: intake.UploadRefused | loading.UnreadableFile) -> str:
    """The refusal in the session's language, the file's own names and values shown literally."""
    return translate(exc.key, ctx.lang(), **plain_values(exc.values))


def may_view() -> bool:
    return privacy.may_open_data_page(ctx.role())


def may_import() -> bool:
    """Whether the session may import: ``analysis.admin.privacy``'s table decides (analis, local demo)."""
    return privacy.may_import(ctx.role())


def file_columns(name: str, data: bytes, sheet: str | None = None) -> list[str] | None:
    """The file's headers, or None with the loader's reason when it cannot be read at all.

    Read in a worker process (``analysis.data.worker``): a slow or huge file cannot stall other sessions.
    """
    key = f"{intake.file_sha256(data)}|{sheet}"
    return safety.parse_upload("headers", name, worker.read_headers, (data, name, sheet), key)


def unreadable(exc: loading.UnreadableFile) -> None:
    st.error(plain_message(exc), icon=":material/block:")


def kind_and_mapping(
    headers: Sequence[str], data_dir: Path
) -> tuple[Kind, dict[str, str | None] | None] | None:
    """The kind of data and the column pairing (None = the loader's own), or None until complete."""
    remembered = intake.find_mapping(data_dir, headers)
    detected = remembered[0] if remembered else detect_kind(list(headers))
    if remembered:
        st.info(ctx.t("intake.mapping.remembered"), icon=":material/bookmark:")
    elif detected:
        st.caption(ctx.t("intake.kind.detected", kind=kind_name(detected)))
    else:
        st.warning(ctx.t("intake.kind.unknown"), icon=":material/help:")
    kind: Kind = st.selectbox(
        ctx.t("intake.kind.label"),
        KINDS,
        index=KINDS.index(detected) if detected else 0,
        format_func=kind_name,
        key=keys.INTAKE_KIND_PREFIX + intake.header_key(headers),
    )
    initial = remembered[1] if remembered and remembered[0] == kind else None
    automatic = map_headers(list(headers), kind, initial)[0]
    if set(required_columns(kind)) <= set(automatic.values()) and detected == kind:
        return kind, initial
    return _mapping_step(headers, kind, automatic)


def _mapping_step(
    headers: Sequence[str], kind: Kind, automatic: dict[str, str]
) -> tuple[Kind, dict[str, str | None]] | None:
    st.subheader(ctx.t("intake.mapping.header"))
    st.caption(ctx.t("intake.mapping.help"))
    none = ctx.t("intake.mapping.none")
    options = [none, *headers]
    by_column = {column: header for header, column in automatic.items()}
    chosen: dict[str, str] = {}
    grid = st.columns(3)
    for i, column in enumerate(COLUMNS[kind]):
        default = by_column.get(column.name)
        header = grid[i % 3].selectbox(
            (column.label_en if ctx.lang() == "en" else column.label_id) + (" *" if column.required else ""),
            options,
            index=options.index(default) if default in options else 0,
            help=column.description_id,
            key=f"intake_map_{kind}_{column.name}_{intake.header_key(headers)}",
        )
        if header != none:
            chosen[column.name] = header
    twice = sorted({h for h in chosen.values() if list(chosen.values()).count(h) > 1})
    missing = [c.label_id for c in COLUMNS[kind] if c.required and c.name not in chosen]
    if twice:
        st.error(ctx.t("intake.mapping.twice", columns=plain(", ".join(twice))))
    if missing:
        st.warning(ctx.t("intake.mapping.missing", columns=", ".join(missing)))
    if twice or missing:
        return None
    paired = {header: column for column, header in chosen.items()}
    return kind, {header: paired.get(header) for header in headers}  # None: ignore that header


def validation_report(report: loading.ValidationReport) -> None:
    """Counts first, then every rejected row and changed value: line, column, value, reason."""
    st.subheader(ctx.t("intake.report.header"))
    lang = ctx.lang()
    changed = sum(1 for p in report.problems if p.severity != "error")
    counts = [
        ("total", report.rows_total),
        ("valid", report.rows_valid),
        ("rejected", report.rows_rejected),
        ("changed", changed),
    ]
    for column, (key, value) in zip(st.columns(4), counts, strict=True):
        column.metric(ctx.t(f"intake.report.{key}"), fmt_int(value, lang), border=True)
    sheet_picker.report_lines(report)
    if report.ignored_columns:
        st.caption(ctx.t("intake.report.ignored", columns=plain(", ".join(map(str, report.ignored_columns)))))
    if not report.problems:
        st.success(ctx.t("intake.report.all_valid"), icon=":material/check_circle:")
        return
    st.caption(ctx.t("intake.report.problems"))
    st.dataframe(intake.problems_table(report.problems, lang), hide_index=True, key="intake_problems")


def preview(clean: pd.DataFrame, kind: Kind) -> None:
    st.subheader(ctx.t("intake.preview.header"))
    rows = loading.clean_to_contract(clean, kind).reindex(columns=columns(kind))
    labels = {c.name: c.label_id for c in COLUMNS[kind]}
    st.dataframe(rows.head(PREVIEW_ROWS).rename(columns=labels), hide_index=True, key="intake_preview")
    if len(rows) > PREVIEW_ROWS:
        lang = ctx.lang()
        st.caption(
            ctx.t("intake.preview.more", shown=fmt_int(PREVIEW_ROWS, lang), count=fmt_int(len(rows), lang))
        )


def merge_step(
    ds: Dataset,
    kind: Kind,
    clean: pd.DataFrame,
    report: loading.ValidationReport,
    upload: tuple[str, bytes],
    headers: list[str],
    mapping: dict[str, str | None] | None,
) -> None:
    """The plan against the current data, the conflicts, the confirmation, and the button that writes."""
    st.subheader(ctx.t("intake.merge.header"))
    lang = ctx.lang()
    name, data = upload
    sha = intake.file_sha256(data)
    seen = intake.previous_import(ds.data_dir, sha)
    if seen:
        st.info(
            ctx.t("intake.merge.seen_before", when=intake.when_text(seen.get("when", ""), lang)),
            icon=":material/history:",
        )
    if clean.empty:
        st.warning(ctx.t("intake.merge.no_valid"))
        return
    existing = loading.clean_to_contract(getattr(ds, kind), kind)
    incoming = intake.incoming_rows(clean, kind)
    plan = intake.plan_merge(existing, incoming, kind, list(report.column_mapping.values()) or None)
    st.write(
        ctx.t(
            "intake.merge.plan",
            new=fmt_int(len(plan.new_ids), lang),
            same=fmt_int(len(plan.identical_ids), lang),
            conflicts=fmt_int(len(plan.conflicts), lang),
        )
    )
    accept = False
    if plan.conflicts:
        st.caption(ctx.t("intake.merge.conflicts"))
        st.dataframe(intake.conflicts_table(plan, lang), hide_index=True, key="intake_conflicts")
        count = fmt_int(len(plan.conflicts), lang)
        accept = st.checkbox(ctx.t("intake.merge.confirm", count=count), key=f"intake_accept_{sha}")
    if not st.button(
        ctx.t("intake.merge.button"), type="primary", key="intake_merge", icon=":material/merge:"
    ):
        return
    try:
        result = intake.import_rows(
            ds.data_dir,
            kind,
            clean,
            report,
            file_name=name,
            sha256=sha,
            reference=ds.reference,
            accept_updates=accept,
            user=_user_name(),
        )
    except OSError as exc:
        st.error(ctx.t("intake.merge.failed", reason=plain(exc.strerror or exc)))
        return
    except loading.UnreadableFile as exc:  # the data folder's own file no longer reads: touch nothing
        st.error(ctx.t("intake.merge.failed", reason=plain_message(exc)))
        return
    if mapping is not None:
        intake.remember_mapping(ds.data_dir, headers, kind, mapping)
    auth.audit("import", f"{name} ({kind}): +{result.added} ~{result.updated}")
    data_cache.clear_cache()
    st.session_state[RESULT_KEY] = {
        "text": intake.summary_text(dataclasses.replace(result, file_name=plain(name)), lang),
        "pending": result.pending,
    }
    st.rerun()


def _user_name() -> str:
    user = ctx.current_user()
    return user.username if user else ctx.role()


def last_result() -> None:
    """The outcome of the merge just made (it survives the rerun that reloads the data)."""
    result = st.session_state.pop(RESULT_KEY, None)
    if result:
        st.success(result["text"], icon=":material/task_alt:")
        if result["pending"]:
            st.warning(ctx.t("intake.merge.pending", count=fmt_int(result["pending"], ctx.lang())))


def downloads(ds: Dataset) -> None:
    """Blank templates for everyone on the page; the current data through the shared download buttons."""
    st.subheader(ctx.t("intake.download.header"))
    st.caption(ctx.t("intake.download.templates"))
    for kind, column in zip(KINDS, st.columns(len(KINDS)), strict=True):
        with column:
            st.download_button(
                ctx.t("intake.download.template_csv", kind=kind_name(kind)),
                data=partial(intake.template_csv_bytes, kind),
                file_name=f"templat_{kind}.csv",
                mime="text/csv",
                key=f"intake_template_{kind}_csv",
                icon=":material/description:",
            )
            st.download_button(
                ctx.t("intake.download.template_xlsx", kind=kind_name(kind)),
                data=partial(intake.template_excel_bytes, kind),
                file_name=f"templat_{kind}.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key=f"intake_template_{kind}_xlsx",
                icon=":material/table:",
            )
            frame = getattr(ds, kind)
            st.caption(
                ctx.t("intake.download.current", kind=kind_name(kind), count=fmt_int(len(frame), ctx.lang()))
            )
            # The whole data set in contract form takes seconds at 200,000 rows: built only on click.
            whole = partial(intake.export_frame, frame, kind)
            # the export keeps the contract's column order; no notes for a table too long for Excel
            notes = data_cache.excel_notes(ds, kind) if "xlsx" in widgets.offered_formats(len(frame)) else []
            widgets.download_buttons(whole, kind, key=f"intake_data_{kind}", notes=notes, rows=len(frame))


def import_history(data_dir: Path) -> None:
    st.subheader(ctx.t("intake.log.header"))
    table = intake.log_table(data_dir, ctx.lang())
    if table.empty:
        st.caption(ctx.t("intake.log.empty"))
    else:
        st.dataframe(table, hide_index=True, key="intake_log")


def read_upload(
    kind: Kind,
    mapping: dict[str, str | None] | None,
    upload: tuple[str, bytes],
    ds: Dataset,
    sheet: str | None = None,
):
    """The loader's clean rows and report for the upload (read in a worker process), or None with the
    reason shown."""
    name, data = upload
    pairs = value_pairs.pairs_for(ds.data_dir, kind)
    key = "|".join(
        [
            intake.file_sha256(data),
            kind,
            json.dumps(mapping, sort_keys=True),
            str(sheet),
            json.dumps(pairs, sort_keys=True),
        ]
    )
    args = (data, name, kind, ds.reference, mapping, sheet, ds.officers, pairs)
    return safety.parse_upload("table", name, worker.load_upload, args, key)
