"""'Pekerjaan saya': everything waiting for the signed-in user's roles, with clocks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model.roles import PEMAKAI
from model.workflow.inbox import WorkRow, waiting_for
from tui import nav
from tui.keys import bind
from tui.widgets.clock import CLOCK, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import MORE_HINT, LiveTable
from tui.widgets.plain import DataTable, Detail, Static
from tui.widgets.status import StatusLine
from tui.widgets.table import Column, add_columns

COLUMNS = (
    Column("No", whole=True),
    Column("Prosedur", whole=True, drop=2),
    Column("Lgk", whole=True),
    Column("Perihal", 20, grow=True),
    Column("Derajat", whole=True, drop=1),
    CLOCK,
)


def work_cells(row: WorkRow) -> tuple:
    """The cells of a WorkRow: fields of the item read with it, nothing read again."""
    return (
        str(row.item.id),
        row.procedure.short,
        str(row.step.number),
        row.item.title,
        row.item.derajat,
        clock_text(row.clock),
    )


class HomeScreen(Screen):
    BINDINGS = [
        bind("n", "new_request"),
        bind("enter", "open"),
        bind("f1", "app.sop_help", priority=True),  # shown here; the app answers it everywhere
        bind("f5", "reload", show=False),  # the home reloads by itself
        bind("m", "menu"),
        bind("g", "password"),
        bind("ctrl+o", "app.sign_out"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusLine(id="status")
        yield Static("Pekerjaan saya", id="heading", classes="section-title")
        yield LiveTable(work_cells, key=lambda r: r.item.id, id="work")
        yield Static(id="step-rule")
        yield Detail("", id="step-info")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Warkat"
        self.sub_title = "Pekerjaan saya"
        if self.may_request():
            self.query_one("#heading", Static).update("Pekerjaan saya · n: permintaan faks baru")
        table = self.query_one("#work", DataTable)
        add_columns(table, COLUMNS)
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
        self.query_one("#work", LiveTable).load(
            lambda limit: waiting_for(user, limit=limit), poll=poll
        )
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
        info = self.query_one("#step-info", Detail)
        if self.query_one("#work", LiveTable).at_more:
            info.update(MORE_HINT)
        elif row is None:
            start = " n: permintaan faks baru." if self.may_request() else ""
            info.update(f"Tidak ada pekerjaan yang menunggu Anda.{start}")
        else:
            info.update(
                f"#{row.item.id} {row.item.title}\n"
                f"{row.procedure.name} — langkah {row.step.number}: {row.step.name}"
            )

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_step()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.selected()
        if row is None:
            return
        screen = nav.screen_for_step(row.procedure.code, row.step.number, row.item.id)
        self.app.push_screen(screen or self.sop_help())

    def sop_help(self):
        """F1 (and Enter on an item no screen handles): the selected item's step in the SOP."""
        from tui.screens.help import item_help

        row = self.selected()
        return item_help(row.item if row else None)

    def may_request(self) -> bool:
        user = self.app.session.user
        return user is not None and user.has_role(PEMAKAI)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """`n` is offered to whoever may request a fax (the Pemakai)."""
        return self.may_request() if action == "new_request" else True

    def action_new_request(self) -> None:
        from tui.screens.fax.request import RequestFormScreen

        self.app.push_screen(RequestFormScreen())

    def action_reload(self) -> None:
        self.reload()

    def action_menu(self) -> None:
        from tui.screens.menu import MenuScreen

        self.app.push_screen(MenuScreen())

    def action_password(self) -> None:
        from tui.screens.password import PasswordScreen

        self.app.push_screen(PasswordScreen())
