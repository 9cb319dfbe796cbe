"""The #message line of a screen or dialog, and the model errors it shows."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen

from model.errors import WarkatError
from tui.widgets.plain import Static

PROBLEMS = (WarkatError,)  # every refusal, DatabaseProblem included


def say(screen: Screen, text: str, ok: bool = False) -> None:
    """The screen's #message line: a refusal ($error) or done ($success), as the app
    stylesheet colours classes -refused and -done; hidden when empty."""
    message = screen.query_one("#message", Static)
    message.update(Text(text))
    message.set_class(not ok, "-refused")
    message.set_class(ok, "-done")
    message.display = bool(text)


def note(screen: Screen, text: str) -> None:
    """The #message line of the screens that always show it (plain, styled by their tcss)."""
    message = screen.query_one("#message", Static)
    message.remove_class("-refused", "-done")
    message.update(text)
