"""Agenda books: sequential numbers per book and year, never reused; voids stay visible."""

from __future__ import annotations

import peewee

from model import audit
from model.base import BaseModel, now
from model.errors import Invalid, NotAllowed
from model.items import WorkItem
from model.org import User
from model.roles import ADMIN_UMUM

OUTGOING, INCOMING = "keluar", "masuk"
BOOK_NAMES = {OUTGOING: "Buku Agenda Berita Keluar", INCOMING: "Buku Agenda Surat Masuk"}
DEFAULT_PATTERN = "{klasifikasi}/{urut:03d}/{unit}/{tahun}"
PATTERN_KEYS = {"klasifikasi": "000", "urut": 1, "unit": "X", "tahun": 2026, "bulan": 1}


class AgendaCounter(BaseModel):
    book = peewee.CharField()
    year = peewee.IntegerField()
    last = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("book", "year"), True),)


class AgendaEntry(BaseModel):
    book = peewee.CharField()
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    number = peewee.CharField()
    item = peewee.ForeignKeyField(WorkItem, null=True, backref="agenda_entries")
    klasifikasi = peewee.CharField(default="")
    perihal = peewee.TextField(default="")
    party = peewee.CharField(default="")  # tujuan (outgoing) or asal (incoming)
    registered_at = peewee.DateTimeField(default=now)
    registered_by = peewee.ForeignKeyField(User, null=True)
    void = peewee.BooleanField(default=False)
    void_reason = peewee.TextField(default="")

    class Meta:
        indexes = ((("book", "year", "seq"), True),)


def check_pattern(pattern: str) -> str:
    """Return `pattern` if it formats with the known keys, else raise Invalid."""
    try:
        pattern.format(**PATTERN_KEYS)
    except (KeyError, ValueError, IndexError) as exc:
        raise Invalid(f"Pola nomor agenda tidak sah ({pattern!r}): {exc}. "
                      f"Kunci yang dikenal: {', '.join(PATTERN_KEYS)}") from exc
    return pattern


def register(book: str, actor: User, *, klasifikasi: str, unit_code: str, perihal: str,
             party: str, item: WorkItem | None = None,
             pattern: str = DEFAULT_PATTERN) -> AgendaEntry:
    """Take the next number of `book` for this year; call inside the registering `write()`."""
    if book not in BOOK_NAMES:
        raise Invalid(f"Buku agenda tidak dikenal: {book}")
    at = now()
    (AgendaCounter.insert(book=book, year=at.year, last=1)
     .on_conflict(conflict_target=[AgendaCounter.book, AgendaCounter.year],
                  update={AgendaCounter.last: AgendaCounter.last + 1})
     .execute())
    seq = (AgendaCounter.select(AgendaCounter.last)
           .where((AgendaCounter.book == book) & (AgendaCounter.year == at.year)).scalar())
    number = check_pattern(pattern).format(
        klasifikasi=klasifikasi, urut=seq, unit=unit_code, tahun=at.year, bulan=at.month)
    entry = AgendaEntry.create(book=book, year=at.year, seq=seq, number=number, item=item,
                               klasifikasi=klasifikasi, perihal=perihal, party=party,
                               registered_at=at, registered_by=actor)
    audit.record(actor.username, "agenda", f"{book}/{at.year}/{seq}", number=number,
                 item=item.id if item else None)
    return entry


def void(entry_id: int, actor: User, reason: str) -> AgendaEntry:
    """Mark an entry void (it keeps its number and stays in the book); call inside `write()`."""
    if not actor.has_role(ADMIN_UMUM):
        raise NotAllowed("Hanya Administrasi Umum yang dapat membatalkan nomor agenda.")
    if not reason.strip():
        raise Invalid("Alasan pembatalan nomor agenda wajib diisi.")
    entry = AgendaEntry.get_by_id(entry_id)
    if entry.void:
        raise Invalid(f"Nomor {entry.number} sudah dibatalkan.")
    entry.void, entry.void_reason = True, reason.strip()
    entry.save()
    audit.record(actor.username, "batal_agenda", f"{entry.book}/{entry.year}/{entry.seq}",
                 reason=reason.strip())
    return entry


def live_entry(item: WorkItem | int) -> AgendaEntry | None:
    """The item's current (not void) entry in its agenda book."""
    return (AgendaEntry.select().where((AgendaEntry.item == item) & ~AgendaEntry.void)
            .order_by(AgendaEntry.id.desc()).first())


def agenda_number(item: WorkItem | int) -> str:
    """The item's live agenda number, or '' while it has none."""
    entry = live_entry(item)
    return entry.number if entry else ""


def book_entries(book: str, year: int, text: str = "") -> list[AgendaEntry]:
    """Entries of a book and year, optionally filtered by number, perihal or party."""
    query = AgendaEntry.select().where((AgendaEntry.book == book) & (AgendaEntry.year == year))
    if text.strip():
        t = text.strip()
        query = query.where(AgendaEntry.number.contains(t) | AgendaEntry.perihal.contains(t)
                            | AgendaEntry.party.contains(t))
    return list(query.order_by(AgendaEntry.seq))
