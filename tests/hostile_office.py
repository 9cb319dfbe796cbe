"""An office whose every text from outside is hostile markup: units, people, the address book,
fax requests at every step, incoming mail at every step, outgoing mail at every step, the
books, notes and reasons — each a `hostile(tag)` string, found again on screen by its tag."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from mail.parse import parse_message
from model import outbox
from model.base import now
from model.books import agenda, ekspedisi
from model.db import write
from model.email_in import flow as email_in
from model.email_out import flow as email_out
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax.records import request_of
from model.org import Contact, Unit, User
from spool.mail import finish as finish_mail
from tests.conftest import user

# Rich/Textual markup that breaks (`[/]`), acts (`[@click=…]`), styles or links, a Rich emoji
# code, and fpdf2's page-count alias: each must come back exactly as written.
TAIL = "[@click=app.quit]klik[/] [red]x[/red] [link=https://x.id]t[/link] :warning: {nb} [bold"
# A file name holds no slash: the same without the closing tags.
FILE_TAIL = "[@click=app.quit]klik [red]x :warning: {nb} [bold"


def hostile(tag: str) -> str:
    return f"[/]{tag} {TAIL}"


def hostile_file(tag: str, ext: str = ".txt") -> str:
    return f"[b]{tag} {FILE_TAIL}{ext}"


def short(tag: str) -> str:
    """What a narrow table column still shows of `hostile(tag)`."""
    return f"[/]{tag}"


PATTERN, UNIT_CODE = agenda.DEFAULT_PATTERN, "406.020"
NUMBER = "031-3524001"


def seed() -> dict[str, int]:
    """Rename the demo office's people and places, then add the items; returns ids by name."""
    with write():
        for n, unit in enumerate(Unit.select().order_by(Unit.id), start=1):
            unit.name = hostile(f"U{n}")
            unit.save()
        for person in User.select():
            person.full_name = hostile(f"N{person.username}")
            person.save()
        for n, contact in enumerate(Contact.select().order_by(Contact.id), start=1):
            contact.name, contact.organisation = hostile(f"Kontak{n}"), hostile(f"Org{n}")
            contact.save()
    return {**_fax(), **_incoming(), **_outgoing(), **_books()}


def _fax_draft(step: int) -> fax_flow.FaxDraft:
    return fax_flow.FaxDraft(
        perihal=hostile(f"PerihalF{step}"),
        nota_number=hostile("NotaND"),
        nota_date=now().date(),
        isi_berita=f"Dengan hormat,\n{hostile('IsiBerita')}\n",
        destinations=[(hostile(f"TujuanF{step}"), NUMBER)],
        klasifikasi="000.1.1",
        attachment_name=hostile_file("LampF"),
        attachment=b"lampiran",
    )


def _fax() -> dict[str, int]:
    """One request at each step 1–7 and one archived; the one at step 1 was returned."""
    pemakai, kasi, admin, operator = (user(n) for n in ("pemakai", "kasi", "admin", "operator"))
    ids = {}
    for step in range(1, 9):
        item = fax_flow.save_draft(pemakai, _fax_draft(step))
        fax_flow.submit(pemakai, item.id)
        if step == 1:
            fax_flow.return_to_requester(kasi, item.id, hostile("AlasanK"))
        if step >= 3:
            fax_flow.dispose(
                kasi, item.id, ["Agendakan dan kirim melalui faksimili"], hostile("CatDisp")
            )
        if step >= 4:
            fax_flow.register(admin, item.id, PATTERN, UNIT_CODE)
        if step >= 5:
            fax_flow.handover(admin, item.id)
            dest = request_of(item).destinations.get()
            fax_jobs.record_manual(
                operator,
                item.id,
                dest.id,
                at=now(),
                remote_id=NUMBER,
                pages=1,
                ok=False,
                note=hostile("CatManual"),
            )
        if step >= 6:
            fax_jobs.record_manual(
                operator, item.id, dest.id, at=now(), remote_id=NUMBER, pages=1, ok=True
            )
            fax_jobs.mark_sent(operator, item.id)
        if step >= 7:
            fax_jobs.hand_back(operator, item.id)
        if step >= 8:
            fax_flow.archive(admin, item.id)
        ids[f"fax{step}"] = item.id
    return ids


