"""Schema versions: frozen migrations build exactly what the models describe, the released v3
database upgrades with every row intact (backed up first), a newer database is refused, a
locked one gives a sentence, not a trace."""

import hashlib
import importlib
import pkgutil
import shutil
import sqlite3
import stat
from pathlib import Path

import peewee
import pytest

import model
from model import audit, backup, migrations
from model import home as home_mod
from model.base import BaseModel
from model.db import DatabaseProblem, db, open_database, write
from model.org import Contact
from tests.pgserver import PostgresServer

FIXTURE = Path(__file__).parent / "fixtures" / "warkat-v3.db"


def current_models() -> list[type[peewee.Model]]:
    """Every table model of the code as it is now."""
    for info in pkgutil.walk_packages(model.__path__, "model."):
        importlib.import_module(info.name)
    found, todo = [], [BaseModel]
    while todo:
        subclasses = todo.pop().__subclasses__()
        found += [m for m in subclasses if m.__module__.startswith("model.")]
        todo += subclasses
    return [migrations.SchemaVersion, *found]


SEARCH_INDEX = "archive_search"  # FTS5 on SQLite: a virtual table and its shadow tables


def schema(database: peewee.Database) -> dict:
    """Per table (the search index aside): columns (type, nullable, primary key), indexes,
    foreign keys."""
    return {
        table: (
            {
                c.name: (c.data_type.lower(), c.null, c.primary_key)
                for c in database.get_columns(table)
            },
            sorted((tuple(i.columns), i.unique) for i in database.get_indexes(table)),
            sorted(
                (f.column, f.dest_table, f.dest_column) for f in database.get_foreign_keys(table)
            ),
        )
        for table in database.get_tables()
        if not table.startswith(SEARCH_INDEX)
    }


def models_schema(scratch: peewee.Database) -> dict:
    """What today's models create on the empty database `scratch`."""
    models = current_models()
    with scratch.bind_ctx(models):
        scratch.create_tables(models)
    return schema(scratch)


def test_a_fresh_database_has_the_schema_the_models_describe(home, tmp_path):
    scratch = peewee.SqliteDatabase(str(tmp_path / "models.db"))
    expected = models_schema(scratch)
    assert "audit_anchor" in expected and "schema_version" in expected
    assert schema(db.obj) == expected


def test_v5_makes_the_audit_anchor_table(home):
    columns = {c.name: (c.data_type, c.null, c.default) for c in db.get_columns("audit_anchor")}
    assert columns == {
        "id": ("INTEGER", False, None),
        "entry_id": ("INTEGER", False, None),
        "hash": ("VARCHAR(64)", False, None),
        "seen_at": ("DATETIME", False, None),
        "source": ("VARCHAR(255)", False, "''"),
    }


def test_migrations_are_numbered_in_order():
    assert [v for v, _ in migrations.MIGRATIONS] == list(range(1, migrations.LATEST + 1))
    for n, step in enumerate(migrations.STEPS, start=1):
        assert step.__name__.rsplit(".", 1)[1].startswith(f"v{n:03d}_")


