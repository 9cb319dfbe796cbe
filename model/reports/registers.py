"""The books the SOP names, read for a date range (screens and printed pages share these)."""

from __future__ import annotations

from datetime import date

from model.base import day_range
from model.books.agenda import AgendaEntry
from model.fax.records import FaxLogEntry


def agenda_between(book: str, start: date, end: date, text: str = "") -> list[AgendaEntry]:
    lo, hi = day_range(start, end)
    query = AgendaEntry.select().where(
        (AgendaEntry.book == book) & AgendaEntry.registered_at.between(lo, hi)
    )
    if text.strip():
        t = text.strip()
        query = query.where(
            AgendaEntry.number.contains(t)
            | AgendaEntry.perihal.contains(t)
            | AgendaEntry.party.contains(t)
        )
    return list(query.order_by(AgendaEntry.year, AgendaEntry.seq))


def fax_log_between(start: date, end: date) -> list[FaxLogEntry]:
    lo, hi = day_range(start, end)
    return list(FaxLogEntry.select().where(FaxLogEntry.at.between(lo, hi)).order_by(FaxLogEntry.at))
