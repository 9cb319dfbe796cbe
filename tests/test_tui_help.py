"""F1 opens the SOP at the step of the item on the current screen, from every queue (not the
fax procedure at step 1)."""

from __future__ import annotations

from model.sop import FAX, number
from tests.tui_helpers import make_app, settle, sign_in
from tui.screens.email_out.mail_send import MailSendScreen
from tui.screens.fax.disposition import DispositionScreen
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
