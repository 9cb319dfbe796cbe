"""Archive search on the index of migration v12 (`archive_search`, kept by triggers): SQLite
FTS5 trigram or PostgreSQL pg_trgm behind one function, a page of rows from one query.

Every word typed must occur (AND), anywhere in the item's text, as part of a word too
("05/12", "koordin"); words of 3 characters or more go through the index, shorter ones are
checked on the rows it finds (alone, they scan). Newest closed first: the index's sort key is
procedure | closed_at | item id, so a procedure and a date range are a key range, and a common
word stops at the page instead of sorting every match (the key is read in index order, never
sorted)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from model.db import db, is_postgres
from model.sop import EMAIL_IN, EMAIL_OUT, FAX
from model.workflow.items import WorkItem

CODES = {FAX: 1, EMAIL_IN: 2, EMAIL_OUT: 3}  # as migration v12
ID_BITS, TIME_SHIFT, PROCEDURE_SHIFT = 27, 27, 61
ID_MASK = (1 << ID_BITS) - 1
MIN_TERM = 3  # the shortest word the trigram index finds
PAGE = 100


@dataclass(frozen=True)
class ArchiveRow:
    """One archived item as an archive list shows it."""

    id: int
    procedure: str
    agenda_number: str  # the live number, "" when none
    title: str
    closed_at: datetime | None
    sifat: str
    party: str  # fax: the destinations; incoming: the sender; outgoing: the recipients
    set_aside: str = ""  # incoming: the SetAside kind when it is not an official letter
    set_aside_reason: str = ""


def sort_key(procedure: str, closed_at: datetime | None, item_id: int) -> int:
    """The index key of an item, as the migration's triggers compute it."""
    seconds = calendar.timegm(closed_at.timetuple()) if closed_at else 0
    return (CODES[procedure] << PROCEDURE_SHIFT) | (seconds << TIME_SHIFT) | item_id


def key_range(procedure: str, since: date | None, until: date | None) -> tuple[int, int]:
    """The keys of `procedure`'s items closed from `since` to `until` (whole days)."""
    code = CODES[procedure]
    low = sort_key(procedure, _midnight(since), 0) if since else code << PROCEDURE_SHIFT
    if until:
        high = sort_key(procedure, _midnight(until + timedelta(days=1)), 0) - 1
    else:
        high = ((code + 1) << PROCEDURE_SHIFT) - 1
    return low, high


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def terms(text: str) -> list[str]:
    """The words of a query, each once."""
    return list(dict.fromkeys(text.split()))


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _match(words: list[str], sifat: str | None) -> tuple[str, list[str]]:
    """SQLite: the FTS5 MATCH of `words` (each a phrase of its trigrams) and `sifat`, and the
    words under 3 characters, which the index cannot find, to check with LIKE."""
    parts = ['sifat : "^' + sifat.replace('"', '""') + '$"'] if sifat else []
    parts += ['body : "' + w.replace('"', '""') + '"' for w in words if len(w) >= MIN_TERM]
    return " AND ".join(parts), [w for w in words if len(w) < MIN_TERM]


def hits(
    procedure: str,
    text: str,
    *,
    since: date | None,
    until: date | None,
    sifat: str | None,
    only: str | None,
    limit: int,
    offset: int,
) -> tuple[str, list]:
    """SQL and parameters of the page's keys (column `k`), newest first. `only`: an extra
    SQL condition on `{item}`, the item id (e.g. an IN subquery)."""
    p = db.param
    low, high = key_range(procedure, since, until)
    if is_postgres():
        where, params = [f"sort_key BETWEEN {p} AND {p}"], [low, high]
        for word in terms(text):
            where.append(f"body ILIKE {p}")
            params.append(_like(word))
        if sifat:
            where.append(f"sifat = {p}")
            params.append(sifat)
        key, item, order = "sort_key", "sort_key", "sort_key DESC"
    else:  # rowid = -key: FTS5 reads ascending rowids fastest
        where, params = [f"rowid BETWEEN {p} AND {p}"], [-high, -low]
        match, check = _match(terms(text), sifat)
        if match:
            where.append(f"archive_search MATCH {p}")
            params.append(match)
        for word in check:  # with ESCAPE: a filter on the rows found, not an FTS5 scan
            where.append(f"body LIKE {p} ESCAPE '\\'")
            params.append(_like(word))
        key, item, order = "-rowid", "(-rowid)", "rowid"
    if only:
        where.append(only.format(item=f"({item} & {ID_MASK})"))
    sql = (
        f"SELECT {key} AS k FROM archive_search WHERE {' AND '.join(where)} "
        f"ORDER BY {order} LIMIT {p} OFFSET {p}"
    )
    return sql, [*params, limit, offset]


def page(
    procedure: str,
    text: str,
    *,
    party: str,
    joins: str = "",
    aside: tuple[str, str] = ("''", "''"),
    since: date | None = None,
    until: date | None = None,
    sifat: str | None = None,
    only: str | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[ArchiveRow]:
    """One page of `procedure`'s archive matching `text`, read with one query: the index's
    keys joined to the item, its live agenda number, `party` (an SQL expression on `w` and
    `joins`) and `aside` (kind, reason)."""
    sql, params = hits(
        procedure,
        text,
        since=since,
        until=until,
        sifat=sifat,
        only=only,
        limit=limit,
        offset=offset,
    )
    number = (
        "(SELECT a.number FROM agenda_entry a WHERE a.item_id = w.id AND NOT a.void "
        "ORDER BY a.id DESC LIMIT 1)"
    )
    query = (
        f"SELECT w.id, w.title, w.closed_at, w.sifat, {number}, {party}, {aside[0]}, {aside[1]} "
        f"FROM ({sql}) h JOIN work_item w ON w.id = (h.k & {ID_MASK}) {joins} "
        "ORDER BY h.k DESC"
    )
    when = WorkItem.closed_at.python_value
    return [
        ArchiveRow(
            id=item_id,
            procedure=procedure,
            agenda_number=number or "",
            title=title,
            closed_at=when(closed),
            sifat=sifat_,
            party=who or "",
            set_aside=kind or "",
            set_aside_reason=reason or "",
        )
        for item_id, title, closed, sifat_, number, who, kind, reason in db.execute_sql(
            query, params
        ).fetchall()
    ]


def joined(value: str, source: str, order: str) -> str:
    """An SQL expression for either database: the `value`s of `source` (FROM … WHERE …)
    joined with ", " in `order`."""
    if is_postgres():
        return f"(SELECT string_agg({value}, ', ' ORDER BY {order}) FROM {source})"
    return (
        f"(SELECT group_concat(x, ', ') FROM (SELECT {value} AS x FROM {source} ORDER BY {order}))"
    )
