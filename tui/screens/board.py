"""Papan mutu baku (Kasi Persandian): per procedure and step, today / this week / this month,
the steps done, the share within the standard as a bar, median and p90 working minutes, what
waits now and how much of it is late; under the table, the oldest items of the selected step,
whose history Enter opens. Figures are read in a worker; the event loop never waits."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model.reports.board import MONTH, PERIODS, TODAY, WEEK, OpenItem, StepRow, board, oldest
from model.sop import FAX
from tui.keys import bind
from tui.screens.help import HelpScreen
from tui.widgets.clock import clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import read
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns, at_cursor

BAR = 10  # cells of a full bar
EIGHTHS = " ▏▎▍▌▋▊▉"
STEPS = (
    Column("Langkah", 18, grow=True),
    Column("Selesai", whole=True),
    Column("Sesuai baku", whole=True),
    Column("Median/p90", whole=True, drop=2),
    Column("Antre", whole=True),
    Column("Lewat", whole=True),
)
ITEMS = (
    Column("No", whole=True),
    Column("Perihal", 20, grow=True),
    Column("Menunggu", 16, drop=1),
    Column("Waktu / baku", whole=True),
)
ORDER = (TODAY, WEEK, MONTH)


def bar(share: float | None) -> Text:
    """`█████▌     85 %`: the bar and the number, readable without colour."""
    if share is None:
        return Text("–".ljust(BAR + 5))
    eighths = round(share * BAR * 8)
    full, part = divmod(eighths, 8)
    drawn = "█" * full + (EIGHTHS[part] if part else "")
    style = "red" if share < 0.8 else "green"
    return Text.assemble((drawn.ljust(BAR), style), f" {share * 100:3.0f} %")


def minutes(value: float | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")


class BoardScreen(Screen):
    CSS_PATH = "board.tcss"
    BINDINGS = [
        bind("escape", "app.pop_screen"),
        bind("1", "period('hari')", key_display="1–3"),
        bind("2", "period('minggu')", show=False),
        bind("3", "period('bulan')", show=False),
        bind("f5", "reload"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.period = TODAY
        self.rows: list[StepRow] = []
        self.items: list[OpenItem] = []

    def sop_help(self) -> HelpScreen:
        return HelpScreen()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="periods")
        yield DataTable(id="steps", cursor_type="row")
        yield Static("", id="step-detail")
        yield DataTable(id="items", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Papan mutu baku"
        add_columns(self.query_one("#steps", DataTable), STEPS)
        add_columns(self.query_one("#items", DataTable), ITEMS)
        self.query_one("#steps").focus()
        self.action_reload()

    def show_periods(self) -> None:
        text = Text()
        for n, key in enumerate(ORDER, 1):
            style = "bold reverse" if key == self.period else ""
            text.append(f" {n} {PERIODS[key]} ", style=style)
            text.append(" ")
        self.query_one("#periods", Static).update(text)

    def action_period(self, period: str) -> None:
        self.period = period
        self.action_reload()

    def action_reload(self) -> None:
        self.show_periods()
        self.load(self.period)

    @work(thread=True, exclusive=True, group="board", exit_on_error=False)
    def load(self, period: str) -> None:
        found = read(lambda: board(period))
        if isinstance(found, list):
            self.app.call_from_thread(self.show_rows, found)

    def show_rows(self, rows: list[StepRow]) -> None:
        keep = self.query_one("#steps", DataTable).cursor_row
        self.rows = [r for r in rows if r.standard_minutes or r.open_now or r.done]
        table = self.query_one("#steps", DataTable)
        table.clear()
        for r in self.rows:
            table.add_row(
                Text(f"{r.procedure_name} {r.step} {r.short}"),
                str(r.done),
                bar(r.within_share),
                f"{minutes(r.median_minutes)}/{minutes(r.p90_minutes)}",
                str(r.open_now),
                Text(str(r.late_now), style="bold red" if r.late_now else ""),
            )
        if self.rows:
            table.move_cursor(row=min(keep or 0, len(self.rows) - 1))
        self.show_step()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "steps":
            self.show_step()

    def show_step(self) -> None:
        row = at_cursor(self.query_one("#steps", DataTable), self.rows)
        detail = self.query_one("#step-detail", Static)
        if row is None:
            detail.update("")
            return
        standard = f"{row.standard_minutes} mnt kerja" if row.standard_minutes else "tanpa baku"
        detail.update(
            Text(
                f"{row.procedure_name} langkah {row.step}: {row.name} · baku {standard} · "
                f"menunggu {row.waits_for} · {row.open_now} item, {row.near_now} hampir, "
                f"{row.late_now} lewat"
            )
        )
        self.load_items(row.procedure, row.step)

    @work(thread=True, exclusive=True, group="board-items", exit_on_error=False)
    def load_items(self, procedure: str, step: int) -> None:
        found = read(lambda: oldest(procedure, step))
        if isinstance(found, list):
            self.app.call_from_thread(self.show_items, found)

    def show_items(self, items: list[OpenItem]) -> None:
        self.items = items
        table = self.query_one("#items", DataTable)
        table.clear()
        row = at_cursor(self.query_one("#steps", DataTable), self.rows)
        for i in items:
            table.add_row(
                str(i.item_id), Text(i.title), row.waits_for if row else "", clock_text(i.clock)
            )
        table.border_title = (
            "Terlama di langkah ini (Enter: riwayat)" if items else "Tidak ada yang menunggu"
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a step goes to its oldest items; Enter on an item opens its history."""
        if event.data_table.id == "steps":
            self.query_one("#items").focus()
        else:
            self.open_history()

    def open_history(self) -> None:
        item = at_cursor(self.query_one("#items", DataTable), self.items)
        if item is None:
            return
        if item.procedure == FAX:
            from tui.screens.fax.archive import HistoryScreen

            self.app.push_screen(HistoryScreen(item.item_id))
        else:
            from tui.screens.books.mail_archive import MailHistoryScreen

            self.app.push_screen(MailHistoryScreen(item.item_id))
