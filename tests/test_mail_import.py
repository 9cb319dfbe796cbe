"""Import sources (.eml, maildir, mbox, folders), rejections, and the demo maildir."""

import mailbox
from datetime import datetime, timedelta, timezone
from io import BytesIO

from pypdf import PdfReader

from mail.demo import make_pdf, seed_demo_maildir
from mail.imap import SyncState
from mail.importer import iter_sources, summary_line
from mail.maildir import MaildirInbox, deliver
from mail.parse import looks_like_email, parse_message
from tests.hostile_mail import KINDS, plain

WIB = timezone(timedelta(hours=7))


def test_eml_maildir_mbox_and_folders(tmp_path):
    (tmp_path / "satu.eml").write_bytes(plain(1))
    maildir = tmp_path / "Maildir"
    deliver(maildir, plain(2))
    deliver(maildir, plain(3), subdir="cur", flags="S")
    deliver(maildir / ".Arsip", plain(4))
    (maildir / "dovecot-uidlist").write_text("3 V1 N5\n")  # state file, not mail
    box = mailbox.mbox(tmp_path / "arsip.mbox")
    for i in (5, 6):
        box.add(plain(i))
    box.close()

    items = list(iter_sources([tmp_path]))
    assert all(i.raw is not None for i in items), [i.reason for i in items]
    ids = sorted(parse_message(i.raw).message_id for i in items)
    assert ids == sorted(f"<uji-{n}@trenggalekkab.go.id>" for n in range(1, 7))
    assert {i.source for i in items if i.source.startswith("mbox:")} == {
        f"mbox:{tmp_path / 'arsip.mbox'}#1",
        f"mbox:{tmp_path / 'arsip.mbox'}#2",
    }
    assert [i.source for i in iter_sources([tmp_path / "satu.eml"])] == [str(tmp_path / "satu.eml")]
    assert len(list(iter_sources([maildir]))) == 3


def test_non_email_files_are_rejected_with_reason(tmp_path):
    files = {
        "kosong.eml": b"",
        "surat.pdf": make_pdf(["bukan email"]),
        "catatan.txt": b"Rapat besok jam 9.\nJangan lupa.\n",
        "data.csv": b"nama,nip\nBudi,1978\n",
        "gambar.png": b"\x89PNG\r\n\x1a\n" + bytes(100),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "asli.eml").write_bytes(plain(9))
    items = {i.source.rsplit("/", 1)[1]: i for i in iter_sources([tmp_path])}
    assert items["asli.eml"].raw == plain(9)
    for name in files:
        assert items[name].raw is None and items[name].reason.startswith("Bukan email"), name
    assert "PDF" in items["surat.pdf"].reason
    (missing,) = iter_sources([tmp_path / "tidak-ada.eml"])
    assert missing.raw is None and missing.reason == "Berkas atau folder tidak ditemukan"


def test_every_hostile_kind_counts_as_email():
    for build, _ in KINDS.values():
        assert looks_like_email(build(1)) == (True, "")


def test_summary_line():
    assert summary_line(12, 3, 1) == "diimpor 12, duplikat 3, ditolak 1"


def test_demo_maildir_and_incremental_reader(tmp_path):
    now = datetime(2024, 9, 12, 10, 0, tzinfo=WIB)
    keys = seed_demo_maildir(tmp_path, now=now)
    assert len(keys) == 8
    with MaildirInbox(tmp_path, after="seen") as inbox:
        fetched = list(inbox.fetch_new(SyncState()))
        assert [f.ref for f in fetched] == sorted(keys)
        mails = [parse_message(f.raw) for f in fetched]
        assert all(now - timedelta(days=4) < m.date <= now for m in mails)
        assert all(m.warnings == [] for m in mails)
        subjects = {m.subject for m in mails}
        assert "Undangan Rapat Koordinasi Persandian" in subjects
        assert any(m.html_fallback for m in mails)
        assert any(m.from_addr == "bkd@trenggalekkab.go.id" for m in mails)
        names = {a.filename for m in mails for a in m.attachments}
        assert "Laporan Insiden – Triwulan III (final).pdf" in names
        pdf = next(a for m in mails for a in m.attachments if a.filename.startswith("undangan"))
        assert pdf.data.startswith(b"%PDF-1.4") and pdf.data.rstrip().endswith(b"%%EOF")
        assert b"Rapat Koordinasi Persandian" in pdf.data

        inbox.mark_done([f.ref for f in fetched])
        assert not any((tmp_path / "new").iterdir())
        assert list(inbox.fetch_new(inbox.state)) == []
        assert inbox.idle_wait(0.1) is False
        deliver(tmp_path, plain(77))
        assert inbox.idle_wait(2) is True
        (new,) = inbox.fetch_new(inbox.state)
        assert parse_message(new.raw).message_id == "<uji-77@trenggalekkab.go.id>"
        assert inbox.append(plain(78)) == "Sent"
    (sent,) = (tmp_path / ".Sent" / "cur").iterdir()
    assert sent.name.endswith(":2,S")


def test_demo_pdf_is_readable():
    text = PdfReader(BytesIO(make_pdf(["Nomor : 005/1123", "(kurung) \\ garis"]))).pages[0]
    assert "Nomor : 005/1123" in text.extract_text()
