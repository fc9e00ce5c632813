"""Users file, CLI, failed-login policy, session expiry and the audit log."""

from __future__ import annotations

import argparse
import io
import json
import stat
from pathlib import Path

import pytest

from analysis.admin import audit, users
from analysis.admin.users import LockoutPolicy
from analysis.cli import users as users_cli
from analysis.core import settings

PASSWORD = "Kamtibmas-Gedog-2025"
POLICY = LockoutPolicy(slow_after=3, first_delay_s=5.0, lock_after=6, lock_minutes=15.0)
T0 = 1_750_000_000.0


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch, tmp_path):
    """Cost 4 keeps the tests quick; one test checks the real default."""
    monkeypatch.setattr(users, "BCRYPT_ROUNDS", 4)
    monkeypatch.setenv(settings.AUDIT_LOG.name, str(tmp_path / "audit.log"))
    monkeypatch.delenv(settings.AUTH_FILE.name, raising=False)


@pytest.fixture(autouse=True)
def forget_unknown_names(monkeypatch):
    """The in-memory failure counts of unknown names are the process's; each test starts without them."""
    monkeypatch.setattr(users, "_UNKNOWN_FAILURES", users._RecentFailures())


@pytest.fixture
def users_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret" / "users.json"
    users.add_user(path, "siti", "analis", PASSWORD)
    return path


def cli(argv: list[str], stdin: str = "", monkeypatch=None) -> int:
    parser = argparse.ArgumentParser()
    users_cli.configure_parser(parser)
    args = parser.parse_args(argv)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return users_cli.run_cli(args)


# --- passwords and names -----------------------------------------------------------------------------


def test_default_cost_is_12(monkeypatch):
    monkeypatch.setattr(users, "BCRYPT_ROUNDS", 12)
    assert users.hash_password(PASSWORD).startswith("$2b$12$")


def test_hash_verifies_only_the_same_password():
    hashed = users.hash_password(PASSWORD)
    assert PASSWORD not in hashed
    assert users.verify_password(PASSWORD, hashed)
    assert not users.verify_password(PASSWORD + "x", hashed)
    assert not users.verify_password(PASSWORD, "not-a-hash")
    assert not users.verify_password("x" * 80, hashed)


@pytest.mark.parametrize(
    ("password", "message"),
    [("pendek", "minimal"), ("é" * 40, "maksimal"), ("Siti-Aminah", "sama dengan nama")],
)
def test_password_rules(password, message):
    with pytest.raises(ValueError, match=message):
        users.check_password_rules(password, "siti-aminah")


@pytest.mark.parametrize("name", ["a", "-siti", "siti aminah", "siti;rm", "x" * 33, "<b>"])
def test_bad_usernames_are_refused(name):
    with pytest.raises(ValueError, match="Nama pengguna"):
        users.normalise_username(name)


def test_usernames_are_lower_cased():
    assert users.normalise_username("  Siti.Aminah ") == "siti.aminah"


# --- file management -------------------------------------------------------------------------------


