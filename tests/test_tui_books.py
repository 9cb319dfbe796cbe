"""Buku-buku driven with Pilot: switch books, filter by a date range, print."""

from datetime import date, timedelta

from textual.widgets import DataTable, Static

from model import base
from model.books import ekspedisi
from model.fax import jobs as fax_jobs
from model.fax.records import request_of
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.tui_helpers import make_app, settle, sign_in, type_text
from tui.dialogs.print_dialog import PrintDialog
from tui.screens.books.registers import BooksScreen
from tui.widgets.daterange import month_of

SIZE = (80, 24)


def sent_on(day_offset: int, perihal: str) -> int:
    """A message numbered and sent (manually) `day_offset` days from the frozen day."""
    start = base.now()
    base.freeze(start + timedelta(days=day_offset))
    item_id = at_step(5, perihal=perihal, nota_date=base.now().date())
    dest = request_of(item_id).destinations.get()
    fax_jobs.record_manual(
        user("operator"), item_id, dest.id, at=base.now(), remote_id=dest.number, pages=1, ok=True
    )
    base.freeze(start)
    return item_id


async def open_books(pilot) -> BooksScreen:
    await sign_in(pilot, "kasi")
    screen = BooksScreen()
    pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def column(screen, n: int) -> list[str]:
    table = screen.query_one("#book", DataTable)
    return [str(table.get_row_at(i)[n]) for i in range(table.row_count)]


async def set_period(pilot, start: str, end: str) -> None:
    await pilot.click("#dr-start")
    await pilot.press("ctrl+a", "ctrl+k")  # home, delete to end
    await type_text(pilot, start)
    await pilot.press("tab", "ctrl+a", "ctrl+k")
    await type_text(pilot, end)
    await pilot.press("enter")
    await settle(pilot)


async def test_books_switch_and_filter_by_date_range(office):
    sent_on(-2, "Berita dua hari lalu")
    sent_on(0, "Berita hari ini")
    ekspedisi.add(user("admin"), to="Dinkes", perihal="Surat kertas")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        assert (screen.start, screen.end) == (date(2026, 11, 1), date(2026, 11, 30))
        perihal = column(screen, 3)
        assert "Berita dua hari lalu" in perihal and "Berita hari ini" in perihal
        await set_period(pilot, "25-11-2026", "25-11-2026")
        assert column(screen, 3)[-1] == "Berita hari ini"
        assert "Berita dua hari lalu" not in column(screen, 3)
        await pilot.press("3")
        await settle(pilot)
        assert column(screen, 1)[-1] == "Diskominfo Jatim"
        assert "23-11" not in " ".join(column(screen, 0))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("4")
        await settle(pilot)
        assert column(screen, 3) == ["Dinkes"]
        await set_period(pilot, "30-11-2026", "01-11-2026")
        assert "Tanggal akhir tidak boleh sebelum" in str(
            screen.query_one(".dr-error", Static).render()
        )
        assert (screen.start, screen.end) == (date(2026, 11, 25), date(2026, 11, 25))
        await set_period(pilot, "1-11-26", "30-11-2026")
        assert "tidak sah: tulis hh-bb-tttt" in str(screen.query_one(".dr-error", Static).render())


def test_month_of_handles_december():
    assert month_of(date(2026, 12, 9)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_of(date(2028, 2, 3)) == (date(2028, 2, 1), date(2028, 2, 29))


def test_books_snapshot(office, snap_compare):
    sent_on(-1, "Berita kemarin")

    async def before(pilot):
        await pilot.pause()
        await open_books(pilot)
        await pilot.press("3")
        await settle(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
