"""The data directory (config, database, outputs): find it, create it, open it."""

from __future__ import annotations

import os
from pathlib import Path

from model import config as config_mod
from model.db import DatabaseProblem, db, open_database

MIGRATIONS = Path(__file__).parent / "migrations"


def resolve(arg: str | None) -> Path:
    """--home, else WARKAT_HOME, else the platform's user data directory."""
    if arg:
        return Path(arg).expanduser()
    if os.environ.get("WARKAT_HOME"):
        return Path(os.environ["WARKAT_HOME"]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("warkat", appauthor=False))


def create(home: Path, config: str | Path | None = None) -> config_mod.Config:
    """Make the directory tree and a default warkat.toml (unless one exists), open, migrate."""
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)  # owner only, whatever the umask
        (home / "out").mkdir(mode=0o700, exist_ok=True)
        config_mod.write_default(home, config_mod.locate(home, config))
        cfg = open_home(home, config)
        if cfg.mail.inbox == "maildir":  # the office mailbox, empty
            inbox = Path(cfg.mail.maildir).expanduser()
            for sub in ("cur", "new", "tmp"):
                (home / inbox / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem(f"Folder data {home} tidak dapat dibuat: {exc.strerror}") from exc
    return cfg


def open_home(home: Path, config: str | Path | None = None) -> config_mod.Config:
    """Open an initialised home: load its config (see config.locate), connect, migrate."""
    if not home.is_dir():
        raise DatabaseProblem(f"Folder data {home} tidak ada. Jalankan dulu: warkat init")
    cfg = config_mod.load(home, config_mod.locate(home, config))
    open_database(cfg.db_url)
    if not _up_to_date():
        from model.backup import upgrade  # with every migration: only when one is due

        upgrade()
    return cfg


def _up_to_date() -> bool:
    """The database is at the newest migration (file vNNN_*.py), read without importing any."""
    newest = max(int(path.name[1:4]) for path in MIGRATIONS.glob("v[0-9][0-9][0-9]_*.py"))
    if not db.table_exists("schema_version"):
        return False
    return db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()[0] == newest
