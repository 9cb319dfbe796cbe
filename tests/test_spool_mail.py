"""The daemon's mail work against real servers: Dovecot IMAP intake, aiosmtpd SMTP sending,
the copy in the IMAP Sent folder; and `warkat mail import|sync` from the command line."""

import subprocess
import sys

import pytest

from mail.imap import ImapConfig, SyncState, sync
from model import outbox
from model.email_in import flow as email_in
from model.email_in.records import IncomingMail, SyncMark
from model.email_out import flow as email_out
from model.email_out.records import OutgoingAttachment, OutgoingMail
from model.workflow.items import WorkItem
from spool.mail import import_paths, send_one, sync_once
from tests.conftest import user
from tests.dovecot import dovecot_server_fixture  # noqa: F401  (fixture dovecot_server)
from tests.hostile_mail import corpus
from tests.mail_helpers import incoming_at, outgoing_at, raw_mail, use_imap, use_smtp
from tests.smtpsink import smtp_sink_fixture  # noqa: F401  (fixture smtp_sink)


def test_intake_from_dovecot_keeps_every_letter_once(staff, dovecot_server):
    messages = [raw for _, _, raw in corpus(45, big=False)]
    dovecot_server.deliver(messages, folder="Masuk")
    staff = use_imap(staff, dovecot_server, "Masuk")
    first = sync_once(staff)
    assert first.imported + first.duplicates == len(messages) and first.rejected == 0
    assert IncomingMail.select().count() == first.imported
    assert sync_once(staff).line() == "diimpor 0, duplikat 0, ditolak 0"
    mark = SyncMark.get()
    assert mark.uidvalidity and mark.last_uid == len(messages)
    stored = {bytes(m.raw) for m in IncomingMail.select()}
    assert stored <= set(messages)
    broken = IncomingMail.select().where(IncomingMail.warnings != "").count()
    assert broken > 0  # partial parses are kept with a visible warning
    assert all(w.step == 2 for w in WorkItem.select().where(WorkItem.procedure == "email_in"))


def test_uidvalidity_change_resyncs_without_duplicates(staff, dovecot_server):
    dovecot_server.deliver([raw_mail(subject=f"Surat {n}") for n in range(5)], folder="Ulang")
    staff = use_imap(staff, dovecot_server, "Ulang")
    assert sync_once(staff).imported == 5
    dovecot_server.doveadm(
        "mailbox", "update", "-u", dovecot_server.user, "--uid-validity", "777", "Ulang"
    )
    again = sync_once(staff)
    assert (again.imported, again.duplicates) == (0, 5)
    assert SyncMark.get().uidvalidity == 777


def test_outgoing_letter_goes_through_smtp_and_lands_in_sent(staff, dovecot_server, smtp_sink):
    staff = use_imap(staff, dovecot_server)
    staff = use_smtp(staff, smtp_sink.host, smtp_sink.port, sent_folder="Terkirim")
    item_id = outgoing_at(4)
    email_out.send(user("admin"), item_id, "000.1.1")
    job = send_one(staff, outbox.claim_next("outbox"))
    assert job.status == "terkirim", job.error
    assert WorkItem.get_by_id(item_id).step == 5
    [received] = smtp_sink.messages
    assert received.rcpt_tos == ["bps@bps.go.id"]
    assert b"Jawaban permintaan data statistik" in received.data
    sent, _ = sync(
        ImapConfig(
            dovecot_server.host,
            dovecot_server.port,
            dovecot_server.user,
            dovecot_server.password,
            security="plain",
            folder="Terkirim",
        ),
        SyncState(),
    )
    assert len(sent) == 1 and job.message_id.encode() in sent[0].raw


def test_smtp_down_keeps_the_letter_with_the_reason(staff):
    staff = use_smtp(staff, "127.0.0.1", 1)
    item_id = outgoing_at(4)
    email_out.send(user("admin"), item_id, "000.1.1")
    job = send_one(staff, outbox.claim_next("outbox"))
    assert job.status == "antri" and job.error
    assert WorkItem.get_by_id(item_id).step == 4


