"""Konsol kirim faks (SOP procedure 1, steps 5–6): modem or manual sends, prints, hand back."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.widgets import Footer

from model.base import now
from model.fax import jobs as fax_jobs
from model.fax import schedule
from model.fax.message import message_of
from model.fax.number import FaxNumber
from model.fax.queue_rows import DestFacts, TransmitRow, transmit_rows
from model.fax.records import FaxDestination, JobStatus
from model.sop import FAX, number
from tui.keys import bind
from tui.screens.fax.preview import FaxPreviewScreen
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import CLOCK, StepClock, clock_text
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.message import PROBLEMS, note
from tui.widgets.plain import DataTable, Static
from tui.widgets.status import StatusLine
from tui.widgets.table import Column, add_columns, at_cursor

QUEUE_COLUMNS = (
    Column("No. agenda", whole=True),
    Column("Perihal", 16, grow=True),
    Column("Tuj", whole=True, drop=2),
    Column("Lgk", whole=True, drop=1),
    CLOCK,
)
DEST_COLUMNS = (
    Column("Tujuan", 14, grow=True),
    Column("Nomor", whole=True),
    Column("Status", whole=True),
    Column("Coba", whole=True, drop=2),
    Column("Hal", whole=True, drop=3),
    Column("Keterangan", 12, drop=1),
)
JOB_STYLES = {
    JobStatus.SENT: "green",
    JobStatus.FAILED: "bold red",
    JobStatus.DECIDE: "bold dark_orange",
    JobStatus.SENDING: "bold cyan",
    JobStatus.CANCELLED: "dim",
}
SEND, HAND_BACK = "terkirim", "serahkan"  # the SOP actions of its two steps


def fill(table: DataTable, rows: list[tuple[str, tuple]]) -> None:
    """Show `rows` (key, cells): update cells in place when the keys are unchanged."""
    keys = [str(k.value) for k in table.rows]
    if keys == [k for k, _ in rows]:
        for key, cells in rows:
            for index, cell in enumerate(cells):
                table.update_column(key, index, cell)
        return
    keep = table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if rows:
        table.move_cursor(row=min(keep, len(rows) - 1))


def queue_cells(r: TransmitRow) -> tuple:
    return (
        r.agenda or "-",
        r.title,
        str(len(r.dests)) if r.has_request else "-",
        str(r.step.number),
        clock_text(r.clock),
    )


def dest_cells(d: DestFacts) -> tuple:
    number = FaxNumber(d.number, d.extension).display
    job = d.job
    if job is None:
        status = Text("Terkirim", "green") if d.sent else "Belum"
        return d.name, number, status, "", "", ""
    label = Text(JobStatus.label_of(job.status), JOB_STYLES.get(job.status, ""))
    if job.send_at:  # queued for a set time still ahead
        label = Text("Terjadwal", "cyan")
    if job.orphan:
        label = Text("Terputus", "bold red")
    via = " (manual)" if job.manual else ""
    return (
        d.name,
        number,
        label,
        f"{job.attempts}/{job.max_tries}",
        f"{job.pages_done}/{job.pages_total}",
        (job.progress or job.result) + via,
    )


class TransmitScreen(Screen):
    CSS_PATH = "transmit.tcss"
    BINDINGS = [
        bind("escape", "back"),
        # Kirim: record a send on the office's standalone machine, queue a failed one again,
        # or queue a new one for the modem (check_action offers one of them)
        bind("k", "manual"),
        bind("k", "resend"),
        bind("k", "modem"),
        bind("K", "send_all"),
        bind("x", "cancel_job"),
        bind("t", "mark_sent"),
        bind("s", "hand_back"),
        bind("j", "journal"),
        bind("c", "stamp"),  # the cap belakang of the destination sent
        bind("h", "daily"),
        bind("f3", "preview"),  # what the selected destination will receive
    ]

    def __init__(self, item_id: int | None = None) -> None:
        super().__init__()
        self.item_id = item_id

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        row = self.selected_row()
        return item_help(row.id if row else None, "fax")

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusLine(id="status")
        yield Static(
            f"Antrean kirim faks — langkah {number(FAX, SEND)} (kirim) dan "
            f"{number(FAX, HAND_BACK)} (serahkan)",
            classes="section-title",
        )
        yield LiveTable(queue_cells, id="queue")
        yield Static("", id="item-info")
        yield StepClock()
        yield DataTable(id="dests", cursor_type="row")
        yield Static("", id="job-info")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Konsol kirim faks"
        for table_id, columns in (("#queue", QUEUE_COLUMNS), ("#dests", DEST_COLUMNS)):
            add_columns(self.query_one(table_id, DataTable), columns)
        self.live.follow = self.item_id
        self.reload()
        self.set_interval(1, self.tick)
        self.query_one("#dests" if self.item_id else "#queue", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def live(self) -> LiveTable:
        return self.query_one("#queue", LiveTable)

    @property
    def queue(self) -> list[TransmitRow]:
        return self.live.entries

    def tick(self) -> None:
        """Every second the daemon's progress and the queue's clocks, unless still reading."""
        self.reload(poll=True)

    def reload(self, poll: bool = False) -> None:
        user = self.app.session.user
        self.live.load(lambda limit: transmit_rows(user, limit), poll=poll)

    # -- showing (no reading here: the rows hold every fact) --------------------------------

    def selected_row(self) -> TransmitRow | None:
        return self.live.selected()

    def on_live_table_loaded(self, _event: LiveTable.Loaded) -> None:
        self.show_dests()

    def show_dests(self) -> None:
        row = self.selected_row()
        self.item_id = row.id if row else None
        fill(
            self.query_one("#dests", DataTable),
            [(str(d.id), dest_cells(d)) for d in (row.dests if row else ())],
        )
        self.show_item(row)
        self.show_job()

    def show_item(self, row: TransmitRow | None) -> None:
        info = self.query_one("#item-info", Static)
        self.query_one(StepClock).show_item(row.id if row else None)
        if row is None:
            info.update("Tidak ada berita yang menunggu pengiriman.")
        elif not row.has_request:
            info.update(f"#{row.id} {row.title}: data permintaan faks tidak ada.")
        else:
            mine = row.holder_id in (None, self.app.session.user.id)
            held = "" if mine else f" · dipegang {row.holder}"
            info.update(
                f"{row.agenda or '-'} · {row.title} · {row.sifat} · {row.derajat} · "
                f"±{row.pages} hal.{held}"
            )
        self.refresh_bindings()

    def selected_dest(self) -> DestFacts | None:
        row = self.selected_row()
        return at_cursor(self.query_one("#dests", DataTable), list(row.dests) if row else [])

    def show_job(self) -> None:
        d = self.selected_dest()
        info = self.query_one("#job-info", Static)
        if self.app.session.config.fax.device == "manual":  # a fax machine, no modem
            send = again = "k catat kiriman mesin faks"
        else:
            send, again = "k kirim lewat modem", "k kirim ulang"
        machine = "" if send == again else ", Ctrl+P catat kiriman mesin faks"
        name = f"{d.name} (grup {d.group})" if d and d.group else d and d.name
        if d is None:
            info.update("")
        elif d.job is None:
            info.update(f"{name}: belum dikirim — {send}{machine}.")
        elif d.job.status in (JobStatus.FAILED, JobStatus.DECIDE):
            reason = d.job.progress or d.job.result
            info.update(Text(f"{name}: {reason} — {again}, x batalkan{machine}.", "bold red"))
        elif d.job.orphan:
            info.update(
                Text(
                    f"{name}: daemon yang mengirim tidak aktif lagi — {again}, x batalkan"
                    f"{machine}.",
                    "bold red",
                )
            )
        else:
            info.update(f"{name}: {d.job.result or d.job.progress}")
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "queue":
            if int(event.row_key.value) != self.item_id:
                self.show_dests()
        else:
            self.show_job()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "queue":
            self.query_one("#dests", DataTable).focus()

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        row, d = self.selected_row(), self.selected_dest()
        step = row.step if row else None
        job = d.job if d else None
        sending = bool(step and step.action(SEND)) and d is not None
        machine = self.app.session.config.fax.device == "manual"  # no modem: a fax machine
        visible = {
            "modem": sending and not machine,
            "manual": sending and machine,
            "resend": not machine
            and job is not None
            and job.status != JobStatus.QUEUED
            and job.undecided,
            "send_all": bool(step and step.action(SEND)) and not machine,
            "cancel_job": job is not None and job.undecided,
            "mark_sent": bool(step and step.action(SEND)),
            "hand_back": bool(step and step.action(HAND_BACK)),
            "journal": job is not None and job.has_attempts,
            "stamp": d is not None and d.log_id is not None,
            "preview": d is not None and row is not None and row.has_request,
        }
        return visible.get(action, True)

    def commands(self) -> Iterable[SystemCommand]:
        """Ctrl+P: a send made on a fax machine, where the office sends by modem."""
        if self.check_action("modem", ()):
            yield SystemCommand(
                "Catat kirim manual",
                "Catat faks ke tujuan terpilih yang dikirim lewat mesin faks",
                self.action_manual,
            )

    def run(self, call, done: str) -> bool:
        """Call a model function; show the refusal, or reload and notify on success."""
        try:
            call()
        except PROBLEMS as exc:
            note(self, str(exc))
            return False
        note(self, "")
        self.reload()
        self.app.notify(done)
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_modem(self) -> None:
        row, d, cfg = self.selected_row(), self.selected_dest(), self.app.session.config
        if row is None or d is None or not row.has_request:
            return
        self.run(
            lambda: schedule.send_one(
                self.app.session.user,
                row.id,
                d.id,
                schedule.default_timing(cfg.fax.kill_after_hours),
                pages=row.pages,
                max_tries=cfg.fax.max_tries,
                dial_prefix=cfg.fax.dial_prefix,
            ),
            f"Faks ke {d.name} masuk antrean modem.",
        )

    def action_send_all(self) -> None:
        from tui.dialogs.send_all import SendAllDialog

        row = self.selected_row()
        if row is not None and row.has_request:
            self.app.push_screen(SendAllDialog(row), lambda jobs: jobs and self.reload())

    def action_manual(self) -> None:
        from tui.dialogs.manual_send import ManualSendDialog

        row, d = self.selected_row(), self.selected_dest()
        if row is None or d is None or not row.has_request:
            return
        self.app.push_screen(
            ManualSendDialog(row.id, d, row.pages), lambda job: job and self.reload()
        )

    def decide(self, resend: bool) -> None:
        d = self.selected_dest()
        if d is None or d.job is None:
            return
        done = "dikirim ulang" if resend else "dibatalkan"
        self.run(
            lambda: fax_jobs.decide(self.app.session.user, d.job.id, resend),
            f"Faks ke {d.name} {done}.",
        )

    def action_resend(self) -> None:
        self.decide(True)

    def action_cancel_job(self) -> None:
        self.decide(False)

    def action_mark_sent(self) -> None:
        if self.item_id is not None:
            self.run(
                lambda: fax_jobs.mark_sent(self.app.session.user, self.item_id),
                f"Berita dicatat terkirim (langkah {number(FAX, HAND_BACK)}).",
            )

    def action_hand_back(self) -> None:
        if self.item_id is not None:
            self.run(
                lambda: fax_jobs.hand_back(self.app.session.user, self.item_id),
                "Berita diserahkan ke Administrasi Umum untuk diarsipkan.",
            )

    def print_document(self, name: str, *args) -> None:
        from tui import printing
        from tui.dialogs.print_dialog import PrintDialog

        try:
            document = getattr(printing, name)(*args)
        except (*PROBLEMS, OSError) as exc:
            note(self, str(exc))
            return
        self.app.push_screen(PrintDialog(*document))

    def action_journal(self) -> None:
        d = self.selected_dest()
        if d and d.job:
            self.print_document("transmission_journal", d.job.id)

    def action_stamp(self) -> None:
        d = self.selected_dest()
        if d and d.log_id:
            self.print_document("back_stamp", d.log_id)

    def action_preview(self) -> None:
        d = self.selected_dest()
        if d is None:
            return
        dest = FaxDestination.get_by_id(d.id)
        message = message_of(self.app.session.config, dest)
        self.app.push_screen(FaxPreviewScreen(message, dest.request.fine))

    def action_daily(self) -> None:
        self.print_document("daily_fax_report", now().date())
