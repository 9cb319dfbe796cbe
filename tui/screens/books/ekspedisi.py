"""Buku ekspedisi: letters handed over on paper, their tanda terima, and the printed receipts."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input

from model.base import now
from model.books import ekspedisi
from model.books.agenda import live_entry
from model.books.ekspedisi import EkspedisiEntry
from model.fax.records import FaxDestination, FaxRequest
from model.workflow.items import WorkItem
from tui.widgets.daterange import DATE_FORMAT, DATETIME_FORMAT, parse_date, parse_datetime
from tui.widgets.message import PROBLEMS, note
from tui.widgets.plain import DataTable, Label, Static
from tui.widgets.table import add_columns, at_cursor

COLUMNS = (("No", 4), ("Tanggal", 8), ("Nomor surat", 15), ("Kepada", 14), ("Perihal", 13),
           ("Lamp", 4), ("Diterima", 8))


def entry_cells(e: EkspedisiEntry) -> tuple:
    return (str(e.seq), f"{e.at:%d-%m-%y}", e.letter_number or "-", e.to, e.perihal,
            e.lampiran or "-", f"{e.received_at:%d-%m-%y}" if e.received_at else "belum")


def prefill(item_id: int) -> dict[str, str]:
    """The new entry's fields taken from a fax letter: its agenda number, perihal, tujuan."""
    item = WorkItem.get_by_id(item_id)
    req = FaxRequest.get_or_none(FaxRequest.item == item)
    dests = list(req.destinations.order_by(FaxDestination.id)) if req else []
    entry = live_entry(item)
    return {"to": ", ".join(d.name for d in dests), "number": entry.number if entry else "",
            "date": f"{entry.registered_at:{DATE_FORMAT}}" if entry else "",
            "perihal": item.title, "lampiran": req.attachment_name if req else ""}


class FormDialog(ModalScreen):
    """A small form: one labelled field a row, Simpan/Batal, the refusal shown in #message."""

    CSS_PATH = "ekspedisi.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Batal"), Binding("ctrl+s", "save", "Simpan")]
    TITLE_TEXT = ""
    FIELDS: tuple[tuple[str, str, str], ...] = ()  # id, label, placeholder

    def __init__(self, values: dict[str, str] | None = None, note: str = "") -> None:
        super().__init__()
        self.values, self.note = values or {}, note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-box"):
            yield Static(self.TITLE_TEXT, classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="form-note")
            for field_id, label, placeholder in self.FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label)
                    yield Input(self.values.get(field_id, ""), id=field_id, compact=True,
                                placeholder=placeholder)
            yield Static("", id="message")
            with Horizontal(classes="form-buttons"):
                yield Button("Simpan", id="save", variant="primary", compact=True)
                yield Button("Batal", id="cancel", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == self.FIELDS[-1][0]:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        values = {f[0]: self.query_one(f"#{f[0]}", Input).value.strip() for f in self.FIELDS}
        try:
            result = self.save(values)
        except (*PROBLEMS, ValueError) as exc:
            note(self, str(exc))
            return
        self.dismiss(result)

    def save(self, values: dict[str, str]):
        raise NotImplementedError


class EntryForm(FormDialog):
    """A new line of the buku ekspedisi (optionally for a fax letter)."""

    TITLE_TEXT = "Entri baru buku ekspedisi"
    FIELDS = (("to", "Kepada", "penerima surat"), ("number", "Nomor surat", ""),
              ("date", "Tanggal surat", "hh-bb-tttt"), ("perihal", "Perihal", ""),
              ("lampiran", "Lampiran", "mis. 1 berkas"))

    def __init__(self, item_id: int | None = None, values: dict[str, str] | None = None):
        super().__init__(values, f"Untuk surat #{item_id}" if item_id else "")
        self.item_id = item_id

    def save(self, values: dict[str, str]) -> EkspedisiEntry:
        letter_date: date | None = (parse_date(values["date"], "Tanggal surat")
                                    if values["date"] else None)
        item = WorkItem.get_by_id(self.item_id) if self.item_id else None
        return ekspedisi.add(self.app.session.user, to=values["to"], perihal=values["perihal"],
                             letter_number=values["number"], letter_date=letter_date,
                             lampiran=values["lampiran"], item=item)


class ReceiptForm(FormDialog):
    """Who signed the tanda terima, and when."""

    TITLE_TEXT = "Catat tanda terima"
    FIELDS = (("receiver", "Diterima oleh", "nama penerima"),
              ("at", "Waktu terima", "hh-bb-tttt jj:mm"))

    def __init__(self, entry: EkspedisiEntry):
        super().__init__({"at": f"{now():{DATETIME_FORMAT}}"},
                         f"Nomor {entry.seq}/{entry.year} kepada {entry.to}: {entry.perihal}")
        self.entry_id, self.sent_at = entry.id, entry.at

    def save(self, values: dict[str, str]) -> EkspedisiEntry:
        at = parse_datetime(values["at"], "Waktu terima")
        if at == self.sent_at.replace(second=0):
            at = self.sent_at  # typed to the minute: the minute the letter left counts
        return ekspedisi.record_receipt(self.app.session.user, self.entry_id,
                                        values["receiver"], at)


class EkspedisiScreen(Screen):
    """This year's buku ekspedisi; `n` new entry, `r` receipt, `p`/`a` print tanda terima."""

    CSS_PATH = "ekspedisi.tcss"
    BINDINGS = [
        Binding("escape", "back", "Kembali"),
        Binding("n", "new", "Entri baru"),
        Binding("r", "receipt", "Tanda terima"),
        Binding("p", "print_selected", "Cetak"),
        Binding("a", "print_open", "Cetak yg belum diterima"),
    ]

    def __init__(self, item_id: int | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.entries: list[EkspedisiEntry] = []

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
        year = now().year
        try:
            self.entries = ekspedisi.between(date(year, 1, 1), date(year, 12, 31))
        except PROBLEMS as exc:
            note(self, str(exc))
            return
        table = self.query_one("#entries", DataTable)
        keep = table.cursor_row
        table.clear()
        for e in self.entries:
            table.add_row(*entry_cells(e), key=str(e.id))
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
        letter = f"{e.letter_number or '-'}" + (f" tgl {e.letter_date:%d-%m-%Y}"
                                                 if e.letter_date else "")
        got = (f"diterima {e.receiver_name} {e.received_at:%d-%m-%Y %H:%M}" if e.received_at
               else "belum ada tanda terima")
        detail.update(f"{e.seq}/{e.year} · {e.at:%d-%m-%Y %H:%M} · {got}\n"
                      f"Kepada {e.to} · surat {letter} · {e.perihal} · "
                      f"lampiran {e.lampiran or '-'}")

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
        ids = [e.id for e in self.entries if e.received_at is None]
        if not ids:
            note(self, "Semua surat di buku ekspedisi tahun ini sudah ada tanda terimanya.")
            return
        self.print_receipts(ids)
