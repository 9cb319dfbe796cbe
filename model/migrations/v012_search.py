"""v12: the archive search index. One row per closed fax, incoming or outgoing item: its sort
key, sifat and one text (title, live agenda numbers, isi berita and destinations / subject,
sender, set-aside reason and text / subject, recipients and body), kept in step by triggers
on every source table, so each write path (flows, voids, edits, imports) follows.

The sort key orders the archive and holds the procedure, so a procedure and a closing date
range are a key range: procedure << 61 | closed_at epoch seconds << 27 | item id
(model.workflow.search computes the same).

SQLite: an FTS5 table with the trigram tokenizer, its rowid the sort key negated, so newest
first is ascending rowid order (FTS5 reads it fastest; SQLite 3.40's FTS5 missed matches
with ORDER BY rowid DESC over a rowid range); sifat an indexed column held as ^sifat$, so a
sifat matches exactly. PostgreSQL: a plain table with a pg_trgm GIN index on the text (left
out when the extension cannot be created: the search then scans)."""

from __future__ import annotations

import peewee

from model.db import db, is_postgres

VERSION = 12

CODES = (("fax", 1), ("email_in", 2), ("email_out", 3))
CLOSED = (
    "(w.step = 0 OR w.closed_at IS NOT NULL) AND w.procedure IN ('fax', 'email_in', 'email_out')"
)
NL = "char(10)"  # between fields, so no term matches across two of them
# The columns of each source table the text is made of (an update elsewhere is not re-indexed).
SOURCES = {
    "work_item": ("id", "title, sifat, step, closed_at, procedure"),
    "agenda_entry": ("item_id", "number, void, item_id"),
    "fax_request": ("item_id", "isi_berita, item_id"),
    "fax_destination": ("request_id", "name, number, request_id"),
    "incoming_mail": (
        "item_id",
        'subject, from_addr, from_name, "text", set_aside_reason, item_id',
    ),
    "outgoing_mail": ("item_id", 'subject, "to", cc, body, item_id'),
}


def _code() -> str:
    cases = " ".join(f"WHEN '{name}' THEN {code}" for name, code in CODES)
    return f"(CASE w.procedure {cases} END)"


def _key(pg: bool) -> str:
    if pg:
        seconds = "COALESCE(floor(extract(epoch FROM w.closed_at))::bigint, 0)"
        return f"((({_code()})::bigint << 61) | ({seconds} << 27) | w.id)"
    seconds = "COALESCE(CAST(strftime('%s', w.closed_at) AS INTEGER), 0)"
    return f"(({_code()} << 61) | ({seconds} << 27) | w.id)"


def _body(pg: bool) -> str:
    nl = "chr(10)" if pg else NL
    agg = "string_agg({x}, {sep} ORDER BY {order})" if pg else "group_concat({x}, {sep})"

    def join(*parts: str) -> str:
        return f" || {nl} || ".join(f"COALESCE({p}, '')" for p in parts)

    numbers = agg.format(x="a.number", sep="' '", order="a.id")
    dests = agg.format(x="d.name || ' ' || d.number", sep=nl, order="d.id")
    fax = join(
        "(SELECT r.isi_berita FROM fax_request r WHERE r.item_id = w.id)",
        "(SELECT "
        + dests
        + " FROM fax_destination d JOIN fax_request r ON r.id = d.request_id"
        + " WHERE r.item_id = w.id)",
    )
    incoming = join(
        "(SELECT m.subject || {nl} || m.from_name || ' ' || m.from_addr || {nl} || "
        'm.set_aside_reason || {nl} || m."text" FROM incoming_mail m WHERE m.item_id = w.id)'
    ).replace("{nl}", nl)
    outgoing = join(
        '(SELECT o.subject || {nl} || o."to" || {nl} || o.cc || {nl} || o.body '
        "FROM outgoing_mail o WHERE o.item_id = w.id)"
    ).replace("{nl}", nl)
    void = "NOT a.void"
    head = join(
        "w.title", f"(SELECT {numbers} FROM agenda_entry a WHERE a.item_id = w.id AND {void})"
    )
    return (
        f"{head} || {nl} || CASE w.procedure WHEN 'fax' THEN {fax} "
        f"WHEN 'email_in' THEN {incoming} WHEN 'email_out' THEN {outgoing} ELSE '' END"
    )


def _values(pg: bool) -> str:
    """The index row of work item `w`: key, item id, sifat, text."""
    if pg:
        return f"{_key(True)}, w.id, w.sifat, {_body(True)}"
    return f"-{_key(False)}, w.id, '^' || w.sifat || '$', {_body(False)}"


def _insert(pg: bool, item: str) -> str:
    key = "sort_key, " if pg else "rowid, "
    return (
        f"INSERT INTO archive_search ({key}item_id, sifat, body) "
        f"SELECT {_values(pg)} FROM work_item w WHERE w.id = {item} AND {CLOSED}"
    )


