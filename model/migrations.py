"""Versioned schema: forward migrations, applied by `warkat init` and at start-up."""

from __future__ import annotations

import peewee

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


MIGRATIONS = [(1, _v1), (2, _v2), (3, _v3)]
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
