"""Procedure 2 step 7 (Staf Bidang/Seksi, Kepala Bidang): the unit's follow-up or answer to
an incoming mail forwarded to it, written here or sent as an outgoing email."""

from __future__ import annotations

from textual.binding import Binding

from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from model.sop import EMAIL_IN
from model.workflow.inbox import WorkRow
from model.workflow.items import WorkItem
from tui.screens.email_in.mail_view import MailViewScreen, TextDialog, incoming_text, step_line
from tui.screens.queue import QueueScreen
from tui.widgets.clock import clock_text
from tui.widgets.plain import Static


class FollowUpScreen(QueueScreen):
    """Mail forwarded to the user's unit that still waits for its follow-up."""

    CSS_PATH = "triage.tcss"
    BINDINGS = [
        Binding("enter", "open", "Baca", priority=True),
        Binding("t", "follow_up", "Tindak lanjut"),
        Binding("b", "reply", "Jawab via email"),
        Binding("escape", "app.pop_screen", "Kembali"),
    ]
    PROCEDURE, ACTIONS = EMAIL_IN, ("tindak_lanjut",)
    COLUMNS = (("No", 4), ("Dari", 18), ("Perihal", 30), ("Diteruskan", 11), ("Waktu", 8))
    SUB_TITLE, PANE = "Tindak lanjut email", "mail"
    HEADING = "Email diteruskan ke unit Anda — menunggu tindak lanjut (langkah 7)"
    ROW_ACTIONS = ("follow_up", "reply", "open")

    def cells(self, row: WorkRow) -> tuple:
        mail = email_in_records.mail_of(row.item)
        fwd = row.item.forwards.order_by(email_in.UnitTask.id.desc()).first()
        return (str(row.item.id), mail.from_name or mail.from_addr, mail.subject,
                f"{fwd.at:%d-%m %H:%M}" if fwd else "-", clock_text(row.clock))

    def show(self, row: WorkRow | None) -> None:
        self.query_one("#where", Static).update(
            step_line(row.item) if row else "Tidak ada email yang menunggu tindak lanjut unit Anda.")
        self.query_one("#mail", Static).update(incoming_text(row.item.id) if row else "")

    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.push_screen(MailViewScreen(row.item.id))

    def action_follow_up(self) -> None:
        row = self.selected()
        if row is None:
            return
        user, item_id = self.app.session.user, row.item.id
        self.app.push_screen(
            TextDialog(f"Tindak lanjut email #{item_id}",
                       "Tuliskan tindak lanjut atau jawaban unit Anda (Ctrl+S menyimpan):",
                       lambda text: email_in.follow_up(user, item_id, text)),
            self.reloaded(f"Tindak lanjut email #{item_id} dicatat."))

    def action_reply(self) -> None:
        """Answer by outgoing email: the draft is prefilled; once saved, it is the follow-up."""
        from tui.screens.email_out.compose import ComposeScreen

        row = self.selected()
        if row is None:
            return
        item_id = row.item.id

        def drafted(reply_id: int | None) -> None:
            if reply_id:
                self.run(lambda: email_in.follow_up(
                    self.app.session.user, item_id, f"Dijawab melalui email keluar #{reply_id}",
                    reply_item=WorkItem.get_by_id(reply_id)),
                    f"Email #{item_id} dijawab melalui email keluar #{reply_id}.")

        self.app.push_screen(ComposeScreen(reply_to=item_id), drafted)
