"""v2: fax requests, destinations, dispositions, the fax spool and its books, ekspedisi
(schema of commit 9740394)."""

from __future__ import annotations

import peewee

from model.migrations.frozen import Frozen, create
from model.migrations.v001_core import Position, Unit, User, WorkItem

VERSION = 2


class FaxRequest(Frozen):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="+", on_delete="CASCADE")
    nota_number = peewee.CharField()
    nota_date = peewee.DateField(null=True)
    from_unit = peewee.ForeignKeyField(Unit, null=True, backref="+")
    isi_berita = peewee.TextField()
    attachment_name = peewee.CharField()
    attachment = peewee.BlobField(null=True)
    klasifikasi = peewee.CharField()
    fine = peewee.BooleanField()
    operator = peewee.ForeignKeyField(User, null=True, backref="+")
    sent_at = peewee.DateTimeField(null=True)


class FaxDestination(Frozen):
    request = peewee.ForeignKeyField(FaxRequest, backref="+", on_delete="CASCADE")
    name = peewee.CharField()
    number = peewee.CharField()
    extension = peewee.CharField()
    status = peewee.CharField()
    sent_at = peewee.DateTimeField(null=True)


class Disposition(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    by = peewee.ForeignKeyField(User, backref="+")
    at = peewee.DateTimeField()
    to_position = peewee.ForeignKeyField(Position, null=True, backref="+")
    instructions = peewee.TextField()
    note = peewee.TextField()


class FaxJob(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    destination = peewee.ForeignKeyField(FaxDestination, backref="+", on_delete="CASCADE")
    dial = peewee.CharField()
    fine = peewee.BooleanField()
    manual = peewee.BooleanField()
    status = peewee.CharField(index=True)
    attempts = peewee.IntegerField()
    max_tries = peewee.IntegerField()
    next_try_at = peewee.DateTimeField()
    worker = peewee.CharField()
    claimed_at = peewee.DateTimeField(null=True)
    pages_total = peewee.IntegerField()
    pages_done = peewee.IntegerField()
    progress = peewee.CharField()
    result = peewee.TextField()
    remote_id = peewee.CharField()
    params = peewee.CharField()
    thumbnail = peewee.BlobField(null=True)
    created_by = peewee.ForeignKeyField(User, null=True, backref="+")
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField()


class FaxAttempt(Frozen):
    job = peewee.ForeignKeyField(FaxJob, backref="+", on_delete="CASCADE")
    started_at = peewee.DateTimeField()
    ended_at = peewee.DateTimeField()
    number = peewee.CharField()
    remote_id = peewee.CharField()
    params = peewee.CharField()
    pages_sent = peewee.IntegerField()
    pages_total = peewee.IntegerField()
    hangup_code = peewee.CharField()
    message = peewee.TextField()
    ok = peewee.BooleanField()


class FaxLogEntry(Frozen):
    at = peewee.DateTimeField(index=True)
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    destination = peewee.ForeignKeyField(
        FaxDestination, null=True, backref="+", on_delete="SET NULL"
    )
    job = peewee.ForeignKeyField(FaxJob, null=True, backref="+", on_delete="SET NULL")
    agenda_number = peewee.CharField()
    to_name = peewee.CharField()
    number = peewee.CharField()
    pages = peewee.IntegerField()
    ok = peewee.BooleanField()
    result = peewee.TextField()
    remote_id = peewee.CharField()
    operator = peewee.ForeignKeyField(User, null=True, backref="+")
    via = peewee.CharField()
    note = peewee.TextField()


class EkspedisiEntry(Frozen):
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    at = peewee.DateTimeField()
    item = peewee.ForeignKeyField(WorkItem, null=True, backref="+", on_delete="SET NULL")
    letter_number = peewee.CharField()
    letter_date = peewee.DateField(null=True)
    to = peewee.CharField()
    perihal = peewee.TextField()
    lampiran = peewee.CharField()
    receiver_name = peewee.CharField()
    received_at = peewee.DateTimeField(null=True)
    created_by = peewee.ForeignKeyField(User, null=True, backref="+")

    class Meta:
        indexes = ((("year", "seq"), True),)


def up() -> None:
    create(FaxRequest, FaxDestination, Disposition, FaxJob, FaxAttempt, FaxLogEntry, EkspedisiEntry)
