"""Mail intake into procedure 2: messages from an inbox (IMAP or a maildir) or from files,
parsed one by one and stored a batch per transaction, each batch with the inbox position."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from model.db import DatabaseProblem, write
from model.email_in import flow as email_in
from model.email_in import intake as email_in_intake
from model.email_in import records as email_in_records
from model.errors import WarkatError

log = logging.getLogger("warkat.spool.mail")

BATCH = 200  # messages stored per transaction
BATCH_BYTES = 32 << 20  # or fewer, when they are this big together


@dataclass
class Tally:
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    reasons: list[str] = field(default_factory=list)  # "source: why", one per rejected

    def reject(self, source: str, reason: str, quiet: bool = False) -> None:
        self.rejected += 1
        self.reasons.append(f"{source.removeprefix('impor:')}: {reason}")
        if not quiet:
            log.warning("%s ditolak, tetap di kotak surat: %s", source, reason)

    def line(self) -> str:
        from mail.importer import summary_line

        return summary_line(self.imported, self.duplicates, self.rejected)


def keep(raw: bytes, source: str, tally: Tally) -> bool:
    """Parse and store one message; False when it was rejected (no email at all, or refused
    by the model), so the caller leaves it where it is."""
    from mail.parse import looks_like_email, parse_message

    ok, reason = looks_like_email(raw)
    try:
        stored = email_in.store(parse_message(raw), source) if ok else None
    except DatabaseProblem:
        raise  # the database failed, not the message: the pass stops, the message waits
    except WarkatError as exc:
        ok, reason = False, str(exc)
    if not ok:
        tally.reject(source, reason)
        return False
    if stored is None:
        tally.duplicates += 1
    else:
        tally.imported += 1
    return True


def keep_many(batch: list[tuple[bytes, str]], tally: Tally) -> list[bool]:
    """`keep` for many messages: parsed one by one, stored in one transaction (the caller's,
    when it holds one); which of them were kept (stored or already there)."""
    from mail.parse import looks_like_email, parse_message

    kept = [False] * len(batch)
    ready, where = [], []
    for n, (raw, source) in enumerate(batch):
        ok, reason = looks_like_email(raw)
        if ok:
            ready.append((parse_message(raw), source))
            where.append(n)
        else:
            tally.reject(source, reason)
    for n, (_, source), outcome in zip(
        where, ready, email_in_intake.store_many(ready), strict=True
    ):
        if outcome.error:
            tally.reject(source, outcome.error)
            continue
        kept[n] = True
        if outcome.duplicate:
            tally.duplicates += 1
        else:
            tally.imported += 1
    return kept


def take_in(inbox, name: str) -> Tally:
    """Store what is new in an open inbox, a batch at a time: each batch's mails and the
    inbox position after it are kept in one transaction."""
    from mail.imap import SyncState

    tally = Tally()
    mark, _ = email_in_records.SyncMark.get_or_create(mailbox=name)
    state = SyncState(mark.uidvalidity, mark.last_uid, mark.last_key)
    done, batch, size = [], [], 0

    def flush() -> None:
        last = batch[-1].state
        with write():
            kept = keep_many([(f.raw, f"{name}#{f.ref}") for f in batch], tally)
            email_in_records.SyncMark.update(
                uidvalidity=last.uidvalidity, last_uid=last.last_uid, last_key=last.last_key
            ).where(email_in_records.SyncMark.id == mark.id).execute()
        # a rejected message is never marked done nor moved: it stays in the INBOX
        done.extend(f.ref for f, ok in zip(batch, kept, strict=True) if ok)
        batch.clear()

    for fetched in inbox.fetch_new(state):
        batch.append(fetched)
        size += len(fetched.raw)
        if len(batch) >= BATCH or size >= BATCH_BYTES:
            flush()
            size = 0
    if batch:
        flush()
    inbox.mark_done(done)
    return tally


def import_paths(paths: list[str]) -> tuple[Tally, list[str]]:
    """`warkat mail import`: .eml files, maildirs, mbox files; rejected ones with reasons."""
    from mail.importer import iter_sources

    tally, batch, size = Tally(), [], 0
    for item in iter_sources(paths):
        if item.raw is None:
            tally.reject(item.source, item.reason, quiet=True)
            continue
        batch.append((item.raw, f"impor:{item.source}"))
        size += len(item.raw)
        if len(batch) >= BATCH or size >= BATCH_BYTES:
            keep_many(batch, tally)
            batch, size = [], 0
    keep_many(batch, tally)
    return tally, tally.reasons
