"""Buku ekspedisi: letters handed over on paper, their tanda terima, and the printed receipts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.widgets import Footer

from model.base import now
from model.books import ekspedisi
from model.books.agenda import live_entry
from model.books.ekspedisi import EkspedisiEntry
from model.fax.records import FaxDestination, FaxRequest
from model.workflow.items import WorkItem
from tui.dialogs.ekspedisi_forms import EntryForm, ReceiptForm
from tui.keys import bind
from tui.widgets.daterange import DATE_FORMAT
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, note
from tui.widgets.pages import Pages
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns, at_cursor

COLUMNS = (
    Column("No", whole=True),
    Column("Tanggal", whole=True, drop=3),
    Column("Nomor surat", whole=True),
    Column("Kepada", 14, drop=2),
    Column("Perihal", 16, grow=True),
    Column("Lamp", 4, drop=4),
    Column("Diterima", whole=True, drop=1),
)


def entry_cells(e: EkspedisiEntry) -> tuple:
    return (
        str(e.seq),
        f"{e.at:%d-%m-%y}",
        e.letter_number or "-",
        e.to,
        e.perihal,
        e.lampiran or "-",
        f"{e.received_at:%d-%m-%y}" if e.received_at else "belum",
    )


def prefill(item_id: int) -> dict[str, str]:
    """The new entry's fields taken from a fax letter: its agenda number, perihal, tujuan."""
    item = WorkItem.get_by_id(item_id)
    req = FaxRequest.get_or_none(FaxRequest.item == item)
    dests = list(req.destinations.order_by(FaxDestination.id)) if req else []
    entry = live_entry(item)
    return {
        "to": ", ".join(d.name for d in dests),
        "number": entry.number if entry else "",
        "date": f"{entry.registered_at:{DATE_FORMAT}}" if entry else "",
        "perihal": item.title,
        "lampiran": req.attachment_name if req else "",
    }


class EkspedisiScreen(Screen):
    """This year's buku ekspedisi; `n` new entry, Enter its receipt, `c` prints its tanda
    terima (those of every letter not yet received: Ctrl+P)."""

    CSS_PATH = "ekspedisi.tcss"
    BINDINGS = [
        bind("escape", "back"),
        bind("n", "new"),
        bind("enter", "receipt", priority=True),
        bind("c", "print_selected"),
    ]

    def commands(self) -> Iterable[SystemCommand]:
        """Ctrl+P: the tanda terima of every letter not yet received."""
        yield SystemCommand(
            "Cetak tanda terima yang belum diterima",
            "Semua surat di buku ekspedisi tahun ini yang belum ada tanda terimanya",
            self.action_print_open,
        )

    def __init__(self, item_id: int | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.entries: list[EkspedisiEntry] = []  # those listed
        self.pages = Pages()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Buku ekspedisi tahun {now().year}", classes="section-title")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Buku ekspedisi"
        add_columns(self.query_one("#entries", DataTable), COLUMNS)
        self.reload()
        self.query_one("#entries", DataTable).focus()
        if self.item_id is not None:
            self.action_new()

    def reload(self, select: int | None = None) -> None:
        """This year's book, the pages listed (a few hundred lines: read here)."""
        year, limit = now().year, self.pages.limit
        try:
            found = ekspedisi.between(date(year, 1, 1), date(year, 12, 31), limit=limit)
        except PROBLEMS as exc:
            note(self, str(exc))
            return
        self.entries, more = Pages.cut(found, limit)
        table = self.query_one("#entries", DataTable)
        keep = table.cursor_row
        table.clear()
        for e in self.entries:
            table.add_row(*entry_cells(e), key=str(e.id))
        self.pages.add_more(table, more)
        ids = [e.id for e in self.entries]
        if select in ids:
            table.move_cursor(row=ids.index(select))
        elif ids:
            table.move_cursor(row=min(keep, len(ids) - 1))
        self.show_detail()

    def selected(self) -> EkspedisiEntry | None:
        return at_cursor(self.query_one("#entries", DataTable), self.entries)

    def show_detail(self) -> None:
        e = self.selected()
        detail = self.query_one("#detail", Static)
        if e is None:
            detail.update("Buku ekspedisi tahun ini masih kosong — n: entri baru.")
            return
        letter = f"{e.letter_number or '-'}" + (
            f" tgl {e.letter_date:%d-%m-%Y}" if e.letter_date else ""
        )
        got = (
            f"diterima {e.receiver_name} {e.received_at:%d-%m-%Y %H:%M}"
            if e.received_at
            else "belum ada tanda terima"
        )
        detail.update(
            f"{e.seq}/{e.year} · {e.at:%d-%m-%Y %H:%M} · {got}\n"
            f"Kepada {e.to} · surat {letter} · {e.perihal} · "
            f"lampiran {e.lampiran or '-'}"
        )

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def saved(self, entry: EkspedisiEntry | None) -> None:
        if entry is not None:
            note(self, "")
            self.reload(select=entry.id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_new(self) -> None:
        values = None
        if self.item_id is not None:
            try:
                values = prefill(self.item_id)
            except PROBLEMS as exc:
                note(self, str(exc))
        self.app.push_screen(EntryForm(self.item_id, values), self.saved)

    def action_receipt(self) -> None:
        """Enter: the receipt of the selected letter (on "lebih banyak": one page more)."""
        if self.pages.next(self.query_one("#entries", DataTable), len(self.entries)):
            self.reload()
            return
        e = self.selected()
        if e is not None:
            self.app.push_screen(ReceiptForm(e), self.saved)

    def print_receipts(self, ids: list[int]) -> None:
        from tui import printing
        from tui.dialogs.print_dialog import PrintDialog

        try:
            pdf, title = printing.receipts(ids)
        except (*PROBLEMS, OSError) as exc:
            note(self, str(exc))
            return
        self.app.push_screen(PrintDialog(pdf, title))

    def action_print_selected(self) -> None:
        e = self.selected()
        if e is not None:
            self.print_receipts([e.id])

    def action_print_open(self) -> None:
        year = now().year
        ids = ekspedisi.unreceived(date(year, 1, 1), date(year, 12, 31))
        if not ids:
            note(self, "Semua surat di buku ekspedisi tahun ini sudah ada tanda terimanya.")
            return
        self.print_receipts(ids)
