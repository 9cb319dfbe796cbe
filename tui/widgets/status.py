"""One status line: who is signed in, and whether the daemon is alive (read off the event
loop every 10 seconds)."""

from __future__ import annotations

from rich.text import Text
from textual import work

from model import heartbeat
from tui.widgets.live_table import read
from tui.widgets.plain import Static


class StatusLine(Static):
    def on_mount(self) -> None:
        self.refresh_status()
        self.set_interval(10, self.refresh_status)

    @work(thread=True, exclusive=True, group="status", exit_on_error=False)
    def refresh_status(self) -> None:
        found = read(heartbeat.describe)
        alive, daemon = (False, str(found)) if isinstance(found, Exception) else found
        self.app.call_from_thread(self.show, alive, daemon)

    def show(self, alive: bool, daemon: str) -> None:
        user = self.app.session.user
        text = Text()
        if user:
            text.append(f"{user.full_name}", style="bold")
            text.append(f" · {user.roles_label(short=True)}  ")
        text.append("● " if alive else "○ ", style="green" if alive else "red")
        text.append(daemon)
        self.update(text)
