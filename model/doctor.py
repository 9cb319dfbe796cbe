"""`warkat doctor`, the checks that need only the home and its database: configuration,
database and schema, file modes, disk space, the last backup. Each gives one Check."""

from __future__ import annotations

import re
import shutil
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import peewee

from model import config as config_mod
from model import migrations
from model.auth import os_user_name
from model.backup import backup_dir, database_file
from model.config import Config
from model.db import DatabaseProblem, db, explain, is_postgres, open_database
from model.errors import WarkatError

OK, WARN, FAIL = "OK", "PERINGATAN", "GAGAL"
MIN_FREE_BYTES = 1 << 30
MIN_FREE_SHARE = 0.05
BACKUP_MAX_DAYS = 2
SHOWN = 3  # paths named in one line; the rest are counted
ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # OK, WARN or FAIL
    found: str
    fix: str = ""  # what to do, for WARN and FAIL


def configuration(home: Path, given: str | None = None) -> tuple[Check, Config | None]:
    """warkat.toml (`given`, else where it is looked for) loads and its values make sense;
    the Config, or None when it cannot load."""
    name = "Konfigurasi"
    path = config_mod.locate(home, given)
    if not home.is_dir():
        return Check(
            name, FAIL, f"folder data {home} tidak ada", f"Buat dengan: warkat --home {home} init"
        ), None
    try:
        cfg = config_mod.load(home, path)
    except WarkatError as exc:
        return Check(name, FAIL, str(exc), f"Perbaiki {path}."), None
    problems = list(_config_problems(cfg))
    if problems:
        return Check(name, FAIL, "; ".join(problems), f"Perbaiki nilai itu di {path}."), cfg
    shown = f"{path} terbaca" if cfg.path else f"{path} tidak ada: nilai bawaan"
    return Check(name, OK, f"{shown}, nilainya wajar"), cfg


def _config_problems(cfg: Config) -> Iterator[str]:
    """What the schema cannot see key by key: settings that need one another."""
    fax, mail, printer = cfg.fax, cfg.mail, cfg.printer
    if not fax.all_devices[0]:
        yield "[fax] device kosong (simulator, manual atau port serial)"
    if mail.inbox == "imap" and not (mail.imap_host and mail.imap_user):
        yield "[mail] imap_host dan imap_user wajib diisi untuk inbox imap"
    if mail.transport == "smtp" and not mail.smtp_host:
        yield "[mail] smtp_host wajib diisi untuk transport smtp"
    if not ADDRESS.match(cfg.office.email):
        yield f"[office] email {cfg.office.email!r} bukan alamat email"
    if printer.kind == "cups" and not printer.queue:
        yield "[printer] queue wajib diisi untuk printer cups"
    if printer.kind == "raw" and not printer.device:
        yield "[printer] device wajib diisi untuk printer raw"


def database(cfg: Config) -> Check:
    """The database opens (without migrating) and SQLite's integrity_check says ok."""
    name = "Basis data"
    path = database_file(cfg)
    if path is not None and not path.exists():
        return Check(
            name,
            FAIL,
            f"{path} tidak ada",
            f"Buat dengan: warkat --home {cfg.home} init, atau pulihkan dari cadangan.",
        )
    try:
        open_database(cfg.db_url)
        if is_postgres():
            return Check(name, OK, "PostgreSQL terhubung")
        rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    except DatabaseProblem as exc:
        return Check(name, FAIL, str(exc), "Hentikan daemon dan pulihkan dari cadangan terakhir.")
    except peewee.DatabaseError as exc:
        return Check(
            name, FAIL, explain(exc), "Hentikan daemon dan pulihkan dari cadangan terakhir."
        )
    if rows != ["ok"]:
        return Check(
            name,
            FAIL,
            f"integrity_check: {'; '.join(rows[:SHOWN])}",
            "Hentikan daemon dan pulihkan dari cadangan terakhir.",
        )
    return Check(name, OK, f"{path} terbuka, integrity_check ok")


def schema() -> Check:
    """The schema version against the program's; pending migrations named."""
    name = "Skema basis data"
    have, latest = migrations.current_version(), migrations.LATEST
    if have > latest:
        return Check(
            name,
            FAIL,
            f"versi {have}, lebih baru dari program ini (versi {latest})",
            "Perbarui Warkat ke versi yang membuat basis data ini.",
        )
    if have < latest:
        pending = ", ".join(str(v) for v, _ in migrations.MIGRATIONS if v > have)
        return Check(
            name,
            WARN,
            f"versi {have} dari {latest}; migrasi tertunda: {pending}",
            "Buka Warkat sekali (mis. warkat user list): migrasi diterapkan otomatis "
            "sesudah cadangan otomatis.",
        )
    return Check(name, OK, f"versi {have} (terbaru), tidak ada migrasi tertunda")


def folder_mode(home: Path) -> Check:
    name = "Izin folder data"
    mode = stat.S_IMODE(home.stat().st_mode)
    if mode & 0o077:
        return Check(
            name, FAIL, f"{home} dapat dibuka grup/orang lain ({mode:04o})", f"chmod 700 {home}"
        )
    return Check(name, OK, f"{home} {mode:04o}")


