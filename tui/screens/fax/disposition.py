"""Procedure 1 step 2 (Kasi Persandian): read a request, dispose it or return it.

Also the read-only views of a request that the other fax screens share.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from model.books import klasifikasi
from model.books.agenda import agenda_number
from model.fax import flow as fax_flow
from model.fax import number as faxnumber
from model.fax.queue_rows import FaxRow, fax_rows
from model.fax.records import INSTRUCTIONS, FaxDestination, FaxRequest
from model.org import User
from model.roles import SHORT
from model.sop import DONE, FAX
from model.sop import number as step_number
from model.workflow.history import log_words
from model.workflow.items import StepLog, WorkItem
from tui.keys import bind
from tui.screens.help import HelpScreen, item_help
from tui.screens.queue import QueueScreen
from tui.widgets.clock import CLOCK, StepClock, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Input, Label, Static
from tui.widgets.table import Column
from tui.widgets.toggles import Checkbox

DEFAULT_INSTRUCTION = INSTRUCTIONS[0]


def size_text(size: int) -> str:
    return f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB"


def request_or_none(item: WorkItem) -> FaxRequest | None:
    return FaxRequest.get_or_none(FaxRequest.item == item.id)


def request_text(item: WorkItem) -> Text:
    """Everything the requester filled in, as read by the next roles."""
    text = Text()
    text.append(f"#{item.id}  {item.title}\n", style="bold")
    req = request_or_none(item)
    if req is None:
        text.append("Data nota dinas dan isi berita belum ada pada item ini.\n", style="red")
        return text
    tanggal = f"{req.nota_date:%d-%m-%Y}" if req.nota_date else "-"
    unit = req.from_unit.name if req.from_unit else "-"
    text.append(
        f"Nota dinas : {req.nota_number or '-'}  tanggal {tanggal}\n"
        f"Dari       : {unit}\n"
        f"Sifat      : {item.sifat}    Derajat: {item.derajat}\n"
    )
    found = klasifikasi.Klasifikasi.get_or_none(klasifikasi.Klasifikasi.kode == req.klasifikasi)
    text.append(f"Klasifikasi: {req.klasifikasi or '-'}{' — ' + found.uraian if found else ''}\n")
    for dest in req.destinations.order_by(FaxDestination.id):
        number = faxnumber.FaxNumber(dest.number, dest.extension).display
        text.append(f"Tujuan     : {dest.name} ({number})\n")
    attached = (
        f"{req.attachment_name} ({size_text(len(req.attachment or b''))})"
        if req.attachment_name
        else "-"
    )
    text.append(
        f"Lampiran   : {attached}\n"
        f"Resolusi   : {'halus' if req.fine else 'standar'}, "
        f"perkiraan {req.pages} halaman isi berita\n"
    )
    text.append("Isi berita:\n", style="bold")
    text.append(req.isi_berita or "(kosong)")
    return text


def history_text(item: WorkItem) -> Text:
    text = Text("\nRiwayat\n", style="bold")
    for log in item.log.order_by(StepLog.id):
        who = log.actor.full_name if log.actor else "sistem"
        role = SHORT.get(log.role, log.role)
        text.append(f"{log.at:%d-%m %H:%M}  {who} ({role})\n", style="bold")
        text.append(f"  {log_words(item.procedure, log)}\n", style="")
        if log.note:
            text.append(f"  {log.note}\n", style="italic")
    return text


def last_return(item: WorkItem) -> str:
    """The reason of the latest return to the requester, if any."""
    log = item.log.where(StepLog.action == "kembalikan").order_by(StepLog.id.desc()).first()
    return log.note if log else ""


def where_text(item: WorkItem) -> str:
    if item.step == DONE:
        return "Selesai (diarsipkan)"
    return f"Langkah {item.step}: {item.sop_step.name}"


class RequestDetail(ModalScreen):
    """Read-only view of a submitted request and its history."""

    CSS_PATH = "disposition.tcss"
    BINDINGS = [bind("escape", "dismiss")]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.item_id)

    def compose(self) -> ComposeResult:
        item = WorkItem.get_by_id(self.item_id)
        body = request_text(item)
        number = agenda_number(item)
        body.append(f"\n\nPosisi: {where_text(item)}\nNomor agenda: {number or '-'}")
        body.append_text(history_text(item))
        with VerticalScroll(id="detail-body", classes="dialog"):
            yield StepClock(self.item_id)
            yield Static(body)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()


def print_disposition(screen: Screen, item_id: int) -> None:
    """Open the print dialog with the lembar disposisi of `item_id`."""
    from tui import printing
    from tui.dialogs.print_dialog import PrintDialog

    if request_or_none(WorkItem.get_by_id(item_id)) is None:
        say(
            screen,
            f"Item #{item_id} tidak memiliki nota dinas: lembar disposisi tidak dapat dicetak.",
        )
        return
    screen.app.push_screen(PrintDialog(*printing.disposition_sheet(item_id)))


class DispositionScreen(QueueScreen):
    """The Kasi's queue of fax requests at step 2, most urgent then oldest."""

    CSS_PATH = "disposition.tcss"
    BINDINGS = [
        bind("enter", "open", priority=True),
        bind("c", "print"),
        bind("f5", "reload"),
        bind("escape", "app.pop_screen"),
    ]
    ACTIONS, SUB_TITLE = ("disposisi", "kembalikan"), "Disposisi"
    COLUMNS = (
        Column("No", whole=True),
        Column("Perihal", 20, grow=True),
        Column("Dari", 12, drop=2),
        Column("Sifat", whole=True, drop=3),
        Column("Derajat", whole=True, drop=1),
        CLOCK,
    )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="message")
        yield Static(
            f"Permintaan faks menunggu disposisi (langkah {step_number(FAX, 'disposisi')})",
            classes="section-title",
        )
        yield LiveTable(lambda e: self.cells(e.row), id="queue")
        yield Static("", id="where")
        yield StepClock()
        yield Footer()

    def on_mount(self) -> None:
        """Open the given request (QueueScreen's on_mount, called next, fills the table)."""
        if self.item_id is not None:
            self.app.push_screen(DispositionDetail(self.item_id))
            self.item_id = None

    def read(self, user: User, limit: int) -> list[FaxRow]:
        return fax_rows(user, self.ACTIONS, limit)

    def cells(self, row: FaxRow) -> tuple:
        return (str(row.id), row.title, row.unit, row.sifat, row.derajat, clock_text(row.clock))

    def show(self, row: FaxRow | None, _pane: None) -> None:
        self.query_one("#where", Static).update(
            f"#{row.id} {row.title}\nDari {row.unit} · sifat {row.sifat} · derajat {row.derajat}"
            if row
            else "Tidak ada permintaan yang menunggu disposisi."
        )

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        if self.live.more_page():
            return
        row = self.selected()
        if row is not None:
            self.app.push_screen(DispositionDetail(row.id))

    def action_print(self) -> None:
        row = self.selected()
        if row is not None:
            print_disposition(self, row.id)

    def action_reload(self) -> None:
        self.reload()


