"""Menu: the role screens open to the signed-in user."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from tui import nav
from tui.keys import bind
from tui.screens.help import HelpScreen
from tui.widgets.plain import OptionList, Static


class MenuScreen(ModalScreen):
    """A list of destinations (with `label`, `help` and `make()`); Enter opens one."""

    BINDINGS = [bind("escape", "dismiss")]
    HEADING = "Menu — layar sesuai peran Anda"
    EMPTY = "Belum ada layar lain untuk peran Anda."

    def choices(self) -> list:
        """The destinations open to the signed-in user."""
        return nav.for_user(self.app.session.user)

    def compose(self) -> ComposeResult:
        self.destinations = self.choices()
        yield Static(self.HEADING, classes="dialog-title")
        options = [
            Option(Text.assemble(f"{d.label}  ", (d.help, "dim")), id=str(i))
            for i, d in enumerate(self.destinations)
        ]
        if not options:
            options = [Option(self.EMPTY, disabled=True)]
        yield OptionList(*options, id="menu")
        yield Footer()

    def sop_help(self) -> HelpScreen:
        """F1 on a menu: the whole SOP, not the item selected on the screen under it."""
        return HelpScreen()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        destination = self.destinations[int(event.option.id)]
        self.dismiss()
        self.app.push_screen(destination.make())
