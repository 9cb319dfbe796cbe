"""The ground every migration stands on: the model base of its table snapshots. Frozen: a
change here would change what released migrations build."""

from __future__ import annotations

import peewee
from playhouse.migrate import SchemaMigrator

from model.db import db


class Frozen(peewee.Model):
    """Base of the table snapshots inside migrations (snake_case table names)."""

    class Meta:
        database = db
        legacy_table_names = False


def create(*models: type[Frozen]) -> None:
    """CREATE TABLE and its indexes for snapshots; a table already there is an error."""
    db.create_tables(models, safe=False)


def migrator() -> SchemaMigrator:
    """playhouse.migrate operations for the open database (SQLite or PostgreSQL)."""
    return SchemaMigrator.from_database(db.obj)
