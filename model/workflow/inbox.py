"""'Pekerjaan saya': the items waiting for a user's roles, with their mutu baku clocks, read
a page at a time: who sees an item and the order are SQL, so a limit reads only its rows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

import peewee

from model.clock import Clock
from model.org import User
from model.sop import PROCEDURES, Procedure, Step
from model.workflow import deadlines
from model.workflow.items import UnitTask, WorkItem

URGENCY = {"Sangat Segera": 0, "Kilat": 0, "Segera": 1, "Biasa": 2}


@dataclass(frozen=True)
class WorkRow:
    item: WorkItem
    procedure: Procedure
    step: Step
    clock: Clock


def _tasks(*where) -> peewee.Expression:
    """EXISTS a unit task of the outer item (and `where`)."""
    found = UnitTask.select(UnitTask.id).where(UnitTask.item == WorkItem.id, *where)
    return peewee.fn.EXISTS(found)


def _visible(user: User, step: Step) -> peewee.Expression | None:
    """Who sees an item at `step`: its creator for an owner's step; for a unit's step the units
    still owing it (when it was given to units), else its unit's or any it was given to."""
    if step.scope == "owner":
        return WorkItem.created_by == user.id
    if step.scope == "unit":
        owing = UnitTask.followed_up_at.is_null()
        mine = UnitTask.unit == user.unit_id
        return _tasks(owing, mine) | (
            ~_tasks(owing)
            & (WorkItem.unit.is_null() | (WorkItem.unit == user.unit_id) | _tasks(mine))
        )
    return None


def _where(user: User, procedure: str | None, actions: tuple[str, ...]) -> peewee.Expression | None:
    """The open items at steps of `procedure` (any) one of the user's roles acts on (those
    with one of `actions`, when given) that the user sees; None when there are none."""
    roles, parts = set(user.roles), []
    for proc in PROCEDURES.values():
        if procedure not in (None, proc.code):
            continue
        for step in proc.steps:
            if not roles & set(step.roles):
                continue
            if actions and not any(step.action(a) for a in actions):
                continue
            here = (WorkItem.procedure == proc.code) & (WorkItem.step == step.number)
            seen = _visible(user, step)
            parts.append(here if seen is None else here & seen)
    return reduce(or_, parts) & WorkItem.closed_at.is_null() if parts else None


URGENCY_SQL = peewee.Case(WorkItem.derajat, [(k, v) for k, v in URGENCY.items()], 2)


def waiting_for(
    user: User,
    procedure: str | None = None,
    *,
    actions: tuple[str, ...] = (),
    limit: int | None = None,
    offset: int = 0,
) -> list[WorkRow]:
    """Open items at steps one of `user`'s roles acts on (of `procedure`, at steps with one of
    `actions`): most urgent, then oldest first; `limit` rows from `offset` (all without)."""
    where = _where(user, procedure, actions)
    if where is None:
        return []
    query = (
        WorkItem.select()
        .where(where)
        .order_by(URGENCY_SQL, WorkItem.step_entered_at, WorkItem.id)
        .offset(offset or None)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for item in query:
        proc = PROCEDURES[item.procedure]
        rows.append(WorkRow(item, proc, proc.step(item.step), deadlines.clock(item)))
    return rows


def waiting_counts(user: User, procedure: str) -> dict[int, int]:
    """Step number of `procedure` -> how many items `waiting_for` lists there (one query)."""
    where = _where(user, procedure, ())
    if where is None:
        return {}
    query = (
        WorkItem.select(WorkItem.step, peewee.fn.COUNT(WorkItem.id).alias("n"))
        .where(where)
        .group_by(WorkItem.step)
    )
    return {row.step: row.n for row in query}
