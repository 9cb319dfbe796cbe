"""A list longer than a page shows the page and "▼ lebih banyak (Enter)"; Enter on that line
shows one page more, the cursor on its first row."""

import pytest

from model.sop import FAX, number
from tests.conftest import user
from tests.test_lists_paged import expected, items
from tests.tui_helpers import make_app, settle, shown, start
from tui.screens.books.ekspedisi import EkspedisiScreen
from tui.screens.fax.disposition import DispositionScreen
from tui.screens.home import HomeScreen
from tui.widgets.live_table import MORE_HINT, MORE_TEXT, LiveTable

PAGE = LiveTable.PAGE
SIZE = (80, 24)


def first_cells(table) -> list[str]:
    """Each row's first cell, or the text of the "lebih banyak" line."""
    return [
        str(row[0]) or " ".join(str(c) for c in row).strip()
        for row in (table.get_row_at(i) for i in range(table.row_count))
    ]


@pytest.mark.parametrize(
    ("screen", "table_id", "info"),
    [(HomeScreen, "#work", "#step-info"), (DispositionScreen, "#queue", "#where")],
)
async def test_a_long_queue_shows_a_page_then_one_more_on_enter(staff, screen, table_id, info):
    ids = expected(items(FAX, number(FAX, "disposisi"), PAGE + 20))
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", screen())
        table = app.screen.query_one(table_id, LiveTable)
        listed = first_cells(table)
        assert listed == [*map(str, ids[:PAGE]), MORE_TEXT]
        assert table.cursor_row == 0
        await pilot.press("ctrl+end")
        assert table.at_more and table.cursor_row == PAGE
        assert shown(app, info) == MORE_HINT
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.__class__ is screen  # the Enter opened nothing
        assert first_cells(table) == list(map(str, ids))
        assert table.cursor_row == PAGE and not table.at_more
        assert str(ids[PAGE]) in shown(app, info)
        app.screen.reload()  # a refresh keeps both pages and the cursor's item
        await settle(pilot)
        assert table.row_count == PAGE + 20 and table.cursor_row == PAGE


async def test_a_long_book_shows_a_page_then_one_more_on_enter(staff):
    from model.books import ekspedisi

    for i in range(PAGE + 5):
        ekspedisi.add(user("admin"), to=f"Dinas {i}", perihal="Undangan")
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", EkspedisiScreen())
        table = app.screen.query_one("#entries")
        assert table.row_count == PAGE + 1
        assert first_cells(table)[PAGE] == MORE_TEXT
        await pilot.press("ctrl+end", "enter")
        await settle(pilot)
        assert table.row_count == PAGE + 5 and table.cursor_row == PAGE
        assert app.screen.selected().to == f"Dinas {PAGE}"


async def test_leaving_the_view_scrolls_half_a_view_not_a_line(staff):
    """Each scroll redraws the whole table, so a slow link gets it once per half view."""
    items(FAX, number(FAX, "disposisi"), 60)
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", HomeScreen())
        table = app.screen.query_one("#work", LiveTable)
        view = table.scrollable_content_region.height - table.header_height
        for _ in range(view - 1):
            await pilot.press("down")
        assert table.scroll_y == 0 and table.cursor_row == view - 1  # the last row in view
        await pilot.press("down")
        await pilot.pause()
        assert table.scroll_y == view // 2 + 1
        for _ in range(view // 2 - 1):
            await pilot.press("down")
        assert table.scroll_y == view // 2 + 1  # no scroll while the cursor stays in view
        await pilot.press("up")
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0