class DispositionDetail(Screen):
    """One request read in full, with the lembar disposisi to fill in."""

    CSS_PATH = "disposition.tcss"
    BINDINGS = [
        bind("ctrl+s", "dispose", priority=True),
        bind("ctrl+r", "return", priority=True),
        bind("c", "print"),
        bind("escape", "app.pop_screen"),
    ]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.item_id)

    def compose(self) -> ComposeResult:
        item = WorkItem.get_by_id(self.item_id)
        yield Header()
        yield Static("", id="message")
        yield StepClock(self.item_id)
        with VerticalScroll(id="read"):
            yield Static(request_text(item), id="request")
            yield Static("Disposisi kepada Pengadministrasi Umum", classes="section-title")
            for i, label in enumerate(INSTRUCTIONS):
                yield Checkbox(label, label == DEFAULT_INSTRUCTION, id=f"ins-{i}", compact=True)
            yield Horizontal(
                Label("Catatan ", classes="field-label"),
                Input(id="note", compact=True, placeholder="catatan disposisi"),
                classes="field",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Disposisi #{self.item_id}"
        self.query_one("#read").focus()

    def action_dispose(self) -> None:
        chosen = [
            label
            for i, label in enumerate(INSTRUCTIONS)
            if self.query_one(f"#ins-{i}", Checkbox).value
        ]
        note = self.query_one("#note", Input).value
        try:
            fax_flow.dispose(self.app.session.user, self.item_id, chosen, note)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        for widget in self.query("#read Checkbox, #note"):
            widget.disabled = True
        self.query_one(StepClock).show_item(self.item_id)
        self.query_one("#read").focus()
        say(
            self,
            "Sudah didisposisi ke Pengadministrasi Umum. Tekan p untuk mencetak "
            "lembar disposisi, Esc untuk kembali.",
            ok=True,
        )
        self.app.notify(f"Permintaan #{self.item_id} didisposisi (langkah 3).")

    def action_return(self) -> None:
        from tui.dialogs.reason import ReasonDialog

        def done(ok: bool | None) -> None:
            if ok:
                self.app.notify(f"Permintaan #{self.item_id} dikembalikan ke pemohon.")
                self.app.pop_screen()

        def give_back(reason: str) -> None:
            fax_flow.return_to_requester(self.app.session.user, self.item_id, reason)

        self.app.push_screen(
            ReasonDialog(
                "Kembalikan ke pemohon", "Alasan pengembalian (dibaca pemohon)", give_back
            ),
            done,
        )

    def action_print(self) -> None:
        print_disposition(self, self.item_id)
