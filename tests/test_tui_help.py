"""F1 opens the SOP at the step of the item on the current screen, from every queue, detail
and form screen and from a dialog over one (not the fax procedure at step 1)."""

from __future__ import annotations

import pytest

from model.sop import DONE, EMAIL_IN, EMAIL_OUT, FAX, number
from model.workflow.items import WorkItem
from tests.mail_helpers import incoming_at
from tests.tui_helpers import make_app, settle, sign_in, start
from tui.dialogs.reason import ReasonDialog
from tui.screens.books.mail_archive import MailHistoryScreen
from tui.screens.books.registers import BooksScreen
from tui.screens.email_in.mail_view import MailViewScreen
from tui.screens.email_out.approval import VersionsScreen
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.email_out.mail_send import MailSendScreen
from tui.screens.fax.archive import HistoryScreen
from tui.screens.fax.disposition import DispositionDetail, DispositionScreen, RequestDetail
from tui.screens.fax.request import RequestFormScreen
from tui.screens.help import HelpScreen
from tui.widgets.plain import Static


def body(app) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_f1_on_a_queue_opens_the_sop_at_the_selected_items_step(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "kasi")
        app.push_screen(DispositionScreen())
        await settle(pilot)
        row = app.screen.selected()
        assert row is not None
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert (app.screen.procedure, app.screen.step) == (FAX, number(FAX, "disposisi"))
        text = body(app)
        assert f"Item #{row.id}" in text and f"▶ {number(FAX, 'disposisi')}." in text
        await pilot.press("escape")
        app.push_screen(MailSendScreen())
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.procedure is None  # no letter waits for the Kasi: the whole SOP


def first(procedure: str, open_only: bool = True) -> WorkItem:
    """The first open item of `procedure`; an incoming mail at step 3 when the demo has none."""
    if procedure == EMAIL_IN and open_only:
        incoming_at(3)
    query = WorkItem.select().where(WorkItem.procedure == procedure)
    if open_only:
        query = query.where(WorkItem.step != DONE)
    return query.order_by(WorkItem.id).first()


DETAIL_SCREENS = [
    ("pemakai", FAX, lambda item: RequestFormScreen(item.id)),
    ("kasi", FAX, lambda item: DispositionDetail(item.id)),
    ("kasi", FAX, lambda item: RequestDetail(item.id)),
    ("admin", FAX, lambda item: HistoryScreen(item.id)),
    ("admin", EMAIL_IN, lambda item: MailViewScreen(item.id)),
    ("admin", EMAIL_IN, lambda item: MailHistoryScreen(item.id)),
    ("kabid", EMAIL_OUT, lambda item: VersionsScreen(item.id)),
    ("staf", EMAIL_OUT, lambda item: ComposeScreen(item.id)),
]


@pytest.mark.parametrize("username,procedure,screen", DETAIL_SCREENS)
async def test_f1_on_a_detail_or_form_screen_opens_its_items_step(
    office, username, procedure, screen
):
    item = first(procedure)
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, username, screen(item))
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert (app.screen.procedure, app.screen.step) == (procedure, item.step)
        assert f"Item #{item.id}" in body(app)


async def test_f1_on_a_new_form_opens_its_procedure_at_step_1(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.press("f1")
        await settle(pilot)
        assert (app.screen.procedure, app.screen.step) == (FAX, 1)


async def test_f1_on_a_dialog_opens_the_step_of_the_item_under_it(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "kasi", DispositionScreen())
        row = app.screen.selected()
        app.push_screen(ReasonDialog("Kembalikan permintaan", "alasan", lambda _note: None))
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert (app.screen.procedure, app.screen.step) == (FAX, row.step.number)


async def test_f1_shows_the_marked_step_without_scrolling(office):
    """A late step is scrolled into view under the item's heading, not left below the fold."""
    item_id = incoming_at(6)
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "admin", MailViewScreen(item_id))
        await pilot.press("f1")
        await settle(pilot)
        scroller = app.screen.query_one("#help-body")
        marked = app.screen.query_one("#current-step")
        top = marked.virtual_region.y - scroller.scroll_y
        assert scroller.scroll_y > 0 and 0 <= top < scroller.scrollable_content_region.height
        assert f"Item #{item_id}" in app.screen.text and "▶ 6." in str(marked.render())


async def test_f1_on_a_screen_without_an_item_shows_the_whole_sop_not_the_homes_item(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "admin")
        assert app.screen.selected() is not None  # the home has an item selected
        await pilot.press("m")
        await settle(pilot)
        for screen in (app.screen, BooksScreen()):
            if screen is not app.screen:
                app.push_screen(screen)
                await settle(pilot)
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen) and app.screen.procedure is None
            assert "Item #" not in app.screen.text
            await pilot.press("escape")
            await settle(pilot)
