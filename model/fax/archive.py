"""The fax archive: closed fax items found on the search index (model.workflow.search), and an
item's whole history vs mutu baku."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from model.books.agenda import agenda_number
from model.books.ekspedisi import EkspedisiEntry
from model.clock import Clock
from model.fax.records import Disposition, FaxDestination, FaxLogEntry, FaxRequest
from model.roles import SHORT
from model.sop import DONE, FAX, PROCEDURES, Step
from model.workflow import search
from model.workflow.items import StepLog, WorkItem
from model.workflow.search import ArchiveRow


@dataclass(frozen=True)
class HistoryRow:
    """One step log line: who acted, as which role, and how long the item sat at the step."""

    log: StepLog
    actor_name: str
    role_label: str
    step: Step | None  # the step the item left (None for its creation)
    clock: Clock | None  # time spent at that step against its standard


@dataclass(frozen=True)
class Dossier:
    """Everything the archive shows about one fax item."""

    item: WorkItem
    agenda_number: str
    request: FaxRequest | None
    destinations: list[FaxDestination]
    history: list[HistoryRow]
    dispositions: list[Disposition]
    transmissions: list[FaxLogEntry]
    ekspedisi: list[EkspedisiEntry]


def search_fax_archive(
    text: str = "",
    *,
    since: date | None = None,
    until: date | None = None,
    sifat: str | None = None,
    limit: int = search.PAGE,
    offset: int = 0,
) -> list[ArchiveRow]:
    """A page of closed fax items, newest closed first, whose perihal, agenda number, isi
    berita or a destination's name or number holds every word of `text`; closed from `since`
    to `until` (dates, inclusive), of `sifat`."""
    destinations = search.joined(
        "d.name",
        "fax_destination d JOIN fax_request r ON r.id = d.request_id WHERE r.item_id = w.id",
        "d.id",
    )
    return search.page(
        FAX,
        text,
        party=destinations,
        since=since,
        until=until,
        sifat=sifat,
        limit=limit,
        offset=offset,
    )


def history(item_id: int) -> list[HistoryRow]:
    """The item's step log, oldest first, each step's duration against its mutu baku."""
    item = WorkItem.get_by_id(item_id)
    proc = PROCEDURES[item.procedure]
    rows = []
    for log in item.log.order_by(StepLog.at, StepLog.id):
        step = proc.step(log.from_step) if log.from_step not in (None, DONE) else None
        clock = Clock(log.working_seconds, step.minutes) if step else None
        rows.append(
            HistoryRow(
                log,
                log.actor.full_name if log.actor else "sistem",
                SHORT.get(log.role, log.role),
                step,
                clock,
            )
        )
    return rows


def dossier(item_id: int) -> Dossier:
    """The whole record of a fax item: history, disposition, transmissions and ekspedisi."""
    item = WorkItem.get_by_id(item_id)
    request = FaxRequest.get_or_none(FaxRequest.item == item)
    destinations = list(request.destinations.order_by(FaxDestination.id)) if request else []
    return Dossier(
        item=item,
        agenda_number=agenda_number(item),
        request=request,
        destinations=destinations,
        history=history(item_id),
        dispositions=list(item.dispositions.order_by(Disposition.at)),
        transmissions=list(item.fax_log.order_by(FaxLogEntry.at, FaxLogEntry.id)),
        ekspedisi=list(item.ekspedisi.order_by(EkspedisiEntry.year, EkspedisiEntry.seq)),
    )
