"""Database handle: SQLite (WAL, IMMEDIATE writes) by default, PostgreSQL by URL."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import peewee

from model.errors import Duplicate, Invalid, WarkatError

db = peewee.DatabaseProxy()
DATABASE_ERRORS = (peewee.DatabaseError, sqlite3.DatabaseError)  # locked, read-only, …

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "synchronous": "normal",
}


class DatabaseProblem(WarkatError):
    """The database cannot be opened or used; the message is for the user. A WarkatError,
    but not a refusal of the input: code that rejects an item on a WarkatError lets this
    one pass (the database, not the item, is at fault)."""


def open_database(url: str) -> peewee.Database:
    """Open `url` (a file path, `sqlite:///path` or `postgresql://…`) and bind the models."""
    if url.startswith(("postgres://", "postgresql://")):
        from playhouse.db_url import connect

        database = connect(url)
    else:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.parent.is_dir():
            raise DatabaseProblem(f"Folder basis data tidak ada: {path.parent}")
        try:
            private_file(path)  # its -wal and -shm take the database file's mode
        except OSError as exc:
            raise DatabaseProblem(
                f"Berkas basis data {path} tidak dapat dibuat: {exc.strerror}"
            ) from exc
        database = peewee.SqliteDatabase(
            str(path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE", timeout=10
        )
    db.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        if isinstance(database, peewee.SqliteDatabase):
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (peewee.OperationalError, peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise DatabaseProblem(explain(exc)) from exc
    return database


def private_file(path: Path) -> None:
    """Create `path` empty and readable by its owner only (whatever the umask), unless it
    exists; an existing file keeps its mode (warkat doctor reports a loose one)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def private_dir(path: Path) -> Path:
    """Make folder `path` open to its owner only (whatever the umask), unless it exists."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def explain(exc: Exception) -> str:
    """Turn a database exception into one Indonesian sentence."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "Basis data sedang dikunci oleh pengguna lain. Coba lagi sebentar."
    if "readonly" in text or "read-only" in text:
        return "Berkas basis data hanya-baca: periksa izin berkas dan foldernya."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "Berkas basis data rusak atau bukan basis data Warkat. Pulihkan dari cadangan."
    if "unable to open" in text:
        return "Berkas basis data tidak dapat dibuka: periksa lokasi dan izinnya."
    return f"Kesalahan basis data: {exc}"


@contextmanager
def write():
    """One write transaction (BEGIN IMMEDIATE on SQLite; a savepoint when nested), errors
    explained in Indonesian: no raw database exception leaves it."""
    try:
        with db.atomic():
            yield
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        raise DatabaseProblem(explain(exc)) from exc
    except peewee.IntegrityError as exc:
        raise Duplicate(
            "Data yang sama baru saja disimpan oleh pengguna lain. Muat ulang "
            "daftar dan periksa sebelum mencoba lagi."
        ) from exc
    except peewee.DataError as exc:
        raise Invalid(
            f"Isian ditolak basis data (terlalu panjang atau tidak sah): {str(exc).splitlines()[0]}"
        ) from exc


def is_postgres() -> bool:
    return isinstance(db.obj, peewee.PostgresqlDatabase)
