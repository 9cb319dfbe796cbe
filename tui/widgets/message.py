"""The #message line of a screen or dialog, and the model errors it shows."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen

from model.db import DatabaseProblem
from model.errors import WarkatError
from tui.widgets.plain import Static

PROBLEMS = (WarkatError, DatabaseProblem)


def say(screen: Screen, text: str, ok: bool = False) -> None:
    """The screen's #message line: red for errors, green for done; hidden when empty."""
    message = screen.query_one("#message", Static)
    message.update(Text(text, style="bold green" if ok else "bold red"))
    message.display = bool(text)


def note(screen: Screen, text: str) -> None:
    """The #message line of the screens that always show it (plain, styled by their tcss)."""
    screen.query_one("#message", Static).update(text)
