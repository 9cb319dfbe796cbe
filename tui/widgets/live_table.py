"""A DataTable whose rows are read in a worker thread and shown on the event loop.

`load(fetch)` runs `fetch(limit)` (model reads only, no widget) on a thread of its own with its
own database connection, closed when done; the rows it returns replace the table's on the event
loop, the cursor kept on the same item (else the same row number), then `Loaded` is posted.
A model refusal raised by `fetch` is said on the screen's #message line.

Lists are paged: `fetch` is asked for one row more than the pages shown; when that row comes,
the last line reads "▼ lebih banyak (Enter)" and Enter on it shows one page more. A list of
10,000 items reads and draws only its first page."""

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


class Rows(list):
    """The rows a fetch returns, with what else it read for the screen (`facts`: counts…),
    kept as the table's `facts` once shown."""

    def __init__(self, rows, facts: Any = None) -> None:
        super().__init__(rows)
        self.facts = facts


MORE_KEY = "lebih-banyak"
MORE_TEXT = "▼ lebih banyak (Enter)"
MORE_HINT = "Masih ada lagi: Enter pada baris ini menampilkan yang berikutnya."


class LiveTable(DataTable):
    """Rows (objects with an `id`, or as `key` says) shown as `cells(row)`, a page at a time."""

    PAGE = 100  # rows per page

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
        self.entries: list = []  # the rows listed (DataTable's `rows` are keys)
        self.follow: int | None = None  # the item the cursor goes to at the next load
        self.worker: Worker | None = None
        self.drawn: dict[str, tuple] = {}  # the cells shown, by row key
        self.pages = 1  # pages listed; Enter on the "lebih banyak" line adds one
        self.more = False  # the last load found rows beyond the pages listed
        self.fetch: Callable[[int], list] | None = None
        self.facts: Any = None  # the `facts` of the last load's Rows

    @property
    def busy(self) -> bool:
        """A load is running."""
        return self.worker is not None and not self.worker.is_finished

    @property
    def limit(self) -> int:
        """The rows the pages listed hold."""
        return self.pages * self.PAGE

    def load(
        self, fetch: Callable[[int], list], *, poll: bool = False, fresh: bool = False
    ) -> None:
        """Read the rows with `fetch(limit)` in a worker; a poll is skipped while a load runs.
        The pages listed stay listed, unless `fresh` (a new search) starts at the first one."""
        if poll and self.busy:
            return
        if fresh:
            self.pages = 1
        self.fetch = fetch
        self.read_pages()

    def read_pages(self) -> None:
        fetch, limit = self.fetch, self.limit + 1
        self.worker = self.run_worker(
            lambda: read(lambda: fetch(limit)), thread=True, exclusive=True, group=f"rows-{self.id}"
        )

    @property
    def at_more(self) -> bool:
        """The cursor is on the "lebih banyak" line."""
        return self.more and self.cursor_row == len(self.entries)

    def more_page(self) -> bool:
        """On the "lebih banyak" line: list one page more (a screen whose Enter comes first
        calls this); whether it did."""
        if not self.at_more or self.fetch is None:
            return False
        self.pages += 1
        self.read_pages()
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on "lebih banyak" lists one page more (the screen does not see it)."""
        if event.row_key.value == MORE_KEY:
            event.stop()
            self.more_page()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self.worker or event.state != WorkerState.SUCCESS:
            return
        event.stop()
        result = event.worker.result
        if isinstance(result, Exception):
            say(self.screen, str(result))
        else:
            self.show_rows(result)

    def show_rows(self, rows: list) -> None:
        """Replace the rows (cells updated in place when the items are the same ones)."""
        self.more = len(rows) > self.limit
        self.facts = getattr(rows, "facts", None)
        rows = rows[: self.limit]
        keys = [str(self.key(r)) for r in rows]
        current = self.selected()
        keep = (
            self.follow
            if self.follow is not None
            else (self.key(current) if current is not None else None)
        )
        number = self.cursor_row
        listed = keys + [MORE_KEY] if self.more else keys
        same = listed == [str(k.value) for k in self.rows]
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
            if self.more:
                self.add_line(MORE_TEXT, key=MORE_KEY)
        self.drawn = drawn
        if str(keep) in keys:
            self.move_cursor(row=keys.index(str(keep)))
            self.follow = None
        elif rows:
            self.move_cursor(row=min(number or 0, len(rows) - 1))
        self.post_message(self.Loaded(self))

    def selected(self) -> Any | None:
        """The row under the cursor, or None."""
        if not self.entries or self.cursor_row is None or self.cursor_row >= len(self.entries):
            return None
        return self.entries[self.cursor_row]
