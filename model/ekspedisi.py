"""Buku ekspedisi: every letter handed over on paper gets a receipt (tanda terima)."""

from __future__ import annotations

from datetime import date, datetime

import peewee

from model import audit
from model.base import BaseModel, day_range, now
from model.db import write
from model.errors import Conflict, Invalid
from model.items import WorkItem
from model.org import User


class EkspedisiEntry(BaseModel):
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    at = peewee.DateTimeField(default=now)
    item = peewee.ForeignKeyField(WorkItem, null=True, backref="ekspedisi",
                                  on_delete="SET NULL")
    letter_number = peewee.CharField(default="")
    letter_date = peewee.DateField(null=True)
    to = peewee.CharField()
    perihal = peewee.TextField(default="")
    lampiran = peewee.CharField(default="")
    receiver_name = peewee.CharField(default="")
    received_at = peewee.DateTimeField(null=True)
    created_by = peewee.ForeignKeyField(User, null=True)

    class Meta:
        indexes = ((("year", "seq"), True),)


def add(actor: User, *, to: str, perihal: str, letter_number: str = "",
        letter_date: date | None = None, lampiran: str = "",
        item: WorkItem | None = None) -> EkspedisiEntry:
    """A letter leaves on paper: give it the next line of this year's book."""
    if not to.strip() or not perihal.strip():
        raise Invalid("Penerima (kepada) dan perihal wajib diisi.")
    with write():
        year = now().year
        seq = (EkspedisiEntry.select(peewee.fn.MAX(EkspedisiEntry.seq))
               .where(EkspedisiEntry.year == year).scalar() or 0) + 1
        entry = EkspedisiEntry.create(year=year, seq=seq, item=item, to=to.strip(),
                                      perihal=perihal.strip(), letter_number=letter_number,
                                      letter_date=letter_date, lampiran=lampiran.strip(),
                                      created_by=actor)
        audit.record(actor.username, "ekspedisi", f"ekspedisi/{year}/{seq}", to=to)
    return entry


def record_receipt(actor: User, entry_id: int, receiver: str, at: datetime) -> EkspedisiEntry:
    """Who received the letter, and when (from the signed tanda terima)."""
    if not receiver.strip():
        raise Invalid("Nama penerima wajib diisi.")
    with write():
        entry = EkspedisiEntry.get_by_id(entry_id)
        if entry.received_at:
            raise Conflict(f"Tanda terima nomor {entry.seq} sudah dicatat "
                           f"({entry.receiver_name}, {entry.received_at:%d-%m-%Y %H:%M}).")
        if at < entry.at.replace(second=0):
            raise Invalid("Waktu terima tidak boleh sebelum surat dikirim.")
        entry.receiver_name, entry.received_at = receiver.strip(), at
        entry.save()
        audit.record(actor.username, "tanda_terima", f"ekspedisi/{entry.year}/{entry.seq}",
                     receiver=receiver)
    return entry


def between(start: date, end: date) -> list[EkspedisiEntry]:
    lo, hi = day_range(start, end)
    return list(EkspedisiEntry.select().where(EkspedisiEntry.at.between(lo, hi))
                .order_by(EkspedisiEntry.year, EkspedisiEntry.seq))
