"""Fax requests (SOP procedure 1): the nota dinas, isi berita, destinations, disposition, and
the fax jobs, their calls and the daily fax book."""

from __future__ import annotations

import peewee

from model.base import BaseModel, now
from model.choices import Labelled
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
FIRST_PAGE_LINES = 30  # and on the message page, below its fields, above the signature


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
        return 1 + max(0, -(-(lines - FIRST_PAGE_LINES) // LINES_PER_PAGE))


class FaxDestination(BaseModel):
    request = peewee.ForeignKeyField(FaxRequest, backref="destinations", on_delete="CASCADE")
    name = Line()
    number = Line()  # national digits
    extension = Line(default="")
    group_name = Line(default="")  # the address book group it was picked with
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


class JobStatus(Labelled):
    """Where a fax job stands (stored value, label)."""

    QUEUED = "antri", "Antre"
    SENDING = "proses", "Sedang dikirim"
    SENT = "terkirim", "Terkirim"
    FAILED = "gagal", "Gagal"
    DECIDE = "tunggu_keputusan", "Perlu keputusan"
    CANCELLED = "batal", "Dibatalkan"


class FaxJob(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, backref="fax_jobs", on_delete="CASCADE")
    destination = peewee.ForeignKeyField(FaxDestination, backref="jobs", on_delete="CASCADE")
    dial = Line()
    fine = peewee.BooleanField(default=False)
    manual = peewee.BooleanField(default=False)
    status = Line(default=JobStatus.QUEUED, index=True)
    attempts = peewee.IntegerField(default=0)
    max_tries = peewee.IntegerField(default=3)
    next_try_at = peewee.DateTimeField(default=now)
    send_at = peewee.DateTimeField(null=True)  # kirim pada: not before (the operator's choice)
    kill_at = peewee.DateTimeField(null=True)  # batas kirim: unsent by then, back to the operator
    worker = Line(default="")  # the daemon instance holding it (model.heartbeat)
    claimed_at = peewee.DateTimeField(null=True)
    call_started_at = peewee.DateTimeField(null=True)  # dialling began; None between calls
    call_pages = peewee.IntegerField(default=0)  # pages confirmed so far in that call
    pages_total = peewee.IntegerField(default=0)
    pages_done = peewee.IntegerField(default=0)  # confirmed pages (a retry sends the rest)
    progress = Line(default="")
    result = Text(default="")
    remote_id = Line(default="")
    params = Line(default="")  # negotiated resolution and speed, for the journal
    thumbnail = peewee.BlobField(null=True)  # PNG of page 1, for the jurnal pengiriman
    created_by = peewee.ForeignKeyField(User, null=True)
    created_at = peewee.DateTimeField(default=now)
    updated_at = peewee.DateTimeField(default=now)


class FaxAttempt(BaseModel):
    job = peewee.ForeignKeyField(FaxJob, backref="attempt_rows", on_delete="CASCADE")
    started_at = peewee.DateTimeField()
    ended_at = peewee.DateTimeField()
    number = Line()
    remote_id = Line(default="")
    params = Line(default="")
    pages_sent = peewee.IntegerField(default=0)
    pages_total = peewee.IntegerField(default=0)
    hangup_code = Line(default="")
    message = Text(default="")
    ok = peewee.BooleanField(default=False)

    @property
    def seconds(self) -> int:
        return int((self.ended_at - self.started_at).total_seconds())


class FaxLogEntry(BaseModel):
    """One line of the buku laporan harian fax."""

    at = peewee.DateTimeField(index=True)
    item = peewee.ForeignKeyField(WorkItem, backref="fax_log", on_delete="CASCADE")
    destination = peewee.ForeignKeyField(FaxDestination, null=True, on_delete="SET NULL")
    job = peewee.ForeignKeyField(FaxJob, null=True, on_delete="SET NULL")
    agenda_number = Line(default="")
    to_name = Line()
    number = Line()
    pages = peewee.IntegerField(default=0)
    ok = peewee.BooleanField()
    result = Text(default="")
    remote_id = Line(default="")
    operator = peewee.ForeignKeyField(User, null=True)
    via = Line(default="modem")  # modem or manual
    note = Text(default="")


def request_of(item: WorkItem | int) -> FaxRequest:
    item_id = item if isinstance(item, int) else item.id
    return FaxRequest.get(FaxRequest.item == item_id)
