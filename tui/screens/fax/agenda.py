"""Procedure 1 steps 3–4 (Administrasi Umum): number disposed requests, hand them over."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model.fax import flow as fax_flow
from model.fax.queue_rows import FaxRow, fax_rows
from model.sop import FAX, number
from tui.keys import bind
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import CLOCK, StepClock, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns

REGISTER, HANDOVER = "agendakan", "teruskan"  # the SOP actions of its two queues


def instruction_summary(row: FaxRow) -> str:
    if row.disposition is None:
        return "-"
    count = len(row.disposition.instructions)
    return f"{count} instruksi{' +catatan' if row.disposition.note else ''}"


CELLS = {
    REGISTER: lambda r: (
        str(r.id),
        r.title,
        r.derajat,
        instruction_summary(r),
        clock_text(r.clock),
    ),
    HANDOVER: lambda r: (str(r.id), r.title, r.agenda or "-", clock_text(r.clock)),
}
NO, PERIHAL = Column("No", whole=True), Column("Perihal", 16, grow=True)
COLUMNS = {
    REGISTER: (
        NO,
        PERIHAL,
        Column("Derajat", whole=True, drop=2),
        Column("Disposisi", whole=True, drop=1),
        CLOCK,
    ),
    HANDOVER: (NO, PERIHAL, Column("Nomor agenda", whole=True), CLOCK),
}


class AgendaScreen(Screen):
    CSS_PATH = "agenda.tcss"
    BINDINGS = [
        bind("a", "register"),
        bind("s", "handover"),
        bind("f5", "reload"),  # the book itself: Ctrl+P, Buku agenda
        bind("escape", "app.pop_screen"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.opened = item_id  # the item asked for: its table gets the focus once read
        self.placed = False

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        step = HANDOVER if self.focused is self.table(HANDOVER) else REGISTER
        return item_help(self.selected_id(step), "fax")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="message")
        yield Static(
            f"Perlu diagendakan (langkah {number(FAX, REGISTER)}) — a: agendakan",
            classes="section-title",
        )
        yield LiveTable(CELLS[REGISTER], id=REGISTER)
        yield Static(
            f"Serahkan ke operator (langkah {number(FAX, HANDOVER)}) — s: serahkan",
            classes="section-title",
        )
        yield LiveTable(CELLS[HANDOVER], id=HANDOVER)
        yield Static("", id="detail")
        yield StepClock()
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Agenda berita keluar"
        for queue, columns in COLUMNS.items():
            add_columns(self.table(queue), columns)
        self.table(REGISTER).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def table(self, queue: str) -> LiveTable:
        return self.query_one(f"#{queue}", LiveTable)

    def reload(self) -> None:
        """Read both queues in workers, the cursor kept on `item_id` or on its item."""
        user = self.app.session.user
        for step in (REGISTER, HANDOVER):
            table = self.table(step)
            if self.item_id is not None:
                table.follow = self.item_id
            table.load(lambda limit, step=step: fax_rows(user, (step,), limit))
        self.item_id = None

    def on_live_table_loaded(self, _event: LiveTable.Loaded) -> None:
        tables = {step: self.table(step) for step in (REGISTER, HANDOVER)}
        if not self.placed and not any(t.busy for t in tables.values()):
            self.placed = True
            opened = next(
                (t for t in tables.values() if any(r.id == self.opened for r in t.entries)), None
            )
            first = next((t for t in tables.values() if t.entries), tables[REGISTER])
            (opened or first).focus()
        self.show_detail()

    def selected(self, step: str) -> FaxRow | None:
        return self.table(step).selected()

    def selected_id(self, step: str) -> int | None:
        row = self.selected(step)
        return row.id if row else None

    def show_detail(self) -> None:
        step = HANDOVER if self.focused is self.table(HANDOVER) else REGISTER
        row = self.selected(step)
        detail = self.query_one("#detail", Static)
        self.query_one(StepClock).show_item(row.id if row else None)
        if row is None:
            detail.update("Tidak ada item pada antrean ini.")
            return
        if step == HANDOVER:
            detail.update(f"#{row.id} {row.title}\nNomor agenda: {row.agenda}")
            return
        text = Text(f"#{row.id} {row.title}\n")
        disp = row.disposition
        if disp:
            text.append(f"Disposisi {disp.by}: " + "; ".join(disp.instructions))
            if disp.note:
                text.append(f"\nCatatan: {disp.note}", style="italic")
        detail.update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_descendant_focus(self, _event) -> None:
        self.show_detail()

    def action_register(self) -> None:
        from tui.dialogs.klasifikasi_picker import KlasifikasiPicker

        item_id = self.selected_id(REGISTER)
        if item_id is None:
            say(self, "Tidak ada permintaan yang perlu diagendakan.")
            return
        row = self.selected(REGISTER)
        if not row.has_request:
            say(self, f"Item #{item_id} tidak memiliki nota dinas dan isi berita.")
            return

        def chosen(kode: str | None) -> None:
            if kode is not None:
                self.register(item_id, kode)

        self.app.push_screen(KlasifikasiPicker(row.klasifikasi), chosen)

    def register(self, item_id: int, kode: str) -> None:
        cfg = self.app.session.config
        try:
            entry = fax_flow.register(
                self.app.session.user,
                item_id,
                cfg.agenda_pattern,
                cfg.office.unit_code,
                klasifikasi=kode,
            )
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        say(self, f"#{item_id} diagendakan dengan nomor {entry.number}.", ok=True)
        self.app.notify(f"Nomor agenda: {entry.number}")
        self.item_id = item_id
        self.reload()
        self.table(HANDOVER).focus()

    def action_handover(self) -> None:
        item_id = self.selected_id(HANDOVER)
        if item_id is None:
            say(self, "Tidak ada berita bernomor yang menunggu diserahkan.")
            return
        try:
            fax_flow.handover(self.app.session.user, item_id)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        say(
            self,
            f"#{item_id} diserahkan ke Operator Sandi (langkah {number(FAX, 'terkirim')}).",
            ok=True,
        )
        self.app.notify(f"#{item_id} diserahkan ke operator.")
        self.reload()

    def action_reload(self) -> None:
        self.reload()
