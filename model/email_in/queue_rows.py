"""The rows of the incoming-mail queues: everything a queue lists of a mail, read a table at
a time (one query per table for the whole queue, never one per row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from model.clock import Clock
from model.email_in.records import IncomingMail
from model.org import User
from model.sop import EMAIL_IN, Step
from model.workflow.inbox import waiting_for
from model.workflow.items import UnitTask


@dataclass(frozen=True)
class InRow:
    """An incoming mail waiting at one of the user's steps."""

    id: int
    step: Step
    clock: Clock
    sender: str  # the sender's name, else address
    subject: str
    created_at: datetime
    forwarded_at: datetime | None  # its latest forward to a unit


def in_rows(user: User, actions: tuple[str, ...] = (), limit: int | None = None) -> list[InRow]:
    """The user's incoming mail at the steps of `actions` (every step when empty), most
    urgent then oldest first (the first `limit`)."""
    work = waiting_for(user, EMAIL_IN, actions=actions, limit=limit)
    ids = [r.item.id for r in work]
    mails = {
        m.item_id: m
        for m in IncomingMail.select(
            IncomingMail.item, IncomingMail.from_addr, IncomingMail.from_name, IncomingMail.subject
        ).where(IncomingMail.item.in_(ids))
    }
    forwarded = {
        t.item_id: t.at
        for t in UnitTask.select(UnitTask.item, UnitTask.at)
        .where(UnitTask.item.in_(ids))
        .order_by(UnitTask.id)
    }
    rows = []
    for r in work:
        mail = mails.get(r.item.id)
        rows.append(
            InRow(
                r.item.id,
                r.step,
                r.clock,
                (mail.from_name or mail.from_addr) if mail else "-",
                mail.subject if mail else r.item.title,
                r.item.created_at,
                forwarded.get(r.item.id),
            )
        )
    return rows
