"""Mutu baku deadlines on the working calendar: the instants an item's step reaches 80 % and
100 % of its standard (kept on the item, indexed, so lists and the daemon ask the database,
not every item), the pauses the SOP allows (a return to the requester for correction, a fax
waiting out its retry delay), and the notices sent once per item and threshold."""

from __future__ import annotations

from datetime import datetime
from functools import reduce
from operator import or_

import peewee

from model import audit
from model.base import BaseModel, now
from model.calendar import add_closure, calendar, remove_closure
from model.clock import AMBER_SHARE, Clock
from model.db import write
from model.fields import Line
from model.roles import KASI
from model.sop import DONE, PROCEDURES
from model.workflow.items import WorkItem

RETURNED = "dikembalikan untuk perbaikan"
WARN, DUE = 80, 100  # DeadlineNotice.threshold: percent of the standard


class StepPause(BaseModel):
    """Time an item's step did not count against its standard, and why."""

    item = peewee.ForeignKeyField(WorkItem, backref="pauses", on_delete="CASCADE")
    step = peewee.IntegerField()
    started_at = peewee.DateTimeField()
    ended_at = peewee.DateTimeField(null=True)
    reason = Line()


class DeadlineNotice(BaseModel):
    """One notice: the item's step (entered at `entered_at`) reached `threshold` percent."""

    item = peewee.ForeignKeyField(WorkItem, backref="notices", on_delete="CASCADE")
    step = peewee.IntegerField()
    entered_at = peewee.DateTimeField()
    threshold = peewee.IntegerField()
    at = peewee.DateTimeField(default=now)

    class Meta:
        indexes = ((("item", "step", "entered_at", "threshold"), True),)


def working_seconds(item: WorkItem, at: datetime | None = None) -> int:
    """Working seconds the item has counted at its current step, pauses left out."""
    at = at or now()
    cal = calendar()
    total = cal.working_seconds(item.step_entered_at, at) - item.paused_seconds
    if item.paused_since is not None:
        total -= cal.working_seconds(item.paused_since, at)
    return max(0, total)


def clock(item: WorkItem, at: datetime | None = None) -> Clock:
    """The item's mutu baku clock at its current step, on the working calendar."""
    at = at or now()
    step = PROCEDURES[item.procedure].step(item.step) if item.step != DONE else None
    wall = max(0, int((at - item.step_entered_at).total_seconds()))
    return Clock(
        working_seconds(item, at),
        step.minutes if step else None,
        item.step_entered_at,
        wall,
        item.paused_since is not None,
    )


def _instants(item: WorkItem) -> dict:
    """warn_at and due_at of the item at its step (none while paused or without a standard)."""
    step = PROCEDURES[item.procedure].step(item.step) if item.step != DONE else None
    if step is None or not step.minutes or item.paused_since is not None:
        return {WorkItem.warn_at: None, WorkItem.due_at: None}
    cal, start, standard = calendar(), item.step_entered_at, step.minutes * 60
    return {
        WorkItem.warn_at: cal.after(start, int(standard * AMBER_SHARE) + item.paused_seconds),
        WorkItem.due_at: cal.after(start, standard + item.paused_seconds),
    }


def schedule(item_id: int) -> None:
    """Inside a write(): set the item's deadlines for the step it is at now."""
    item = WorkItem.get_by_id(item_id)
    WorkItem.update(_instants(item)).where(WorkItem.id == item_id).execute()


def entered(item_id: int, from_step: int | None, to_step: int) -> None:
    """Inside apply(): the item entered `to_step`; a return to the first step is paused."""
    if from_step and to_step == 1 and from_step > 1:
        pause(item_id, RETURNED)
    else:
        schedule(item_id)


def pause(item_id: int, reason: str, at: datetime | None = None) -> bool:
    """Inside a write(): stop the item's clock (no-op when already paused)."""
    at = at or now()
    item = WorkItem.get_by_id(item_id)
    if item.paused_since is not None or item.step == DONE:
        return False
    WorkItem.update(paused_since=at, warn_at=None, due_at=None).where(
        WorkItem.id == item_id
    ).execute()
    StepPause.create(item=item, step=item.step, started_at=at, reason=reason)
    audit.record("sistem", "jeda", f"{item.procedure}#{item.id}", step=item.step, reason=reason)
    return True


def resume(item_id: int, at: datetime | None = None) -> bool:
    """Inside a write(): run the item's clock again (no-op when it is not paused)."""
    at = at or now()
    item = WorkItem.get_by_id(item_id)
    if item.paused_since is None:
        return False
    paused = calendar().working_seconds(item.paused_since, at)
    WorkItem.update(paused_seconds=WorkItem.paused_seconds + paused, paused_since=None).where(
        WorkItem.id == item_id
    ).execute()
    StepPause.update(ended_at=at).where(
        (StepPause.item == item_id) & StepPause.ended_at.is_null()
    ).execute()
    schedule(item_id)
    return True


