"""The SOP's books for a date range, read-only and printable: agenda, daily fax log, ekspedisi."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from model.base import now
from model.books import ekspedisi
from model.books.agenda import OUTGOING
from model.reports import registers as books
from tui.screens.books.ekspedisi import COLUMNS as EKSPEDISI_COLUMNS
from tui.screens.books.ekspedisi import entry_cells
from tui.widgets.daterange import DateRange, month_of
from tui.widgets.message import PROBLEMS, note
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import add_columns, at_cursor
from tui.widgets.tone import tone

AGENDA, FAX_LOG, EKSPEDISI = "agenda", "fax", "ekspedisi"
TITLES = {
    AGENDA: "Buku agenda berita keluar",
    FAX_LOG: "Buku laporan harian fax",
    EKSPEDISI: "Buku ekspedisi",
}
COLUMNS = {
    AGENDA: (("No", 4), ("Nomor agenda", 24), ("Tanggal", 8), ("Perihal", 18), ("Tujuan", 14)),
    FAX_LOG: (
        ("Waktu", 11),
        ("Tujuan", 14),
        ("Nomor", 12),
        ("Hal", 3),
        ("Hasil", 8),
        ("Via", 6),
        ("Nomor agenda", 24),
        ("Operator", 18),
    ),
    EKSPEDISI: EKSPEDISI_COLUMNS,
}


class BooksScreen(Screen):
    """One book at a time (keys 1–3), filtered by the period, printed with `p`."""

    CSS_PATH = "registers.tcss"
    BINDINGS = [
        Binding("escape", "back", "Kembali"),
        Binding("1", "book('agenda')", "Agenda"),
        Binding("2", "book('fax')", "Lap. fax"),
        Binding("3", "book('ekspedisi')", "Ekspedisi"),
        Binding("d", "period", "Periode"),
        Binding("p", "print", "Cetak"),
    ]

    def __init__(self, item_id: int | None = None) -> None:
        super().__init__()
        self.item_id = item_id  # books are not about one item; accepted for the step table
        self.book = AGENDA
        self.start, self.end = month_of(now().date())
        self.rows: list = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="book-tabs")
        yield DateRange(self.start, self.end, id="period")
        yield DataTable(id="book", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Buku-buku"
        self.load()
        self.query_one("#book", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.load()

    def on_date_range_changed(self, event: DateRange.Changed) -> None:
        self.start, self.end = event.start, event.end
        self.load()
        self.query_one("#book", DataTable).focus()

    def load(self) -> None:
        tabs = Text()
        for n, (code, title) in enumerate(TITLES.items(), start=1):
            style = "bold reverse" if code == self.book else "dim"
            tabs.append(f" {n} {title} ", style)
            tabs.append(" ")
        self.query_one("#book-tabs", Static).update(tabs)
        try:
            self.rows = self.fetch()
        except PROBLEMS as exc:
            note(self, str(exc))
            return
        table = self.query_one("#book", DataTable)
        table.clear(columns=True)
        add_columns(table, COLUMNS[self.book])
        for row in self.rows:
            table.add_row(*self.cells(row))
        self.show_detail()

    def fetch(self) -> list:
        if self.book == AGENDA:
            return books.agenda_between(OUTGOING, self.start, self.end)
        if self.book == FAX_LOG:
            return books.fax_log_between(self.start, self.end)
        return ekspedisi.between(self.start, self.end)

    def cells(self, row) -> tuple:
        if self.book == AGENDA:
            perihal = Text(f"BATAL: {row.void_reason}", tone("error")) if row.void else row.perihal
            return (str(row.seq), row.number, f"{row.registered_at:%d-%m-%y}", perihal, row.party)
        if self.book == FAX_LOG:
            hasil = (
                Text("Berhasil", tone("success"))
                if row.ok
                else Text("Gagal", tone("error", "bold"))
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

    def show_detail(self) -> None:
        table = self.query_one("#book", DataTable)
        period = f"{self.start:%d-%m-%Y} s.d. {self.end:%d-%m-%Y}"
        text = f"{len(self.rows)} baris, {period}."
        row = at_cursor(table, self.rows)
        if row is not None:
            if self.book == AGENDA:
                text = f"{row.number} · {row.perihal} · tujuan {row.party}"
            elif self.book == FAX_LOG:
                who = row.operator.full_name if row.operator else "-"
                text = (
                    f"{row.at:%d-%m-%Y %H:%M} {row.to_name} {row.number} · {row.result} · "
                    f"{row.via} · {row.agenda_number or '-'} · {who}"
                )
            else:
                got = (
                    f"diterima {row.receiver_name} {row.received_at:%d-%m-%Y %H:%M}"
                    if row.received_at
                    else "belum ada tanda terima"
                )
                text = f"{row.seq}/{row.year} kepada {row.to} · {row.perihal} · {got}"
        self.query_one("#detail", Static).update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_book(self, code: str) -> None:
        self.book = code
        note(self, "")
        self.load()

    def action_period(self) -> None:
        self.query_one("#dr-start").focus()

    def action_print(self) -> None:
        """Agenda and ekspedisi print the range; the fax book prints one report per day."""
        from tui import printing

        if not self.query_one(DateRange).apply():
            return
        try:
            if self.book == AGENDA:
                documents = [printing.agenda_book(OUTGOING, self.start, self.end)]
            elif self.book == FAX_LOG:
                days = sorted({r.at.date() for r in self.rows})
                if self.start == self.end:
                    days = [self.start]
                if not days:
                    note(self, "Tidak ada pengiriman faks pada periode ini.")
                    return
                documents = [printing.daily_fax_report(day) for day in days]
                if len(days) > 1:
                    note(self, f"Laporan harian fax dicetak per hari: {len(days)} hari.")
            else:
                if not self.rows:
                    note(self, "Tidak ada entri ekspedisi pada periode ini.")
                    return
                documents = [printing.receipts([r.id for r in self.rows])]
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
