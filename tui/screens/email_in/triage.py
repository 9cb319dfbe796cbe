"""Procedure 2 steps 2–6 and 8 (Kasi Persandian / Administrasi Umum): sort incoming mail (or
set it aside as not an official letter), print, register in the buku agenda surat masuk,
label, forward, archive."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Tab, Tabs

from model.base import now
from model.clock import format_duration
from model.email_in import flow as email_in
from model.email_in.queue_rows import InRow, in_rows
from model.org import User
from model.sop import EMAIL_IN, PROCEDURES, number
from model.workflow.items import WorkItem
from tui.dialogs.forward import ForwardDialog
from tui.dialogs.set_aside import SetAsideDialog
from tui.screens.email_in.mail_view import MailViewScreen, incoming_text, step_line
from tui.screens.help import HelpScreen
from tui.screens.queue import QueueScreen
from tui.widgets.clock import clock_text
from tui.widgets.live_table import LiveTable
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Static

# The tabs: the SOP action each step's tab is named for, and its title
TABS = {
    "cetak": "Sortir",
    "dicetak": "Cetak",
    "agendakan": "Agenda",
    "dilabeli": "Label",
    "teruskan": "Teruskan",
    "arsipkan": "Arsip",
}
# screen action -> the SOP actions at whose steps it is offered (hidden from the Footer elsewhere)
ACTION_STEPS = {
    "classify_print": ("cetak",),
    "classify_plain": ("tanpa_cetak",),
    "set_aside": ("sisihkan",),
    "print": tuple(TABS)[1:],
    "printed": ("dicetak",),
    "register": ("agendakan",),
    "label": ("dilabeli",),
    "forward": ("teruskan",),
    "archive": ("arsipkan",),
}


def tabs() -> dict[int, str]:
    """Step number -> tab title, read from the SOP."""
    return {number(EMAIL_IN, code): name for code, name in TABS.items()}


class TriageScreen(QueueScreen):
    """The incoming mail waiting for the user, one tab per SOP step, with a reading pane."""

    CSS_PATH = "triage.tcss"
    BINDINGS = [
        Binding("enter", "open", "Baca", priority=True),
        Binding("c", "classify_print", "Cetak & agendakan"),
        Binding("t", "classify_plain", "Tanpa cetak"),
        Binding("s", "set_aside", "Sisihkan"),
        Binding("p", "print", "Cetak"),
        Binding("d", "printed", "Sudah dicetak"),
        Binding("a", "register", "Agendakan"),
        Binding("l", "label", "Label"),
        Binding("f", "forward", "Teruskan"),
        Binding("r", "archive", "Arsipkan"),
        Binding("escape", "app.pop_screen", "Kembali"),
        Binding("f1", "help", "Bantuan SOP", show=False),
        *[Binding(str(n), f"tab({n})", show=False) for n in tabs()],
    ]
    COLUMNS = (("No", 4), ("Dari", 16), ("Perihal", 28), ("Umur", 8), ("Waktu/baku", 10))
    SUB_TITLE, PANE = "Email masuk", "mail"

    def __init__(self, item_id: int | None = None):
        super().__init__(item_id)
        self.step = number(EMAIL_IN, "cetak")

    def compose_head(self) -> ComposeResult:
        yield Tabs(
            *[Tab(f"{n} {name}", id=f"s{n}") for n, name in self.my_tabs().items()], id="steps"
        )

    def my_tabs(self) -> dict[int, str]:
        """The steps of procedure 2 the signed-in user acts on."""
        roles = set(self.app.session.user.roles)
        return {
            n: name for n, name in tabs().items() if roles & set(PROCEDURES[EMAIL_IN].step(n).roles)
        }

    def on_mount(self) -> None:
        """Choose the tab before QueueScreen's on_mount (Textual calls it next) loads it."""
        self.step = next(iter(self.my_tabs()), number(EMAIL_IN, "cetak"))
        self.live.shown = lambda entry: entry.row.step.number == self.step

    def follow(self, item_id: int) -> None:
        """Select `item_id` on the tab of its current step, once read."""
        self.item_id = item_id
        self.reload()

    def read(self, user: User) -> list[InRow]:
        """All the user's mail (counted on the tabs); the table lists the current tab's."""
        return in_rows(user)

    def pane(self, row: InRow) -> tuple:
        return step_line(WorkItem.get_by_id(row.id)), incoming_text(row.id)

    def on_live_table_loaded(self, event: LiveTable.Loaded) -> None:
        """Count the mail on the tabs; go to the tab of the followed mail if it moved."""
        rows = [e.row for e in event.table.every]
        tabs = self.query_one("#steps", Tabs)
        for n, name in self.my_tabs().items():
            count = sum(1 for r in rows if r.step.number == n)
            tabs.query_one(f"#s{n}", Tab).label = f"{n} {name}({count})"
        step = next((r.step.number for r in rows if r.id == event.table.follow), None)
        if step is not None and step != self.step and step in self.my_tabs():
            self.step = step
            tabs.active = f"s{step}"
            event.table.refilter()

    def cells(self, row: InRow) -> tuple:
        age = format_duration(int((now() - row.created_at).total_seconds()))
        return str(row.id), row.sender, row.subject, age, clock_text(row.clock)

    def show(self, row: InRow | None, pane: tuple | None) -> None:
        where, mail = pane or (
            f"Langkah {self.step}: {PROCEDURES[EMAIL_IN].step(self.step).name}",
            "Tidak ada email di langkah ini.",
        )
        self.query_one("#where", Static).update(where)
        self.query_one("#mail", Static).update(mail)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        codes = ACTION_STEPS.get(action)
        if codes is None:
            return True
        row = self.selected()
        return row is not None and any(row.step.action(code) for code in codes)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        step = int(event.tab.id[1:])
        if step != self.step:
            self.step = step
            self.live.refilter()

    def action_tab(self, step: int) -> None:
        if step in self.my_tabs():
            self.query_one("#steps", Tabs).active = f"s{step}"

    def action_help(self) -> None:
        """The SOP of procedure 2, the current tab's step (and its ways out) marked."""
        row = self.selected()
        heading = f"Item #{row.id}: {row.subject}" if row else ""
        self.app.push_screen(HelpScreen(EMAIL_IN, self.step, heading))

    def action_open(self) -> None:
        if self.focused is not None and self.focused.id == "steps":
            self.query_one("#queue").focus()
            return
        row = self.selected()
        if row is not None:
            self.app.push_screen(MailViewScreen(row.id))

    def act(self, call, done: str) -> bool:
        """Run one model transition on the selected mail, then follow it to its next step."""
        row = self.selected()
        if row is None:
            return False
        try:
            call(self.app.session.user, row.id)
        except PROBLEMS as exc:
            say(self, str(exc))
            return False
        say(self, done, ok=True)
        self.follow(row.id)
        return True

    def action_classify_print(self) -> None:
        self.act(
            lambda u, i: email_in.classify(u, i, needs_print=True),
            "Perlu dicetak: tekan p untuk mencetak, lalu d.",
        )

    def action_classify_plain(self) -> None:
        self.act(
            lambda u, i: email_in.classify(u, i, needs_print=False),
            "Tanpa cetak: langsung diteruskan (f).",
        )

    def action_set_aside(self) -> None:
        row = self.selected()
        if row is None:
            return

        def done(label: str | None) -> None:
            if label:
                say(
                    self,
                    f"Email #{row.id} disisihkan ({label}): bukan surat dinas, "
                    "tetap ada di arsip email.",
                    ok=True,
                )
                self.reload()

        self.app.push_screen(SetAsideDialog(row.id), done)

    def open_printout(self, item_id: int) -> None:
        from tui import printing
        from tui.dialogs.print_dialog import PrintDialog

        try:
            self.app.push_screen(PrintDialog(*printing.email_printout(item_id)))
        except PROBLEMS as exc:
            say(self, str(exc))

    def action_print(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_printout(row.id)

    def action_printed(self) -> None:
        self.act(email_in.printed, "Sudah dicetak: agendakan dengan a.")

    def action_register(self) -> None:
        from tui.dialogs.klasifikasi_picker import KlasifikasiPicker

        row = self.selected()
        if row is None:
            return

        def chosen(kode: str | None) -> None:
            if not kode:
                return
            cfg = self.app.session.config
            try:
                entry = email_in.register(
                    self.app.session.user, row.id, kode, cfg.agenda_pattern, cfg.office.unit_code
                )
            except PROBLEMS as exc:
                say(self, str(exc))
                return
            say(
                self,
                f"Dicatat di buku agenda surat masuk: nomor {entry.number}. Cetak label dengan l.",
                ok=True,
            )
            self.follow(row.id)

        self.app.push_screen(KlasifikasiPicker(), chosen)

    def action_label(self) -> None:
        row = self.selected()
        if row is not None and self.act(email_in.labelled, "Dilabeli: teruskan dengan f."):
            self.open_printout(row.id)

    def action_forward(self) -> None:
        row = self.selected()
        if row is None:
            return

        self.app.push_screen(
            ForwardDialog(row.id),
            self.reloaded(
                f"Email #{row.id} diteruskan (langkah {number(EMAIL_IN, 'tindak_lanjut')})."
            ),
        )

    def action_archive(self) -> None:
        self.act(email_in.archive, "Diarsipkan ke database surat masuk.")
