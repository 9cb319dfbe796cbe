"""`warkat doctor`: one line per check, what to fix, exit 1 on any GAGAL — on a fresh home,
with broken items, and against the real IMAP/SMTP test servers and the modem simulator."""

import os
import subprocess
import sys
import time
from collections import namedtuple

import pytest

from hw.modemsim import simulated_modem
from model import doctor, migrations
from model.doctor import FAIL, OK, WARN
from tests.dovecot import dovecot_server_fixture  # noqa: F401  (fixture dovecot_server)
from tests.smtpsink import smtp_sink_fixture  # noqa: F401  (fixture smtp_sink)
from tui.doctor import all_checks, run_doctor


def configure(home, text: str = "") -> None:
    """warkat.toml with only these settings over the defaults; modem locks in the home."""
    (home / "warkat.toml").write_text(f'[fax]\nlock_dir = "{home}"\n{text}', encoding="utf-8")


def healthy(home) -> None:
    """What the install leaves: private modes, the inbox maildir, a fresh backup."""
    for sub in ("cur", "new", "tmp"):
        (home / "inbox" / sub).mkdir(parents=True, exist_ok=True)
    (home / "cadangan").mkdir()
    (home / "cadangan" / "warkat-20261125.db").write_bytes(b"")
    subprocess.run(["chmod", "-R", "go-rwx", str(home)], check=True)
    os.chmod(home / "warkat.toml", 0o640)


def checks(home) -> dict:
    return {c.name: c for c in all_checks(home)}


@pytest.fixture
def fresh(home):
    configure(home.home)
    healthy(home.home)
    return home.home


def test_a_healthy_home_passes(fresh, capsys):
    found = checks(fresh)
    dated = {"Kalender kerja"}  # warns by today's date (tests/test_model_calendar.py)
    warned = {n: c.status for n, c in found.items() if c.status != OK and n not in dated}
    assert warned in ({}, {"Ruang disk": WARN})
    assert list(found) == [
        "Konfigurasi",
        "Izin folder data",
        "Izin konfigurasi",
        "Basis data",
        "Skema basis data",
        "Izin berkas data",
        "Ruang disk",
        "Cadangan terakhir",
        "Kalender kerja",
        "Modem faks simulator",
        "Printer (pdf)",
        "Email masuk (maildir)",
        "Email keluar (outbox)",
    ]
    assert run_doctor(fresh) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Pemeriksaan Warkat: {fresh}\nOK         Konfigurasi: ")
    assert f"OK         Skema basis data: versi {migrations.LATEST} (terbaru)" in out
    assert out.rstrip().splitlines()[-1].endswith("0 GAGAL.")


def test_broken_items_say_what_to_fix(fresh, capsys):
    configure(
        fresh, 'device = "/dev/ttyWARKAT9"\n[printer]\nkind = "raw"\ndevice = "/dev/lp-tidak-ada"\n'
    )
    (fresh / "warkat.db").chmod(0o644)
    (fresh / "warkat.toml").chmod(0o644)
    (fresh / "out" / "surat.pdf").write_bytes(b"%PDF")
    (fresh / "out" / "surat.pdf").chmod(0o644)
    found = checks(fresh)
    files = found["Izin berkas data"]
    assert files.status == FAIL
    assert files.found == (
        f"dapat dibaca grup/orang lain: {fresh}/warkat.db, {fresh}/out/surat.pdf"
    )
    assert files.fix == f"chmod 600 {fresh}/warkat.db; chmod -R go-rwx {fresh}/out"
    assert found["Izin konfigurasi"].fix == f"chmod 640 {fresh}/warkat.toml"
    modem = found["Modem faks /dev/ttyWARKAT9"]
    assert (modem.status, modem.found) == (FAIL, "port /dev/ttyWARKAT9 tidak ada")
    assert "Periksa kabel USB dan daya modem" in modem.fix
    assert found["Printer (raw)"].found == "perangkat /dev/lp-tidak-ada tidak ada"
    assert run_doctor(fresh) == 1
    out = capsys.readouterr().out
    assert f"GAGAL      Izin konfigurasi: {fresh}/warkat.toml 0644" in out
    assert f"           → chmod 640 {fresh}/warkat.toml" in out


def test_a_world_readable_home_and_a_foreign_owned_file(fresh):
    fresh.chmod(0o755)
    (fresh / "out" / "cetak.pdf").touch(mode=0o600)
    os.chown(fresh / "out" / "cetak.pdf", 65534, -1)
    found = checks(fresh)
    assert (found["Izin folder data"].status, found["Izin folder data"].fix) == (
        FAIL,
        f"chmod 700 {fresh}",
    )
    files = found["Izin berkas data"]
    assert files.found == f"bukan milik root (pemilik folder data): {fresh}/out/cetak.pdf"
    assert files.fix == f"chown -R root {fresh}/out/cetak.pdf"


def test_the_last_backup_must_be_recent(fresh):
    old = fresh / "cadangan" / "warkat-20261120.db"
    (fresh / "cadangan" / "warkat-20261125.db").unlink()
    assert checks(fresh)["Cadangan terakhir"].status == WARN
    old.write_bytes(b"")
    stamp = time.time() - 3 * 86400
    os.utime(old, (stamp, stamp))
    last = checks(fresh)["Cadangan terakhir"]
    assert (last.status, last.found) == (WARN, "warkat-20261120.db, 3,0 hari lalu")
    assert "warkat backup" in last.fix
    elsewhere = fresh / "arsip"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / "warkat-20261125.db").write_bytes(b"")
    configure(fresh, f'[backup]\ndir = "{elsewhere}"\n')
    assert checks(fresh)["Cadangan terakhir"].found == "warkat-20261125.db, 0 jam lalu"


