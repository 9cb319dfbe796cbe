"""Konsol kirim faks (SOP procedure 1, steps 5–6): modem or manual sends, prints, hand back."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from model.base import now
from model.books.agenda import agenda_number
from model.fax import jobs as fax_jobs
from model.fax.jobs import DECIDE, FAILED, SENT, FaxJob, FaxLogEntry
from model.fax.number import FaxNumber
from model.fax.records import FaxDestination, FaxRequest
from model.workflow.inbox import WorkRow, waiting_for
from tui.widgets.clock import clock_text
from tui.widgets.message import PROBLEMS, note
from tui.widgets.plain import DataTable, Static
from tui.widgets.status import StatusLine
from tui.widgets.table import add_columns, at_cursor

QUEUE_COLUMNS = (("No. agenda", 24), ("Perihal", 25), ("Tuj", 3), ("Lgk", 3),
                 ("Waktu/baku", 13))
DEST_COLUMNS = (("Tujuan", 18), ("Nomor", 12), ("Status", 14), ("Coba", 4), ("Hal", 3),
                ("Keterangan", 15))
JOB_STYLES = {SENT: "green", FAILED: "bold red", DECIDE: "bold dark_orange",
              fax_jobs.SENDING: "bold cyan", fax_jobs.CANCELLED: "dim"}


@dataclass
class DestRow:
    """A destination of the selected message, its latest job and its successful book line."""

    dest: FaxDestination
    job: FaxJob | None
    log_id: int | None


def fill(table: DataTable, rows: list[tuple[str, tuple]]) -> None:
    """Show `rows` (key, cells): update cells in place when the keys are unchanged."""
    keys = [str(k.value) for k in table.rows]
    if keys == [k for k, _ in rows]:
        for key, cells in rows:
            for column, cell in zip(table.columns, cells, strict=False):
                table.update_cell(key, column, cell)
        return
    keep = table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if rows:
        table.move_cursor(row=min(keep, len(rows) - 1))


class TransmitScreen(Screen):
    CSS_PATH = "transmit.tcss"
    BINDINGS = [
        Binding("escape", "back", "Kembali"),
        Binding("k", "modem", "Modem"),
        Binding("m", "manual", "Manual"),
        Binding("u", "resend", "Ulang"),
        Binding("x", "cancel_job", "Batalkan"),
        Binding("t", "mark_sent", "Terkirim"),
        Binding("s", "hand_back", "Serahkan ke Adm. Umum"),
        Binding("j", "journal", "Jurnal"),
        Binding("c", "stamp", "Cap"),
        Binding("h", "daily", "Lap.harian"),
    ]

    def __init__(self, item_id: int | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.queue: list[WorkRow] = []
        self.dests: list[DestRow] = []
        self.request: FaxRequest | None = None
        self.ticks = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusLine(id="status")
        yield Static("Antrean kirim faks — langkah 5 (kirim) dan 6 (serahkan)",
                     classes="section-title")
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Static("", id="item-info")
        yield DataTable(id="dests", cursor_type="row")
        yield Static("", id="job-info")
        yield Static("", id="message")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title, self.sub_title = "Warkat", "Konsol kirim faks"
        for table_id, columns in (("#queue", QUEUE_COLUMNS), ("#dests", DEST_COLUMNS)):
            add_columns(self.query_one(table_id, DataTable), columns)
        self.reload()
        self.set_interval(1, self.tick)
        self.query_one("#dests" if self.item_id else "#queue", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def tick(self) -> None:
        """Every second the daemon's progress; every fifth the queue and its clocks."""
        self.ticks += 1
        try:
            if self.ticks % 5 == 0:
                self.load_queue()
            self.load_dests()
        except PROBLEMS as exc:
            note(self, str(exc))

    def reload(self) -> None:
        try:
            self.load_queue()
            self.load_dests()
        except PROBLEMS as exc:
            note(self, str(exc))

    # -- loading -----------------------------------------------------------------------------

    def load_queue(self) -> None:
        user = self.app.session.user
        self.queue = [r for r in waiting_for(user, "fax") if r.step.action("terkirim") or r.step.action("serahkan")]
        table = self.query_one("#queue", DataTable)
        rows = []
        for r in self.queue:
            req = FaxRequest.get_or_none(FaxRequest.item == r.item)
            count = str(req.destinations.count()) if req else "-"
            rows.append((str(r.item.id), (agenda_number(r.item) or "-", r.item.title,
                                          count, str(r.step.number), clock_text(r.clock))))
        fill(table, rows)
        ids = [r.item.id for r in self.queue]
        if self.item_id in ids:
            if table.cursor_row != ids.index(self.item_id):
                table.move_cursor(row=ids.index(self.item_id))
        else:
            self.item_id = ids[table.cursor_row] if ids and table.cursor_row < len(ids) else None

    def selected_row(self) -> WorkRow | None:
        return next((r for r in self.queue if r.item.id == self.item_id), None)

    def load_dests(self) -> None:
        row = self.selected_row()
        self.request = FaxRequest.get_or_none(FaxRequest.item == row.item) if row else None
        self.dests = []
        if self.request is not None:
            latest = {j.destination_id: j for j in fax_jobs.jobs_of(row.item.id)}
            for dest in self.request.destinations.order_by(FaxDestination.id):
                entry = (FaxLogEntry.select(FaxLogEntry.id)
                         .where((FaxLogEntry.destination == dest) & FaxLogEntry.ok)
                         .order_by(FaxLogEntry.id.desc()).first())
                self.dests.append(DestRow(dest, latest.get(dest.id), entry.id if entry else None))
        fill(self.query_one("#dests", DataTable),
             [(str(d.dest.id), self.dest_cells(d)) for d in self.dests])
        self.show_item(row)
        self.show_job()

    @staticmethod
    def dest_cells(d: DestRow) -> tuple:
        number = FaxNumber(d.dest.number, d.dest.extension).display
        job = d.job
        if job is None:
            status = Text("Terkirim", "green") if d.dest.status == "terkirim" else "Belum"
            return d.dest.name, number, status, "", "", ""
        label = Text(fax_jobs.STATUS_LABELS.get(job.status, job.status),
                     JOB_STYLES.get(job.status, ""))
        if fax_jobs.orphan(job):
            label = Text("Terputus", "bold red")
        via = " (manual)" if job.manual else ""
        return (d.dest.name, number, label, f"{job.attempts}/{job.max_tries}",
                f"{job.pages_done}/{job.pages_total}", (job.progress or job.result) + via)

    def show_item(self, row: WorkRow | None) -> None:
        info = self.query_one("#item-info", Static)
        if row is None:
            info.update("Tidak ada berita yang menunggu pengiriman.")
        elif self.request is None:
            info.update(f"#{row.item.id} {row.item.title}: data permintaan faks tidak ada.")
        else:
            holder = self.request.operator
            mine = holder is None or holder.id == self.app.session.user.id
            held = "" if mine else f" · dipegang {holder.full_name}"
            info.update(f"{agenda_number(row.item) or '-'} · {row.item.sifat} · "
                        f"{row.item.derajat} · ±{self.request.pages} hal.{held}")
        self.refresh_bindings()

    def selected_dest(self) -> DestRow | None:
        return at_cursor(self.query_one("#dests", DataTable), self.dests)

    def show_job(self) -> None:
        d = self.selected_dest()
        info = self.query_one("#job-info", Static)
        if d is None:
            info.update("")
        elif d.job is None:
            info.update(f"{d.dest.name}: belum dikirim — k kirim lewat modem, "
                        "m catat kiriman mesin faks manual.")
        elif d.job.status in (FAILED, DECIDE):
            reason = d.job.progress or d.job.result
            info.update(Text(f"{d.dest.name}: {reason} — u kirim ulang, x batalkan, "
                             "m catat kiriman manual.", "bold red"))
        elif fax_jobs.orphan(d.job):
            info.update(Text(f"{d.dest.name}: daemon yang mengirim tidak aktif lagi — u kirim "
                             "ulang, x batalkan, m catat kiriman manual.", "bold red"))
        else:
            info.update(f"{d.dest.name}: {d.job.result or d.job.progress}")
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "queue":
            key = int(event.row_key.value)
            if key != self.item_id:
                self.item_id = key
                self.load_dests()
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
        visible = {
            "modem": bool(step and step.action("terkirim")) and d is not None,
            "manual": bool(step and step.action("terkirim")) and d is not None,
            "resend": job is not None and job.status != fax_jobs.QUEUED
            and fax_jobs.undecided(job),
            "cancel_job": job is not None and fax_jobs.undecided(job),
            "mark_sent": bool(step and step.action("terkirim")),
            "hand_back": bool(step and step.action("serahkan")),
            "journal": job is not None and job.attempt_rows.exists(),
            "stamp": d is not None and d.log_id is not None,
        }
        return visible.get(action, True)

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
        d, cfg = self.selected_dest(), self.app.session.config
        if d is None or self.request is None:
            return
        self.run(lambda: fax_jobs.enqueue(
            self.app.session.user, self.item_id, d.dest.id, pages=self.request.pages,
            max_tries=int(cfg.fax.get("max_tries", 3)),
            dial_prefix=cfg.fax.get("dial_prefix", "")),
            f"Faks ke {d.dest.name} masuk antrean modem.")

    def action_manual(self) -> None:
        from tui.screens.fax.manual_send import ManualSendScreen

        d = self.selected_dest()
        if d is None or self.request is None:
            return
        self.app.push_screen(ManualSendScreen(self.item_id, d.dest, self.request.pages),
                             lambda job: job and self.reload())

    def decide(self, resend: bool) -> None:
        d = self.selected_dest()
        if d is None or d.job is None:
            return
        done = "dikirim ulang" if resend else "dibatalkan"
        self.run(lambda: fax_jobs.decide(self.app.session.user, d.job.id, resend),
                 f"Faks ke {d.dest.name} {done}.")

    def action_resend(self) -> None:
        self.decide(True)

    def action_cancel_job(self) -> None:
        self.decide(False)

    def action_mark_sent(self) -> None:
        if self.item_id is not None:
            self.run(lambda: fax_jobs.mark_sent(self.app.session.user, self.item_id),
                     "Berita dicatat terkirim (langkah 6).")

    def action_hand_back(self) -> None:
        if self.item_id is not None:
            self.run(lambda: fax_jobs.hand_back(self.app.session.user, self.item_id),
                     "Berita diserahkan ke Administrasi Umum untuk diarsipkan.")

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

    def action_daily(self) -> None:
        self.print_document("daily_fax_report", now().date())
