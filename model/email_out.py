"""Outgoing email (SOP procedure 3): drafts with every version kept, approval or revision,
the final text, sending from the office mailbox, archive."""

from __future__ import annotations

import re

import peewee

from model.base import BaseModel, now
from model.db import write
from model.errors import Invalid, NotAllowed
from model.items import WorkItem
from model.org import User
from model.roles import STAF
from model.sop import EMAIL_OUT
from model.workflow import acting_role, apply, create_item

ADDRESS = re.compile(r"^[^@\s,;<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
MAX_ATTACHMENTS = 20 * 1024 * 1024


class OutgoingMail(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="outgoing_rows",
                                  on_delete="CASCADE")
    reply_to = peewee.ForeignKeyField(WorkItem, null=True, backref="replies")
    to = peewee.TextField(default="")
    cc = peewee.TextField(default="")
    subject = peewee.TextField(default="")
    body = peewee.TextField(default="")
    message_id = peewee.CharField(default="")
    sent_at = peewee.DateTimeField(null=True)


class OutgoingAttachment(BaseModel):
    mail = peewee.ForeignKeyField(OutgoingMail, backref="attachments", on_delete="CASCADE")
    filename = peewee.CharField()
    data = peewee.BlobField()


class DraftVersion(BaseModel):
    """Every submitted or revised version, so the head can compare them."""

    item = peewee.ForeignKeyField(WorkItem, backref="versions", on_delete="CASCADE")
    number = peewee.IntegerField()
    at = peewee.DateTimeField(default=now)
    by = peewee.ForeignKeyField(User)
    to = peewee.TextField()
    cc = peewee.TextField(default="")
    subject = peewee.TextField()
    body = peewee.TextField()
    remark = peewee.TextField(default="")  # "diajukan", revision notes, "disetujui", "final"
    sha256 = peewee.CharField(default="")  # of recipients, subject, body and attachments
    attachments = peewee.TextField(default="")  # one "name (size, sha256)" per line


def addresses(text: str) -> list[str]:
    """Split and check `a@x.go.id, b@y.id`; raise Invalid naming the broken one."""
    found = [a.strip() for a in re.split(r"[,;\s]+", text or "") if a.strip()]
    for address in found:
        if not ADDRESS.match(address):
            raise Invalid(f"Alamat email tidak sah: {address}")
    return found


def mail_of(item: WorkItem | int) -> OutgoingMail:
    item_id = item if isinstance(item, int) else item.id
    return OutgoingMail.get(OutgoingMail.item == item_id)


def save_draft(actor: User, *, to: str, cc: str, subject: str, body: str,
               attachments: list[tuple[str, bytes]] | None = None, item_id: int | None = None,
               reply_to: WorkItem | None = None) -> WorkItem:
    """Create or edit the unit's draft at step 1 or the final text at step 3."""
    if not actor.has_role(STAF):
        raise NotAllowed("Hanya staf bidang/seksi yang menyusun draft email.")
    if not addresses(to):
        raise Invalid("Isi minimal satu alamat tujuan.")
    addresses(cc)
    if not subject.strip() or not body.strip():
        raise Invalid("Perihal dan isi email wajib diisi.")
    if attachments is not None and sum(len(d) for _, d in attachments) > MAX_ATTACHMENTS:
        raise Invalid("Lampiran terlalu besar (maksimal 20 MB seluruhnya).")
    with write():
        if item_id is None:
            item = create_item(EMAIL_OUT, actor, subject.strip()[:250], unit=actor.unit,
                               role=STAF)
            mail = OutgoingMail.create(item=item, reply_to=reply_to)
        else:
            item = WorkItem.get_by_id(item_id)
            if item.step not in (1, 3) or item.unit_id != actor.unit_id:
                raise Invalid("Draft ini tidak dapat diubah sekarang.")
            WorkItem.update(title=subject.strip()[:250]).where(WorkItem.id == item.id).execute()
            mail = mail_of(item)
        mail.to, mail.cc = ", ".join(addresses(to)), ", ".join(addresses(cc))
        mail.subject, mail.body = subject.strip(), body
        mail.save()
        if attachments is not None:
            OutgoingAttachment.delete().where(OutgoingAttachment.mail == mail).execute()
            for name, data in attachments:
                OutgoingAttachment.create(mail=mail, filename=name, data=data)
    return WorkItem.get_by_id(item.id)


def _version(item: WorkItem, actor: User, remark: str) -> DraftVersion:
    mail = mail_of(item)
    number = (DraftVersion.select(peewee.fn.MAX(DraftVersion.number))
              .where(DraftVersion.item == item).scalar() or 0) + 1
    return DraftVersion.create(item=item, number=number, by=actor, to=mail.to, cc=mail.cc,
                               subject=mail.subject, body=mail.body, remark=remark)


def submit(actor: User, item_id: int) -> WorkItem:
    """Step 1 → 2: the draft goes to the Kepala Bidang; this version is kept."""
    with write():
        item = apply(item_id, actor, "ajukan", expected_step=1)
        _version(item, actor, "diajukan")
    return item


def approve(actor: User, item_id: int, note: str = "") -> WorkItem:
    """Step 2 → 3: approved as it stands."""
    with write():
        item = apply(item_id, actor, "setujui", expected_step=2, note=note)
        _version(item, actor, "disetujui" + (f": {note.strip()}" if note.strip() else ""))
    return item


def request_revision(actor: User, item_id: int, notes: str) -> WorkItem:
    """Step 2 → 1 with revision notes; the unit edits and submits a new version."""
    if not notes.strip():
        raise Invalid("Tuliskan catatan revisi untuk penyusun.")
    with write():
        item = apply(item_id, actor, "revisi", expected_step=2, note=notes.strip())
        _version(item, actor, f"revisi: {notes.strip()}")
    return item


def finalise(actor: User, item_id: int) -> WorkItem:
    """Step 3 → 4: the approved letter is typed in its final form, ready to send."""
    with write():
        item = apply(item_id, actor, "final", expected_step=3)
        _version(item, actor, "final")
    return item


def send(actor: User, item_id: int, klasifikasi: str, max_tries: int = 3):
    """Step 4: queue the final email for the daemon; it moves to 5 once really sent and is
    then numbered in the outgoing book under `klasifikasi`."""
    from model.klasifikasi import require
    from model.mail_jobs import queue_send

    require(klasifikasi)
    with write():
        item = WorkItem.get_by_id(item_id)
        if item.step != 4:
            raise Invalid(f"Email ini tidak di langkah kirim (langkah {item.step}).")
        acting_role(actor, item.sop_step, item)
        return queue_send(actor, item, max_tries, klasifikasi)


def archive(actor: User, item_id: int) -> WorkItem:
    """Step 5: into the folder/database of outgoing mail."""
    with write():
        return apply(item_id, actor, "arsipkan", expected_step=5)


def versions(item_id: int) -> list[DraftVersion]:
    return list(DraftVersion.select().where(DraftVersion.item == item_id)
                .order_by(DraftVersion.number))
