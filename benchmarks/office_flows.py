"""The office's people at work for benchmarks/office_home.py: each item a generator that
walks its procedure through the model (the calls the screens and the daemon make), yielding
the instant of its next action so the builder can interleave every item on one clock."""

from __future__ import annotations

import random
import sys
import uuid
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from office_text import Writer  # noqa: E402

WORKER = "bench-daemon"
# kode klasifikasi (Permendagri 83/2022) letters are filed under, weighted
CODES = [
    ("000.1.1", 10),
    ("000.1.5", 5),
    ("000.1.4", 2),
    ("000.1.10", 2),
    ("000.6", 3),
    ("000.6.2", 6),
    ("000.6.2.1", 2),
    ("000.6.4", 3),
    ("000.9.6.2", 2),
    ("500.12", 4),
    ("500.12.5", 2),
    ("500.12.15.3", 4),
    ("500.14.4", 2),
    ("800", 4),
    ("800.1.8.1", 2),
    ("900", 2),
]
INSTRUCTIONS = (  # a second instruction, besides the first (model.fax.records.INSTRUCTIONS)
    "Untuk diketahui",
    "Untuk ditindaklanjuti",
    "Untuk diproses sesuai ketentuan",
    "Koordinasikan dengan unit terkait",
    "Segera",
)
SIFAT = [("Biasa", 80), ("Terbatas", 12), ("Rahasia", 6), ("Sangat Rahasia", 2)]
DERAJAT = [("Biasa", 70), ("Segera", 22), ("Sangat Segera", 8)]


def _pick(rng: random.Random, weighted):
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


