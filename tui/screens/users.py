"""Pengguna: the sysadmin's list of accounts; add, disable/enable, reset a password, unlock."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model import auth, roles
from model.auth import Account
from tui.dialogs.accounts import AddUserDialog, ConfirmDisable, PasswordDialog
from tui.keys import bind
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns, at_cursor

COLUMNS = (
    Column("Pengguna", whole=True),
    Column("Nama", 14, grow=True),
    Column("Peran", 15, drop=1),
    Column("Unit", 8, drop=2),
    Column("Status", whole=True),
)


class UsersScreen(Screen):
    CSS_PATH = "users.tcss"
    BINDINGS = [
        bind("escape", "back"),
        bind("n", "add"),
        bind("g", "password"),
        bind("o", "disable"),
        bind("o", "enable"),  # never both: one account is either active or not
        bind("u", "unlock"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.accounts: list[Account] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Pengguna Warkat", classes="section-title")
        yield DataTable(id="accounts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Pengguna"
        add_columns(self.query_one("#accounts", DataTable), COLUMNS)
        self.query_one("#message").display = False
        self.reload()
        self.query_one("#accounts", DataTable).focus()

    def reload(self, select: str | None = None) -> None:
        try:
            self.accounts = auth.accounts()
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        table = self.query_one("#accounts", DataTable)
        keep = table.cursor_row
        table.clear()
        for a in self.accounts:
            table.add_row(
                a.username,
                a.full_name,
                ", ".join(roles.SHORT[r] for r in a.roles),
                a.unit or "-",
                a.state,
                key=a.username,
            )
        names = [a.username for a in self.accounts]
        if select in names:
            table.move_cursor(row=names.index(select))
        elif names:
            table.move_cursor(row=min(keep, len(names) - 1))
        self.show_detail()

    def selected(self) -> Account | None:
        return at_cursor(self.query_one("#accounts", DataTable), self.accounts)

    def show_detail(self) -> None:
        a = self.selected()
        self.query_one("#detail", Static).update(
            f"{a.full_name} ({a.username}) · unit {a.unit or '-'} · {a.state}\n"
            f"Peran: {', '.join(roles.LABELS[r] for r in a.roles)}"
            if a
            else ""
        )
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        a, me = self.selected(), self.app.session.user
        rule = {
            "password": a is not None,
            "disable": a is not None and a.active and not (me and a.username == me.username),
            "enable": a is not None and not a.active,
            "unlock": a is not None and a.locked,
        }
        return rule.get(action, True)

    def done(self, text: str, username: str | None) -> None:
        say(self, text, ok=True)
        self.reload(select=username)

    def act(self, change, text: str) -> None:
        """Apply `change(username, by=…)` to the selected account; say `text` or the refusal."""
        a = self.selected()
        try:
            change(a.username, by=self.app.session.user)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.done(text.format(a.username), a.username)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_add(self) -> None:
        def added(username: str | None) -> None:
            if username:
                self.done(f"Pengguna {username} ditambahkan.", username)

        self.app.push_screen(AddUserDialog(), added)

    def action_password(self) -> None:
        a = self.selected()

        def reset(ok: bool | None) -> None:
            if ok:
                self.done(f"Kata sandi {a.username} diatur ulang.", a.username)

        self.app.push_screen(PasswordDialog(a), reset)

    def action_disable(self) -> None:
        a = self.selected()

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.act(
                    auth.disable,
                    "Pengguna {} dinonaktifkan; sesinya yang terbuka "
                    "berakhir pada aksi berikutnya.",
                )

        self.app.push_screen(ConfirmDisable(a), confirmed)

    def action_enable(self) -> None:
        self.act(auth.enable, "Pengguna {} diaktifkan kembali.")

    def action_unlock(self) -> None:
        self.act(auth.unlock, "Kunci akun {} dibuka.")
