"""v9: mutu baku on the working calendar: the office's own closed days, each item's pauses and
deadlines (80 % and 100 % of its step's standard), the working and paused time of each step
logged, and the notices given once per item and threshold. Steps logged before this version
count their wall time as working time (the calendar was not known then)."""

from __future__ import annotations

import peewee
from playhouse.migrate import migrate

from model.migrations.frozen import Frozen, create, migrator
from model.migrations.v001_core import User, WorkItem

VERSION = 9


class OfficeClosure(Frozen):
    day = peewee.DateField(unique=True)
    name = peewee.CharField(max_length=255)
    by = peewee.ForeignKeyField(User, backref="+")
    at = peewee.DateTimeField()


class StepPause(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    step = peewee.IntegerField()
    started_at = peewee.DateTimeField()
    ended_at = peewee.DateTimeField(null=True)
    reason = peewee.CharField(max_length=255)


class DeadlineNotice(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    step = peewee.IntegerField()
    entered_at = peewee.DateTimeField()
    threshold = peewee.IntegerField()
    at = peewee.DateTimeField()

    class Meta:
        indexes = ((("item", "step", "entered_at", "threshold"), True),)


def _zero() -> peewee.IntegerField:
    return peewee.IntegerField(constraints=[peewee.SQL("DEFAULT 0")])


def up() -> None:
    m = migrator()
    migrate(
        m.add_column("work_item", "paused_seconds", _zero(), allow_not_null=True),
        m.add_column("work_item", "paused_since", peewee.DateTimeField(null=True)),
        m.add_column("work_item", "warn_at", peewee.DateTimeField(null=True)),
        m.add_column("work_item", "due_at", peewee.DateTimeField(null=True)),
        m.add_index("work_item", ("warn_at",)),
        m.add_index("work_item", ("due_at",)),
        m.add_column("step_log", "working_seconds", _zero(), allow_not_null=True),
        m.add_column("step_log", "paused_seconds", _zero(), allow_not_null=True),
    )
    m.database.execute_sql("UPDATE step_log SET working_seconds = seconds")
    create(OfficeClosure)
    create(StepPause)
    create(DeadlineNotice)
