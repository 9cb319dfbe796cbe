"""'Pekerjaan saya': everything waiting for the signed-in user's roles, with clocks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from model.workflow.inbox import WorkRow, waiting_for
from tui import nav
from tui.widgets.clock import clock_text
from tui.widgets.plain import DataTable, Static
from tui.widgets.status import StatusLine


class HomeScreen(Screen):
    BINDINGS = [
        ("enter", "open", "Buka"),
        ("f1", "help", "Bantuan SOP"),
        ("r", "reload", "Muat ulang"),
        ("m", "menu", "Menu"),
        ("p", "password", "Sandi"),
        ("ctrl+o", "logout", "Keluar"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[WorkRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusLine(id="status")
        yield Static("Pekerjaan saya", classes="section-title")
        yield DataTable(id="work", cursor_type="row", zebra_stripes=True)
        yield Static("", id="step-info")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Warkat"
        self.sub_title = "Pekerjaan saya"
        table = self.query_one("#work", DataTable)
        table.add_columns("No", "Prosedur", "Lgk", "Perihal", "Derajat", "Waktu/baku mnt")
        self.reload()
        self.set_interval(30, self.reload)
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        if self.app.session.user is None:
            return
        table = self.query_one("#work", DataTable)
        keep = table.cursor_row
        self.rows = waiting_for(self.app.session.user)
        table.clear()
        for row in self.rows:
            table.add_row(str(row.item.id), row.procedure.short, str(row.step.number),
                          row.item.title[:30], row.item.derajat, clock_text(row.clock),
                          key=str(row.item.id))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.show_step()
        self.query_one("#status", StatusLine).refresh_status()

    def selected(self) -> WorkRow | None:
        table = self.query_one("#work", DataTable)
        if not self.rows or table.cursor_row is None:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def show_step(self) -> None:
        row = self.selected()
        info = self.query_one("#step-info", Static)
        if row is None:
            info.update("Tidak ada pekerjaan yang menunggu Anda.")
        else:
            info.update(f"{row.procedure.name} — langkah {row.step.number}: {row.step.name}")

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_step()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.selected()
        if row is None:
            return
        screen = nav.screen_for_step(row.procedure.code, row.step.number, row.item.id)
        self.app.push_screen(screen or self._help(row))

    def action_help(self) -> None:
        self.app.push_screen(self._help(self.selected()))

    def _help(self, row: WorkRow | None):
        from tui.screens.help import HelpScreen

        if row is None:
            return HelpScreen()
        return HelpScreen(row.procedure.code, row.step.number, row.item)

    def action_reload(self) -> None:
        self.reload()

    def action_menu(self) -> None:
        from tui.screens.menu import MenuScreen

        self.app.push_screen(MenuScreen())

    def action_password(self) -> None:
        from tui.screens.password import PasswordScreen

        self.app.push_screen(PasswordScreen())

    def action_logout(self) -> None:
        from tui.screens.login import sign_out

        sign_out(self.app)
