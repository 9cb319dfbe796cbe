"""Schema versions move forward only; a locked database gives a sentence, not a trace."""

import sqlite3

import pytest

from model import home as home_mod
from model import migrations
from model.db import DatabaseProblem, db, open_database, write
from model.org import Contact


def test_an_old_database_is_brought_forward_at_start(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    open_database(str(home / "warkat.db"))
    with write():
        db.create_tables([migrations.SchemaVersion])
        migrations.MIGRATIONS[0][1]()
        migrations.SchemaVersion.create(version=1)
    db.obj.close()
    home_mod.open_home(home)
    assert migrations.current_version() == migrations.LATEST
    assert db.table_exists("fax_job") and db.table_exists("incoming_mail")
    assert migrations.migrate() == []  # nothing twice


def test_v4_adds_the_call_columns_to_an_existing_fax_job_table(home):
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run

    migrator = SchemaMigrator.from_database(db.obj)
    with write():
        run(migrator.drop_column("fax_job", "call_started_at"),
            migrator.drop_column("fax_job", "call_pages"))
        migrations.SchemaVersion.delete().where(migrations.SchemaVersion.version == 4).execute()
    assert migrations.migrate() == [4]
    assert {"call_started_at", "call_pages"} <= {c.name for c in db.get_columns("fax_job")}


def test_a_newer_database_is_refused(home):
    with write():
        migrations.SchemaVersion.create(version=migrations.LATEST + 1)
    db.obj.close()
    with pytest.raises(DatabaseProblem, match="lebih baru dari program ini"):
        home_mod.open_home(home.home)


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