def test_schema_newer_than_the_program_or_migrations_pending(fresh):
    migrations.SchemaVersion.create(version=migrations.LATEST + 1)
    newer = checks(fresh)["Skema basis data"]
    assert newer.status == FAIL and "lebih baru dari program ini" in newer.found
    migrations.SchemaVersion.delete().where(
        migrations.SchemaVersion.version >= migrations.LATEST
    ).execute()
    pending = checks(fresh)["Skema basis data"]
    assert pending.status == WARN
    assert pending.found == (
        f"versi {migrations.LATEST - 1} dari {migrations.LATEST}; "
        f"migrasi tertunda: {migrations.LATEST}"
    )


def test_a_broken_config_a_bad_value_a_corrupt_database(fresh, tmp_path):
    (fresh / "warkat.toml").write_text("[office\nname = ", encoding="utf-8")
    found = checks(fresh)
    assert found["Konfigurasi"].status == FAIL and "tidak sah" in found["Konfigurasi"].found
    assert "Basis data" not in found and "Izin folder data" in found
    configure(fresh, '[printer]\nkind = "laser"\n[mail]\ninbox = "pop3"\n')
    assert checks(fresh)["Konfigurasi"].found == (
        f'{fresh}/warkat.toml: [printer] kind = "laser" tidak dikenal; pilihan: pdf, cups, raw. '
        '[mail] inbox = "pop3" tidak dikenal; pilihan: maildir, imap.'
    )
    configure(fresh)
    (fresh / "warkat.db").write_bytes(b"ini bukan basis data" * 100)
    for leftover in ("warkat.db-wal", "warkat.db-shm"):
        (fresh / leftover).unlink(missing_ok=True)
    broken = checks(fresh)["Basis data"]
    assert broken.status == FAIL and "rusak" in broken.found
    [missing] = all_checks(tmp_path / "tidak-ada")
    assert missing.status == FAIL and "warkat --home" in missing.fix


def test_little_disk_space_is_a_warning(fresh, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda _: usage(100 << 30, 97 << 30, 3 << 30))
    disk = checks(fresh)["Ruang disk"]
    assert (disk.status, disk.found) == (WARN, f"sisa 3,0 GB (3%) di sistem berkas {fresh}")


def test_a_modem_that_answers_and_one_that_does_not(fresh):
    with simulated_modem("ok", speedup=500) as ok, simulated_modem("silent", speedup=500) as mute:
        configure(fresh, f'devices = ["{ok.path}", "{mute.path}", "manual"]\n')
        found = checks(fresh)
    answering = found[f"Modem faks {ok.path}"]
    assert answering.status == OK and answering.found.startswith("menjawab: ")
    assert "kelas faks" in answering.found
    assert found[f"Modem faks {mute.path}"].status == FAIL
    assert found["Modem faks manual"].found.startswith("mesin faks mandiri (manual)")


def test_imap_login_against_dovecot(fresh, dovecot_server):
    settings = (
        f'inbox = "imap"\nimap_host = "{dovecot_server.host}"\n'
        f'imap_port = {dovecot_server.ssl_port}\nimap_security = "ssl"\n'
        f'imap_user = "{dovecot_server.user}"\ncafile = "{dovecot_server.cafile}"\n'
    )
    configure(fresh, f'[mail]\n{settings}imap_password = "{dovecot_server.password}"\n')
    name = f"Email masuk (IMAP {dovecot_server.host}:{dovecot_server.ssl_port})"
    good = checks(fresh)[name]
    assert good.status == OK and good.found.endswith("folder INBOX terbuka")
    configure(fresh, f'[mail]\n{settings}imap_password = "salah"\n')
    bad = checks(fresh)[name]
    assert bad.status == FAIL and "ditolak" in bad.found and "imap_password" in bad.fix


def test_smtp_connection_against_the_sink(fresh, smtp_sink):
    settings = f'transport = "smtp"\nsmtp_host = "{smtp_sink.host}"\nsmtp_security = "plain"\n'
    configure(fresh, f"[mail]\n{settings}smtp_port = {smtp_sink.port}\n")
    name = f"Email keluar (SMTP {smtp_sink.host}:{smtp_sink.port})"
    assert checks(fresh)[name] == doctor.Check(name, OK, "terhubung")
    configure(fresh, f"[mail]\n{settings}smtp_port = 1\n")
    closed = checks(fresh)[f"Email keluar (SMTP {smtp_sink.host}:1)"]
    assert closed.status == FAIL and closed.found.startswith("tidak dapat dihubungi")
    configure(
        fresh,
        '[mail]\ntransport = "smtp"\nsmtp_host = "smtp.example.com"\nsmtp_security = "plain"\n',
    )
    plain = checks(fresh)["Email keluar (SMTP smtp.example.com:587)"]
    assert plain.status == FAIL and "hanya untuk localhost" in plain.found


def test_the_command(fresh):
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(fresh), "doctor"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stdout
    assert "Ringkasan: " in out.stdout
    (fresh / "warkat.db").chmod(0o644)
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(fresh), "doctor"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1 and "GAGAL      Izin berkas data" in out.stdout
