"""`warkat kiosk` and the config location: refusals, SSH login mode, idle lock, sign-out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from model import base, config
from model.audit import AuditEntry
from model.auth import LoginFailed, ssh_sign_in
from model.errors import Invalid
from model.org import User
from tests.tui_helpers import make_app, type_text
from tui.screens.home import HomeScreen
from tui.screens.lock import LockScreen

# These change this machine (accounts, /etc, a print scheduler): one pytest-xdist worker
# runs them all, one after another.
pytestmark = pytest.mark.xdist_group("system")

SIZE = (80, 24)


def kiosk(home, env: dict[str, str], **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), "kiosk"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        **kw,
    )


def test_kiosk_refuses_a_command_and_a_missing_terminal(tmp_path):
    ls = kiosk(tmp_path, {"SSH_ORIGINAL_COMMAND": "ls /"})
    assert ls.returncode == 1 and ls.stdout == ""
    assert ls.stderr.startswith("warkat: Akses SSH ini hanya untuk aplikasi Warkat")
    sftp = kiosk(tmp_path, {"SSH_ORIGINAL_COMMAND": "/usr/lib/openssh/sftp-server"})
    assert sftp.returncode == 1
    no_tty = kiosk(tmp_path, {})
    assert no_tty.returncode == 1 and "memerlukan terminal" in no_tty.stderr


def test_ssh_sign_in_takes_only_an_active_unlocked_account_of_that_name(office):
    user = ssh_sign_in("operator", "10.0.0.9")
    assert user.username == "operator"
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (entry.actor, entry.action) == ("operator", "login")
    assert json.loads(entry.detail) == {"via": "ssh", "peer": "10.0.0.9"}
    with pytest.raises(LoginFailed, match="Akun SSH 'tamu' tidak terdaftar"):
        ssh_sign_in("tamu")
    User.update(locked_until=base.now() + timedelta(minutes=15)).where(
        User.username == "kasi"
    ).execute()
    with pytest.raises(LoginFailed, match="Akun terkunci sampai"):
        ssh_sign_in("kasi")
    User.update(active=False).where(User.username == "admin").execute()
    with pytest.raises(LoginFailed, match="dinonaktifkan"):
        ssh_sign_in("admin")


def ssh_app(office, username: str):
    app = make_app(office)
    app.session.user = ssh_sign_in(username)

    app.session.ssh_account = username
    return app


async def test_ssh_mode_opens_home_locks_when_idle_and_sign_out_ends_the_session(office):
    app = ssh_app(office, "operator")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.session.last_input -= app.session.idle_limit + 1
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await type_text(pilot, "warkat123")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert app.return_code == 0  # exited: the SSH connection closes with it


async def test_ssh_mode_lock_screen_sign_out_ends_the_session(office):
    app = ssh_app(office, "kasi")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert app.return_code == 0


def test_config_location_order(tmp_path, monkeypatch):
    monkeypatch.delenv("WARKAT_CONFIG", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    system = tmp_path / "etc.toml"
    monkeypatch.setattr(config, "SYSTEM_HOME", home)
    monkeypatch.setattr(config, "SYSTEM_CONFIG", system)
    assert config.locate(home) == system  # the server's home, no local file
    assert config.locate(tmp_path / "lain") == tmp_path / "lain" / config.FILENAME
    (home / config.FILENAME).write_text("")
    assert config.locate(home) == home / config.FILENAME  # a local file wins
    monkeypatch.setenv("WARKAT_CONFIG", str(tmp_path / "env.toml"))
    assert config.locate(home) == tmp_path / "env.toml"
    assert config.locate(home, str(tmp_path / "arg.toml")) == tmp_path / "arg.toml"


def test_named_config_must_exist_and_login_mode_is_checked(tmp_path):
    with pytest.raises(Invalid, match="tidak ada atau tidak dapat dibaca"):
        config.load(tmp_path, tmp_path / "hilang.toml")
    assert config.load(tmp_path).login == "ask"  # the default: a password at every terminal
    named = tmp_path / "kantor.toml"
    named.write_text('[screen]\nlogin = "ssh"\n')
    cfg = config.load(tmp_path, named)
    assert (cfg.login, cfg.path) == ("ssh", named)
    named.write_text('[screen]\nlogin = "otomatis"\n')
    with pytest.raises(Invalid, match='login = "otomatis" tidak dikenal; pilihan: ask, ssh'):
        config.load(tmp_path, named)


def test_init_writes_the_named_config_and_not_one_in_the_home(tmp_path):
    named = tmp_path / "etc" / "warkat.toml"
    named.parent.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui.cli",
            "--home",
            str(tmp_path / "data"),
            "--config",
            str(named),
            "init",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert named.read_text() == config.TEMPLATE
    assert not (tmp_path / "data" / config.FILENAME).exists()
