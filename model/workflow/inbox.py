"""'Pekerjaan saya': the items waiting for a user's roles, with their mutu baku clocks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from model.clock import Clock
from model.org import User
from model.sop import PROCEDURES, Procedure, Step
from model.workflow import deadlines
from model.workflow.items import WorkItem, pending_units
from model.workflow.transitions import in_unit

URGENCY = {"Sangat Segera": 0, "Kilat": 0, "Segera": 1, "Biasa": 2}


@dataclass(frozen=True)
class WorkRow:
    item: WorkItem
    procedure: Procedure
    step: Step
    clock: Clock


def _visible(user: User, step: Step, item: WorkItem) -> bool:
    if step.scope == "owner":
        return item.created_by_id == user.id
    if step.scope == "unit":  # an item given to units waits only for those still owing
        owing = pending_units(item.id)
        return user.unit_id in {u.id for u in owing} if owing else in_unit(user, item)
    return True


def waiting_for(user: User, procedure: str | None = None) -> list[WorkRow]:
    """Open items at steps one of `user`'s roles acts on: most urgent, then oldest first."""
    roles = set(user.roles)
    pairs = [
        (proc, step)
        for proc in PROCEDURES.values()
        if procedure in (None, proc.code)
        for step in proc.steps
        if roles & set(step.roles)
    ]
    if not pairs:
        return []
    where = reduce(
        or_, [(WorkItem.procedure == p.code) & (WorkItem.step == s.number) for p, s in pairs]
    )
    rows = []
    for item in WorkItem.select().where(where & WorkItem.closed_at.is_null()):
        proc = PROCEDURES[item.procedure]
        step = proc.step(item.step)
        if _visible(user, step, item):
            rows.append(WorkRow(item, proc, step, deadlines.clock(item)))
    rows.sort(key=lambda r: (URGENCY.get(r.item.derajat, 2), r.item.step_entered_at))
    return rows
