"""Base model and the clock every timestamp comes from."""

from __future__ import annotations

from datetime import date, datetime

import peewee

from model.db import db

_frozen: datetime | None = None


def now() -> datetime:
    """Local wall-clock time (seconds precision); tests may freeze it with `freeze`."""
    return (_frozen or datetime.now()).replace(microsecond=0)


def freeze(at: datetime | None) -> None:
    """Pin `now()` to `at` (None lets the clock run again)."""
    global _frozen
    _frozen = at


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """The first and last instant of the days from `start` to `end`."""
    return datetime.combine(start, datetime.min.time()), datetime.combine(end, datetime.max.time())


def matching(query, text: str, *fields):
    """`query` narrowed to rows where one of `fields` holds `text` (unchanged when blank)."""
    t = text.strip()
    if not t:
        return query
    match = fields[0].contains(t)
    for field in fields[1:]:
        match |= field.contains(t)
    return query.where(match)


class BaseModel(peewee.Model):
    class Meta:
        database = db
        legacy_table_names = False
