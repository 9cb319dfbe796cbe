"""The rows of the fax queues: everything a queue shows of an item, read a table at a time
(one query per table for the whole queue, never one per row)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import peewee

from model.base import now
from model.books.agenda import AgendaEntry
from model.clock import Clock
from model.fax import jobs as fax_jobs
from model.fax.number import FaxNumber
from model.fax.records import (
    Disposition,
    FaxAttempt,
    FaxDestination,
    FaxJob,
    FaxLogEntry,
    FaxRequest,
    JobStatus,
)
from model.org import Unit, User
from model.sop import FAX, Step
from model.workflow import deadlines
from model.workflow.inbox import waiting_for
from model.workflow.items import StepLog, WorkItem


@dataclass(frozen=True)
class DispositionFacts:
    by: str
    instructions: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class FaxRow:
    """A fax item waiting at one of the user's steps."""

    id: int
    title: str
    sifat: str
    derajat: str
    step: Step
    clock: Clock
    agenda: str  # its live agenda number, "" while it has none
    has_request: bool  # the nota dinas and isi berita exist
    unit: str  # the requesting unit's code, "-" when unknown
    klasifikasi: str
    destinations: int
    disposition: DispositionFacts | None  # the latest one


def agenda_numbers(ids: Iterable[int]) -> dict[int, str]:
    """Item id -> its live agenda number (items without one are absent)."""
    found: dict[int, str] = {}
    for entry in (
        AgendaEntry.select(AgendaEntry.item, AgendaEntry.number)
        .where(AgendaEntry.item.in_(list(ids)) & ~AgendaEntry.void)
        .order_by(AgendaEntry.id)
    ):
        found[entry.item_id] = entry.number  # the latest wins
    return found


def requests_of(ids: Iterable[int]) -> dict[int, FaxRequest]:
    """Item id -> its request (without the attachment's bytes), its unit joined."""
    query = (
        FaxRequest.select(
            FaxRequest.id,
            FaxRequest.item,
            FaxRequest.klasifikasi,
            FaxRequest.isi_berita,
            FaxRequest.operator,
            FaxRequest.from_unit,
            Unit.id,
            Unit.code,
        )
        .join(Unit, peewee.JOIN.LEFT_OUTER)
        .where(FaxRequest.item.in_(list(ids)))
    )
    return {r.item_id: r for r in query}


def destinations_of(requests: Iterable[FaxRequest]) -> dict[int, list[FaxDestination]]:
    """Request id -> its destinations in the order they were added."""
    found: dict[int, list[FaxDestination]] = {}
    ids = [r.id for r in requests]
    for dest in (
        FaxDestination.select().where(FaxDestination.request.in_(ids)).order_by(FaxDestination.id)
    ):
        found.setdefault(dest.request_id, []).append(dest)
    return found


def dispositions_of(ids: Iterable[int]) -> dict[int, DispositionFacts]:
    found = {}
    for d in (
        Disposition.select(Disposition, User.id, User.full_name)
        .join(User)
        .where(Disposition.item.in_(list(ids)))
        .order_by(Disposition.id)
    ):
        found[d.item_id] = DispositionFacts(
            d.by.full_name, tuple(d.instructions.splitlines()), d.note
        )
    return found


def fax_rows(user: User, actions: tuple[str, ...], limit: int | None = None) -> list[FaxRow]:
    """The user's fax items at the steps of `actions`, most urgent then oldest first (the
    first `limit`)."""
    work = waiting_for(user, FAX, actions=actions, limit=limit)
    ids = [r.item.id for r in work]
    requests = requests_of(ids)
    dests = destinations_of(requests.values())
    numbers, disps = agenda_numbers(ids), dispositions_of(ids)
    rows = []
    for r in work:
        req = requests.get(r.item.id)
        unit = req.from_unit.code if req and req.from_unit_id else "-"
        rows.append(
            FaxRow(
                r.item.id,
                r.item.title,
                r.item.sifat,
                r.item.derajat,
                r.step,
                r.clock,
                numbers.get(r.item.id, ""),
                req is not None,
                unit,
                req.klasifikasi if req else "",
                len(dests.get(req.id, [])) if req else 0,
                disps.get(r.item.id),
            )
        )
    return rows


@dataclass(frozen=True)
class JobFacts:
    """A destination's latest job, as the transmit console shows and offers it."""

    id: int
    status: str
    orphan: bool  # left *sedang dikirim* by a daemon that no longer runs
    undecided: bool  # the operator may resend or cancel it now
    manual: bool
    attempts: int
    max_tries: int
    pages_done: int
    pages_total: int
    progress: str
    result: str
    has_attempts: bool
    send_at: datetime | None  # kirim pada, while still ahead
    kill_at: datetime | None  # batas kirim


@dataclass(frozen=True)
class DestFacts:
    id: int
    name: str
    number: str
    extension: str
    group: str  # the address book group it was picked with, "" when picked alone
    sent: bool
    job: JobFacts | None
    log_id: int | None  # its latest successful line in the buku laporan harian fax


@dataclass(frozen=True)
class TransmitRow:
    """An item at step 5 or 6 with its destinations and their jobs."""

    id: int
    title: str
    sifat: str
    derajat: str
    step: Step
    clock: Clock
    agenda: str
    has_request: bool
    pages: int
    holder_id: int | None  # the operator holding it
    holder: str
    dests: tuple[DestFacts, ...]


