"""Intake a batch per transaction: against the real Dovecot each message is stored once (its
raw bytes once), a duplicate delivery is not stored again, a message the database refuses
is told in Indonesian and left in the mailbox while the rest of its batch is kept; opening a
mail gives its whole text and attachments; a batch makes the rows one-by-one intake makes."""

import threading

from mail.parse import parse_message
from model import audit
from model.db import db
from model.email_in import flow as email_in
from model.email_in import intake
from model.email_in.records import IncomingMail, MailAttachment, mail_of
from model.workflow.items import StepLog, WorkItem
from spool import intake as spool_intake
from spool.mail import sync_once
from tests.config_helpers import configure
from tests.dovecot import dovecot_server_fixture  # noqa: F401  (fixture dovecot_server)
from tests.hostile_mail import KINDS, corpus
from tests.mail_helpers import raw_mail, use_imap

TOO_LONG = raw_mail(subject="Isi kepanjangan", body="Isi panjang sekali. " * 60_000)
FAR_DATE = (
    b"From: Biro Umum <biro@jatimprov.go.id>\r\nTo: kominfo@trenggalekkab.go.id\r\n"
    b"Subject: Tanggal jauh\r\nDate: Fri, 31 Dec 9999 23:59:59 -1400\r\n"
    b"Message-ID: <jauh@jatimprov.go.id>\r\n\r\nTanggal di luar jangkauan.\r\n"
)


def test_hostile_intake_from_dovecot_stores_each_message_once(staff, dovecot_server):
    messages = corpus(45, big=True)
    dovecot_server.deliver([raw for _, _, raw in messages], folder="Sekali")
    staff = use_imap(staff, dovecot_server, "Sekali")
    entries = audit.verify()[0]
    tally = sync_once(staff)
    assert (tally.imported, tally.duplicates, tally.rejected) == (len(messages), 0, 0)
    rows = list(IncomingMail.select().order_by(IncomingMail.id))
    assert [bytes(m.raw) for m in rows] == [raw for _, _, raw in messages]  # byte for byte
    raw_rows = db.execute_sql("SELECT count(*), sum(length(raw)) FROM incoming_mail").fetchone()
    assert raw_rows == (len(messages), sum(len(raw) for _, _, raw in messages))
    for (kind, number, raw), mail in zip(messages, rows, strict=True):
        parsed = parse_message(raw)
        expected = KINDS.get(kind, (None, None))[1]
        if expected:
            assert expected in mail.warnings, (kind, mail.warnings)
        assert str(number) in mail.subject and mail.text == parsed.text
        assert [(a.filename, a.size, bytes(a.data)) for a in mail.attachments] == [
            (a.filename, a.size, a.data) for a in parsed.attachments
        ]
    assert WorkItem.select().where(WorkItem.step == 2).count() == len(messages)
    assert audit.verify() == (entries + 2 * len(messages), None)  # two per item, chained


def test_duplicate_deliveries_are_stored_once(staff, dovecot_server):
    letters = [raw_mail(subject=f"Surat {n}") for n in range(4)]
    dovecot_server.deliver(letters + letters[:2], folder="Kembar")  # twice in one batch
    staff = use_imap(staff, dovecot_server, "Kembar")
    tally = sync_once(staff)
    assert (tally.imported, tally.duplicates, tally.rejected) == (4, 2, 0)
    dovecot_server.deliver(letters[1:3], folder="Kembar")  # delivered again later
    assert (sync_once(staff).imported, IncomingMail.select().count()) == (0, 4)
    assert {bytes(m.raw) for m in IncomingMail.select()} == {
        raw.replace(b"\n", b"\r\n")
        for raw in letters  # as Dovecot keeps them
    }


