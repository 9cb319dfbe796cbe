"""Small DataTable helpers shared by the screens."""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import DataTable

T = TypeVar("T")


def add_columns(table: DataTable, columns: tuple[tuple[str, int | None], ...]) -> None:
    """Add (label, width) columns; a width of None sizes the column to its content."""
    for label, width in columns:
        table.add_column(label, width=width)


def at_cursor(table: DataTable, rows: list[T]) -> T | None:
    """The row of `rows` under the table's cursor, or None when there is none."""
    if not rows or table.cursor_row is None:
        return None
    return rows[min(table.cursor_row, len(rows) - 1)]
