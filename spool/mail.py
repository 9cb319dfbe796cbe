"""Mail workers: intake from IMAP or a maildir into procedure 2, and the outbox of procedure 3
(SMTP or a folder of .eml files), plus `warkat mail sync` and `warkat mail import`."""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path

from model import outbox
from model.books.agenda import DEFAULT_PATTERN
from model.config import Config
from model.db import DatabaseProblem
from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from model.email_out import flow as email_out
from model.errors import WarkatError
from spool.intake import Tally, import_paths, keep, keep_many, take_in  # noqa: F401

log = logging.getLogger("warkat.spool.mail")


def _path(cfg: Config, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else cfg.home / path


def imap_config(cfg: Config):
    from mail.imap import ImapConfig

    m = cfg.mail
    return ImapConfig(
        host=m.imap_host,
        port=m.imap_port,
        user=m.imap_user,
        password=m.imap_password,
        security=m.imap_security,
        folder=m.imap_folder,
        after=m.after,
        cafile=m.cafile or None,
    )


def smtp_config(cfg: Config):
    from mail.smtp import SmtpConfig

    m = cfg.mail
    return SmtpConfig(
        host=m.smtp_host,
        port=m.smtp_port,
        user=m.smtp_user,
        password=m.smtp_password,
        security=m.smtp_security,
        cafile=m.cafile or None,
    )


def open_inbox(cfg: Config):
    """The configured inbox and the name its position is kept under."""
    if cfg.mail.inbox == "imap":
        from mail.imap import ImapInbox

        conf = imap_config(cfg)
        return ImapInbox(conf), f"imap:{conf.user}@{conf.host}/{conf.folder}"
    from mail.maildir import MaildirInbox

    path = _path(cfg, cfg.mail.maildir)
    return MaildirInbox(path), f"maildir:{path}"


def sync_once(cfg: Config) -> Tally:
    """One intake pass over the configured inbox."""
    inbox, name = open_inbox(cfg)
    with inbox:
        return take_in(inbox, name)


def run_sync(cfg: Config) -> Tally:
    """`warkat mail sync`: one pass, a mail-server problem told in one sentence."""
    from mail.errors import MailError

    try:
        return sync_once(cfg)
    except MailError as exc:
        raise WarkatError(str(exc)) from exc


def intake_worker(cfg: Config, wait_chunk: float = 15.0):
    """Keep the inbox open and take mail in as it arrives (IMAP IDLE, or polling every
    `poll_seconds`); a lost connection is retried after `poll_seconds`."""
    seconds = cfg.mail.poll_seconds

    def run(stop: threading.Event) -> None:
        from mail.errors import MailError

        while not stop.is_set():
            try:
                inbox, name = open_inbox(cfg)
                with inbox:
                    while not stop.is_set():
                        tally = take_in(inbox, name)
                        if tally.imported or tally.rejected:
                            log.info("email masuk: %s", tally.line())
                        waited = 0.0
                        while waited < seconds and not stop.is_set():
                            if inbox.idle_wait(min(wait_chunk, seconds - waited)):
                                break
                            waited += wait_chunk
            except MailError as exc:
                log.warning("email masuk: %s", exc)
                stop.wait(seconds)

    return run


def _transport(cfg: Config):
    if cfg.mail.transport == "smtp":
        from mail.smtp import send

        conf = smtp_config(cfg)
        return lambda msg: send(conf, msg)
    from mail.smtp import OutboxFolder

    return OutboxFolder(_path(cfg, cfg.mail.outbox)).send


def probe_imap(cfg: Config) -> None:
    """`warkat doctor`: log in to the office mailbox and open its folder; WarkatError if not."""
    from mail.errors import MailError
    from mail.imap import probe

    try:
        probe(imap_config(cfg))
    except MailError as exc:
        raise WarkatError(str(exc)) from exc


def probe_smtp(cfg: Config) -> None:
    """`warkat doctor`: connect and log in to the SMTP server; WarkatError if not."""
    from mail.errors import MailError
    from mail.smtp import probe

    try:
        probe(smtp_config(cfg))
    except MailError as exc:
        raise WarkatError(str(exc)) from exc


def send_notice(cfg: Config, msg) -> str:
    """Send one message that belongs to no work item (the audit anchor to the Kasi) through the
    office transport; returns its Message-ID; the error is one Indonesian line (WarkatError)."""
    from mail.errors import MailError

    try:
        return _transport(cfg)(msg)
    except (MailError, OSError) as exc:
        raise WarkatError(f"Email tidak terkirim: {exc}") from exc


def build(cfg: Config, job: outbox.MailJob):
    """The message a job sends: a notice (its subject and body in the job's note), a forward
    of the incoming original, or the final letter built from exactly its approved version
    (Invalid when the stored letter is not that version)."""
    from mail.smtp import build_forward, build_message

    office = cfg.office.email
    if job.kind == outbox.MailKind.NOTICE:
        subject, _, body = job.note.partition("\n\n")
        return build_message(office, _split(job.to), [], subject, body, [])
    if job.kind == outbox.MailKind.FORWARD:
        return build_forward(
            bytes(email_in_records.mail_of(job.item_id).raw), office, _split(job.to), job.note
        )
    letter = email_out.letter_to_send(job)
    return build_message(
        office,
        _split(letter.to),
        _split(letter.cc),
        letter.subject,
        letter.body,
        list(letter.files),
    )


def _split(addresses: str) -> list[str]:
    return [a.strip() for a in addresses.split(",") if a.strip()]


def finish(
    job_id: int,
    *,
    message_id: str = "",
    error: str = "",
    retry: bool = True,
    pattern: str = DEFAULT_PATTERN,
    unit_code: str = "",
) -> outbox.MailJob:
    """Record a mail job's outcome; on delivery the procedure that queued it takes its next
    step in the same transaction (a forward closes the OPDs' part of step 7; a letter is
    numbered in the outgoing book and moves to step 5)."""
    delivered = {
        outbox.MailKind.NOTICE: None,
        outbox.MailKind.FORWARD: email_in.forward_sent,
        outbox.MailKind.SEND: functools.partial(
            email_out.sent, pattern=pattern, unit_code=unit_code
        ),
    }
    kind = outbox.MailJob.get_by_id(job_id).kind
    return outbox.finish(
        job_id, message_id=message_id, error=error, retry=retry, delivered=delivered[kind]
    )


def send_one(cfg: Config, job: outbox.MailJob, transport=None) -> outbox.MailJob:
    """Send one job, copy it to the IMAP Sent folder when there is one, record the outcome.
    A letter that is not its approved version is not sent: the job fails with the reason,
    back to a person."""
    from mail.errors import MailError

    try:
        msg = build(cfg, job)
    except DatabaseProblem:
        raise  # not the letter's fault: the job stays queued
    except WarkatError as exc:
        log.warning("email #%s tidak dikirim: %s", job.id, exc)
        return outbox.finish(job.id, error=str(exc), retry=False)
    try:
        message_id = (transport or _transport(cfg))(msg)
    except MailError as exc:
        partial = "sudah terkirim" in str(exc)  # some recipients got it: never send twice
        return outbox.finish(job.id, error=str(exc), retry=not partial)
    if cfg.mail.inbox == "imap" and cfg.mail.transport == "smtp":
        from mail.imap import append_sent

        try:
            append_sent(imap_config(cfg), msg.as_bytes(), cfg.mail.sent_folder or None)
        except MailError as exc:
            log.warning("salinan ke folder Terkirim gagal: %s", exc)
    return finish(
        job.id, message_id=message_id, pattern=cfg.agenda_pattern, unit_code=cfg.office.unit_code
    )


def outbox_worker(cfg: Config, owner: str):
    """Send queued mail jobs, held under daemon instance `owner`."""

    def run(stop: threading.Event) -> None:
        outbox.recover_interrupted()
        while not stop.is_set():
            job = outbox.claim_next(owner)
            if job is None:
                stop.wait(2)
                continue
            job = send_one(cfg, job)
            log.info("email #%s (%s): %s", job.id, job.kind, job.status)

    return run


def seed_demo_inbox(cfg: Config) -> Tally:
    """The demo office's mailbox: a maildir of realistic office mail, taken in once."""
    from mail.demo import seed_demo_maildir

    path = _path(cfg, cfg.mail.maildir)
    if not any(path.glob("*/*")):  # created empty by `warkat init`
        seed_demo_maildir(path)
    return sync_once(cfg)
