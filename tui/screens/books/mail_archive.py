"""Arsip email (Kasi / Administrasi Umum): archived incoming and outgoing mail, searchable,
each with its whole history against the mutu baku; mail set aside at sorting is marked and can
be filtered."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Tab, Tabs

from model.email_in import records as email_in_records
from model.reports import mail_archive
from model.reports.mail_archive import MailDossier
from model.sop import EMAIL_IN, EMAIL_OUT
from model.workflow.history import log_words
from model.workflow.items import WorkItem
from model.workflow.search import ArchiveRow
from tui.keys import bind
from tui.screens.email_in.mail_view import MailViewScreen, incoming_text, outgoing_text
from tui.screens.email_out.mail_send import jobs_text
from tui.screens.fax.archive_filters import ArchiveFilters, Searching
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import StepClock, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.message import say
from tui.widgets.plain import DataTable, Input, Label, Static
from tui.widgets.table import Column, add_columns, at_cursor, row_text
from tui.widgets.tone import tone

FOUND_COLUMNS = (
    Column("No", whole=True),
    Column("No. agenda", whole=True),
    Column("Pihak", 12, drop=1),
    Column("Perihal", 14, grow=True),
    Column("Arsip", whole=True, drop=2),
)
# what each tab's search looks in, as mail_archive.search_incoming/_outgoing search
HINTS = {
    EMAIL_IN: "perihal, pengirim, isi, nomor agenda, alasan disisihkan",
    EMAIL_OUT: "perihal, tujuan, tembusan, isi, nomor agenda",
}
# incoming tab: what to list (label, mail_archive.search_incoming's set_aside)
FILTERS = (("Semua email", None), ("Surat dinas", False), ("Bukan surat dinas", True))
HISTORY_COLUMNS = (
    Column("Lgk", whole=True),
    Column("Tindakan", 12, grow=True),
    Column("Oleh", 14),
    Column("Peran", 9, drop=1),
    Column("Waktu", whole=True),
    Column("Durasi / baku", whole=True),
)


def party_of(item: WorkItem) -> str:
    if item.procedure == EMAIL_IN:
        mail = mail_archive.IncomingMail.get_or_none(mail_archive.IncomingMail.item == item)
        return (mail.from_name or mail.from_addr) if mail else "-"
    mail = mail_archive.OutgoingMail.get_or_none(mail_archive.OutgoingMail.item == item)
    return mail.to if mail else "-"


def found_cells(row: ArchiveRow) -> tuple:
    """No, agenda number (a mail set aside: its kind, in red), party, perihal, archived."""
    closed = f"{row.closed_at:%d-%m-%y}" if row.closed_at else "-"
    number = (
        Text(email_in_records.set_aside_label(row), style=tone("error", "bold"))
        if row.set_aside
        else row.agenda_number or "-"
    )
    return str(row.id), number, row.party or "-", row.title, closed


def forwards_text(d: MailDossier) -> Text:
    """An incoming mail's forwards, follow-ups and forward emails to outside OPDs."""
    text = Text("Diteruskan dan tindak lanjut\n", style="bold")
    for trail in d.forwards or []:
        fwd = trail.forward
        text.append(
            f"{fwd.at:%d-%m %H:%M} ke {fwd.unit.name} oleh {fwd.by.full_name}"
            f"{': ' + fwd.note if fwd.note else ''}\n",
            style=tone("accent"),
        )
        for done in trail.follow_ups:
            who = done.by.full_name if done.by else "sistem"
            reply = f" (email keluar #{done.reply_item_id})" if done.reply_item_id else ""
            text.append(f"  {done.at:%d-%m %H:%M} {who}: {done.text}{reply}\n")
    if not d.forwards:
        text.append("Tidak diteruskan.\n")
    if d.jobs:
        text.append("\nEmail terusan ke OPD\n", style="bold")
        text.append_text(jobs_text(d.jobs))
    return text


def trail_text(d: MailDossier) -> Text:
    """Forwards and follow-ups, or why it was set aside (incoming); or versions, revision notes
    and sending (outgoing)."""
    text = Text()
    if d.incoming is not None:
        if d.incoming.set_aside:
            text.append(
                f"{email_in_records.set_aside_text(d.incoming)}\n", style=tone("error", "bold")
            )
            text.append("Disisihkan pada langkah 2: tidak diagendakan dan tidak diteruskan.\n")
        else:
            text.append_text(forwards_text(d))
        text.append("\n\nEmail\n", style="bold")
        text.append_text(incoming_text(d.item.id))
        return text
    text.append("Jejak persetujuan\n", style="bold")
    for v in d.versions or []:
        style = tone("error", "bold") if v.remark.startswith("revisi") else ""
        text.append(f"v{v.number} {v.at:%d-%m %H:%M} {v.by.full_name}: {v.remark}\n", style=style)
    text.append("\nPengiriman\n", style="bold")
    text.append_text(jobs_text(d.jobs))
    text.append("\n\nNaskah terkirim\n", style="bold")
    text.append_text(outgoing_text(d.item.id))
    return text


