"""Login: user name and password; lockout and disabled accounts explained.

With `login = "ssh"` the kiosk has signed the SSH account in already: straight to home."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input

from model import auth
from model.db import DatabaseProblem
from model.errors import WarkatError
from tui.widgets.plain import Label, Static


class LoginScreen(Screen):
    BINDINGS = [("ctrl+q", "app.quit", "Keluar aplikasi")]

    def compose(self) -> ComposeResult:
        office = self.app.session.config.office
        with Vertical(id="login-box"):
            yield Static("WARKAT", id="login-title")
            yield Static(office.get("name", ""), classes="login-office")
            yield Static(office.get("section", ""), classes="login-office")
            yield Label("Nama pengguna")
            yield Input(id="username", placeholder="nama pengguna")
            yield Label("Kata sandi")
            yield Input(id="password", password=True, placeholder="kata sandi")
            yield Button("Masuk", id="login", variant="primary")
            yield Static("", id="login-message")
        yield Footer()

    def on_mount(self) -> None:
        if self.app.session.ssh_account and self.app.session.user:
            from tui.screens.home import HomeScreen

            self.app.switch_screen(HomeScreen())
            return
        self.query_one("#username", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "username":
            self.query_one("#password", Input).focus()
        else:
            self.attempt()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.attempt()

    def attempt(self) -> None:
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input)
        message = self.query_one("#login-message", Static)
        if not username.strip():
            message.update("Isi nama pengguna.")
            self.query_one("#username", Input).focus()
            return
        try:
            user = auth.login(username, password.value)
        except (WarkatError, DatabaseProblem) as exc:
            message.update(str(exc))
            password.value = ""
            password.focus()
            return
        self.app.session.user = user
        self.app.session.touch()
        from tui.screens.home import HomeScreen

        self.app.switch_screen(HomeScreen())


def sign_out(app) -> None:
    """Forget the user and return to a fresh login, closing every open screen.

    Signed in by SSH there is no one else to sign in here: end the session (and connection)."""
    if app.session.ssh_account:
        app.exit()
        return
    while len(app.screen_stack) > 2:
        app.pop_screen()
    app.switch_screen(LoginScreen())
    app.session.user = None
