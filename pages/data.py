"""Data: bring last week's spreadsheet in (check, pair columns, validate, merge) and download templates."""

import streamlit as st

from ui import context as ctx
from ui import intake_widgets as steps
from ui import text_import

ds = ctx.dataset()
st.title(ctx.t("intake.title"))

if not steps.may_view():
    st.warning(ctx.t("intake.denied"), icon=":material/lock:")
    st.stop()

steps.last_result()
if steps.may_import():
    st.subheader(ctx.t("intake.upload.header"))
    upload = steps.uploaded_file()
    headers = steps.file_columns(*upload) if upload else None
    choice = steps.kind_and_mapping(headers, ds.data_dir) if headers else None
    loaded = steps.read_upload(*choice, upload, ds) if choice else None
    if loaded is not None:
        kind, mapping = choice
        clean, report = loaded
        steps.validation_report(report)
        if not clean.empty:
            steps.preview(clean, kind)
        steps.merge_step(ds, kind, clean, report, upload, headers, mapping)
    st.divider()
    text_import.section(ds)
    st.divider()

steps.downloads(ds)
st.divider()
steps.import_history(ds.data_dir)
