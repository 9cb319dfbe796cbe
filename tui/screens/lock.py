"""Idle lock for shared terminals: the same user re-enters the password, or signs out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer

from model import auth
from model.errors import WarkatError
from tui.keys import bind
from tui.widgets.plain import Input, Static


class LockScreen(ModalScreen):
    BINDINGS = [bind("ctrl+o", "app.sign_out")]

    def compose(self) -> ComposeResult:
        user = self.app.session.user
        with Vertical(classes="dialog", id="lock-box"):
            yield Static("Layar terkunci", classes="dialog-title")
            yield Static(
                f"Masukkan kata sandi {user.full_name} ({user.username}) untuk melanjutkan."
            )
            yield Input(id="unlock", password=True)
            yield Button("Buka kunci", id="unlock-button", variant="primary")
            yield Static("", id="lock-message")
        yield Footer()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.unlock()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.unlock()

    def unlock(self) -> None:
        """The right password dismisses; a wrong one counts towards the account's lockout,
        and a lock (or disabling) reached meanwhile signs the session out with the reason."""
        field = self.query_one("#unlock", Input)
        try:
            auth.unlock_check(self.app.session.user, field.value)
        except WarkatError as exc:
            field.value = ""
            if not self.app.signed_out_if_refused():
                self.query_one("#lock-message", Static).update(str(exc))
            return
        self.app.session.touch()
        self.dismiss()
