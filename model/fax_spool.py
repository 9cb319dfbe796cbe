"""The daemon's side of fax jobs: claim atomically, report progress, record each attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from model import audit
from model.base import now
from model.db import write
from model.fax import FaxDestination
from model.fax_jobs import (
    DECIDE,
    FAILED,
    QUEUED,
    SENDING,
    SENT,
    AttemptReport,
    FaxAttempt,
    FaxJob,
    log_transmission,
)


@dataclass(frozen=True)
class RetryPolicy:
    wait_busy_minutes: float = 3
    wait_no_answer_minutes: float = 5
    wait_failure_minutes: float = 2

    def wait(self, kind: str) -> timedelta:
        minutes = {"busy": self.wait_busy_minutes, "no_answer": self.wait_no_answer_minutes}
        return timedelta(minutes=minutes.get(kind, self.wait_failure_minutes))


def claim_next(worker: str) -> FaxJob | None:
    """Take the oldest due job for `worker`; two daemons never both get one job."""
    with write():
        job = (FaxJob.select()
               .where((FaxJob.status == QUEUED) & (FaxJob.next_try_at <= now()))
               .order_by(FaxJob.id).first())
        if job is None:
            return None
        taken = (FaxJob.update(status=SENDING, worker=worker, claimed_at=now(),
                               updated_at=now(), progress="Memulai")
                 .where((FaxJob.id == job.id) & (FaxJob.status == QUEUED)).execute())
    return FaxJob.get_by_id(job.id) if taken else None


def start_sending(job_id: int, pages_total: int, thumbnail: bytes | None) -> None:
    """The message is rendered: record its real page count and a picture of page 1."""
    with write():
        FaxJob.update(pages_total=pages_total, thumbnail=thumbnail, updated_at=now()).where(
            FaxJob.id == job_id).execute()


def report_progress(job_id: int, text: str) -> None:
    """Live progress for the transmit console (pages are counted when the attempt ends)."""
    with write():
        FaxJob.update(progress=text, updated_at=now()).where(
            (FaxJob.id == job_id) & (FaxJob.status == SENDING)).execute()


def finish(job_id: int, report: AttemptReport, policy: RetryPolicy) -> FaxJob:
    """Record one call; mark sent, schedule a retry of the unsent pages, or hand back."""
    with write():
        job = FaxJob.get_by_id(job_id)
        dest = FaxDestination.get_by_id(job.destination_id)
        FaxAttempt.create(job=job, started_at=report.started_at, ended_at=report.ended_at,
                          number=job.dial, remote_id=report.remote_id, params=report.params,
                          pages_sent=report.pages_sent, pages_total=report.pages_total,
                          hangup_code=report.hangup_code, message=report.message, ok=report.ok)
        job.attempts += 1
        job.pages_done = min(job.pages_total, job.pages_done + report.pages_sent)
        job.remote_id = report.remote_id or job.remote_id
        job.params = report.params or job.params
        job.updated_at = now()
        if report.ok:
            job.status, job.result, job.progress = SENT, report.message, "Terkirim"
            job.save()
            log_transmission(job, dest, report.ended_at, True, report.message,
                 job.created_by, "modem")
        elif report.aborted:
            job.status, job.result = DECIDE, report.message
            job.progress = (f"Dihentikan: {report.message}. Periksa ke penerima, lalu putuskan "
                            "kirim ulang atau batal.")
            job.save()
        elif report.retry_kind and job.attempts < job.max_tries:
            job.status, job.next_try_at = QUEUED, now() + policy.wait(report.retry_kind)
            job.result = report.message
            job.progress = (f"Percobaan {job.attempts}/{job.max_tries} gagal: {report.message}. "
                            f"Diulang {job.next_try_at:%H:%M}")
            job.save()
        else:
            job.status, job.result = FAILED, report.message
            job.progress = f"Gagal setelah {job.attempts} percobaan: {report.message}"
            job.save()
            log_transmission(job, dest, report.ended_at, False, report.message, job.created_by, "modem")
        audit.record("daemon", "faks_percobaan", f"fax#{job.item_id}", job=job.id,
                     ok=report.ok, pages=report.pages_sent, message=report.message)
    return job


def recover_interrupted(worker: str) -> list[int]:
    """Jobs this worker held when it died: never re-sent silently, put to the operator."""
    with write():
        stuck = [j.id for j in FaxJob.select().where(
            (FaxJob.status == SENDING) & (FaxJob.worker == worker))]
        if stuck:
            (FaxJob.update(status=DECIDE, updated_at=now(),
                           progress="Pengiriman terputus (daemon berhenti mendadak). Periksa "
                                    "ke penerima apakah faks sudah diterima, lalu putuskan.")
             .where(FaxJob.id.in_(stuck)).execute())
            audit.record("daemon", "faks_terputus", worker, jobs=stuck)
    return stuck

