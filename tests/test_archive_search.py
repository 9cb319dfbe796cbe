"""Archive search on the index (migration v12) on SQLite and PostgreSQL: what it finds, pages,
filters, and that the index follows inserts, edits, voids and deletes through its triggers."""

import itertools
from datetime import date, datetime, timedelta

import pytest

from model import base, demo
from model import home as home_mod
from model.books import agenda
from model.db import db, is_postgres, write
from model.email_in import flow as email_in
from model.email_in.records import IncomingMail
from model.fax import archive
from model.fax import flow as fax_flow
from model.fax.records import FaxDestination, FaxRequest
from model.reports import mail_archive
from model.sop import FAX
from model.workflow import search
from model.workflow.items import WorkItem
from tests.config_helpers import configure
from tests.conftest import FROZEN, user
from tests.fax_helpers import at_step
from tests.mail_helpers import incoming_at
from tests.pgserver import PostgresServer
from tests.tui_helpers import make_app, settle, shown, start, type_text
from tui.screens.fax.archive import ArchiveScreen
from tui.widgets.live_table import MORE_TEXT, LiveTable
from tui.widgets.plain import Input

_names = itertools.count()


@pytest.fixture(scope="module")
def postgres():
    with PostgresServer() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgres"])
def office(request, tmp_path):
    """The demo office's people and address book, no items, on either database."""
    home = tmp_path / "home"
    if request.param == "postgres":
        url = request.getfixturevalue("postgres").create_database(f"arsip{next(_names)}")
        home.mkdir()
        (home / "warkat.toml").write_text(f'[database]\nurl = "{url}"\n')
        home_mod.create(home)
        assert is_postgres()
    else:
        configure(home_mod.create(home), fax={"lock_dir": str(tmp_path)})
    base.freeze(FROZEN)
    demo.seed(items=False)
    yield request.param
    base.freeze(None)
    db.obj.close()


def archived_fax(at: datetime = FROZEN, **kw) -> int:
    """A fax request walked to step 7 and archived at `at`."""
    base.freeze(at)
    item_id = at_step(7, nota_date=at.date(), **kw)
    fax_flow.archive(user("admin"), item_id)
    base.freeze(FROZEN)
    return item_id


def found(text: str = "", **kw) -> list[int]:
    return [r.id for r in archive.search_fax_archive(text, **kw)]


def test_fax_search_finds_every_field_partly_and_every_word(office):
    a = archived_fax(
        perihal="Undangan rapat evaluasi persandian",
        isi_berita="Mohon hadir membawa laptop zamrud.",
        destinations=[("BSSN Pusat", "021-7805814"), ("Diskominfo Jatim", "031-8294608")],
    )
    b = archived_fax(perihal="Laporan bulanan jaringan", destinations=[("Setda", "0355-791100")])
    open_one = at_step(6, perihal="Undangan rapat belum diarsip")
    number = agenda.agenda_number(a)
    assert number and number != agenda.agenda_number(b)
    assert number == "000.1.1/001/406.020/2026"  # {klasifikasi}/{urut}/{unit}/{tahun}
    for text in (number, "1/001", "persandian", "sandi", "ZAMRUD", "lapto"):
        assert found(text) == [a], text
    assert found("bssn") == [a] and found("7805814") == [a] and found("791100") == [b]
    assert found("undangan laptop") == [a] and found("undangan jaringan") == []
    assert set(found("")) == {a, b} and open_one not in found("Undangan")
    assert found("xx") == [] and found("u") == [b, a]  # short words are checked too
    assert found("ap setda") == [b] and found("1/0") == [b, a]  # 3 characters, no word
    assert found(f"{number} ZAMRUD") == [a] and found(number.replace("001", "002")) == [b]
    assert found("tidak ada yang cocok") == [] and found('"%_') == []
    [row] = archive.search_fax_archive("zamrud")
    assert (row.agenda_number, row.title, row.sifat) == (number, WorkItem[a].title, "Biasa")
    assert row.party == "BSSN Pusat, Diskominfo Jatim" and row.closed_at == FROZEN


