"""Outgoing mail: build messages and forwards, send by SMTP or into an outbox folder."""

from __future__ import annotations

import contextlib
import mimetypes
import os
import re
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from mail.errors import MailError
from mail.net import check_security, connection_error
from mail.parse import parse_message


@dataclass(frozen=True)
class SmtpConfig:
    """The office's outgoing server."""

    host: str
    port: int
    user: str = ""
    password: str = ""
    security: str = "ssl"  # "ssl" | "starttls" | "plain" (loopback only)
    cafile: str | None = None
    timeout: float = 60.0


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip("> ").lower() or "localhost"


def _base(
    from_addr: str, to: Sequence[str], cc: Sequence[str], subject: str, domain: str | None
) -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = from_addr
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now().astimezone())
    msg["Message-ID"] = make_msgid("warkat", domain=domain or _domain(from_addr))
    msg["MIME-Version"] = "1.0"
    return msg


def build_message(
    from_addr: str,
    to: Sequence[str],
    cc: Sequence[str],
    subject: str,
    body: str,
    attachments: Sequence[tuple[str, bytes]] = (),
    domain: str | None = None,
) -> EmailMessage:
    """A UTF-8 message with Message-ID under the sender's (office) domain and (name, data) files."""
    msg = _base(from_addr, to, cc, subject, domain)
    msg.set_content(body, charset="utf-8")
    for filename, data in attachments:
        ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg


def build_forward(
    parsed_raw: bytes, from_addr: str, to: Sequence[str], note: str, domain: str | None = None
) -> EmailMessage:
    """Forward an incoming mail: a note plus the original attached as message/rfc822."""
    original = parse_message(parsed_raw)
    subject = (
        original.subject
        if original.subject.lower().startswith("fwd:")
        else f"Fwd: {original.subject}"
    )
    sender = formataddr((original.from_name, original.from_addr)) if original.from_addr else "-"
    when = format_datetime(original.date) if original.date else "-"
    body = (
        f"{note.rstrip()}\n\n---------- Pesan diteruskan ----------\n"
        f"Dari: {sender}\nTanggal: {when}\nPerihal: {original.subject}\n"
        f"Kepada: {', '.join(original.to) or '-'}\n\n{original.text}\n"
    )
    msg = _base(from_addr, to, (), subject[:250], domain)
    msg.set_content(body, charset="utf-8")
    msg.make_mixed()
    inner = MIMEPart(policy=policy.SMTP)
    inner["Content-Type"] = "message/rfc822"
    inner["Content-Disposition"] = 'attachment; filename="pesan-asli.eml"'
    if parsed_raw.isascii():
        inner["Content-Transfer-Encoding"] = "7bit"
        inner.set_payload(parsed_raw.decode("ascii"))  # written byte for byte
    else:  # the generator cannot write 8-bit text verbatim: re-serialize the parsed original
        inner["Content-Transfer-Encoding"] = "8bit"
        inner.set_payload([BytesParser(policy=policy.compat32).parsebytes(parsed_raw)])
    msg.attach(inner)
    msg["References"] = original.message_id
    return msg


@contextlib.contextmanager
def _session(config: SmtpConfig):
    """A connected, secured and logged-in SMTP session; any failure is a MailError."""
    check_security(config.host, config.security, "SMTP")
    context = ssl.create_default_context(cafile=config.cafile)
    factory = smtplib.SMTP_SSL if config.security == "ssl" else smtplib.SMTP
    kwargs = {"context": context} if config.security == "ssl" else {}
    try:
        server = factory(config.host, config.port, timeout=config.timeout, **kwargs)
    except (OSError, smtplib.SMTPException) as exc:
        raise connection_error("SMTP", config.host, config.port, exc) from exc
    try:
        with server:
            if config.security == "starttls":
                server.starttls(context=context)
            if config.user:
                server.login(config.user, config.password)
            yield server
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"Server SMTP {config.host} tidak mendukung {_what(exc)}") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(
            f"Login SMTP ditolak untuk {config.user}: nama pengguna atau kata sandi "
            f"salah ({_reply(exc.smtp_code, exc.smtp_error)})"
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError("Semua penerima ditolak server: " + _refused(exc.recipients)) from exc
    except smtplib.SMTPSenderRefused as exc:
        raise MailError(
            f"Alamat pengirim {exc.sender} ditolak server: {_reply(exc.smtp_code, exc.smtp_error)}"
        ) from exc
    except smtplib.SMTPDataError as exc:
        raise MailError(
            f"Server menolak isi pesan: {_reply(exc.smtp_code, exc.smtp_error)}"
        ) from exc
    except smtplib.SMTPResponseException as exc:
        raise MailError(
            f"Server SMTP menjawab galat: {_reply(exc.smtp_code, exc.smtp_error)}"
        ) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise connection_error("SMTP", config.host, config.port, exc) from exc


def send(config: SmtpConfig, msg: EmailMessage) -> str:
    """Send `msg`; returns its Message-ID. Refused recipients and failures raise MailError."""
    with _session(config) as server:
        refused = server.send_message(msg)
    if refused:
        raise MailError(
            "Sebagian penerima ditolak (pesan sudah terkirim ke penerima lain): "
            + _refused(refused)
        )
    return msg["Message-ID"]


def probe(config: SmtpConfig) -> None:
    """Connect and log in as a send would, sending nothing; MailError says why not."""
    with _session(config):
        pass


def _what(exc: Exception) -> str:
    text = str(exc)
    return "STARTTLS" if "STARTTLS" in text.upper() else "AUTH (login); coba starttls/ssl"


def _reply(code: int, error: bytes | str) -> str:
    text = error.decode("utf-8", "replace") if isinstance(error, bytes) else str(error)
    return f"{code} {text}".strip()


def _refused(recipients: dict) -> str:
    return "; ".join(f"{addr} ({_reply(*reply)})" for addr, reply in recipients.items())


class OutboxFolder:
    """A transport that writes each message as an .eml file (the demo, or no SMTP server)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def send(self, msg: EmailMessage) -> str:
        """Write `msg` atomically; returns its Message-ID."""
        self.path.mkdir(parents=True, exist_ok=True)
        if "Message-ID" not in msg:
            msg["Message-ID"] = make_msgid("warkat")
        message_id = msg["Message-ID"]
        stem = (
            datetime.now().strftime("%Y%m%d-%H%M%S-")
            + re.sub(r"[^\w.-]", "_", message_id.strip("<>"))[:80]
        )
        tmp = self.path / f".{stem}.tmp"
        tmp.write_bytes(msg.as_bytes(policy=policy.SMTP))
        os.replace(tmp, self.path / f"{stem}.eml")
        return message_id
