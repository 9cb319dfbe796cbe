"""The books the SOP names, read for a date range (screens and printed pages share these)."""

from __future__ import annotations

from datetime import date

import peewee

from model.base import day_range, matching
from model.books.agenda import AgendaEntry
from model.fax.records import FaxLogEntry
from model.org import User


def agenda_between(
    book: str, start: date, end: date, text: str = "", limit: int | None = None
) -> list[AgendaEntry]:
    """The agenda book's entries of the period (the first `limit`)."""
    lo, hi = day_range(start, end)
    query = matching(
        AgendaEntry.select().where(
            (AgendaEntry.book == book) & AgendaEntry.registered_at.between(lo, hi)
        ),
        text,
        AgendaEntry.number,
        AgendaEntry.perihal,
        AgendaEntry.party,
    )
    return list(query.order_by(AgendaEntry.year, AgendaEntry.seq).limit(limit))


def fax_log_between(
    start: date, end: date, text: str = "", limit: int | None = None
) -> list[FaxLogEntry]:
    """The daily fax book's lines of the period (their operators read with them), optionally
    those whose destination, fax number, agenda number or operator holds `text` (the first
    `limit`)."""
    lo, hi = day_range(start, end)
    query = (
        FaxLogEntry.select(FaxLogEntry, User)
        .join(User, peewee.JOIN.LEFT_OUTER)
        .where(FaxLogEntry.at.between(lo, hi))
    )
    query = matching(
        query,
        text,
        FaxLogEntry.to_name,
        FaxLogEntry.number,
        FaxLogEntry.agenda_number,
        User.full_name,
    )
    return list(query.order_by(FaxLogEntry.at, FaxLogEntry.id).limit(limit))
