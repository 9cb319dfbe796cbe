"""Pick a kode klasifikasi (Permendagri 83/2022): type to filter, choose from the list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from model.books import klasifikasi
from tui.dialogs.base import DIALOGS_CSS
from tui.keys import bind
from tui.widgets.plain import Input, OptionList, Static
from tui.widgets.search import Search

LIMIT = 50


class KlasifikasiPicker(ModalScreen[str | None]):
    """Returns the chosen kode, or None when cancelled."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS = [bind("escape", "cancel"), bind("down", "to_list")]

    def __init__(self, initial: str = ""):
        super().__init__()
        self.initial = initial.strip()
        self.search = Search(self, self.fetch, self.fill, self.refuse)
        self.choose_when_shown = False  # Enter came before the list of what was typed

    def compose(self) -> ComposeResult:
        with Vertical(id="klas-box"):
            yield Static(
                "Kode klasifikasi arsip — ketik kode atau uraian, ↓ ke daftar", id="klas-title"
            )
            yield Input(self.initial, id="klas-filter", placeholder="mis. 000.1 atau rapat")
            yield OptionList(id="klas-list")
            yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.search.now()
        self.query_one("#klas-filter", Input).focus()

    def fetch(self):
        text = self.query_one("#klas-filter", Input).value
        return lambda: klasifikasi.search(text, limit=LIMIT)

    def fill(self, found: list[klasifikasi.Klasifikasi]) -> None:
        options = self.query_one("#klas-list", OptionList)
        options.clear_options()
        options.add_options(Option(f"{k.kode} — {k.uraian}", id=k.kode) for k in found)
        if found:
            options.highlighted = 0
        more = " (50 pertama; persempit pencarian)" if len(found) == LIMIT else ""
        self.query_one("#message", Static).update(
            f"{len(found)} kode{more}" if found else "Tidak ada kode yang cocok."
        )
        if self.choose_when_shown:
            self.choose_when_shown = False
            self.choose()

    def refuse(self, text: str) -> None:
        self.choose_when_shown = False
        self.query_one("#klas-list", OptionList).clear_options()
        self.query_one("#message", Static).update(text)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.search.changed()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter takes the first code of what was typed, once the list shows it."""
        if self.search.busy:
            self.choose_when_shown = True
            self.search.now()
        else:
            self.choose()

    def choose(self) -> None:
        options = self.query_one("#klas-list", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        self.query_one("#klas-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
