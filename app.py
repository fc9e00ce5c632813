"""Dasbor Kamtibmas: the frame. Page config, login gate, language, shared filters, navigation, the page.

Run with ``make run`` (or ``streamlit run app.py``). Every page reads the filters set here.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
import streamlit.delta_generator

from analysis.admin import privacy
from analysis.core import settings
from analysis.core.text import plain
from analysis.data.intake import freshness_text
from ui import auth, frame, page_style, responsive, safety_widgets, sidebar, url_state
from ui import context as ctx
from ui import data as data_cache

# Streamlit's once-a-process check for "not run with `streamlit run`" (at the first element drawn) calls
# inspect.stack(), which reads the source file of every frame on the stack and looks up every loaded
# module's file: ≈ 0.2 s of the first page after a restart at five million rows. This app is only ever run
# by `streamlit run` (ui/serve.py) or AppTest, so the check is marked as done (tests/test_first_page.py
# keeps the flag's name checked against the pinned Streamlit).
streamlit.delta_generator._use_warning_has_been_displayed = True

# A local file: a Material icon here would make the browser fetch it from the internet.
ICON = settings.PROJECT_ROOT / "assets" / "icon.png"
st.set_page_config(page_title="Dasbor Kamtibmas", page_icon=str(ICON), layout="wide")

url_state.seed("lang", ctx.LANG_KEY, ("id", "en"))  # a link's language holds on the login page too
user = auth.gate()  # nothing below runs, and no data is read, until the user is signed in
frame.enter()
safety_widgets.housekeeping()  # stale temporary files from a killed import, backups beyond retention
data_cache.static_assets()  # Leaflet served by the app itself: the map needs no internet
page_style.apply()  # print stylesheet; Enter applies typed dates
sidebar.language_switch()
responsive.phone_css()  # "Menu" on the sidebar toggle, KPI cards two a row and a compact header on a phone

# Only finished pages are listed. (path, i18n title key, URL path, icon, who may open it: a question to
# analysis.admin.privacy's table, or None for everyone)
PAGES: list[tuple[str, str, str, str, Callable[[str | None], bool] | None]] = [
    ("pages/overview.py", "overview.title", "ringkasan", ":material/dashboard:", None),
    ("pages/map.py", "map.title", "peta", ":material/map:", None),
    ("pages/trends.py", "trends.title", "tren", ":material/trending_up:", None),
    ("pages/officers.py", "officers.title", "personel", ":material/badge:", None),
    ("pages/briefing.py", "briefing.title", "briefing", ":material/co_present:", None),
    ("pages/records.py", "records.title", "catatan", ":material/table_rows:", None),
    ("pages/data.py", "intake.title", "data", ":material/upload_file:", privacy.may_open_data_page),
]

try:
    ds = data_cache.dataset()
except Exception as exc:
    st.error(ctx.t("error.data", reason=plain(exc)))
    st.stop()

sidebar.filters(ds)
st.sidebar.caption(f"{ctx.t('app.subtitle')} · {freshness_text(ds.last_date, ctx.lang())}")

pages = [
    st.Page(path, title=ctx.t(title_key), url_path=url_path, icon=icon, default=(i == 0))
    for i, (path, title_key, url_path, icon, may_open) in enumerate(PAGES)
    if may_open is None or may_open(ctx.role())
]
navigation = st.navigation(pages)
safety_widgets.rejected_rows_notice(ds, navigation, pages)
navigation.run()
