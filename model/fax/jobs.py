"""Procedure 1, steps 5–6: fax jobs for the daemon, manual sends, the daily fax book (their
tables are in model.fax.records)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee

from model import audit, heartbeat
from model.base import now
from model.books.agenda import agenda_number
from model.db import write
from model.errors import Conflict, Invalid
from model.fax.number import FaxNumber
from model.fax.records import (
    FaxAttempt,
    FaxDestination,
    FaxJob,
    FaxLogEntry,
    FaxRequest,
    JobStatus,
    request_of,
)
from model.guard import not_future
from model.org import User
from model.workflow.items import WorkItem
from model.workflow.transitions import acting_role, apply

DIED = "Daemon berhenti mendadak saat mengirim"


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
    """The operator takes the message at step 5 (in the step's role); a second operator is
    refused."""
    item = WorkItem.get_or_none(WorkItem.id == item_id)
    if item is None:
        raise Invalid(f"Berita #{item_id} tidak ditemukan.")
    if not item.waits_for("terkirim"):
        raise Conflict(f"Berita #{item_id} tidak sedang menunggu pengiriman (langkah {item.step}).")
    acting_role(actor, item.sop_step, item)
    req = request_of(item)
    taken = (
        FaxRequest.update(operator=actor)
        .where(
            (FaxRequest.id == req.id)
            & (FaxRequest.operator.is_null() | (FaxRequest.operator == actor))
        )
        .execute()
    )
    if not taken:
        holder = FaxRequest.get_by_id(req.id).operator
        raise Conflict(f"Berita ini sedang ditangani operator {holder.full_name}.")
    return req


def _destination(
    req: FaxRequest, destination_id: int, actor: User, superseded_by: str
) -> FaxDestination:
    """The destination to send to now; its undecided earlier jobs are closed."""
    dest = FaxDestination.get_or_none(
        (FaxDestination.id == destination_id) & (FaxDestination.request == req)
    )
    if dest is None:
        raise Invalid("Tujuan tidak termasuk berita ini.")
    if dest.status == "terkirim":
        raise Conflict(f"Faks ke {dest.name} sudah terkirim.")
    for job in dest.jobs.where(FaxJob.status == JobStatus.SENDING):
        if not recover(job.id, actor.username):
            raise Conflict(
                f"Faks ke {dest.name} sedang dikirim ({heartbeat.holder(job.worker)}); "
                "tunggu hasilnya."
            )
    undecided = (JobStatus.QUEUED, JobStatus.DECIDE, JobStatus.FAILED)
    for job in dest.jobs.where(FaxJob.status.in_(undecided)):
        if job.status == JobStatus.QUEUED and superseded_by == "modem":
            raise Conflict(f"Faks ke {dest.name} sudah dalam antrean modem.")
        _close(job, f"Digantikan kiriman {superseded_by}", actor)
    return dest


def _close(job: FaxJob, reason: str, actor: User) -> None:
    """Cancel an undecided job; calls it made that no book line tells of get one now."""
    taken = (
        FaxJob.update(status=JobStatus.CANCELLED, progress=reason, worker="", updated_at=now())
        .where((FaxJob.id == job.id) & (FaxJob.status == job.status))
        .execute()
    )
    if not taken:
        raise Conflict("Pekerjaan faks ini baru saja diambil daemon; muat ulang dan coba lagi.")
    if job.attempts and job.status != JobStatus.FAILED:
        log_transmission(
            job, job.destination, now(), False, f"{job.result} — {reason}", actor, "modem"
        )
    audit.record(actor.username, "faks_batal", f"fax#{job.item_id}", job=job.id, reason=reason)


def enqueue(
    actor: User,
    item_id: int,
    destination_id: int,
    *,
    pages: int,
    max_tries: int = 3,
    dial_prefix: str = "",
) -> FaxJob:
    """Queue a modem send of one destination for the daemon."""
    with write():
        req = _hold(actor, item_id)
        dest = _destination(req, destination_id, actor, "modem")
        job = FaxJob.create(
            item=req.item_id,
            destination=dest,
            fine=req.fine,
            dial=FaxNumber(dest.number, dest.extension).dial_string(dial_prefix),
            max_tries=max_tries,
            pages_total=pages,
            created_by=actor,
            progress="Menunggu daemon",
        )
        audit.record(actor.username, "faks_antri", f"fax#{item_id}", job=job.id, to=dest.name)
    return job


def record_manual(
    actor: User,
    item_id: int,
    destination_id: int,
    *,
    at: datetime,
    remote_id: str,
    pages: int,
    ok: bool,
    note: str = "",
) -> FaxJob:
    """A transmission done on a standalone fax machine, recorded by the operator."""
    if pages < 1:
        raise Invalid("Jumlah halaman minimal 1.")
    not_future(at, "Waktu kirim")
    with write():
        req = _hold(actor, item_id)
        dest = _destination(req, destination_id, actor, "manual")
        result = "Terkirim (mesin faks)" if ok else f"Gagal (mesin faks): {note or '-'}"
        job = FaxJob.create(
            item=req.item_id,
            destination=dest,
            dial=dest.number,
            manual=True,
            status=JobStatus.SENT if ok else JobStatus.FAILED,
            attempts=1,
            pages_total=pages,
            pages_done=pages if ok else 0,
            result=result,
            remote_id=remote_id,
            created_by=actor,
            progress=result,
        )
        FaxAttempt.create(
            job=job,
            started_at=at,
            ended_at=at,
            number=dest.number,
            remote_id=remote_id,
            pages_sent=pages if ok else 0,
            pages_total=pages,
            message=result,
            ok=ok,
        )
        log_transmission(job, dest, at, ok, result, actor, "manual", note)
        audit.record(actor.username, "faks_manual", f"fax#{item_id}", ok=ok, to=dest.name)
    return job


def record_attempt(job: FaxJob, report: AttemptReport) -> None:
    """One row per call that reached the line; the job counts the confirmed pages."""
    FaxAttempt.create(
        job=job,
        started_at=report.started_at,
        ended_at=report.ended_at,
        number=job.dial,
        remote_id=report.remote_id,
        params=report.params,
        pages_sent=report.pages_sent,
        pages_total=report.pages_total,
        hangup_code=report.hangup_code,
        message=report.message,
        ok=report.ok,
    )
    job.attempts += 1
    job.pages_done = min(job.pages_total, job.pages_done + report.pages_sent)
    job.remote_id = report.remote_id or job.remote_id
    job.params = report.params or job.params
    job.call_started_at, job.call_pages, job.updated_at = None, 0, now()


def to_operator(job: FaxJob, reason: str) -> None:
    job.status, job.result, job.worker = JobStatus.DECIDE, reason, ""
    job.progress = (
        f"{reason}. Periksa ke penerima apakah faks sudah diterima, lalu putuskan "
        "kirim ulang, batalkan, atau catat kiriman manual."
    )
    job.save()


def orphan(job: FaxJob) -> bool:
    """A job left *sedang dikirim* by a daemon instance that no longer runs."""
    return job.status == JobStatus.SENDING and not heartbeat.alive(job.worker)


def recover(job_id: int, by: str = "daemon") -> bool:
    """Put an orphaned job to the operator, recording the call it was in; False if not one."""
    with write():
        job = FaxJob.get_by_id(job_id)
        if not orphan(job):
            return False
        holder = job.worker
        if job.call_started_at is not None:
            pages = f"{job.pages_done + job.call_pages}/{job.pages_total} halaman terkonfirmasi"
            record_attempt(
                job,
                AttemptReport(
                    job.call_started_at,
                    job.updated_at,
                    False,
                    job.call_pages,
                    job.pages_total,
                    f"{DIED} ({pages})",
                ),
            )
            to_operator(job, DIED)
        else:  # it never dialled: nothing reached the line
            job.status, job.worker, job.next_try_at = JobStatus.QUEUED, "", now()
            job.progress = "Daemon berhenti sebelum memanggil; masuk antrean lagi"
            job.updated_at = now()
            job.save()
        audit.record(
            by,
            "faks_terputus",
            f"fax#{job.item_id}",
            job=job.id,
            holder=holder,
            called=job.status == JobStatus.DECIDE,
        )
    return True


def log_transmission(
    job: FaxJob,
    dest: FaxDestination,
    at: datetime,
    ok: bool,
    result: str,
    operator: User | None,
    via: str,
    note: str = "",
) -> None:
    """A line of the daily fax book: the pages confirmed since the job's previous line."""
    logged = (
        FaxLogEntry.select(peewee.fn.SUM(FaxLogEntry.pages)).where(FaxLogEntry.job == job).scalar()
        or 0
    )
    FaxLogEntry.create(
        at=at,
        item=job.item_id,
        destination=dest,
        job=job,
        agenda_number=agenda_number(job.item),
        to_name=dest.name,
        number=FaxNumber(dest.number, dest.extension).display,
        pages=max(0, job.pages_done - logged),
        ok=ok,
        result=result,
        remote_id=job.remote_id,
        operator=operator,
        via=via,
        note=note,
    )
    if ok:
        FaxDestination.update(status="terkirim", sent_at=at).where(
            FaxDestination.id == dest.id
        ).execute()


def mark_sent(actor: User, item_id: int) -> WorkItem:
    """Step 5 → 6 once every destination is confirmed sent."""
    with write():
        req = _hold(actor, item_id)
        pending = [d.name for d in req.destinations if d.status != "terkirim"]
        if pending:
            raise Invalid(f"Belum terkirim ke: {', '.join(pending)}.")
        FaxRequest.update(sent_at=now()).where(FaxRequest.id == req.id).execute()
        return apply(item_id, actor, "terkirim")


def hand_back(actor: User, item_id: int) -> WorkItem:
    """Step 6 → 7: the sent letter goes back to Administrasi Umum for the archive."""
    with write():
        return apply(item_id, actor, "serahkan")


def decide(actor: User, job_id: int, resend: bool) -> FaxJob:
    """The operator's decision on a job no daemon is sending: queue again, or give up."""
    with write():
        job = FaxJob.get_or_none(FaxJob.id == job_id)
        if job is None:
            raise Invalid(f"Pekerjaan faks #{job_id} tidak ditemukan.")
        _hold(actor, job.item_id)
        if job.status == JobStatus.SENDING and not recover(job.id, actor.username):
            raise Conflict(
                f"Faks ini sedang dikirim ({heartbeat.holder(job.worker)}); tunggu hasilnya."
            )
        job = FaxJob.get_by_id(job_id)
        if job.status not in (JobStatus.FAILED, JobStatus.DECIDE, JobStatus.QUEUED):
            raise Conflict("Pekerjaan faks ini tidak menunggu keputusan.")
        if not resend:
            _close(job, "Dibatalkan operator", actor)
        elif job.status != JobStatus.QUEUED:
            taken = (
                FaxJob.update(
                    status=JobStatus.QUEUED,
                    attempts=0,
                    next_try_at=now(),
                    updated_at=now(),
                    progress="Dikirim ulang atas keputusan operator",
                )
                .where((FaxJob.id == job.id) & (FaxJob.status == job.status))
                .execute()
            )
            if not taken:
                raise Conflict("Pekerjaan faks ini baru saja berubah; muat ulang dan coba lagi.")
        audit.record(
            actor.username, "faks_keputusan", f"fax#{job.item_id}", job=job.id, resend=resend
        )
    return FaxJob.get_by_id(job_id)


def undecided(job: FaxJob) -> bool:
    """Whether the operator may decide `job` now (no live daemon is sending it)."""
    return job.status in (JobStatus.FAILED, JobStatus.DECIDE, JobStatus.QUEUED) or orphan(job)


def jobs_of(item_id: int) -> list[FaxJob]:
    return list(FaxJob.select().where(FaxJob.item == item_id).order_by(FaxJob.id))


def others_moving(job: FaxJob) -> bool:
    """Whether another destination of the job's letter is being sent or due now."""
    return (
        FaxJob.select()
        .where(
            (FaxJob.item == job.item_id)
            & (FaxJob.id != job.id)
            & (
                (FaxJob.status == JobStatus.SENDING)
                | ((FaxJob.status == JobStatus.QUEUED) & (FaxJob.next_try_at <= now()))
            )
        )
        .exists()
    )
