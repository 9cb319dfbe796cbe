"""Incoming email step 2 "Bukan surat dinas": spam, phishing and wrongly addressed mail leave
the procedure with their kind and reason, unnumbered, and stay in the archive; the compliance
report counts them apart."""

import io

import pytest
from pypdf import PdfReader

from model.audit import AuditEntry
from model.books.agenda import AgendaEntry
from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from model.errors import Conflict, Invalid, NotAllowed
from model.reports import compliance
from model.sop import DONE, EMAIL_IN
from model.workflow.inbox import waiting_for
from model.workflow.items import StepLog, WorkItem
from tests.conftest import user
from tests.mail_helpers import incoming_at
from tui.printing import compliance_report

PHISH = dict(
    subject="Verifikasi akun email Anda segera",
    sender="admin@mail-verify.example",
    attachment=("formulir.pdf", b"%PDF-1.4 palsu"),
)


def test_kasi_sets_a_phishing_mail_aside_and_it_closes_with_log_and_audit(staff):
    item_id = incoming_at(2, **PHISH)
    raw = bytes(email_in_records.mail_of(item_id).raw)
    item = email_in.set_aside(user("kasi"), item_id, "phishing", "  Tautan palsu\n minta sandi ")
    assert item.step == DONE and item.closed_at is not None
    mail = email_in_records.mail_of(item_id)
    assert (mail.set_aside, mail.set_aside_reason) == ("phishing", "Tautan palsu minta sandi")
    assert bytes(mail.raw) == raw
    assert [(a.filename, bytes(a.data)) for a in mail.attachments] == [
        ("formulir.pdf", b"%PDF-1.4 palsu")
    ]
    log = StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id.desc()).get()
    assert (log.action, log.from_step, log.to_step, log.actor.username, log.role) == (
        "sisihkan",
        2,
        DONE,
        "kasi",
        "kasi",
    )
    assert log.note == "Phishing/penipuan: Tautan palsu minta sandi"
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.actor, entry.action, entry.subject) == (
        "kasi",
        "sisihkan",
        f"{EMAIL_IN}#{item_id}",
    )
    assert "Tautan palsu minta sandi" in entry.detail
    assert email_in_records.set_aside_text(mail) == (
        "Bukan surat dinas: Phishing/penipuan — Tautan palsu minta sandi"
    )
    assert not AgendaEntry.select().where(AgendaEntry.item == item_id).exists()


def test_a_set_aside_mail_leaves_every_queue(staff):
    item_id = incoming_at(2, subject="Anda memenangkan hadiah")
    assert item_id in [r.item.id for r in waiting_for(user("kasi"))]
    email_in.set_aside(user("admin"), item_id, "spam", "Promosi undian")
    for name in ("kasi", "admin", "staf", "kabid", "operator", "pemakai"):
        assert item_id not in [r.item.id for r in waiting_for(user(name))], name
    with pytest.raises(Conflict):
        email_in.classify(user("admin"), item_id, needs_print=True)


@pytest.mark.parametrize("name", ["staf", "operator"])
def test_only_kasi_or_admin_sets_mail_aside(staff, name):
    item_id = incoming_at(2)
    with pytest.raises(NotAllowed, match="Kasi|Adm"):
        email_in.set_aside(user(name), item_id, "spam", "Iklan")
    mail = email_in_records.mail_of(item_id)
    assert WorkItem.get_by_id(item_id).step == 2 and mail.set_aside == ""


@pytest.mark.parametrize(
    ("kind", "reason", "says"),
    [
        ("spam", "   ", "Tuliskan alasan"),
        ("iklan", "Promosi", "Spam, Phishing/penipuan, Salah kirim"),
        ("", "Promosi", "Pilih jenis"),
    ],
)
def test_kind_and_reason_are_required(staff, kind, reason, says):
    item_id = incoming_at(2)
    with pytest.raises(Invalid, match=says):
        email_in.set_aside(user("kasi"), item_id, kind, reason)
    assert WorkItem.get_by_id(item_id).step == 2
    assert email_in_records.mail_of(item_id).set_aside == ""


def test_only_at_sorting(staff):
    item_id = incoming_at(6)
    with pytest.raises(Conflict, match="langkah 6"):
        email_in.set_aside(user("admin"), item_id, "salah_kirim", "Bukan untuk kantor ini")
    assert email_in_records.mail_of(item_id).set_aside == ""


def test_compliance_counts_set_aside_mail_per_kind_and_only_at_step_2(staff):
    letter = incoming_at(8)
    email_in.archive(user("admin"), letter)
    for kind, n in (("spam", 2), ("phishing", 1)):
        for i in range(n):
            email_in.set_aside(user("kasi"), incoming_at(2, subject=f"{kind} {i}"), kind, "x")
    counts = {c.label: c.count for c in compliance.set_aside(2026, 11)}
    assert counts == {"Spam": 2, "Phishing/penipuan": 1, "Salah kirim": 0}
    assert all(c.count == 0 for c in compliance.set_aside(2026, 10))
    steps = {f.step: f.count for f in compliance.monthly(2026, 11) if f.procedure == EMAIL_IN}
    assert steps[2] == 4  # the letter and three set aside were all sorted
    assert all(steps[n] == 1 for n in range(3, 9))  # beyond sorting: the one letter only


def test_compliance_pdf_prints_the_set_aside_line(staff):
    email_in.set_aside(user("kasi"), incoming_at(2), "salah_kirim", "Untuk Dinas lain")
    pdf, _title = compliance_report(2026, 11)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert (
        "Email masuk bukan surat dinas (disisihkan pada langkah 2): 1 — Spam 0, "
        "Phishing/penipuan 0, Salah kirim 1."
    ) in text
