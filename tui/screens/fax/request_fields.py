"""The fax request form's own fields: the destinations (typed, picked, listed, removed after a
confirmation), the attachment and klasifikasi inputs with their keys, a labelled row, and which
widgets a recovery copy and the error lines use."""

from __future__ import annotations

from contextlib import suppress

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets.select import InvalidSelectValueError

from model import contacts
from model.errors import Invalid
from model.fax import number as faxnumber
from tui.dialogs.question import confirm
from tui.keys import bind
from tui.widgets.message import say
from tui.widgets.plain import DataTable, Input, Select, Static

# model field (FaxDraft) -> the widget its problems are shown under, in the form's order
FIELD_WIDGETS = {
    "nota_number": "nota",
    "nota_date": "nota-date",
    "perihal": "perihal",
    "isi_berita": "isi",
    "destinations": "dest-name",
    "sifat": "sifat",
    "klasifikasi": "klas",
}
TEXTS = ("nota", "nota-date", "perihal", "klas")  # the Inputs a recovery copy holds
CHOICES = ("unit", "sifat", "derajat")  # and the Selects


class DestinationTable(DataTable):
    BINDINGS = [bind("delete,backspace", "remove")]

    def action_remove(self) -> None:
        self.screen.ask_remove_destination()


class AttachmentInput(Input):
    BINDINGS = [bind("f8", "remove")]

    def action_remove(self) -> None:
        self.screen.remove_attachment()


class KlasifikasiInput(Input):
    BINDINGS = [bind("f4", "pick")]

    def action_pick(self) -> None:
        self.screen.pick_klasifikasi()


def row(label: str, *widgets) -> Horizontal:
    return Horizontal(Static(label, classes="field-label"), *widgets, classes="field")


def choose(select: Select, value) -> None:
    """Set a Select from a copy; a choice no longer offered (a unit removed) is left as is."""
    with suppress(InvalidSelectValueError):
        select.value = value


class Destinations:
    """The form's destinations (mixed into the request form): typed or picked from the
    address book, checked as typed, removed after a confirmation."""

    destinations: list[tuple[str, str, str]]  # name, number, address book group

    def check_number(self, value: str) -> faxnumber.FaxNumber | None:
        check = self.query_one("#dest-check", Static)
        if not value.strip():
            check.update("")
            return None
        try:
            number = faxnumber.parse(value)
        except Invalid as exc:
            check.update(Text(str(exc), style="bold red"))
            return None
        check.update(Text(f"Nomor sah: {number.display}", style="green"))
        return number

    def add_typed_destination(self) -> None:
        name = self.query_one("#dest-name", Input)
        number = self.query_one("#dest-number", Input)
        if not name.value.strip():
            say(self, "Isi nama tujuan sebelum nomornya.")
            name.focus()
            return
        if self.add_destination(name.value.strip(), number.value):
            name.value = number.value = ""
            name.focus()

    def add_destination(self, name: str, value: str, group: str = "", quiet: bool = False) -> bool:
        number = self.check_number(value)
        if number is None:
            say(self, f"Tujuan {name} tidak ditambahkan: nomor faks tidak sah.")
            return False
        if any(faxnumber.parse(n) == number for _, n, _ in self.destinations):
            if not quiet:
                say(self, f"Nomor {number.display} sudah ada di daftar tujuan.")
            return False
        self.destinations.append((name, number.display, group))
        if quiet:
            return True
        say(self, "")
        self.show_destinations()
        self.changed()
        self.recheck()
        return True

    def add_group(self, group_id: int) -> None:
        """Every member of an address book group with a fax number, each marked with it."""
        picked = contacts.group_destinations(group_id)
        added = [d for d in picked if self.add_destination(d.name, d.number, d.group, quiet=True)]
        group = picked[0].group if picked else "grup ini"
        twice = len(picked) - len(added)
        say(
            self,
            f"{group}: {len(added)} tujuan ditambahkan"
            + (f", {twice} sudah ada di daftar." if twice else "."),
        )
        self.show_destinations()
        self.changed()
        self.recheck()

    def ask_remove_destination(self) -> None:
        """Backspace/Delete on the list: remove the destination under the cursor after Ya."""
        table = self.query_one("#dests", DataTable)
        if not self.destinations or table.cursor_row is None:
            return
        index = min(table.cursor_row, len(self.destinations) - 1)
        name, number, _ = self.destinations[index]
        confirm(
            self,
            "Hapus tujuan",
            f"Hapus tujuan {name} ({number}) dari daftar?",
            lambda: self.remove_destination(index),
        )

    def remove_destination(self, index: int) -> None:
        name, *_ = self.destinations.pop(index)
        say(self, f"Tujuan {name} dihapus.")
        self.show_destinations()
        self.changed()

    def show_destinations(self) -> None:
        table = self.query_one("#dests", DataTable)
        table.clear()
        for name, number, group in self.destinations:
            table.add_row(name, number, group)
        if not self.destinations:
            table.add_row("(belum ada tujuan)", "", "")
        table.styles.height = max(1, len(self.destinations))
