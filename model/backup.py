"""Online backup of the SQLite database (consistent while others keep writing)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from model.config import Config
from model.db import DatabaseProblem, is_postgres


def backup(cfg: Config, target: Path) -> int:
    """Copy the live database to `target`; return the number of pages copied."""
    if is_postgres():
        raise DatabaseProblem("Basis data PostgreSQL: gunakan pg_dump untuk cadangan.")
    if not target.parent.is_dir():
        raise DatabaseProblem(f"Folder tujuan cadangan tidak ada: {target.parent}")
    source = sqlite3.connect(cfg.db_url)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
            return dest.execute("PRAGMA page_count").fetchone()[0]
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise DatabaseProblem(f"Cadangan gagal: {exc}") from exc
    finally:
        source.close()
