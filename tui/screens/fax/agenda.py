"""Procedure 1 steps 3–4 (Administrasi Umum): number disposed requests, hand them over."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from model.books.agenda import agenda_number
from model.fax import flow as fax_flow
from model.fax.records import Disposition
from model.sop import FAX, number
from model.workflow.inbox import WorkRow, waiting_for
from tui.screens.fax.disposition import request_or_none
from tui.widgets.clock import clock_text
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import at_cursor

REGISTER, HANDOVER = "agendakan", "teruskan"  # the SOP actions of its two queues

class AgendaScreen(Screen):
    CSS_PATH = "agenda.tcss"
    BINDINGS = [("a", "register", "Agendakan"), ("s", "handover", "Serahkan"),
                ("b", "book", "Buku agenda"), ("r", "reload", "Muat ulang"),
                ("escape", "app.pop_screen", "Kembali")]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.rows: dict[str, list[WorkRow]] = {REGISTER: [], HANDOVER: []}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="message")
        yield Static(f"Perlu diagendakan (langkah {number(FAX, REGISTER)}) — a: agendakan",
                     classes="section-title")
        yield DataTable(id=REGISTER, cursor_type="row", zebra_stripes=True)
        yield Static(f"Serahkan ke operator (langkah {number(FAX, HANDOVER)}) — s: serahkan",
                     classes="section-title")
        yield DataTable(id=HANDOVER, cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Agenda berita keluar"
        self.table(REGISTER).add_columns("No", "Perihal", "Derajat", "Disposisi", "Waktu/baku")
        self.table(HANDOVER).add_columns("No", "Perihal", "Nomor agenda", "Waktu/baku")
        self.reload()
        step = next((s for s, rows in self.rows.items()
                     if any(r.item.id == self.item_id for r in rows)), REGISTER)
        self.table(step if self.rows[step] else HANDOVER if self.rows[HANDOVER] else REGISTER).focus()
        self.show_detail()

    def on_screen_resume(self) -> None:
        self.reload()

    def table(self, queue: str) -> DataTable:
        return self.query_one(f"#{queue}", DataTable)

    def reload(self) -> None:
        try:
            work = waiting_for(self.app.session.user, FAX)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        for step in (REGISTER, HANDOVER):
            table = self.table(step)
            keep = self.item_id or self.selected_id(step)
            self.rows[step] = [r for r in work if r.step.action(step)]
            table.clear()
            for row in self.rows[step]:
                item = row.item
                middle = ((item.derajat, instruction_summary(item)) if step == REGISTER
                          else (agenda_number(item) or "-",))
                table.add_row(str(item.id), item.title[:26], *middle, clock_text(row.clock),
                              key=str(item.id))
            ids = [r.item.id for r in self.rows[step]]
            if keep in ids:
                table.move_cursor(row=ids.index(keep))
        self.item_id = None
        self.show_detail()

    def selected_id(self, step: str) -> int | None:
        row = at_cursor(self.table(step), self.rows[step])
        return row.item.id if row else None

    def show_detail(self) -> None:
        step = HANDOVER if self.focused is self.table(HANDOVER) else REGISTER
        item_id = self.selected_id(step)
        detail = self.query_one("#detail", Static)
        if item_id is None:
            detail.update("Tidak ada item pada antrean ini.")
            return
        row = next(r for r in self.rows[step] if r.item.id == item_id)
        if step == HANDOVER:
            detail.update(f"#{item_id} {row.item.title}\nNomor agenda: "
                          f"{agenda_number(row.item)}")
            return
        disp = row.item.dispositions.order_by(Disposition.id.desc()).first()
        text = Text(f"#{item_id} {row.item.title}\n")
        if disp:
            text.append(f"Disposisi {disp.by.full_name}: " + "; ".join(
                disp.instructions.splitlines()))
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
        req = request_or_none(next(r.item for r in self.rows[REGISTER] if r.item.id == item_id))
        if req is None:
            say(self, f"Item #{item_id} tidak memiliki nota dinas dan isi berita.")
            return

        def chosen(kode: str | None) -> None:
            if kode is not None:
                self.register(item_id, kode)

        self.app.push_screen(KlasifikasiPicker(req.klasifikasi), chosen)

    def register(self, item_id: int, kode: str) -> None:
        cfg = self.app.session.config
        try:
            entry = fax_flow.register(self.app.session.user, item_id, cfg.agenda_pattern,
                                      cfg.office["unit_code"], klasifikasi=kode)
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
        say(self, f"#{item_id} diserahkan ke Operator Sandi (langkah {number(FAX, 'terkirim')}).",
            ok=True)
        self.app.notify(f"#{item_id} diserahkan ke operator.")
        self.reload()

    def action_book(self) -> None:
        from tui.screens.books.agenda_book import AgendaBookScreen

        self.app.push_screen(AgendaBookScreen())

    def action_reload(self) -> None:
        self.reload()


def instruction_summary(item) -> str:
    disp = item.dispositions.order_by(Disposition.id.desc()).first()
    if disp is None:
        return "-"
    count = len(disp.instructions.splitlines())
    return f"{count} instruksi{' +catatan' if disp.note else ''}"