SIFAT_OF = {1: "Rahasia", 3: "Rahasia", 5: "Sangat Rahasia"}


def test_date_range_sifat_and_pages_newest_first(office):
    days = [FROZEN - timedelta(days=n) for n in (30, 10, 9, 2, 1, 0)]
    ids = [
        archived_fax(at=at, perihal=f"Surat nomor {n}", sifat=SIFAT_OF.get(n, "Biasa"))
        for n, at in enumerate(days)
    ]
    newest = ids[::-1]
    assert found("surat") == newest
    assert found("surat", limit=2) == newest[:2]
    assert found("surat", limit=2, offset=2) == newest[2:4]
    assert found("surat", limit=4, offset=4) == newest[4:]
    assert found(limit=3) + found(limit=3, offset=3) == newest
    d = [x.date() for x in days]
    assert found(since=d[1], until=d[2]) == [ids[2], ids[1]]  # both days whole
    assert found("surat", since=d[3]) == [ids[5], ids[4], ids[3]]
    assert found(until=d[0]) == [ids[0]] and found(since=date(2027, 1, 1)) == []
    assert found(sifat="Rahasia") == [ids[3], ids[1]]  # exactly: not Sangat Rahasia
    assert found(sifat="Sangat Rahasia") == [ids[5]] and found("rahasia") == []
    assert found("nomor", sifat="Biasa", since=d[2]) == [ids[4], ids[2]]


def test_the_index_follows_inserts_edits_voids_and_deletes(office):
    assert found("akik") == []
    item_id = archived_fax(perihal="Batu akik", destinations=[("BSSN Pusat", "021-7805814")])
    assert found("akik") == [item_id]  # archived: in the index
    with write():
        WorkItem.update(title="Batu mulia").where(WorkItem.id == item_id).execute()
    assert found("akik") == [] and found("mulia") == [item_id]
    request = FaxRequest.get(FaxRequest.item == item_id)
    with write():
        request.isi_berita = "Isi berita baru: safir"
        request.save()
        FaxDestination.update(name="Lemsaneg").where(FaxDestination.request == request).execute()
        FaxDestination.create(request=request, name="Polda Jatim", number="031-8280748")
    assert found("safir") == [item_id] and found("bssn") == [] and found("lemsaneg") == [item_id]
    assert archive.search_fax_archive("polda")[0].party == "Lemsaneg, Polda Jatim"
    entry = agenda.live_entry(item_id)
    assert found(entry.number) == [item_id]
    with write():
        agenda.void(entry.id, user("admin"), "Salah nomor")
    assert found(entry.number) == []  # a void number is no longer the item's
    assert archive.search_fax_archive("mulia")[0].agenda_number == ""
    with write():
        WorkItem.update(sifat="Rahasia").where(WorkItem.id == item_id).execute()
    assert found("mulia", sifat="Rahasia") == [item_id] and found(sifat="Biasa") == []
    with write():
        WorkItem.update(step=7, closed_at=None).where(WorkItem.id == item_id).execute()
    assert found("mulia") == []  # reopened: out of the archive
    with write():
        WorkItem.update(step=0, closed_at=FROZEN).where(WorkItem.id == item_id).execute()
    assert found("mulia") == [item_id]
    with write():
        agenda.AgendaEntry.update(item=None).where(agenda.AgendaEntry.item == item_id).execute()
        WorkItem.delete_by_id(item_id)
    assert found("mulia") == [] and count() == 0


def count() -> int:
    return db.execute_sql("SELECT count(*) FROM archive_search").fetchone()[0]


def test_the_sort_key_is_the_one_the_triggers_store(office):
    item_id = archived_fax(at=datetime(2026, 3, 4, 5, 6, 7, 890000))
    key = "sort_key" if is_postgres() else "-rowid"  # SQLite: negated, read ascending
    [(stored,)] = db.execute_sql(f"SELECT {key} FROM archive_search").fetchall()
    item = WorkItem[item_id]
    assert stored == search.sort_key(FAX, item.closed_at, item_id)
    low, high = search.key_range(FAX, date(2026, 3, 4), date(2026, 3, 4))
    assert low <= stored <= high


