"""What the Kepala Bidang approved is what is sent (procedure 3): version numbers count the
submitted texts, any change after approval goes back for approval as a new version, and
finalising and queueing refuse a letter that is not byte-for-byte the approved version."""

import hashlib
import re

import pytest

from model import outbox
from model.audit import AuditEntry
from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.email_out.records import Letter, OutgoingAttachment, OutgoingMail
from model.errors import Invalid
from model.workflow.items import StepLog, WorkItem
from tests.conftest import user
from tests.mail_helpers import outgoing_at

FORM = dict(
    to="bps@bps.go.id",
    cc="kasi@trenggalekkab.go.id",
    subject="Data statistik",
    body="Dengan hormat,\nBersama ini kami sampaikan data.",
)
FILES = [("data.csv", b"tahun,jumlah\n2026,12\n"), ("surat.pdf", b"%PDF-1.4 surat")]


def approved_draft() -> int:
    """A draft with two attachments, submitted and approved as v1 (step 3)."""
    item = email_out.save_draft(user("staf"), **FORM, attachments=FILES)
    email_out.submit(user("staf"), item.id)
    email_out.approve(user("kabid"), item.id)
    return item.id


def step(item_id: int) -> int:
    return WorkItem.get_by_id(item_id).step


def test_a_change_after_approval_goes_back_to_the_head_as_the_next_version(staff):
    item_id = approved_draft()
    moved = email_out.save_draft(
        user("staf"), **{**FORM, "body": "Isi yang diubah."}, item_id=item_id
    )
    assert moved.step == 2
    assert [(v.number, v.remark.split(":")[0]) for v in email_out_records.versions(item_id)] == [
        (1, "diajukan"),
        (1, "disetujui"),
        (2, "diajukan ulang"),
    ]
    log = StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id.desc()).get()
    note = "Diubah setelah disetujui (isi); diajukan ulang sebagai v2"
    assert (log.action, log.from_step, log.to_step, log.note) == ("ajukan_ulang", 3, 2, note)
    assert (
        AuditEntry.select()
        .where((AuditEntry.action == "ajukan_ulang") & AuditEntry.detail.contains(note))
        .exists()
    )
    assert email_out_records.approved(item_id) is None  # v2 is not approved yet
    with pytest.raises(Invalid, match="belum memiliki versi yang disetujui"):
        email_out_records.approved_letter(item_id)
    email_out.approve(user("kabid"), item_id)
    assert email_out_records.approved(item_id).number == 2
    assert email_out.finalise(user("staf"), item_id).step == 4


def test_an_unchanged_save_after_approval_resets_nothing(staff):
    item_id = approved_draft()
    rows, log = len(email_out_records.versions(item_id)), StepLog.select().count()
    for attachments in (None, FILES):
        spaced = {**FORM, "to": " bps@bps.go.id ", "subject": " Data statistik "}
        assert (
            email_out.save_draft(
                user("staf"), **spaced, attachments=attachments, item_id=item_id
            ).step
            == 3
        )
    assert len(email_out_records.versions(item_id)) == rows and StepLog.select().count() == log
    assert email_out_records.pending_changes(item_id, **FORM, attachments=FILES) == []
    assert email_out.finalise(user("staf"), item_id).step == 4


@pytest.mark.parametrize(
    ("change", "label"),
    [
        ({"to": "bps@bps.go.id, dinkes@trenggalekkab.go.id"}, "kepada"),
        ({"cc": ""}, "tembusan"),
        ({"subject": "Data statistik (ralat)"}, "perihal"),
        ({"body": FORM["body"] + " "}, "isi"),
        ({"attachments": [FILES[0], ("surat.pdf", b"%PDF-1.4 surat lain")]}, "lampiran"),
        ({"attachments": [FILES[0], ("surat-baru.pdf", FILES[1][1])]}, "lampiran"),
        ({"attachments": list(reversed(FILES))}, "lampiran"),
        ({"attachments": FILES[:1]}, "lampiran"),
    ],
)
def test_every_kind_of_change_after_approval_is_detected(staff, change, label):
    item_id = approved_draft()
    form = {**FORM, "attachments": FILES, **change}
    assert email_out_records.pending_changes(item_id, **form) == [label]
    assert email_out.save_draft(user("staf"), **form, item_id=item_id).step == 2
    latest = email_out_records.texts(item_id)[-1]
    assert latest.number == 2 and f"({label})" in latest.remark
    assert (
        latest.sha256
        == email_out_records.letter_of(item_id).sha256
        != email_out_records.texts(item_id)[0].sha256
    )


