"""Procedure 1 step 1 (Pemakai): the list of one's fax requests."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model.fax.queue_rows import RequestRow, request_rows
from tui.keys import bind
from tui.screens.fax.disposition import RequestDetail
from tui.screens.fax.request import RequestFormScreen
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import CLOCK, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns

COLUMNS = (
    Column("No", whole=True),
    Column("Perihal", 16, grow=True),
    Column("Lgk", whole=True),
    CLOCK,
    Column("Nomor agenda", whole=True, drop=1),
)


def request_cells(row: RequestRow) -> tuple:
    clock = clock_text(row.clock) if row.clock else "selesai"
    return (
        str(row.id),
        row.title,
        str(row.step.number) if row.step else "✓",
        clock,
        row.agenda or "-",
    )


class RequestListScreen(Screen):
    CSS_PATH = "request.tcss"
    BINDINGS = [
        bind("n", "new"),
        bind("enter", "open", priority=True),
        bind("f5", "reload"),
        bind("escape", "app.pop_screen"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.selected_id(), "fax")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="message")
        yield LiveTable(request_cells, id="requests")
        yield Static("", id="where")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Permintaan kirim faks saya"
        add_columns(self.live, COLUMNS)
        self.reload()
        self.live.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def live(self) -> LiveTable:
        return self.query_one("#requests", LiveTable)

    def reload(self) -> None:
        """Read the list in a worker; the cursor goes to `item_id`, else stays on its item."""
        user = self.app.session.user
        if self.item_id is not None:
            self.live.follow, self.item_id = self.item_id, None
        self.live.load(lambda limit: request_rows(user, limit))

    def selected_id(self) -> int | None:
        row = self.live.selected()
        return row.id if row else None

    def show_where(self) -> None:
        row = self.live.selected()
        where = self.query_one("#where", Static)
        if row is None:
            where.update("Belum ada permintaan. Tekan n untuk membuat permintaan baru.")
            return
        text = Text(f"#{row.id} {row.title}\n")
        text.append(
            f"Langkah {row.step.number}: {row.step.name}" if row.step else "Selesai (diarsipkan)"
        )
        if row.agenda:
            text.append(f"\nNomor agenda: {row.agenda}")
        if row.returned:
            text.append(f"\nDikembalikan Kasi: {row.returned}", style="bold red")
        where.update(text)

    def on_live_table_loaded(self, _event: LiveTable.Loaded) -> None:
        self.show_where()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_where()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_new(self) -> None:
        self.app.push_screen(RequestFormScreen(), self.select)

    def select(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.reload()

    def action_open(self) -> None:
        if self.live.more_page():
            return
        row = self.live.selected()
        if row is None:
            return
        if row.step is not None and row.step.action("ajukan"):
            self.app.push_screen(RequestFormScreen(item_id=row.id), self.select)
        else:
            self.app.push_screen(RequestDetail(row.id))

    def action_reload(self) -> None:
        self.reload()
