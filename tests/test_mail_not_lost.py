"""No email is lost: a stray NUL is still mail (import and IMAP alike), what intake rejects
stays in the mailbox, and two intakes storing one mail at once keep it once."""

import threading

from mail.parse import parse_message
from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from model.email_in.records import IncomingMail
from spool.mail import import_paths, sync_once
from tests.config_helpers import configure
from tests.dovecot import dovecot_server_fixture  # noqa: F401  (fixture dovecot_server)
from tests.mail_helpers import raw_mail, use_imap


def with_nul(subject: str) -> bytes:
    return raw_mail(subject=subject, body="Isi surat\x00 dengan NUL di tengah.\n")


def test_import_keeps_an_eml_with_a_stray_nul(staff, tmp_path):
    tmp_path = tmp_path / "impor"
    tmp_path.mkdir()
    (tmp_path / "nul.eml").write_bytes(with_nul("Surat ber-NUL"))
    (tmp_path / "foto.bin").write_bytes(b"\x00\x01\x02" * 50)
    tally, reasons = import_paths([str(tmp_path)])
    assert (tally.imported, tally.rejected) == (1, 1) and "foto.bin" in reasons[0]
    mail = IncomingMail.get()
    assert mail.subject == "Surat ber-NUL" and "\x00" not in mail.text
    assert b"\x00" in bytes(mail.raw)  # the bytes themselves are kept unchanged


def test_imap_intake_leaves_a_rejected_message_in_the_inbox(staff, dovecot_server):
    staff = configure(use_imap(staff, dovecot_server, "Tolak"), mail={"after": "move:Diproses"})
    dovecot_server.deliver(
        [b"ini bukan email sama sekali\r\n", with_nul("Surat sah")], folder="Tolak"
    )
    tally = sync_once(staff)
    assert (tally.imported, tally.rejected) == (1, 1)
    assert IncomingMail.get().subject == "Surat sah"
    with dovecot_server.client() as client:
        assert client.folder_status("Tolak", ["MESSAGES"])[b"MESSAGES"] == 1
        assert client.folder_status("Diproses", ["MESSAGES"])[b"MESSAGES"] == 1
        client.select_folder("Tolak", readonly=True)
        (uid,) = client.search(["ALL"])
        assert b"bukan email" in client.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
    again = sync_once(staff)  # reported once, not fetched over and over
    assert (again.imported, again.rejected) == (0, 0)


def test_two_intakes_of_one_mail_at_once_keep_it_once(staff):
    parsed = parse_message(raw_mail(subject="Kembar"))
    results, errors = [], []
    gate = threading.Barrier(6)

    def intake():
        gate.wait()
        try:
            results.append(email_in.store(parsed, "uji"))
        except Exception as exc:  # noqa: BLE001 — any raw error is the defect under test
            errors.append(exc)

    threads = [threading.Thread(target=intake) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len([r for r in results if r is not None]) == 1
    assert IncomingMail.select().count() == 1


def test_outside_text_is_made_storable():
    assert email_in_records.outside("a\x00b\x07c\td\ne", None) == "a\ufffdb\ufffdc\td\ne"
    assert email_in_records.outside("a\nb") == "a b"
    assert (
        len(email_in_records.outside("x" * 300)) == 255
        and len(email_in_records.outside("x" * 300, None)) == 300
    )


def test_a_mail_dated_after_it_arrived_is_kept_with_a_warning(staff):
    from datetime import timedelta
    from email.utils import format_datetime

    from model.base import now

    raw = (
        raw_mail(subject="Dari masa depan")
        .replace(b"Date: ", b"X-Old-Date: ", 1)
        .replace(
            b"Subject:",
            f"Date: {format_datetime((now() + timedelta(days=2)).astimezone())}\r\nSubject:".encode(),
            1,
        )
    )
    item = email_in.store(parse_message(raw), "uji")
    assert "sesudah email diterima" in email_in_records.mail_of(item).warnings
