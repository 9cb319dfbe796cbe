"""The title bar of every screen, with the count of items past their mutu baku and of those
past 80 % of it: all of them for the Kasi Persandian, those at the user's own steps for
everyone else."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Header as TextualHeader

from model.workflow import deadlines
from tui.widgets.live_table import read
from tui.widgets.plain import Static

EVERY = 10  # seconds between counts


class OverdueCount(Static):
    DEFAULT_CSS = """
    OverdueCount {
        dock: right;
        width: auto;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
    }
    OverdueCount.-near {
        background: $warning;
        color: $background;
    }
    OverdueCount.-none {
        display: none;
    }
    """

    def on_mount(self) -> None:
        self.tooltip = "Item lewat / hampir lewat mutu baku (80 %)"
        self.add_class("-none")
        self.count()
        self.set_interval(EVERY, self.count)

    @work(thread=True, exclusive=True, group="overdue", exit_on_error=False)
    def count(self) -> None:
        user = self.app.session.user
        if user is None:
            return
        found = read(lambda: deadlines.counts_for(user))
        if isinstance(found, tuple):
            self.app.call_from_thread(self.show, *found)

    def show(self, near: int, over: int) -> None:
        self.set_class(not (near or over), "-none")
        self.set_class(not over, "-near")
        parts = [f"{over} lewat"] if over else []
        parts += [f"{near} hampir"] if near else []
        self.update(Text("⚠ " + " · ".join(parts)))  # items past / near their mutu baku


class Header(TextualHeader):
    """Textual's header with the overdue counter at its right."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield OverdueCount()
