"""Data: bring last week's spreadsheet in (check, pair columns, validate, merge) and download templates."""

import streamlit as st

from ui import context as ctx
from ui import intake_widgets as steps
from ui import safety_widgets as safety
from ui import sheet_picker, text_import, value_pairing

ds = ctx.dataset()
st.title(ctx.t("intake.title"))

if not steps.may_view():
    st.warning(ctx.t("intake.denied"), icon=":material/lock:")
    st.stop()

steps.last_result()
safety.data_folder_report(ds)
if steps.may_import():
    st.subheader(ctx.t("intake.upload.header"))
    upload = steps.uploaded_file()
    sheet = sheet_picker.choose(*upload) if upload else None
    headers = steps.file_columns(*upload, sheet=sheet) if upload else None
    choice = steps.kind_and_mapping(headers, ds.data_dir) if headers else None
    loaded = steps.read_upload(*choice, upload, ds, sheet=sheet) if choice else None
    if loaded is not None:
        kind, mapping = choice
        clean, report = loaded
        steps.validation_report(report)
        value_pairing.pairing_step(ds, kind, report)
        if not clean.empty:
            steps.preview(clean, kind)
        steps.merge_step(ds, kind, clean, report, upload, headers, mapping)
    st.divider()
    text_import.section(ds)
    st.divider()

steps.downloads(ds)
st.divider()
steps.import_history(ds.data_dir)
st.divider()
safety.backups_panel(ds.data_dir, steps.may_import())
