"""Esc in a field never leaves the screen with the keys typed after it firing on the screen
behind: after typing, the first Esc stays in the field (a second leaves); a form that asks
first takes no letter for an answer; the palette's Esc first empties its search."""

from __future__ import annotations

from textual.command import CommandInput, CommandPalette
from textual.widgets import Input

from model import base
from model.books import agenda
from model.fax import jobs as fax_jobs
from model.fax.records import request_of
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, sign_in, start, type_text
from tui.dialogs.question import Question
from tui.dialogs.reason import ReasonDialog
from tui.screens.books.agenda_book import AgendaBookScreen
from tui.screens.fax.archive import ArchiveScreen


def waiting_for_archive() -> int:
    """A request sent and handed back by the operator: step 7, where `r` archives it."""
    item_id, operator = at_step(5, perihal="Surat untuk arsip"), user("operator")
    for dest in request_of(item_id).destinations:
        fax_jobs.record_manual(
            operator, item_id, dest.id, at=base.now(), remote_id=dest.number, pages=1, ok=True
        )
    fax_jobs.mark_sent(operator, item_id)
    fax_jobs.hand_back(operator, item_id)
    return item_id


async def test_esc_after_typing_a_search_stays_and_the_next_letters_go_into_it(office):
    item_id = waiting_for_archive()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", ArchiveScreen())
        await pilot.press("slash")
        await type_text(pilot, "rapat")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)
        await type_text(pilot, "ra")  # r archives the selected letter on this screen
        await settle(pilot)
        search = app.screen.query_one("#search", Input)
        assert app.focused is search and search.value == "rapatra"
        assert WorkItem.get_by_id(item_id).step == 7
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, ArchiveScreen)


async def test_esc_in_a_field_not_typed_in_leaves_at_once(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", ArchiveScreen())
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, ArchiveScreen)


async def test_letters_typed_after_esc_in_a_dialog_answer_nothing(office):
    item_id = at_step(4, perihal="Insiden KI")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", AgendaBookScreen())
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await type_text(pilot, "salah")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, Question)
        await type_text(pilot, "bsyar")  # once: b Buang, s Simpan, y Ya; the book's a, r, x
        await settle(pilot)
        assert isinstance(app.screen, Question)
        await pilot.press("enter")  # the focus is on Batal
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        assert app.screen.query_one("#reason", Input).value == "salah"
    assert not agenda.AgendaEntry.get(agenda.AgendaEntry.item == item_id).void


async def test_esc_in_the_palette_first_empties_its_search(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "admin")
        await pilot.press("ctrl+p")
        await type_text(pilot, "kunci")
        await pilot.press("escape")
        await settle(pilot)
        assert CommandPalette.is_open(app)
        assert app.screen.query_one(CommandInput).value == ""
        await pilot.press("escape")
        await settle(pilot)
        assert not CommandPalette.is_open(app)
