"""Administrasi Umum: number (step 3), hand over (step 4), the buku agenda with voids."""

from textual.widgets import DataTable

from model.books import agenda
from model.db import write
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.tui_helpers import make_app, settle, shown, start, type_text
from tui.dialogs.klasifikasi_picker import KlasifikasiPicker
from tui.dialogs.reason import ReasonDialog
from tui.screens.books.agenda_book import AgendaBookScreen
from tui.screens.fax.agenda import AgendaScreen

SIZE = (80, 24)


def column(table: DataTable, index: int) -> list[str]:
    return [str(table.get_row_at(i)[index]) for i in range(table.row_count)]


async def test_admin_registers_then_hands_over(office):
    item_id = at_step(3, perihal="Jadwal pengamanan")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", AgendaScreen(item_id=item_id))
        assert "Agendakan dan kirim melalui faksimili" in shown(app, "#detail")
        await pilot.press("a")
        assert isinstance(app.screen, KlasifikasiPicker)
        assert app.screen.query_one("#klas-filter").value == "000.1.1"
        await pilot.press("enter")
        await settle(pilot)
        entry = agenda.AgendaEntry.get(agenda.AgendaEntry.item == item_id)
        assert entry.number.startswith("000.1.1/") and entry.number.endswith("/406.020/2026")
        assert WorkItem.get_by_id(item_id).step == 4
        assert entry.number in shown(app, "#message")
        step4 = app.screen.query_one("#teruskan", DataTable)
        assert entry.number in column(step4, 2)
        assert str(item_id) not in column(app.screen.query_one("#agendakan", DataTable), 0)
        await pilot.press("s")
        await settle(pilot)
        assert "diserahkan ke Operator Sandi" in shown(app, "#message")
        assert str(item_id) not in column(step4, 0)
    assert WorkItem.get_by_id(item_id).step == 5


async def test_book_search_and_void_with_a_required_reason(office):
    at_step(4, perihal="Rapat sandi")
    item_id = at_step(4, perihal="Insiden KI")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", AgendaBookScreen())
        table = app.screen.query_one("#book", DataTable)
        assert {"Rapat sandi", "Insiden KI"} <= set(column(table, 3))
        await pilot.press("slash")
        await type_text(pilot, "insiden")
        await settle(pilot)  # searched once the typing paused, in a worker
        assert column(table, 3) == ["Insiden KI"]
        await pilot.press("enter", "x")
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")
        assert "Alasan pembatalan nomor agenda wajib diisi" in shown(app, "#message")
        await type_text(pilot, "salah tujuan")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgendaBookScreen)
        assert column(table, 5) == ["BATAL: salah tujuan"]
    entry = agenda.AgendaEntry.get(agenda.AgendaEntry.item == item_id)
    assert entry.void and entry.void_reason == "salah tujuan"


async def test_only_administrasi_umum_may_void(office):
    at_step(4)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", AgendaBookScreen())
        await pilot.press("x")
        assert "Hanya Administrasi Umum" in shown(app, "#message")
        assert isinstance(app.screen, AgendaBookScreen)
    assert not agenda.AgendaEntry.select().where(agenda.AgendaEntry.void).exists()


def test_agenda_snapshot(office, snap_compare):
    at_step(3, perihal="Jadwal pengamanan sinyal")
    at_step(4, perihal="Laporan insiden keamanan")

    async def before(pilot):
        await start(pilot, "admin", AgendaScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_agenda_book_snapshot(office, snap_compare):
    at_step(4, perihal="Rapat sandi")
    item_id = at_step(4, perihal="Laporan insiden")
    entry = agenda.AgendaEntry.get(agenda.AgendaEntry.item == item_id)
    with write():
        agenda.void(entry.id, user("admin"), "salah tujuan")

    async def before(pilot):
        await start(pilot, "admin", AgendaBookScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
