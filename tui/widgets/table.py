"""DataTable columns fitted to the table's width, and the row under the cursor.

A screen declares its columns (`Column`, with `add_columns`) and gives every row the cells of
all of them; for the table's width the columns that may go are dropped (the highest `drop`
first), identifiers and headers are never cut, and the width left over goes to the text
column. The table is fitted again when it is resized, its scrollbar comes or goes, or its
cells change. The screen shows the row under the cursor in full on its detail line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    """A declared column. `whole`: never cut, as wide as its widest cell (numbers, agenda
    numbers, dates, clocks); else cut to `width` when the table is short of room. `grow`: the
    text column, given the width left over first. `drop`: None when always shown, else the
    column goes when the table is too narrow, the highest `drop` first."""

    label: str
    width: int = 0
    whole: bool = False
    grow: bool = False
    drop: int | None = None


def cell_width(cell: object) -> int:
    if isinstance(cell, Text):
        return cell.cell_len
    return cell_len(str(cell)) if cell is not None else 0


def fit(columns: Sequence[Column], widest: Sequence[int], room: int, pad: int = 1) -> list:
    """The width of each column in a table `room` cells wide, or None where it is dropped;
    `widest` is each column's widest cell, `pad` the padding on either side of a cell."""
    want = [max(cell_len(c.label), w) for c, w in zip(columns, widest, strict=True)]
    least = [
        want[i] if c.whole else max(cell_len(c.label), min(c.width, want[i]))
        for i, c in enumerate(columns)
    ]
    shown = list(range(len(columns)))

    def used() -> int:
        return sum(least[i] + 2 * pad for i in shown)

    while used() > room:
        optional = [i for i in shown if columns[i].drop is not None]
        if not optional:
            break
        shown.remove(max(optional, key=lambda i: (columns[i].drop, i)))
    widths = {i: least[i] for i in shown}
    free = room - used()
    for i in sorted(shown, key=lambda i: not columns[i].grow):
        more = min(free, want[i] - widths[i])
        if more > 0:
            widths[i] += more
            free -= more
    text = next((i for i in shown if columns[i].grow), None)
    if text is not None and free > 0:
        widths[text] += free
    return [widths.get(i) for i in range(len(columns))]


