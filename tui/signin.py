"""Signing in and out at this terminal: the session's user and the screen that follows.

The credentials are checked (and audited) by model.auth; this only starts and ends the
session and switches between the login and home screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from tui.screens.login import LoginScreen

if TYPE_CHECKING:
    from model.org import User
    from tui.screens.home import HomeScreen  # imported when used: the login does not need it


def first_screen(app: App) -> LoginScreen | HomeScreen:
    """Home for an account the kiosk signed in by SSH, else the login."""
    if not (app.session.ssh_account and app.session.user):
        return LoginScreen()
    from tui.screens.home import HomeScreen

    return HomeScreen()


def sign_in(app: App, user: User) -> None:
    """Start the session of `user` and open their home."""
    from tui.screens.home import HomeScreen

    app.session.user = user
    app.session.touch()
    app.switch_screen(HomeScreen())


def sign_out(app: App, reason: str = "") -> None:
    """Forget the user and return to a fresh login (showing `reason`), closing every screen.

    Signed in by SSH there is no one else to sign in here: end the session (and connection)."""
    if app.session.ssh_account:
        app.exit()
        return
    while len(app.screen_stack) > 2:
        app.pop_screen()
    app.switch_screen(LoginScreen(reason))
    app.session.user = None
