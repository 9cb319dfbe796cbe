"""Pick a kode klasifikasi (Permendagri 83/2022): type to filter, choose from the list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input
from textual.widgets.option_list import Option

from model.books import klasifikasi
from model.db import DatabaseProblem
from tui.widgets.plain import OptionList, Static

LIMIT = 50


class KlasifikasiPicker(ModalScreen[str | None]):
    """Returns the chosen kode, or None when cancelled."""

    CSS_PATH = "klasifikasi_picker.tcss"
    BINDINGS = [("escape", "cancel", "Batal"), ("down", "to_list", "Daftar")]

    def __init__(self, initial: str = ""):
        super().__init__()
        self.initial = initial.strip()

    def compose(self) -> ComposeResult:
        with Vertical(id="klas-box"):
            yield Static("Kode klasifikasi arsip — ketik kode atau uraian, ↓ ke daftar",
                         id="klas-title")
            yield Input(self.initial, id="klas-filter", placeholder="mis. 000.1 atau rapat")
            yield OptionList(id="klas-list")
            yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.fill(self.initial)
        self.query_one("#klas-filter", Input).focus()

    def fill(self, text: str) -> None:
        options = self.query_one("#klas-list", OptionList)
        options.clear_options()
        message = self.query_one("#message", Static)
        try:
            found = klasifikasi.search(text, limit=LIMIT)
        except DatabaseProblem as exc:
            message.update(str(exc))
            return
        options.add_options(Option(f"{k.kode} — {k.uraian}", id=k.kode) for k in found)
        if found:
            options.highlighted = 0
        more = " (50 pertama; persempit pencarian)" if len(found) == LIMIT else ""
        message.update(f"{len(found)} kode{more}" if found else "Tidak ada kode yang cocok.")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        options = self.query_one("#klas-list", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        self.query_one("#klas-list", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
