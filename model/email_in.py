"""Incoming email (SOP procedure 2): stored byte for byte, sorted, registered, forwarded,
followed up and archived."""

from __future__ import annotations

import re
from datetime import timedelta

import peewee

from model import agenda, audit
from model.base import BaseModel, now
from model.db import write
from model.errors import Conflict, Duplicate, Invalid
from model.fields import Line, Text
from model.items import WorkItem
from model.org import Unit, User
from model.sop import EMAIL_IN
from model.workflow import acting_role, apply, create_item

# Step 2 "sisihkan": why a mail is not an official letter (stored code -> label)
SET_ASIDE_KINDS = {"spam": "Spam", "phishing": "Phishing/penipuan", "salah_kirim": "Salah kirim"}


FUTURE_SLACK = timedelta(minutes=5)  # clocks of mail servers drift a little
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class IncomingMail(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="incoming_rows",
                                  on_delete="CASCADE")
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
    set_aside = Line(default="")  # spam, phishing, salah_kirim: not an official letter
    set_aside_reason = Text(default="")

    class Meta:
        indexes = ((("message_id", "sha256"), True),)


class MailAttachment(BaseModel):
    mail = peewee.ForeignKeyField(IncomingMail, backref="attachments", on_delete="CASCADE")
    filename = Line()
    content_type = Line(default="")
    size = peewee.IntegerField(default=0)
    data = peewee.BlobField()


class MailForward(BaseModel):
    """Step 6: the mail sent on to one unit (inside Warkat, or by email to an outside OPD)."""

    item = peewee.ForeignKeyField(WorkItem, backref="forwards", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit)
    note = Text(default="")
    at = peewee.DateTimeField(default=now)
    by = peewee.ForeignKeyField(User)
    followed_up_at = peewee.DateTimeField(null=True)


class FollowUp(BaseModel):
    """Step 7: what a unit did with the mail (or that it answered by outgoing email)."""

    forward = peewee.ForeignKeyField(MailForward, backref="follow_ups", on_delete="CASCADE")
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


def store(parsed, source: str) -> WorkItem | None:
    """Keep one parsed message (a mail.parse.ParsedMail or alike) and start its procedure at
    step 2; None if the same message (Message-ID and bytes) is already stored, also when
    another intake stores it at the same moment. Its text is made storable on every database
    (`outside`); the raw bytes are kept unchanged."""
    try:
        with write():
            return _store(parsed, source)
    except Duplicate:
        if IncomingMail.select().where((IncomingMail.message_id == outside(parsed.message_id))
                                       & (IncomingMail.sha256 == parsed.sha256)).exists():
            return None
        raise


def _store(parsed, source: str) -> WorkItem | None:
    message_id = outside(parsed.message_id)
    if IncomingMail.select().where((IncomingMail.message_id == message_id)
                                   & (IncomingMail.sha256 == parsed.sha256)).exists():
        return None
    sent_at = parsed.date.astimezone().replace(tzinfo=None) if parsed.date else None
    warnings = list(parsed.warnings)
    if sent_at and sent_at > now() + FUTURE_SLACK:  # kept (never lose mail), but told
        warnings.append(f"Tanggal kirim ({sent_at:%d-%m-%Y %H:%M}) sesudah email diterima: "
                        "tanggal pada surat tidak dapat dipercaya.")
    subject = outside(parsed.subject or "(tanpa perihal)", None).strip()
    item = create_item(EMAIL_IN, None, subject[:250],
                       note=f"Diterima dari {outside(parsed.from_addr)}")
    mail = IncomingMail.create(
        item=item, message_id=message_id, sha256=parsed.sha256, raw=parsed.raw,
        from_addr=outside(parsed.from_addr), from_name=outside(getattr(parsed, "from_name", "")),
        to=outside(", ".join(parsed.to), None), cc=outside(", ".join(parsed.cc), None),
        sent_at=sent_at, subject=subject, text=outside(parsed.text, None),
        warnings=outside("\n".join(warnings), None), source=outside(source))
    for att in parsed.attachments:
        MailAttachment.create(mail=mail, filename=outside(att.filename or "lampiran"),
                              content_type=outside(att.content_type), size=att.size,
                              data=att.data)
    return apply(item.id, None, "terima", expected_step=1, system=True)


def outside(text: str, limit: int | None = 255) -> str:
    """Text from a mail made storable: NUL and other control characters (but tab and newline)
    become U+FFFD; for a one-line column newlines become spaces, cut to `limit` characters."""
    clean = _CONTROLS.sub("\ufffd", text or "")
    return " ".join(clean.splitlines())[:limit] if limit else clean


def classify(actor: User, item_id: int, needs_print: bool, note: str = "") -> WorkItem:
    """Step 2: print and register (→ 3) or no print (→ 6)."""
    with write():
        return apply(item_id, actor, "cetak" if needs_print else "tanpa_cetak",
                     expected_step=2, note=note)


def set_aside(actor: User, item_id: int, kind: str, reason: str) -> WorkItem:
    """Step 2: not an official letter (see SET_ASIDE_KINDS); the item closes unnumbered and the
    mail stays in the archive, raw bytes and attachments included, with the reason."""
    if kind not in SET_ASIDE_KINDS:
        raise Invalid("Pilih jenis email yang bukan surat dinas: "
                      f"{', '.join(SET_ASIDE_KINDS.values())}.")
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid("Tuliskan alasan email ini bukan surat dinas.")
    with write():
        item = apply(item_id, actor, "sisihkan", expected_step=2,
                     note=f"{SET_ASIDE_KINDS[kind]}: {reason}")
        IncomingMail.update(set_aside=kind, set_aside_reason=reason).where(
            IncomingMail.item == item.id).execute()
    return item


