"""Outgoing email (SOP procedure 3): the letter, its attachments and its append-only versions."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

import peewee

from model.base import BaseModel, now
from model.errors import Invalid, Problems
from model.fields import Line, Text
from model.org import User
from model.workflow.items import WorkItem

ADDRESS = re.compile(r"^[^@\s,;<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
MAX_ATTACHMENTS = 20 * 1024 * 1024
# How a version row's remark starts: a submitted text, or a remark on the text it concerns.
SUBMITTED, RESUBMITTED, APPROVED, REVISION, FINAL = (
    "diajukan",
    "diajukan ulang",
    "disetujui",
    "revisi",
    "final",
)
FIELDS = (
    ("to", "kepada"),
    ("cc", "tembusan"),
    ("subject", "perihal"),
    ("body", "isi"),
    ("attachments", "lampiran"),
)


class OutgoingMail(BaseModel):
    item = peewee.ForeignKeyField(
        WorkItem, unique=True, backref="outgoing_rows", on_delete="CASCADE"
    )
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
        canon = json.dumps(
            [
                self.to,
                self.cc,
                self.subject,
                self.body,
                [[name, hashlib.sha256(data).hexdigest()] for name, data in self.files],
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(canon.encode("utf-8")).hexdigest()

    @property
    def attachments(self) -> str:
        """One "name (size byte, sha256)" per line."""
        return "\n".join(
            f"{name} ({len(data)} byte, {hashlib.sha256(data).hexdigest()})"
            for name, data in self.files
        )


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
    files = tuple(
        (a.filename, bytes(a.data)) for a in mail.attachments.order_by(OutgoingAttachment.id)
    )
    return Letter(mail.to, mail.cc, mail.subject, mail.body, files)


def form_letter(
    *, to: str, cc: str, subject: str, body: str, files: list[tuple[str, bytes]]
) -> Letter:
    """The letter a form holds, checked and written as it would be stored; Invalid with every
    broken rule by its field (to, cc, subject, body, attachments)."""
    found, sent_to, copies = Problems(), [], []
    with found.about("to"):
        sent_to = addresses(to)
        if not sent_to:
            found.add("to", "Isi minimal satu alamat tujuan.")
    with found.about("cc"):
        copies = addresses(cc)
    for field, value in (("subject", subject), ("body", body)):
        if not value.strip():
            found.add(field, "Perihal dan isi email wajib diisi.")
    if sum(len(d) for _, d in files) > MAX_ATTACHMENTS:
        found.add("attachments", "Lampiran terlalu besar (maksimal 20 MB seluruhnya).")
    found.check()
    return Letter(", ".join(sent_to), ", ".join(copies), subject.strip(), body, tuple(files))


def pending_changes(
    item_id: int, *, to: str, cc: str, subject: str, body: str, attachments: list[tuple[str, bytes]]
) -> list[str]:
    """What saving this form would change in the approved version of the item (labels);
    [] when nothing would go back to the Kepala Bidang."""
    letter = form_letter(to=to, cc=cc, subject=subject, body=body, files=attachments)
    base = approved(item_id)
    if base is None:
        return changed(letter_of(item_id), letter) or ["isi"]
    return [] if base.sha256 == letter.sha256 else changed(base, letter) or ["isi"]


def next_version(item_id: int) -> int:
    """The number the next submitted text gets."""
    return (
        DraftVersion.select(peewee.fn.MAX(DraftVersion.number))
        .where(DraftVersion.item == item_id)
        .scalar()
        or 0
    ) + 1


def texts(item_id: int) -> list[DraftVersion]:
    """The submitted texts, v1 first."""
    return [v for v in versions(item_id) if v.is_text]


def approved(item_id: int) -> DraftVersion | None:
    """The approval of the latest submitted text, if the Kepala Bidang gave it."""
    submitted = texts(item_id)
    if not submitted:
        return None
    return (
        DraftVersion.select()
        .where(
            (DraftVersion.item == item_id)
            & (DraftVersion.id > submitted[-1].id)
            & DraftVersion.remark.startswith(APPROVED)
        )
        .order_by(DraftVersion.id.desc())
        .first()
    )


def approved_numbers(item_id: int) -> set[int]:
    """The versions the Kepala Bidang approved."""
    return {v.number for v in versions(item_id) if v.remark.startswith(APPROVED)}


def approved_letter(item: WorkItem | int) -> tuple[Letter, DraftVersion]:
    """The stored letter with the approval it is byte-for-byte equal to; Invalid if it is not
    (not approved, or changed after approval)."""
    item_id = item if isinstance(item, int) else item.id
    version = approved(item_id)
    if version is None:
        raise Invalid(
            f"Email #{item_id} belum memiliki versi yang disetujui Kepala Bidang; "
            "email ini tidak boleh dikirim."
        )
    letter = letter_of(item_id)
    if letter.sha256 != version.sha256:
        what = ", ".join(changed(version, letter)) or "sidik isi"
        raise Invalid(
            f"Email #{item_id} berbeda dari versi yang disetujui Kepala Bidang "
            f"(v{version.number}) pada {what}; email ini tidak boleh dikirim."
        )
    return letter, version


def versions(item_id: int) -> list[DraftVersion]:
    """Every version row of a draft, oldest first."""
    return list(DraftVersion.select().where(DraftVersion.item == item_id).order_by(DraftVersion.id))
