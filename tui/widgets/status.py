"""One status line: who is signed in, and whether the daemon is alive."""

from __future__ import annotations

from rich.text import Text

from model import heartbeat
from model.db import DatabaseProblem
from tui.widgets.plain import Static


class StatusLine(Static):
    def on_mount(self) -> None:
        self.refresh_status()
        self.set_interval(10, self.refresh_status)

    def refresh_status(self) -> None:
        user = self.app.session.user
        try:
            alive, daemon = heartbeat.describe()
        except DatabaseProblem as exc:
            alive, daemon = False, str(exc)
        text = Text()
        if user:
            text.append(f"{user.full_name}", style="bold")
            text.append(f" · {user.roles_label(short=True)}  ")
        text.append("● " if alive else "○ ", style="green" if alive else "red")
        text.append(daemon)
        self.update(text)
