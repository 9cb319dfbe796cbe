"""Mail the daemon sends: outgoing letters (procedure 3 step 4) and forwards to outside OPDs."""

from __future__ import annotations

from datetime import timedelta

import peewee

from model import agenda, audit, heartbeat
from model.base import BaseModel, now
from model.db import write
from model.errors import Conflict, Invalid
from model.fields import Line, Text
from model.items import WorkItem
from model.org import User
from model.workflow import apply

SEND, FORWARD = "kirim", "teruskan"
QUEUED, SENDING, SENT, FAILED = "antri", "proses", "terkirim", "gagal"
RETRY_MINUTES = 2


class MailJob(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, backref="mail_jobs", on_delete="CASCADE")
    kind = Line()
    to = Text()
    note = Text(default="")
    klasifikasi = Line(default="")
    status = Line(default=QUEUED, index=True)
    attempts = peewee.IntegerField(default=0)
    max_tries = peewee.IntegerField(default=3)
    next_try_at = peewee.DateTimeField(default=now)
    worker = Line(default="")
    error = Text(default="")
    message_id = Line(default="")
    created_by = peewee.ForeignKeyField(User, null=True)
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


def _no_active(item: WorkItem, kind: str) -> None:
    busy = MailJob.get_or_none((MailJob.item == item) & (MailJob.kind == kind)
                               & MailJob.status.in_((QUEUED, SENDING)))
    if busy:
        raise Conflict("Email ini sudah dalam antrean kirim.")


def queue_send(actor: User, item: WorkItem, max_tries: int = 3,
               klasifikasi: str = "000.1.1") -> MailJob:
    """Inside the caller's write(): queue the final letter, refused when a send is already
    queued or the letter is not byte-for-byte its approved version."""
    from model.email_out import approved_letter

    _no_active(item, SEND)
    letter, version = approved_letter(item)
    job = MailJob.create(item=item, kind=SEND, to=letter.to, max_tries=max_tries,
                         klasifikasi=klasifikasi, created_by=actor)
    audit.record(actor.username, "email_antri", f"email_out#{item.id}", job=job.id,
                 version=version.number, sha256=version.sha256)
    return job


def letter_to_send(job: MailJob):
    """The letter a send job carries, proven to be its approved version addressed as queued;
    Invalid (the reason the daemon fails the job with) when it is not."""
    from model.email_out import approved_letter

    letter, version = approved_letter(job.item_id)
    if letter.to != job.to:
        raise Invalid(f"Email #{job.item_id} berbeda dari versi yang disetujui Kepala Bidang "
                      f"(v{version.number}) pada alamat antrean; email ini tidak boleh dikirim.")
    return letter


def queue_forward(actor: User, item: WorkItem, emails: list[str], note: str) -> MailJob:
    """Inside the caller's write(): forward an incoming mail to outside OPDs by email."""
    _no_active(item, FORWARD)
    job = MailJob.create(item=item, kind=FORWARD, to=", ".join(emails), note=note,
                         created_by=actor)
    audit.record(actor.username, "email_teruskan", f"email_in#{item.id}", to=emails)
    return job


def claim_next(worker: str) -> MailJob | None:
    """The oldest due mail job, taken atomically."""
    with write():
        job = (MailJob.select().where((MailJob.status == QUEUED)
                                      & (MailJob.next_try_at <= now()))
               .order_by(MailJob.id).first())
        if job is None:
            return None
        taken = (MailJob.update(status=SENDING, worker=worker, updated_at=now())
                 .where((MailJob.id == job.id) & (MailJob.status == QUEUED)).execute())
    return MailJob.get_by_id(job.id) if taken else None


def finish(job_id: int, *, message_id: str = "", error: str = "", retry: bool = True,
           pattern: str = agenda.DEFAULT_PATTERN, unit_code: str = "") -> MailJob:
    """Record the outcome: on success move the item on (and number a sent letter in the
    outgoing book); on failure retry later or give the error back to the sender."""
    with write():
        job = MailJob.get_by_id(job_id)
        job.attempts += 1
        job.updated_at = now()
        if not error:
            job.status, job.message_id, job.error = SENT, message_id, ""
            job.save()
            _delivered(job, pattern, unit_code)
        elif retry and job.attempts < job.max_tries:
            job.status, job.error = QUEUED, error
            job.next_try_at = now() + timedelta(minutes=RETRY_MINUTES)
            job.save()
        else:
            job.status, job.error = FAILED, error
            job.save()
        audit.record("daemon", f"email_{job.kind}", f"item#{job.item_id}", ok=not error,
                     error=error)
    return job


def _delivered(job: MailJob, pattern: str, unit_code: str) -> None:
    if job.kind == FORWARD:
        from model.email_in import close_outside_forward

        close_outside_forward(job.item_id, [a.strip() for a in job.to.split(",")],
                              job.message_id)
        return
    from model.email_out import OutgoingMail

    item = WorkItem.get_by_id(job.item_id)
    OutgoingMail.update(message_id=job.message_id, sent_at=now()).where(
        OutgoingMail.item == item).execute()
    agenda.register(agenda.OUTGOING, job.created_by, klasifikasi=job.klasifikasi,
                    unit_code=unit_code, perihal=item.title, party=job.to, item=item,
                    pattern=pattern)
    apply(item.id, job.created_by, "kirim", expected_step=4, system=True,  # checked when queued
          note=f"Terkirim, Message-ID {job.message_id}")


def recover_interrupted() -> list[int]:
    """Mail jobs held by a daemon instance that is gone go back to the queue (SMTP gives one
    result per call)."""
    with write():
        ids = [j.id for j in MailJob.select().where(MailJob.status == SENDING)
               if not heartbeat.alive(j.worker)]
        MailJob.update(status=QUEUED).where(
            MailJob.id.in_(ids) & (MailJob.status == SENDING)).execute()
    return ids


def jobs_of(item_id: int) -> list[MailJob]:
    return list(MailJob.select().where(MailJob.item == item_id).order_by(MailJob.id))
