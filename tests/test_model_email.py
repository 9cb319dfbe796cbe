"""Procedures 2 and 3 in the model: intake, sorting branch, numbering, forwards, follow-ups,
drafts with versions, approval, sending queue."""

import pytest

from mail.parse import parse_message
from model import outbox
from model.books.agenda import INCOMING, OUTGOING, AgendaEntry
from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.errors import Conflict, Invalid, NotAllowed
from model.org import Unit
from model.workflow.inbox import waiting_for
from model.workflow.items import WorkItem
from spool.mail import finish as finish_mail
from tests.conftest import user
from tests.mail_helpers import incoming_at, outgoing_at, raw_mail


def test_the_same_message_is_stored_once(staff):
    raw = raw_mail()
    assert email_in.store(parse_message(raw), "a").step == 2
    assert email_in.store(parse_message(raw), "b") is None
    assert email_in_records.IncomingMail.select().count() == 1
    assert bytes(email_in_records.IncomingMail.get().raw) == raw


def test_sorting_branches_to_print_or_straight_to_forward(staff):
    a, b = incoming_at(2), incoming_at(2, subject="Info")
    assert email_in.classify(user("kasi"), a, needs_print=True).step == 3
    assert email_in.classify(user("admin"), b, needs_print=False).step == 6
    with pytest.raises(NotAllowed):
        email_in.classify(user("operator"), incoming_at(2, subject="X"), needs_print=False)


def test_printed_mail_is_numbered_in_the_incoming_book(staff):
    item_id = incoming_at(4)
    entry = email_in.register(
        user("admin"), item_id, "000.1.1", "{klasifikasi}/{urut:03d}/{unit}/{tahun}", "406.020"
    )
    assert entry.book == INCOMING and entry.number == "000.1.1/001/406.020/2026"
    assert entry.party == "Biro Umum"
    with pytest.raises(Invalid):
        email_in.register(user("admin"), incoming_at(4, subject="Y"), "xx", "{urut}", "X")


def test_forward_to_two_units_waits_for_both_follow_ups(staff):
    item_id = incoming_at(6)
    kip = Unit.get(Unit.code == "KIP")
    email_in.forward(user("admin"), item_id, [user("staf").unit_id, kip.id], "Mohon jawab")
    assert [r.item.id for r in waiting_for(user("staf"), "email_in")] == [item_id]
    assert waiting_for(user("kabid"), "email_in")[0].item.id == item_id
    email_in.follow_up(user("staf"), item_id, "Data dikirim hari ini")
    assert WorkItem.get_by_id(item_id).step == 7
    assert waiting_for(user("staf"), "email_in") == []
    with pytest.raises(Conflict):
        email_in.follow_up(user("kabid"), item_id, "Lagi")
    from model import auth

    auth.add_user("kip", "Staf KIP", "sandi12345", ["staf"], unit_code="KIP")
    email_in.follow_up(user("kip"), item_id, "Sudah")
    assert WorkItem.get_by_id(item_id).step == 8
    assert email_in.archive(user("admin"), item_id).closed_at


def test_forward_to_an_outside_opd_sends_email_and_closes_its_part(staff):
    item_id = incoming_at(6)
    bkpsdm = Unit.get(Unit.code == "BKPSDM")
    email_in.forward(user("admin"), item_id, [bkpsdm.id], "Untuk diketahui")
    job = outbox.claim_next("outbox")
    assert job.kind == "teruskan" and job.to == "bkpsdm@trenggalekkab.go.id"
    finish_mail(job.id, message_id="<f1@trenggalekkab.go.id>")
    assert WorkItem.get_by_id(item_id).step == 8


def test_forward_needs_a_target(staff):
    with pytest.raises(Invalid, match="minimal satu"):
        email_in.forward(user("admin"), incoming_at(6), [])


def test_draft_revision_approval_keeps_every_version(staff):
    item_id = outgoing_at(2)
    email_out.request_revision(user("kabid"), item_id, "Tambahkan tabel data")
    assert WorkItem.get_by_id(item_id).step == 1
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
    remarks = [(v.number, v.remark, v.subject) for v in email_out_records.versions(item_id)]
    assert remarks[0] == (1, "diajukan", "Jawaban permintaan data statistik")
    assert remarks[1][1] == "revisi: Tambahkan tabel data"
    assert [r[1] for r in remarks[2:]] == ["diajukan", "disetujui", "final"]
    assert remarks[2][2] == "Jawaban v2"


def test_bad_addresses_and_roles_are_refused(staff):
    with pytest.raises(Invalid, match="tidak sah: bps@"):
        email_out.save_draft(user("staf"), to="bps@", cc="", subject="x", body="y")
    with pytest.raises(NotAllowed):
        email_out.save_draft(user("operator"), to="a@b.go.id", cc="", subject="x", body="y")
    with pytest.raises(NotAllowed):
        email_out.approve(user("staf"), outgoing_at(2))


def test_sending_queues_once_then_numbers_and_moves_on_success(staff):
    item_id = outgoing_at(4)
    email_out.send(user("admin"), item_id, "000.1.1")
    with pytest.raises(Conflict, match="sudah dalam antrean"):
        email_out.send(user("kasi"), item_id, "000.1.1")
    job = outbox.claim_next("outbox")
    job = finish_mail(job.id, error="Server SMTP tidak dapat dihubungi")
    assert job.status == "antri" and WorkItem.get_by_id(item_id).step == 4
    outbox.MailJob.update(next_try_at=job.created_at).execute()
    job = finish_mail(
        outbox.claim_next("outbox").id,
        message_id="<m1@x>",
        pattern="{klasifikasi}/{urut:03d}/{unit}/{tahun}",
        unit_code="406.020",
    )
    assert job.status == "terkirim"
    assert WorkItem.get_by_id(item_id).step == 5
    assert AgendaEntry.get(AgendaEntry.book == OUTGOING).party == "bps@bps.go.id"
    assert email_out.archive(user("admin"), item_id).closed_at


def test_partial_delivery_is_never_retried(staff):
    item_id = outgoing_at(4)
    email_out.send(user("admin"), item_id, "000.1.1")
    job = finish_mail(outbox.claim_next("outbox").id, error="x sudah terkirim", retry=False)
    assert job.status == "gagal" and WorkItem.get_by_id(item_id).step == 4
