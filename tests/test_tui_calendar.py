"""The Admin's Kalender kerja: the hours and the decree are on screen, a closure is added
through its dialog (open deadlines move), a national holiday cannot be removed, an office
closure can after a confirmation; every role's header counts the items past their standard."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

from model import base
from model.calendar import closures
from model.workflow.items import WorkItem
from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, shown, sign_in, start, type_text
from tui.dialogs.question import Question
from tui.screens.calendar import CalendarScreen, ClosureDialog
from tui.widgets.header import OverdueCount
from tui.widgets.plain import DataTable


async def test_the_admin_adds_and_removes_an_office_closure(office):
    item_id = at_step(2)  # Wednesday 25-11 09:30, due 09:40
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "sysadmin", CalendarScreen())
        assert "Senin–Kamis 07.30–12.00, 13.00–16.00" in shown(app, "#calendar-hours")
        assert "1497 Tahun 2025" in shown(app, "#calendar-source")
        await pilot.press("delete")  # the first row is a national holiday
        await settle(pilot)
        assert "tidak dapat dihapus" in shown(app, "#message")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ClosureDialog)
        await type_text(pilot, "25-11-2026")
        await pilot.press("tab")
        await type_text(pilot, "Hari Jadi Kabupaten")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CalendarScreen)
        assert [c.day for c in closures()] == [date(2026, 11, 25)]
        assert WorkItem.get_by_id(item_id).due_at.date() == date(2026, 11, 26)
        assert "dihitung ulang" in shown(app, "#message")
        table = app.screen.query_one("#closed", DataTable)
        row = next(i for i in range(table.row_count) if "Hari Jadi" in str(table.get_row_at(i)))
        table.move_cursor(row=row)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, Question)
        await pilot.press("enter")  # Ya has the focus
        await settle(pilot)
        assert closures() == []
        assert WorkItem.get_by_id(item_id).due_at.date() == date(2026, 11, 25)


async def test_the_header_counts_items_past_their_standard(staff):
    at_step(2)
    base.freeze(base.now() + timedelta(minutes=30))
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "kasi")
        await settle(pilot)
        counter = app.screen.query_one(OverdueCount)
        await pilot.pause(0.3)
        assert str(counter.render()) == "⚠ 1 lewat" and counter.display
        await pilot.press("ctrl+o")
        await settle(pilot)
        await sign_in(pilot, "operator")  # nothing waits past its standard at their steps
        await settle(pilot)
        await pilot.pause(0.3)
        assert not app.screen.query_one(OverdueCount).display


def test_every_screen_uses_the_header_with_the_counter():
    """Textual's own Header has no counter: only tui/widgets/header.py may import it."""
    offenders = []
    for path in Path("tui").rglob("*.py"):
        if path.as_posix() == "tui/widgets/header.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
                if any(alias.name == "Header" for alias in node.names):
                    offenders.append(str(path))
    assert offenders == []
