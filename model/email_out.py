"""Outgoing email (SOP procedure 3): drafts, every submitted text kept as a numbered version,
approval or revision, the final text, sending from the office mailbox, archive.

What is sent is what the Kepala Bidang approved: every version row holds the canonical hash of
its text (`Letter.sha256`), and finalising, queueing and the daemon's send compare it."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

import peewee

from model.base import BaseModel, now
from model.db import write
from model.errors import Invalid
from model.fields import Line, Text
from model.items import WorkItem
from model.org import User
from model.sop import EMAIL_OUT
from model.workflow import acting_role, apply, create_item, starting_role

ADDRESS = re.compile(r"^[^@\s,;<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
MAX_ATTACHMENTS = 20 * 1024 * 1024
# How a version row's remark starts: a submitted text, or a remark on the text it concerns.
SUBMITTED, RESUBMITTED, APPROVED, REVISION, FINAL = (
    "diajukan", "diajukan ulang", "disetujui", "revisi", "final")
FIELDS = (("to", "kepada"), ("cc", "tembusan"), ("subject", "perihal"), ("body", "isi"),
          ("attachments", "lampiran"))


class OutgoingMail(BaseModel):
    item = peewee.ForeignKeyField(WorkItem, unique=True, backref="outgoing_rows",
                                  on_delete="CASCADE")
    reply_to = peewee.ForeignKeyField(WorkItem, null=True, backref="replies")
    to = Text(default="")
    cc = Text(default="")
    subject = Text(default="")
    body = Text(default="")
    message_id = Line(default="")
    sent_at = peewee.DateTimeField(null=True)


class OutgoingAttachment(BaseModel):
    mail = peewee.ForeignKeyField(OutgoingMail, backref="attachments", on_delete="CASCADE")
    filename = Line()
    data = peewee.BlobField()


class DraftVersion(BaseModel):
    """Append-only: each submitted text (`number` = its version, v1 first) and each approval,
    revision request or finalisation, which carries the number of the text it concerns."""

    item = peewee.ForeignKeyField(WorkItem, backref="versions", on_delete="CASCADE")
    number = peewee.IntegerField()
    at = peewee.DateTimeField(default=now)
    by = peewee.ForeignKeyField(User)
    to = Text()
    cc = Text(default="")
    subject = Text()
    body = Text()
    remark = Text(default="")  # SUBMITTED, RESUBMITTED…, APPROVED…, REVISION…, FINAL
    sha256 = Line(default="")  # Letter.sha256 of what the row holds
    attachments = Text(default="")  # Letter.attachments

    @property
    def is_text(self) -> bool:
        return self.remark.startswith(SUBMITTED)


@dataclass(frozen=True)
class Letter:
    """Exactly what an outgoing email holds: recipients, subject, body, attachments in order."""

    to: str
    cc: str
    subject: str
    body: str
    files: tuple[tuple[str, bytes], ...] = ()

    @property
    def sha256(self) -> str:
        """The canonical hash every check compares: to, cc, subject, body and each
        attachment's name and the SHA-256 of its bytes, in order."""
        canon = json.dumps([self.to, self.cc, self.subject, self.body,
                            [[name, hashlib.sha256(data).hexdigest()] for name, data in self.files]],
                           ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canon.encode("utf-8")).hexdigest()

    @property
    def attachments(self) -> str:
        """One "name (size byte, sha256)" per line."""
        return "\n".join(f"{name} ({len(data)} byte, {hashlib.sha256(data).hexdigest()})"
                         for name, data in self.files)


def changed(old, new) -> list[str]:
    """The fields (Indonesian labels) where two versions or letters differ."""
    return [label for field, label in FIELDS if getattr(old, field) != getattr(new, field)]


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


def letter_of(item: WorkItem | int) -> Letter:
    """The letter as stored now."""
    mail = mail_of(item)
    files = tuple((a.filename, bytes(a.data))
                  for a in mail.attachments.order_by(OutgoingAttachment.id))
    return Letter(mail.to, mail.cc, mail.subject, mail.body, files)