def test_a_refused_message_is_told_and_the_rest_of_its_batch_kept(staff, dovecot_server):
    staff = configure(use_imap(staff, dovecot_server, "Campur"), mail={"after": "move:Selesai"})
    good = [raw_mail(subject=f"Baik {n}") for n in range(3)]
    dovecot_server.deliver([good[0], TOO_LONG, good[1], FAR_DATE, good[2]], folder="Campur")
    tally = sync_once(staff)
    assert (tally.imported, tally.rejected) == (4, 1)
    [reason] = tally.reasons
    assert "Isian isi terlalu panjang" in reason and "paling banyak 1.000.000" in reason
    subjects = {m.subject for m in IncomingMail.select()}
    assert subjects == {"Baik 0", "Baik 1", "Baik 2", "Tanggal jauh"}
    far = IncomingMail.get(IncomingMail.subject == "Tanggal jauh")
    assert far.sent_at is None and "Tanggal tidak sah" in far.warnings  # kept, with a warning
    with dovecot_server.client() as client:  # the refused one stays where it was
        assert client.folder_status("Campur", ["MESSAGES"])[b"MESSAGES"] == 1
        assert client.folder_status("Selesai", ["MESSAGES"])[b"MESSAGES"] == 4


def test_import_tells_why_a_message_of_a_batch_was_refused(staff, tmp_path):
    folder = tmp_path / "impor"
    folder.mkdir()
    (folder / "a.eml").write_bytes(raw_mail(subject="Satu"))
    (folder / "b.eml").write_bytes(TOO_LONG)
    (folder / "c.eml").write_bytes(raw_mail(subject="Dua"))
    tally, reasons = spool_intake.import_paths([str(folder)])
    assert (tally.imported, tally.rejected) == (2, 1)
    assert reasons[0].startswith(f"{folder / 'b.eml'}: Isian isi terlalu panjang")


def test_opening_a_mail_gives_its_whole_text_and_attachments(staff):
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 4000
    raw = raw_mail(
        subject="Undangan", body="Nomor : 005/123\n\nIsi lengkap.", attachment=("u.pdf", pdf)
    )
    [outcome] = intake.store_many([(parse_message(raw), "uji")])
    mail = mail_of(outcome.item_id)
    assert mail.text == "Nomor : 005/123\n\nIsi lengkap."
    [att] = mail.attachments
    assert (att.filename, att.content_type, att.size, bytes(att.data)) == (
        "u.pdf",
        "application/pdf",
        len(pdf),
        pdf,
    )


def test_a_batch_makes_the_rows_one_by_one_intake_makes(staff):
    def rows(item_id: int) -> tuple:
        item = WorkItem.get_by_id(item_id)
        mail = mail_of(item)
        logs = [
            (s.actor_id, s.role, s.from_step, s.to_step, s.action, s.note, s.seconds)
            for s in StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id)
        ]
        entries = [
            (e.actor, e.action, e.detail)
            for e in audit.AuditEntry.select()
            .where(audit.AuditEntry.subject == f"email_in#{item_id}")
            .order_by(audit.AuditEntry.id)
        ]
        skip = {"id", "item", "source"}
        return (
            {k: v for k, v in item.__data__.items() if k not in {"id"}},
            {k: v for k, v in mail.__data__.items() if k not in skip},
            [(a.filename, a.content_type, a.size, bytes(a.data)) for a in mail.attachments],
            logs,
            [e[:2] for e in entries],
            [e[2].replace(f"#{item_id}", "") for e in entries],
        )

    raw = KINDS["rfc2231"][0](3)
    first = rows(email_in.store(parse_message(raw), "satu").id)
    IncomingMail.delete().execute()  # the same mail again, this time through a batch
    [batch] = intake.store_many([(parse_message(raw), "banyak")])
    second = rows(batch.item_id)
    assert first[0] == second[0] and first[1:] == second[1:]
    assert audit.verify()[1] is None


def test_concurrent_batches_of_the_same_mails_keep_each_once(staff):
    parsed = [parse_message(raw_mail(subject=f"Serentak {n}")) for n in range(20)]
    results, errors = [], []
    gate = threading.Barrier(4)

    def run():
        gate.wait()
        try:
            results.append(intake.store_many([(p, "uji") for p in parsed]))
        except Exception as exc:  # noqa: BLE001 — any raw error is the defect under test
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(1 for outcomes in results for o in outcomes if o.item_id) == 20
    assert IncomingMail.select().count() == 20 and MailAttachment.select().count() == 0
