"""The email archive: closed incoming and outgoing mail found on the search index
(model.workflow.search), and an item's whole history (steps vs mutu baku, forwards and
follow-ups, draft versions, mail jobs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from model.books.agenda import agenda_number
from model.email_in.records import FollowUp, IncomingMail
from model.email_out.records import DraftVersion, OutgoingMail, versions
from model.fax.archive import HistoryRow, history
from model.outbox import MailJob, jobs_of
from model.sop import EMAIL_IN, EMAIL_OUT
from model.workflow import search
from model.workflow.items import UnitTask, WorkItem
from model.workflow.search import ArchiveRow


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


def search_incoming(
    text: str = "",
    *,
    since: date | None = None,
    until: date | None = None,
    sifat: str | None = None,
    set_aside: bool | None = None,
    limit: int = search.PAGE,
    offset: int = 0,
) -> list[ArchiveRow]:
    """A page of archived incoming mail, newest first, whose subject, sender, body, agenda
    number or set-aside reason holds every word of `text`; closed from `since` to `until`, of
    `sifat`; `set_aside` True/False keeps only the mail set aside as not official letters at
    sorting / only the official letters."""
    only = None
    if set_aside is not None:
        aside = "SELECT item_id FROM incoming_mail WHERE set_aside != ''"
        only = f"{{item}} {'IN' if set_aside else 'NOT IN'} ({aside})"
    return search.page(
        EMAIL_IN,
        text,
        party="COALESCE(NULLIF(m.from_name, ''), m.from_addr)",
        joins="LEFT JOIN incoming_mail m ON m.item_id = w.id",
        aside=("m.set_aside", "m.set_aside_reason"),
        since=since,
        until=until,
        sifat=sifat,
        only=only,
        limit=limit,
        offset=offset,
    )


def search_outgoing(
    text: str = "",
    *,
    since: date | None = None,
    until: date | None = None,
    sifat: str | None = None,
    limit: int = search.PAGE,
    offset: int = 0,
) -> list[ArchiveRow]:
    """A page of archived outgoing mail, newest first, whose subject, recipients, body or
    agenda number holds every word of `text`; closed from `since` to `until`, of `sifat`."""
    return search.page(
        EMAIL_OUT,
        text,
        party='o."to"',
        joins="LEFT JOIN outgoing_mail o ON o.item_id = w.id",
        since=since,
        until=until,
        sifat=sifat,
        limit=limit,
        offset=offset,
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
