"""The sysadmin's account forms: add a user, reset a password, confirm disabling."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from model import auth, roles
from model.auth import Account
from model.errors import Invalid
from model.fax.flow import units
from tui.dialogs.base import FormDialog
from tui.keys import bind
from tui.widgets.plain import Input, Label, Select, SelectionList, Static


class AccountDialog(FormDialog):
    """Enter moves to the next field; Ctrl+S (or the button) saves."""

    SAVE_BUTTON = "Simpan"

    def submitted(self, field: Input) -> None:
        self.focus_next()

    def new_password(self) -> str:
        if self.value("password") != self.value("again"):
            raise Invalid("Kata sandi dan ulangannya tidak sama.")
        return self.value("password")


class AddUserDialog(AccountDialog):
    """A new account: name, unit, roles and a first password; dismisses with its user name."""

    TITLE_TEXT = "Tambah pengguna"

    def compose_form(self) -> ComposeResult:
        with Horizontal(id="user-columns"):
            with Vertical(id="user-fields"):
                yield from self.field("username", "Nama pengguna")
                yield from self.field("full_name", "Nama lengkap")
                yield from self.field("nip", "NIP")
                with Horizontal(classes="field"):
                    yield Label("Unit")
                    yield Select(
                        [(u.name, u.code) for u in units()],
                        id="unit",
                        prompt="(tanpa unit)",
                        compact=True,
                    )
                yield from self.field("password", "Kata sandi", password=True)
                yield from self.field("again", "Ulangi sandi", password=True)
            yield SelectionList(*((roles.SHORT[r], r) for r in roles.ALL), id="roles")

    def on_mount(self) -> None:
        self.query_one("#roles", SelectionList).border_title = "Peran (spasi: pilih)"

    def save(self) -> str:
        unit = self.query_one("#unit", Select).value
        user = auth.add_user(
            self.value("username"),
            self.value("full_name"),
            self.new_password(),
            list(self.query_one("#roles").selected),
            unit_code=None if unit == Select.NULL else unit,
            nip=self.value("nip").strip(),
            by=self.app.session.user,
        )
        return user.username


class PasswordDialog(AccountDialog):
    """An administrator's password reset (the account's lockout is lifted too)."""

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account

    def heading(self) -> str:
        return f"Kata sandi baru untuk {self.account.full_name} ({self.account.username})"

    def compose_form(self) -> ComposeResult:
        yield from self.field("password", "Kata sandi", password=True)
        yield from self.field("again", "Ulangi sandi", password=True)

    def save(self) -> bool:
        auth.set_password(self.account.username, self.new_password(), by=self.app.session.user)
        return True


class ConfirmDisable(AccountDialog):
    """Enter confirms; the users screen then disables the account."""

    TITLE_TEXT = "Nonaktifkan pengguna"
    SAVE_BUTTON = "Nonaktifkan"
    BINDINGS = [bind("ctrl+s", "save", show=False, priority=True)]  # Enter: the focused button

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account

    def compose_form(self) -> ComposeResult:
        yield Static(
            f"{self.account.full_name} ({self.account.username}) tidak dapat masuk "
            "lagi; sesinya yang sedang terbuka berakhir pada aksi berikutnya."
        )

    def save(self) -> bool:
        return True
