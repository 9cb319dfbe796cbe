"""'Pekerjaan saya': everything waiting for the signed-in user's roles, with clocks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from model.workflow.inbox import WorkRow, waiting_for
from tui import nav
from tui.widgets.clock import clock_text
from tui.widgets.live_table import LiveTable
from tui.widgets.plain import DataTable, Static
from tui.widgets.status import StatusLine


def work_cells(row: WorkRow) -> tuple:
    """The cells of a WorkRow: fields of the item read with it, nothing read again."""
    return (
        str(row.item.id),
        row.procedure.short,
        str(row.step.number),
        row.item.title[:30],
        row.item.derajat,
        clock_text(row.clock),
    )


class HomeScreen(Screen):
    BINDINGS = [
        ("enter", "open", "Buka"),
        ("f1", "help", "Bantuan SOP"),
        ("r", "reload", "Muat ulang"),
        ("m", "menu", "Menu"),
        ("p", "password", "Sandi"),
        ("ctrl+o", "app.sign_out", "Keluar"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusLine(id="status")
        yield Static("Pekerjaan saya", classes="section-title")
        yield LiveTable(work_cells, key=lambda r: r.item.id, id="work")
        yield Static("", id="step-info")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Warkat"
        self.sub_title = "Pekerjaan saya"
        table = self.query_one("#work", DataTable)
        table.add_columns("No", "Prosedur", "Lgk", "Perihal", "Derajat", "Waktu/baku mnt")
        self.reload()
        self.set_interval(30, lambda: self.reload(poll=True))
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self, poll: bool = False) -> None:
        """Read the work in a worker (a poll is skipped while one runs)."""
        user = self.app.session.user
        if user is None:
            return
        self.query_one("#work", LiveTable).load(lambda: waiting_for(user), poll=poll)
        self.query_one("#status", StatusLine).refresh_status()

    @property
    def rows(self) -> list[WorkRow]:
        return self.query_one("#work", LiveTable).entries

    def selected(self) -> WorkRow | None:
        return self.query_one("#work", LiveTable).selected()

    def on_live_table_loaded(self, _event: LiveTable.Loaded) -> None:
        self.show_step()

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
        return HelpScreen(
            row.procedure.code, row.step.number, f"Item #{row.item.id}: {row.item.title}"
        )

    def action_reload(self) -> None:
        self.reload()

    def action_menu(self) -> None:
        from tui.screens.menu import MenuScreen

        self.app.push_screen(MenuScreen())

    def action_password(self) -> None:
        from tui.screens.password import PasswordScreen

        self.app.push_screen(PasswordScreen())
