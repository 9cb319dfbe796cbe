"""Arsip faks driven with Pilot: archive at step 7, find it by search, read its history."""

from datetime import timedelta

from textual.widgets import DataTable, Static

from model import base
from model.books.agenda import agenda_number
from model.books.ekspedisi import EkspedisiEntry
from model.fax import archive
from model.fax import jobs as fax_jobs
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step, sent_by_hand
from tests.tui_helpers import make_app, settle, sign_in, type_text
from tui.dialogs.ekspedisi_forms import EntryForm
from tui.screens.fax.archive import ArchiveScreen, HistoryScreen

SIZE = (80, 24)


def sent_and_handed_back(**kw) -> int:
    """A request walked to step 7 by the operator, with a slow send (over its mutu baku)."""
    item_id = at_step(5, **kw)
    sent_by_hand(item_id)
    base.freeze(base.now() + timedelta(minutes=45))
    fax_jobs.mark_sent(user("operator"), item_id)
    fax_jobs.hand_back(user("operator"), item_id)
    return item_id


def rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_archive(pilot, item_id=None) -> ArchiveScreen:
    await sign_in(pilot, "admin")
    screen = ArchiveScreen(item_id=item_id)
    pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def test_admin_archives_then_finds_it_and_reads_its_history(office):
    item_id = sent_and_handed_back(
        perihal="Laporan uji arsip sandi", isi_berita="Mohon perhatian: kata kunci zamrud."
    )
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_archive(pilot, item_id)
        queue = screen.query_one("#queue", DataTable)
        assert rows(queue)[queue.cursor_row][1] == "Laporan uji arsip sandi"
        await pilot.press("r")
        await settle(pilot)
        assert WorkItem.get_by_id(item_id).step == 0
        assert "Laporan uji arsip sandi" not in [r[1] for r in rows(queue)]
        await pilot.press("slash")
        await type_text(pilot, "zamrud")
        await pilot.press("enter")
        await settle(pilot)
        found = screen.query_one("#found", DataTable)
        assert [r[1] for r in rows(found)] == ["Laporan uji arsip sandi"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        history = rows(app.screen.query_one("#history", DataTable))
        assert [r[1] for r in history] == [  # the SOP's labels of the actions taken
            "Dibuat",
            "Ajukan",
            "Disposisi ke Adm. Umum",
            "Agendakan",
            "Serahkan ke operator",
            "Catat terkirim",
            "Serahkan ke Adm. Umum",
            "Arsipkan",
        ]
        assert history[5][2:4] == ["Agus Prasetyo", "Operator"]
        assert history[5][5] == "45 mnt / 30 mnt"
        cell = app.screen.query_one("#history", DataTable).get_row_at(5)[5]
        assert "red" in str(cell.style)
        books = str(app.screen.query_one("#books", Static).render())
        assert "Diskominfo Jatim 031-8294608 1 hal. Berhasil (manual)" in books
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EntryForm)
        assert app.screen.query_one("#perihal").value == "Laporan uji arsip sandi"
        assert app.screen.query_one("#to").value == "Diskominfo Jatim"
        await pilot.press("ctrl+s")
        await settle(pilot)
    entry = EkspedisiEntry.get(EkspedisiEntry.item == item_id)
    assert entry.letter_number.endswith("/406.020/2026") and entry.to == "Diskominfo Jatim"


def test_search_matches_agenda_number_destination_and_perihal(office):
    item_id = sent_and_handed_back(
        perihal="Surat khusus batu akik", destinations=[("BSSN Pusat", "021-7805814")]
    )
    from model.fax import flow as fax_flow

    fax_flow.archive(user("admin"), item_id)
    number = agenda_number(WorkItem.get_by_id(item_id))
    for text in ("batu akik", number, "bssn pusat", ""):
        assert item_id in [i.id for i in archive.search_fax_archive(text)], text
    assert archive.search_fax_archive("tidak ada yang cocok") == []
    rows_ = archive.history(item_id)
    assert rows_[-1].log.action == "arsipkan" and rows_[-1].role_label == "Adm. Umum"


async def test_archiving_twice_shows_the_refusal(office):
    item_id = sent_and_handed_back()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_archive(pilot, item_id)
        from model.fax import flow as fax_flow

        fax_flow.archive(user("admin"), item_id)
        await pilot.press("r")
        await settle(pilot)
        assert "sudah diproses oleh Dwi Lestari" in str(
            screen.query_one("#message", Static).render()
        )


def test_archive_snapshot(office, snap_compare):
    item_id = sent_and_handed_back(perihal="Undangan rapat evaluasi persandian")
    from model.fax import flow as fax_flow

    fax_flow.archive(user("admin"), item_id)
    sent_and_handed_back(perihal="Permintaan jadwal uji sandi")

    async def before(pilot):
        await settle(pilot)
        await open_archive(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_history_snapshot(office, snap_compare):
    item_id = sent_and_handed_back(perihal="Undangan rapat evaluasi persandian")
    from model.fax import flow as fax_flow

    fax_flow.archive(user("admin"), item_id)

    async def before(pilot):
        await settle(pilot)
        await sign_in(pilot, "admin")
        pilot.app.push_screen(HistoryScreen(item_id))
        await settle(pilot)
        await pilot.press("down", "down")

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
