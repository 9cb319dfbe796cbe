"""Login: user name and password; lockout and disabled accounts explained."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer

from model.errors import WarkatError
from tui.keys import bind
from tui.widgets.plain import Input, Label, Static


class LoginScreen(Screen):
    BINDINGS = [bind("ctrl+q", "app.quit")]

    def __init__(self, message: str = "") -> None:
        """`message`: why the previous session ended, if it was ended for the user."""
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        office = self.app.session.config.office
        with Vertical(id="login-box"):
            yield Static("WARKAT", id="login-title")
            yield Static(office.name, classes="login-office")
            yield Static(office.section, classes="login-office")
            yield Label("Nama pengguna")
            yield Input(id="username", placeholder="nama pengguna")
            yield Label("Kata sandi")
            yield Input(id="password", password=True, placeholder="kata sandi")
            yield Button("Masuk", id="login", variant="primary")
            yield Static(self.message, id="login-message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#username", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "username":
            self.query_one("#password", Input).focus()
        else:
            self.attempt()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.attempt()

    def attempt(self) -> None:
        from model import auth  # with the users and the audit: not needed to draw the login

        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input)
        message = self.query_one("#login-message", Static)
        if not username.strip():
            message.update("Isi nama pengguna.")
            self.query_one("#username", Input).focus()
            return
        try:
            user = auth.login(username, password.value)
        except WarkatError as exc:
            message.update(str(exc))
            password.value = ""
            password.focus()
            return
        self.app.sign_in(user)