class MailHistoryScreen(Screen):
    """The whole record of one email item: steps vs mutu baku, then its trail and text."""

    CSS_PATH = "mail_archive.tcss"
    BINDINGS = [
        bind("escape", "app.pop_screen"),
        bind("enter", "read", priority=True),
        bind("tab", "app.focus_next", show=False),
    ]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id
        self.procedure = EMAIL_IN
        self.rows: list[mail_archive.HistoryRow] = []

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
            yield Static("", id="trail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Riwayat email #{self.item_id}"
        table = self.query_one("#history", DataTable)
        add_columns(table, HISTORY_COLUMNS)
        d = mail_archive.dossier(self.item_id)
        kind = "Email masuk" if d.incoming is not None else "Email keluar"
        aside = d.incoming is not None and d.incoming.set_aside
        self.query_one("#summary", Static).update(
            Text.assemble(
                (f"{kind} #{d.item.id}  {d.item.title}\n", "bold"),
                (
                    f"Bukan surat dinas: {email_in_records.set_aside_label(d.incoming)}",
                    tone("error", "bold"),
                )
                if aside
                else f"No. agenda: {d.agenda_number or '-'}",
                f"   Pihak: {party_of(d.item)}",
            )
        )
        self.procedure, self.rows = d.item.procedure, d.history
        for row in d.history:
            log = row.log
            table.add_row(
                str(log.from_step or "-"),
                log_words(self.procedure, log).action + (" ✎" if log.note else ""),
                row.actor_name,
                row.role_label,
                f"{log.at:%d-%m %H:%M}",
                clock_text(row.clock) if row.clock else "",
            )
        self.query_one("#trail", Static).update(trail_text(d))
        self.refresh_bindings()
        self.show_step()
        table.focus()

    def show_step(self) -> None:
        """Under the history: the highlighted line in words, and its note."""
        row = at_cursor(self.query_one("#history", DataTable), self.rows)
        text = Text()
        if row is not None:
            text.append(str(log_words(self.procedure, row.log)))
            if row.log.note:
                text.append(f"\nCatatan: {row.log.note}", "bold")
        self.query_one("#step-note", Static).update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_step()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "read":
            return WorkItem.get_by_id(self.item_id).procedure == EMAIL_IN
        return True

    def action_read(self) -> None:
        self.app.push_screen(MailViewScreen(self.item_id))


class MailArchiveScreen(Screen):
    """Two tabs of archived email, each searched as you type; Enter opens the history."""

    CSS_PATH = "mail_archive.tcss"
    BINDINGS = [
        bind("escape", "app.pop_screen"),
        bind("enter", "open"),
        bind("ctrl+f", "search", priority=True),
        bind("f6", "switch", priority=True),
        bind("f7", "filter", priority=True),
    ]

    def __init__(self, item_id: int | None = None, kind: str = EMAIL_IN):
        super().__init__()
        self.item_id = item_id
        self.kind = kind
        self.filter = 0  # index into FILTERS
        self.search = Searching(self, self.fetch, self.tell)
        self.told = ""  # what the search said, shown in place of the set-aside reason

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        found = self.query_one("#found", LiveTable).selected()
        return item_help(found.id if found else None)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs(
            Tab("Email masuk", id="email_in"), Tab("Email keluar", id="email_out"), id="kinds"
        )
        with Horizontal(id="search-row"):
            yield Label("Cari")
            yield Input(id="search", compact=True, placeholder=HINTS[self.kind])
            yield Static("", id="filter")
        yield ArchiveFilters()
        yield LiveTable(found_cells, id="found")
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Arsip email"
        table = self.query_one("#found", LiveTable)
        add_columns(table, FOUND_COLUMNS)
        self.query_one("#message").display = False
        if self.item_id is not None:
            self.kind = WorkItem.get_by_id(self.item_id).procedure
            table.follow = self.item_id
        self.query_one("#kinds", Tabs).active = self.kind
        self.load()
        self.query_one("#search", Input).focus()

    def load(self) -> None:
        label, _set_aside = FILTERS[self.filter]
        shown = self.query_one("#filter", Static)
        shown.display = self.kind == EMAIL_IN
        shown.update(Text(label))
        self.query_one("#search", Input).placeholder = HINTS[self.kind]
        self.search.now(fresh=True)

    @property
    def found(self) -> list[ArchiveRow]:
        return self.query_one("#found", LiveTable).entries

    def fetch(self):
        """The search of the tab shown, its set-aside filter taken now (the read runs later)."""
        if self.kind == EMAIL_OUT:
            return lambda text, limit, **filters: mail_archive.search_outgoing(
                text, limit=limit, **filters
            )
        _label, set_aside = FILTERS[self.filter]
        return lambda text, limit, **filters: mail_archive.search_incoming(
            text, set_aside=set_aside, limit=limit, **filters
        )

    def tell(self, text: str) -> None:
        """A refusal or "tidak ditemukan"; "" shows the highlighted mail's again."""
        self.told = text
        self.show_set_aside()

    def on_live_table_loaded(self, event: LiveTable.Loaded) -> None:
        self.search.loaded(event.table)
        self.refresh_bindings()
        self.show_set_aside()

    def show_set_aside(self) -> None:
        """Under the list: the row in full and why the highlighted mail was set aside (or what
        the search said)."""
        table = self.query_one("#found", LiveTable)
        row = table.selected()
        self.query_one("#detail", Static).update(row_text(table))
        aside = email_in_records.set_aside_text(row) if row is not None else ""
        empty = "" if table.entries else "Tidak ada email arsip yang cocok."
        say(self, self.told or aside or empty)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_set_aside()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.kind == EMAIL_IN if action == "filter" else True

    def action_filter(self) -> None:
        """Every incoming mail, only official letters, or only the mail set aside."""
        self.filter = (self.filter + 1) % len(FILTERS)
        self.load()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        self.kind = event.tab.id
        self.load()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.search.later()

    def on_archive_filters_changed(self, event: ArchiveFilters.Changed) -> None:
        self.search.filtered(event)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.search.now(fresh=True)
        self.query_one("#found", DataTable).focus()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_switch(self) -> None:
        self.query_one("#kinds", Tabs).action_next_tab()

    def action_open(self) -> None:
        table = self.query_one("#found", DataTable)
        if self.focused is not table:
            table.focus()
            return
        row = table.selected()
        if row is not None:
            self.app.push_screen(MailHistoryScreen(row.id))
