"""Change one's own password."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer

from model import auth, passwords
from model.errors import WarkatError
from tui.keys import bind
from tui.widgets.plain import Input, Label, Static


class PasswordScreen(ModalScreen):
    BINDINGS = [bind("escape", "dismiss")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Ganti kata sandi", classes="dialog-title")
            yield Label("Kata sandi lama")
            yield Input(id="old", password=True)
            yield Label(f"Kata sandi baru (minimal {passwords.MIN_PASSWORD} karakter)")
            yield Input(id="new", password=True)
            yield Label("Ulangi kata sandi baru")
            yield Input(id="again", password=True)
            yield Button("Simpan", id="save", variant="primary")
            yield Static("", id="password-message")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()
        if event.input.id == "again":
            self.save()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.save()

    def save(self) -> None:
        old, new, again = (self.query_one(f"#{i}", Input).value for i in ("old", "new", "again"))
        message = self.query_one("#password-message", Static)
        if new != again:
            message.update("Kata sandi baru dan ulangannya tidak sama.")
            return
        try:
            auth.change_password(self.app.session.user, old, new)
        except WarkatError as exc:
            message.update(str(exc))
            return
        self.app.notify("Kata sandi sudah diganti.")
        self.dismiss()
