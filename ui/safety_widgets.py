"""What the data folder leaves behind and what its loader refused, shown where people will see it.

- ``housekeeping()``: once per server process, stale temporary files and backups beyond the retention
  rule are removed (``analysis.data.backups``).
- ``rejected_rows_notice(ds)``: at the top of every page, a short notice counting the rows the loader
  refused in the data folder's files, with a link to the Data page.
- ``data_folder_report(ds)``: on the Data page, the full report of each data file, with line numbers.
- ``backups_panel(data_dir)``: on the Data page, the space backups take, the list, and a restore
  (confirmed, atomic, audit-logged).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.core.text import plain, plain_values
from analysis.data import backups, intake, worker
from analysis.data.dataset import FILE_NAMES, Dataset, data_dir_from_env
from analysis.i18n import fmt_int, fmt_num
from analysis.i18n import t as translate
from ui import auth, keys
from ui import context as ctx
from ui import data as data_cache

DATA_PAGE = "pages/data.py"
DATA_URL = "data"
RESTORED_KEY = "_safety_restored"


@st.cache_resource(show_spinner=False)
def _housekeeping(data_dir: str) -> int:
    worker.warm_up()  # the upload parser's fork server, started before anyone uploads
    return backups.housekeeping(Path(data_dir), list(FILE_NAMES.values()))


def housekeeping() -> None:
    """Remove what a killed import left and apply the backup retention, once per process and folder;
    start the upload parser's fork server."""
    _housekeeping(str(data_dir_from_env()))


def rejected_counts(ds: Dataset) -> dict[str, int]:
    """Data file name -> rows its loader rejected (only files with at least one)."""
    return {
        FILE_NAMES[kind]: report.rows_rejected for kind, report in ds.reports.items() if report.rows_rejected
    }


def _url_path(page: object) -> str | None:
    try:
        return str(page.url_path)  # type: ignore[attr-defined]
    except AttributeError:  # bare mode (a script run outside a server) has no real pages
        return None


def rejected_rows_notice(ds: Dataset, current: object, pages: list) -> None:
    """The short notice at the top of every page but the Data page (which shows the whole report) while a
    data file has rejected rows, with a link to the Data page for those who may open it. Call it with
    ``st.navigation``'s page and the pages it was given, before ``.run()``."""
    counts = rejected_counts(ds)
    if not counts or _url_path(current) == DATA_URL:
        return
    may_open_data_page = any(_url_path(page) == DATA_URL for page in pages)
    lang = ctx.lang()
    files = ", ".join(f"{name} {fmt_int(count, lang)}" for name, count in counts.items())
    text = ctx.t("safety.rejected.notice", count=fmt_int(sum(counts.values()), lang), files=plain(files))
    notice, link = st.columns([3, 1], vertical_alignment="center")
    notice.warning(
        text if may_open_data_page else f"{text} {ctx.t('safety.rejected.ask')}", icon=":material/report:"
    )
    if may_open_data_page:
        link.page_link(DATA_PAGE, label=ctx.t("safety.rejected.link"), icon=":material/upload_file:")


def data_folder_report(ds: Dataset) -> None:
    """Every data file's load report: counts, then each rejected row and changed value with its line."""
    reports = {kind: report for kind, report in ds.reports.items() if report.problems}
    if not reports:
        return
    lang = ctx.lang()
    st.subheader(ctx.t("safety.folder.header"))
    st.caption(ctx.t("safety.folder.help"))
    for kind, report in reports.items():
        title = ctx.t(
            "safety.folder.file",
            file=FILE_NAMES[kind],
            total=fmt_int(report.rows_total, lang),
            rejected=fmt_int(report.rows_rejected, lang),
            changed=fmt_int(sum(1 for p in report.problems if p.severity != "error"), lang),
        )
        with st.expander(plain(title), expanded=bool(report.rows_rejected), icon=":material/report:"):
            table = intake.problems_table(report.problems, lang)
            st.dataframe(table, hide_index=True, key=f"safety_folder_{kind}")


def _size(size: int) -> str:
    lang = ctx.lang()
    if size < 1024 * 1024:
        return f"{fmt_num(size / 1024, lang)} KB"
    return f"{fmt_num(size / 1024 / 1024, lang)} MB"


def backups_table(kept: list[backups.Backup]) -> pd.DataFrame:
    lang = ctx.lang()
    return pd.DataFrame(
        {
            ctx.t("safety.backups.col.file"): [b.data_file for b in kept],
            ctx.t("safety.backups.col.made"): [intake.when_text(b.made.isoformat(), lang) for b in kept],
            ctx.t("safety.backups.col.size"): [_size(b.size) for b in kept],
            ctx.t("safety.backups.col.name"): [b.name for b in kept],
        }
    )


