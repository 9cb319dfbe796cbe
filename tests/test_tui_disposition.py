"""Kasi Persandian: the disposition queue, dispose with instructions, return with a reason."""

from textual.widgets import DataTable

from model.fax.records import Disposition
from model.workflow.items import WorkItem
from tests.fax_helpers import at_step
from tests.tui_helpers import make_app, settle, shown, start, type_text
from tui.dialogs.print_dialog import PrintDialog
from tui.dialogs.reason import ReasonDialog
from tui.screens.fax.disposition import DispositionDetail, DispositionScreen
from tui.screens.fax.request import RequestFormScreen
from tui.screens.fax.request_list import RequestListScreen

SIZE = (80, 24)


async def test_kasi_disposes_with_instructions_and_prints(office):
    item_id = at_step(2, perihal="Kilat: pengamanan sinyal", derajat="Sangat Segera")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", DispositionScreen())
        table = app.screen.query_one("#queue", DataTable)
        assert str(table.get_row_at(0)[0]) == str(item_id)  # most urgent first
        await pilot.press("enter")
        assert isinstance(app.screen, DispositionDetail)
        assert "Diskominfo Jatim (031-8294608)" in shown(app, "#request")
        await pilot.click("#ins-1")  # "Untuk diketahui"; the first one is ticked already
        app.screen.query_one("#note").scroll_visible(animate=False)  # scrolled to, below the fold
        await pilot.pause()
        await pilot.click("#note")
        await type_text(pilot, "Hari ini")
        await pilot.press("ctrl+s")
        assert "Sudah didisposisi" in shown(app, "#message")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DispositionScreen)
        ids = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert str(item_id) not in ids
    disp = Disposition.get(Disposition.item == item_id)
    assert disp.instructions.splitlines() == [
        "Agendakan dan kirim melalui faksimili",
        "Untuk diketahui",
    ]
    assert (disp.note, disp.by.username) == ("Hari ini", "kasi")
    assert WorkItem.get_by_id(item_id).step == 3


async def test_kasi_returns_with_a_reason_and_the_pemakai_sees_it(office):
    item_id = at_step(2, perihal="Tanpa lampiran")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", DispositionScreen(item_id=item_id))
        assert isinstance(app.screen, DispositionDetail)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("enter")
        assert "Tulis alasan pengembalian" in shown(app, "#message")
        await type_text(pilot, "Lampiran kurang")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DispositionScreen)
    assert WorkItem.get_by_id(item_id).step == 1
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestListScreen(item_id=item_id))
        assert "Dikembalikan Kasi: Lampiran kurang" in shown(app, "#where")
        await pilot.press("enter")
        assert isinstance(app.screen, RequestFormScreen)
        assert shown(app, "#returned") == "Dikembalikan oleh Kasi: Lampiran kurang"


def test_disposition_queue_snapshot(office, snap_compare):
    at_step(2, perihal="Permohonan narasumber persandian", derajat="Segera")

    async def before(pilot):
        await start(pilot, "kasi", DispositionScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_disposition_opened_snapshot(office, snap_compare):
    item_id = at_step(2, perihal="Permohonan narasumber persandian", sifat="Terbatas")

    async def before(pilot):
        await start(pilot, "kasi", DispositionScreen(item_id=item_id))

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
