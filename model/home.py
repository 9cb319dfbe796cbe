"""The data directory (config, database, outputs): find it, create it, open it."""

from __future__ import annotations

import os
from pathlib import Path

from model import config as config_mod
from model.db import DatabaseProblem, open_database
from model.migrations import migrate


def resolve(arg: str | None) -> Path:
    """--home, else WARKAT_HOME, else the platform's user data directory."""
    if arg:
        return Path(arg).expanduser()
    if os.environ.get("WARKAT_HOME"):
        return Path(os.environ["WARKAT_HOME"]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("warkat", appauthor=False))


def create(home: Path) -> config_mod.Config:
    """Make the directory tree and a default warkat.toml, then open and migrate."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        (home / "out").mkdir(exist_ok=True)
        config_mod.write_default(home)
    except OSError as exc:
        raise DatabaseProblem(f"Folder data {home} tidak dapat dibuat: {exc.strerror}") from exc
    return open_home(home)


def open_home(home: Path) -> config_mod.Config:
    """Open an initialised home: load config, connect, apply pending migrations."""
    if not home.is_dir():
        raise DatabaseProblem(f"Folder data {home} tidak ada. Jalankan dulu: warkat init")
    cfg = config_mod.load(home)
    open_database(cfg.db_url)
    migrate()
    return cfg
