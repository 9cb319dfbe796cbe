"""Incoming email (SOP procedure 2): the mail kept byte for byte, its attachments and follow-ups."""

from __future__ import annotations

import re
from datetime import timedelta

import peewee

from model.base import BaseModel, now
from model.choices import Labelled
from model.fields import Line, Text
from model.org import Unit, User
from model.workflow.items import UnitTask, WorkItem


class SetAside(Labelled):
    """Step 2 "sisihkan": why a mail is not an official letter (stored value, label)."""

    SPAM = "spam", "Spam"
    PHISHING = "phishing", "Phishing/penipuan"
    MISSENT = "salah_kirim", "Salah kirim"


FUTURE_SLACK = timedelta(minutes=5)  # clocks of mail servers drift a little
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class IncomingMail(BaseModel):
    item = peewee.ForeignKeyField(
        WorkItem, unique=True, backref="incoming_rows", on_delete="CASCADE"
    )
    message_id = Line(index=True)
    sha256 = Line()
    raw = peewee.BlobField()
    from_addr = Line(default="")
    from_name = Line(default="")
    to = Text(default="")  # comma separated
    cc = Text(default="")
    sent_at = peewee.DateTimeField(null=True)
    subject = Text(default="")
    text = Text(default="")
    warnings = Text(default="")  # one per line
    source = Line(default="")
    received_at = peewee.DateTimeField(default=now)
    set_aside = Line(default="")  # a SetAside: not an official letter
    set_aside_reason = Text(default="")
    letter_number = Line(default="")  # the sender's nomor surat, typed at registration
    letter_date = peewee.DateField(null=True)  # the sender's tanggal surat

    class Meta:
        indexes = ((("message_id", "sha256"), True),)


class MailAttachment(BaseModel):
    mail = peewee.ForeignKeyField(IncomingMail, backref="attachments", on_delete="CASCADE")
    filename = Line()
    content_type = Line(default="")
    size = peewee.IntegerField(default=0)
    data = peewee.BlobField()


class PlannedForward(BaseModel):
    """A unit named at registration as where the letter goes (diteruskan kepada); the
    forward step starts with these chosen."""

    mail = peewee.ForeignKeyField(IncomingMail, backref="planned", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit)

    class Meta:
        indexes = ((("mail", "unit"), True),)


class FollowUp(BaseModel):
    """Step 7: what a unit did with the mail (or that it answered by outgoing email)."""

    forward = peewee.ForeignKeyField(UnitTask, backref="follow_ups", on_delete="CASCADE")
    by = peewee.ForeignKeyField(User, null=True)
    at = peewee.DateTimeField(default=now)
    text = Text()
    reply_item = peewee.ForeignKeyField(WorkItem, null=True)


class SyncMark(BaseModel):
    """Where intake stopped in one mailbox (IMAP UIDVALIDITY + UID, or a maildir key)."""

    mailbox = Line(unique=True)
    uidvalidity = peewee.BigIntegerField(null=True)
    last_uid = peewee.BigIntegerField(default=0)
    last_key = Line(default="")


def mail_of(item: WorkItem | int) -> IncomingMail:
    item_id = item if isinstance(item, int) else item.id
    return IncomingMail.get(IncomingMail.item == item_id)


def outside(text: str, limit: int | None = 255) -> str:
    """Text from a mail made storable: NUL and other control characters (but tab and newline)
    become U+FFFD; for a one-line column newlines become spaces, cut to `limit` characters."""
    clean = _CONTROLS.sub("\ufffd", text or "")
    return " ".join(clean.splitlines())[:limit] if limit else clean


def set_aside_label(mail: IncomingMail) -> str:
    """The kind's label ('Spam', …) of a mail set aside at step 2, else ''."""
    return SetAside.label_of(mail.set_aside)


def set_aside_text(mail: IncomingMail) -> str:
    """'Bukan surat dinas: <kind> — <reason>' for a mail set aside at step 2, else ''."""
    if not mail.set_aside:
        return ""
    return f"Bukan surat dinas: {set_aside_label(mail)} — {mail.set_aside_reason}"