def test_version_numbers_count_the_submitted_texts(staff):
    item_id = outgoing_at(2)
    email_out.request_revision(user("kabid"), item_id, "Tambahkan tabel data")
    email_out.save_draft(
        user("staf"),
        to="bps@bps.go.id",
        cc="",
        subject="Jawaban v2",
        body="Versi dua dengan tabel",
        item_id=item_id,
    )
    email_out.submit(user("staf"), item_id)
    email_out.approve(user("kabid"), item_id)
    email_out.finalise(user("staf"), item_id)
    rows = [(v.number, v.remark) for v in email_out_records.versions(item_id)]
    assert rows == [
        (1, "diajukan"),
        (1, "revisi: Tambahkan tabel data"),
        (2, "diajukan"),
        (2, "disetujui"),
        (2, "final"),
    ]
    assert [v.number for v in email_out_records.texts(item_id)] == [1, 2]
    assert email_out_records.approved_numbers(item_id) == {2}
    assert all(re.fullmatch(r"[0-9a-f]{64}", v.sha256) for v in email_out_records.versions(item_id))


def test_every_version_holds_the_canonical_hash_and_its_attachments(staff):
    item_id = approved_draft()
    letter = Letter(FORM["to"], FORM["cc"], FORM["subject"], FORM["body"], tuple(FILES))
    for row in email_out_records.versions(item_id):
        assert row.sha256 == letter.sha256
        assert row.attachments.splitlines() == [
            f"{name} ({len(data)} byte, {hashlib.sha256(data).hexdigest()})" for name, data in FILES
        ]
    assert Letter("a@b.go.id", "", "x", "y").sha256 != Letter("a@b.go.id", "", "xy", "").sha256
    assert (
        Letter("a@b.go.id", "", "x", "y", (("f", b"1"),)).sha256
        != Letter("a@b.go.id", "", "x", "y", (("f", b"2"),)).sha256
    )


def test_finalising_refuses_a_letter_changed_behind_the_models_back(staff):
    item_id = outgoing_at(3)
    OutgoingMail.update(body="Isi disusupkan.").where(OutgoingMail.item == item_id).execute()
    with pytest.raises(
        Invalid,
        match=r"berbeda dari versi yang disetujui Kepala Bidang "
        r"\(v1\) pada isi",
    ):
        email_out.finalise(user("staf"), item_id)
    assert step(item_id) == 3


def test_approving_refuses_a_draft_changed_after_it_was_submitted(staff):
    item_id = outgoing_at(2)
    OutgoingMail.update(to="lain@contoh.go.id").where(OutgoingMail.item == item_id).execute()
    with pytest.raises(Invalid, match=r"berbeda dari versi yang diajukan \(v1\) pada kepada"):
        email_out.approve(user("kabid"), item_id)
    assert step(item_id) == 2


@pytest.mark.parametrize("tamper", ["body", "attachment"])
def test_queueing_refuses_a_letter_changed_behind_the_models_back(staff, tamper):
    item_id = approved_draft()
    email_out.finalise(user("staf"), item_id)
    if tamper == "body":
        OutgoingMail.update(body="Isi disusupkan.").where(OutgoingMail.item == item_id).execute()
    else:
        OutgoingAttachment.update(data=b"%PDF-1.4 palsu").where(
            OutgoingAttachment.filename == "surat.pdf"
        ).execute()
    label = "isi" if tamper == "body" else "lampiran"
    with pytest.raises(Invalid, match=f"pada {label}; email ini tidak boleh dikirim"):
        email_out.send(user("admin"), item_id, "000.1.1")
    assert not outbox.MailJob.select().exists() and step(item_id) == 4


def test_a_queued_job_whose_letter_changed_is_not_the_approved_letter(staff):
    item_id = outgoing_at(4)
    email_out.send(user("admin"), item_id, "000.1.1")
    job = outbox.claim_next("uji")
    assert email_out.letter_to_send(job) == email_out_records.letter_of(item_id)
    outbox.MailJob.update(to="lain@contoh.go.id").where(outbox.MailJob.id == job.id).execute()
    with pytest.raises(Invalid, match="pada alamat antrean"):
        email_out.letter_to_send(outbox.MailJob.get_by_id(job.id))
