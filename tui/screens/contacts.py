"""Buku alamat (Administrasi Umum): the fax and email destinations of the office, and the
groups a letter can go to at once (Semua OPD, Semua Kecamatan …)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model import contacts
from tui.dialogs.contacts import ContactDialog, GroupDialog
from tui.dialogs.question import confirm
from tui.keys import bind
from tui.screens.help import HelpScreen
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns, at_cursor

GROUP_COLUMNS = (
    Column("Grup", 20, grow=True),
    Column("Faks", whole=True),
    Column("Keterangan", 16, drop=1),
)
CONTACT_COLUMNS = (
    Column("Nama", 18, grow=True),
    Column("Nomor faks", whole=True),
    Column("Email", 16, drop=1),
    Column("Instansi", 12, drop=2),
)


class ContactsScreen(Screen):
    CSS_PATH = "contacts.tcss"
    BINDINGS = [
        bind("escape", "app.pop_screen"),
        bind("n", "add"),
        bind("enter", "edit"),
        bind("delete", "remove"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.group_rows: list[contacts.ContactGroup] = []
        self.contact_rows: list[contacts.Contact] = []

    def sop_help(self) -> HelpScreen:
        return HelpScreen()

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="groups", cursor_type="row")
        yield DataTable(id="contacts", cursor_type="row")
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Buku alamat"
        add_columns(self.query_one("#groups", DataTable), GROUP_COLUMNS)
        add_columns(self.query_one("#contacts", DataTable), CONTACT_COLUMNS)
        self.query_one("#groups", DataTable).border_title = "Grup (Tab: ke kontak)"
        self.query_one("#contacts", DataTable).border_title = "Kontak"
        self.show()
        self.query_one("#groups", DataTable).focus()

    def show(self) -> None:
        groups = self.query_one("#groups", DataTable)
        keep = groups.cursor_row
        groups.clear()
        found = contacts.groups()
        self.group_rows = [g for g, _ in found]
        for g, faxes in found:
            groups.add_row(Text(g.name), str(faxes), Text(g.note))
        groups.move_cursor(row=min(keep, max(0, len(found) - 1)))
        table = self.query_one("#contacts", DataTable)
        keep = table.cursor_row
        table.clear()
        self.contact_rows = contacts.contacts()
        for c in self.contact_rows:
            table.add_row(Text(c.name), c.fax or "-", Text(c.email or "-"), Text(c.organisation))
        table.move_cursor(row=min(keep, max(0, len(self.contact_rows) - 1)))
        self.show_detail()

    @property
    def on_groups(self) -> bool:
        return self.focused is self.query_one("#groups", DataTable)

    def selected(self):
        """The group or contact under the cursor of the focused table."""
        if self.on_groups:
            return at_cursor(self.query_one("#groups", DataTable), self.group_rows)
        return at_cursor(self.query_one("#contacts", DataTable), self.contact_rows)

    def show_detail(self) -> None:
        chosen, detail = self.selected(), self.query_one("#detail", Static)
        if chosen is None:
            detail.update("Belum ada grup: n membuat grup baru." if self.on_groups else "")
        elif isinstance(chosen, contacts.ContactGroup):
            names = [c.name for c in contacts.members(chosen.id)]
            detail.update(Text(f"{chosen.name}: {', '.join(names) or '(tanpa anggota)'}"))
        else:
            groups = [m.group.name for m in chosen.memberships]
            detail.update(
                Text(f"{chosen.name} · {chosen.fax or '-'} · grup: {', '.join(groups) or '-'}")
            )

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_descendant_focus(self, _event) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def done(self, what: str):
        def shown(saved) -> None:
            if saved is not None:
                self.show()
                say(self, f"{what} {saved.name} disimpan.", ok=True)

        return shown

    def action_add(self) -> None:
        if self.on_groups:
            self.app.push_screen(GroupDialog(), self.done("Grup"))
        else:
            self.app.push_screen(ContactDialog(), self.done("Kontak"))

    def action_edit(self) -> None:
        chosen = self.selected()
        if isinstance(chosen, contacts.ContactGroup):
            self.app.push_screen(GroupDialog(chosen), self.done("Grup"))
        elif chosen is not None:
            self.app.push_screen(ContactDialog(chosen), self.done("Kontak"))

    def action_remove(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        group = isinstance(chosen, contacts.ContactGroup)
        delete = contacts.delete_group if group else contacts.delete_contact
        kind = "grup" if group else "kontak"
        note = " (kontaknya tetap di buku alamat)" if group else ""

        def remove() -> None:
            try:
                delete(self.app.session.user, chosen.id)
            except PROBLEMS as exc:
                say(self, str(exc))
                return
            self.show()
            say(self, f"{kind.capitalize()} {chosen.name} dihapus.", ok=True)

        confirm(self, f"Hapus {kind}", f"Hapus {kind} {chosen.name}{note}?", remove)
