"""The login gate through the real frame (app.py): nothing before login, the right things per role."""

from __future__ import annotations

import ast
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit import config
from streamlit.proto.TextInput_pb2 import TextInput as TextInputProto
from streamlit.testing.v1 import AppTest

from analysis.admin import audit, privacy, users
from ui import auth

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PASSWORDS = {"ani": "Kapolsek-Sananwetan-1", "budi": "Analis-Binmas-2025", "citra": "Tamu-Briefing-77"}
ROLES = {"ani": "kapolsek", "budi": "analis", "citra": "tamu"}
REPORTER_NAME = "Siti Aminah"
REPORTER_PHONE = "081234567890"
HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"
# Everything that shows data: charts, tables, maps, KPI tiles, downloads.
DATA_ELEMENTS = {
    "plotly_chart",
    "dataframe",
    "arrow_data_frame",
    "table",
    "arrow_table",
    "component_instance",
    "map",
    "deck_gl_json_chart",
    "vega_lite_chart",
    "metric",
    "download_button",
}


def write_small_dataset(folder: Path) -> Path:
    """Three tiny contract files: one complaint carries hostile markup, two carry a reporter's details."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "patrols.csv").write_text(
        "patrol_id,date,start_time,end_time,kelurahan,activity,unit,leader_nrp,leader_name,leader_rank,"
        "personnel_count,topics,residents_met,location,lat,lon,notes\n"
        "P1,2025-05-26,09:00,10:30,Gedog,Patroli Dialogis,Binmas,78050123,Roziek Mustofa,Aiptu,4,"
        "Gangguan keamanan lingkungan; Keresahan sosial,25,Balai Kelurahan Gedog,,,\n"
        "P2,2025-05-24,22:30,23:30,Kepanjenkidul,Patroli Malam,Samapta,85060456,Andi Wibowo,Bripka,3,"
        "Balap liar,5,Taman Kebon Rojo,,,\n"
        "P3,2025-05-20,08:00,09:00,Bendo,Sambang,Bhabinkamtibmas,90010789,Dedi Kurniawan,Brigpol,1,"
        "Keresahan sosial,10,,,,\n",
        encoding="utf-8",
    )
    (folder / "complaints.csv").write_text(
        "complaint_id,received_at,channel,kelurahan,category,description,status,resolved_at,handled_by_nrp,"
        "patrol_id,lat,lon,reporter_name,reporter_phone\n"
        f"L1,2025-05-23 10:00,Patroli Dialogis,Gedog,Gangguan keamanan lingkungan,{HOSTILE},Baru,,78050123,"
        f"P1,,,{REPORTER_NAME},{REPORTER_PHONE}\n"
        "L2,2025-05-25 19:00,WhatsApp #LaporPakKapolres,Kepanjenkidul,Balap liar,"
        "Balap liar tiap malam Minggu,Diproses,,85060456,,,,Bambang Sutejo,0813-2222-3333\n"
        "L3,2025-05-22 08:00,Call Center 110,Bendo,Keresahan sosial,Telepon iseng,Tidak Valid,,,,,,,\n",
        encoding="utf-8",
    )
    (folder / "officers.csv").write_text(
        "nrp,name,rank,unit,assigned_kelurahan,active\n"
        "78050123,Roziek Mustofa,Aiptu,Binmas,,ya\n"
        "85060456,Andi Wibowo,Bripka,Samapta,,ya\n"
        "90010789,Dedi Kurniawan,Brigpol,Bhabinkamtibmas,Bendo,ya\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def users_file(tmp_path, monkeypatch) -> Path:
    """A users file with one account per role, made with the same functions as the CLI."""
    monkeypatch.setattr(users, "BCRYPT_ROUNDS", 4)
    path = tmp_path / "secret" / "users.json"
    for name, password in PASSWORDS.items():
        users.add_user(path, name, ROLES[name], password)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(write_small_dataset(tmp_path / "data")))
    monkeypatch.setenv(users.ENV_AUTH_FILE, str(path))
    monkeypatch.setenv(audit.ENV_AUDIT_LOG, str(tmp_path / "audit.log"))
    monkeypatch.delenv(users.ENV_SESSION_MINUTES, raising=False)
    return path


def element_types(at: AppTest) -> Counter:
    found: Counter = Counter()

    def walk(node) -> None:
        found[getattr(node, "type", None)] += 1
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return found


def rendered(at: AppTest) -> str:
    """Every element's message as text (tables' Arrow bytes and charts' JSON included)."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return "\n".join(parts)


