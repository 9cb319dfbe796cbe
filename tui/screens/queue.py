"""The shape every role queue shares: work items waiting for the signed-in user at some SOP
steps in a live table (read a page at a time in a worker thread, its columns fitted to the
width), the step line (wrapped, never cut) and the mutu baku clock of the selected item, a
reading pane that shows the selected row in full (read for that row only), and the #message
line."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from model.org import User
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import StepClock
from tui.widgets.header import Header
from tui.widgets.live_table import MORE_HINT, LiveTable, Rows, read
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Static
from tui.widgets.table import Column, add_columns

UNREAD = object()  # an Entry's pane not read yet


@dataclass(frozen=True)
class Entry:
    """A queue row and what the reading pane shows of it (read in the worker for the row the
    cursor lands on, for the others once the cursor reaches them)."""

    row: Any
    pane: Any = UNREAD

    @property
    def id(self) -> int:
        return self.row.id


class QueueScreen(Screen):
    """A queue of one procedure's steps. Subclasses set the class constants and write
    `read(user, limit)` and `pane(row)` (both run in a worker thread: model reads only),
    `cells(row)` (the table cells) and `show(row, pane)` (the step line and pane, row may be
    None); those two run on the event loop and must not query.
    Textual calls a subclass's on_mount first, then this one: do not call super()."""

    COLUMNS: tuple[Column, ...] = ()
    SUB_TITLE = ""
    HEADING = ""  # the section title above the table
    PANE = ""  # id of the Static in the reading pane
    ROW_ACTIONS: tuple[str, ...] = ()  # offered only while a row is selected

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id  # the item the cursor goes to once it is listed
        self.panes: dict[int, Any] = {}  # panes read since the last load, by item id

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_head()
        yield LiveTable(lambda e: self.cells(e.row), id="queue")
        yield Static("", id="where")
        yield StepClock()
        yield from self.compose_pane()
        yield Static("", id="message")
        yield Footer()

    def compose_head(self) -> ComposeResult:
        yield Static(self.HEADING, classes="section-title")

    def compose_pane(self) -> ComposeResult:
        with VerticalScroll(id="preview"):
            yield Static("", id=self.PANE)

    def on_mount(self) -> None:
        self.sub_title = self.SUB_TITLE
        table = self.live
        add_columns(table, self.COLUMNS)
        self.query_one("#message").display = False
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def live(self) -> LiveTable:
        return self.query_one("#queue", LiveTable)

    @property
    def rows(self) -> list:
        """The rows listed now."""
        return [e.row for e in self.live.entries]

    def read(self, user: User, limit: int) -> list:
        """The first `limit` rows to list (worker thread; may raise PROBLEMS)."""
        raise NotImplementedError

    def pane(self, row: Any) -> Any:
        """What the reading pane shows of `row` (worker thread)."""
        return None

    @property
    def has_pane(self) -> bool:
        return type(self).pane is not QueueScreen.pane

    def reader(self) -> Callable[[int], list]:
        """The call the worker makes, its arguments taken here on the event loop: the rows,
        and the pane of the one the cursor will be on (the followed item, else the same
        item, else the same row number)."""
        read, table = self.rows_reader(self.app.session.user), self.live
        current = table.selected()
        want = table.follow if table.follow is not None else (current.id if current else None)
        number = table.cursor_row or 0

        def fetch(limit: int) -> list:
            rows = read(limit)
            ids = [r.id for r in rows[: limit - 1]]
            at = ids.index(want) if want in ids else min(number, len(ids) - 1)
            entries = [Entry(row) for row in rows]
            if self.has_pane and ids:
                entries[at] = Entry(rows[at], self.pane(rows[at]))
            return Rows(entries, getattr(rows, "facts", None))

        return fetch

    def rows_reader(self, user: User) -> Callable[[int], list]:
        """`read(user, limit)`, as the worker calls it (a subclass captures more here)."""
        return lambda limit: self.read(user, limit)

    def cells(self, row: Any) -> tuple:
        raise NotImplementedError

    def show(self, row: Any | None, pane: Any) -> None:
        raise NotImplementedError

    def reload(self, poll: bool = False) -> None:
        """Read the rows again in a worker (a poll is skipped while one runs); the cursor
        stays on `item_id`, else on its item, else on the same row number."""
        table = self.live
        if self.item_id is not None:
            table.follow, self.item_id = self.item_id, None
        table.load(self.reader(), poll=poll)

    def selected(self) -> Any | None:
        entry = self.live.selected()
        return entry.row if entry else None

    def show_selected(self) -> None:
        entry, pane = self.live.selected(), None
        if entry is not None and self.has_pane:
            pane = self.panes.get(entry.id, entry.pane)
        if pane is UNREAD:
            self.read_pane(entry.row)  # shown once read
        else:
            self.show(entry.row if entry else None, pane)
        if self.live.at_more:
            self.query_one("#where", Static).update(MORE_HINT)
            if self.PANE:
                self.query_one(f"#{self.PANE}", Static).update("")
        self.query_one(StepClock).show_item(entry.id if entry else None)
        self.refresh_bindings()

    def read_pane(self, row: Any) -> None:
        """Read the pane of `row` in a worker, then show it if the cursor is still there."""

        def done(pane: Any) -> None:
            if isinstance(pane, Exception):
                say(self, str(pane))
                return
            self.panes[row.id] = pane
            if self.selected() is not None and self.selected().id == row.id:
                self.show(row, pane)

        async def run() -> None:
            done(await asyncio.to_thread(read, lambda: self.pane(row)))

        self.run_worker(run, group="pane", exclusive=True)

    def sop_help(self) -> HelpScreen:
        """F1: the SOP of the selected item's procedure, its step marked."""
        row = self.selected()
        return item_help(row.id if row else None)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in self.ROW_ACTIONS:
            return self.selected() is not None
        return True

    def on_live_table_loaded(self, _event: LiveTable.Loaded) -> None:
        self.panes.clear()  # the load read the pane of the row under the cursor again
        self.show_selected()

    def on_data_table_row_highlighted(self, _event) -> None:
        self.show_selected()

    def reloaded(self, text: str) -> Callable[[object], None]:
        """A dialog callback: once the dialog succeeded, say `text` (green) and reload."""

        def done(ok: object) -> None:
            if ok:
                say(self, text, ok=True)
                self.reload()

        return done

    def run(self, call: Callable[[], object], text: str) -> bool:
        """Call the model; show its refusal, or say `text` (green) and reload."""
        try:
            call()
        except PROBLEMS as exc:
            say(self, str(exc))
            return False
        self.reloaded(text)(True)
        return True
