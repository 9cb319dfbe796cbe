"""Versioned schema: forward migrations, applied by `warkat init` and at start-up."""

from __future__ import annotations

import peewee
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_migrations

from model.agenda import AgendaCounter, AgendaEntry
from model.audit import AuditEntry
from model.base import BaseModel, now
from model.db import DatabaseProblem, db, write
from model.heartbeat import Heartbeat
from model.items import StepLog, WorkItem
from model.klasifikasi import Klasifikasi, load_codes
from model.org import Contact, Position, Unit, User, UserRole


class SchemaVersion(BaseModel):
    version = peewee.IntegerField(primary_key=True)
    applied_at = peewee.DateTimeField(default=now)


def _v1() -> None:
    db.create_tables([Unit, Position, User, UserRole, Contact, WorkItem, StepLog, AuditEntry,
                      AgendaCounter, AgendaEntry, Klasifikasi, Heartbeat])
    load_codes()


def _v2() -> None:
    from model.ekspedisi import EkspedisiEntry
    from model.fax import Disposition, FaxDestination, FaxRequest
    from model.fax_jobs import FaxAttempt, FaxJob, FaxLogEntry

    db.create_tables([FaxRequest, FaxDestination, Disposition, FaxJob, FaxAttempt, FaxLogEntry,
                      EkspedisiEntry])


def _v3() -> None:
    from model.email_in import FollowUp, IncomingMail, MailAttachment, MailForward, SyncMark
    from model.email_out import DraftVersion, OutgoingAttachment, OutgoingMail
    from model.mail_jobs import MailJob

    db.create_tables([IncomingMail, MailAttachment, MailForward, FollowUp, SyncMark,
                      OutgoingMail, OutgoingAttachment, DraftVersion, MailJob])


def _v4() -> None:
    from model.fax_jobs import FaxJob

    _add_columns(FaxJob, "call_started_at", "call_pages")


def _add_columns(model: type[BaseModel], *names: str) -> None:
    """Add the model's fields `names` to its table where missing (a new table has them)."""
    migrator = SchemaMigrator.from_database(db.obj)
    table = model._meta.table_name
    have = {c.name for c in db.get_columns(table)}
    run_migrations(*(migrator.add_column(table, model._meta.fields[n].column_name, model._meta.fields[n])
          for n in names if model._meta.fields[n].column_name not in have))


MIGRATIONS = [(1, _v1), (2, _v2), (3, _v3), (4, _v4)]
LATEST = MIGRATIONS[-1][0]


def current_version() -> int:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    return SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar() or 0


def migrate() -> list[int]:
    """Apply every migration newer than the database; return the versions applied."""
    if current_version() == LATEST:
        return []
    with write():
        db.create_tables([SchemaVersion])
        have = current_version()
        if have > LATEST:
            raise DatabaseProblem(f"Basis data versi {have} lebih baru dari program ini "
                                  f"(versi {LATEST}). Perbarui Warkat.")
        applied = []
        for version, step in MIGRATIONS:
            if version > have:
                step()
                SchemaVersion.create(version=version)
                applied.append(version)
    return applied
