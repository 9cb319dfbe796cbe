"""The buku agenda berita keluar / surat masuk by year: search, void a number, print."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from model.base import now
from model.books import agenda
from model.db import write
from model.email_in.letter import LetterRow, letters_of
from model.roles import ADMIN_UMUM
from tui.dialogs.reason import ReasonDialog
from tui.keys import bind
from tui.screens.help import HelpScreen, item_help
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, say
from tui.widgets.pages import Pages
from tui.widgets.plain import DataTable, Input, Label, Static
from tui.widgets.search import Search
from tui.widgets.table import Column, add_columns, at_cursor
from tui.widgets.tone import tone

BookRead = tuple[str, int, list[agenda.AgendaEntry], dict[int, LetterRow], bool]  # a read


def book_columns(party: str) -> tuple[Column, ...]:
    """The columns of a book whose other party is `party` (Tujuan or Asal)."""
    return (
        Column("No.", whole=True),
        Column("Nomor agenda", whole=True),
        Column("Tanggal", whole=True, drop=2),
        Column("Perihal", 14, grow=True),
        Column(party, 10, drop=1),
        Column("Status", 6, drop=3),
    )


class AgendaBookScreen(Screen):
    CSS_PATH = "agenda_book.tcss"
    BINDINGS = [
        bind("left_square_bracket,minus", "year(-1)", key_display="[ ]"),
        bind("right_square_bracket,plus", "year(1)", show=False),
        bind("f6", "toggle"),
        bind("slash", "search", key_display="/", show=False),  # the search field says Cari
        bind("x", "void"),
        bind("c", "print"),
        bind("escape", "app.pop_screen"),
    ]

    def __init__(self, item_id: int | None = None, book: str = agenda.OUTGOING):
        super().__init__()
        self.item_id, self.book, self.year = item_id, book, now().year
        self.entries: list[agenda.AgendaEntry] = []
        self.letters: dict[int, LetterRow] = {}  # incoming: the letters by item id
        self.follow = item_id  # the item the cursor goes to once its entry is listed
        self.pages = Pages()
        self.search = Search(
            self,
            self.fetch,
            self.show_book,
            lambda text: say(self, text),
            typed=lambda: self.query_one("#search", Input).value,
            found=lambda shown: len(shown[2]),
        )

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        entry = self.selected()
        return item_help(entry.item if entry else None)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="message")
        yield Horizontal(
            Static("", id="book-title"),
            Label("Cari: "),
            Input(id="search", compact=True, placeholder="nomor, perihal, tujuan"),
            id="book-bar",
        )
        yield DataTable(id="book", cursor_type="row", zebra_stripes=True)
        yield Static("", id="entry")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Buku agenda"
        add_columns(self.query_one(DataTable), book_columns("Tujuan/Asal"))
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        """Read the book again from its first page (its year, book or search changed)."""
        self.pages.first()
        self.search.now()

    def fetch(self):
        """The read of the book shown (the book and year of the followed item, first)."""
        book, year, text = self.book, self.year, self.query_one("#search", Input).value
        locate, self.item_id, limit = self.item_id, None, self.pages.limit

        def read() -> BookRead:
            entry = (
                agenda.AgendaEntry.get_or_none(agenda.AgendaEntry.item == locate)
                if locate is not None
                else None
            )
            where = (entry.book, entry.year) if entry else (book, year)
            entries, more = Pages.cut(agenda.book_entries(*where, text, limit), limit)
            incoming = where[0] == agenda.INCOMING
            ids = [e.item_id for e in entries if e.item_id]
            return (*where, entries, letters_of(ids) if incoming else {}, more)

        return read

    def show_book(self, found: BookRead) -> None:
        self.book, self.year, self.entries, self.letters, more = found
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self.query_one("#book-title", Static).update(f"{agenda.BOOK_NAMES[self.book]} {self.year}")
        party = "Tujuan" if self.book == agenda.OUTGOING else "Asal"
        self.query_one("#search", Input).placeholder = f"nomor, perihal, {party.lower()}"
        table.clear()
        add_columns(table, book_columns(party))
        for e in self.entries:
            status = (
                Text(f"BATAL: {e.void_reason}", style=tone("error", "bold strike"))
                if e.void
                else "sah"
            )
            table.add_row(
                str(e.seq),
                e.number,
                f"{e.registered_at:%d-%m}",
                e.perihal,
                e.party,
                status,
                key=str(e.id),
            )
        self.pages.add_more(table, more)
        ids = [e.item_id for e in self.entries]
        if self.follow in ids:
            table.move_cursor(row=ids.index(self.follow))
            self.follow = None
        elif self.entries:
            table.move_cursor(row=min(keep or 0, len(self.entries) - 1))
        self.show_entry()

    def selected(self) -> agenda.AgendaEntry | None:
        return at_cursor(self.query_one(DataTable), self.entries)

    def show_entry(self) -> None:
        e = self.selected()
        info = self.query_one("#entry", Static)
        if e is None:
            info.update("Tidak ada entri pada buku ini untuk tahun dan pencarian ini.")
            return
        text = Text(
            f"{e.number}  {e.registered_at:%d-%m-%Y %H:%M}\n{e.perihal}\n"
            f"{'Tujuan' if self.book == agenda.OUTGOING else 'Asal'}: {e.party}"
        )
        letter = self.letters.get(e.item_id)
        if letter is not None:
            day = f"{letter.day:%d-%m-%Y}" if letter.day else "-"
            text.append(
                f" · surat {letter.number or '-'} tgl {day}\n"
                f"Diteruskan kepada: {', '.join(letter.forward_to) or '-'}"
            )
        if e.void:
            text.append(f"\nDIBATALKAN: {e.void_reason}", style=tone("error", "bold"))
        info.update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_entry()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on "lebih banyak": one page more."""
        if self.pages.next(self.query_one(DataTable), len(self.entries)):
            self.search.now()

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.pages.first()
        self.search.changed()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_year(self, step: int) -> None:
        self.year += step
        self.reload()

    def action_toggle(self) -> None:
        self.book = agenda.INCOMING if self.book == agenda.OUTGOING else agenda.OUTGOING
        self.reload()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_void(self) -> None:
        if not self.app.session.user.has_role(ADMIN_UMUM):
            say(self, "Hanya Administrasi Umum yang boleh membatalkan nomor agenda.")
            return
        entry = self.selected()
        if entry is None:
            return
        if entry.void:
            say(self, f"Nomor {entry.number} sudah dibatalkan.")
            return

        def void(reason: str) -> None:
            with write():
                agenda.void(entry.id, self.app.session.user, reason)

        def done(ok: bool | None) -> None:
            if ok:
                say(self, "")
                self.app.notify(f"Nomor {entry.number} dibatalkan (tetap tercatat di buku).")
                self.reload()

        self.app.push_screen(
            ReasonDialog(f"Batalkan nomor {entry.number}", "Alasan pembatalan (wajib)", void), done
        )

    def action_print(self) -> None:
        from tui import printing
        from tui.dialogs.print_dialog import PrintDialog

        try:
            document = printing.agenda_book(
                self.book, date(self.year, 1, 1), date(self.year, 12, 31)
            )
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.app.push_screen(PrintDialog(*document))
