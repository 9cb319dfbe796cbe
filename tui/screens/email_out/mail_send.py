"""Procedure 3 steps 4 and 5 (Kasi Persandian / Administrasi Umum): send the final letter
from the office mailbox through the daemon, watch the job live, archive the sent email; the
letter is shown with whether it is byte-for-byte the version the Kepala Bidang approved."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding

from model import outbox
from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.outbox import MailJob
from model.sop import EMAIL_OUT
from model.workflow.inbox import WorkRow
from tui.screens.email_in.mail_view import outgoing_text, step_line
from tui.screens.queue import QueueScreen
from tui.widgets.clock import clock_text
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Static
from tui.widgets.status import StatusLine

STATUS_STYLES = {outbox.QUEUED: "bold", outbox.SENDING: "bold dark_orange",
                 outbox.SENT: "bold green", outbox.FAILED: "bold white on red"}
ACTIVE = (outbox.QUEUED, outbox.SENDING)


def send_jobs(item_id: int) -> list[MailJob]:
    return [j for j in outbox.jobs_of(item_id) if j.kind == outbox.SEND]


def status_text(job: MailJob | None) -> Text:
    if job is None:
        return Text("-")
    return Text(job.status, style=STATUS_STYLES.get(job.status, ""))


def check_text(item_id: int) -> Text:
    """Green when the letter is exactly its approved version, else the refusal in red."""
    try:
        _letter, version = email_out_records.approved_letter(item_id)
    except PROBLEMS as exc:
        return Text(f"✗ {exc}", style="bold white on red")
    return Text(f"✓ sesuai versi yang disetujui (v{version.number})", style="bold green")


def jobs_text(jobs: list[MailJob]) -> Text:
    """Every send attempt of a letter: status, tries, error or Message-ID."""
    if not jobs:
        return Text("Belum dikirim. Tekan k, pilih kode klasifikasi; daemon yang mengirim.")
    text = Text()
    for job in jobs:
        text.append(f"Pengiriman #{job.id}: ")
        text.append_text(status_text(job))
        text.append(f"  percobaan {job.attempts}/{job.max_tries}, "
                    f"{job.updated_at:%d-%m %H:%M:%S}, kode {job.klasifikasi}\n")
        if job.error:
            text.append(f"  Galat: {job.error}\n", style="red")
        if job.message_id:
            text.append(f"  Message-ID {job.message_id}\n", style="green")
    if jobs[-1].status == outbox.FAILED:
        text.append("Gagal terkirim: periksa galat, lalu k untuk mengantre ulang.",
                    style="bold red")
    return text


class MailSendScreen(QueueScreen):
    """Final letters at step 4 (send) and sent ones at step 5 (archive), refreshed live."""

    CSS_PATH = "mail_send.tcss"
    BINDINGS = [
        Binding("k", "send", "Kirim"),
        Binding("r", "archive", "Arsipkan"),
        Binding("escape", "app.pop_screen", "Kembali"),
    ]
    PROCEDURE, ACTIONS = EMAIL_OUT, ("kirim", "arsipkan")
    COLUMNS = (("No", 4), ("Lgk", 3), ("Perihal", 27), ("Kepada", 16), ("Kirim", 8),
               ("Waktu/baku", 10))
    SUB_TITLE, PANE = "Kirim email keluar", "letter"
    FORGET_ITEM = False  # the cursor follows the letter it is on while the queue changes

    def __init__(self, item_id: int | None = None):
        super().__init__(item_id)
        self.seen: tuple = ()

    def compose_head(self) -> ComposeResult:
        yield StatusLine(id="status")

    def compose_pane(self) -> ComposeResult:
        yield Static("", id="jobs")
        yield Static("", id="check")
        yield from super().compose_pane()

    def on_mount(self) -> None:
        """Poll the daemon's work (QueueScreen's on_mount, called next, loads the table)."""
        self.set_interval(1, self.poll)

    def state(self) -> tuple:
        """What the daemon can change: the queue, the steps and every job's status."""
        rows = super().fetch()
        jobs = tuple((j.id, j.status, j.attempts, j.error) for r in rows
                     for j in send_jobs(r.item.id))
        return rows, tuple((r.item.id, r.item.step) for r in rows) + jobs

    def fetch(self) -> list[WorkRow]:
        rows, self.seen = self.state()
        return rows

    def poll(self) -> None:
        try:
            _rows, seen = self.state()
        except PROBLEMS:
            return
        if seen != self.seen:
            self.reload()

    def cells(self, row: WorkRow) -> tuple:
        jobs = send_jobs(row.item.id)
        return (str(row.item.id), str(row.step.number), row.item.title,
                email_out_records.mail_of(row.item).to, status_text(jobs[-1] if jobs else None),
                clock_text(row.clock))

    def show(self, row: WorkRow | None) -> None:
        if row is None:
            self.query_one("#where", Static).update("Tidak ada email keluar yang menunggu "
                                                    "dikirim atau diarsipkan.")
            self.query_one("#jobs", Static).update("")
            self.query_one("#check", Static).update("")
            self.query_one("#letter", Static).update("")
        else:
            self.item_id = row.item.id
            self.query_one("#where", Static).update(step_line(row.item))
            self.query_one("#jobs", Static).update(jobs_text(send_jobs(row.item.id)))
            self.query_one("#check", Static).update(check_text(row.item.id))
            self.query_one("#letter", Static).update(outgoing_text(row.item.id))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        row = self.selected()
        if action == "send":
            if row is None or not row.item.waits_for("kirim"):
                return False
            jobs = send_jobs(row.item.id)
            return not jobs or jobs[-1].status not in ACTIVE
        if action == "archive":
            return row is not None and row.item.waits_for("arsipkan")
        return True

    def action_send(self) -> None:
        from tui.dialogs.klasifikasi_picker import KlasifikasiPicker

        row = self.selected()
        if row is None:
            return
        jobs = send_jobs(row.item.id)

        def chosen(kode: str | None) -> None:
            if not kode:
                return
            try:
                job = email_out.send(self.app.session.user, row.item.id, kode, max_tries=3)
            except PROBLEMS as exc:
                say(self, str(exc))
                return
            say(self, f"Email #{row.item.id} masuk antrean kirim (#{job.id}); "
                      "daemon mengirimnya.", ok=True)
            self.reload()

        self.app.push_screen(KlasifikasiPicker(jobs[-1].klasifikasi if jobs else ""), chosen)

    def action_archive(self) -> None:
        row = self.selected()
        if row is not None:
            self.run(lambda: email_out.archive(self.app.session.user, row.item.id),
                     f"Email #{row.item.id} diarsipkan ke database surat keluar.")
