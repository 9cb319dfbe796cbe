"""`warkat backup` and `warkat restore`: verified copies, retention, a round trip, refusals."""

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from model import backup, base, heartbeat, migrations
from model.db import DatabaseProblem, db
from model.errors import Invalid
from model.org import Contact
from tests import config_helpers

FIXTURE = Path(__file__).parent / "fixtures" / "warkat-v3.db"


def contacts() -> list[str]:
    return [c.name for c in Contact.select().order_by(Contact.id)]


def add_contact(name: str) -> None:
    from model.db import write

    with write():
        Contact.create(name=name)


def configure(cfg, text: str):
    """This test's home with `[backup]` values (TOML lines) in its warkat.toml."""
    return config_helpers.configure(cfg, backup=tomllib.loads(text))


def test_backup_file_is_verified_and_private(staff, tmp_path):
    copy = backup.backup(staff, tmp_path / "salinan.db")
    assert copy.path == tmp_path / "salinan.db" and copy.version == migrations.LATEST
    assert copy.audit_entries > 0
    assert stat.S_IMODE(copy.path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "salinan.db"]  # no temp
    with sqlite3.connect(copy.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    with pytest.raises(DatabaseProblem, match="basis data itu sendiri"):
        backup.backup(staff, Path(staff.db_url))


def test_round_trip_backup_change_restore(staff, tmp_path):
    before = contacts()
    copy = backup.backup(staff, tmp_path / "salinan.db")
    add_contact("Kontak setelah cadangan")
    done = backup.restore(staff, copy.path)
    assert contacts() == before
    assert done.migrated == [] and done.source.version == migrations.LATEST
    assert done.previous.parent == staff.home / "cadangan"
    assert done.previous.name.startswith("sebelum-pulih-")
    with sqlite3.connect(done.previous) as con:  # the replaced database, kept
        assert ("Kontak setelah cadangan",) in con.execute("SELECT name FROM contact")
    assert stat.S_IMODE(Path(staff.db_url).stat().st_mode) == 0o600


def test_restore_does_not_replay_a_stale_wal(staff, tmp_path):
    copy = backup.backup(staff, tmp_path / "salinan.db")
    db.obj.close()
    other = sqlite3.connect(staff.db_url)  # a session still open, its WAL not checkpointed
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute(
        "INSERT INTO contact (name, organisation, fax, email) VALUES ('Hantu WAL', '', '', '')"
    )
    other.commit()
    try:
        assert Path(f"{staff.db_url}-wal").stat().st_size > 0
        backup.restore(staff, copy.path)
    finally:
        other.close()
    assert "Hantu WAL" not in contacts()
    assert backup.verify(Path(staff.db_url)).version == migrations.LATEST


def test_restore_of_an_older_backup_migrates_it(home):
    done = backup.restore(home, FIXTURE)
    assert done.source.version == 3 and done.migrated == list(range(4, migrations.LATEST + 1))
    assert migrations.current_version() == migrations.LATEST
    assert Contact.select().count() == 5


def test_auto_keeps_the_newest_copies(home):
    home = configure(home, "keep = 3")
    other = home.home / "cadangan" / "sebelum-migrasi-v3-ke-v5-20261101-080000.db"
    other.parent.mkdir()
    other.write_bytes(b"")
    start = datetime(2026, 11, 20, 2, 0, 0)
    for day in range(5):
        base.freeze(start + timedelta(days=day))
        copy, removed = backup.auto(home)
    base.freeze(None)
    assert copy.path.name == "warkat-20261124-020000.db"
    assert [p.name for p in removed] == ["warkat-20261121-020000.db"]
    assert sorted(p.name for p in other.parent.iterdir()) == [
        other.name,
        "warkat-20261122-020000.db",
        "warkat-20261123-020000.db",
        "warkat-20261124-020000.db",
    ]


def test_auto_deletes_nothing_when_the_new_copy_fails(home, monkeypatch):
    home = configure(home, 'dir = "arsip-db"\nkeep = 1')
    first, _ = backup.auto(home)
    assert first.path.parent == home.home / "arsip-db"

    def broken(path, shown=None):
        raise DatabaseProblem(f"Berkas {shown} rusak: uji")

    monkeypatch.setattr(backup, "verify", broken)
    base.freeze(datetime.now() + timedelta(hours=1))
    try:
        with pytest.raises(DatabaseProblem, match="rusak"):
            backup.auto(home)
    finally:
        base.freeze(None)
    assert list(first.path.parent.iterdir()) == [first.path]


def test_keep_must_be_a_positive_number(home):
    with pytest.raises(
        Invalid, match=r"\[backup\] keep = 0 tidak sah; harus bilangan bulat 1–3650"
    ):
        configure(home, "keep = 0")


@pytest.mark.parametrize("damage", ["garbage", "pages"])
def test_a_corrupt_backup_is_refused_and_nothing_changes(staff, tmp_path, damage):
    bad = tmp_path / "rusak.db"
    if damage == "garbage":
        bad.write_bytes(b"ini bukan basis data" * 500)
    else:
        backup.backup(staff, bad)
        data = bytearray(bad.read_bytes())
        data[8192:16384] = b"\xff" * 8192
        bad.write_bytes(bytes(data))
    before = contacts()
    with pytest.raises(DatabaseProblem, match=f"Berkas {re.escape(str(bad))} rusak"):
        backup.restore(staff, bad)
    db.obj.connect(reuse_if_open=True)
    assert contacts() == before
    assert not (staff.home / "cadangan").exists()
    assert sorted(p.name for p in staff.home.glob(".warkat.db*")) == []


def test_a_newer_backup_is_refused(staff, tmp_path):
    copy = backup.backup(staff, tmp_path / "baru.db")
    with sqlite3.connect(copy.path) as con:
        con.execute("INSERT INTO schema_version VALUES (?, '2030-01-01')", (migrations.LATEST + 1,))
    with pytest.raises(DatabaseProblem, match="lebih baru dari program ini"):
        backup.restore(staff, copy.path)


def test_restore_is_refused_while_a_daemon_is_alive(staff, tmp_path):
    copy = backup.backup(staff, tmp_path / "salinan.db")
    add_contact("Tetap ada")
    started = base.now()
    heartbeat.beat(heartbeat.instance_name(started), started)
    with pytest.raises(DatabaseProblem, match=f"Daemon masih berjalan \\(daemon pid {os.getpid()}"):
        backup.restore(staff, copy.path)
    db.obj.connect(reuse_if_open=True)
    assert "Tetap ada" in contacts()
    heartbeat.beat(heartbeat.instance_name(started), started, heartbeat.STOPPED)
    backup.restore(staff, copy.path)  # stopped: allowed
    assert "Tetap ada" not in contacts()


def warkat(home, *args):
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_backup_auto_and_restore(tmp_path):
    home = tmp_path / "kantor"
    assert warkat(home, "init").returncode == 0
    auto = warkat(home, "backup", "--auto")
    assert auto.returncode == 0, auto.stderr
    (made,) = (home / "cadangan").glob("warkat-*.db")
    assert f"Cadangan ditulis ke {made} dan diperiksa (skema versi" in auto.stdout
    shutil.copyfile(FIXTURE, tmp_path / "lama.db")
    done = warkat(home, "restore", str(tmp_path / "lama.db"))
    assert done.returncode == 0, done.stderr
    applied = ", ".join(str(v) for v in range(4, migrations.LATEST + 1))
    assert "skema versi 3" in done.stdout and f"Migrasi diterapkan: versi {applied}." in done.stdout
    (tmp_path / "rusak.db").write_bytes(b"x" * 5000)
    for args in (
        ("restore", str(tmp_path / "rusak.db")),
        ("backup",),
        ("backup", "x.db", "--auto"),
    ):
        out = warkat(home, *args)
        assert out.returncode == 1 and out.stderr.startswith("warkat: "), args
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
