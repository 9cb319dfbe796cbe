"""Buku ekspedisi: every letter handed over on paper gets a receipt (tanda terima)."""

from __future__ import annotations

from datetime import date, datetime

import peewee

from model import audit
from model.base import BaseModel, day_range, matching, now
from model.books.agenda import next_seq
from model.db import write
from model.errors import Conflict, Invalid
from model.fields import Line, Text
from model.guard import holding, not_future
from model.org import User
from model.roles import ADMIN_UMUM
from model.workflow.items import WorkItem

BOOK = "ekspedisi"  # its numbers come from the agenda counters under this name
KEEPERS = (ADMIN_UMUM,)  # the book is kept by Administrasi Umum, like the agenda books


class EkspedisiEntry(BaseModel):
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    at = peewee.DateTimeField(default=now)
    item = peewee.ForeignKeyField(WorkItem, null=True, backref="ekspedisi", on_delete="SET NULL")
    letter_number = Line(default="")
    letter_date = peewee.DateField(null=True)
    to = Line()
    perihal = Text(default="")
    lampiran = Line(default="")
    receiver_name = Line(default="")
    received_at = peewee.DateTimeField(null=True)
    created_by = peewee.ForeignKeyField(User, null=True)

    class Meta:
        indexes = ((("year", "seq"), True),)


def add(
    actor: User,
    *,
    to: str,
    perihal: str,
    letter_number: str = "",
    letter_date: date | None = None,
    lampiran: str = "",
    item: WorkItem | None = None,
) -> EkspedisiEntry:
    """A letter leaves on paper: give it the next line of this year's book."""
    with write():
        holding(actor, KEEPERS, "mengisi buku ekspedisi")
        if not to.strip() or not perihal.strip():
            raise Invalid("Penerima (kepada) dan perihal wajib diisi.")
        not_future(letter_date, "Tanggal surat")
        year = now().year
        lines = (
            EkspedisiEntry.select(peewee.fn.MAX(EkspedisiEntry.seq))
            .where(EkspedisiEntry.year == year)
            .scalar()
            or 0
        )  # a book kept before its counter
        seq = next_seq(BOOK, year, after=lines)
        entry = EkspedisiEntry.create(
            year=year,
            seq=seq,
            item=item,
            to=to.strip(),
            perihal=perihal.strip(),
            letter_number=letter_number,
            letter_date=letter_date,
            lampiran=lampiran.strip(),
            created_by=actor,
        )
        audit.record(actor.username, "ekspedisi", f"ekspedisi/{year}/{seq}", to=to)
    return entry


def record_receipt(actor: User, entry_id: int, receiver: str, at: datetime) -> EkspedisiEntry:
    """Who received the letter, and when (from the signed tanda terima)."""
    with write():
        holding(actor, KEEPERS, "mencatat tanda terima ekspedisi")
        if not receiver.strip():
            raise Invalid("Nama penerima wajib diisi.")
        not_future(at, "Waktu terima")
        entry = EkspedisiEntry.get_or_none(EkspedisiEntry.id == entry_id)
        if entry is None:
            raise Invalid(f"Entri ekspedisi #{entry_id} tidak ditemukan.")
        if entry.received_at:
            raise Conflict(
                f"Tanda terima nomor {entry.seq} sudah dicatat "
                f"({entry.receiver_name}, {entry.received_at:%d-%m-%Y %H:%M})."
            )
        if at < entry.at.replace(second=0):
            raise Invalid("Waktu terima tidak boleh sebelum surat dikirim.")
        entry.receiver_name, entry.received_at = receiver.strip(), at
        entry.save()
        audit.record(
            actor.username, "tanda_terima", f"ekspedisi/{entry.year}/{entry.seq}", receiver=receiver
        )
    return entry


def between(
    start: date, end: date, text: str = "", limit: int | None = None
) -> list[EkspedisiEntry]:
    """The entries of the period, optionally those whose addressee, letter number, perihal or
    receiver holds `text` (the first `limit`)."""
    lo, hi = day_range(start, end)
    query = matching(
        EkspedisiEntry.select().where(EkspedisiEntry.at.between(lo, hi)),
        text,
        EkspedisiEntry.to,
        EkspedisiEntry.letter_number,
        EkspedisiEntry.perihal,
        EkspedisiEntry.receiver_name,
    )
    return list(query.order_by(EkspedisiEntry.year, EkspedisiEntry.seq).limit(limit))


def unreceived(start: date, end: date) -> list[int]:
    """The ids of the period's entries without a receipt yet, in the book's order."""
    lo, hi = day_range(start, end)
    query = EkspedisiEntry.select(EkspedisiEntry.id).where(
        EkspedisiEntry.at.between(lo, hi) & EkspedisiEntry.received_at.is_null()
    )
    return [e.id for e in query.order_by(EkspedisiEntry.year, EkspedisiEntry.seq)]
