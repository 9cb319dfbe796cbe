"""The command line as an administrator uses it: one-line errors, never a traceback."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from tests.cli_helpers import warkat
from tests.conftest import unavailable


@pytest.fixture
def cli_home(tmp_path):
    home = tmp_path / "kantor"
    assert warkat(home, "init").returncode == 0
    return home


def test_version():
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("warkat ")


def test_init_demo_then_user_admin_round_trip(tmp_path):
    home = tmp_path / "demo"
    assert "Folder data siap" in warkat(home, "init", "--demo").stdout
    add = warkat(
        home,
        "user",
        "add",
        "budi",
        "--name",
        "Budi",
        "--role",
        "operator",
        "--role",
        "pemakai",
        "--unit",
        "KIP",
        stdin="sandi-budi-1\n",
    )
    assert add.returncode == 0, add.stderr
    listing = warkat(home, "user", "list").stdout
    assert "budi" in listing and "[operator, pemakai]" in listing and "kasi" in listing
    assert warkat(home, "user", "passwd", "budi", "--password", "sandi-baru-2").returncode == 0
    assert warkat(home, "user", "disable", "budi").returncode == 0
    assert "budi         nonaktif" in warkat(home, "user", "list").stdout


def test_unknown_role_is_one_line_and_nonzero(cli_home):
    out = warkat(
        cli_home, "user", "add", "x", "--name", "X", "--role", "bos", "--password", "sandi12345"
    )
    assert out.returncode == 1
    assert out.stderr.strip().startswith("warkat: Peran tidak dikenal: 'bos'")
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_missing_home_says_run_init(tmp_path):
    out = warkat(tmp_path / "tidak-ada", "user", "list")
    assert out.returncode == 1
    assert "tidak ada. Jalankan dulu: warkat init" in out.stderr
    assert "Traceback" not in out.stderr


def test_corrupt_database_is_explained(cli_home):
    (cli_home / "warkat.db").write_bytes(b"ini bukan basis data" * 100)
    for leftover in ("warkat.db-wal", "warkat.db-shm"):
        (cli_home / leftover).unlink(missing_ok=True)
    out = warkat(cli_home, "user", "list")
    assert out.returncode == 1 and "rusak" in out.stderr and "Traceback" not in out.stderr


def test_read_only_database_is_explained(cli_home):
    """An immutable database file (even root cannot write it): a sentence, not a trace."""
    db_file = cli_home / "warkat.db"
    subprocess.run(["chattr", "+i", str(db_file)], check=True)
    try:
        out = warkat(
            cli_home,
            "user",
            "add",
            "x",
            "--name",
            "X",
            "--role",
            "operator",
            "--password",
            "sandi12345",
        )
    finally:
        subprocess.run(["chattr", "-i", str(db_file)], check=True)
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert "hanya-baca" in out.stderr or "tidak dapat dibuka" in out.stderr


def test_mail_sync_on_a_locked_database_is_one_sentence(cli_home):
    """Another connection holds the write lock (BEGIN EXCLUSIVE) past the busy timeout."""
    holder = sqlite3.connect(cli_home / "warkat.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = warkat(cli_home, "mail", "sync")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (out.returncode, out.stderr) == (
        1,
        "warkat: Basis data sedang dikunci oleh pengguna lain. Coba lagi sebentar.\n",
    )


@contextmanager
def read_only(path):
    """Make `path` unwritable even for root (the immutable flag); as another user, its mode."""
    root = os.geteuid() == 0
    if not root:
        path.chmod(0o400)
    elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        unavailable("chattr +i (immutable file) is not supported here")
    try:
        yield
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o600)


def test_mail_sync_on_a_read_only_database_is_one_sentence(cli_home):
    with read_only(cli_home / "warkat.db"):
        out = warkat(cli_home, "mail", "sync")
    assert (out.returncode, out.stderr) == (
        1,
        "warkat: Berkas basis data hanya-baca: periksa izin berkas dan foldernya.\n",
    )


def test_broken_config_is_explained(cli_home):
    (cli_home / "warkat.toml").write_text("[office\nname = ", encoding="utf-8")
    out = warkat(cli_home, "user", "list")
    assert out.returncode == 1 and "konfigurasi" in out.stderr and "Traceback" not in out.stderr


def test_audit_verify_finds_tampering(cli_home):
    warkat(
        cli_home,
        "user",
        "add",
        "x",
        "--name",
        "X",
        "--role",
        "operator",
        "--password",
        "sandi12345",
    )
    assert "utuh" in warkat(cli_home, "audit", "verify").stdout
    con = sqlite3.connect(cli_home / "warkat.db")
    con.execute("UPDATE audit_entry SET actor = 'penyusup' WHERE id = 1")
    con.commit()
    con.close()
    out = warkat(cli_home, "audit", "verify")
    assert out.returncode == 1 and "RUSAK pada entri #1" in out.stdout


def test_backup_is_a_usable_copy(cli_home, tmp_path):
    out = warkat(cli_home, "backup", str(tmp_path / "cadangan.db"))
    assert out.returncode == 0, out.stderr
    con = sqlite3.connect(tmp_path / "cadangan.db")
    assert con.execute("SELECT count(*) FROM klasifikasi").fetchone()[0] > 3000
    bad = warkat(cli_home, "backup", str(tmp_path / "nope" / "x.db"))
    assert bad.returncode == 1 and "tidak ada" in bad.stderr


def test_daemon_beats_and_stops_cleanly_on_sigterm(cli_home):
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "--home", str(cli_home), "daemon"])
    con = sqlite3.connect(cli_home / "warkat.db")
    try:
        deadline = time.monotonic() + 20
        row = None
        while time.monotonic() < deadline and row is None:
            time.sleep(0.2)
            row = con.execute(
                "SELECT pid, status, name FROM heartbeat WHERE name LIKE 'spool:%'"
            ).fetchone()
        assert row[:2] == (proc.pid, "berjalan") and f":{proc.pid}:" in row[2]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    assert con.execute("SELECT status FROM heartbeat").fetchone() == ("berhenti",)
