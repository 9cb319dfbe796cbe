"""Pengguna: the sysadmin's list of accounts; add, disable/enable, reset a password, unlock."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input

from model import auth, roles
from model.auth import Account
from model.errors import Invalid
from model.fax.flow import units
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Label, Select, SelectionList, Static
from tui.widgets.table import add_columns, at_cursor

COLUMNS = (("Pengguna", 10), ("Nama", 16), ("Peran", 15), ("Unit", 8), ("Status", 19))


class UsersScreen(Screen):
    CSS_PATH = "users.tcss"
    BINDINGS = [
        Binding("escape", "back", "Kembali"),
        Binding("n", "add", "Tambah"),
        Binding("s", "password", "Sandi baru"),
        Binding("x", "disable", "Nonaktifkan"),
        Binding("a", "enable", "Aktifkan"),
        Binding("u", "unlock", "Buka kunci"),
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
            table.add_row(a.username, a.full_name, ", ".join(roles.SHORT[r] for r in a.roles),
                          a.unit or "-", a.state, key=a.username)
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
            f"Peran: {', '.join(roles.LABELS[r] for r in a.roles)}" if a else "")
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        a, me = self.selected(), self.app.session.user
        rule = {"password": a is not None,
                "disable": a is not None and a.active and not (me and a.username == me.username),
                "enable": a is not None and not a.active,
                "unlock": a is not None and a.locked}
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
                self.act(auth.disable, "Pengguna {} dinonaktifkan; sesinya yang terbuka "
                                       "berakhir pada aksi berikutnya.")

        self.app.push_screen(ConfirmDisable(a), confirmed)

    def action_enable(self) -> None:
        self.act(auth.enable, "Pengguna {} diaktifkan kembali.")

    def action_unlock(self) -> None:
        self.act(auth.unlock, "Kunci akun {} dibuka.")


class UserDialog(ModalScreen):
    """A small form of the Pengguna screen; `save()` raises the refusal shown in #message."""

    CSS_PATH = "users.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Batal"), Binding("ctrl+s", "save", "Simpan")]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.focus_next()

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def action_save(self) -> None:
        try:
            result = self.save()
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.dismiss(result)

    def save(self):
        raise NotImplementedError

    def buttons(self, label: str) -> ComposeResult:
        yield Static("", id="message")
        with Horizontal(classes="user-buttons"):
            yield Button(label, id="save", variant="primary", compact=True)
            yield Button("Batal", id="cancel", compact=True)

    def field(self, field_id: str, label: str, password: bool = False) -> ComposeResult:
        with Horizontal(classes="user-field"):
            yield Label(label)
            yield Input(id=field_id, password=password, compact=True)

    def new_password(self) -> str:
        if self.value("password") != self.value("again"):
            raise Invalid("Kata sandi dan ulangannya tidak sama.")
        return self.value("password")


class AddUserDialog(UserDialog):
    """A new account: name, unit, roles and a first password."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="user-form"):
            yield Static("Tambah pengguna", classes="dialog-title")
            with Horizontal(id="user-columns"):
                with Vertical(id="user-fields"):
                    yield from self.field("username", "Nama pengguna")
                    yield from self.field("full_name", "Nama lengkap")
                    yield from self.field("nip", "NIP")
                    with Horizontal(classes="user-field"):
                        yield Label("Unit")
                        yield Select([(u.name, u.code) for u in units()], id="unit",
                                     prompt="(tanpa unit)", compact=True)
                    yield from self.field("password", "Kata sandi", password=True)
                    yield from self.field("again", "Ulangi sandi", password=True)
                yield SelectionList(*((roles.SHORT[r], r) for r in roles.ALL), id="roles")
            yield from self.buttons("Simpan")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#roles", SelectionList).border_title = "Peran (spasi: pilih)"

    def save(self) -> str:
        unit = self.query_one("#unit", Select).value
        user = auth.add_user(self.value("username"), self.value("full_name"),
                             self.new_password(), list(self.query_one("#roles").selected),
                             unit_code=None if unit == Select.NULL else unit,
                             nip=self.value("nip").strip(), by=self.app.session.user)
        return user.username


class PasswordDialog(UserDialog):
    """An administrator's password reset (the account's lockout is lifted too)."""

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="password-form"):
            yield Static(f"Kata sandi baru untuk {self.account.full_name} "
                         f"({self.account.username})", classes="dialog-title")
            yield from self.field("password", "Kata sandi", password=True)
            yield from self.field("again", "Ulangi sandi", password=True)
            yield from self.buttons("Simpan")
        yield Footer(compact=True, show_command_palette=False)

    def save(self) -> bool:
        auth.set_password(self.account.username, self.new_password(), by=self.app.session.user)
        return True


class ConfirmDisable(UserDialog):
    BINDINGS = [Binding("escape", "dismiss(None)", "Batal"),
                Binding("enter", "save", "Nonaktifkan")]

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="disable-form"):
            yield Static("Nonaktifkan pengguna", classes="dialog-title")
            yield Static(f"{self.account.full_name} ({self.account.username}) tidak dapat masuk "
                         "lagi; sesinya yang sedang terbuka berakhir pada aksi berikutnya.")
            yield from self.buttons("Nonaktifkan")
        yield Footer(compact=True, show_command_palette=False)

    def save(self) -> bool:
        return True
