"""Workflow items, their append-only step log and the units an item was given to."""

from __future__ import annotations

import peewee

from model.base import BaseModel, now
from model.fields import Line, Text
from model.org import Unit, User
from model.sop import DONE, PROCEDURES

SIFAT = ("Biasa", "Terbatas", "Rahasia", "Sangat Rahasia")  # WorkItem.sifat, first the default
DERAJAT = ("Biasa", "Segera", "Sangat Segera")  # WorkItem.derajat, first the default


class WorkItem(BaseModel):
    """One fax request, incoming mail or outgoing mail on its way through the SOP."""

    procedure = Line(index=True)
    step = peewee.IntegerField(index=True)
    step_entered_at = peewee.DateTimeField(default=now)
    version = peewee.IntegerField(default=0)
    title = Line(default="")
    sifat = Line(default=SIFAT[0])
    derajat = Line(default=DERAJAT[0])
    created_by = peewee.ForeignKeyField(User, null=True, backref="items")
    unit = peewee.ForeignKeyField(Unit, null=True, backref="items")
    created_at = peewee.DateTimeField(default=now)
    closed_at = peewee.DateTimeField(null=True)
    # The mutu baku of the current step on the working calendar (model.workflow.deadlines):
    # pauses so far, the open one, and when the step reaches 80 % and 100 % of its standard.
    paused_seconds = peewee.IntegerField(default=0)
    paused_since = peewee.DateTimeField(null=True)
    warn_at = peewee.DateTimeField(null=True, index=True)
    due_at = peewee.DateTimeField(null=True, index=True)

    @property
    def sop_step(self):
        return PROCEDURES[self.procedure].step(self.step) if self.step != DONE else None

    def waits_for(self, action: str) -> bool:
        """Whether the item is at the step `action` leaves from."""
        return self.step == PROCEDURES[self.procedure].step_of(action).number

    @property
    def procedure_name(self) -> str:
        return PROCEDURES[self.procedure].short


class StepLog(BaseModel):
    """One transition: who, as which role, when, from which step to which, and why."""

    item = peewee.ForeignKeyField(WorkItem, backref="log", on_delete="CASCADE")
    at = peewee.DateTimeField(default=now, index=True)
    actor = peewee.ForeignKeyField(User, null=True, backref="actions")
    role = Line(default="")
    from_step = peewee.IntegerField(null=True)
    to_step = peewee.IntegerField()
    action = Line()
    note = Text(default="")
    seconds = peewee.IntegerField(default=0)  # wall time the item spent at from_step
    working_seconds = peewee.IntegerField(default=0)  # of it, working time not paused
    paused_seconds = peewee.IntegerField(default=0)  # working time paused (deadlines)


class UnitTask(BaseModel):
    """An item given to one unit to act on (an incoming mail forwarded at step 6); done when
    the unit has answered. Steps with scope "unit" wait for every open task."""

    item = peewee.ForeignKeyField(WorkItem, backref="forwards", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit)
    note = Text(default="")
    at = peewee.DateTimeField(default=now)
    by = peewee.ForeignKeyField(User)
    followed_up_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "mail_forward"


def pending_units(item_id: int) -> list[Unit]:
    """Units still owing their part of the item's step."""
    return [
        f.unit
        for f in UnitTask.select().where(
            (UnitTask.item == item_id) & UnitTask.followed_up_at.is_null()
        )
    ]


def task_units(item: WorkItem) -> set[int]:
    """Every unit the item was given to."""
    return {f.unit_id for f in UnitTask.select(UnitTask.unit).where(UnitTask.item == item.id)}