def test_added_user_is_stored_as_a_hash_with_mode_0600(users_file):
    raw = users_file.read_text()
    assert PASSWORD not in raw
    entry = json.loads(raw)["users"]["siti"]
    assert entry["role"] == "analis" and entry["password_hash"].startswith("$2b$")
    assert stat.S_IMODE(users_file.stat().st_mode) == 0o600
    assert [p.name for p in users_file.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_duplicate_user_and_unknown_role_are_refused(users_file):
    with pytest.raises(ValueError, match="sudah ada"):
        users.add_user(users_file, "SITI", "tamu", PASSWORD)
    with pytest.raises(ValueError, match="Peran"):
        users.add_user(users_file, "budi", "admin", PASSWORD)
    assert set(users.load_accounts(users_file)) == {"siti"}


def test_has_enabled_users(tmp_path, users_file):
    assert not users.has_enabled_users(None)
    assert not users.has_enabled_users(tmp_path / "missing.json")
    assert users.has_enabled_users(users_file)
    users.set_disabled(users_file, "siti", True)
    assert not users.has_enabled_users(users_file)


def test_corrupt_users_file_raises(tmp_path):
    path = tmp_path / "users.json"
    path.write_text("{not json")
    with pytest.raises(users.UsersFileError):
        users.has_enabled_users(path)
    path.write_text(json.dumps({"users": {"siti": {"role": "root", "password_hash": "x"}}}))
    with pytest.raises(users.UsersFileError, match="siti"):
        users.load_accounts(path)


# --- CLI ---------------------------------------------------------------------------------------------


def test_cli_add_list_disable_reset_never_show_the_password(tmp_path, monkeypatch, capsys):
    path = tmp_path / "users.json"
    monkeypatch.setenv(settings.AUTH_FILE.name, str(path))
    assert cli(["add", "Budi", "--role", "tamu", "--password-stdin"], PASSWORD + "\n", monkeypatch) == 0
    assert cli(["list"], monkeypatch=monkeypatch) == 0
    assert cli(["disable", "budi"], monkeypatch=monkeypatch) == 0
    assert cli(["list"], monkeypatch=monkeypatch) == 0
    new_password = "Ganti-Sandi-Baru-99"
    assert cli(["reset", "budi", "--password-stdin"], new_password + "\n", monkeypatch) == 0
    out = capsys.readouterr()
    assert "budi\ttamu\taktif" in out.out and "budi\ttamu\tnonaktif" in out.out
    written = "".join(p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    for secret in (PASSWORD, new_password):
        assert secret not in out.out + out.err
        assert secret not in written
    account = users.load_accounts(path)["budi"]
    assert account.disabled and users.verify_password(new_password, account.password_hash)
    events = [e["event"] for e in audit.read_events(tmp_path / "audit.log")]
    assert events == ["user_added", "user_disabled", "user_reset"]


def test_cli_exit_codes(tmp_path, monkeypatch, capsys):
    path = tmp_path / "users.json"
    assert cli(
        ["--file", str(path), "add", "budi", "--role", "tamu", "--password-stdin"], "short\n", monkeypatch
    )
    assert not path.exists()
    assert cli(["--file", str(path), "disable", "nobody"], monkeypatch=monkeypatch) == 1
    assert cli(["list"], monkeypatch=monkeypatch) == 2  # no file given at all
    inside = settings.PROJECT_ROOT / "data" / "users.json"
    assert cli(["--file", str(inside), "list"], monkeypatch=monkeypatch) == 2
    path.write_text("[]")
    assert cli(["--file", str(path), "list"], monkeypatch=monkeypatch) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_users_command_runs_from_the_shell(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "users.json"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "users", "--file", str(path), "add", "ani", "--role", "kapolsek"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=settings.PROJECT_ROOT,
        env={"PATH": "/usr/bin:/bin", "DASHBOARD_AUDIT_LOG": str(tmp_path / "audit.log")},
    )
    assert result.returncode == 0, result.stderr
    assert "ani" in result.stdout and PASSWORD not in result.stdout + result.stderr
    assert PASSWORD not in path.read_text()


# --- login policy ------------------------------------------------------------------------------------


def test_right_password_logs_in_and_wrong_one_fails(users_file):
    ok = users.authenticate(users_file, " SITI ", PASSWORD, now=T0, policy=POLICY)
    assert ok.status == "ok" and ok.user == users.User("siti", "analis")
    bad = users.authenticate(users_file, "siti", "wrong-password", now=T0, policy=POLICY)
    assert (bad.status, bad.reason) == ("failed", "password")


def test_unknown_and_disabled_users_get_the_same_answer(users_file):
    unknown = users.authenticate(users_file, "nobody", PASSWORD, now=T0, policy=POLICY)
    invalid = users.authenticate(users_file, "<script>", PASSWORD, now=T0, policy=POLICY)
    users.set_disabled(users_file, "siti", True)
    disabled = users.authenticate(users_file, "siti", PASSWORD, now=T0, policy=POLICY)
    assert [r.status for r in (unknown, invalid, disabled)] == ["failed"] * 3
    assert disabled.user is None
    assert "nobody" not in users.lockout_path(users_file).read_text()


def test_failures_slow_down_then_lock_and_survive_a_new_session(users_file):
    now = T0
    for _ in range(3):
        assert (
            users.authenticate(users_file, "siti", "wrong-password", now=now, policy=POLICY).status
            == "failed"
        )
    # 3 failures: the next attempt must wait 5 s, even with the right password
    early = users.authenticate(users_file, "siti", PASSWORD, now=now + 4, policy=POLICY)
    assert (early.status, early.retry_at) == ("wait", now + 5)
    now += 5
    assert users.authenticate(users_file, "siti", "wrong-password", now=now, policy=POLICY).status == "failed"
    now += 10
    assert users.authenticate(users_file, "siti", "wrong-password", now=now, policy=POLICY).status == "failed"
    now += 20
    locked = users.authenticate(users_file, "siti", "wrong-password", now=now, policy=POLICY)
    assert (locked.status, locked.retry_at) == ("locked", now + 15 * 60)
    # the count lives on disk: a fresh call (a new browser session) with the right password is refused
    assert users.failure_state(users_file, "siti").failures == 6
    assert users.authenticate(users_file, "siti", PASSWORD, now=now + 60, policy=POLICY).status == "locked"
    after = users.authenticate(users_file, "siti", PASSWORD, now=now + 15 * 60 + 1, policy=POLICY)
    assert after.status == "ok"
    assert users.failure_state(users_file, "siti").failures == 0


def test_an_unknown_name_is_slowed_and_locked_like_a_real_one(users_file):
    """Otherwise six wrong passwords would tell an attacker whether an account exists."""

    def attempts(name: str) -> list[tuple[str, float]]:
        now, seen = T0, []
        for _ in range(7):
            result = users.authenticate(users_file, name, "wrong-password", now=now, policy=POLICY)
            seen.append((result.status, result.retry_at - now if result.retry_at else 0.0))
            now += max(result.retry_at - now, 0.0) if result.status == "failed" else 1.0
        return seen

    real, invented = attempts("siti"), attempts("nobody")
    assert invented == real
    assert [status for status, _ in real][-2:] == ["locked", "locked"]
    assert "nobody" not in users.lockout_path(users_file).read_text()
    assert (
        users.authenticate(users_file, "nobody", "wrong-password", now=T0 + 60, policy=POLICY).reason
        == "unknown"
    )


def test_reset_unlocks(users_file):
    for i in range(6):
        users.authenticate(users_file, "siti", "wrong-password", now=T0 + 100 * i, policy=POLICY)
    assert users.authenticate(users_file, "siti", PASSWORD, now=T0 + 600, policy=POLICY).status == "locked"
    users.reset_password(users_file, "siti", "Sandi-Baru-Sekali-1")
    assert users.authenticate(users_file, "siti", "Sandi-Baru-Sekali-1", now=T0 + 601, policy=POLICY).user


def test_old_failures_are_forgotten(users_file):
    for i in range(5):
        users.authenticate(users_file, "siti", "wrong-password", now=T0 + 100 * i, policy=POLICY)
    later = T0 + 400 + 15 * 60 + 1
    assert (
        users.authenticate(users_file, "siti", "wrong-password", now=later, policy=POLICY).status == "failed"
    )
    assert users.failure_state(users_file, "siti").failures == 1


def test_lockout_sidecar_is_private(users_file):
    users.authenticate(users_file, "siti", "wrong-password", now=T0, policy=POLICY)
    assert stat.S_IMODE(users.lockout_path(users_file).stat().st_mode) == 0o600


# --- sessions ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [(None, 30.0), ("5", 5.0), ("abc", 30.0), ("0", 30.0)])
def test_session_minutes_from_env(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(settings.SESSION_MINUTES.name, raising=False)
    else:
        monkeypatch.setenv(settings.SESSION_MINUTES.name, value)
    assert settings.SESSION_MINUTES.read() == expected


def test_session_expires_after_inactivity():
    assert not users.session_expired(T0, T0 + 29 * 60, 30)
    assert users.session_expired(T0, T0 + 31 * 60, 30)


# --- audit log ---------------------------------------------------------------------------------------


def test_audit_lines_cannot_be_forged_and_file_is_private(tmp_path):
    log = tmp_path / "audit.log"
    audit.record("login_failed", 'x"\n{"event": "login_ok"}', "detail\nmore", path=log)
    audit.record("export", "siti", "complaints.csv", path=log)
    lines = log.read_text().splitlines()
    assert len(lines) == 2
    assert [e["event"] for e in audit.read_events(log)] == ["login_failed", "export"]
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_audit_rejects_unknown_events(tmp_path):
    with pytest.raises(ValueError, match="unknown audit event"):
        audit.record("exprot", "siti", path=tmp_path / "audit.log")


def test_audit_log_location(monkeypatch, tmp_path):
    monkeypatch.setenv(settings.AUDIT_LOG.name, str(tmp_path / "a.log"))
    assert audit.log_path(tmp_path / "users.json") == tmp_path / "a.log"
    monkeypatch.delenv(settings.AUDIT_LOG.name)
    assert audit.log_path(tmp_path / "users.json") == tmp_path / "audit.log"
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "data"))
    assert audit.log_path(None) == tmp_path / "data" / "audit.log"


def test_unknown_names_are_remembered_only_up_to_a_bound():
    recent = users._RecentFailures(size=2)
    for name in ("a1", "b2", "c3"):
        recent.put(name, users.FailureState(1, T0))
    assert recent.get("a1") is None and recent.get("c3") == users.FailureState(1, T0)


def test_the_audit_log_is_rotated_and_still_read_whole(tmp_path, monkeypatch):
    log = tmp_path / "audit.log"
    monkeypatch.setenv(settings.AUDIT_MAX_MB.name, str(400 / 1024 / 1024))  # ~3 events a file
    for i in range(80):
        audit.record("export", "siti", f"file-{i:02d}.csv", path=log)
    rotated = sorted(p.name for p in tmp_path.glob("audit.log.*") if not p.name.endswith(".lock"))
    assert rotated == [f"audit.log.{n}" for n in range(1, audit.KEEP + 1)]
    assert all(p.stat().st_size <= 400 + 200 for p in tmp_path.glob("audit.log*") if p.suffix != ".lock")
    details = [e["detail"] for e in audit.read_events(log)]
    # the newest events, in order; only the oldest fell off the end
    assert details == sorted(details) and details[-1] == "file-79.csv" and 40 < len(details) < 80
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_bad_audit_size_setting_falls_back_to_the_default(monkeypatch):
    monkeypatch.setenv(settings.AUDIT_MAX_MB.name, "lima")
    assert audit.max_bytes() == 5 * 1024 * 1024
