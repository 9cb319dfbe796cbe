"""Hash-chained audit trail: every transition and admin action, tamper-evident; anchors
(the chain's head printed on paper or mailed out) prove later that it was not rewritten."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

import peewee

from model.base import BaseModel, now
from model.db import db, is_postgres, write
from model.errors import Invalid
from model.fields import Line, Text

GENESIS = "0" * 64
ANCHOR_TEXT = re.compile(r"#?(\d+):([0-9a-f]{64})")


class AuditEntry(BaseModel):
    at = peewee.DateTimeField(default=now)
    actor = Line(default="")
    action = Line()
    subject = Line(default="")
    detail = Text(default="{}")
    prev_hash = Line()
    hash = Line()


class AuditAnchor(BaseModel):
    """An anchor that left the software: printed on a signed record, mailed, or shown."""

    entry_id = peewee.IntegerField()
    hash = Line(max_length=64)
    seen_at = peewee.DateTimeField(default=now)
    source = Line(default="")


@dataclass(frozen=True)
class Anchor:
    """Entry number and hash of one chain entry; written `N:HASH`."""

    entry_id: int
    hash: str

    def __str__(self) -> str:
        return f"{self.entry_id}:{self.hash}"


def parse_anchor(text: str) -> Anchor:
    match = ANCHOR_TEXT.fullmatch(text.strip().lower())
    if match is None:
        raise Invalid(
            f"Jangkar '{text}' tidak sah: tulis N:HASH (nomor entri, titik dua, "
            "64 karakter heksadesimal) seperti tercetak."
        )
    return Anchor(int(match[1]), match[2])


def _digest(prev: str, at, actor: str, action: str, subject: str, detail: str) -> str:
    payload = "\x1f".join([prev, str(at), actor, action, subject, detail])
    return hashlib.sha256(payload.encode()).hexdigest()


def record(actor: str, action: str, subject: str = "", **detail) -> AuditEntry:
    """Append one entry; call inside the write transaction of the change it describes."""
    if is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(4242)")
    last = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    prev = last.hash if last else GENESIS
    at = now()
    text = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
    return AuditEntry.create(
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        detail=text,
        prev_hash=prev,
        hash=_digest(prev, at, actor, action, subject, text),
    )


def verify() -> tuple[int, AuditEntry | None]:
    """Walk the chain; return (entries checked, first broken entry or None)."""
    prev = GENESIS
    count = 0
    for entry in AuditEntry.select().order_by(AuditEntry.id).iterator():
        expected = _digest(prev, entry.at, entry.actor, entry.action, entry.subject, entry.detail)
        if entry.prev_hash != prev or entry.hash != expected:
            return count, entry
        prev = entry.hash
        count += 1
    return count, None


def head() -> Anchor | None:
    """The chain's last entry, or None while the trail is empty."""
    last = AuditEntry.select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    return Anchor(last.id, last.hash) if last else None


def keep(anchor: Anchor, source: str) -> None:
    """Remember an anchor that left the software (`source`: where it went)."""
    with write():
        AuditAnchor.create(entry_id=anchor.entry_id, hash=anchor.hash, source=source[:255])


def take_anchor(source: str) -> Anchor | None:
    """The head, kept as an anchor that goes to `source` (e.g. a printed record)."""
    anchor = head()
    if anchor is not None:
        keep(anchor, source)
    return anchor


@dataclass
class Verdict:
    """What `check` found: the chain walk, and every anchor the chain no longer extends."""

    count: int
    broken: AuditEntry | None
    head: Anchor | None
    anchors: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.problems


def check(given: Anchor | None = None) -> Verdict:
    """Verify the chain from genesis to the head, and that it still passes through `given`
    and through every kept anchor: each anchor's entry must exist with the anchor's hash.
    An entry gone means deletion or truncation; another hash means an edit or a recomputed
    chain."""
    count, broken = verify()
    verdict = Verdict(count, broken, head())
    seen: dict[Anchor, str] = {}
    if given is not None:
        seen[given] = "diberikan"
    for row in AuditAnchor.select().order_by(AuditAnchor.id):
        seen.setdefault(
            Anchor(row.entry_id, row.hash), f"{row.source}, {row.seen_at:%d-%m-%Y %H:%M}"
        )
    for anchor, source in seen.items():
        verdict.anchors += 1
        entry = AuditEntry.get_or_none(AuditEntry.id == anchor.entry_id)
        if entry is None:
            found = "entrinya tidak ada lagi (dihapus atau jejak dipotong)"
        elif entry.hash != anchor.hash:
            found = "hash entrinya berbeda (diubah atau rantai dihitung ulang)"
        else:
            continue
        verdict.problems.append(
            f"jangkar #{anchor.entry_id}:{anchor.hash[:16]}… ({source}): {found}"
        )
    return verdict
