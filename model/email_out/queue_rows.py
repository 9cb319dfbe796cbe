"""The rows of the outgoing-mail queues: everything a queue lists of a letter, read a table
at a time (one query per table for the whole queue, never one per row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee

from model.clock import Clock
from model.email_out.records import REVISION, DraftVersion, OutgoingMail
from model.org import User
from model.outbox import MailJob, MailKind
from model.sop import EMAIL_OUT, Step
from model.workflow.inbox import waiting_for
from model.workflow.items import WorkItem


@dataclass(frozen=True)
class SendFacts:
    """One send attempt of a letter through the daemon."""

    id: int
    status: str
    attempts: int
    max_tries: int
    updated_at: datetime
    klasifikasi: str
    error: str
    message_id: str


@dataclass(frozen=True)
class OutRow:
    """An outgoing letter waiting at one of the user's steps."""

    id: int
    title: str
    step: Step
    clock: Clock
    author: str  # who wrote the draft, "-" when unknown
    to: str
    revision: bool  # the Kepala Bidang asked for a revision of it once
    sends: tuple[SendFacts, ...]  # oldest first

    @property
    def last_send(self) -> SendFacts | None:
        return self.sends[-1] if self.sends else None


def out_rows(user: User, actions: tuple[str, ...], limit: int | None = None) -> list[OutRow]:
    """The user's outgoing letters at the steps of `actions`, most urgent then oldest first
    (the first `limit`)."""
    work = waiting_for(user, EMAIL_OUT, actions=actions, limit=limit)
    ids = [r.item.id for r in work]
    to = {
        m.item_id: m.to
        for m in OutgoingMail.select(OutgoingMail.item, OutgoingMail.to).where(
            OutgoingMail.item.in_(ids)
        )
    }
    authors = {
        i.id: i.created_by.full_name if i.created_by_id else "-"
        for i in WorkItem.select(WorkItem.id, WorkItem.created_by, User.id, User.full_name)
        .join(User, peewee.JOIN.LEFT_OUTER, on=WorkItem.created_by)
        .where(WorkItem.id.in_(ids))
    }
    revised = {
        v.item_id
        for v in DraftVersion.select(DraftVersion.item).where(
            DraftVersion.item.in_(ids) & DraftVersion.remark.startswith(REVISION)
        )
    }
    sends: dict[int, list[SendFacts]] = {}
    for j in (
        MailJob.select()
        .where(MailJob.item.in_(ids) & (MailJob.kind == MailKind.SEND))
        .order_by(MailJob.id)
    ):
        sends.setdefault(j.item_id, []).append(
            SendFacts(
                j.id,
                j.status,
                j.attempts,
                j.max_tries,
                j.updated_at,
                j.klasifikasi,
                j.error,
                j.message_id,
            )
        )
    return [
        OutRow(
            r.item.id,
            r.item.title,
            r.step,
            r.clock,
            authors.get(r.item.id, "-"),
            to.get(r.item.id, ""),
            r.item.id in revised,
            tuple(sends.get(r.item.id, ())),
        )
        for r in work
    ]
