"""When fax jobs go out: *kirim pada* (not before a set time) and *batas kirim* (HylaFAX's kill
time: a job still unsent then goes back to the operator), and sending a letter to every
destination not yet sent with one key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from model import audit
from model.base import now
from model.db import write
from model.errors import Invalid, Problems
from model.fax import jobs
from model.fax.records import FaxDestination, FaxJob, JobStatus, request_of
from model.hours import DAY_NAMES
from model.org import User
from model.workflow import deadlines

PAST_SLACK = timedelta(minutes=1)  # a "kirim pada" typed for this very minute is now


@dataclass(frozen=True)
class Timing:
    """When to send (None: now) and when to give up (None: never)."""

    send_at: datetime | None = None
    kill_at: datetime | None = None

    def check(self) -> Timing:
        """This timing, or Invalid by field ("send_at", "kill_at") with what is wrong."""
        found, start = Problems(), self.send_at or now()
        if self.send_at is not None and self.send_at < now() - PAST_SLACK:
            found.add("send_at", "Waktu kirim sudah lewat.")
        if self.kill_at is not None and self.kill_at <= start:
            found.add("kill_at", "Batas kirim harus sesudah waktu kirim.")
        found.check()
        return self

    def words(self) -> str:
        """ "kirim pada Kamis 03-12 14.00, batas 17.00" — the parts that are set."""
        parts = []
        if self.send_at is not None and self.send_at > now():
            parts.append(f"kirim pada {moment(self.send_at)}")
        if self.kill_at is not None:
            same_day = self.kill_at.date() == (self.send_at or now()).date()
            parts.append(
                f"batas {self.kill_at:%H.%M}" if same_day else f"batas {moment(self.kill_at)}"
            )
        return ", ".join(parts)


def moment(at: datetime) -> str:
    return f"{DAY_NAMES[at.weekday()]} {at:%d-%m %H.%M}"


def default_timing(kill_after_hours: float, send_at: datetime | None = None) -> Timing:
    """The office's default cut-off (`fax.kill_after_hours` after the send time; 0: none)."""
    if not kill_after_hours:
        return Timing(send_at)
    return Timing(send_at, (send_at or now()) + timedelta(hours=kill_after_hours))


def apply_timing(job: FaxJob, timing: Timing, actor: User) -> FaxJob:
    """Give a queued job its times; the operator's step pauses while it waits for them."""
    send_at = timing.send_at if timing.send_at and timing.send_at > now() else None
    job.send_at, job.kill_at = send_at, timing.kill_at
    job.next_try_at = send_at or now()
    if send_at is not None:
        job.progress = f"Dijadwalkan: {timing.words()}"
    elif timing.words():
        job.progress = f"Menunggu daemon ({timing.words()})"
    job.save()
    if send_at is not None and not jobs.others_moving(job):
        deadlines.pause(job.item_id, f"dijadwalkan {timing.words()}")
    audit.record(
        actor.username,
        "faks_jadwal",
        f"fax#{job.item_id}",
        job=job.id,
        send_at=send_at.isoformat() if send_at else "",
        kill_at=timing.kill_at.isoformat() if timing.kill_at else "",
    )
    return job


def send_one(
    actor: User,
    item_id: int,
    destination_id: int,
    timing: Timing,
    *,
    pages: int,
    max_tries: int = 3,
    dial_prefix: str = "",
) -> FaxJob:
    """Queue one destination for the modem at `timing`."""
    timing.check()
    with write():
        job = jobs.enqueue(
            actor,
            item_id,
            destination_id,
            pages=pages,
            max_tries=max_tries,
            dial_prefix=dial_prefix,
        )
        return apply_timing(job, timing, actor)


def send_all(
    actor: User,
    item_id: int,
    timing: Timing,
    *,
    pages: int,
    max_tries: int = 3,
    dial_prefix: str = "",
) -> list[FaxJob]:
    """Queue every destination of the letter not sent or on its way: new ones, and those
    whose job failed or waits for a decision (their unconfirmed pages only)."""
    timing.check()
    with write():
        req = request_of(item_id)
        queued = []
        for dest in req.destinations.order_by(FaxDestination.id):
            if dest.status == "terkirim":
                continue
            last = dest.jobs.order_by(FaxJob.id.desc()).first()
            if last is not None and last.status in (JobStatus.QUEUED, JobStatus.SENDING):
                if not jobs.orphan(last):
                    continue
            if last is not None and jobs.undecided(last) and last.status != JobStatus.QUEUED:
                job = jobs.decide(actor, last.id, resend=True)
            else:
                job = jobs.enqueue(
                    actor,
                    item_id,
                    dest.id,
                    pages=pages,
                    max_tries=max_tries,
                    dial_prefix=dial_prefix,
                )
            queued.append(apply_timing(job, timing, actor))
        if not queued:
            raise Invalid("Tidak ada tujuan yang perlu dikirim: semua terkirim atau dalam antrean.")
    return queued


def expire(at: datetime | None = None) -> list[int]:
    """Queued jobs past their batas kirim go back to the operator as failed; their ids."""
    at = at or now()
    with write():
        late = list(
            FaxJob.select().where(
                (FaxJob.status == JobStatus.QUEUED)
                & FaxJob.kill_at.is_null(False)
                & (FaxJob.kill_at <= at)
            )
        )
        for job in late:
            reason = f"Batas kirim {moment(job.kill_at)} terlewati, belum terkirim"
            taken = (
                FaxJob.update(
                    status=JobStatus.FAILED,
                    result=reason,
                    progress=f"{reason} — putuskan kirim ulang atau batalkan",
                    updated_at=now(),
                )
                .where((FaxJob.id == job.id) & (FaxJob.status == JobStatus.QUEUED))
                .execute()
            )
            if not taken:
                continue
            if job.attempts:  # its calls had no book line yet
                job = FaxJob.get_by_id(job.id)
                jobs.log_transmission(
                    job, job.destination, at, False, reason, job.created_by, "modem"
                )
            deadlines.resume(job.item_id)
            audit.record("daemon", "faks_kedaluwarsa", f"fax#{job.item_id}", job=job.id)
    return [job.id for job in late]
