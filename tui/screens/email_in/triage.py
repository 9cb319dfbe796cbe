"""Procedure 2 steps 2–6 and 8 (Kasi Persandian / Administrasi Umum): sort incoming mail (or
set it aside as not an official letter), print, register in the buku agenda surat masuk,
label, forward, archive."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Tab, Tabs

from model.base import now
from model.clock import format_duration
from model.email_in import flow as email_in
from model.email_in.queue_rows import InRow, in_rows
from model.org import User
from model.sop import EMAIL_IN, PROCEDURES, number
from model.workflow.inbox import waiting_counts
from model.workflow.items import WorkItem
from tui.dialogs.forward import ForwardDialog
from tui.dialogs.set_aside import SetAsideDialog
from tui.keys import bind
from tui.screens.email_in.mail_view import MailViewScreen, incoming_text, step_line
from tui.screens.help import HelpScreen, item_help
from tui.screens.queue import QueueScreen
from tui.widgets.clock import CLOCK, clock_text
from tui.widgets.live_table import LiveTable, Rows
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Static
from tui.widgets.table import Column

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


def tab_rows(user: User, step: int, follow: int | None, steps: tuple[int, ...], limit: int):
    """The first `limit` mails of the tab of `step` (of the followed mail's step instead, when
    it is one of `steps`), with (that step, the count of every step) as facts."""
    if follow is not None:
        item = WorkItem.get_or_none(WorkItem.id == follow)
        if item is not None and item.procedure == EMAIL_IN and item.step in steps:
            step = item.step
    action = next(code for code in TABS if number(EMAIL_IN, code) == step)
    return Rows(in_rows(user, (action,), limit), (step, waiting_counts(user, EMAIL_IN)))


class TriageScreen(QueueScreen):
    """The incoming mail waiting for the user, one tab per SOP step, with a reading pane."""

    CSS_PATH = "triage.tcss"
    BINDINGS = [
        bind("enter", "open", priority=True),
        # Sortir: c to print (and register), f on without printing, i set aside; the same
        # c and f print and forward on the later tabs (ACTION_STEPS keeps them apart)
        bind("c", "classify_print"),
        bind("c", "print"),
        bind("f", "classify_plain"),
        bind("i", "set_aside"),
        bind("d", "printed"),
        bind("a", "register"),
        bind("l", "label"),
        bind("f", "forward"),
        bind("r", "archive"),
        bind("escape", "app.pop_screen"),
        *[bind(str(n), f"tab({n})", show=False) for n in tabs()],
    ]
    COLUMNS = (
        Column("No", whole=True),
        Column("Dari", 14, drop=2),
        Column("Perihal", 20, grow=True),
        Column("Umur", whole=True, drop=1),
        CLOCK,
    )
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

    def follow(self, item_id: int) -> None:
        """Select `item_id` on the tab of its current step, once read."""
        self.item_id = item_id
        self.reload()

    def rows_reader(self, user: User):
        """The current tab's mail, or the tab the followed mail moved to; every tab counted."""
        step, follow, steps = self.step, self.live.follow, tuple(self.my_tabs())
        return lambda limit: tab_rows(user, step, follow, steps, limit)

    def pane(self, row: InRow) -> tuple:
        return step_line(WorkItem.get_by_id(row.id)), incoming_text(row.id)

    def on_live_table_loaded(self, event: LiveTable.Loaded) -> None:
        """Count the mail on the tabs; show the tab read (the followed mail's, if it moved)."""
        step, counts = event.table.facts or (self.step, {})
        tabs = self.query_one("#steps", Tabs)
        for n, name in self.my_tabs().items():
            tabs.query_one(f"#s{n}", Tab).label = f"{n} {name}({counts.get(n, 0)})"
        if step != self.step:
            self.step = step
            tabs.active = f"s{step}"

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
            self.live.load(self.reader(), fresh=True)

    def action_tab(self, step: int) -> None:
        if step in self.my_tabs():
            self.query_one("#steps", Tabs).active = f"s{step}"

    def sop_help(self) -> HelpScreen:
        """F1: the selected mail's step in procedure 2, else the current tab's step."""
        row = self.selected()
        return item_help(row.id) if row else HelpScreen(EMAIL_IN, self.step)

    def action_open(self) -> None:
        if self.focused is not None and self.focused.id == "steps":
            self.query_one("#queue").focus()
            return
        if self.live.more_page():
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
            "Perlu dicetak: tekan c untuk mencetak, lalu d.",
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
        """The kode klasifikasi first, then the letter's number, date and units."""
        from tui.dialogs.klasifikasi_picker import KlasifikasiPicker
        from tui.dialogs.register_letter import RegisterDialog, Registered

        row = self.selected()
        if row is None:
            return

        def registered(done: Registered | None) -> None:
            if done is None:
                return
            text = f"Dicatat di buku agenda surat masuk: nomor {done.entry.number}."
            say(self, f"{text} {done.warning or 'Cetak label dengan l.'}", ok=not done.warning)
            self.follow(row.id)

        def chosen(kode: str | None) -> None:
            if kode:
                self.app.push_screen(RegisterDialog(row.id, kode), registered)

        self.app.push_screen(KlasifikasiPicker(), chosen)

    def action_label(self) -> None:
        """The agenda stamp of the mail (its number, date received and kode) is printed."""
        from tui import printing
        from tui.dialogs.print_dialog import PrintDialog

        row = self.selected()
        if row is None:
            return
        try:
            label = printing.agenda_label(row.id)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        if self.act(email_in.labelled, "Dilabeli: teruskan dengan f."):
            self.app.push_screen(PrintDialog(*label))

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
