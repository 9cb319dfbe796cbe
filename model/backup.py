"""Backups of the SQLite database: online copies (consistent while others keep writing), each
verified before it counts; dated copies with retention, the copy taken before a migration, and
restore. Every copy is readable by its owner only."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

import peewee

from model import config as config_mod
from model import heartbeat, migrations
from model.audit import AuditEntry
from model.base import now
from model.config import Config
from model.config_schema import default
from model.db import DatabaseProblem, db, is_postgres, open_database, private_dir, private_file

log = logging.getLogger("warkat.backup")

DEFAULT_DIR = default("backup", "dir")
DATED = re.compile(r"warkat-\d{8}-\d{6}\.db")  # what `backup --auto` writes and rotates
LEFTOVERS = ("-wal", "-shm", "-journal")  # SQLite files that belong to one database file


@dataclass(frozen=True)
class Checked:
    """A database file that passed `verify`."""

    path: Path
    version: int
    audit_entries: int

    def line(self) -> str:
        return f"skema versi {self.version}, {self.audit_entries} entri audit"


@dataclass(frozen=True)
class Restored:
    source: Checked
    previous: Path | None  # the copy of the database that was replaced
    migrated: list[int]


def backup_dir(cfg: Config) -> Path:
    """`[backup] dir` (relative to the home), by default HOME/cadangan."""
    folder = Path(cfg.backup.dir or DEFAULT_DIR).expanduser()
    return folder if folder.is_absolute() else cfg.home / folder


def database_file(cfg: Config) -> Path | None:
    """The SQLite database file of `cfg` (None for PostgreSQL)."""
    if cfg.db_url.startswith(("postgres://", "postgresql://")):
        return None
    return Path(cfg.db_url.removeprefix("sqlite:///"))


def verify(path: Path, shown: Path | None = None) -> Checked:
    """PRAGMA integrity_check on `path`, then a read through the model: its schema version and
    the size of its audit trail. Raises DatabaseProblem naming `shown` (else `path`)."""
    shown = shown or path
    if not path.is_file():
        raise DatabaseProblem(f"Berkas cadangan tidak ada: {shown}")
    copy = peewee.SqliteDatabase(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        found = [row[0] for row in copy.execute_sql("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            raise DatabaseProblem(f"Berkas {shown} rusak: {found[0]}")
        if not copy.table_exists(migrations.SchemaVersion._meta.table_name):
            raise DatabaseProblem(f"{shown} bukan basis data Warkat (tidak ada versi skema).")
        version = (
            migrations.SchemaVersion.select(peewee.fn.MAX(migrations.SchemaVersion.version)).scalar(
                copy
            )
            or 0
        )
        entries = AuditEntry.select(peewee.fn.COUNT(AuditEntry.id)).scalar(copy)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise DatabaseProblem(f"Berkas {shown} rusak atau bukan basis data Warkat: {exc}") from exc
    finally:
        copy.close()
    return Checked(path, version, entries)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy(source: Path, target: Path) -> Checked:
    """Online copy of database `source` to `target`: written beside it (0600, rollback
    journal), verified, then moved into place."""
    if not source.is_file():
        raise DatabaseProblem(f"Berkas basis data tidak ada: {source}")
    if not target.parent.is_dir():
        raise DatabaseProblem(f"Folder tujuan cadangan tidak ada: {target.parent}")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        private_file(tmp)
        src = sqlite3.connect(source)
        try:
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            src.close()
        checked = verify(tmp, source)
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target.parent)
    except sqlite3.Error as exc:
        broken = any(w in str(exc) for w in ("not a database", "malformed"))
        raise DatabaseProblem(
            f"Berkas {source} {'rusak' if broken else 'tidak dapat disalin'}: {exc}"
        ) from exc
    except OSError as exc:
        raise DatabaseProblem(f"Salinan ke {target} gagal: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return replace(checked, path=target)


def _sqlite_only(cfg: Config) -> Path:
    path = database_file(cfg)
    if path is None:
        raise DatabaseProblem(
            "Basis data PostgreSQL: gunakan pg_dump untuk cadangan dan pg_restore untuk memulihkan."
        )
    return path


def backup(cfg: Config, target: Path) -> Checked:
    """`warkat backup FILE`: copy the live database to `target`, verified."""
    source = _sqlite_only(cfg)
    if target.resolve() == source.resolve():
        raise DatabaseProblem(f"{target} adalah basis data itu sendiri: pilih berkas lain.")
    return _copy(source, target)


def auto(cfg: Config) -> tuple[Checked, list[Path]]:
    """`warkat backup --auto`: a dated copy in the backup folder; once it verified, the oldest
    dated copies beyond `[backup] keep` are deleted. Returns the copy and what was deleted."""
    source, keep = _sqlite_only(cfg), cfg.backup.keep
    try:
        folder = private_dir(backup_dir(cfg))
    except OSError as exc:
        raise DatabaseProblem(
            f"Folder cadangan {backup_dir(cfg)} tidak dapat dibuat: {exc.strerror}"
        ) from exc
    checked = _copy(source, folder / f"warkat-{now():%Y%m%d-%H%M%S}.db")
    dated = sorted(p for p in folder.iterdir() if DATED.fullmatch(p.name))
    removed = dated[:-keep]
    for path in removed:
        path.unlink()
    return checked, removed


def _folder_for(source: Path) -> Path:
    """The backup folder of the open home when `source` is its database, else beside it."""
    try:
        cfg = config_mod.current()
    except RuntimeError:
        cfg = None
    own = database_file(cfg) if cfg else None
    if own is not None and own.resolve() == source.resolve():
        return backup_dir(cfg)
    return source.parent / DEFAULT_DIR


def upgrade() -> list[int]:
    """Migrate the open database to this program's version, a verified copy taken first."""
    return migrations.migrate(before=before_migration)


