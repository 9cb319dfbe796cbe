"""Workflow items and their append-only step log."""

from __future__ import annotations

import peewee

from model.base import BaseModel, now
from model.fields import Line, Text
from model.org import Unit, User
from model.sop import DONE, PROCEDURES


class WorkItem(BaseModel):
    """One fax request, incoming mail or outgoing mail on its way through the SOP."""

    procedure = Line(index=True)
    step = peewee.IntegerField(index=True)
    step_entered_at = peewee.DateTimeField(default=now)
    version = peewee.IntegerField(default=0)
    title = Line(default="")
    sifat = Line(default="Biasa")
    derajat = Line(default="Biasa")
    created_by = peewee.ForeignKeyField(User, null=True, backref="items")
    unit = peewee.ForeignKeyField(Unit, null=True, backref="items")
    created_at = peewee.DateTimeField(default=now)
    closed_at = peewee.DateTimeField(null=True)

    @property
    def sop_step(self):
        return PROCEDURES[self.procedure].step(self.step) if self.step != DONE else None

    @property
    def procedure_name(self) -> str:
        return PROCEDURES[self.procedure].short


class StepLog(BaseModel):
    """One transition: who, as which role, when, from which step to which, and why."""

    item = peewee.ForeignKeyField(WorkItem, backref="log", on_delete="CASCADE")
    at = peewee.DateTimeField(default=now)
    actor = peewee.ForeignKeyField(User, null=True, backref="actions")
    role = Line(default="")
    from_step = peewee.IntegerField(null=True)
    to_step = peewee.IntegerField()
    action = Line()
    note = Text(default="")
    seconds = peewee.IntegerField(default=0)  # time the item spent at from_step
