"""The Warkat application: composes the session, screens, idle lock and palette entries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import peewee
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from model.config import Config
from model.db import DatabaseProblem
from tui import keygate, signin
from tui.keys import bind, meaning
from tui.session import Session

if TYPE_CHECKING:
    from model.org import User
    from tui.screens.help import HelpScreen

# The login needs none of the other screens nor the palette: they are imported where used.


class WarkatApp(App):
    CSS_PATH = "warkat.tcss"
    TITLE = "Warkat"
    SUB_TITLE = "Persandian"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding(
            "ctrl+p",
            "command_palette",
            meaning("ctrl+p"),
            show=False,
            priority=True,
            tooltip="Buka daftar perintah",
        ),
        bind("ctrl+q", "quit", show=False, priority=True),
        bind("ctrl+l", "lock", show=False),
        bind("f1", "sop_help", show=False, priority=True),  # dialogs too
    ]

    def __init__(self, config: Config):
        super().__init__()
        self.session = Session(config)
        self.keys = keygate.KeyGate(self)

    def on_mount(self) -> None:
        self.push_screen(signin.first_screen(self))
        self.set_interval(5, self.lock_if_idle)

    async def on_event(self, event: events.Event) -> None:
        if self.keys.hold(event):
            return
        typed = keygate.typed(event)
        if isinstance(event, events.Key | events.MouseDown):
            self.session.touch()
            if self.session.user and self.signed_out_if_refused():
                return
        await super().on_event(event)
        if typed:
            self.keys.sent()

    def signed_out_if_refused(self) -> bool:
        """Every key press or click of a signed-in user re-checks the account: disabled or
        locked meanwhile (by an admin elsewhere), the session ends before the action runs."""
        from model.auth import account_refusal

        try:
            reason = account_refusal(self.session.user.id)
        except (DatabaseProblem, peewee.PeeweeException):
            return False  # the screen the key goes to explains the database
        if reason is None:
            return False
        signin.sign_out(self, reason)
        return True

    def sign_in(self, user: User) -> None:
        """Start `user`'s session at this terminal and open their home."""
        signin.sign_in(self, user)

    def action_sign_out(self) -> None:
        """End the session: back to the login (or, signed in by SSH, disconnect); a form with
        unsaved changes asks first."""
        from tui.screens.unsaved import leave

        leave(self, lambda: signin.sign_out(self))

    async def action_quit(self) -> None:
        """Ctrl+Q: close Warkat; a form with unsaved changes asks first."""
        from tui.screens.unsaved import leave

        leave(self, self.exit)

    def action_help_quit(self) -> None:
        """Ctrl+C copies in a field and closes nothing: say which key closes Warkat."""
        self.notify("Ctrl+C tidak menutup Warkat; Ctrl+Q menutup aplikasi.")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications quote perihal, names and refusals: shown literally, never as markup
        (`markup` is accepted for Textual's callers and ignored)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def lock_if_idle(self) -> None:
        """Lock a signed-in terminal left alone longer than the configured minutes."""
        if self.session.user and self.session.idle_seconds() >= self.session.idle_limit:
            self.action_lock()

    def action_lock(self) -> None:
        """Lock without asking anything (nobody may be there): open forms keep a recovery
        copy of what was typed and are still there after unlocking."""
        from tui.screens.lock import LockScreen
        from tui.screens.unsaved import keep_all

        if self.session.user and not isinstance(self.screen, LockScreen):
            keep_all(self)
            self.push_screen(LockScreen())

    def action_sop_help(self) -> None:
        """F1 on any screen after login: the SOP at the step of the screen's item (a screen
        says which by `sop_help()`)."""
        from tui.screens.help import HelpScreen
        from tui.screens.lock import LockScreen

        if self.session.user and not isinstance(self.screen, HelpScreen | LockScreen):
            self.push_screen(self.help_for_screen())

    def help_for_screen(self) -> HelpScreen:
        """The help of the top screen, or of the screen under the dialogs over it; a full
        screen without an item of its own gets the whole SOP (never the home's item)."""
        from tui.screens.help import HelpScreen

        for screen in reversed(self.screen_stack):
            if hasattr(screen, "sop_help"):
                return screen.sop_help()
            if not screen.is_modal:
                break
        return HelpScreen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from tui.commands import palette_entries, system_entries
        from tui.screens.lock import LockScreen
        from tui.screens.login import LoginScreen

        yield from system_entries(self, screen)
        if self.session.user and not isinstance(screen, LockScreen | LoginScreen):
            yield from palette_entries(self)

    def action_command_palette(self) -> None:
        from tui.commands import palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(palette())
