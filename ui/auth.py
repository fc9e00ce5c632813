"""The login gate: nothing is read or shown until the session has a user.

``gate()`` is the first call in app.py. With a users file (``DASHBOARD_AUTH_FILE``) holding at least one
enabled account it shows the login form and stops the script until the user signs in; sessions end after
``DASHBOARD_SESSION_MINUTES`` (30) of inactivity. Without users it runs as a local demo (what it may do:
``analysis.admin.privacy.LOCAL_DEMO``; banner) and refuses to serve at all unless the server listens on
the loopback address only.

The session's user is kept under ``ui.context.USER_KEY``; pages call ``ui.context.role()`` for
permissions (with ``analysis.admin.privacy``) and ``audit(event, detail)`` for exports and imports.
Passwords are hashed and checked by bcrypt in ``analysis.admin.users``; this module never stores a
password in session state (the form clears itself on submit).
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import re
import time
import urllib.parse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import streamlit as st

from analysis.admin import audit as audit_log
from analysis.admin import users
from analysis.admin.users import User
from analysis.core.text import plain
from ui import context as ctx
from ui import sidebar
from ui.context import USER_KEY, current_user

LAST_SEEN_KEY = "auth_last_seen"
FLASH_KEY = "auth_flash"
DEMO_USER = User("demo", "kapolsek", demo=True)
_KEEP_ON_LOGOUT = (ctx.LANG_KEY, FLASH_KEY)
LOGIN_PAGE = "masuk"
_PAGE_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_log = logging.getLogger(__name__)


def gate() -> User:
    """The signed-in (or demo) user; otherwise draws the login form, or a refusal, and ``st.stop()``s."""
    users_file = users.auth_file_from_env()
    try:
        login_required = users.has_enabled_users(users_file)
    except users.UsersFileError as exc:  # fail closed: a broken users file never means "no login"
        # The reason names the file's path: it goes to the server's log for the admin, not to the screen.
        _log.error("users file unusable: %s", exc)
        _show_only(_error_page(ctx.t("safety.auth.file_error")))
    if not login_required:
        return _demo(users_file)
    assert users_file is not None
    user = _session_user(users_file)
    if user is None:
        _show_only(lambda: _login_form(users_file), url_path=requested_page())
    _account_box(user)
    return user


def requested_page() -> str:
    """The page the browser asked for (``"peta"`` for ``…/peta?kelurahan=Gedog``), so the login form can
    stand at that address and the user lands there once signed in, link parameters and all; ``"masuk"``
    when the address names no page or something that is not a plain page name."""
    with contextlib.suppress(Exception):  # no browser context (AppTest, bare mode): the default page
        path = urllib.parse.urlsplit(st.context.url or "").path
        last = path.rstrip("/").rsplit("/", 1)[-1]
        if _PAGE_NAME.fullmatch(last):
            return last
    return LOGIN_PAGE


def _error_page(message: str) -> Callable[[], None]:
    """A page that only shows ``message`` as an error."""

    def render() -> None:
        st.error(message)

    return render


def _show_only(render: Callable[[], None], url_path: str = "") -> NoReturn:
    """Run ``render`` as the app's only page (at ``url_path``, default ``masuk``), then stop.

    Stopping before ``st.navigation`` would not do: Streamlit would fall back to listing ``pages/*.py`` in
    the sidebar, and opening one runs that file directly, past this gate.
    """
    pages = [st.Page(render, title=ctx.t("app.title"), url_path=LOGIN_PAGE, default=True)]
    if url_path and url_path != LOGIN_PAGE:  # the default page lives at the root: the asked-for one beside it
        pages.append(st.Page(render, title=ctx.t("app.title"), url_path=url_path))
    st.navigation(pages, position="hidden").run()
    st.stop()


def audit(event: str, detail: str = "") -> None:
    """Append ``event`` (``export``, ``import``, ...: ``analysis.admin.audit.EVENTS``) for the session's
    user."""
    user = current_user()
    users_file = users.auth_file_from_env()
    audit_log.record(event, user.username if user else "-", detail, path=audit_log.log_path(users_file))


def is_loopback(address: str | None) -> bool:
    """True for ``127.x.x.x``, ``::1`` and ``localhost``; an empty address means every interface."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[] ")).is_loopback
    except ValueError:
        return False


def _demo(users_file: Path | None) -> User:
    address = st.get_option("server.address")
    if not is_loopback(address):
        shown = address or ctx.t("auth.all_interfaces")
        _show_only(_error_page(ctx.t("auth.refuse_address", address=shown)))
    _set_user(DEMO_USER)
    st.warning(ctx.t("demo.banner"), icon=":material/lock_open:")
    if users_file is not None and not users_file.exists():
        st.caption(ctx.t("auth.file_missing", path=str(users_file)))
    return DEMO_USER


def _set_user(user: User) -> None:
    st.session_state[LAST_SEEN_KEY] = time.time()
    st.session_state[USER_KEY] = user


def _clear_session() -> None:
    """Forget the user and everything the session held (filters, selections), keeping the language."""
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_LOGOUT:
            del st.session_state[key]


def _session_user(users_file: Path) -> User | None:
    """The signed-in user if the session is still valid and the account still enabled; else None."""
    user = current_user()
    if user is None or user.demo:
        return None
    now = time.time()
    minutes = users.session_minutes_from_env()
    if users.session_expired(st.session_state.get(LAST_SEEN_KEY, 0.0), now, minutes):
        audit_log.record("session_expired", user.username, path=audit_log.log_path(users_file))
        _clear_session()
        st.session_state[FLASH_KEY] = ("auth.expired", {"minutes": f"{minutes:g}"})
        return None
    account = users.current_account(users_file, user.username)
    if account is None or account.disabled:
        _clear_session()
        st.session_state[FLASH_KEY] = ("auth.account_changed", {})
        return None
    if account.role != user.role:
        user = User(user.username, account.role)
    _set_user(user)
    return user


def _login_form(users_file: Path) -> None:
    sidebar.language_switch()  # the same language switch app.py draws after the gate
    st.title(ctx.t("app.title"))
    st.subheader(ctx.t("auth.title"))
    st.caption(ctx.t("auth.intro"))
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.info(ctx.t(flash[0], **flash[1]))
    with st.form("auth_login", clear_on_submit=True):
        username = st.text_input(
            ctx.t("auth.username"), key="auth_username", max_chars=64, autocomplete="username"
        )
        password = st.text_input(
            ctx.t("auth.password"),
            type="password",
            key="auth_password",
            max_chars=200,
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(ctx.t("auth.submit"), type="primary")
    if not submitted:
        return
    result = users.authenticate(users_file, username, password)
    log = audit_log.log_path(users_file)
    name = username.strip().lower()[:64] or "-"
    if result.status == "ok" and result.user is not None:
        audit_log.record("login_ok", result.user.username, result.user.role, path=log)
        _clear_session()
        _set_user(result.user)
        st.rerun()
    elif result.status == "locked":
        audit_log.record("login_locked", name, result.reason, path=log)
        st.error(ctx.t("auth.locked", time=datetime.fromtimestamp(result.retry_at).strftime("%H:%M")))
    elif result.status == "wait":
        audit_log.record("login_failed", name, result.reason, path=log)
        st.warning(ctx.t("auth.wait", seconds=max(1, round(result.retry_at - time.time()))))
    else:
        audit_log.record("login_failed", name, result.reason, path=log)
        st.error(ctx.t("auth.failed"))


def _logout() -> None:
    user = current_user()
    if user is not None:
        audit_log.record("logout", user.username, path=audit_log.log_path(users.auth_file_from_env()))
    _clear_session()
    st.session_state[FLASH_KEY] = ("auth.signed_out", {})


def _account_box(user: User) -> None:
    name = plain(user.username)
    st.sidebar.caption(ctx.t("auth.signed_in", user=name, role=ctx.t(f"auth.role.{user.role}")))
    st.sidebar.button(ctx.t("auth.logout"), key="auth_logout", on_click=_logout, icon=":material/logout:")
    with st.sidebar:
        _expiry_watch()


@st.fragment(run_every=60)
def _expiry_watch() -> None:
    """Once a minute, without counting as activity: when the session has expired, rerun the whole app so
    the gate signs out and an unattended screen stops showing data."""
    last_seen = st.session_state.get(LAST_SEEN_KEY, 0.0)
    if users.session_expired(last_seen, time.time(), users.session_minutes_from_env()):
        st.rerun(scope="app")