def raw_mail(step: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f'"{hostile("PengirimM")}" <biro{step}@jatimprov.go.id>'
    msg["To"] = "kominfo@trenggalekkab.go.id"
    msg["Subject"] = hostile(f"SubjekM{step}")
    msg["Date"] = format_datetime(now().astimezone() - timedelta(minutes=5))
    msg["Message-ID"] = f"<hostile-{step}@jatimprov.go.id>"
    msg.set_content(f"Dengan hormat,\n{hostile('IsiM')}\n")
    msg.add_attachment(
        hostile("IsiLampM").encode(),
        maintype="text",
        subtype="plain",
        filename=hostile_file("BerkasM"),
    )
    return msg.as_bytes()


def _incoming() -> dict[str, int]:
    """One mail at each step 2–8, one archived and one set aside as spam."""
    admin, staf = user("admin"), user("staf")
    ids = {}
    for step in (*range(2, 10), 0):
        item_id = email_in.store(parse_message(raw_mail(step)), "uji").id
        if step == 0:
            email_in.set_aside(admin, item_id, "spam", hostile("AlasanS"))
        if step >= 3:
            email_in.classify(admin, item_id, needs_print=True)
        if step >= 4:
            email_in.printed(admin, item_id)
        if step >= 5:
            email_in.register(admin, item_id, "000.1.1", PATTERN, UNIT_CODE)
        if step >= 6:
            email_in.labelled(admin, item_id)
        if step >= 7:
            email_in.forward(admin, item_id, [staf.unit_id], hostile("CatTerus"))
        if step >= 8:
            email_in.follow_up(staf, item_id, hostile("TindakL"))
        if step >= 9:
            email_in.archive(admin, item_id)
        ids[f"in{step}"] = item_id
    return ids


def _outgoing() -> dict[str, int]:
    """Drafts at steps 1 (sent back for revision) to 5, one archived, one whose sending failed
    (back at step 4)."""
    staf, kabid, kasi = user("staf"), user("kabid"), user("kasi")
    ids = {}
    for step in (1, 2, 3, 4, 5, 6, 40):
        item = email_out.save_draft(
            staf,
            to="statistik@bps.go.id",
            cc="",
            subject=hostile(f"SubjekK{step}"),
            body=f"Dengan hormat,\n{hostile('IsiK')}\n",
            attachments=[(hostile_file("BerkasK"), b"data")],
        )
        email_out.submit(staf, item.id)
        if step == 1:
            email_out.request_revision(kabid, item.id, hostile("Revisi"))
        if step >= 3:
            email_out.approve(kabid, item.id)
        if step >= 4:
            email_out.finalise(staf, item.id)
        if step >= 5:
            email_out.send(kasi, item.id, "000.1.1")
            job = outbox.claim_next("uji")
            error = hostile("GalatSMTP") if step == 40 else ""
            finish_mail(
                job.id,
                message_id=f"<k{step}@x>",
                error=error,
                retry=False,
                pattern=PATTERN,
                unit_code=UNIT_CODE,
            )
        if step == 6:
            email_out.archive(user("admin"), item.id)
        ids[f"out{step}"] = item.id
    return ids


def _books() -> dict[str, int]:
    """A voided agenda number and an ekspedisi line with its tanda terima."""
    admin = user("admin")
    with write():
        entry = agenda.register(
            agenda.OUTGOING,
            admin,
            klasifikasi="000.1.1",
            unit_code=UNIT_CODE,
            perihal=hostile("PerihalV"),
            party=hostile("PihakV"),
        )
        agenda.void(entry.id, admin, hostile("AlasanV"))
    line = ekspedisi.add(
        admin,
        to=hostile("KepadaE"),
        perihal=hostile("PerihalE"),
        letter_number=hostile("NoSuratE"),
        lampiran=hostile("LampE"),
    )
    ekspedisi.record_receipt(admin, line.id, hostile("PenerimaE"), now())
    return {"void": entry.id, "ekspedisi": line.id}
