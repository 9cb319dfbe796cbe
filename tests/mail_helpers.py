"""Incoming and outgoing mail put at a step, as the daemon and the real roles would."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from mail.parse import parse_message
from model.base import now
from model.email_in import flow as email_in
from model.email_out import flow as email_out
from tests.config_helpers import configure
from tests.conftest import user

SAMPLE_BODY = (
    "Yth. Kepala Dinas Kominfo Kabupaten Trenggalek\n\nDengan hormat, bersama ini kami "
    "sampaikan undangan rapat koordinasi persandian.\n\nHormat kami,\nBiro Umum"
)


def raw_mail(
    subject="Undangan Rapat Koordinasi Persandian",
    sender="biro@jatimprov.go.id",
    body=SAMPLE_BODY,
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Biro Umum <{sender}>"
    msg["To"] = "kominfo@trenggalekkab.go.id"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now().astimezone())
    msg["Message-ID"] = make_msgid(domain="jatimprov.go.id")
    msg.set_content(body)
    if attachment:
        msg.add_attachment(
            attachment[1], maintype="application", subtype="pdf", filename=attachment[0]
        )
    return msg.as_bytes()


def incoming_at(step: int, **kw) -> int:
    """An incoming mail stored by intake and moved to `step` (2–8); returns the item id."""
    item = email_in.store(parse_message(raw_mail(**kw)), "uji")
    if step >= 3:
        email_in.classify(user("admin"), item.id, needs_print=True)
    if step >= 4:
        email_in.printed(user("admin"), item.id)
    if step >= 5:
        email_in.register(user("admin"), item.id, "000.1.1", "{urut}", "406.020")
    if step >= 6:
        email_in.labelled(user("admin"), item.id)
    if step >= 7:
        email_in.forward(user("admin"), item.id, [user("staf").unit_id], "Mohon ditindaklanjuti")
    if step >= 8:
        email_in.follow_up(user("staf"), item.id, "Sudah dijawab melalui telepon.")
    return item.id


def outgoing_at(step: int, subject="Jawaban permintaan data statistik") -> int:
    """An outgoing draft by `staf` moved to `step` (1–4); returns the item id."""
    item = email_out.save_draft(
        user("staf"),
        to="bps@bps.go.id",
        cc="",
        subject=subject,
        body="Dengan hormat,\nBersama ini kami sampaikan data.",
    )
    if step >= 2:
        email_out.submit(user("staf"), item.id)
    if step >= 3:
        email_out.approve(user("kabid"), item.id)
    if step >= 4:
        email_out.finalise(user("staf"), item.id)
    return item.id


def use_imap(cfg, server, folder="INBOX"):
    """cfg with the office mailbox in `folder` on `server` (tests.dovecot), plain IMAP."""
    return configure(
        cfg,
        mail=dict(
            inbox="imap",
            imap_host=server.host,
            imap_port=server.port,
            imap_security="plain",
            imap_user=server.user,
            imap_password=server.password,
            imap_folder=folder,
        ),
    )


def use_smtp(cfg, host: str, port: int, **more):
    """cfg sending through plain SMTP at host:port (`more`: other [mail] keys)."""
    return configure(
        cfg,
        mail=dict(transport="smtp", smtp_host=host, smtp_port=port, smtp_security="plain", **more),
    )