def form_letter(*, to: str, cc: str, subject: str, body: str,
                files: list[tuple[str, bytes]]) -> Letter:
    """The letter a form holds, checked and written as it would be stored."""
    if not addresses(to):
        raise Invalid("Isi minimal satu alamat tujuan.")
    if not subject.strip() or not body.strip():
        raise Invalid("Perihal dan isi email wajib diisi.")
    if sum(len(d) for _, d in files) > MAX_ATTACHMENTS:
        raise Invalid("Lampiran terlalu besar (maksimal 20 MB seluruhnya).")
    return Letter(", ".join(addresses(to)), ", ".join(addresses(cc)), subject.strip(), body,
                  tuple(files))


def save_draft(actor: User, *, to: str, cc: str, subject: str, body: str,
               attachments: list[tuple[str, bytes]] | None = None, item_id: int | None = None,
               reply_to: WorkItem | None = None) -> WorkItem:
    """Create or edit the unit's draft at step 1, or the approved letter at step 3: there a
    change goes back to the Kepala Bidang as a new version (step 2), an unchanged save does
    nothing. `attachments` None keeps the stored ones."""
    role = starting_role(actor, EMAIL_OUT)  # the drafting role; the item's unit is checked below
    form_letter(to=to, cc=cc, subject=subject, body=body, files=attachments or [])  # fail early
    with write():
        if item_id is None:
            item = create_item(EMAIL_OUT, actor, subject.strip()[:250], unit=actor.unit,
                               role=role)
            OutgoingMail.create(item=item, reply_to=reply_to)
        else:
            item = WorkItem.get_or_none(WorkItem.id == item_id)
            if item is None or item.procedure != EMAIL_OUT or item.step not in (1, 3):
                raise Invalid("Draft ini tidak dapat diubah sekarang.")
            acting_role(actor, item.sop_step, item)
        stored = letter_of(item)
        letter = form_letter(to=to, cc=cc, subject=subject, body=body,
                             files=list(stored.files if attachments is None else attachments))
        _store(item, letter, stored)
        if item.step == 3:
            return _after_approval(actor, item, letter)
    return WorkItem.get_by_id(item.id)


def _store(item: WorkItem, letter: Letter, stored: Letter) -> None:
    """Write `letter` over the `stored` one (and the item's title), where they differ."""
    if letter == stored:
        return
    WorkItem.update(title=letter.subject[:250]).where(WorkItem.id == item.id).execute()
    OutgoingMail.update(to=letter.to, cc=letter.cc, subject=letter.subject,
                        body=letter.body).where(OutgoingMail.item == item).execute()
    if letter.files != stored.files:
        mail = mail_of(item)
        OutgoingAttachment.delete().where(OutgoingAttachment.mail == mail).execute()
        for name, data in letter.files:
            OutgoingAttachment.create(mail=mail, filename=name, data=data)


def _after_approval(actor: User, item: WorkItem, letter: Letter) -> WorkItem:
    """Step 3: a letter that is no longer the approved version is submitted again (3 → 2)."""
    base = approved(item.id)
    if base is not None and base.sha256 == letter.sha256:
        return WorkItem.get_by_id(item.id)
    number = next_version(item.id)
    what = ", ".join(changed(base, letter)) if base else "isi"
    note = f"Diubah setelah disetujui ({what}); diajukan ulang sebagai v{number}"
    moved = apply(item.id, actor, "ajukan_ulang", expected_step=3, note=note)
    _record(moved, actor, f"{RESUBMITTED}: {note}", number)
    return moved


def pending_changes(item_id: int, *, to: str, cc: str, subject: str, body: str,
                    attachments: list[tuple[str, bytes]]) -> list[str]:
    """What saving this form would change in the approved version of the item (labels);
    [] when nothing would go back to the Kepala Bidang."""
    letter = form_letter(to=to, cc=cc, subject=subject, body=body, files=attachments)
    base = approved(item_id)
    if base is None:
        return changed(letter_of(item_id), letter) or ["isi"]
    return [] if base.sha256 == letter.sha256 else changed(base, letter) or ["isi"]


def _record(item: WorkItem, actor: User, remark: str, number: int) -> DraftVersion:
    """Append a version row holding the letter as stored now."""
    letter = letter_of(item)
    return DraftVersion.create(item=item, number=number, by=actor, to=letter.to, cc=letter.cc,
                               subject=letter.subject, body=letter.body, remark=remark,
                               sha256=letter.sha256, attachments=letter.attachments)


