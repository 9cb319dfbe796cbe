"""Menu: the role screens open to the signed-in user."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from tui import nav
from tui.widgets.plain import OptionList, Static


class MenuScreen(ModalScreen):
    BINDINGS = [("escape", "dismiss", "Tutup")]

    def compose(self) -> ComposeResult:
        self.destinations = nav.for_user(self.app.session.user)
        yield Static("Menu — layar sesuai peran Anda", classes="dialog-title")
        options = [
            Option(Text.assemble(f"{d.label}  ", (d.help, "dim")), id=str(i))
            for i, d in enumerate(self.destinations)
        ]
        if not options:
            options = [Option("Belum ada layar lain untuk peran Anda.", disabled=True)]
        yield OptionList(*options, id="menu")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        destination = self.destinations[int(event.option.id)]
        self.dismiss()
        self.app.push_screen(destination.make())