def test_a_page_of_rows_is_one_query(office, monkeypatch):
    for n in range(3):
        archived_fax(
            perihal=f"Surat {n}", destinations=[("A", "021-7805814"), ("B", "031-8294608")]
        )
    calls = []
    real = db.obj.execute_sql
    monkeypatch.setattr(db.obj, "execute_sql", lambda *a, **k: calls.append(a) or real(*a, **k))
    rows = archive.search_fax_archive("surat")
    assert len(rows) == 3 and len(calls) == 1
    assert all(r.party == "A, B" and r.agenda_number for r in rows)


def test_mail_search_incoming_outgoing_and_set_aside(office):
    letter = incoming_at(
        8, subject="Undangan rapat", sender="setda@trenggalekkab.go.id", body="Kata kunci topas."
    )
    email_in.archive(user("admin"), letter)
    spam = incoming_at(2, subject="Promo pinjaman")
    email_in.set_aside(user("kasi"), spam, "spam", "Iklan pinjaman online")
    ids = lambda text="", **kw: [r.id for r in mail_archive.search_incoming(text, **kw)]  # noqa: E731
    assert ids() == [spam, letter] and ids("setda@") == [letter]
    assert ids(agenda.agenda_number(letter)) == [letter]
    assert ids(set_aside=True) == [spam] and ids(set_aside=False) == [letter]
    assert ids("pinjaman online") == [spam] and ids("pinjaman", set_aside=False) == []
    [row] = mail_archive.search_incoming("promo")
    assert (row.set_aside, row.set_aside_reason, row.party) == (
        "spam",
        "Iklan pinjaman online",
        "Biro Umum",
    )
    with write():
        IncomingMail.update(text="Kata kunci giok.").where(IncomingMail.item == letter).execute()
    assert ids("topas") == [] and ids("giok") == [letter]
    assert mail_archive.search_outgoing() == []


async def test_the_archive_screen_finds_as_typed_and_lists_more_on_enter(staff, monkeypatch):
    monkeypatch.setattr(LiveTable, "PAGE", 2)
    ids = [
        archived_fax(at=FROZEN - timedelta(days=n), perihal=f"Laporan kunci {n}") for n in range(5)
    ]
    other = archived_fax(perihal="Undangan lain")
    app = make_app(staff)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "admin", ArchiveScreen())
        table = app.screen.query_one("#found", LiveTable)
        assert [r.id for r in table.entries] == [other, *ids[:1]]
        await pilot.press("slash")
        await type_text(pilot, "kunci")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.focused is table
        assert [r.id for r in table.entries] == ids[:2]
        assert [str(c) for c in table.get_row_at(1)][1] == "Laporan kunci 1"
        assert MORE_TEXT in [str(c) for c in table.get_row_at(2)] and table.row_count == 3
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert [r.id for r in table.entries] == ids[:4] and table.more
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert [r.id for r in table.entries] == ids and not table.more
        app.screen.query_one("#since", Input).value = f"{FROZEN - timedelta(days=1):%d-%m-%Y}"
        await settle(pilot)
        assert [r.id for r in table.entries] == ids[:2] and not table.more
        app.screen.query_one("#search", Input).value = "tidak ada"
        await settle(pilot)
        assert table.entries == [] and "“tidak ada” tidak ditemukan." in shown(app, "#message")


def test_the_migration_indexes_the_archive_already_there(office):
    """An office upgrading to v12 finds the letters it archived before."""
    from model.migrations import v012_search

    old = archived_fax(perihal="Surat lama sebelum indeks")
    with write():
        if is_postgres():
            db.execute_sql("DROP TABLE archive_search CASCADE")
            for function in ("archive_search_touch()", "archive_search_refresh(integer)"):
                db.execute_sql(f"DROP FUNCTION {function} CASCADE")
        else:
            triggers = db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'archive_search%'"
            ).fetchall()
            for (name,) in triggers:
                db.execute_sql(f"DROP TRIGGER {name}")
            db.execute_sql("DROP TABLE archive_search")
        v012_search.up()
    assert found("sebelum indeks") == [old]