def job_facts(jobs: list[FaxJob]) -> dict[int, JobFacts]:
    """Destination id -> the facts of its latest job."""
    with_attempts = {
        a.job_id
        for a in FaxAttempt.select(FaxAttempt.job).where(FaxAttempt.job.in_([j.id for j in jobs]))
    }
    found = {}
    for job in jobs:
        orphan, undecided = fax_jobs.orphan(job), fax_jobs.undecided(job)
        found[job.destination_id] = JobFacts(
            job.id,
            job.status,
            orphan,
            undecided,
            job.manual,
            job.attempts,
            job.max_tries,
            job.pages_done,
            job.pages_total,
            job.progress or "",
            job.result or "",
            job.id in with_attempts,
            job.send_at
            if job.status == JobStatus.QUEUED and (job.send_at or now()) > now()
            else None,
            job.kill_at,
        )
    return found


def transmit_rows(user: User, limit: int | None = None) -> list[TransmitRow]:
    """The user's items waiting to be sent or handed back, with every destination's state
    (the first `limit`)."""
    work = waiting_for(user, FAX, actions=("terkirim", "serahkan"), limit=limit)
    ids = [r.item.id for r in work]
    requests = requests_of(ids)
    dests = destinations_of(requests.values())
    numbers = agenda_numbers(ids)
    holders = {
        u.id: u.full_name
        for u in User.select(User.id, User.full_name).where(
            User.id.in_([r.operator_id for r in requests.values() if r.operator_id])
        )
    }
    jobs = job_facts(list(FaxJob.select().where(FaxJob.item.in_(ids)).order_by(FaxJob.id)))
    logged = {
        e.destination_id: e.id
        for e in FaxLogEntry.select(FaxLogEntry.id, FaxLogEntry.destination)
        .where(FaxLogEntry.item.in_(ids) & FaxLogEntry.ok)
        .order_by(FaxLogEntry.id)
    }
    rows = []
    for r in work:
        req = requests.get(r.item.id)
        facts = tuple(
            DestFacts(
                d.id,
                d.name,
                d.number,
                d.extension,
                d.group_name,
                d.status == "terkirim",
                jobs.get(d.id),
                logged.get(d.id),
            )
            for d in (dests.get(req.id, []) if req else [])
        )
        rows.append(
            TransmitRow(
                r.item.id,
                r.item.title,
                r.item.sifat,
                r.item.derajat,
                r.step,
                r.clock,
                numbers.get(r.item.id, ""),
                req is not None,
                req.pages if req else 0,
                req.operator_id if req else None,
                holders.get(req.operator_id, "") if req else "",
                facts,
            )
        )
    return rows


@dataclass(frozen=True)
class RequestRow:
    """One of the requester's own fax items, at any step or done."""

    id: int
    title: str
    step: Step | None  # None once done
    clock: Clock | None
    agenda: str
    returned: str  # the Kasi's reason of its latest return, if any


def request_rows(user: User, limit: int | None = None) -> list[RequestRow]:
    """Every fax item `user` created, newest first (the first `limit`)."""
    query = (
        WorkItem.select()
        .where((WorkItem.procedure == FAX) & (WorkItem.created_by == user))
        .order_by(WorkItem.id.desc())
    )
    items = list(query if limit is None else query.limit(limit))
    ids = [i.id for i in items]
    numbers = agenda_numbers(ids)
    returned = {
        log.item_id: log.note
        for log in StepLog.select(StepLog.item, StepLog.note)
        .where(StepLog.item.in_(ids) & (StepLog.action == "kembalikan"))
        .order_by(StepLog.id)
    }
    rows = []
    for item in items:
        step = item.sop_step
        clock = deadlines.clock(item) if step else None
        rows.append(
            RequestRow(
                item.id,
                item.title,
                step,
                clock,
                numbers.get(item.id, ""),
                returned.get(item.id, ""),
            )
        )
    return rows


@dataclass(frozen=True)
class DestinationState:
    """A destination of a letter and what became of it, for the journal's overview."""

    name: str
    group: str
    number: str
    status: str
    tries: int
    pages: str
    at: datetime | None


def destination_states(item_id: int) -> list[DestinationState]:
    """Every destination of the letter with its latest job (one query per table)."""
    dests = list(
        FaxDestination.select()
        .join(FaxRequest)
        .where(FaxRequest.item == item_id)
        .order_by(FaxDestination.id)
    )
    latest = {
        j.destination_id: j
        for j in FaxJob.select().where(FaxJob.item == item_id).order_by(FaxJob.id)
    }
    states = []
    for d in dests:
        job = latest.get(d.id)
        if d.status == "terkirim":
            status = "Terkirim"
        elif job is None:
            status = "Belum dikirim"
        else:
            reason = job.result if job.status != JobStatus.QUEUED else job.progress
            label = JobStatus.label_of(job.status)
            status = f"{label}: {reason}" if reason else label
        states.append(
            DestinationState(
                d.name,
                d.group_name,
                FaxNumber(d.number, d.extension).display,
                status,
                job.attempts if job else 0,
                f"{job.pages_done}/{job.pages_total}" if job else "-",
                d.sent_at or (job.updated_at if job and job.attempts else None),
            )
        )
    return states