def next_version(item_id: int) -> int:
    """The number the next submitted text gets."""
    return (DraftVersion.select(peewee.fn.MAX(DraftVersion.number))
            .where(DraftVersion.item == item_id).scalar() or 0) + 1


def texts(item_id: int) -> list[DraftVersion]:
    """The submitted texts, v1 first."""
    return [v for v in versions(item_id) if v.is_text]


def approved(item_id: int) -> DraftVersion | None:
    """The approval of the latest submitted text, if the Kepala Bidang gave it."""
    submitted = texts(item_id)
    if not submitted:
        return None
    return (DraftVersion.select()
            .where((DraftVersion.item == item_id) & (DraftVersion.id > submitted[-1].id)
                   & DraftVersion.remark.startswith(APPROVED))
            .order_by(DraftVersion.id.desc()).first())


def approved_numbers(item_id: int) -> set[int]:
    """The versions the Kepala Bidang approved."""
    return {v.number for v in versions(item_id) if v.remark.startswith(APPROVED)}


def approved_letter(item: WorkItem | int) -> tuple[Letter, DraftVersion]:
    """The stored letter with the approval it is byte-for-byte equal to; Invalid if it is not
    (not approved, or changed after approval)."""
    item_id = item if isinstance(item, int) else item.id
    version = approved(item_id)
    if version is None:
        raise Invalid(f"Email #{item_id} belum memiliki versi yang disetujui Kepala Bidang; "
                      "email ini tidak boleh dikirim.")
    letter = letter_of(item_id)
    if letter.sha256 != version.sha256:
        what = ", ".join(changed(version, letter)) or "sidik isi"
        raise Invalid(f"Email #{item_id} berbeda dari versi yang disetujui Kepala Bidang "
                      f"(v{version.number}) pada {what}; email ini tidak boleh dikirim.")
    return letter, version


def submit(actor: User, item_id: int) -> WorkItem:
    """Step 1 → 2: the draft goes to the Kepala Bidang as the next version."""
    with write():
        item = apply(item_id, actor, "ajukan", expected_step=1)
        _record(item, actor, SUBMITTED, next_version(item_id))
    return item


def _submitted(item: WorkItem) -> DraftVersion:
    """The text at step 2, refused when the stored letter is not what was submitted."""
    submitted = texts(item.id)
    if not submitted:
        raise Invalid(f"Draft #{item.id} belum pernah diajukan; kembalikan untuk revisi.")
    text, letter = submitted[-1], letter_of(item)
    if letter.sha256 != text.sha256:
        what = ", ".join(changed(text, letter)) or "sidik isi"
        raise Invalid(f"Draft #{item.id} berbeda dari versi yang diajukan (v{text.number}) "
                      f"pada {what}; kembalikan untuk revisi.")
    return text


def approve(actor: User, item_id: int, note: str = "") -> WorkItem:
    """Step 2 → 3: the submitted version is approved as it stands."""
    with write():
        item = apply(item_id, actor, "setujui", expected_step=2, note=note)
        text = _submitted(item)
        _record(item, actor, APPROVED + (f": {note.strip()}" if note.strip() else ""),
                text.number)
    return item


def request_revision(actor: User, item_id: int, notes: str) -> WorkItem:
    """Step 2 → 1 with revision notes; the unit edits and submits a new version."""
    if not notes.strip():
        raise Invalid("Tuliskan catatan revisi untuk penyusun.")
    with write():
        item = apply(item_id, actor, "revisi", expected_step=2, note=notes.strip())
        submitted = texts(item_id)
        _record(item, actor, f"{REVISION}: {notes.strip()}",
                submitted[-1].number if submitted else next_version(item_id))
    return item


def finalise(actor: User, item_id: int) -> WorkItem:
    """Step 3 → 4: the approved letter, unchanged, is the final text ready to send."""
    with write():
        item = apply(item_id, actor, "final", expected_step=3)
        _letter, version = approved_letter(item)
        _record(item, actor, FINAL, version.number)
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
    """Every version row of a draft, oldest first."""
    return list(DraftVersion.select().where(DraftVersion.item == item_id)
                .order_by(DraftVersion.id))