@pytest.mark.parametrize("tamper", ["body", "attachment", "job_to"])
def test_a_letter_changed_after_queueing_never_reaches_smtp(staff, smtp_sink, tamper):
    staff = use_smtp(staff, smtp_sink.host, smtp_sink.port)
    item = email_out.save_draft(
        user("staf"),
        to="bps@bps.go.id",
        cc="",
        subject="Data",
        body="Dengan hormat.",
        attachments=[("data.csv", b"1,2")],
    )
    email_out.submit(user("staf"), item.id)
    email_out.approve(user("kabid"), item.id)
    email_out.finalise(user("staf"), item.id)
    email_out.send(user("admin"), item.id, "000.1.1")
    if tamper == "body":
        OutgoingMail.update(body="Isi disusupkan.").where(OutgoingMail.item == item.id).execute()
    elif tamper == "attachment":
        OutgoingAttachment.update(data=b"9,9").execute()
    else:
        outbox.MailJob.update(to="lain@contoh.go.id").execute()
    job = send_one(staff, outbox.claim_next("outbox"))
    assert (
        job.status == "gagal"
        and "berbeda dari versi yang disetujui Kepala Bidang (v1)" in job.error
    )
    assert smtp_sink.messages == [] and WorkItem.get_by_id(item.id).step == 4


def test_forward_to_outside_opd_is_a_real_email(staff, smtp_sink):
    from model.org import Unit

    staff = use_smtp(staff, smtp_sink.host, smtp_sink.port)
    item_id = incoming_at(6)
    email_in.forward(user("admin"), item_id, [Unit.get(Unit.code == "DINKES").id], "Mohon cek")
    job = send_one(staff, outbox.claim_next("outbox"))
    assert job.status == "terkirim"
    assert smtp_sink.messages[0].rcpt_tos == ["dinkes@trenggalekkab.go.id"]
    assert b"message/rfc822" in smtp_sink.messages[0].data
    assert WorkItem.get_by_id(item_id).step == 8


def test_import_eml_maildir_mbox_and_reject_non_mail(staff, tmp_path):
    tmp_path = tmp_path / "arsip-lama"
    tmp_path.mkdir()
    (tmp_path / "a.eml").write_bytes(raw_mail(subject="Satu"))
    (tmp_path / "b.eml").write_bytes(raw_mail(subject="Satu"))  # other Message-ID: kept
    (tmp_path / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    mbox = tmp_path / "lama.mbox"
    mbox.write_bytes(b"From x@y Thu Jan  1 00:00:00 2026\n" + raw_mail(subject="Mbox") + b"\n")
    tally, reasons = import_paths([str(tmp_path)])
    assert (tally.imported, tally.rejected) == (3, 1)
    assert "foto.png" in reasons[0]
    again, _ = import_paths([str(tmp_path / "a.eml")])
    assert again.duplicates == 1


def test_cli_mail_import_prints_one_summary_line(staff, tmp_path):
    tmp_path = tmp_path / "impor"
    tmp_path.mkdir()
    (tmp_path / "a.eml").write_bytes(raw_mail())
    (tmp_path / "bukan.txt").write_text("halo")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui.cli",
            "--home",
            str(staff.home),
            "mail",
            "import",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = out.stdout.strip().splitlines()
    assert lines[-1] == "diimpor 1, duplikat 0, ditolak 1"
    assert lines[0].startswith("ditolak: ") and "bukan.txt" in lines[0]


def test_daemon_intake_takes_mail_in_as_it_arrives_over_idle(staff, dovecot_server):
    import threading
    import time

    from spool.mail import intake_worker

    staff = use_imap(staff, dovecot_server, "Segera")
    dovecot_server.deliver([raw_mail(subject="Pertama")], folder="Segera")
    stop = threading.Event()
    worker = threading.Thread(target=intake_worker(staff, wait_chunk=2), args=(stop,))
    worker.start()
    try:
        deadline = time.monotonic() + 20
        while IncomingMail.select().count() < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        dovecot_server.deliver([raw_mail(subject="Kedua")], folder="Segera")
        while IncomingMail.select().count() < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert {m.subject for m in IncomingMail.select()} == {"Pertama", "Kedua"}
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()


def test_a_database_failure_at_intake_stops_the_pass_and_rejects_no_mail(staff, monkeypatch):
    from model.db import DatabaseProblem
    from model.errors import WarkatError
    from spool import mail as spool_mail

    def locked(*_args):
        raise DatabaseProblem("Basis data sedang dikunci oleh pengguna lain. Coba lagi sebentar.")

    assert issubclass(DatabaseProblem, WarkatError)
    monkeypatch.setattr(spool_mail.email_in, "store", locked)
    tally = spool_mail.Tally()
    with pytest.raises(DatabaseProblem, match="dikunci"):
        spool_mail.keep(raw_mail(), "uji.eml", tally)
    assert (tally.imported, tally.rejected) == (0, 0)