def shows_data(at: AppTest) -> set[str]:
    return {kind for kind in element_types(at) if kind in DATA_ELEMENTS}


def page_entries() -> list[tuple[str, str, Callable[[str | None], bool] | None]]:
    """app.py's PAGES list read without running the app: (path, URL path, who may open it), the last
    None for everyone or the ``analysis.admin.privacy`` question app.py asks."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "PAGES":
            entries = []
            for entry in node.value.elts:
                path, url, may_open = (ast.literal_eval(entry.elts[0]), ast.literal_eval(entry.elts[2]), None)
                last = entry.elts[-1]
                if not (isinstance(last, ast.Constant) and last.value is None):
                    assert isinstance(last, ast.Attribute) and ast.unparse(last.value) == "privacy"
                    may_open = getattr(privacy, last.attr)
                entries.append((path, url, may_open))
            return entries
    raise AssertionError("app.py has no PAGES list")


def pages_for(role: str) -> list[str]:
    """The pages app.py's PAGES list opens to ``role``."""
    return [path for path, _, may_open in page_entries() if may_open is None or may_open(role)]


def login(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    next(b for b in at.button if b.label == "Masuk").click()
    return at.run()


def fresh_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def test_nothing_is_shown_before_login(users_file):
    at = fresh_app()
    assert shows_data(at) == set()
    assert [t.value for t in at.title] == ["Dasbor Kamtibmas"]
    assert at.text_input(key="auth_password").proto.type == TextInputProto.PASSWORD
    assert REPORTER_NAME not in rendered(at)
    # only the login page is registered: no page file can be opened past the gate
    for page in ("pages/overview.py", "pages/data.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)


def test_wrong_password_shows_nothing_and_is_audited(users_file, tmp_path):
    at = login(fresh_app(), "ani", "not-the-password")
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert shows_data(at) == set()
    at = login(at, "nobody", PASSWORDS["ani"])
    assert shows_data(at) == set()
    events = [(e["event"], e["user"]) for e in audit.read_events(tmp_path / "audit.log")]
    assert events == [("login_failed", "ani"), ("login_failed", "nobody")]
    assert all(p not in (tmp_path / "audit.log").read_text() for p in PASSWORDS.values())


def test_right_password_opens_the_dashboard(users_file, tmp_path):
    at = login(fresh_app(), "ani", PASSWORDS["ani"])
    assert not at.exception, at.exception
    assert "plotly_chart" in shows_data(at) and "metric" in shows_data(at)
    assert not [w for w in at.text_input if w.key == "auth_password"]
    assert [e["event"] for e in audit.read_events(tmp_path / "audit.log")] == ["login_ok"]


def test_a_locked_account_stays_locked_in_a_new_session(users_file):
    start = time.time() - 300  # one failure a minute: past each slow-down, within the lock window
    for i in range(users.LockoutPolicy().lock_after):
        users.authenticate(users_file, "ani", "wrong-password-again", now=start + 60 * i)
    at = login(fresh_app(), "ani", PASSWORDS["ani"])
    assert "dikunci" in " ".join(e.value for e in at.error)
    assert shows_data(at) == set()


def test_a_disabled_account_is_refused_and_signed_out(users_file):
    at = login(fresh_app(), "budi", PASSWORDS["budi"])
    assert shows_data(at)
    users.set_disabled(users_file, "budi", True)
    at.run()
    assert shows_data(at) == set()
    assert "dinonaktifkan" in " ".join(i.value for i in at.info)
    at = login(at, "budi", PASSWORDS["budi"])
    assert shows_data(at) == set()


def test_session_expires_after_inactivity(users_file, tmp_path):
    at = login(fresh_app(), "ani", PASSWORDS["ani"])
    at.session_state[auth.LAST_SEEN_KEY] = time.time() - 31 * 60
    at.run()
    assert shows_data(at) == set()
    assert "30 menit" in " ".join(i.value for i in at.info)
    assert audit.read_events(tmp_path / "audit.log")[-1]["event"] == "session_expired"


def test_sign_out(users_file, tmp_path):
    at = login(fresh_app(), "ani", PASSWORDS["ani"])
    next(b for b in at.button if b.key == "auth_logout").click()
    at.run()
    assert shows_data(at) == set()
    assert at.text_input(key="auth_password").value == ""
    assert audit.read_events(tmp_path / "audit.log")[-1]["event"] == "logout"


def downloads_per_page(name: str) -> dict[str, list[str]]:
    """The download buttons (by key) ``name`` is offered on each page open to their role."""
    at = login(fresh_app(), name, PASSWORDS[name])
    offered = {}
    for page in pages_for(ROLES[name]):
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        offered[page] = [button.key for button in at.get("download_button")]
    return offered


def test_tamu_sees_no_personal_data_and_no_data_page(users_file):
    at = login(fresh_app(), "citra", PASSWORDS["citra"])
    assert shows_data(at), "tamu sees the aggregates"
    for page in pages_for("tamu"):
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        text = rendered(at)
        assert REPORTER_NAME not in text and REPORTER_PHONE not in text, page
        assert "0813-2222-3333" not in text and "Bambang" not in text, page
    assert "pages/data.py" not in pages_for("tamu")
    try:
        at.switch_page("pages/data.py").run()
    except ValueError:  # AppTest refuses a page the navigation did not register
        return
    assert not at.exception, at.exception
    # reached anyway (a URL naming the file): nothing of it may show, neither upload nor rows
    assert not at.get("file_uploader") and shows_data(at) == set()


def test_tamu_gets_no_row_level_downloads(users_file):
    """Row tables (officers, trends lists) download only for kapolsek/analis; a tamu keeps the briefing's
    PDF and its aggregate tables, which hold counts, never people."""
    tamu = downloads_per_page("citra")
    kapolsek = downloads_per_page("ani")
    row_level = {key for page, keys in kapolsek.items() if page != "pages/briefing.py" for key in keys}
    assert row_level, "kapolsek is offered row-level downloads somewhere"
    assert {key for keys in tamu.values() for key in keys} & row_level == set()
    assert all(key.startswith("briefing_") for keys in tamu.values() for key in keys)


@pytest.mark.parametrize("name", ["ani", "budi"])
def test_kapolsek_and_analis_open_the_data_page(users_file, name):
    at = login(fresh_app(), name, PASSWORDS[name])
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    if ROLES[name] == "analis":
        assert at.get("file_uploader"), "the analis imports data"


def test_demo_mode_without_users_shows_a_banner(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(write_small_dataset(tmp_path / "data")))
    monkeypatch.setenv(users.ENV_AUTH_FILE, str(tmp_path / "missing.json"))
    monkeypatch.setenv(audit.ENV_AUDIT_LOG, str(tmp_path / "audit.log"))
    at = fresh_app()
    assert "Mode demo lokal" in " ".join(w.value for w in at.warning)
    assert "missing.json" in " ".join(c.value for c in at.caption)
    assert shows_data(at)


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.10", "", "::"])
def test_demo_mode_refuses_a_non_loopback_address(tmp_path, monkeypatch, address):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(write_small_dataset(tmp_path / "data")))
    monkeypatch.delenv(users.ENV_AUTH_FILE, raising=False)
    monkeypatch.setenv(audit.ENV_AUDIT_LOG, str(tmp_path / "audit.log"))
    previous = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        at = fresh_app()
    finally:
        config.set_option("server.address", previous)
    assert "menolak berjalan" in " ".join(e.value for e in at.error)
    assert shows_data(at) == set()


def test_a_broken_users_file_keeps_the_dashboard_locked(tmp_path, monkeypatch):
    broken = tmp_path / "users.json"
    broken.write_text("{oops")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(write_small_dataset(tmp_path / "data")))
    monkeypatch.setenv(users.ENV_AUTH_FILE, str(broken))
    at = fresh_app()
    assert "tetap terkunci" in " ".join(e.value for e in at.error)
    assert shows_data(at) == set()


@pytest.mark.parametrize(
    ("address", "expected"),
    [("127.0.0.1", True), ("127.0.1.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False)],
)
def test_is_loopback(address, expected):
    assert auth.is_loopback(address) is expected


def test_streamlit_config_is_hardened():
    import tomllib

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server = settings["server"]
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True  # true refuses other origins; false sends Allow-Origin: *
    assert server.get("corsAllowedOrigins", []) == []
    assert server["enableAgentApi"] is False
    assert auth.is_loopback(server["address"])
    assert 0 < server["maxUploadSize"] <= 50
    assert settings["browser"]["gatherUsageStats"] is False
    assert settings["client"]["showErrorDetails"] == "none"
    assert settings["runner"]["enforceSerializableSessionState"] is True
