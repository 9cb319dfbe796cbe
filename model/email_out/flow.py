"""Outgoing email (SOP procedure 3): drafted, approved or revised, finalised, sent, archived."""

from __future__ import annotations

from model import audit, outbox
from model.base import now
from model.books import agenda
from model.books.klasifikasi import require
from model.db import write
from model.email_out.records import (
    APPROVED,
    FINAL,
    RESUBMITTED,
    REVISION,
    SUBMITTED,
    DraftVersion,
    Letter,
    OutgoingAttachment,
    OutgoingMail,
    approved,
    approved_letter,
    changed,
    form_letter,
    letter_of,
    mail_of,
    next_version,
    texts,
)
from model.errors import Invalid
from model.org import User
from model.outbox import MailJob
from model.sop import EMAIL_OUT
from model.workflow.items import WorkItem
from model.workflow.transitions import acting_role, apply, create_item, starting_role


def save_draft(
    actor: User,
    *,
    to: str,
    cc: str,
    subject: str,
    body: str,
    attachments: list[tuple[str, bytes]] | None = None,
    item_id: int | None = None,
    reply_to: WorkItem | None = None,
) -> WorkItem:
    """Create or edit the unit's draft at step 1, or the approved letter at step 3: there a
    change goes back to the Kepala Bidang as a new version (step 2), an unchanged save does
    nothing. `attachments` None keeps the stored ones."""
    role = starting_role(actor, EMAIL_OUT)  # the drafting role; the item's unit is checked below
    form_letter(to=to, cc=cc, subject=subject, body=body, files=attachments or [])  # fail early
    with write():
        if item_id is None:
            item = create_item(EMAIL_OUT, actor, subject.strip()[:250], unit=actor.unit, role=role)
            OutgoingMail.create(item=item, reply_to=reply_to)
        else:
            item = WorkItem.get_or_none(WorkItem.id == item_id)
            if (
                item is None
                or item.procedure != EMAIL_OUT
                or not (item.waits_for("ajukan") or item.waits_for("final"))
            ):
                raise Invalid("Draft ini tidak dapat diubah sekarang.")
            acting_role(actor, item.sop_step, item)
        stored = letter_of(item)
        letter = form_letter(
            to=to,
            cc=cc,
            subject=subject,
            body=body,
            files=list(stored.files if attachments is None else attachments),
        )
        _store(item, letter, stored)
        if item.waits_for("final"):
            return _after_approval(actor, item, letter)
    return WorkItem.get_by_id(item.id)


def _store(item: WorkItem, letter: Letter, stored: Letter) -> None:
    """Write `letter` over the `stored` one (and the item's title), where they differ."""
    if letter == stored:
        return
    WorkItem.update(title=letter.subject[:250]).where(WorkItem.id == item.id).execute()
    OutgoingMail.update(to=letter.to, cc=letter.cc, subject=letter.subject, body=letter.body).where(
        OutgoingMail.item == item
    ).execute()
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
    moved = apply(item.id, actor, "ajukan_ulang", note=note)
    _record(moved, actor, f"{RESUBMITTED}: {note}", number)
    return moved


def _record(item: WorkItem, actor: User, remark: str, number: int) -> DraftVersion:
    """Append a version row holding the letter as stored now."""
    letter = letter_of(item)
    return DraftVersion.create(
        item=item,
        number=number,
        by=actor,
        to=letter.to,
        cc=letter.cc,
        subject=letter.subject,
        body=letter.body,
        remark=remark,
        sha256=letter.sha256,
        attachments=letter.attachments,
    )


def submit(actor: User, item_id: int) -> WorkItem:
    """Step 1 → 2: the draft goes to the Kepala Bidang as the next version."""
    with write():
        item = apply(item_id, actor, "ajukan")
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
        raise Invalid(
            f"Draft #{item.id} berbeda dari versi yang diajukan (v{text.number}) "
            f"pada {what}; kembalikan untuk revisi."
        )
    return text


def approve(actor: User, item_id: int, note: str = "") -> WorkItem:
    """Step 2 → 3: the submitted version is approved as it stands."""
    with write():
        item = apply(item_id, actor, "setujui", note=note)
        text = _submitted(item)
        _record(item, actor, APPROVED + (f": {note.strip()}" if note.strip() else ""), text.number)
    return item


def request_revision(actor: User, item_id: int, notes: str) -> WorkItem:
    """Step 2 → 1 with revision notes; the unit edits and submits a new version."""
    if not notes.strip():
        raise Invalid("Tuliskan catatan revisi untuk penyusun.")
    with write():
        item = apply(item_id, actor, "revisi", note=notes.strip())
        submitted = texts(item_id)
        _record(
            item,
            actor,
            f"{REVISION}: {notes.strip()}",
            submitted[-1].number if submitted else next_version(item_id),
        )
    return item


def finalise(actor: User, item_id: int) -> WorkItem:
    """Step 3 → 4: the approved letter, unchanged, is the final text ready to send."""
    with write():
        item = apply(item_id, actor, "final")
        _letter, version = approved_letter(item)
        _record(item, actor, FINAL, version.number)
    return item


def send(actor: User, item_id: int, klasifikasi: str, max_tries: int = 3) -> MailJob:
    """Step 4: queue the final email for the daemon, refused when a send is already queued or
    the letter is not byte-for-byte its approved version; it moves to 5 once really sent
    (`sent`) and is then numbered in the outgoing book under `klasifikasi`."""
    require(klasifikasi)
    with write():
        item = WorkItem.get_by_id(item_id)
        if not item.waits_for("kirim"):
            raise Invalid(f"Email ini tidak di langkah kirim (langkah {item.step}).")
        acting_role(actor, item.sop_step, item)
        letter, version = approved_letter(item)
        job = outbox.enqueue(
            actor,
            item,
            outbox.MailKind.SEND,
            letter.to,
            klasifikasi=klasifikasi,
            max_tries=max_tries,
        )
        audit.record(
            actor.username,
            "email_antri",
            f"email_out#{item.id}",
            job=job.id,
            version=version.number,
            sha256=version.sha256,
        )
        return job


def letter_to_send(job: MailJob) -> Letter:
    """The letter a send job carries, proven to be its approved version addressed as queued;
    Invalid (the reason the daemon fails the job with) when it is not."""
    letter, version = approved_letter(job.item_id)
    if letter.to != job.to:
        raise Invalid(
            f"Email #{job.item_id} berbeda dari versi yang disetujui Kepala Bidang "
            f"(v{version.number}) pada alamat antrean; email ini tidak boleh dikirim."
        )
    return letter


def sent(job: MailJob, *, pattern: str, unit_code: str) -> None:
    """The daemon delivered the letter (inside `outbox.finish`): numbered in the outgoing book
    and moved to step 5 for the account that queued it (checked when queued)."""
    item = WorkItem.get_by_id(job.item_id)
    OutgoingMail.update(message_id=job.message_id, sent_at=now()).where(
        OutgoingMail.item == item
    ).execute()
    agenda.register(
        agenda.OUTGOING,
        job.created_by,
        klasifikasi=job.klasifikasi,
        unit_code=unit_code,
        perihal=item.title,
        party=job.to,
        item=item,
        pattern=pattern,
    )
    apply(
        item.id, job.created_by, "kirim", system=True, note=f"Terkirim, Message-ID {job.message_id}"
    )


def archive(actor: User, item_id: int) -> WorkItem:
    """Step 5: into the folder/database of outgoing mail."""
    with write():
        return apply(item_id, actor, "arsipkan")
