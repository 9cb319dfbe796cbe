"""The daemon's side of fax jobs: claim atomically, report progress, record each call.

A job is held by one daemon *instance* (model.heartbeat), never by a device path: a job whose
instance is gone is recovered by whichever daemon, or operator, looks next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from model import audit
from model.base import now
from model.db import write
from model.fax.jobs import (
    AttemptReport,
    log_transmission,
    others_moving,
    record_attempt,
    recover,
    to_operator,
)
from model.fax.records import FaxDestination, FaxJob, JobStatus
from model.fax.schedule import expire
from model.workflow import deadlines

WAITING = {"busy": "nada sibuk", "no_answer": "tidak diangkat"}  # waits on the far end


@dataclass(frozen=True)
class RetryPolicy:
    wait_busy_minutes: float = 3
    wait_no_answer_minutes: float = 5
    wait_failure_minutes: float = 2

    def wait(self, kind: str) -> timedelta:
        minutes = {"busy": self.wait_busy_minutes, "no_answer": self.wait_no_answer_minutes}
        return timedelta(minutes=minutes.get(kind, self.wait_failure_minutes))


def _take(job: FaxJob, worker: str, progress: str) -> FaxJob | None:
    """`job` for daemon instance `worker` if it is still queued (inside a write)."""
    taken = (
        FaxJob.update(
            status=JobStatus.SENDING,
            worker=worker,
            claimed_at=now(),
            call_started_at=None,
            call_pages=0,
            updated_at=now(),
            progress=progress,
        )
        .where((FaxJob.id == job.id) & (FaxJob.status == JobStatus.QUEUED))
        .execute()
    )
    if not taken:
        return None
    deadlines.resume(job.item_id)  # a try is made again: the operator's step counts
    return FaxJob.get_by_id(job.id)


def claim_next(worker: str) -> FaxJob | None:
    """Take the oldest due job for daemon instance `worker`; two never both get one job.
    Jobs past their batas kirim go back to the operator first."""
    expire()
    with write():
        job = (
            FaxJob.select()
            .where((FaxJob.status == JobStatus.QUEUED) & (FaxJob.next_try_at <= now()))
            .order_by(FaxJob.id)
            .first()
        )
        return _take(job, worker, "Memulai") if job else None


def claim_same_number(worker: str, job: FaxJob, limit: int = 9) -> list[FaxJob]:
    """Other due jobs to the number `job` dials, at its resolution, taken for the same call."""
    with write():
        others = (
            FaxJob.select()
            .where(
                (FaxJob.status == JobStatus.QUEUED)
                & (FaxJob.next_try_at <= now())
                & (FaxJob.dial == job.dial)
                & (FaxJob.fine == job.fine)
                & (FaxJob.id != job.id)
            )
            .order_by(FaxJob.id)
            .limit(limit)
        )
        progress = f"Dikirim bersama berita lain ke {job.dial} dalam satu panggilan"
        return [t for t in (_take(o, worker, progress) for o in list(others)) if t]


def start_sending(job_id: int, pages_total: int, thumbnail: bytes | None) -> None:
    """The message is rendered: record its real page count and a picture of page 1."""
    with write():
        FaxJob.update(pages_total=pages_total, thumbnail=thumbnail, updated_at=now()).where(
            FaxJob.id == job_id
        ).execute()


def report_progress(
    job_id: int, text: str, *, dialling: bool = False, confirmed: bool = False
) -> None:
    """Live progress for the console; `dialling` starts the call, `confirmed` counts a page."""
    changes = {FaxJob.progress: text, FaxJob.updated_at: now()}
    if dialling:
        changes[FaxJob.call_started_at] = now()
    if confirmed:
        changes[FaxJob.call_pages] = FaxJob.call_pages + 1
    with write():
        FaxJob.update(changes).where(
            (FaxJob.id == job_id) & (FaxJob.status == JobStatus.SENDING)
        ).execute()


def release(job_id: int, reason: str, wait: timedelta) -> FaxJob:
    """No call was made (the modem is not available): back to the queue, no try used."""
    with write():
        (
            FaxJob.update(
                status=JobStatus.QUEUED,
                worker="",
                call_started_at=None,
                call_pages=0,
                next_try_at=now() + wait,
                updated_at=now(),
                progress=f"{reason} — menunggu modem, belum ada percobaan terpakai",
            )
            .where((FaxJob.id == job_id) & (FaxJob.status == JobStatus.SENDING))
            .execute()
        )
    return FaxJob.get_by_id(job_id)


def finish(job_id: int, report: AttemptReport, policy: RetryPolicy) -> FaxJob:
    """Record one call; mark sent, schedule a retry of the unsent pages, or hand back."""
    with write():
        job = FaxJob.get_by_id(job_id)
        dest = FaxDestination.get_by_id(job.destination_id)
        record_attempt(job, report)
        if report.ok:
            job.status, job.result, job.progress = JobStatus.SENT, report.message, "Terkirim"
            job.save()
            log_transmission(
                job, dest, report.ended_at, True, report.message, job.created_by, "modem"
            )
        elif report.aborted:
            to_operator(job, report.message)
        elif report.retry_kind and job.attempts < job.max_tries:
            job.status, job.next_try_at = JobStatus.QUEUED, now() + policy.wait(report.retry_kind)
            if report.retry_kind in WAITING and not others_moving(job):
                deadlines.pause(job.item_id, f"menunggu ulang faks: {WAITING[report.retry_kind]}")
            job.result = report.message
            job.progress = (
                f"Percobaan {job.attempts}/{job.max_tries} gagal: {report.message}. "
                f"Diulang {job.next_try_at:%H:%M}"
            )
            job.save()
        else:
            job.status, job.result = JobStatus.FAILED, report.message
            job.progress = f"Gagal setelah {job.attempts} percobaan: {report.message}"
            job.save()
            log_transmission(
                job, dest, report.ended_at, False, report.message, job.created_by, "modem"
            )
        if job.status in (JobStatus.FAILED, JobStatus.DECIDE):
            deadlines.resume(job.item_id)  # the operator has to act now
        audit.record(
            "daemon",
            "faks_percobaan",
            f"fax#{job.item_id}",
            job=job.id,
            ok=report.ok,
            pages=report.pages_sent,
            message=report.message,
        )
    return job


def recover_orphans(by: str = "daemon") -> list[int]:
    """Recover every job held by an instance that is gone; returns their ids."""
    held = FaxJob.select(FaxJob.id).where(FaxJob.status == JobStatus.SENDING)
    return [j.id for j in held if recover(j.id, by)]
