"""The one frame of the form dialogs (tui.dialogs.base.FormDialog), driven with Pilot."""

from textual.app import App, ComposeResult
from textual.widgets import Static

from model.errors import Invalid
from tests.tui_helpers import type_text
from tui.dialogs.base import FormDialog


class NameDialog(FormDialog[str]):
    TITLE_TEXT = "Nama"
    SAVE_BUTTON = "Simpan"

    def compose_form(self) -> ComposeResult:
        yield from self.field("name", "Nama")

    def save(self) -> str:
        if not self.value("name").strip():
            raise Invalid("Nama wajib diisi.")
        return self.value("name")


class Host(App):
    def __init__(self) -> None:
        super().__init__()
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(NameDialog(), self.results.append)


def message(app) -> Static:
    return app.screen.query_one("#message", Static)


async def test_a_refusal_is_shown_in_the_dialog_and_what_was_typed_stays():
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not message(app).display  # nothing to say yet
        await type_text(pilot, "  ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        assert str(message(app).render()) == "Nama wajib diisi."
        assert message(app).display and message(app).has_class("-refused")
        assert app.screen.value("name") == "  "
        await type_text(pilot, "Ani")
        await pilot.press("enter")  # Enter in the last field saves
        await pilot.pause()
        assert not isinstance(app.screen, NameDialog)
    assert app.results == ["  Ani"]


async def test_escape_and_the_cancel_button_dismiss_with_none():
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(NameDialog(), app.results.append)
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
    assert app.results == [None, None]
