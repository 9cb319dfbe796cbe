"""v3: incoming mail with attachments, forwards and follow-ups, mailbox sync marks, outgoing
mail with drafts and attachments, the mail spool (schema of commit 9740394)."""

from __future__ import annotations

import peewee

from model.migrations.frozen import Frozen, create
from model.migrations.v001_core import Unit, User, WorkItem

VERSION = 3


class IncomingMail(Frozen):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="+", on_delete="CASCADE")
    message_id = peewee.CharField(index=True)
    sha256 = peewee.CharField()
    raw = peewee.BlobField()
    from_addr = peewee.CharField()
    from_name = peewee.CharField()
    to = peewee.TextField()
    cc = peewee.TextField()
    sent_at = peewee.DateTimeField(null=True)
    subject = peewee.TextField()
    text = peewee.TextField()
    warnings = peewee.TextField()
    source = peewee.CharField()
    received_at = peewee.DateTimeField()

    class Meta:
        indexes = ((("message_id", "sha256"), True),)


class MailAttachment(Frozen):
    mail = peewee.ForeignKeyField(IncomingMail, backref="+", on_delete="CASCADE")
    filename = peewee.CharField()
    content_type = peewee.CharField()
    size = peewee.IntegerField()
    data = peewee.BlobField()


class MailForward(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit, backref="+")
    note = peewee.TextField()
    at = peewee.DateTimeField()
    by = peewee.ForeignKeyField(User, backref="+")
    followed_up_at = peewee.DateTimeField(null=True)


class FollowUp(Frozen):
    forward = peewee.ForeignKeyField(MailForward, backref="+", on_delete="CASCADE")
    by = peewee.ForeignKeyField(User, null=True, backref="+")
    at = peewee.DateTimeField()
    text = peewee.TextField()
    reply_item = peewee.ForeignKeyField(WorkItem, null=True, backref="+")


class SyncMark(Frozen):
    mailbox = peewee.CharField(unique=True)
    uidvalidity = peewee.BigIntegerField(null=True)
    last_uid = peewee.BigIntegerField()
    last_key = peewee.CharField()


class OutgoingMail(Frozen):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="+", on_delete="CASCADE")
    reply_to = peewee.ForeignKeyField(WorkItem, null=True, backref="+")
    to = peewee.TextField()
    cc = peewee.TextField()
    subject = peewee.TextField()
    body = peewee.TextField()
    message_id = peewee.CharField()
    sent_at = peewee.DateTimeField(null=True)


class OutgoingAttachment(Frozen):
    mail = peewee.ForeignKeyField(OutgoingMail, backref="+", on_delete="CASCADE")
    filename = peewee.CharField()
    data = peewee.BlobField()


class DraftVersion(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    number = peewee.IntegerField()
    at = peewee.DateTimeField()
    by = peewee.ForeignKeyField(User, backref="+")
    to = peewee.TextField()
    cc = peewee.TextField()
    subject = peewee.TextField()
    body = peewee.TextField()
    remark = peewee.TextField()


class MailJob(Frozen):
    item = peewee.ForeignKeyField(WorkItem, backref="+", on_delete="CASCADE")
    kind = peewee.CharField()
    to = peewee.TextField()
    note = peewee.TextField()
    klasifikasi = peewee.CharField()
    status = peewee.CharField(index=True)
    attempts = peewee.IntegerField()
    max_tries = peewee.IntegerField()
    next_try_at = peewee.DateTimeField()
    worker = peewee.CharField()
    error = peewee.TextField()
    message_id = peewee.CharField()
    created_by = peewee.ForeignKeyField(User, null=True, backref="+")
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField()


def up() -> None:
    create(
        IncomingMail,
        MailAttachment,
        MailForward,
        FollowUp,
        SyncMark,
        OutgoingMail,
        OutgoingAttachment,
        DraftVersion,
        MailJob,
    )
