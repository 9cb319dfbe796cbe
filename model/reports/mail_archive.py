"""The email archive: closed incoming and outgoing mail found by text, and an item's whole
history (steps vs mutu baku, forwards and follow-ups, draft versions, mail jobs)."""

from __future__ import annotations

from dataclasses import dataclass

from model.books.agenda import AgendaEntry, agenda_number
from model.email_in.records import FollowUp, IncomingMail
from model.email_out.records import DraftVersion, OutgoingMail, versions
from model.fax.archive import HistoryRow, history
from model.outbox import MailJob, jobs_of
from model.sop import DONE, EMAIL_IN, EMAIL_OUT
from model.workflow.items import UnitTask, WorkItem


@dataclass(frozen=True)
class ForwardTrail:
    """One forward (step 6) and what that unit did with it (step 7)."""

    forward: UnitTask
    follow_ups: list[FollowUp]


@dataclass(frozen=True)
class MailDossier:
    """Everything the archive shows about one email item; `incoming` or `outgoing` is set."""

    item: WorkItem
    agenda_number: str
    history: list[HistoryRow]
    jobs: list[MailJob]
    incoming: IncomingMail | None = None
    forwards: list[ForwardTrail] | None = None
    outgoing: OutgoingMail | None = None
    versions: list[DraftVersion] | None = None


def _closed(procedure: str):
    return (WorkItem.procedure == procedure) & (
        (WorkItem.step == DONE) | WorkItem.closed_at.is_null(False)
    )


def _by_agenda(text: str):
    return AgendaEntry.select(AgendaEntry.item).where(
        AgendaEntry.number.contains(text) & AgendaEntry.item.is_null(False)
    )


def _ordered(query, limit: int) -> list[WorkItem]:
    return list(
        query.order_by(WorkItem.closed_at.desc(nulls="LAST"), WorkItem.id.desc()).limit(limit)
    )


def _search(procedure: str, model, fields, text: str, limit: int, only=None) -> list[WorkItem]:
    """Closed items of `procedure` (meeting the condition `only`) whose title, mail `fields` or
    agenda number hold `text`."""
    query = WorkItem.select().where(_closed(procedure))
    if only is not None:
        query = query.where(only)
    t = text.strip()
    if t:
        match = fields[0].contains(t)
        for field in fields[1:]:
            match |= field.contains(t)
        query = query.where(
            WorkItem.title.contains(t)
            | WorkItem.id.in_(model.select(model.item).where(match))
            | WorkItem.id.in_(_by_agenda(t))
        )
    return _ordered(query, limit)


def search_incoming(
    text: str = "", limit: int = 200, set_aside: bool | None = None
) -> list[WorkItem]:
    """Archived incoming mail whose subject, sender, body, agenda number or set-aside reason
    holds `text`; `set_aside` True/False keeps only the mail set aside as not official letters
    at sorting / only the official letters."""
    only = None
    if set_aside is not None:
        aside = IncomingMail.select(IncomingMail.item).where(IncomingMail.set_aside != "")
        only = WorkItem.id.in_(aside) if set_aside else WorkItem.id.not_in(aside)
    return _search(
        EMAIL_IN,
        IncomingMail,
        (
            IncomingMail.subject,
            IncomingMail.from_addr,
            IncomingMail.from_name,
            IncomingMail.text,
            IncomingMail.set_aside_reason,
        ),
        text,
        limit,
        only,
    )


def search_outgoing(text: str = "", limit: int = 200) -> list[WorkItem]:
    """Archived outgoing mail whose subject, recipients, body or agenda number holds `text`."""
    return _search(
        EMAIL_OUT,
        OutgoingMail,
        (OutgoingMail.subject, OutgoingMail.to, OutgoingMail.cc, OutgoingMail.body),
        text,
        limit,
    )


def forwards_of(item_id: int) -> list[ForwardTrail]:
    return [
        ForwardTrail(f, list(f.follow_ups.order_by(FollowUp.at, FollowUp.id)))
        for f in UnitTask.select()
        .where(UnitTask.item == item_id)
        .order_by(UnitTask.at, UnitTask.id)
    ]


def revision_notes(item_id: int) -> list[DraftVersion]:
    """The Kepala Bidang's revision requests on a draft, oldest first."""
    return [v for v in versions(item_id) if v.remark.startswith("revisi")]


def dossier(item_id: int) -> MailDossier:
    """The whole record of an incoming or outgoing email item."""
    item = WorkItem.get_by_id(item_id)
    common = dict(
        item=item,
        agenda_number=agenda_number(item),
        history=history(item_id),
        jobs=jobs_of(item_id),
    )
    if item.procedure == EMAIL_IN:
        return MailDossier(
            **common,
            incoming=IncomingMail.get_or_none(IncomingMail.item == item),
            forwards=forwards_of(item_id),
        )
    return MailDossier(
        **common,
        outgoing=OutgoingMail.get_or_none(OutgoingMail.item == item),
        versions=versions(item_id),
    )
