"""Procedure 1, steps 1–4 and 7: draft, submit, dispose or return, register, hand over, archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from model.books import agenda
from model.books import klasifikasi as codes
from model.db import write
from model.errors import Conflict, Invalid, Problems
from model.fax import number as faxnumber
from model.fax.records import (
    ATTACHMENT_TYPES,
    INSTRUCTIONS,
    MAX_ATTACHMENT,
    Disposition,
    FaxDestination,
    FaxRequest,
    request_of,
)
from model.guard import not_future
from model.org import Position, Unit, User
from model.sop import FAX
from model.workflow.items import DERAJAT, SIFAT, WorkItem
from model.workflow.transitions import acting_role, apply, create_item, starting_role, transition


@dataclass
class FaxDraft:
    """What the requester fills in (step 1)."""

    perihal: str = ""
    nota_number: str = ""
    nota_date: date | None = None
    from_unit_id: int | None = None
    isi_berita: str = ""
    # (name, number) or (name, number, address book group)
    destinations: list[tuple[str, ...]] = field(default_factory=list)
    sifat: str = "Biasa"
    derajat: str = "Biasa"
    klasifikasi: str = ""
    fine: bool = False
    attachment_name: str = ""
    attachment: bytes | None = None


def read_attachment(path: str) -> tuple[str, bytes]:
    """Load a text or PDF file to send with the message; refuse others with the reason."""
    file = Path(path.strip()).expanduser()
    if not file.is_file():
        raise Invalid(f"Berkas lampiran tidak ditemukan: {file}")
    if file.suffix.lower() not in ATTACHMENT_TYPES:
        raise Invalid(f"Lampiran {file.name} tidak dapat difaks: hanya teks (.txt) atau PDF.")
    size = file.stat().st_size
    if size > MAX_ATTACHMENT:
        raise Invalid(
            f"Lampiran {file.name} terlalu besar ({size // 1024} KB; "
            f"maksimal {MAX_ATTACHMENT // 1024 // 1024} MB)."
        )
    data = file.read_bytes()
    if file.suffix.lower() == ".pdf" and not data.startswith(b"%PDF"):
        raise Invalid(f"{file.name} bukan berkas PDF yang sah.")
    if file.suffix.lower() == ".txt":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Invalid(f"{file.name} bukan teks UTF-8 (berkas biner?).") from exc
    return file.name, data


def check_draft(draft: FaxDraft, complete: bool) -> list[faxnumber.FaxNumber]:
    """The destinations' numbers; Invalid with every broken rule of the draft by its field
    (FaxDraft's names) when there is one. `complete`: what submitting needs as well."""
    found = Problems()
    if complete and (not draft.nota_number.strip() or draft.nota_date is None):
        found.add("nota_number", "Nomor dan tanggal nota dinas wajib diisi.")
    with found.about("nota_date"):
        not_future(draft.nota_date, "Tanggal nota dinas")
    if not draft.perihal.strip():
        found.add("perihal", "Perihal wajib diisi.")
    if complete and not draft.isi_berita.strip() and not draft.attachment:
        found.add("isi_berita", "Isi berita kosong: tulis isi berita atau lampirkan berkas.")
    numbers = []
    for name, number, *_group in draft.destinations:
        if not name.strip():
            found.add("destinations", f"Nama tujuan untuk nomor {number} wajib diisi.")
        with found.about("destinations"):
            numbers.append(faxnumber.parse(number))
    if complete and not draft.destinations:
        found.add("destinations", "Tambahkan minimal satu tujuan faks.")
    if draft.sifat not in SIFAT or draft.derajat not in DERAJAT:
        found.add("sifat", "Sifat atau derajat tidak dikenal.")
    if complete or draft.klasifikasi.strip():
        with found.about("klasifikasi"):
            codes.require(draft.klasifikasi)
    found.check()
    return numbers


def save_draft(actor: User, draft: FaxDraft, item_id: int | None = None) -> WorkItem:
    """Create or update the requester's draft at step 1 (nothing is saved if a rule fails)."""
    with write():
        if item_id is None:
            role = starting_role(actor, FAX)
            numbers = check_draft(draft, complete=False)
            item = create_item(
                FAX,
                actor,
                draft.perihal.strip(),
                unit=actor.unit,
                sifat=draft.sifat,
                derajat=draft.derajat,
                role=role,
            )
            request = FaxRequest.create(item=item)
        else:
            item = WorkItem.get_or_none(WorkItem.id == item_id)
            if item is None:
                raise Invalid(f"Permintaan #{item_id} tidak ditemukan.")
            if not item.waits_for("ajukan"):
                raise Conflict("Permintaan ini tidak lagi dapat diubah (sudah diajukan).")
            acting_role(actor, item.sop_step, item)
            numbers = check_draft(draft, complete=False)
            WorkItem.update(
                title=draft.perihal.strip(), sifat=draft.sifat, derajat=draft.derajat
            ).where(WorkItem.id == item.id).execute()
            request = request_of(item)
            FaxDestination.delete().where(FaxDestination.request == request).execute()
        request.nota_number, request.nota_date = draft.nota_number.strip(), draft.nota_date
        request.from_unit = draft.from_unit_id or actor.unit_id
        request.isi_berita, request.klasifikasi = draft.isi_berita, draft.klasifikasi.strip()
        request.fine = draft.fine
        request.attachment_name, request.attachment = draft.attachment_name, draft.attachment
        request.save()
        for (name, _, *group), number in zip(draft.destinations, numbers, strict=True):
            FaxDestination.create(
                request=request,
                name=name.strip(),
                number=number.national,
                extension=number.extension,
                group_name=group[0] if group else "",
            )
    return WorkItem.get_by_id(item.id)


def draft_of(item_id: int) -> FaxDraft:
    """The stored request as a draft the form can edit."""
    item = WorkItem.get_by_id(item_id)
    req = request_of(item)
    dests = [
        (d.name, faxnumber.FaxNumber(d.number, d.extension).display, d.group_name)
        for d in req.destinations.order_by(FaxDestination.id)
    ]
    return FaxDraft(
        item.title,
        req.nota_number,
        req.nota_date,
        req.from_unit_id,
        req.isi_berita,
        dests,
        item.sifat,
        item.derajat,
        req.klasifikasi,
        req.fine,
        req.attachment_name,
        req.attachment,
    )


def submit(actor: User, item_id: int) -> WorkItem:
    """Step 1 → 2: the complete request goes to the Kasi; a second submit is refused."""
    with write():
        item = apply(item_id, actor, "ajukan")
        check_draft(draft_of(item_id), complete=True)
    return item


def dispose(
    actor: User,
    item_id: int,
    instructions: list[str],
    note: str = "",
    position: str = "Pengadministrasi Umum",
) -> WorkItem:
    """Step 2 → 3: the Kasi disposes the request to Administrasi Umum."""
    unknown = [i for i in instructions if i not in INSTRUCTIONS]
    if unknown or not instructions:
        raise Invalid("Pilih minimal satu instruksi disposisi yang baku.")
    with write():
        item = apply(item_id, actor, "disposisi", note=note)
        Disposition.create(
            item=item,
            by=actor,
            instructions="\n".join(instructions),
            note=note.strip(),
            to_position=Position.get_or_none(Position.name == position),
        )
    return item


def return_to_requester(actor: User, item_id: int, reason: str) -> WorkItem:
    """Step 2 → 1 with the reason; the requester edits and submits again, history kept."""
    if not reason.strip():
        raise Invalid("Tulis alasan pengembalian untuk pemohon.")
    return _move(actor, item_id, "kembalikan", reason.strip())


def register(
    actor: User, item_id: int, pattern: str, unit_code: str, klasifikasi: str | None = None
) -> agenda.AgendaEntry:
    """Step 3 → 4: number the message in the buku agenda berita keluar, in one transaction;
    the clerk may correct the kode klasifikasi while registering."""
    if klasifikasi is not None:
        codes.require(klasifikasi)
    with write():
        item = apply(item_id, actor, "agendakan")
        req = request_of(item)
        if klasifikasi is not None and klasifikasi.strip() != req.klasifikasi:
            req.klasifikasi = klasifikasi.strip()
            req.save()
        tujuan = addressees(list(req.destinations.order_by(FaxDestination.id)))
        return agenda.register(
            agenda.OUTGOING,
            actor,
            klasifikasi=req.klasifikasi,
            unit_code=unit_code,
            perihal=item.title,
            party=tujuan,
            item=item,
            pattern=pattern,
        )


def addressees(destinations: list[FaxDestination], room: int = 255) -> str:
    """The tujuan as the agenda book writes it: a group picked from the address book by its
    name, the others by theirs; past `room` characters the rest is counted."""
    names: list[str] = []
    for d in destinations:
        name = d.group_name or d.name
        if name not in names:
            names.append(name)
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        text = ", ".join(names[:shown]) + (f" dan {rest} tujuan lain" if rest else "")
        if len(text) <= room:
            return text
    return names[0][: room - 20] + f"… dan {len(names) - 1} tujuan lain" if names else ""


def handover(actor: User, item_id: int) -> WorkItem:
    """Step 4 → 5: the numbered message goes to the Operator Sandi."""
    return _move(actor, item_id, "teruskan")


def archive(actor: User, item_id: int, note: str = "") -> WorkItem:
    """Step 7 → done: the sent letter is archived."""
    return _move(actor, item_id, "arsipkan", note)


def _move(actor: User, item_id: int, action: str, note: str = "") -> WorkItem:
    return transition(item_id, actor, action, note=note)


def units() -> list[Unit]:
    return list(Unit.select().where(Unit.kind != "opd").order_by(Unit.name))