def before_migration(old: int, new: int) -> Path | None:
    """The verified copy of the open database taken before migrating it from `old` to `new`
    (SQLite); PostgreSQL is left to the administrator's pg_dump."""
    if is_postgres():
        log.warning(
            "Basis data PostgreSQL dimigrasi dari versi %d ke %d tanpa cadangan dari "
            "Warkat: pg_dump sebelum memperbarui adalah tugas admin.",
            old,
            new,
        )
        return None
    source = Path(db.obj.database)
    try:
        folder = private_dir(_folder_for(source))
        copy = _copy(source, folder / f"sebelum-migrasi-v{old}-ke-v{new}-{now():%Y%m%d-%H%M%S}.db")
    except (DatabaseProblem, OSError) as exc:
        raise DatabaseProblem(
            f"Migrasi dibatalkan, basis data tidak diubah: cadangan sebelum migrasi gagal ({exc})"
        ) from exc
    log.info("Cadangan sebelum migrasi v%d ke v%d: %s", old, new, copy.path)
    return copy.path


def _live_daemons(path: Path) -> list[str]:
    """Daemon instances that beat in database `path` and are alive; none when it is unreadable
    (then nothing can tell, and the copy kept before restoring still holds it)."""
    if not path.exists():
        return []
    try:
        open_database(str(path))
        return [
            heartbeat.holder(row.name)
            for row in heartbeat.Heartbeat.select()
            if heartbeat.alive(row.name)
        ]
    except (DatabaseProblem, peewee.DatabaseError):
        return []
    finally:
        if db.obj is not None and not db.obj.is_closed():
            db.obj.close()


def _keep_previous(cfg: Config, path: Path) -> Path | None:
    """A copy of the database about to be replaced, in the backup folder: a verified online
    copy, or its bytes as they are (with its -wal) when it cannot be read."""
    if not path.exists():
        return None
    folder = private_dir(backup_dir(cfg))
    target = folder / f"sebelum-pulih-{now():%Y%m%d-%H%M%S}.db"
    try:
        return _copy(path, target).path
    except DatabaseProblem:
        for suffix in ("", "-wal"):
            part = Path(f"{path}{suffix}")
            if part.exists():
                copy = Path(f"{target}{suffix}")
                private_file(copy)
                shutil.copyfile(part, copy)
        return target


def restore(cfg: Config, source: Path) -> Restored:
    """`warkat restore FILE`: verify FILE, refuse while a daemon is alive, keep a copy of the
    current database, put FILE in its place atomically (stale -wal/-shm removed), migrate."""
    target = _sqlite_only(cfg)
    if not target.parent.is_dir():
        raise DatabaseProblem(f"Folder basis data tidak ada: {target.parent}")
    staged = target.with_name(f".{target.name}.pulih-{os.getpid()}")
    try:
        checked = _copy(source, staged)
        if checked.version > migrations.LATEST:
            raise DatabaseProblem(
                f"Cadangan {source} berskema versi {checked.version}, lebih "
                f"baru dari program ini (versi {migrations.LATEST})."
            )
        alive = _live_daemons(target)
        if alive:
            raise DatabaseProblem(
                f"Daemon masih berjalan ({', '.join(alive)}): hentikan dulu "
                "(systemctl stop warkat-daemon), lalu ulangi."
            )
        previous = _keep_previous(cfg, target)
        if target.exists():
            stat = target.stat()
            try:
                os.chown(staged, stat.st_uid, stat.st_gid)  # root restores for the service user
            except PermissionError:
                pass
        for suffix in LEFTOVERS:
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staged, target)
        _fsync(target.parent)
    except OSError as exc:
        raise DatabaseProblem(f"Pemulihan gagal: {exc.strerror or exc}") from exc
    finally:
        staged.unlink(missing_ok=True)
    open_database(cfg.db_url)
    return Restored(replace(checked, path=source), previous, upgrade())