def _sqlite() -> list[str]:
    key = _key(False)
    old_key = key.replace("w.", "OLD.")
    done = "(({w}.step = 0 OR {w}.closed_at IS NOT NULL))"
    sql = [
        "CREATE VIRTUAL TABLE archive_search USING fts5("
        "item_id UNINDEXED, sifat, body, tokenize = 'trigram')",
        f"INSERT INTO archive_search (rowid, item_id, sifat, body) "
        f"SELECT {_values(False)} FROM work_item w WHERE {CLOSED}",
        f"CREATE TRIGGER archive_search_work_item_ai AFTER INSERT ON work_item "
        f"BEGIN {_insert(False, 'NEW.id')}; END",
        f"CREATE TRIGGER archive_search_work_item_au AFTER UPDATE OF "
        f"{SOURCES['work_item'][1]} ON work_item "
        f"WHEN {done.format(w='OLD')} OR {done.format(w='NEW')} "
        f"BEGIN DELETE FROM archive_search WHERE rowid = -{old_key}; "
        f"{_insert(False, 'NEW.id')}; END",
        f"CREATE TRIGGER archive_search_work_item_ad AFTER DELETE ON work_item "
        f"BEGIN DELETE FROM archive_search WHERE rowid = -{old_key}; END",
    ]

    def refresh(item: str) -> str:
        return (
            f"DELETE FROM archive_search WHERE rowid = "
            f"-(SELECT {key} FROM work_item w WHERE w.id = {item}); {_insert(False, item)};"
        )

    for table, (column, watched) in SOURCES.items():
        if table == "work_item":
            continue
        for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
            items = [
                f"(SELECT r.item_id FROM fax_request r WHERE r.id = {row}.request_id)"
                if column == "request_id"
                else f"{row}.{column}"
                for row in rows
            ]
            what = f"UPDATE OF {watched}" if event == "UPDATE" else event
            sql.append(
                f"CREATE TRIGGER archive_search_{table}_{event[0].lower()} AFTER {what} "
                f"ON {table} BEGIN {' '.join(refresh(i) for i in items)} END"
            )
    return sql


def _postgres() -> list[str]:
    sql = [
        "CREATE TABLE archive_search (sort_key bigint PRIMARY KEY, "
        "item_id integer NOT NULL UNIQUE, sifat varchar(255) NOT NULL, body text NOT NULL)",
        f"INSERT INTO archive_search (sort_key, item_id, sifat, body) "
        f"SELECT {_values(True)} FROM work_item w WHERE {CLOSED}",
        "CREATE FUNCTION archive_search_refresh(item integer) RETURNS void "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "DELETE FROM archive_search WHERE item_id = item; "
        f"{_insert(True, 'item')}; END $$",
        # TG_ARGV[0]: the row's column naming the item (request_id: through fax_request)
        "CREATE FUNCTION archive_search_touch() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE rec jsonb; item integer; BEGIN "
        "FOREACH rec IN ARRAY ARRAY[to_jsonb(OLD), to_jsonb(NEW)] LOOP "
        "CONTINUE WHEN rec IS NULL; "
        "IF TG_ARGV[0] = 'request_id' THEN "
        "SELECT r.item_id INTO item FROM fax_request r WHERE r.id = (rec->>'request_id')::int; "
        "ELSE item := (rec->>TG_ARGV[0])::int; END IF; "
        "IF item IS NOT NULL THEN PERFORM archive_search_refresh(item); END IF; "
        "END LOOP; RETURN NULL; END $$",
    ]
    done = "({w}.step = 0 OR {w}.closed_at IS NOT NULL)"
    for table, (column, watched) in SOURCES.items():
        touch = f"FOR EACH ROW EXECUTE PROCEDURE archive_search_touch('{column}')"
        if table == "work_item":
            sql.append(
                f"CREATE TRIGGER archive_search_u AFTER UPDATE OF {watched} ON work_item "
                f"FOR EACH ROW WHEN ({done.format(w='OLD')} OR {done.format(w='NEW')}) "
                f"EXECUTE PROCEDURE archive_search_touch('id')"
            )
            sql.append(
                f"CREATE TRIGGER archive_search_id AFTER INSERT OR DELETE ON {table} {touch}"
            )
        else:
            sql.append(
                f"CREATE TRIGGER archive_search AFTER INSERT OR DELETE OR UPDATE OF {watched} "
                f"ON {table} {touch}"
            )
    return sql


def _trigram_index() -> None:
    """pg_trgm's GIN index on the text; without the extension (not allowed to this user) the
    search still works, by scanning."""
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except peewee.DatabaseError:
        return
    db.execute_sql(
        "CREATE INDEX archive_search_body ON archive_search USING gin (body gin_trgm_ops)"
    )


def up() -> None:
    pg = is_postgres()
    for statement in _postgres() if pg else _sqlite():
        db.execute_sql(statement)
    if pg:
        _trigram_index()