def test_v1_to_v3_rebuild_the_released_schema_exactly(tmp_path):
    open_database(str(tmp_path / "v3.db"))
    with write():
        db.create_tables([migrations.SchemaVersion])
        for _, up in migrations.MIGRATIONS[:3]:
            up()
    db.obj.close()

    def ddl(path):
        with sqlite3.connect(path) as con:
            return dict(con.execute("SELECT name, sql FROM sqlite_master"))

    assert ddl(tmp_path / "v3.db") == ddl(FIXTURE)


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of `path` (the search index aside), its columns as in `path`."""
    with sqlite3.connect(path) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
            for t in tables
            if not t.startswith(SEARCH_INDEX)
        }


def upgraded(tmp_path) -> Path:
    home = tmp_path / "kantor"
    home.mkdir()
    shutil.copyfile(FIXTURE, home / "warkat.db")
    home_mod.open_home(home)
    return home


def test_the_released_v3_database_upgrades_with_its_data_intact(tmp_path):
    before = rows(FIXTURE)
    assert all(before.values()) and len(before) == 29  # every v3 table has rows
    home = upgraded(tmp_path)
    assert migrations.current_version() == migrations.LATEST
    assert migrations.migrate() == []  # nothing twice
    db.obj.close()
    after = rows(home / "warkat.db")
    for table, old in before.items():
        width = len(old[0])
        kept = [row[:width] for row in after[table]]
        if table == "schema_version":
            assert kept[:3] == old and len(kept) == migrations.LATEST
        else:
            assert kept == old, table
    new_tables = set(after) - set(before)
    assert new_tables == {
        "audit_anchor",
        "planned_forward",
        "form_recovery",
        "office_closure",
        "step_pause",
        "deadline_notice",
        "contact_group",
        "group_member",
    }
    assert not any(after[table] for table in new_tables)
    # call_started_at, call_pages (v4); send_at, kill_at (v11)
    assert after["fax_job"] == [before["fax_job"][0] + (None, 0, None, None)]

    open_database(str(home / "warkat.db"))
    from model.email_in.records import IncomingMail
    from model.org import User

    assert User.get(User.username == "kasi").full_name == "Bambang Sutrisno, S.Kom."
    assert all(hashlib.sha256(bytes(m.raw)).hexdigest() == m.sha256 for m in IncomingMail.select())
    assert audit.verify() == (54, None)
    upgraded_schema = schema(db.obj)
    db.obj.close()
    home_mod.create(tmp_path / "fresh")
    assert schema(db.obj) == upgraded_schema


def test_an_upgrade_is_backed_up_first_verified_and_private(tmp_path):
    home = upgraded(tmp_path)
    (copy,) = (home / "cadangan").iterdir()
    assert copy.name.startswith(f"sebelum-migrasi-v3-ke-v{migrations.LATEST}-")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "cadangan").stat().st_mode) == 0o700
    assert backup.verify(copy).version == 3
    assert rows(copy) == rows(FIXTURE)


def test_no_migration_runs_when_the_backup_before_it_fails(tmp_path):
    home = tmp_path / "kantor"
    home.mkdir()
    shutil.copyfile(FIXTURE, home / "warkat.db")
    (home / "cadangan").write_text("bukan folder")
    with pytest.raises(DatabaseProblem, match="Migrasi dibatalkan, basis data tidak diubah"):
        home_mod.open_home(home)
    assert migrations.current_version() == 3


def test_a_table_rebuild_in_a_migration_keeps_the_rows_that_point_at_it(tmp_path, monkeypatch):
    """SQLite rebuilds a table for most changes; its DROP TABLE must not cascade."""
    from playhouse.migrate import migrate

    from model.migrations.frozen import migrator

    upgraded(tmp_path)
    before = rows(tmp_path / "kantor" / "warkat.db")
    steps = [
        *migrations.MIGRATIONS,
        (migrations.LATEST + 1, lambda: migrate(migrator().drop_not_null("fax_job", "dial"))),
    ]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 1)
    assert migrations.migrate() == [migrations.LATEST]
    after = rows(tmp_path / "kantor" / "warkat.db")
    for table in ("fax_job", "fax_attempt", "fax_log_entry"):
        assert after[table] == before[table]
    assert db.execute_sql("PRAGMA foreign_keys").fetchone() == (1,)


def test_a_newer_database_is_refused(home):
    with write():
        migrations.SchemaVersion.create(version=migrations.LATEST + 1)
    db.obj.close()
    with pytest.raises(DatabaseProblem, match="lebih baru dari program ini"):
        home_mod.open_home(home.home)
    assert not (home.home / "cadangan").exists()


def test_a_locked_database_is_explained(home):
    other = sqlite3.connect(home.db_url, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        db.execute_sql("PRAGMA busy_timeout = 50")
        with pytest.raises(DatabaseProblem, match="sedang dikunci"), write():
            Contact.create(name="X")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert Contact.select().count() == 0


@pytest.fixture(scope="module")
def postgres():
    with PostgresServer() as server:
        yield server


def test_postgres_gets_the_schema_the_models_describe(postgres, tmp_path, caplog):
    from playhouse.db_url import connect

    scratch = connect(postgres.create_database("modelle"))
    expected = models_schema(scratch)
    scratch.close()
    home = tmp_path / "pg"
    home.mkdir()
    url = postgres.create_database("migrasi")
    (home / "warkat.toml").write_text(f'[database]\nurl = "{url}"\n')
    open_database(url)
    with write():
        db.create_tables([migrations.SchemaVersion])
        for version, up in migrations.MIGRATIONS[:3]:
            up()
            migrations.SchemaVersion.create(version=version)
    home_mod.open_home(home)  # v3 → latest on PostgreSQL: no copy, the log says pg_dump
    assert "pg_dump" in caplog.text
    assert schema(db.obj) == expected
    db.obj.close()
