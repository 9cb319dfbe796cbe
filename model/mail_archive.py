"""The email archive: closed incoming and outgoing mail found by text, and an item's whole
history (steps vs mutu baku, forwards and follow-ups, draft versions, mail jobs)."""

from __future__ import annotations

from dataclasses import dataclass

from model.agenda import AgendaEntry
from model.archive import HistoryRow, history
from model.email_in import FollowUp, IncomingMail, MailForward
from model.email_out import DraftVersion, OutgoingMail, versions
from model.items import WorkItem
from model.mail_jobs import MailJob, jobs_of
from model.sop import DONE, EMAIL_IN, EMAIL_OUT


@dataclass(frozen=True)
class ForwardTrail:
    """One forward (step 6) and what that unit did with it (step 7)."""

    forward: MailForward
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


def agenda_number(item: WorkItem | int) -> str:
    """The item's live (not void) number in its agenda book, or ''."""
    entry = (AgendaEntry.select()
             .where((AgendaEntry.item == item) & ~AgendaEntry.void)
             .order_by(AgendaEntry.id.desc()).first())
    return entry.number if entry else ""


def _closed(procedure: str):
    return (WorkItem.procedure == procedure) & (
        (WorkItem.step == DONE) | WorkItem.closed_at.is_null(False))


def _by_agenda(text: str):
    return AgendaEntry.select(AgendaEntry.item).where(
        AgendaEntry.number.contains(text) & AgendaEntry.item.is_null(False))


def _ordered(query, limit: int) -> list[WorkItem]:
    return list(query.order_by(WorkItem.closed_at.desc(nulls="LAST"), WorkItem.id.desc())
                .limit(limit))


def search_incoming(text: str = "", limit: int = 200) -> list[WorkItem]:
    """Archived incoming mail whose subject, sender, body or agenda number holds `text`."""
    query = WorkItem.select().where(_closed(EMAIL_IN))
    t = text.strip()
    if t:
        by_mail = IncomingMail.select(IncomingMail.item).where(
            IncomingMail.subject.contains(t) | IncomingMail.from_addr.contains(t)
            | IncomingMail.from_name.contains(t) | IncomingMail.text.contains(t))
        query = query.where(WorkItem.title.contains(t) | WorkItem.id.in_(by_mail)
                            | WorkItem.id.in_(_by_agenda(t)))
    return _ordered(query, limit)


def search_outgoing(text: str = "", limit: int = 200) -> list[WorkItem]:
    """Archived outgoing mail whose subject, recipients, body or agenda number holds `text`."""
    query = WorkItem.select().where(_closed(EMAIL_OUT))
    t = text.strip()
    if t:
        by_mail = OutgoingMail.select(OutgoingMail.item).where(
            OutgoingMail.subject.contains(t) | OutgoingMail.to.contains(t)
            | OutgoingMail.cc.contains(t) | OutgoingMail.body.contains(t))
        query = query.where(WorkItem.title.contains(t) | WorkItem.id.in_(by_mail)
                            | WorkItem.id.in_(_by_agenda(t)))
    return _ordered(query, limit)


def forwards_of(item_id: int) -> list[ForwardTrail]:
    return [ForwardTrail(f, list(f.follow_ups.order_by(FollowUp.at, FollowUp.id)))
            for f in MailForward.select().where(MailForward.item == item_id)
            .order_by(MailForward.at, MailForward.id)]


def revision_notes(item_id: int) -> list[DraftVersion]:
    """The Kepala Bidang's revision requests on a draft, oldest first."""
    return [v for v in versions(item_id) if v.remark.startswith("revisi")]


def dossier(item_id: int) -> MailDossier:
    """The whole record of an incoming or outgoing email item."""
    item = WorkItem.get_by_id(item_id)
    common = dict(item=item, agenda_number=agenda_number(item), history=history(item_id),
                  jobs=jobs_of(item_id))
    if item.procedure == EMAIL_IN:
        return MailDossier(**common, incoming=IncomingMail.get_or_none(IncomingMail.item == item),
                           forwards=forwards_of(item_id))
    return MailDossier(**common, outgoing=OutgoingMail.get_or_none(OutgoingMail.item == item),
                       versions=versions(item_id))
