"""Fax requests (SOP procedure 1): the nota dinas, isi berita, destinations and disposition."""

from __future__ import annotations

import peewee

from model.base import BaseModel, now
from model.fields import Line, Text
from model.org import Position, Unit, User
from model.workflow.items import WorkItem

INSTRUCTIONS = (  # of a disposition, the first the usual one
    "Agendakan dan kirim melalui faksimili",
    "Untuk diketahui",
    "Untuk ditindaklanjuti",
    "Untuk diproses sesuai ketentuan",
    "Koordinasikan dengan unit terkait",
    "Segera",
    "Arsip",
)
MAX_ATTACHMENT = 5 * 1024 * 1024
ATTACHMENT_TYPES = {".txt": "text/plain", ".pdf": "application/pdf"}
LINES_PER_PAGE = 52  # text lines that fit one A4 fax page below the header


class FaxRequest(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="fax_rows", on_delete="CASCADE")
    nota_number = Line(default="")
    nota_date = peewee.DateField(null=True)
    from_unit = peewee.ForeignKeyField(Unit, null=True)
    isi_berita = Text(default="")
    attachment_name = Line(default="")
    attachment = peewee.BlobField(null=True)
    klasifikasi = Line(default="")
    fine = peewee.BooleanField(default=False)
    operator = peewee.ForeignKeyField(User, null=True)  # the operator holding it at step 5
    sent_at = peewee.DateTimeField(null=True)

    @property
    def pages(self) -> int:
        """Estimated fax pages of the message text (attachments add their own)."""
        lines = sum(max(1, -(-len(line) // 72)) for line in self.isi_berita.splitlines())
        return max(1, -(-lines // LINES_PER_PAGE))


class FaxDestination(BaseModel):
    request = peewee.ForeignKeyField(FaxRequest, backref="destinations", on_delete="CASCADE")
    name = Line()
    number = Line()  # national digits
    extension = Line(default="")
    status = Line(default="belum")  # belum, terkirim
    sent_at = peewee.DateTimeField(null=True)


class Disposition(BaseModel):
    """The Kasi's written instruction on a request (lembar disposisi)."""

    item = peewee.ForeignKeyField(WorkItem, backref="dispositions", on_delete="CASCADE")
    by = peewee.ForeignKeyField(User)
    at = peewee.DateTimeField(default=now)
    to_position = peewee.ForeignKeyField(Position, null=True)
    instructions = Text(default="")  # one per line
    note = Text(default="")


def request_of(item: WorkItem | int) -> FaxRequest:
    item_id = item if isinstance(item, int) else item.id
    return FaxRequest.get(FaxRequest.item == item_id)
