"""Who may administer: root, the service user or the data folder's owner at the command line,
a sysadmin in the screens; every change audited with who did it."""

import json
import os
import pwd
import sqlite3
import subprocess
import sys

import pytest

from model import auth
from model.audit import AuditEntry
from model.auth import Operator
from model.errors import Invalid, NotAllowed
from tests.conftest import user
from tui import cli

NOBODY = pwd.getpwnam("nobody").pw_uid


def last_entry() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).first()


@pytest.fixture
def as_nobody(monkeypatch):
    """This process as the unprivileged OS user `nobody`, with no service-user override."""
    monkeypatch.setattr(os, "geteuid", lambda: NOBODY)
    monkeypatch.delenv(auth.SERVICE_USER_ENV, raising=False)
    monkeypatch.delenv("SUDO_USER", raising=False)


def test_root_is_allowed_and_named(tmp_path, monkeypatch):
    monkeypatch.setenv("SUDO_USER", "budi")
    admin = auth.require_admin_os_user(tmp_path)
    assert admin == Operator("cli:root", {"os_user": "root", "sudo_user": "budi"})


def test_another_os_user_is_refused_in_indonesian(tmp_path, as_nobody):
    with pytest.raises(NotAllowed) as refused:
        auth.require_admin_os_user(tmp_path / "kantor")
    assert str(refused.value) == (
        "Perintah ini hanya boleh dijalankan sebagai root, pengguna layanan 'warkat' atau "
        f"pemilik folder data {tmp_path / 'kantor'} (Anda: nobody)."
    )


def test_the_service_user_and_the_folder_owner_are_allowed(tmp_path, as_nobody, monkeypatch):
    monkeypatch.setenv(auth.SERVICE_USER_ENV, "nobody")
    monkeypatch.setenv("SUDO_USER", "budi")  # root's sudo, then the wrapper's runuser
    assert auth.require_admin_os_user(tmp_path) == Operator(
        "cli:nobody", {"os_user": "nobody", "sudo_user": "budi"}
    )
    monkeypatch.delenv(auth.SERVICE_USER_ENV)
    monkeypatch.delenv("SUDO_USER")
    mine = tmp_path / "milik-nobody"
    mine.mkdir()
    os.chown(mine, NOBODY, -1)
    assert auth.require_admin_os_user(mine).detail == {"os_user": "nobody"}
    assert auth.require_admin_os_user(mine / "belum" / "ada").actor == "cli:nobody"


@pytest.mark.parametrize(
    "args",
    [
        ["user", "add", "x", "--name", "X", "--role", "operator", "--password", "sandi12345"],
        ["user", "passwd", "kasi", "--password", "sandi12345"],
        ["user", "disable", "kasi"],
        ["user", "enable", "kasi"],
        ["user", "unlock", "kasi"],
    ],
)
def test_account_commands_refuse_other_os_users(office, as_nobody, capsys, args):
    before = last_entry().id
    assert cli.main(["--home", str(office.home), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("warkat: Perintah ini hanya boleh dijalankan sebagai root")
    assert len(err.strip().splitlines()) == 1
    assert last_entry().id == before and user("kasi").active


def test_listing_needs_no_authority(office, as_nobody, capsys):
    assert cli.main(["--home", str(office.home), "user", "list"]) == 0
    assert "sysadmin" in capsys.readouterr().out


def warkat(home, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_cli_changes_are_audited_with_the_os_user(tmp_path):
    home = tmp_path / "kantor"
    assert warkat(home, "init", "--demo").returncode == 0
    out = warkat(home, "user", "disable", "operator", env={"SUDO_USER": "teguh"})
    assert out.returncode == 0 and out.stdout == "Pengguna operator dinonaktifkan.\n"
    assert "operator     nonaktif" in warkat(home, "user", "list").stdout
    assert (
        warkat(home, "user", "enable", "operator").stdout
        == "Pengguna operator diaktifkan kembali.\n"
    )
    assert (
        warkat(home, "user", "unlock", "operator").stdout == "Pengguna operator dibuka kuncinya.\n"
    )
    con = sqlite3.connect(home / "warkat.db")
    rows = con.execute(
        "SELECT actor, action, detail FROM audit_entry ORDER BY id DESC LIMIT 3"
    ).fetchall()
    assert [(a, b) for a, b, _ in rows] == [
        ("cli:root", "buka_kunci_pengguna"),
        ("cli:root", "aktifkan_pengguna"),
        ("cli:root", "nonaktifkan_pengguna"),
    ]
    assert json.loads(rows[2][2]) == {
        "os_user": "root",
        "sudo_user": "teguh",
        "username": "operator",
    }


def test_cli_unlock_lets_a_locked_user_in_again(office, capsys):
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(auth.LoginFailed):
            auth.login("admin", "salah")
    assert auth.accounts()[0].state == "terkunci s.d. 09:45"
    assert cli.main(["--home", str(office.home), "user", "unlock", "admin"]) == 0
    assert auth.login("admin", "warkat123").username == "admin"


def test_a_sysadmin_manages_accounts_and_is_the_audited_actor(office):
    admin = user("sysadmin")
    auth.add_user("budi", "Budi", "sandi12345", ["operator"], unit_code="KIP", by=admin)
    assert (last_entry().actor, last_entry().action) == ("sysadmin", "tambah_pengguna")
    auth.disable("budi", by=admin)
    assert not user("budi").active
    auth.enable("budi", by=admin)
    auth.set_password("budi", "sandi-baru-1", by=admin)
    auth.unlock("budi", by=admin)
    assert [e.action for e in AuditEntry.select().where(AuditEntry.actor == "sysadmin")][-4:] == [
        "nonaktifkan_pengguna",
        "aktifkan_pengguna",
        "reset_sandi",
        "buka_kunci_pengguna",
    ]
    assert auth.login("budi", "sandi-baru-1").active
    with pytest.raises(Invalid, match="Akun sendiri tidak dapat dinonaktifkan"):
        auth.disable("sysadmin", by=admin)


@pytest.mark.parametrize(
    "change",
    [
        lambda by: auth.add_user("budi", "Budi", "sandi12345", ["operator"], by=by),
        lambda by: auth.set_password("operator", "sandi12345", by=by),
        lambda by: auth.disable("operator", by=by),
        lambda by: auth.enable("operator", by=by),
        lambda by: auth.unlock("operator", by=by),
    ],
)
def test_only_an_active_sysadmin_may(office, change):
    with pytest.raises(NotAllowed, match="Hanya admin sistem"):
        change(user("kasi"))
    stale = user("sysadmin")
    auth.disable("sysadmin", by=Operator("cli:root"))
    with pytest.raises(NotAllowed, match="Hanya admin sistem"):
        change(stale)  # the session's copy still says active
