"""Incoming email (SOP procedure 2): stored, sorted, registered, forwarded, followed up, archived."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from model import audit, outbox
from model.base import now
from model.books import agenda
from model.books.klasifikasi import require
from model.db import write
from model.email_in import intake, letter
from model.email_in.records import (
    FollowUp,
    IncomingMail,
    MailAttachment,
    SetAside,
    mail_of,
    outside,
)
from model.errors import Conflict, Duplicate, Invalid, Problems
from model.org import Unit, User
from model.outbox import MailJob
from model.sop import EMAIL_IN
from model.workflow.items import UnitTask, WorkItem, pending_units
from model.workflow.transitions import acting_role, apply, create_item


def store(parsed, source: str) -> WorkItem | None:
    """Keep one parsed message (a mail.parse.ParsedMail or alike) and start its procedure at
    step 2; None if the same message (Message-ID and bytes) is already stored, also when
    another intake stores it at the same moment. Its text is made storable on every database
    (`outside`); the raw bytes are kept unchanged."""
    try:
        with write():
            return _store(parsed, source)
    except Duplicate:
        if (
            IncomingMail.select()
            .where(
                (IncomingMail.message_id == outside(parsed.message_id))
                & (IncomingMail.sha256 == parsed.sha256)
            )
            .exists()
        ):
            return None
        raise


def _store(parsed, source: str) -> WorkItem | None:
    row, files = intake.mail_row(parsed, source), intake.attachment_rows(parsed)
    if (
        IncomingMail.select()
        .where(
            (IncomingMail.message_id == row["message_id"]) & (IncomingMail.sha256 == row["sha256"])
        )
        .exists()
    ):
        return None
    item = create_item(
        EMAIL_IN, None, row["subject"][:250], note=f"Diterima dari {row['from_addr']}"
    )
    mail = IncomingMail.create(item=item, **row)
    for file in files:
        MailAttachment.create(mail=mail, **file)
    return apply(item.id, None, "terima", system=True)


def classify(actor: User, item_id: int, needs_print: bool, note: str = "") -> WorkItem:
    """Step 2: print and register (→ 3) or no print (→ 6)."""
    with write():
        return apply(item_id, actor, "cetak" if needs_print else "tanpa_cetak", note=note)


def set_aside(actor: User, item_id: int, kind: str, reason: str) -> WorkItem:
    """Step 2: not an official letter (`kind` a SetAside value); the item closes unnumbered and
    the mail stays in the archive, raw bytes and attachments included, with the reason."""
    if kind not in tuple(SetAside):
        raise Invalid(
            f"Pilih jenis email yang bukan surat dinas: {', '.join(k.label for k in SetAside)}."
        )
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid("Tuliskan alasan email ini bukan surat dinas.")
    with write():
        item = apply(item_id, actor, "sisihkan", note=f"{SetAside(kind).label}: {reason}")
        IncomingMail.update(set_aside=kind, set_aside_reason=reason).where(
            IncomingMail.item == item.id
        ).execute()
    return item


def printed(actor: User, item_id: int) -> WorkItem:
    """Step 3 → 4: the important mail has been printed."""
    with write():
        return apply(item_id, actor, "dicetak")


def registration_problems(
    found: Problems,
    klasifikasi: str,
    letter_number: str,
    letter_date: date | None,
    units: Sequence[int],
) -> None:
    """Add to `found` every reason to refuse a registration, by field (klasifikasi,
    letter_number, letter_date, units)."""
    with found.about("klasifikasi"):
        require(klasifikasi)
    letter.check(found, letter_number.strip(), letter_date, units)


def register(
    actor: User,
    item_id: int,
    klasifikasi: str,
    pattern: str,
    unit_code: str,
    *,
    letter_number: str = "",
    letter_date: date | None = None,
    units: Sequence[int] = (),
) -> agenda.AgendaEntry:
    """Step 4 → 5: number it in the buku agenda surat masuk with the sender's letter number
    and date and the units it goes to, in one transaction. What was typed is refused with
    every problem at once (Invalid.problems by field: klasifikasi, letter_number,
    letter_date, units); a letter dated after its mail arrived is kept with a warning."""
    found = Problems()
    registration_problems(found, klasifikasi, letter_number, letter_date, units)
    found.check()
    letter_number = letter_number.strip()
    with write():
        item = apply(item_id, actor, "agendakan")
        mail = mail_of(item)
        letter.record(mail, letter_number, letter_date, units)
        return agenda.register(
            agenda.INCOMING,
            actor,
            klasifikasi=klasifikasi,
            unit_code=unit_code,
            perihal=mail.subject,
            party=mail.from_name or mail.from_addr,
            item=item,
            pattern=pattern,
        )


def labelled(actor: User, item_id: int) -> WorkItem:
    """Step 5 → 6: the printed letter carries its label/number."""
    with write():
        return apply(item_id, actor, "dilabeli")


def forward(actor: User, item_id: int, unit_ids: list[int], note: str = "") -> list[UnitTask]:
    """Step 6 → 7: send the mail on to one or more units (outside OPDs get a real email)."""
    if not unit_ids:
        raise Invalid("Pilih minimal satu bidang/seksi/OPD tujuan.")
    units = list(Unit.select().where(Unit.id.in_(unit_ids)))
    if missing := letter.unreachable(units):
        raise Invalid(missing)
    opds = [u for u in units if u.kind == "opd"]
    with write():
        item = apply(item_id, actor, "teruskan", note=note)
        WorkItem.update(unit=units[0]).where(WorkItem.id == item.id).execute()
        rows = [UnitTask.create(item=item, unit=u, note=note.strip(), by=actor) for u in units]
        if opds:
            emails = [u.email for u in opds]
            outbox.enqueue(actor, item, outbox.MailKind.FORWARD, ", ".join(emails), note=note)
            audit.record(actor.username, "email_teruskan", f"email_in#{item.id}", to=emails)
    return rows


def follow_up(actor: User, item_id: int, text: str, reply_item: WorkItem | None = None) -> FollowUp:
    """Step 7: the actor's unit records its follow-up (every unit's in the step's roles);
    the last unit's moves the mail to 8."""
    with write():
        item = WorkItem.get_or_none(WorkItem.id == item_id)
        if item is None:
            raise Invalid(f"Surat #{item_id} tidak ditemukan.")
        if not item.waits_for("tindak_lanjut"):
            raise Conflict(f"Surat ini sudah di langkah {item.step}.")
        acting_role(actor, item.sop_step, item)
        if not text.strip():
            raise Invalid("Tuliskan tindak lanjut atau jawaban.")
        fwd = (
            UnitTask.select()
            .where(
                (UnitTask.item == item_id)
                & (UnitTask.unit == actor.unit_id)
                & UnitTask.followed_up_at.is_null()
            )
            .first()
        )
        if fwd is None:
            raise Conflict("Tidak ada surat yang menunggu tindak lanjut unit Anda.")
        row = FollowUp.create(forward=fwd, by=actor, text=text.strip(), reply_item=reply_item)
        UnitTask.update(followed_up_at=now()).where(UnitTask.id == fwd.id).execute()
        audit.record(actor.username, "tindak_lanjut", f"email_in#{item_id}", unit=fwd.unit_id)
        if not pending_units(item_id):
            apply(item_id, actor, "tindak_lanjut", note=text.strip())
    return row


def forward_sent(job: MailJob) -> None:
    """The forward email to outside OPDs went out (inside `outbox.finish`): their part of
    step 7 is done by it."""
    item_id, message_id = job.item_id, job.message_id
    unit_emails = [a.strip() for a in job.to.split(",")]
    for fwd in (
        UnitTask.select()
        .join(Unit)
        .where(
            (UnitTask.item == item_id)
            & (Unit.email.in_(unit_emails))
            & UnitTask.followed_up_at.is_null()
        )
    ):
        FollowUp.create(
            forward=fwd,
            text=f"Diteruskan ke {fwd.unit.name} melalui email "
            f"({message_id}); jawaban OPD di luar Warkat.",
        )
        UnitTask.update(followed_up_at=now()).where(UnitTask.id == fwd.id).execute()
    item = WorkItem.get_by_id(item_id)
    if item.waits_for("tindak_lanjut") and not pending_units(item_id):
        apply(
            item_id, None, "tindak_lanjut", system=True, note="Diteruskan ke OPD luar melalui email"
        )


def archive(actor: User, item_id: int) -> WorkItem:
    """Step 8: into the incoming-mail database (the item closes)."""
    with write():
        return apply(item_id, actor, "arsipkan")
