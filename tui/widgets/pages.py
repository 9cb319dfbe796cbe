"""Paging for the lists a screen reads itself (the books, read through a Search): the pages
listed, the "lebih banyak" line a LiveTable shows, and Enter on it."""

from __future__ import annotations

from tui.widgets.live_table import MORE_KEY, MORE_TEXT, LiveTable
from tui.widgets.plain import DataTable


class Pages:
    """The pages of one list: read `limit` rows, `cut` what came, `add_more` the line."""

    def __init__(self) -> None:
        self.count = 1  # pages listed
        self.more = False  # the last read found rows beyond them

    @property
    def limit(self) -> int:
        """The rows to read: the pages listed and one more, which tells there are more."""
        return self.count * LiveTable.PAGE + 1

    def first(self) -> None:
        """Back to the first page (a new search, book or period)."""
        self.count = 1

    @staticmethod
    def cut(rows: list, limit: int) -> tuple[list, bool]:
        """The rows of a read of `limit` to list, and whether some were left (worker thread)."""
        return rows[: limit - 1], len(rows) >= limit

    def add_more(self, table: DataTable, more: bool) -> None:
        """After the rows: the "lebih banyak" line, when there are more."""
        self.more = more
        if more:
            table.add_line(MORE_TEXT, key=MORE_KEY)

    def next(self, table: DataTable, listed: int) -> bool:
        """When the cursor is on the "lebih banyak" line: one page more (read it); whether."""
        if not self.more or table.cursor_row != listed:
            return False
        self.count += 1
        return True
