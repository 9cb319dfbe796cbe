"""A DataTable whose rows are read in a worker thread and shown on the event loop.

`load(fetch)` runs `fetch()` (model reads only, no widget) on a thread of its own with its own
database connection, closed when done; the rows it returns replace the table's on the event
loop, the cursor kept on the same item (else the same row number), then `Loaded` is posted.
A model refusal raised by `fetch` is said on the screen's #message line."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import peewee
from textual.message import Message
from textual.worker import Worker, WorkerState

from model.db import DatabaseProblem, db, explain
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable


def read(fetch: Callable[[], Any]) -> Any:
    """Call `fetch` on this thread's own connection (closed after); a refusal is returned."""
    try:
        with db.connection_context():
            return fetch()
    except PROBLEMS as exc:
        return exc
    except peewee.DatabaseError as exc:
        return DatabaseProblem(explain(exc))


class LiveTable(DataTable):
    """Rows (objects with an `id`, or as `key` says) shown as `cells(row)`."""

    class Loaded(Message):
        """The rows of a load are shown."""

        def __init__(self, table: LiveTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> LiveTable:
            return self.table

    def __init__(
        self, cells: Callable[[Any], tuple], *, key: Callable[[Any], int] | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.cells = cells
        self.key = key or attrgetter("id")
        self.every: list = []  # every row of the last load
        self.entries: list = []  # those `shown` keeps, listed (DataTable's `rows` are keys)
        self.shown: Callable[[Any], bool] = lambda _row: True
        self.follow: int | None = None  # the item the cursor goes to at the next load
        self.worker: Worker | None = None
        self.drawn: dict[str, tuple] = {}  # the cells shown, by row key

    @property
    def busy(self) -> bool:
        """A load is running."""
        return self.worker is not None and not self.worker.is_finished

    def load(self, fetch: Callable[[], list], *, poll: bool = False) -> None:
        """Read the rows with `fetch` in a worker; a poll is skipped while a load runs."""
        if poll and self.busy:
            return
        self.worker = self.run_worker(
            lambda: read(fetch), thread=True, exclusive=True, group=f"rows-{self.id}"
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self.worker or event.state != WorkerState.SUCCESS:
            return
        event.stop()
        result = event.worker.result
        if isinstance(result, Exception):
            say(self.screen, str(result))
        else:
            self.show_rows(result)

    def refilter(self) -> None:
        """List again the rows `shown` keeps of the last load (no reading)."""
        self.show_rows(self.every)

    def show_rows(self, rows: list) -> None:
        """Replace the rows (cells updated in place when the items are the same ones)."""
        self.every = rows
        rows = [r for r in rows if self.shown(r)]
        keys = [str(self.key(r)) for r in rows]
        current = self.selected()
        keep = (
            self.follow
            if self.follow is not None
            else (self.key(current) if current is not None else None)
        )
        number = self.cursor_row
        same = keys == [str(k.value) for k in self.rows]
        self.entries = rows
        drawn = {key: tuple(self.cells(row)) for key, row in zip(keys, rows, strict=True)}
        if same:  # only the cells that changed (a clock ticking), so a poll costs little
            for key, cells in drawn.items():
                before = self.drawn.get(key, ())
                for index, cell in enumerate(cells):
                    if index >= len(before) or before[index] != cell:
                        self.update_column(key, index, cell)
        else:
            self.clear()
            for key, cells in drawn.items():
                self.add_row(*cells, key=key)
        self.drawn = drawn
        if str(keep) in keys:
            self.move_cursor(row=keys.index(str(keep)))
            self.follow = None
        elif rows:
            self.move_cursor(row=min(number or 0, len(rows) - 1))
        self.post_message(self.Loaded(self))

    def selected(self) -> Any | None:
        """The row under the cursor, or None."""
        if not self.entries or self.cursor_row is None:
            return None
        return self.entries[min(self.cursor_row, len(self.entries) - 1)]
