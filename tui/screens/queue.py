"""The shape every role queue shares: work items waiting for the signed-in user at some SOP
steps in a DataTable, a step line and a reading pane under it, and the #message line."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header

from model.workflow.inbox import WorkRow, waiting_for
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import add_columns, at_cursor


class QueueScreen(Screen):
    """A queue of one procedure's steps. Subclasses set the class constants and write
    `cells(row)` (the table cells) and `show(row)` (the step line and pane, row may be None).
    Textual calls a subclass's on_mount first, then this one: do not call super()."""

    PROCEDURE = ""
    ACTIONS: tuple[str, ...] = ()  # the SOP actions taken here: rows are items at their steps
    COLUMNS: tuple[tuple[str, int | None], ...] = ()
    SUB_TITLE = ""
    HEADING = ""  # the section title above the table
    PANE = ""  # id of the Static in the reading pane
    ROW_ACTIONS: tuple[str, ...] = ()  # offered only while a row is selected
    FORGET_ITEM = True  # `item_id` is selected once; False: every reload selects it again

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.rows: list[WorkRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_head()
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Static("", id="where")
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
        table = self.query_one("#queue", DataTable)
        add_columns(table, self.COLUMNS)
        self.query_one("#message").display = False
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def fetch(self) -> list[WorkRow]:
        """The rows to list (may raise PROBLEMS)."""
        return [r for r in waiting_for(self.app.session.user, self.PROCEDURE)
                if any(r.step.action(a) for a in self.ACTIONS)]

    def cells(self, row: WorkRow) -> tuple:
        raise NotImplementedError

    def show(self, row: WorkRow | None) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        """Fetch again, keeping the cursor on `item_id` or else on the same row number."""
        table = self.query_one("#queue", DataTable)
        keep = table.cursor_row
        try:
            self.rows = self.fetch()
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        table.clear()
        for row in self.rows:
            table.add_row(*self.cells(row), key=str(row.item.id))
        ids = [r.item.id for r in self.rows]
        if self.item_id in ids:
            table.move_cursor(row=ids.index(self.item_id))
            if self.FORGET_ITEM:
                self.item_id = None
        elif ids:
            table.move_cursor(row=min(keep or 0, len(ids) - 1))
        self.show_selected()

    def selected(self) -> WorkRow | None:
        return at_cursor(self.query_one("#queue", DataTable), self.rows)

    def show_selected(self) -> None:
        self.show(self.selected())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in self.ROW_ACTIONS:
            return self.selected() is not None
        return True

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
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
