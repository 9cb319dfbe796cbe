"""Procedure 1, steps 5–6: fax jobs for the daemon, manual sends, the daily fax book."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee

from model import audit
from model.agenda import agenda_number
from model.base import BaseModel, now
from model.db import write
from model.errors import Conflict, Invalid, NotAllowed
from model.fax import FaxDestination, FaxRequest, request_of
from model.faxnumber import FaxNumber
from model.items import WorkItem
from model.org import User
from model.roles import OPERATOR
from model.workflow import apply

QUEUED, SENDING, SENT, FAILED, DECIDE, CANCELLED = (
    "antri", "proses", "terkirim", "gagal", "tunggu_keputusan", "batal")
ACTIVE = (QUEUED, SENDING)
STATUS_LABELS = {QUEUED: "Antre", SENDING: "Sedang dikirim", SENT: "Terkirim",
                 FAILED: "Gagal", DECIDE: "Perlu keputusan", CANCELLED: "Dibatalkan"}


class FaxJob(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, backref="fax_jobs", on_delete="CASCADE")
    destination = peewee.ForeignKeyField(FaxDestination, backref="jobs", on_delete="CASCADE")
    dial = peewee.CharField()
    fine = peewee.BooleanField(default=False)
    manual = peewee.BooleanField(default=False)
    status = peewee.CharField(default=QUEUED, index=True)
    attempts = peewee.IntegerField(default=0)
    max_tries = peewee.IntegerField(default=3)
    next_try_at = peewee.DateTimeField(default=now)
    worker = peewee.CharField(default="")
    claimed_at = peewee.DateTimeField(null=True)
    pages_total = peewee.IntegerField(default=0)
    pages_done = peewee.IntegerField(default=0)  # confirmed pages (a retry sends the rest)
    progress = peewee.CharField(default="")
    result = peewee.TextField(default="")
    remote_id = peewee.CharField(default="")
    params = peewee.CharField(default="")  # negotiated resolution and speed, for the journal
    thumbnail = peewee.BlobField(null=True)  # PNG of page 1, for the jurnal pengiriman
    created_by = peewee.ForeignKeyField(User, null=True)
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


class FaxAttempt(BaseModel):
    job = peewee.ForeignKeyField(FaxJob, backref="attempt_rows", on_delete="CASCADE")
    started_at = peewee.DateTimeField()
    ended_at = peewee.DateTimeField()
    number = peewee.CharField()
    remote_id = peewee.CharField(default="")
    params = peewee.CharField(default="")
    pages_sent = peewee.IntegerField(default=0)
    pages_total = peewee.IntegerField(default=0)
    hangup_code = peewee.CharField(default="")
    message = peewee.TextField(default="")
    ok = peewee.BooleanField(default=False)

    @property
    def seconds(self) -> int:
        return int((self.ended_at - self.started_at).total_seconds())


class FaxLogEntry(BaseModel):
    """One line of the buku laporan harian fax."""

    at = peewee.DateTimeField(index=True)
    item = peewee.ForeignKeyField(WorkItem, backref="fax_log", on_delete="CASCADE")
    destination = peewee.ForeignKeyField(FaxDestination, null=True, on_delete="SET NULL")
    job = peewee.ForeignKeyField(FaxJob, null=True, on_delete="SET NULL")
    agenda_number = peewee.CharField(default="")
    to_name = peewee.CharField()
    number = peewee.CharField()
    pages = peewee.IntegerField(default=0)
    ok = peewee.BooleanField()
    result = peewee.TextField(default="")
    remote_id = peewee.CharField(default="")
    operator = peewee.ForeignKeyField(User, null=True)
    via = peewee.CharField(default="modem")  # modem or manual
    note = peewee.TextField(default="")


@dataclass
class AttemptReport:
    """What the daemon learnt from one call."""

    started_at: datetime
    ended_at: datetime
    ok: bool
    pages_sent: int
    pages_total: int
    message: str
    remote_id: str = ""
    params: str = ""
    hangup_code: str = ""
    retry_kind: str | None = None  # busy, no_answer, failure, or None (do not retry)
    aborted: bool = False  # stopped by the daemon's shutdown: the operator decides


def _hold(actor: User, item_id: int) -> FaxRequest:
    """The operator takes the message at step 5; a second operator is refused."""
    item = WorkItem.get_by_id(item_id)
    if not actor.has_role(OPERATOR):
        raise NotAllowed("Hanya Operator Sandi yang dapat mengirim faks.")
    if item.step != 5:
        raise Conflict(f"Berita #{item_id} tidak sedang menunggu pengiriman (langkah {item.step}).")
    req = request_of(item)
    taken = (FaxRequest.update(operator=actor)
             .where((FaxRequest.id == req.id)
                    & (FaxRequest.operator.is_null() | (FaxRequest.operator == actor)))
             .execute())
    if not taken:
        holder = FaxRequest.get_by_id(req.id).operator
        raise Conflict(f"Berita ini sedang ditangani operator {holder.full_name}.")
    return req


def _destination(req: FaxRequest, destination_id: int) -> FaxDestination:
    dest = FaxDestination.get_or_none((FaxDestination.id == destination_id)
                                      & (FaxDestination.request == req))
    if dest is None:
        raise Invalid("Tujuan tidak termasuk berita ini.")
    if dest.status == "terkirim":
        raise Conflict(f"Faks ke {dest.name} sudah terkirim.")
    busy = dest.jobs.where(FaxJob.status.in_(ACTIVE)).first()
    if busy:
        raise Conflict(f"Faks ke {dest.name} sudah dalam antrean ({STATUS_LABELS[busy.status]}).")
    return dest


def enqueue(actor: User, item_id: int, destination_id: int, *, pages: int, max_tries: int = 3,
            dial_prefix: str = "") -> FaxJob:
    """Queue a modem send of one destination for the daemon."""
    with write():
        req = _hold(actor, item_id)
        dest = _destination(req, destination_id)
        job = FaxJob.create(item=req.item_id, destination=dest, fine=req.fine,
                            dial=FaxNumber(dest.number, dest.extension).dial_string(dial_prefix),
                            max_tries=max_tries, pages_total=pages, created_by=actor,
                            progress="Menunggu daemon")
        audit.record(actor.username, "faks_antri", f"fax#{item_id}", job=job.id, to=dest.name)
    return job


def record_manual(actor: User, item_id: int, destination_id: int, *, at: datetime,
                  remote_id: str, pages: int, ok: bool, note: str = "") -> FaxJob:
    """A transmission done on a standalone fax machine, recorded by the operator."""
    if pages < 1:
        raise Invalid("Jumlah halaman minimal 1.")
    if at > now() + timedelta(minutes=5):
        raise Invalid("Waktu kirim tidak boleh di masa depan.")
    with write():
        req = _hold(actor, item_id)
        dest = _destination(req, destination_id)
        result = "Terkirim (mesin faks)" if ok else f"Gagal (mesin faks): {note or '-'}"
        job = FaxJob.create(item=req.item_id, destination=dest, dial=dest.number, manual=True,
                            status=SENT if ok else FAILED, attempts=1, pages_total=pages,
                            pages_done=pages if ok else 0, result=result, remote_id=remote_id,
                            created_by=actor, progress=result)
        FaxAttempt.create(job=job, started_at=at, ended_at=at, number=dest.number,
                          remote_id=remote_id, pages_sent=pages if ok else 0, pages_total=pages,
                          message=result, ok=ok)
        log_transmission(job, dest, at, ok, result, actor, "manual", note)
        audit.record(actor.username, "faks_manual", f"fax#{item_id}", ok=ok, to=dest.name)
    return job


def log_transmission(job: FaxJob, dest: FaxDestination, at: datetime, ok: bool, result: str,
         operator: User | None, via: str, note: str = "") -> None:
    FaxLogEntry.create(at=at, item=job.item_id, destination=dest, job=job,
                       agenda_number=agenda_number(job.item), to_name=dest.name,
                       number=FaxNumber(dest.number, dest.extension).display,
                       pages=job.pages_total, ok=ok, result=result, remote_id=job.remote_id,
                       operator=operator, via=via, note=note)
    if ok:
        FaxDestination.update(status="terkirim", sent_at=at).where(
            FaxDestination.id == dest.id).execute()


def mark_sent(actor: User, item_id: int) -> WorkItem:
    """Step 5 → 6 once every destination is confirmed sent."""
    with write():
        req = _hold(actor, item_id)
        pending = [d.name for d in req.destinations if d.status != "terkirim"]
        if pending:
            raise Invalid(f"Belum terkirim ke: {', '.join(pending)}.")
        FaxRequest.update(sent_at=now()).where(FaxRequest.id == req.id).execute()
        return apply(item_id, actor, "terkirim", expected_step=5)


def hand_back(actor: User, item_id: int) -> WorkItem:
    """Step 6 → 7: the sent letter goes back to Administrasi Umum for the archive."""
    with write():
        return apply(item_id, actor, "serahkan", expected_step=6)


def decide(actor: User, job_id: int, resend: bool) -> FaxJob:
    """The operator's decision on a failed or interrupted job: queue again, or give up."""
    with write():
        job = FaxJob.get_by_id(job_id)
        _hold(actor, job.item_id)
        if job.status not in (FAILED, DECIDE):
            raise Conflict("Pekerjaan faks ini tidak menunggu keputusan.")
        if resend:
            job.status, job.attempts, job.next_try_at = QUEUED, 0, now()
            job.progress = "Dikirim ulang atas keputusan operator"
        else:
            job.status, job.progress = CANCELLED, "Dibatalkan operator"
        job.updated_at = now()
        job.save()
        audit.record(actor.username, "faks_keputusan", f"fax#{job.item_id}", job=job.id,
                     resend=resend)
    return job


def jobs_of(item_id: int) -> list[FaxJob]:
    return list(FaxJob.select().where(FaxJob.item == item_id).order_by(FaxJob.id))