def config_mode(path: Path) -> Check:
    """warkat.toml holds the mailbox passwords: 0640 or stricter."""
    name = "Izin konfigurasi"
    if not path.exists():
        return Check(name, OK, f"{path} tidak ada (nilai bawaan)")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & ~0o640:
        return Check(
            name,
            FAIL,
            f"{path} {mode:04o}: kata sandi email di dalamnya terbuka",
            f"chmod 640 {path}",
        )
    return Check(name, OK, f"{path} {mode:04o}")


def data_files(cfg: Config) -> Check:
    """The database (and its -wal/-shm), backups and out/ are the service's alone: nothing in
    them readable by group or others, nothing owned by another user than the home's owner."""
    name = "Izin berkas data"
    owner = cfg.home.stat().st_uid
    db_file = database_file(cfg)
    loose: list[Path] = []
    foreign: list[Path] = []
    fixes = []
    groups = [
        ([Path(f"{db_file}{s}") for s in ("", "-wal", "-shm")] if db_file else [], False),
        (_tree(cfg.out_dir), True),
        (_tree(backup_dir(cfg)), True),
    ]
    for paths, recursive in groups:
        bad = [p for p in paths if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o044]
        foreign += [p for p in paths if p.exists() and p.stat().st_uid != owner]
        loose += bad
        if bad:
            fixes.append(
                f"chmod -R go-rwx {paths[0]}"
                if recursive
                else "chmod 600 " + " ".join(str(p) for p in bad)
            )
    if foreign:
        fixes.append(f"chown -R {os_user_name(owner)} " + " ".join(str(p) for p in foreign[:SHOWN]))
    problems = []
    if loose:
        problems.append(f"dapat dibaca grup/orang lain: {_few(loose)}")
    if foreign:
        problems.append(f"bukan milik {os_user_name(owner)} (pemilik folder data): {_few(foreign)}")
    if problems:
        return Check(name, FAIL, "; ".join(problems), "; ".join(fixes))
    return Check(name, OK, "basis data, cadangan dan out/ hanya untuk pemiliknya")


def _tree(root: Path) -> list[Path]:
    """`root` and everything under it (empty when it does not exist)."""
    return [root, *sorted(root.rglob("*"))] if root.exists() else []


def _few(paths: list[Path]) -> str:
    shown = ", ".join(str(p) for p in paths[:SHOWN])
    return shown + (f" dan {len(paths) - SHOWN} lainnya" if len(paths) > SHOWN else "")


def disk(home: Path) -> Check:
    name = "Ruang disk"
    usage = shutil.disk_usage(home)
    share = usage.free / usage.total if usage.total else 0
    gb = f"{usage.free / (1 << 30):.1f}".replace(".", ",")
    found = f"sisa {gb} GB ({share:.0%}) di sistem berkas {home}"
    if usage.free < MIN_FREE_BYTES or share < MIN_FREE_SHARE:
        return Check(
            name,
            WARN,
            found,
            "Kosongkan ruang: pindahkan PDF lama dari out/ dan cadangan lama ke media lain.",
        )
    return Check(name, OK, found)


def last_backup(cfg: Config) -> Check:
    """The newest `warkat-*.db` in the backup folder: there, and at most two days old."""
    name = "Cadangan terakhir"
    folder = backup_dir(cfg)
    files = sorted(folder.glob("warkat-*.db"), key=lambda p: p.stat().st_mtime)
    fix = (
        "Buat cadangan: warkat backup --auto; jadwalkan tiap hari: systemctl enable --now "
        "warkat-backup.timer."
    )
    if not files:
        return Check(name, WARN, f"belum ada cadangan warkat-*.db di {folder}", fix)
    newest = files[-1]
    hours = (time.time() - newest.stat().st_mtime) / 3600
    age = (
        f"{hours / 24:.1f}".replace(".", ",") + " hari"
        if hours >= 24
        else f"{max(hours, 0):.0f} jam"
    )
    found = f"{newest.name}, {age} lalu"
    if hours > BACKUP_MAX_DAYS * 24:
        return Check(name, WARN, found, fix)
    return Check(name, OK, found)


def holiday_list(today: date | None = None) -> Check:
    """The national holiday list covers this year and the next, from its decree."""
    from model.calendar import calendar

    name = "Kalender kerja"
    year = (today or date.today()).year
    years = {y.year: y for y in calendar().years}
    missing = [str(y) for y in (year, year + 1) if y not in years]
    estimated = [str(y) for y in (year, year + 1) if y in years and years[y].estimated]
    fix = (
        "Perbarui model/data/holidays.toml dengan daftar SKB libur nasional dan cuti bersama "
        "(atau tambahkan hari tutup di layar Kalender kerja)."
    )
    if missing:
        return Check(name, WARN, f"tidak ada daftar libur nasional {', '.join(missing)}", fix)
    if estimated:
        return Check(name, WARN, f"daftar libur {', '.join(estimated)} masih perkiraan", fix)
    return Check(name, OK, f"libur nasional {year} dan {year + 1} dari SKB")
