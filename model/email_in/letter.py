"""The letter an incoming mail carries, as the buku agenda surat masuk records it when the mail
is registered: the sender's letter number and date, and the units it goes to (diteruskan
kepada), which the forward step then starts from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from model.email_in.records import IncomingMail, PlannedForward, mail_of
from model.errors import Problems
from model.fields import problem
from model.guard import not_future
from model.org import Unit
from model.workflow.items import UnitTask

NUMBER_LINE = re.compile(
    r"^[ \t]*No(?:mor|\.)?(?:[ \t]+surat)?[ \t]*:[ \t]*(\S[^\r\n]*?)[ \t]*\r?$", re.I | re.M
)
GUESS_CHARS = 60  # a longer 'Nomor :' line is not a letter number


@dataclass(frozen=True)
class Prefill:
    """What the registration form starts with."""

    number: str
    day: date | None
    units: tuple[int, ...]
    received_at: datetime


@dataclass(frozen=True)
class LetterRow:
    """What the incoming agenda book shows of a registered mail's letter."""

    number: str
    day: date | None
    forward_to: tuple[str, ...]  # the units it was forwarded to, else those named at registration


def unreachable(units: Iterable[Unit]) -> str:
    """Why a mail cannot be forwarded to some OPDs of `units` (no email address), or ''."""
    missing = [u.name for u in units if u.kind == "opd" and not u.email]
    return f"Alamat email OPD belum ada di data unit: {', '.join(missing)}." if missing else ""


def check(found: Problems, number: str, day: date | None, unit_ids: Sequence[int]) -> None:
    """Add to `found` every reason to refuse the letter's number, date and units, by field
    (letter_number, letter_date, units)."""
    if said := problem(IncomingMail.letter_number, number):
        found.add("letter_number", said)
    with found.about("letter_date"):
        not_future(day, "Tanggal surat")
    units = list(Unit.select().where(Unit.id.in_(list(unit_ids)))) if unit_ids else []
    if len(units) != len(set(unit_ids)):
        found.add("units", "Unit tujuan tidak dikenal: pilih dari daftar.")
    elif said := unreachable(units):
        found.add("units", said)


def late_warning(day: date | None, received_at: datetime) -> str:
    """The warning kept with a letter dated after its mail arrived (not refused: the date is
    the sender's), or ''."""
    if day is None or day <= received_at.date():
        return ""
    return (
        f"Tanggal surat ({day:%d-%m-%Y}) sesudah email diterima ({received_at:%d-%m-%Y}): "
        "tanggal pada surat tidak dapat dipercaya."
    )


def record(mail: IncomingMail, number: str, day: date | None, unit_ids: Sequence[int]) -> str:
    """Keep the letter's number, date and units with `mail` (inside the registering
    `write()`); returns the warning kept with it, or ''."""
    warning = late_warning(day, mail.received_at)
    IncomingMail.update(
        letter_number=number,
        letter_date=day,
        warnings="\n".join(filter(None, (mail.warnings, warning))),
    ).where(IncomingMail.id == mail.id).execute()
    PlannedForward.delete().where(PlannedForward.mail == mail.id).execute()
    for unit_id in dict.fromkeys(unit_ids):
        PlannedForward.create(mail=mail, unit=unit_id)
    return warning


def planned_units(item_id: int) -> list[int]:
    """The units named at registration, in the order chosen."""
    return [
        p.unit_id
        for p in PlannedForward.select(PlannedForward.unit)
        .join(IncomingMail)
        .where(IncomingMail.item == item_id)
        .order_by(PlannedForward.id)
    ]


def prefill(item_id: int) -> Prefill:
    """The registration form's start: what is stored, else the 'Nomor : …' line of the
    mail's text and the day it was sent (when not after it arrived)."""
    mail = mail_of(item_id)
    found = NUMBER_LINE.search(mail.text)
    number = mail.letter_number or (found.group(1)[:GUESS_CHARS] if found else "")
    sent = mail.sent_at.date() if mail.sent_at else None
    day = mail.letter_date or (sent if sent and sent <= mail.received_at.date() else None)
    return Prefill(number, day, tuple(planned_units(item_id)), mail.received_at)


def letters_of(item_ids: Sequence[int]) -> dict[int, LetterRow]:
    """The letters of registered mails by item id, one query per table."""
    ids = list(item_ids)
    mails = list(
        IncomingMail.select(
            IncomingMail.id, IncomingMail.item, IncomingMail.letter_number, IncomingMail.letter_date
        ).where(IncomingMail.item.in_(ids))
    )
    forwarded: dict[int, list[str]] = {}
    for task in (
        UnitTask.select(UnitTask.item, Unit.name)
        .join(Unit)
        .where(UnitTask.item.in_(ids))
        .order_by(UnitTask.id)
    ):
        forwarded.setdefault(task.item_id, []).append(task.unit.name)
    planned: dict[int, list[str]] = {}
    for plan in (
        PlannedForward.select(PlannedForward.mail, Unit.name)
        .join(Unit)
        .where(PlannedForward.mail.in_([m.id for m in mails]))
        .order_by(PlannedForward.id)
    ):
        planned.setdefault(plan.mail_id, []).append(plan.unit.name)
    return {
        m.item_id: LetterRow(
            m.letter_number, m.letter_date, tuple(forwarded.get(m.item_id) or planned.get(m.id, ()))
        )
        for m in mails
    }
