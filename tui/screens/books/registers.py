"""The SOP's books for a date range, searchable, read-only and printable: the agenda books
(berita keluar, surat masuk), the daily fax log and the ekspedisi book."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from model.base import now
from model.books import ekspedisi
from model.books.agenda import INCOMING, OUTGOING
from model.reports import registers as books
from tui.keys import bind
from tui.screens.books.ekspedisi import COLUMNS as EKSPEDISI_COLUMNS
from tui.screens.books.ekspedisi import entry_cells
from tui.widgets.daterange import DateRange, month_of
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, note
from tui.widgets.pages import Pages
from tui.widgets.plain import DataTable, Input, Label, Static
from tui.widgets.search import Search
from tui.widgets.table import Column, add_columns, at_cursor
from tui.widgets.tone import tone

AGENDA, AGENDA_IN, FAX_LOG, EKSPEDISI = "agenda", "agenda_masuk", "fax", "ekspedisi"
TITLES = {
    AGENDA: "Buku agenda berita keluar",
    AGENDA_IN: "Buku agenda surat masuk",
    FAX_LOG: "Buku laporan harian fax",
    EKSPEDISI: "Buku ekspedisi",
}
TABS = {
    AGENDA: "Agenda keluar",
    AGENDA_IN: "Agenda masuk",
    FAX_LOG: "Lap. fax",
    EKSPEDISI: "Ekspedisi",
}
# the fields each book's search looks in, as the model's read searches them
HINTS = {
    AGENDA: "nomor agenda, perihal, tujuan",
    AGENDA_IN: "nomor agenda, perihal, asal",
    FAX_LOG: "tujuan, nomor faks, nomor agenda, operator",
    EKSPEDISI: "kepada, nomor surat, perihal, penerima",
}
AGENDA_COLUMNS = (
    Column("No", whole=True),
    Column("Nomor agenda", whole=True),
    Column("Tanggal", whole=True, drop=2),
    Column("Perihal", 14, grow=True),
)
COLUMNS = {
    AGENDA: (*AGENDA_COLUMNS, Column("Tujuan", 12, drop=1)),
    AGENDA_IN: (*AGENDA_COLUMNS, Column("Asal", 12, drop=1)),
    FAX_LOG: (
        Column("Waktu", whole=True),
        Column("Tujuan", 12, grow=True),
        Column("Nomor", whole=True, drop=3),
        Column("Hal", whole=True, drop=4),
        Column("Hasil", whole=True),
        Column("Via", whole=True, drop=5),
        Column("Nomor agenda", whole=True, drop=2),
        Column("Operator", 12, drop=6),
    ),
    EKSPEDISI: EKSPEDISI_COLUMNS,
}
AGENDA_BOOKS = {AGENDA: OUTGOING, AGENDA_IN: INCOMING}


def read_book(book: str, start, end, text: str, limit: int | None = None) -> list:
    """The rows of `book` in the period whose searched fields hold `text` (the first `limit`)."""
    if book in AGENDA_BOOKS:
        return books.agenda_between(AGENDA_BOOKS[book], start, end, text, limit)
    if book == FAX_LOG:
        return books.fax_log_between(start, end, text, limit)
    return ekspedisi.between(start, end, text, limit)


def cells(book: str, row) -> tuple:
    if book in AGENDA_BOOKS:
        perihal = Text(f"BATAL: {row.void_reason}", tone("error")) if row.void else row.perihal
        return (str(row.seq), row.number, f"{row.registered_at:%d-%m-%y}", perihal, row.party)
    if book == FAX_LOG:
        hasil = (
            Text("Berhasil", tone("success")) if row.ok else Text("Gagal", tone("error", "bold"))
        )
        return (
            f"{row.at:%d-%m %H:%M}",
            row.to_name,
            row.number,
            str(row.pages),
            hasil,
            row.via,
            row.agenda_number or "-",
            row.operator.full_name if row.operator else "-",
        )
    return entry_cells(row)


def detail(book: str, row) -> str:
    """The whole of the highlighted row, under the table."""
    if book in AGENDA_BOOKS:
        party = "tujuan" if book == AGENDA else "asal"
        void = f" · DIBATALKAN: {row.void_reason}" if row.void else ""
        return f"{row.number} · {row.perihal} · {party} {row.party}{void}"
    if book == FAX_LOG:
        who = row.operator.full_name if row.operator else "-"
        return (
            f"{row.at:%d-%m-%Y %H:%M} {row.to_name} {row.number} · {row.result} · "
            f"{row.via} · {row.agenda_number or '-'} · {who}"
        )
    got = (
        f"diterima {row.receiver_name} {row.received_at:%d-%m-%Y %H:%M}"
        if row.received_at
        else "belum ada tanda terima"
    )
    return f"{row.seq}/{row.year} kepada {row.to} · {row.perihal} · {got}"


class BooksScreen(Screen):
    """One book at a time (keys 1–4), filtered by the period and what is typed in Cari,
    printed with `p`."""

    CSS_PATH = "registers.tcss"
    BINDINGS = [
        bind("escape", "back"),
        bind("1", "book('agenda')", show=False),  # the tab line shows 1–4
        bind("2", "book('agenda_masuk')", show=False),
        bind("3", "book('fax')", show=False),
        bind("4", "book('ekspedisi')", show=False),
        bind("p", "period"),
        bind("slash", "search", key_display="/"),
        bind("c", "print"),
    ]

    def __init__(self, item_id: int | None = None, book: str = AGENDA) -> None:
        super().__init__()
        self.item_id = item_id  # books are not about one item; accepted for the step table
        self.book = book
        self.start, self.end = month_of(now().date())
        self.rows: list = []  # the rows listed
        self.pages = Pages()
        self.search = Search(
            self,
            self.fetch,
            self.show_rows,
            lambda text: note(self, text),
            typed=lambda: self.query_one("#search", Input).value,
            found=lambda shown: len(shown[1]),
        )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="book-tabs")
        yield DateRange(self.start, self.end, id="period")
        yield Horizontal(
            Label("Cari"),
            Input(id="search", compact=True, placeholder=HINTS[self.book]),
            id="search-row",
        )
        yield DataTable(id="book", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Warkat"
        self.load()
        self.query_one("#book", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.load()

    def on_date_range_changed(self, event: DateRange.Changed) -> None:
        self.start, self.end = event.start, event.end
        self.load()
        self.query_one("#book", DataTable).focus()

    def load(self) -> None:
        """Show which book this is, then read it in a worker."""
        self.sub_title = f"Buku-buku · {TITLES[self.book]}"
        tabs = Text()
        for n, (code, label) in enumerate(TABS.items(), start=1):
            tabs.append(f" {n} {label} ", "bold reverse" if code == self.book else "dim")
            tabs.append(" ")
        self.query_one("#book-tabs", Static).update(tabs)
        self.query_one("#search", Input).placeholder = HINTS[self.book]
        self.pages.first()
        self.search.now()

    def fetch(self):
        """The read of the book shown, for the period and what is typed (in a worker)."""
        book, start, end, limit = self.book, self.start, self.end, self.pages.limit
        text = self.query_one("#search", Input).value

        def read() -> tuple[str, list[tuple], bool]:
            rows, more = Pages.cut(read_book(book, start, end, text, limit), limit)
            return book, [(row, cells(book, row)) for row in rows], more

        return read

    def show_rows(self, shown: tuple[str, list[tuple], bool]) -> None:
        book, found, more = shown
        self.rows = [row for row, _cells in found]
        table = self.query_one("#book", DataTable)
        keep = table.cursor_row if self.pages.count > 1 else 0
        table.clear(columns=True)
        add_columns(table, COLUMNS[book])
        for _row, row_cells in found:
            table.add_row(*row_cells)
        self.pages.add_more(table, more)
        if keep and self.rows:  # after "lebih banyak": on the first row of the new page
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.show_detail()

    def show_detail(self) -> None:
        row = at_cursor(self.query_one("#book", DataTable), self.rows)
        if row is not None:
            text = detail(self.book, row)
        else:
            text = f"{len(self.rows)} baris, {self.start:%d-%m-%Y} s.d. {self.end:%d-%m-%Y}."
        self.query_one("#detail", Static).update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on "lebih banyak": one page more."""
        if self.pages.next(self.query_one("#book", DataTable), len(self.rows)):
            self.search.now()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.pages.first()
            self.search.changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one("#book", DataTable).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_book(self, code: str) -> None:
        self.book = code
        note(self, "")
        self.load()

    def action_period(self) -> None:
        self.query_one("#dr-start").focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_print(self) -> None:
        """Agenda books print the whole period; the fax book prints one report per day, the
        ekspedisi book the receipts of the entries listed."""
        from tui import printing

        if not self.query_one(DateRange).apply():
            return
        try:
            if self.book in AGENDA_BOOKS:
                documents = [printing.agenda_book(AGENDA_BOOKS[self.book], self.start, self.end)]
            elif self.book == FAX_LOG:
                text = self.query_one("#search", Input).value
                days = sorted({r.at.date() for r in read_book(FAX_LOG, self.start, self.end, text)})
                if self.start == self.end:
                    days = [self.start]
                if not days:
                    note(self, "Tidak ada pengiriman faks pada periode ini.")
                    return
                documents = [printing.daily_fax_report(day) for day in days]
                if len(days) > 1:
                    note(self, f"Laporan harian fax dicetak per hari: {len(days)} hari.")
            else:
                text = self.query_one("#search", Input).value
                ids = [r.id for r in read_book(self.book, self.start, self.end, text)]
                if not ids:
                    note(self, "Tidak ada entri ekspedisi pada periode ini.")
                    return
                documents = [printing.receipts(ids)]
        except (*PROBLEMS, OSError) as exc:
            note(self, str(exc))
            return
        self.show_documents(documents)

    def show_documents(self, documents: list[tuple[bytes, str]]) -> None:
        """One print dialog after another."""
        from tui.dialogs.print_dialog import PrintDialog

        if documents:
            pdf, title = documents[0]
            self.app.push_screen(
                PrintDialog(pdf, title), lambda _result: self.show_documents(documents[1:])
            )
