"""The list and table widgets of tui.widgets.plain (imported through it): literal prompts,
cells and labels, never markup."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.segment import Segment
from textual import widgets
from textual.app import ComposeResult
from textual.strip import Strip
from textual.widgets._select import SelectCurrent, SelectOverlay  # not exported
from textual.widgets._toggle_button import ToggleButton  # the base of both, not exported
from textual.widgets.option_list import OptionDoesNotExist

from tui.keys import bind
from tui.widgets.plain import literal
from tui.widgets.table import Fitted

T = TypeVar("T")


def _literal_prompts(items: Iterable) -> list:
    """(prompt, value, …) tuples with a literal prompt; other items unchanged."""
    return [(literal(item[0]), *item[1:]) if isinstance(item, tuple) else item for item in items]


class OptionList(widgets.OptionList):
    def __init__(self, *content, **kwargs) -> None:
        super().__init__(*content, markup=False, **kwargs)


class SelectionList(widgets.SelectionList[T]):
    """Selections are given as (prompt, value[, selected]) tuples. An unselected box is drawn
    empty, so it reads without colour (Textual draws the mark in both)."""

    def __init__(self, *selections, **kwargs) -> None:
        super().__init__(*_literal_prompts(selections), **kwargs)

    def add_options(self, items):
        return super().add_options(_literal_prompts(items))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        mark = ToggleButton.BUTTON_INNER
        if selection.value in self._selected or len(segments) < 2 or segments[1].text != mark:
            return strip
        segments[1] = Segment(" " * len(mark), segments[1].style)
        return Strip(segments, strip.cell_length)


class Overlay(SelectOverlay):
    """Select's list of options, its Esc said as the key map says it."""

    BINDINGS = [bind("escape", "dismiss")]


class Select(widgets.Select):
    """Options with literal prompts; the empty choice and the list's Esc in Indonesian."""

    def __init__(self, options, *, prompt: str = "(pilih)", **kwargs) -> None:
        super().__init__(_literal_prompts(options), prompt=prompt, **kwargs)

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield Overlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def set_options(self, options) -> None:
        super().set_options(_literal_prompts(options))


class DataTable(Fitted, widgets.DataTable):
    """Cells, row labels and column labels given as str are shown literally; columns
    declared with tui.widgets.table.add_columns are fitted to the table's width."""

    def add_column(self, label, **kwargs):
        return super().add_column(literal(label), **kwargs)

    def add_row(self, *cells, label=None, **kwargs):
        return super().add_row(*map(literal, cells), label=literal(label), **kwargs)

    def update_cell(self, row_key, column_key, value, **kwargs) -> None:
        super().update_cell(row_key, column_key, literal(value), **kwargs)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        """A row cursor leaving the view scrolls half a view, not one line (Textual's hook,
        overridden): every scroll redraws the whole table, so a slow SSH link carries that
        once per half page of moves instead of on each move."""
        top = self._get_fixed_offset().top
        view = self.scrollable_content_region.height - top
        if self.cursor_type != "row" or view < 4:
            super()._scroll_cursor_into_view(animate)
            return
        _, y, _, height = self._get_row_region(self.cursor_row)
        first = int(self.scroll_y) + top  # where the first row in view lies in the content
        if first <= y and y + height <= first + view:
            return
        half = view // 2
        target = y - top - half if y < first else y + height - top - view + half
        self.scroll_to(y=max(0, target), animate=False, force=True)
