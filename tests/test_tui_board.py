"""The Kasi's Papan mutu baku at 80x24: the periods switch with 1–3, a step's bar and counts
are on its row, Enter goes to its oldest items and Enter again opens an item's history."""

from __future__ import annotations

from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, shown, start
from tui.screens.board import BoardScreen, bar
from tui.screens.fax.archive import HistoryScreen
from tui.widgets.plain import DataTable


def test_a_bar_reads_without_colour():
    assert bar(0.85).plain == "████████▌   85 %"
    assert bar(1.0).plain == "██████████ 100 %"
    assert bar(None).plain.startswith("–")


async def test_the_kasi_reads_the_board_and_drills_down(office):
    waiting = at_step(3)  # one more at the Adm. Umum's agenda step
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", BoardScreen())
        await settle(pilot)
        steps = app.screen.query_one("#steps", DataTable)
        assert steps.row_count > 0
        assert "1 Hari ini" in shown(app, "#periods")
        await pilot.press("3")
        await settle(pilot)
        assert app.screen.period == "bulan"
        row = next(i for i, r in enumerate(app.screen.rows) if (r.procedure, r.step) == ("fax", 3))
        steps.move_cursor(row=row)
        await settle(pilot)
        assert "menunggu Administrasi Umum" in shown(app, "#step-detail")
        await pilot.press("enter")
        await settle(pilot)
        items = app.screen.query_one("#items", DataTable)
        assert app.screen.focused is items
        ids = [i.item_id for i in app.screen.items]
        assert waiting in ids
        items.move_cursor(row=ids.index(waiting))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen) and app.screen.item_id == waiting


def test_board_snapshot(office, snap_compare):
    async def before(pilot):
        await pilot.pause()
        await start(pilot, "kasi", BoardScreen())
        await settle(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
