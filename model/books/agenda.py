"""Agenda books: sequential numbers per book and year, never reused; voids stay visible."""

from __future__ import annotations

import peewee

from model import audit
from model.base import BaseModel, matching, now
from model.config_schema import DEFAULT_PATTERN, PATTERN_KEYS
from model.errors import Invalid
from model.fields import Line, Text
from model.guard import holding
from model.org import User
from model.roles import ADMIN_UMUM
from model.workflow.items import WorkItem

OUTGOING, INCOMING = "keluar", "masuk"
BOOK_NAMES = {OUTGOING: "Buku Agenda Berita Keluar", INCOMING: "Buku Agenda Surat Masuk"}
KEEPERS = (ADMIN_UMUM,)  # who keeps the agenda books (and may void a number)


class AgendaCounter(BaseModel):
    book = Line()
    year = peewee.IntegerField()
    last = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("book", "year"), True),)


class AgendaEntry(BaseModel):
    book = Line()
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    number = Line()
    item = peewee.ForeignKeyField(WorkItem, null=True, backref="agenda_entries")
    klasifikasi = Line(default="")
    perihal = Text(default="")
    party = Line(default="")  # tujuan (outgoing) or asal (incoming)
    registered_at = peewee.DateTimeField(default=now)
    registered_by = peewee.ForeignKeyField(User, null=True)
    void = peewee.BooleanField(default=False)
    void_reason = Text(default="")

    class Meta:
        indexes = ((("book", "year", "seq"), True),)


def check_pattern(pattern: str) -> str:
    """Return `pattern` if it formats with the known keys, else raise Invalid."""
    try:
        pattern.format(**PATTERN_KEYS)
    except (KeyError, ValueError, IndexError) as exc:
        raise Invalid(
            f"Pola nomor agenda tidak sah ({pattern!r}): {exc}. "
            f"Kunci yang dikenal: {', '.join(PATTERN_KEYS)}"
        ) from exc
    return pattern


def next_seq(book: str, year: int, after: int = 0) -> int:
    """Take the next number of `book` in `year` with one atomic upsert of its counter, so
    writers racing on SQLite or PostgreSQL never share one; a book counted here for the first
    time continues after `after`. Call inside the numbering `write()`."""
    (
        AgendaCounter.insert(book=book, year=year, last=after + 1)
        .on_conflict(
            conflict_target=[AgendaCounter.book, AgendaCounter.year],
            update={AgendaCounter.last: AgendaCounter.last + 1},
        )
        .execute()
    )
    return (
        AgendaCounter.select(AgendaCounter.last)
        .where((AgendaCounter.book == book) & (AgendaCounter.year == year))
        .scalar()
    )


def register(
    book: str,
    actor: User,
    *,
    klasifikasi: str,
    unit_code: str,
    perihal: str,
    party: str,
    item: WorkItem | None = None,
    pattern: str = DEFAULT_PATTERN,
) -> AgendaEntry:
    """Take the next number of `book` for this year; call inside the registering `write()`."""
    if book not in BOOK_NAMES:
        raise Invalid(f"Buku agenda tidak dikenal: {book}")
    at = now()
    seq = next_seq(book, at.year)
    number = check_pattern(pattern).format(
        klasifikasi=klasifikasi, urut=seq, unit=unit_code, tahun=at.year, bulan=at.month
    )
    entry = AgendaEntry.create(
        book=book,
        year=at.year,
        seq=seq,
        number=number,
        item=item,
        klasifikasi=klasifikasi,
        perihal=perihal,
        party=party,
        registered_at=at,
        registered_by=actor,
    )
    audit.record(
        actor.username,
        "agenda",
        f"{book}/{at.year}/{seq}",
        number=number,
        item=item.id if item else None,
    )
    return entry


def void(entry_id: int, actor: User, reason: str) -> AgendaEntry:
    """Mark an entry void (it keeps its number and stays in the book); call inside `write()`."""
    holding(actor, KEEPERS, "membatalkan nomor agenda")
    if not reason.strip():
        raise Invalid("Alasan pembatalan nomor agenda wajib diisi.")
    entry = AgendaEntry.get_or_none(AgendaEntry.id == entry_id)
    if entry is None:
        raise Invalid(f"Nomor agenda #{entry_id} tidak ditemukan.")
    if entry.void:
        raise Invalid(f"Nomor {entry.number} sudah dibatalkan.")
    entry.void, entry.void_reason = True, reason.strip()
    entry.save()
    audit.record(
        actor.username,
        "batal_agenda",
        f"{entry.book}/{entry.year}/{entry.seq}",
        reason=reason.strip(),
    )
    return entry


def live_entry(item: WorkItem | int) -> AgendaEntry | None:
    """The item's current (not void) entry in its agenda book."""
    return (
        AgendaEntry.select()
        .where((AgendaEntry.item == item) & ~AgendaEntry.void)
        .order_by(AgendaEntry.id.desc())
        .first()
    )


def agenda_number(item: WorkItem | int) -> str:
    """The item's live agenda number, or '' while it has none."""
    entry = live_entry(item)
    return entry.number if entry else ""


def book_entries(
    book: str, year: int, text: str = "", limit: int | None = None
) -> list[AgendaEntry]:
    """Entries of a book and year, optionally filtered by number, perihal or party (the first
    `limit`)."""
    query = matching(
        AgendaEntry.select().where((AgendaEntry.book == book) & (AgendaEntry.year == year)),
        text,
        AgendaEntry.number,
        AgendaEntry.perihal,
        AgendaEntry.party,
    )
    return list(query.order_by(AgendaEntry.seq).limit(limit))