def set_aside_label(mail: IncomingMail) -> str:
    """The kind's label ('Spam', …) of a mail set aside at step 2, else ''."""
    return SET_ASIDE_KINDS.get(mail.set_aside, mail.set_aside)


def set_aside_text(mail: IncomingMail) -> str:
    """'Bukan surat dinas: <kind> — <reason>' for a mail set aside at step 2, else ''."""
    if not mail.set_aside:
        return ""
    return f"Bukan surat dinas: {set_aside_label(mail)} — {mail.set_aside_reason}"


def printed(actor: User, item_id: int) -> WorkItem:
    """Step 3 → 4: the important mail has been printed."""
    with write():
        return apply(item_id, actor, "dicetak", expected_step=3)


def register(actor: User, item_id: int, klasifikasi: str, pattern: str,
             unit_code: str) -> agenda.AgendaEntry:
    """Step 4 → 5: number it in the buku agenda surat masuk, in one transaction."""
    from model.klasifikasi import require

    require(klasifikasi)
    with write():
        item = apply(item_id, actor, "agendakan", expected_step=4)
        mail = mail_of(item)
        return agenda.register(agenda.INCOMING, actor, klasifikasi=klasifikasi,
                               unit_code=unit_code, perihal=mail.subject,
                               party=mail.from_name or mail.from_addr, item=item,
                               pattern=pattern)


def labelled(actor: User, item_id: int) -> WorkItem:
    """Step 5 → 6: the printed letter carries its label/number."""
    with write():
        return apply(item_id, actor, "dilabeli", expected_step=5)


def forward(actor: User, item_id: int, unit_ids: list[int], note: str = "") -> list[MailForward]:
    """Step 6 → 7: send the mail on to one or more units (outside OPDs get a real email)."""
    if not unit_ids:
        raise Invalid("Pilih minimal satu bidang/seksi/OPD tujuan.")
    units = list(Unit.select().where(Unit.id.in_(unit_ids)))
    outside = [u for u in units if u.kind == "opd"]
    missing = [u.name for u in outside if not u.email]
    if missing:
        raise Invalid(f"Alamat email OPD belum ada di data unit: {', '.join(missing)}.")
    with write():
        item = apply(item_id, actor, "teruskan", expected_step=6, note=note)
        WorkItem.update(unit=units[0]).where(WorkItem.id == item.id).execute()
        rows = [MailForward.create(item=item, unit=u, note=note.strip(), by=actor) for u in units]
        if outside:
            from model.mail_jobs import queue_forward

            queue_forward(actor, item, [u.email for u in outside], note)
    return rows


def follow_up(actor: User, item_id: int, text: str, reply_item: WorkItem | None = None) -> FollowUp:
    """Step 7: the actor's unit records its follow-up (every unit's in the step's roles);
    the last unit's moves the mail to 8."""
    with write():
        item = WorkItem.get_or_none(WorkItem.id == item_id)
        if item is None:
            raise Invalid(f"Surat #{item_id} tidak ditemukan.")
        if item.step != 7:
            raise Conflict(f"Surat ini sudah di langkah {item.step}.")
        acting_role(actor, item.sop_step, item)
        if not text.strip():
            raise Invalid("Tuliskan tindak lanjut atau jawaban.")
        fwd = (MailForward.select()
               .where((MailForward.item == item_id) & (MailForward.unit == actor.unit_id)
                      & MailForward.followed_up_at.is_null()).first())
        if fwd is None:
            raise Conflict("Tidak ada surat yang menunggu tindak lanjut unit Anda.")
        row = FollowUp.create(forward=fwd, by=actor, text=text.strip(), reply_item=reply_item)
        MailForward.update(followed_up_at=now()).where(MailForward.id == fwd.id).execute()
        audit.record(actor.username, "tindak_lanjut", f"email_in#{item_id}", unit=fwd.unit_id)
        if not pending_units(item_id):
            apply(item_id, actor, "tindak_lanjut", expected_step=7, note=text.strip())
    return row


def close_outside_forward(item_id: int, unit_emails: list[str], message_id: str) -> None:
    """The forward email to outside OPDs went out: their part of step 7 is done by it.
    Call inside the write transaction that records the sending."""
    for fwd in MailForward.select().join(Unit).where(
            (MailForward.item == item_id) & (Unit.email.in_(unit_emails))
            & MailForward.followed_up_at.is_null()):
        FollowUp.create(forward=fwd, text=f"Diteruskan ke {fwd.unit.name} melalui email "
                                          f"({message_id}); jawaban OPD di luar Warkat.")
        MailForward.update(followed_up_at=now()).where(MailForward.id == fwd.id).execute()
    item = WorkItem.get_by_id(item_id)
    if item.step == 7 and not pending_units(item_id):
        apply(item_id, None, "tindak_lanjut", expected_step=7, system=True,
              note="Diteruskan ke OPD luar melalui email")


def archive(actor: User, item_id: int) -> WorkItem:
    """Step 8: into the incoming-mail database (the item closes)."""
    with write():
        return apply(item_id, actor, "arsipkan", expected_step=8)


def pending_units(item_id: int) -> list[Unit]:
    """Units still owing a follow-up on this mail."""
    return [f.unit for f in MailForward.select().where(
        (MailForward.item == item_id) & MailForward.followed_up_at.is_null())]


def forward_units(item: WorkItem) -> set[int]:
    """Every unit the mail was forwarded to (they act on step 7)."""
    return {f.unit_id for f in MailForward.select(MailForward.unit).where(
        MailForward.item == item.id)}
