"""v1: organisation, work items and their log, audit trail, agenda books, archive codes,
daemon heartbeat (schema of commit 9740394). Snapshots keep only what reaches the DDL."""

from __future__ import annotations

import csv
from importlib import resources

import peewee

from model.migrations.frozen import Frozen, create

VERSION = 1


class Unit(Frozen):
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    kind = peewee.CharField()
    parent = peewee.ForeignKeyField("self", null=True, backref="+")
    email = peewee.CharField()


class Position(Frozen):
    name = peewee.CharField(unique=True)
    unit = peewee.ForeignKeyField(Unit, null=True, backref="+")


class User(Frozen):
    username = peewee.CharField(unique=True)
    full_name = peewee.CharField()
    nip = peewee.CharField()
    unit = peewee.ForeignKeyField(Unit, null=True, backref="+")
    position = peewee.ForeignKeyField(Position, null=True, backref="+")
    password_hash = peewee.CharField()
    failed_logins = peewee.IntegerField()
    locked_until = peewee.DateTimeField(null=True)
    active = peewee.BooleanField()
    created_at = peewee.DateTimeField()


class UserRole(Frozen):
    user = peewee.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    role = peewee.CharField()

    class Meta:
        indexes = ((("user", "role"), True),)


class Contact(Frozen):
    name = peewee.CharField()
    organisation = peewee.CharField()
    fax = peewee.CharField()
    email = peewee.CharField()


class WorkItem(Frozen):
    procedure = peewee.CharField(index=True)
    step = peewee.IntegerField(index=True)
    step_entered_at = peewee.DateTimeField()
    version = peewee.IntegerField()
    title = peewee.CharField()
    sifat = peewee.CharField()
    derajat = peewee.CharField()
    created_by = peewee.ForeignKeyField(User, null=True, backref="+")
    unit = peewee.ForeignKeyField(Unit, null=True, backref="+")
    created_at = peewee.DateTimeField()
    closed_at = peewee.DateTimeField(null=True)


class StepLog(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    at = peewee.DateTimeField()
    actor = peewee.ForeignKeyField(User, null=True, backref="+")
    role = peewee.CharField()
    from_step = peewee.IntegerField(null=True)
    to_step = peewee.IntegerField()
    action = peewee.CharField()
    note = peewee.TextField()
    seconds = peewee.IntegerField()


class AuditEntry(Frozen):
    at = peewee.DateTimeField()
    actor = peewee.CharField()
    action = peewee.CharField()
    subject = peewee.CharField()
    detail = peewee.TextField()
    prev_hash = peewee.CharField()
    hash = peewee.CharField()


class AgendaCounter(Frozen):
    book = peewee.CharField()
    year = peewee.IntegerField()
    last = peewee.IntegerField()

    class Meta:
        indexes = ((("book", "year"), True),)


class AgendaEntry(Frozen):
    book = peewee.CharField()
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    number = peewee.CharField()
    item = peewee.ForeignKeyField(WorkItem, null=True, backref="+")
    klasifikasi = peewee.CharField()
    perihal = peewee.TextField()
    party = peewee.CharField()
    registered_at = peewee.DateTimeField()
    registered_by = peewee.ForeignKeyField(User, null=True, backref="+")
    void = peewee.BooleanField()
    void_reason = peewee.TextField()

    class Meta:
        indexes = ((("book", "year", "seq"), True),)


class Klasifikasi(Frozen):
    kode = peewee.CharField(primary_key=True)
    uraian = peewee.TextField()


class Heartbeat(Frozen):
    name = peewee.CharField(unique=True)
    pid = peewee.IntegerField()
    host = peewee.CharField()
    started_at = peewee.DateTimeField()
    beat_at = peewee.DateTimeField()
    status = peewee.CharField()


def up() -> None:
    create(
        Unit,
        Position,
        User,
        UserRole,
        Contact,
        WorkItem,
        StepLog,
        AuditEntry,
        AgendaCounter,
        AgendaEntry,
        Klasifikasi,
        Heartbeat,
    )
    # The codes of Permendagri 83/2022 as shipped with v1; changed codes need a new version.
    text = resources.files("model").joinpath("data/klasifikasi_arsip.csv").read_text("utf-8")
    rows = [
        {"kode": r["kode"].strip(), "uraian": r["uraian"].strip()}
        for r in csv.DictReader(text.splitlines())
        if r.get("kode")
    ]
    for start in range(0, len(rows), 200):
        Klasifikasi.insert_many(rows[start : start + 200]).execute()
