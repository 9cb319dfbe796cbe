"""Intake of many incoming mails at once: for each new one the same rows `flow.store` makes
(item at step 2, its step log, audit entries, the mail, its attachments), written in one
write transaction per batch with one statement per table instead of some twenty per mail."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from model import audit
from model.base import now
from model.db import DatabaseProblem, db, is_postgres, write
from model.email_in.records import FUTURE_SLACK, IncomingMail, MailAttachment, outside
from model.errors import WarkatError
from model.sop import EMAIL_IN, PROCEDURES
from model.workflow import deadlines
from model.workflow.items import StepLog, WorkItem

CHUNK = 500  # Message-IDs per duplicate lookup
_FIRST = PROCEDURES[EMAIL_IN].first.number  # where an incoming mail starts
_SORTING = _FIRST + 1  # where "terima" takes it


@dataclass(frozen=True)
class Outcome:
    """What became of one mail: a new item, a duplicate, or the reason it was refused."""

    item_id: int | None = None
    duplicate: bool = False
    error: str = ""  # Indonesian; empty unless refused


def mail_row(parsed, source: str) -> dict:
    """The IncomingMail columns of a parsed message (a mail.parse.ParsedMail or alike), its
    text made storable (`outside`), its raw bytes unchanged; `item` is left to the caller.
    Every value is checked as the database column would (Invalid, in Indonesian)."""
    sent_at = parsed.date.astimezone().replace(tzinfo=None) if parsed.date else None
    warnings = list(parsed.warnings)
    if sent_at and sent_at > now() + FUTURE_SLACK:  # kept (never lose mail), but told
        warnings.append(
            f"Tanggal kirim ({sent_at:%d-%m-%Y %H:%M}) sesudah email diterima: "
            "tanggal pada surat tidak dapat dipercaya."
        )
    row = dict(
        message_id=outside(parsed.message_id),
        sha256=parsed.sha256,
        raw=parsed.raw,
        from_addr=outside(parsed.from_addr),
        from_name=outside(getattr(parsed, "from_name", "")),
        to=outside(", ".join(parsed.to), None),
        cc=outside(", ".join(parsed.cc), None),
        sent_at=sent_at,
        subject=outside(parsed.subject or "(tanpa perihal)", None).strip(),
        text=outside(parsed.text, None),
        warnings=outside("\n".join(warnings), None),
        source=outside(source),
    )
    for name, value in row.items():
        IncomingMail._meta.fields[name].db_value(value)
    return row


def attachment_rows(parsed) -> list[dict]:
    """The MailAttachment columns of each attachment (`mail` left to the caller)."""
    rows = [
        dict(
            filename=outside(att.filename or "lampiran"),
            content_type=outside(att.content_type),
            size=att.size,
            data=att.data,
        )
        for att in parsed.attachments
    ]
    for row in rows:
        for name, value in row.items():
            MailAttachment._meta.fields[name].db_value(value)
    return rows


def store_many(batch: Sequence[tuple[object, str]]) -> list[Outcome]:
    """Keep each (parsed, source) of `batch` as `flow.store` would, in one transaction; one
    Outcome per input, in order. A mail already stored (Message-ID and bytes), or twice in
    the batch, is a duplicate; one the database would refuse is told why and the others are
    kept. DatabaseProblem (the database, not a mail, failed) stores nothing and passes."""
    if not batch:
        return []
    outcomes: list[Outcome | None] = [None] * len(batch)
    ready: list[tuple[int, dict, list[dict]]] = []
    for n, (parsed, source) in enumerate(batch):
        try:
            ready.append((n, mail_row(parsed, source), attachment_rows(parsed)))
        except WarkatError as exc:
            outcomes[n] = Outcome(error=str(exc))
        except (ValueError, OverflowError, TypeError) as exc:  # e.g. a date out of range
            outcomes[n] = Outcome(error=f"Email tidak dapat disimpan: {exc}")
    try:
        with write():
            outcomes_in = _insert(ready)
    except DatabaseProblem:
        raise
    except WarkatError:  # another intake stored one meanwhile, or a value refused late
        outcomes_in = {n: _one(*batch[n]) for n, _, _ in ready}
    for n, outcome in outcomes_in.items():
        outcomes[n] = outcome
    return [o or Outcome(duplicate=True) for o in outcomes]


def _one(parsed, source: str) -> Outcome:
    from model.email_in.flow import store

    try:
        item = store(parsed, source)
    except DatabaseProblem:
        raise
    except WarkatError as exc:
        return Outcome(error=str(exc))
    return Outcome(item.id) if item else Outcome(duplicate=True)


def _insert(ready: list[tuple[int, dict, list[dict]]]) -> dict[int, Outcome]:
    """Inside write(): the rows of every mail not stored yet; returns their outcomes."""
    kept = _stored({row["message_id"] for _, row, _ in ready})
    outcomes: dict[int, Outcome] = {}
    new = []
    for n, row, atts in ready:
        key = (row["message_id"], row["sha256"])
        if key in kept:
            outcomes[n] = Outcome(duplicate=True)
        else:
            kept.add(key)
            new.append((n, row, atts))
    if not new:
        return outcomes
    at = now()
    instants = deadlines._instants(
        WorkItem(procedure=EMAIL_IN, step=_SORTING, step_entered_at=at, paused_seconds=0)
    )
    items = _bulk(WorkItem, [_item_row(row["subject"], at, instants) for _, row, _ in new])
    for (n, row, _), item_id in zip(new, items, strict=True):
        row["item"] = item_id
        outcomes[n] = Outcome(item_id)
    _bulk(StepLog, [log for _, row, _ in new for log in _log_rows(row, at)], ids=False)
    _audit([(row["item"], row["subject"][:250]) for _, row, _ in new], at)
    mails = _bulk(IncomingMail, [row for _, row, _ in new])
    files = [dict(a, mail=m) for (_, _, atts), m in zip(new, mails, strict=True) for a in atts]
    _bulk(MailAttachment, files, ids=False)
    return outcomes


def _stored(message_ids: set[str]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    ids = sorted(message_ids)
    for start in range(0, len(ids), CHUNK):
        query = IncomingMail.select(IncomingMail.message_id, IncomingMail.sha256).where(
            IncomingMail.message_id.in_(ids[start : start + CHUNK])
        )
        found.update(query.tuples())
    return found


def _item_row(subject: str, at: datetime, instants: dict) -> dict:
    """The item as create_item then apply("terima") leave it."""
    return dict(
        procedure=EMAIL_IN,
        step=_SORTING,
        title=subject[:250],
        created_by=None,
        unit=None,
        step_entered_at=at,
        created_at=at,
        version=1,
        closed_at=None,
        paused_seconds=0,
        paused_since=None,
        **{field.name: value for field, value in instants.items()},
    )


def _log_rows(row: dict, at: datetime) -> list[dict]:
    common = dict(item=row["item"], at=at, actor=None, seconds=0)
    common.update(working_seconds=0, paused_seconds=0)
    note = f"Diterima dari {row['from_addr']}"
    return [
        dict(common, role="", from_step=None, to_step=_FIRST, action="buat", note=note),
        dict(common, role="sistem", from_step=_FIRST, to_step=_SORTING, action="terima", note=""),
    ]


def _audit(items: list[tuple[int, str]], at: datetime) -> None:
    """The two entries create_item and apply record per item, chained as audit.record does."""
    if is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(4242)")
    last = audit.AuditEntry.select(audit.AuditEntry.hash).order_by(audit.AuditEntry.id.desc())
    prev = (last.first() or audit.AuditEntry(hash=audit.GENESIS)).hash
    rows = []
    for item_id, title in items:
        subject = f"{EMAIL_IN}#{item_id}"
        for action, detail in (
            ("buat", {"title": title, "step": _FIRST}),
            ("terima", {"from_step": _FIRST, "to_step": _SORTING, "note": ""}),
        ):
            text = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
            digest = audit._digest(prev, at, "sistem", action, subject, text)
            rows.append(
                dict(
                    at=at,
                    actor="sistem",
                    action=action,
                    subject=subject,
                    detail=text,
                    prev_hash=prev,
                    hash=digest,
                )
            )
            prev = digest
    _bulk(audit.AuditEntry, rows, ids=False)


def _bulk(model, rows: list[dict], ids: bool = True) -> list[int]:
    """INSERT `rows` (by field name; the others take their defaults, as Model.create does)
    a chunk per statement, the values converted as peewee would; the new ids in row order
    when `ids`. Built here since peewee's per-value SQL building costs more than SQLite."""
    fields = [f for f in model._meta.sorted_fields if not f.primary_key]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = "(" + ", ".join([db.obj.param] * len(fields)) + ")"
    chunk = max(1, 30_000 // len(fields))  # bound variables per statement
    out: list[int] = []
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        params = [f.db_value(_value(row, f)) for row in part for f in fields]
        sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES '
        sql += ", ".join([marks] * len(part))
        if ids:
            cursor = db.execute_sql(sql + ' RETURNING "id"', params)
            out.extend(sorted(r[0] for r in cursor.fetchall()))
        else:
            db.execute_sql(sql, params)
    return out


def _value(row: dict, field):
    if field.name in row:
        return row[field.name]
    return field.default() if callable(field.default) else field.default
