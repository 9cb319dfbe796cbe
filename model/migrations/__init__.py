"""Versioned schema: numbered forward migrations, applied by `warkat init` and at start-up.

Version N is the module `vNNN_<what>.py` in this package: `VERSION = N` and `up()`, a frozen
description of one change. It never uses today's model classes, so a database upgraded from
any version ends with the same schema as a fresh install, which runs every migration in order.
All pending versions run in one transaction; an existing database is backed up first
(model.backup.before_migration). A database newer than the program is refused.

Writing version N+1:
1. Change the model in model/<x>.py.
2. Add `vNNN_<what>.py` with `VERSION = N+1` and `up()`:
   - a new table: a snapshot class on `frozen.Frozen` named like the model, its fields copied
     with only what reaches the DDL (type, null, unique, index, max_length, on_delete;
     backref="+"; no Python defaults), made with `frozen.create(...)`; a foreign key points at
     the snapshot class of an earlier migration;
   - a change to a table: playhouse.migrate operations on `frozen.migrator()` with the fields
     written out in the module; a NOT NULL column needs `constraints=[SQL("DEFAULT …")]` and
     `allow_not_null=True` (one ALTER TABLE on SQLite and PostgreSQL, no table rebuild);
   - data: through the module's own snapshots or SQL.
3. Append the module to STEPS.
4. Run tests/test_model_database.py: the fresh schema must match the models (columns, types,
   nullability, indexes, foreign keys) and tests/fixtures/warkat-v3.db must upgrade intact.
A released migration is never edited; a mistake in it is corrected by the next version.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

import peewee

from model.base import now
from model.db import DatabaseProblem, db, is_postgres, write
from model.migrations import (
    v001_core,
    v002_fax,
    v003_email,
    v004_fax_call,
    v005_audit_anchor,
    v006_integrity,
    v007_letter,
    v008_form_recovery,
    v009_calendar,
    v010_step_log_at,
    v011_fax_groups,
    v012_search,
)
from model.migrations.frozen import Frozen

STEPS = (
    v001_core,
    v002_fax,
    v003_email,
    v004_fax_call,
    v005_audit_anchor,
    v006_integrity,
    v007_letter,
    v008_form_recovery,
    v009_calendar,
    v010_step_log_at,
    v011_fax_groups,
    v012_search,
)
MIGRATIONS = [(step.VERSION, step.up) for step in STEPS]
LATEST = MIGRATIONS[-1][0]


class SchemaVersion(Frozen):
    """The versions applied; this table never changes."""

    version = peewee.IntegerField(primary_key=True)
    applied_at = peewee.DateTimeField(default=now)


def current_version() -> int:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    return SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar() or 0


def _refuse_newer(have: int) -> None:
    if have > LATEST:
        raise DatabaseProblem(
            f"Basis data versi {have} lebih baru dari program ini "
            f"(versi {LATEST}). Perbarui Warkat."
        )


def migrate(before: Callable[[int, int], object] | None = None) -> list[int]:
    """Apply every migration newer than the database; return the versions applied.
    `before(old, new)` runs first when an existing database is upgraded (the backup copy)."""
    have = current_version()
    if have == LATEST:
        return []
    _refuse_newer(have)
    if have and before:
        before(have, LATEST)
    applied = []
    with _foreign_keys_checked(), write():
        db.create_tables([SchemaVersion])
        have = current_version()  # another process may have migrated meanwhile
        _refuse_newer(have)
        for version, up in MIGRATIONS:
            if version > have:
                up()
                SchemaVersion.create(version=version)
                applied.append(version)
        if not is_postgres():
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchone()
            if broken:
                raise DatabaseProblem(
                    f"Migrasi dibatalkan: kunci asing tabel {broken[0]} "
                    "tidak cocok. Basis data tidak diubah."
                )
    return applied


@contextmanager
def _foreign_keys_checked():
    """SQLite: foreign keys off while migrating, so a table rebuild's DROP TABLE cannot
    cascade (the pragma works only outside a transaction); checked before commit instead."""
    if is_postgres():
        yield
        return
    db.pragma("foreign_keys", 0)
    try:
        yield
    finally:
        db.pragma("foreign_keys", 1)