class Office:
    """The demo office's people acting on items; each item is a generator that acts and then
    yields the working seconds until its next action."""

    def __init__(self, cfg, rng: random.Random):
        from model.books.klasifikasi import require
        from model.contacts import ContactGroup, GroupMember
        from model.org import Contact, Unit, User

        self.cfg, self.rng, self.text = cfg, rng, Writer(rng)
        self.u = {u.username: u for u in User.select()}
        self.aptika = Unit.get(Unit.code == "APTIKA")
        self.opds = list(Unit.select().where(Unit.kind == "opd").order_by(Unit.code))
        self.contacts = [(c.name, c.fax) for c in Contact.select().order_by(Contact.id)]
        self.groups = {
            g.name: [
                (m.contact.name, m.contact.fax)
                for m in GroupMember.select().where(GroupMember.group == g)
            ]
            for g in ContactGroup.select()
        }
        for code, _ in CODES:
            require(code)
        self.source = f"maildir:{cfg.home / cfg.mail.maildir}"
        self.replied: list = []  # archived incoming mails an outgoing letter may answer

    # -- timing -------------------------------------------------------------------------
    def wait(self, minutes: int | None, low: float = 1800, high: float = 86_400) -> int:
        """Working seconds at a step with standard `minutes`: 88 % within, 12 % over it;
        without a standard, between `low` and `high`."""
        r = self.rng
        if not minutes:
            return int(r.uniform(low, high))
        share = r.uniform(0.1, 0.95) if r.random() < 0.88 else r.uniform(1.05, 3.5)
        return max(20, int(minutes * 60 * share))

    # -- procedure 1 ----------------------------------------------------------------------
    def destinations(self) -> list[tuple[str, ...]]:
        r = self.rng
        roll = r.random()
        if roll < 0.03:  # not the whole group: its 14 names overflow the agenda's tujuan
            return sorted(r.sample(self.groups["Semua Kecamatan"], r.randint(3, 7)))
        if roll < 0.05:
            return [(n, f, "Provinsi dan Pusat") for n, f in self.groups["Provinsi dan Pusat"]]
        if roll < 0.35:
            return [r.choice(self.contacts)]
        picked = {self.text.body()[:2] for _ in range(r.choice((1, 1, 1, 1, 2, 2, 3)))}
        return sorted(picked)

    def fax_draft(self, requester, at: datetime):
        from model.fax.flow import FaxDraft

        r = self.rng
        perihal = self.text.perihal(at)
        sifat = _pick(r, SIFAT)
        code = _pick(r, CODES)
        return FaxDraft(
            perihal=perihal,
            nota_number=f"{code}/{r.randint(1, 1500)}/{requester.unit.code}/{at.year}",
            nota_date=at.date(),
            isi_berita=self.text.isi(perihal, at, sifat),
            destinations=self.destinations(),
            sifat=sifat,
            derajat=_pick(r, DERAJAT),
            klasifikasi=code,
        )

    def fax(self, waiting: bool):
        from model.base import now
        from model.fax import flow, jobs
        from model.fax.records import INSTRUCTIONS as FIRST
        from model.fax.records import FaxDestination, request_of

        r, u = self.rng, self.u
        requester = u[_pick(r, [("pemakai", 50), ("staf", 35), ("kasi", 15)])]
        draft = self.fax_draft(requester, now())
        item = flow.save_draft(requester, draft)
        yield self.wait(10)
        flow.submit(requester, item.id)
        if not waiting and r.random() < 0.05:  # returned once, corrected, submitted again
            yield self.wait(10)
            flow.return_to_requester(
                u["kasi"], item.id, r.choice(("Lengkapi tujuan.", "Perbaiki isi berita."))
            )
            yield self.wait(None, 600, 7200)
            draft.isi_berita += "\n\nTembusan: Kepala Dinas Komunikasi dan Informatika."
            flow.save_draft(requester, draft, item.id)
            yield self.wait(10)
            flow.submit(requester, item.id)
        if waiting:
            return
        yield self.wait(10)
        extra = [r.choice(INSTRUCTIONS)] if r.random() < 0.3 else []
        note = r.choice(("", "", "", "Segera dikirim hari ini.", "Pastikan nomor tujuan benar."))
        flow.dispose(u["kasi"], item.id, [FIRST[0], *extra], note)
        yield self.wait(10)
        corrected = _pick(r, CODES) if r.random() < 0.05 else None
        flow.register(
            u["admin"], item.id, self.cfg.agenda_pattern, self.cfg.office.unit_code, corrected
        )
        yield self.wait(5)
        flow.handover(u["admin"], item.id)
        yield self.wait(30)
        req = request_of(item.id)
        for dest in req.destinations.order_by(FaxDestination.id):
            if r.random() < 0.04:  # busy line first, sent on a later try
                jobs.record_manual(
                    u["operator"],
                    item.id,
                    dest.id,
                    at=now(),
                    remote_id="",
                    pages=req.pages,
                    ok=False,
                    note=r.choice(("Nada sibuk", "Tidak diangkat", "Kertas habis")),
                )
                yield r.randint(300, 1800)
            jobs.record_manual(
                u["operator"],
                item.id,
                dest.id,
                at=now(),
                remote_id=dest.number,
                pages=req.pages,
                ok=True,
            )
            yield r.randint(60, 240)
        jobs.mark_sent(u["operator"], item.id)
        yield self.wait(5)
        jobs.hand_back(u["operator"], item.id)
        yield self.wait(10)
        flow.archive(u["admin"], item.id)

    # -- procedure 2 ----------------------------------------------------------------------
    def raw_mail(self, at: datetime) -> tuple[bytes, bool, str, str]:
        """An incoming message as the mailbox holds it; (raw, spam, letter number, code)."""
        r = self.rng
        msg = EmailMessage()
        spam = r.random() < 0.08
        number = code = ""
        if spam:
            subject, addr, text = self.text.spam()
            msg["From"] = addr
        else:
            name, addr = self.text.sender()
            subject = self.text.perihal(at)
            code = _pick(r, CODES)
            number = self.text.letter_number(at, code)
            text = f"Nomor : {number}\nPerihal : {subject}\n\n" + self.text.isi(subject, at)
            msg["From"] = f"{name} <{addr}>"
        msg["To"] = self.cfg.office.email
        if not spam and r.random() < 0.2:
            msg["Cc"] = self.text.body()[2]
        msg["Subject"] = subject
        msg["Date"] = format_datetime((at - timedelta(seconds=r.randint(5, 900))).astimezone())
        msg["Message-ID"] = f"<{uuid.UUID(int=r.getrandbits(128))}@{addr.split('@')[1]}>"
        msg.set_content(text)
        if not spam and r.random() < 0.25:
            pdf = b"%PDF-1.4\n" + bytes(r.getrandbits(8) for _ in range(r.randint(800, 3000)))
            msg.add_attachment(
                pdf, maintype="application", subtype="pdf", filename=f"surat-{code}.pdf"
            )
        return msg.as_bytes(), spam, number, code

    def email_in(self):
        from mail.parse import parse_message
        from model.base import now
        from model.email_in import flow
        from model.email_in.records import SetAside

        r, u = self.rng, self.u
        raw, spam, number, code = self.raw_mail(now())
        item = flow.store(parse_message(raw), self.source)
        sorter = u["kasi"] if r.random() < 0.15 else u["admin"]
        yield self.wait(5)
        if spam or r.random() < 0.01:
            kind = r.choice((SetAside.SPAM, SetAside.PHISHING)) if spam else SetAside.MISSENT
            flow.set_aside(sorter, item.id, kind, "Bukan surat dinas kantor ini.")
            return
        printed = r.random() < 0.6
        flow.classify(sorter, item.id, needs_print=printed)
        roll = r.random()
        units = [self.aptika.id] if roll < 0.7 else [r.choice(self.opds).id]
        if 0.6 < roll < 0.7:
            units.append(r.choice(self.opds).id)
        if printed:
            yield self.wait(5)
            flow.printed(u["admin"], item.id)
            yield self.wait(5)
            flow.register(
                u["admin"],
                item.id,
                code,
                self.cfg.agenda_pattern,
                self.cfg.office.unit_code,
                letter_number=number,
                letter_date=now().date() - timedelta(days=r.randint(0, 3)),
                units=units,
            )
            yield self.wait(5)
            flow.labelled(u["admin"], item.id)
        yield self.wait(5)
        note = r.choice(("", "Mohon ditindaklanjuti.", "Untuk diketahui dan dijawab."))
        flow.forward(u["admin"], item.id, units, note)
        if any(unit != self.aptika.id for unit in units):
            yield r.randint(30, 180)
            self.drain()
        if self.aptika.id in units:
            yield self.wait(None, 3600, 3 * 27_000)
            who = u["staf"] if r.random() < 0.7 else u["kabid"]
            answer = r.choice(
                (
                    "Sudah ditindaklanjuti sesuai disposisi.",
                    "Data sudah dikirim melalui email.",
                    "Menghadiri rapat sesuai undangan.",
                    "Dijawab dengan surat keluar.",
                    "Untuk diketahui, diarsipkan di bidang.",
                )
            )
            flow.follow_up(who, item.id, answer)
        yield self.wait(None, 600, 27_000)
        flow.archive(u["admin"], item.id)
        if self.aptika.id in units:
            self.replied.append(item.id)

    # -- procedure 3 ----------------------------------------------------------------------
    def email_out(self):
        from model.base import now
        from model.email_out import flow
        from model.workflow.items import WorkItem

        r, u = self.rng, self.u
        at = now()
        to = sorted({self.text.body()[2] for _ in range(r.choice((1, 1, 1, 2)))})
        cc = self.text.body()[2] if r.random() < 0.3 else ""
        subject = self.text.perihal(at)
        body = self.text.isi(subject, at)
        reply = None
        if self.replied and r.random() < 0.2:
            reply = WorkItem.get_by_id(self.replied.pop(r.randrange(len(self.replied))))
            subject = f"Jawaban {reply.title}"[:250]
        letter = {"to": ", ".join(to), "cc": cc, "subject": subject, "body": body}
        item = flow.save_draft(u["staf"], **letter, reply_to=reply)
        yield self.wait(5)
        flow.submit(u["staf"], item.id)
        yield self.wait(5)
        if r.random() < 0.15:
            flow.request_revision(u["kabid"], item.id, "Perbaiki paragraf kedua dan tembusan.")
            yield self.wait(None, 900, 14_400)
            letter["body"] = body.replace("Dengan hormat,", "Dengan hormat, menindaklanjuti,", 1)
            letter["body"] += "\n\nTembusan: Kepala Dinas Komunikasi dan Informatika."
            flow.save_draft(u["staf"], **letter, item_id=item.id)
            yield self.wait(5)
            flow.submit(u["staf"], item.id)
            yield self.wait(5)
        flow.approve(u["kabid"], item.id)
        yield self.wait(5)
        flow.finalise(u["staf"], item.id)
        yield self.wait(5)
        sender = u["kasi"] if r.random() < 0.2 else u["admin"]
        flow.send(sender, item.id, _pick(r, CODES))
        yield r.randint(20, 120)
        self.drain()
        yield self.wait(5)
        flow.archive(u["admin"], item.id)

    def drain(self) -> None:
        """The daemon's outbox pass: every due mail job delivered (no SMTP; a Message-ID made
        up), each finished by spool.mail.finish as after a real send."""
        from model import outbox
        from spool.mail import finish

        while (job := outbox.claim_next(WORKER)) is not None:
            finish(
                job.id,
                message_id=f"<{uuid.UUID(int=self.rng.getrandbits(128))}@trenggalekkab.go.id>",
                pattern=self.cfg.agenda_pattern,
                unit_code=self.cfg.office.unit_code,
            )
