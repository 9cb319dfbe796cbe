"""Idle lock for shared terminals: the same user re-enters the password, or signs out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from model import auth


class LockScreen(ModalScreen):
    BINDINGS = [("ctrl+o", "sign_out", "Ganti pengguna")]

    def compose(self) -> ComposeResult:
        user = self.app.session.user
        with Vertical(classes="dialog", id="lock-box"):
            yield Static("Layar terkunci", classes="dialog-title")
            yield Static(f"Masukkan kata sandi {user.full_name} ({user.username}) untuk "
                         "melanjutkan.")
            yield Input(id="unlock", password=True)
            yield Button("Buka kunci", id="unlock-button", variant="primary")
            yield Static("", id="lock-message")
        yield Footer()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.unlock()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.unlock()

    def unlock(self) -> None:
        field = self.query_one("#unlock", Input)
        if auth.unlock_check(self.app.session.user, field.value):
            self.app.session.touch()
            self.dismiss()
            return
        field.value = ""
        self.query_one("#lock-message", Static).update("Kata sandi salah.")

    def action_sign_out(self) -> None:
        from tui.screens.login import sign_out

        sign_out(self.app)
