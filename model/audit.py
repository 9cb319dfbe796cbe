"""Hash-chained audit trail: every transition and admin action, tamper-evident."""

from __future__ import annotations

import hashlib
import json

import peewee

from model.base import BaseModel, now
from model.db import db, is_postgres

GENESIS = "0" * 64


class AuditEntry(BaseModel):
    at = peewee.DateTimeField(default=now)
    actor = peewee.CharField(default="")
    action = peewee.CharField()
    subject = peewee.CharField(default="")
    detail = peewee.TextField(default="{}")
    prev_hash = peewee.CharField()
    hash = peewee.CharField()


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
        at=at, actor=actor, action=action, subject=subject, detail=text, prev_hash=prev,
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