def left_step(item: WorkItem, at: datetime) -> tuple[int, int]:
    """Inside apply(), before the item moves on: (working, paused) seconds of the step it
    leaves, any open pause closed at `at`."""
    cal = calendar()
    paused = item.paused_seconds
    if item.paused_since is not None:
        paused += cal.working_seconds(item.paused_since, at)
        StepPause.update(ended_at=at).where(
            (StepPause.item == item.id) & StepPause.ended_at.is_null()
        ).execute()
    working = max(0, cal.working_seconds(item.step_entered_at, at) - paused)
    return working, paused


def reschedule_open() -> int:
    """After the calendar changed: every open item's deadlines again; how many."""
    count = 0
    with write():
        for item in WorkItem.select().where(WorkItem.closed_at.is_null() & (WorkItem.step != DONE)):
            WorkItem.update(_instants(item)).where(WorkItem.id == item.id).execute()
            count += 1
    return count


def pauses_of(item_id: int) -> list[StepPause]:
    return list(StepPause.select().where(StepPause.item == item_id).order_by(StepPause.id))


def scan(at: datetime | None = None) -> list[DeadlineNotice]:
    """The notices due by `at` and not yet given (the daemon calls this): each item at most
    once per step visit and threshold, each recorded in the audit trail."""
    at = at or now()
    made = []
    for threshold, column in ((WARN, WorkItem.warn_at), (DUE, WorkItem.due_at)):
        given = DeadlineNotice.select(DeadlineNotice.id).where(
            (DeadlineNotice.item == WorkItem.id)
            & (DeadlineNotice.step == WorkItem.step)
            & (DeadlineNotice.entered_at == WorkItem.step_entered_at)
            & (DeadlineNotice.threshold == threshold)
        )
        with write():
            due = WorkItem.select().where(
                column.is_null(False) & (column <= at) & ~peewee.fn.EXISTS(given)
            )
            for item in due:
                made.append(
                    DeadlineNotice.create(
                        item=item,
                        step=item.step,
                        entered_at=item.step_entered_at,
                        threshold=threshold,
                        at=at,
                    )
                )
                audit.record(
                    "sistem",
                    "mutu_baku_" + ("peringatan" if threshold == WARN else "terlewati"),
                    f"{item.procedure}#{item.id}",
                    step=item.step,
                    percent=threshold,
                )
    return made


def notice_mail(notice: DeadlineNotice) -> str:
    """The subject and body (separated by a blank line) of the email for a notice."""
    item = notice.item
    step = PROCEDURES[item.procedure].step(notice.step)
    return (
        f"Mutu baku terlewati: {item.procedure_name} #{item.id} — {item.title}\n\n"
        f"Item #{item.id} ({item.title}) sudah melewati mutu baku langkah {step.number} "
        f"({step.name}, {step.minutes} menit kerja) sejak {notice.at:%d-%m-%Y %H.%M}.\n"
        f"Masuk langkah ini: {notice.entered_at:%d-%m-%Y %H.%M}.\n\n"
        "Pesan otomatis dari Warkat."
    )


def overdue(at: datetime | None = None) -> peewee.ModelSelect:
    """Open items past their standard at `at` (indexed on due_at)."""
    return WorkItem.select().where(
        WorkItem.due_at.is_null(False) & (WorkItem.due_at <= (at or now()))
    )


def counts_for(user, at: datetime | None = None) -> tuple[int, int]:
    """(near, over): open items between 80 % and 100 % of their standard, and past it: all of
    them for the Kasi, else those at steps the user's roles act on (their own for an owner's
    step, their unit's for a unit's)."""
    at = at or now()
    scope = _scope(user)
    if scope is None:
        return 0, 0
    warned = WorkItem.select().where(WorkItem.warn_at.is_null(False) & (WorkItem.warn_at <= at))
    over = overdue(at)
    if scope is not True:
        warned, over = warned.where(scope), over.where(scope)
    late = over.count()
    return warned.count() - late, late


def _scope(user):
    """True for the Kasi (every item), else the condition of the user's steps (None: none)."""
    if user.has_role(KASI):
        return True
    roles, where = set(user.roles), []
    for proc in PROCEDURES.values():
        for step in proc.steps:
            if roles & set(step.roles):
                here = (WorkItem.procedure == proc.code) & (WorkItem.step == step.number)
                if step.scope == "owner":
                    here &= WorkItem.created_by == user.id
                elif step.scope == "unit":
                    here &= WorkItem.unit == user.unit_id
                where.append(here)
    return reduce(or_, where) if where else None


def close_office(actor, day, name: str) -> int:
    """The Admin closes the office on `day`; open items' deadlines move. How many moved."""
    add_closure(actor, day, name)
    return reschedule_open()


def reopen_office(actor, day) -> int:
    remove_closure(actor, day)
    return reschedule_open()
