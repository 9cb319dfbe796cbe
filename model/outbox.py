"""Mail the daemon sends for a procedure (an outgoing letter, a forward to outside OPDs): queued,
taken, retried; on delivery the procedure that queued it moves its item on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum

import peewee

from model import audit, heartbeat
from model.base import BaseModel, now
from model.db import write
from model.errors import Conflict
from model.fields import Line, Text
from model.org import User
from model.workflow.items import WorkItem

RETRY_MINUTES = 2


class MailKind(StrEnum):
    """What a mail job carries: an outgoing letter, an incoming mail forwarded to OPDs, or a
    notice about an item."""

    SEND = "kirim"
    FORWARD = "teruskan"
    NOTICE = "pemberitahuan"  # a mutu baku notice to the Kasi (model.workflow.deadlines)


class MailStatus(StrEnum):
    """Where a mail job stands (the stored value)."""

    QUEUED = "antri"
    SENDING = "proses"
    SENT = "terkirim"
    FAILED = "gagal"


class MailJob(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, backref="mail_jobs", on_delete="CASCADE")
    kind = Line()
    to = Text()
    note = Text(default="")
    klasifikasi = Line(default="")
    status = Line(default=MailStatus.QUEUED, index=True)
    attempts = peewee.IntegerField(default=0)
    max_tries = peewee.IntegerField(default=3)
    next_try_at = peewee.DateTimeField(default=now)
    worker = Line(default="")
    error = Text(default="")
    message_id = Line(default="")
    created_by = peewee.ForeignKeyField(User, null=True)
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


def enqueue(
    actor: User,
    item: WorkItem,
    kind: MailKind,
    to: str,
    *,
    note: str = "",
    klasifikasi: str = "",
    max_tries: int = 3,
) -> MailJob:
    """Inside the caller's write(): queue one mail job, refused while one of its kind for the
    item is queued or sending."""
    _no_active(item, kind)
    return MailJob.create(
        item=item,
        kind=kind,
        to=to,
        note=note,
        klasifikasi=klasifikasi,
        max_tries=max_tries,
        created_by=actor,
    )


def _no_active(item: WorkItem, kind: MailKind) -> None:
    busy = MailJob.get_or_none(
        (MailJob.item == item)
        & (MailJob.kind == kind)
        & MailJob.status.in_((MailStatus.QUEUED, MailStatus.SENDING))
    )
    if busy:
        raise Conflict("Email ini sudah dalam antrean kirim.")


def claim_next(worker: str) -> MailJob | None:
    """The oldest due mail job, taken atomically."""
    with write():
        job = (
            MailJob.select()
            .where((MailJob.status == MailStatus.QUEUED) & (MailJob.next_try_at <= now()))
            .order_by(MailJob.id)
            .first()
        )
        if job is None:
            return None
        taken = (
            MailJob.update(status=MailStatus.SENDING, worker=worker, updated_at=now())
            .where((MailJob.id == job.id) & (MailJob.status == MailStatus.QUEUED))
            .execute()
        )
    return MailJob.get_by_id(job.id) if taken else None


def finish(
    job_id: int,
    *,
    message_id: str = "",
    error: str = "",
    retry: bool = True,
    delivered: Callable[[MailJob], None] | None = None,
) -> MailJob:
    """Record the outcome in one transaction: on success `delivered(job)` (the procedure's
    next step); on failure retry later or give the error back to the sender."""
    with write():
        job = MailJob.get_by_id(job_id)
        job.attempts += 1
        job.updated_at = now()
        if not error:
            job.status, job.message_id, job.error = MailStatus.SENT, message_id, ""
            job.save()
            if delivered:
                delivered(job)
        elif retry and job.attempts < job.max_tries:
            job.status, job.error = MailStatus.QUEUED, error
            job.next_try_at = now() + timedelta(minutes=RETRY_MINUTES)
            job.save()
        else:
            job.status, job.error = MailStatus.FAILED, error
            job.save()
        audit.record(
            "daemon", f"email_{job.kind}", f"item#{job.item_id}", ok=not error, error=error
        )
    return job


def recover_interrupted() -> list[int]:
    """Mail jobs held by a daemon instance that is gone go back to the queue (SMTP gives one
    result per call)."""
    with write():
        ids = [
            j.id
            for j in MailJob.select().where(MailJob.status == MailStatus.SENDING)
            if not heartbeat.alive(j.worker)
        ]
        MailJob.update(status=MailStatus.QUEUED).where(
            MailJob.id.in_(ids) & (MailJob.status == MailStatus.SENDING)
        ).execute()
    return ids


def jobs_of(item_id: int) -> list[MailJob]:
    return list(MailJob.select().where(MailJob.item == item_id).order_by(MailJob.id))