def backups_panel(data_dir: Path, may_restore: bool) -> None:
    """Space taken, the retention rule, the list of backups and (for those who may import) a restore."""
    st.subheader(ctx.t("safety.backups.header"))
    done = st.session_state.pop(RESTORED_KEY, None)
    if done:
        st.success(ctx.t("safety.backups.restored", **{k: plain(v) for k, v in done.items()}))
    kept = backups.list_backups(data_dir)
    rule = backups.retention_from_env()
    lang = ctx.lang()
    st.caption(
        ctx.t(
            "safety.backups.summary",
            count=fmt_int(len(kept), lang),
            size=_size(backups.total_size(data_dir)),
            keep=fmt_int(rule.keep, lang),
            days=fmt_int(rule.max_days, lang),
        )
    )
    if not kept:
        return
    st.dataframe(backups_table(kept), hide_index=True, key="safety_backups")
    if not may_restore:
        return
    labels = {
        b.name: f"{b.data_file} · {intake.when_text(b.made.isoformat(), lang)} · {_size(b.size)}"
        for b in kept
    }
    chosen = st.selectbox(
        ctx.t("safety.backups.choose"),
        list(labels),
        format_func=labels.__getitem__,
        key=keys.SAFETY_RESTORE_CHOICE,
    )
    target = next(b.data_file for b in kept if b.name == chosen)
    confirmed = st.checkbox(
        ctx.t("safety.backups.confirm", file=plain(target)), key=f"safety_restore_ok_{chosen}"
    )
    if not st.button(
        ctx.t("safety.backups.button"),
        disabled=not confirmed,
        key="safety_restore",
        icon=":material/restore:",
    ):
        return
    try:
        data_file, previous = backups.restore(data_dir, chosen)
    except (backups.RestoreRefused, OSError):
        st.error(ctx.t("safety.backups.failed", name=plain(chosen)))
        return
    auth.audit(
        "restore", f"{chosen} -> {data_file}" + (f" (sebelumnya: {previous.name})" if previous else "")
    )
    data_cache.clear_cache()
    st.session_state[RESTORED_KEY] = {"file": data_file, "name": chosen}
    st.rerun()


# --- uploads parsed in a worker process (analysis.data.worker) -

PARSED_KEY = "_safety_parsed"  # slot -> (key, outcome): the last parse of each kind, kept across reruns
CANCELLED_KEY = "_safety_cancelled"


def parse_upload(slot: str, file_name: str, function, args: tuple, key: str):
    """``function(*args)`` run in its own process with the time and memory budget, with a progress bar
    and a cancel button while it runs; the value, or None with the reason shown.

    ``key`` identifies the input (file hash, kind, mapping): the outcome is kept for the reruns that
    follow, so a widget change does not parse the file again.
    """
    parsed = st.session_state.setdefault(PARSED_KEY, {})
    if slot in parsed and parsed[slot][0] == key:
        return _show_outcome(parsed[slot][1])
    if st.session_state.get(CANCELLED_KEY) == key:
        return _cancelled(slot)
    box = st.empty()
    with box.container():
        cancelled = st.button(
            ctx.t("safety.worker.cancel"), key=f"safety_cancel_{slot}", icon=":material/cancel:"
        )
        bar = st.progress(0.0)
    if cancelled:  # the click's rerun stopped the parse (and killed its process): say so
        st.session_state[CANCELLED_KEY] = key
        box.empty()
        return _cancelled(slot)
    budget = worker.budget_from_env()
    job = worker.ParseJob(function, args, budget)
    lang = ctx.lang()
    try:
        # Each update gives Streamlit the chance to stop this run (a click on "Batalkan", a new upload,
        # another page): the finally clause then kills the child.
        while not job.wait(0.25):
            text = ctx.t(
                "safety.worker.running",
                file=plain(file_name),
                elapsed=fmt_int(job.elapsed, lang),
                seconds=fmt_int(budget.seconds, lang),
            )
            bar.progress(min(job.elapsed / budget.seconds, 1.0), text=text)
        outcome = _outcome_of(job)
    finally:
        job.cancel()
    box.empty()
    parsed[slot] = (key, outcome)
    return _show_outcome(outcome)


def _cancelled(slot: str) -> None:
    """The cancelled parse's notice, and a button to read the file again."""
    st.info(ctx.t("safety.worker.cancelled"), icon=":material/cancel:")
    if st.button(ctx.t("safety.worker.retry"), key=f"safety_retry_{slot}", icon=":material/refresh:"):
        st.session_state.pop(CANCELLED_KEY, None)
        st.rerun()


def _outcome_of(job) -> tuple:
    """The job's result as plain data that session state can keep."""
    try:
        return ("ok", job.result())
    except worker.ParseFailed as failed:
        return ("failed", failed.reason, failed.budget)
    except Exception as exc:  # the loader's UnreadableFile or the import's UploadRefused, rebuilt
        key, values = getattr(exc, "key", None), getattr(exc, "values", None)
        if isinstance(key, str) and isinstance(values, dict):
            return ("refused", key, values)
        return ("failed", "crashed", None)


def _show_outcome(outcome: tuple):
    if outcome[0] == "ok":
        return outcome[1]
    if outcome[0] == "refused":
        st.error(translate(outcome[1], ctx.lang(), **plain_values(outcome[2])), icon=":material/block:")
    else:
        failed = worker.ParseFailed(outcome[1], outcome[2] or worker.budget_from_env())
        st.error(failed.message(ctx.lang()), icon=":material/memory:")
    return None
