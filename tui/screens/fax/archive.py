"""Arsip faks (SOP procedure 1, step 7): archive sent letters, search the archive, see history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from model.fax import archive
from model.fax import flow as fax_flow
from model.fax.number import FaxNumber
from model.fax.queue_rows import FaxRow, fax_rows
from model.sop import FAX, number
from model.workflow.history import log_words
from model.workflow.search import ArchiveRow
from tui.keys import bind
from tui.screens.fax.archive_filters import ArchiveFilters, Searching
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import CLOCK, StepClock, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.message import PROBLEMS, note
from tui.widgets.plain import DataTable, Input, Label, Static
from tui.widgets.table import Column, add_columns, at_cursor, row_text

AGENDA, PERIHAL = Column("No. agenda", whole=True), Column("Perihal", 16, grow=True)
QUEUE_COLUMNS = (AGENDA, PERIHAL, Column("Tuj", whole=True, drop=1), CLOCK)
FOUND_COLUMNS = (
    AGENDA,
    PERIHAL,
    Column("Tujuan", 12, drop=2),
    Column("Diarsipkan", whole=True, drop=1),
)
ARCHIVE = "arsipkan"  # the SOP action of its queue
HISTORY_COLUMNS = (
    Column("Lgk", whole=True),
    Column("Tindakan", 12, grow=True),
    Column("Oleh", 14),
    Column("Peran", 10, drop=1),
    Column("Waktu", whole=True),
    Column("Durasi / baku", whole=True),
)


def found_cells(row: ArchiveRow) -> tuple:
    closed = f"{row.closed_at:%d-%m-%Y}" if row.closed_at else "-"
    return row.agenda_number or "-", row.title, row.party, closed


def queue_cells(r: FaxRow) -> tuple:
    return r.agenda or "-", r.title, str(r.destinations), clock_text(r.clock)


class ArchiveScreen(Screen):
    """The step-7 queue (archive with `a`) above the searchable archive of closed fax items."""

    CSS_PATH = "archive.tcss"
    BINDINGS = [
        bind("escape", "back"),
        bind("r", "archive"),
        bind("enter", "open"),
        bind("slash", "search", key_display="/"),
        bind("e", "ekspedisi"),
    ]

    def __init__(self, item_id: int | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.search = Searching(self, lambda: self.fetch_found, lambda text: note(self, text))

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.selected(), "fax")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"Menunggu diarsipkan — langkah {number(FAX, ARCHIVE)}", classes="section-title"
        )
        yield LiveTable(queue_cells, id="queue")
        with Horizontal(id="search-row"):
            yield Label("Cari arsip")
            yield Input(
                id="search",
                compact=True,
                placeholder="perihal, nomor agenda, tujuan atau isi berita",
            )
        yield ArchiveFilters()
        yield LiveTable(found_cells, id="found")
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Arsip faks"
        add_columns(self.query_one("#queue", DataTable), QUEUE_COLUMNS)
        add_columns(self.query_one("#found", DataTable), FOUND_COLUMNS)
        self.query_one("#queue", LiveTable).follow = self.item_id
        self.query_one("#queue", LiveTable).focus()
        self.placed = False  # the focus leaves an empty queue for the archive, once
        self.reload()

    def on_live_table_loaded(self, event: LiveTable.Loaded) -> None:
        if event.table.id == "found":
            self.search.loaded(event.table)
        elif not self.placed:
            self.placed = True
            if not event.table.entries and self.focused is event.table:
                self.query_one("#found", DataTable).focus()
        self.show_detail()

    def show_detail(self) -> None:
        """The row under the cursor of the focused table, in full."""
        found = self.query_one("#found", DataTable)
        table = found if self.focused is found else self.query_one("#queue", DataTable)
        self.query_one("#detail", Static).update(row_text(table))

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_descendant_focus(self, _event) -> None:
        self.show_detail()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            self.load_queue()
            self.load_found()
        except PROBLEMS as exc:
            note(self, str(exc))

    def load_queue(self) -> None:
        """Read the queue in a worker; the cursor stays on its item."""
        user = self.app.session.user
        self.query_one("#queue", LiveTable).load(lambda limit: fax_rows(user, (ARCHIVE,), limit))

    @property
    def queue(self) -> list[FaxRow]:
        return self.query_one("#queue", LiveTable).entries

    def load_found(self) -> None:
        """The archive search again, its pages kept (back from an item, one archived)."""
        self.search.now()

    @staticmethod
    def fetch_found(text: str, limit: int, **filters) -> list[ArchiveRow]:
        return archive.search_fax_archive(text, limit=limit, **filters)

    @property
    def found(self) -> list[ArchiveRow]:
        return self.query_one("#found", LiveTable).entries

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.search.later()

    def on_archive_filters_changed(self, event: ArchiveFilters.Changed) -> None:
        self.search.filtered(event)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.search.now(fresh=True)
        self.query_one("#found", DataTable).focus()

    def selected(self) -> int | None:
        """The highlighted item of the focused table (the queue unless the archive has focus)."""
        found = self.query_one("#found", LiveTable)
        table = found if self.focused is found else self.query_one("#queue", LiveTable)
        row = table.selected()
        return row.id if row is not None else None

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_archive(self) -> None:
        row = self.query_one("#queue", LiveTable).selected()
        if row is None:
            note(self, "Tidak ada surat yang menunggu diarsipkan.")
            return
        try:
            fax_flow.archive(self.app.session.user, row.id)
        except PROBLEMS as exc:
            note(self, str(exc))
            return
        note(self, "")
        self.reload()
        self.app.notify(f"{row.title} diarsipkan.")

    def action_open(self) -> None:
        item_id = self.selected()
        if item_id is not None:
            self.app.push_screen(HistoryScreen(item_id))

    def action_ekspedisi(self) -> None:
        from tui.screens.books.ekspedisi import EkspedisiScreen

        item_id = self.selected()
        if item_id is not None:
            self.app.push_screen(EkspedisiScreen(item_id=item_id))


class HistoryScreen(Screen):
    """The whole record of one fax letter: every step against its mutu baku, and the books."""

    CSS_PATH = "archive.tcss"
    BINDINGS = [bind("escape", "back"), bind("e", "ekspedisi")]

    def __init__(self, item_id: int) -> None:
        super().__init__()
        self.item_id = item_id
        self.rows: list[archive.HistoryRow] = []

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.item_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="summary")
        yield StepClock(self.item_id)
        yield DataTable(id="history", cursor_type="row")
        yield Static("", id="step-note")
        with VerticalScroll(id="records"):
            yield Static("", id="books")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Riwayat surat"
        add_columns(self.query_one("#history", DataTable), HISTORY_COLUMNS)
        self.load()
        self.query_one("#history", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self) -> None:
        try:
            d = archive.dossier(self.item_id)
        except PROBLEMS as exc:
            note(self, str(exc))
            return
        item, self.rows = d.item, d.history
        state = (
            f"diarsipkan {item.closed_at:%d-%m-%Y %H:%M}"
            if item.closed_at
            else f"langkah {item.step}"
        )
        tujuan = (
            ", ".join(
                f"{x.name} ({FaxNumber(x.number, x.extension).display})" for x in d.destinations
            )
            or "-"
        )
        nota = f"{d.request.nota_number} · " if d.request and d.request.nota_number else ""
        summary = Text(f"{d.agenda_number or 'Belum bernomor'} · {item.title}\n", "bold")
        summary.append(f"{nota}Sifat {item.sifat} · {item.derajat} · {state}\nTujuan: {tujuan}")
        self.query_one("#summary", Static).update(summary)
        table = self.query_one("#history", DataTable)
        table.clear()
        for i, r in enumerate(self.rows):
            action = log_words(FAX, r.log).action + (" ✎" if r.log.note else "")
            table.add_row(
                str(r.step.number) if r.step else "–",
                action,
                r.actor_name,
                r.role_label,
                f"{r.log.at:%d-%m %H:%M}",
                clock_text(r.clock) if r.clock else "-",
                key=str(i),
            )
        self.query_one("#books", Static).update(self.books_text(d))
        self.show_note()

    @staticmethod
    def books_text(d: archive.Dossier) -> Text:
        text = Text()
        for disp in d.dispositions:
            text.append("Disposisi ", "bold")
            text.append(
                f"{disp.at:%d-%m-%Y %H:%M} {disp.by.full_name}: "
                f"{'; '.join(disp.instructions.splitlines())}"
                f"{' — ' + disp.note if disp.note else ''}\n"
            )
        text.append("Buku laporan harian fax\n", "bold")
        for e in d.transmissions:
            who = e.operator.full_name if e.operator else "-"
            text.append(
                f"  {e.at:%d-%m-%Y %H:%M} {e.to_name} {e.number} {e.pages} hal. "
                f"{'Berhasil' if e.ok else 'Gagal'} ({e.via}) {who}\n",
                "" if e.ok else "red",
            )
        if not d.transmissions:
            text.append("  belum ada pengiriman\n", "dim")
        text.append("Buku ekspedisi\n", "bold")
        for x in d.ekspedisi:
            got = (
                f"diterima {x.receiver_name} {x.received_at:%d-%m-%Y %H:%M}"
                if x.received_at
                else "belum ada tanda terima"
            )
            text.append(f"  {x.seq}/{x.year} {x.at:%d-%m-%Y} kepada {x.to}: {got}\n")
        if not d.ekspedisi:
            text.append("  belum ada (e: buat entri ekspedisi)", "dim")
        return text

    def show_note(self) -> None:
        line = self.query_one("#step-note", Static)
        r = at_cursor(self.query_one("#history", DataTable), self.rows)
        if r is None:
            line.update("")
            return
        text = Text(str(log_words(FAX, r.log)))
        if r.log.note:
            text.append(f"\nCatatan: {r.log.note}", "bold")
        line.update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_note()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_ekspedisi(self) -> None:
        from tui.screens.books.ekspedisi import EkspedisiScreen

        self.app.push_screen(EkspedisiScreen(item_id=self.item_id))