class Fitted:
    """Mixed into tui.widgets.plain.DataTable: once `declare`d, rows are given the cells of
    every declared column and the table shows those that fit (as `fit` says). A table never
    declared behaves as Textual's."""

    fit_columns: tuple[Column, ...] = ()
    fit_widths: list | None = None
    fit_due = False

    def declare(self, columns: Iterable[Column]) -> None:
        """Show `columns` (the rows already added keep their cells)."""
        self.fit_columns = tuple(columns)
        self.fit_cells: dict[RowKey, tuple] = getattr(self, "fit_cells", {})
        self.fit_widths = None
        self.refit()

    def add_row(self, *cells, key: str | None = None, **kwargs) -> RowKey:
        if not self.fit_columns:
            return super().add_row(*cells, key=key, **kwargs)
        cells = (*cells, *[""] * (len(self.fit_columns) - len(cells)))
        row_key = super().add_row(*self.pick(cells), key=key, **kwargs)
        self.fit_cells[row_key] = cells
        self.fit_soon()
        return row_key

    def add_line(self, text: str, key: str) -> RowKey:
        """A row holding only `text`, in the text column (else the first): a note such as
        "lebih banyak", left out when the columns are measured."""
        if not self.fit_columns:
            return super().add_row(text, *[""] * (len(self.columns) - 1), key=key)
        at = next((i for i, c in enumerate(self.fit_columns) if c.grow), 0)
        cells = tuple(Text(text) if i == at else "" for i in range(len(self.fit_columns)))
        self.fit_lines = getattr(self, "fit_lines", set()) | {key}
        return self.add_row(*cells, key=key)

    def update_cell(self, row_key, column_key, value, **kwargs) -> None:
        if not self.fit_columns:
            super().update_cell(row_key, column_key, value, **kwargs)
            return
        index = int(column_key.value if isinstance(column_key, ColumnKey) else column_key)
        cells = list(self.fit_cells[row_key])
        cells[index] = value
        self.fit_cells[row_key] = tuple(cells)
        if column_key in self.columns:
            super().update_cell(row_key, column_key, self.shown_cell(index, value), **kwargs)
        self.fit_soon()

    def update_column(self, row_key, index: int, value) -> None:
        """Set the cell of the row's column `index` (declared, else shown) to `value`."""
        key = str(index) if self.fit_columns else self.ordered_columns[index].key
        self.update_cell(row_key, key, value)

    def remove_row(self, row_key) -> None:
        super().remove_row(row_key)
        if self.fit_columns:
            del self.fit_cells[row_key]

    def clear(self, columns: bool = False):
        if columns:
            self.fit_columns, self.fit_widths = (), None
        self.fit_cells, self.fit_lines = {}, set()
        return super().clear(columns)

    def cells_at(self, index: int) -> tuple:
        """Every cell of row `index`, its columns shown or not."""
        if not self.fit_columns:
            return tuple(self.get_row_at(index))
        return self.fit_cells[self.ordered_rows[index].key]

    def pick(self, cells: tuple) -> list:
        """The cells of the columns shown."""
        return [
            self.shown_cell(i, cells[i])
            for i, width in enumerate(self.fit_widths or ())
            if width is not None
        ]

    def shown_cell(self, index: int, cell: object) -> object:
        """A cell of a column that may be cut ends in `…` where it is (the text unchanged)."""
        if isinstance(cell, Text) and not self.fit_columns[index].whole:
            cell = cell.copy()
            cell.overflow = "ellipsis"
        return cell

    def fit_soon(self) -> None:
        """Fit the columns once the changes being made now are done."""
        if not self.fit_due and self.is_attached:
            self.fit_due = True
            self.call_later(self.refit)

    def on_resize(self, _event) -> None:
        self.refit()

    def watch_show_vertical_scrollbar(self, _shown: bool) -> None:
        self.fit_soon()

    def refit(self) -> None:
        """Lay the columns out again for the table's width (rebuilt only when it changes)."""
        self.fit_due = False
        if not self.fit_columns:
            return
        lines = getattr(self, "fit_lines", set())
        measured = [c for k, c in self.fit_cells.items() if k.value not in lines]
        widest = [
            max((cell_width(cells[i]) for cells in measured), default=0)
            for i in range(len(self.fit_columns))
        ]
        room = self.scrollable_content_region.width or self.app.size.width
        widths = fit(self.fit_columns, widest, room, self.cell_padding)
        if widths == self.fit_widths:
            return
        self.fit_widths = widths
        rows, cursor = list(self.fit_cells.items()), self.cursor_row
        super().clear(columns=True)
        for i, width in enumerate(widths):
            if width is not None:
                super().add_column(Text(self.fit_columns[i].label), width=width, key=str(i))
        self.fit_cells = {}
        for key, cells in rows:
            self.fit_cells[super().add_row(*self.pick(cells), key=key.value)] = cells
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1), animate=False)


def add_columns(table: DataTable, columns: Iterable[Column]) -> None:
    """Declare the table's columns (a tui.widgets.plain.DataTable), fitted to its width."""
    table.declare(columns)


def row_text(table: DataTable) -> Text:
    """The row under the cursor in full, for the detail line under the table: the first and
    the text column as they are, every other one after its label."""
    if not table.row_count or table.cursor_row is None:
        return Text()
    cells = table.cells_at(min(table.cursor_row, table.row_count - 1))
    columns = table.fit_columns or [Column(str(c.label)) for c in table.ordered_columns]
    parts = []
    for index, (column, cell) in enumerate(zip(columns, cells, strict=False)):
        value = cell if isinstance(cell, Text) else Text(str(cell))
        if not value.plain:
            continue
        parts.append(value if index == 0 or column.grow else Text(f"{column.label}: ") + value)
    return Text(" · ").join(parts)


def at_cursor(table: DataTable, rows: list[T]) -> T | None:
    """The row of `rows` under the table's cursor, or None when there is none."""
    if not rows or table.cursor_row is None:
        return None
    return rows[min(table.cursor_row, len(rows) - 1)]
