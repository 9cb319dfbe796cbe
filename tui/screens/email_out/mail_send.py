"""Procedure 3 steps 4 and 5 (Kasi Persandian / Administrasi Umum): send the final letter
from the office mailbox through the daemon, watch the job live, archive the sent email; the
letter is shown with whether it is byte-for-byte the version the Kepala Bidang approved."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.email_out.queue_rows import OutRow, SendFacts, out_rows
from model.org import User
from model.outbox import MailStatus
from model.workflow.items import WorkItem
from tui.keys import bind
from tui.screens.email_in.mail_view import outgoing_text, step_line
from tui.screens.queue import QueueScreen
from tui.widgets.clock import CLOCK, clock_text
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Static
from tui.widgets.status import StatusLine
from tui.widgets.table import Column

STATUS_STYLES = {
    MailStatus.QUEUED: "bold",
    MailStatus.SENDING: "bold dark_orange",
    MailStatus.SENT: "bold green",
    MailStatus.FAILED: "bold white on red",
}
ACTIVE = (MailStatus.QUEUED, MailStatus.SENDING)


def status_text(job: SendFacts | None) -> Text:
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


def jobs_text(jobs: tuple[SendFacts, ...]) -> Text:
    """Every send attempt of a letter: status, tries, error or Message-ID."""
    if not jobs:
        return Text("Belum dikirim. Tekan k, pilih kode klasifikasi; daemon yang mengirim.")
    text = Text()
    for job in jobs:
        text.append(f"Pengiriman #{job.id}: ")
        text.append_text(status_text(job))
        text.append(
            f"  percobaan {job.attempts}/{job.max_tries}, "
            f"{job.updated_at:%d-%m %H:%M:%S}, kode {job.klasifikasi}\n"
        )
        if job.error:
            text.append(f"  Galat: {job.error}\n", style="red")
        if job.message_id:
            text.append(f"  Message-ID {job.message_id}\n", style="green")
    if jobs[-1].status == MailStatus.FAILED:
        text.append(
            "Gagal terkirim: periksa galat, lalu k untuk mengantre ulang.", style="bold red"
        )
    return text


class MailSendScreen(QueueScreen):
    """Final letters at step 4 (send) and sent ones at step 5 (archive), refreshed live."""

    CSS_PATH = "mail_send.tcss"
    BINDINGS = [bind("k", "send"), bind("r", "archive"), bind("escape", "app.pop_screen")]
    ACTIONS = ("kirim", "arsipkan")
    COLUMNS = (
        Column("No", whole=True),
        Column("Lgk", whole=True, drop=2),
        Column("Perihal", 20, grow=True),
        Column("Kepada", 14, drop=3),
        Column("Kirim", whole=True, drop=1),
        CLOCK,
    )
    SUB_TITLE, PANE = "Kirim email keluar", "letter"

    def compose_head(self) -> ComposeResult:
        yield StatusLine(id="status")

    def compose_pane(self) -> ComposeResult:
        yield Static("", id="jobs")
        yield Static("", id="check")
        yield from super().compose_pane()

    def on_mount(self) -> None:
        """Poll the daemon's work (QueueScreen's on_mount, called next, loads the table)."""
        self.set_interval(1, lambda: self.reload(poll=True))

    def read(self, user: User, limit: int) -> list[OutRow]:
        return out_rows(user, self.ACTIONS, limit)

    def pane(self, row: OutRow) -> tuple:
        """The step line, the sends, the approval check (read again at every poll: a letter
        changed behind the screen shows at once) and the letter."""
        return (
            step_line(WorkItem.get_by_id(row.id)),
            jobs_text(row.sends),
            check_text(row.id),
            outgoing_text(row.id),
        )

    def cells(self, row: OutRow) -> tuple:
        return (
            str(row.id),
            str(row.step.number),
            row.title,
            row.to,
            status_text(row.last_send),
            clock_text(row.clock),
        )

    def show(self, row: OutRow | None, pane: tuple | None) -> None:
        texts = pane or (
            "Tidak ada email keluar yang menunggu dikirim atau diarsipkan.",
            "",
            "",
            "",
        )
        for widget, text in zip(("#where", "#jobs", "#check", "#letter"), texts, strict=True):
            self.query_one(widget, Static).update(text)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        row = self.selected()
        if action == "send":
            return (
                row is not None
                and bool(row.step.action("kirim"))
                and (row.last_send is None or row.last_send.status not in ACTIVE)
            )
        if action == "archive":
            return row is not None and bool(row.step.action("arsipkan"))
        return True

    def action_send(self) -> None:
        from tui.dialogs.klasifikasi_picker import KlasifikasiPicker

        row = self.selected()
        if row is None:
            return

        def chosen(kode: str | None) -> None:
            if not kode:
                return
            try:
                job = email_out.send(self.app.session.user, row.id, kode, max_tries=3)
            except PROBLEMS as exc:
                say(self, str(exc))
                return
            say(
                self,
                f"Email #{row.id} masuk antrean kirim (#{job.id}); daemon mengirimnya.",
                ok=True,
            )
            self.reload()

        self.app.push_screen(
            KlasifikasiPicker(row.last_send.klasifikasi if row.last_send else ""), chosen
        )

    def action_archive(self) -> None:
        row = self.selected()
        if row is not None:
            self.run(
                lambda: email_out.archive(self.app.session.user, row.id),
                f"Email #{row.id} diarsipkan ke database surat keluar.",
            )
