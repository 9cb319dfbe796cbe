"""Procedure 2 step 7 (Staf Bidang/Seksi, Kepala Bidang): the unit's follow-up or answer to
an incoming mail forwarded to it, written here or sent as an outgoing email."""

from __future__ import annotations

from model.email_in import flow as email_in
from model.email_in.queue_rows import InRow, in_rows
from model.org import User
from model.sop import EMAIL_IN, number
from model.workflow.items import WorkItem
from tui.dialogs.reason import TextDialog
from tui.keys import bind
from tui.screens.email_in.mail_view import MailViewScreen, incoming_text, step_line
from tui.screens.queue import QueueScreen
from tui.widgets.clock import CLOCK, clock_text
from tui.widgets.plain import Static
from tui.widgets.table import Column


class FollowUpScreen(QueueScreen):
    """Mail forwarded to the user's unit that still waits for its follow-up."""

    CSS_PATH = "triage.tcss"
    BINDINGS = [
        bind("enter", "open", priority=True),
        bind("w", "follow_up"),
        bind("b", "reply"),
        bind("escape", "app.pop_screen"),
    ]
    ACTIONS = ("tindak_lanjut",)
    COLUMNS = (
        Column("No", whole=True),
        Column("Dari", 14, drop=2),
        Column("Perihal", 20, grow=True),
        Column("Diteruskan", whole=True, drop=1),
        CLOCK,
    )
    SUB_TITLE, PANE = "Tindak lanjut email", "mail"
    HEADING = (
        "Email diteruskan ke unit Anda — menunggu tindak lanjut "
        f"(langkah {number(EMAIL_IN, 'tindak_lanjut')})"
    )
    ROW_ACTIONS = ("follow_up", "reply", "open")

    def read(self, user: User, limit: int) -> list[InRow]:
        return in_rows(user, self.ACTIONS, limit)

    def pane(self, row: InRow) -> tuple:
        return step_line(WorkItem.get_by_id(row.id)), incoming_text(row.id)

    def cells(self, row: InRow) -> tuple:
        return (
            str(row.id),
            row.sender,
            row.subject,
            f"{row.forwarded_at:%d-%m %H:%M}" if row.forwarded_at else "-",
            clock_text(row.clock),
        )

    def show(self, row: InRow | None, pane: tuple | None) -> None:
        where, mail = pane or ("Tidak ada email yang menunggu tindak lanjut unit Anda.", "")
        self.query_one("#where", Static).update(where)
        self.query_one("#mail", Static).update(mail)

    def action_open(self) -> None:
        if self.live.more_page():
            return
        row = self.selected()
        if row is not None:
            self.app.push_screen(MailViewScreen(row.id))

    def action_follow_up(self) -> None:
        row = self.selected()
        if row is None:
            return
        user, item_id = self.app.session.user, row.id
        self.app.push_screen(
            TextDialog(
                f"Tindak lanjut email #{item_id}",
                "Tuliskan tindak lanjut atau jawaban unit Anda (Ctrl+S menyimpan):",
                lambda text: email_in.follow_up(user, item_id, text),
            ),
            self.reloaded(f"Tindak lanjut email #{item_id} dicatat."),
        )

    def action_reply(self) -> None:
        """Answer by outgoing email: the draft is prefilled; once saved, it is the follow-up."""
        from tui.screens.email_out.compose import ComposeScreen

        row = self.selected()
        if row is None:
            return
        item_id = row.id

        def drafted(reply_id: int | None) -> None:
            if reply_id:
                self.run(
                    lambda: email_in.follow_up(
                        self.app.session.user,
                        item_id,
                        f"Dijawab melalui email keluar #{reply_id}",
                        reply_item=WorkItem.get_by_id(reply_id),
                    ),
                    f"Email #{item_id} dijawab melalui email keluar #{reply_id}.",
                )

        self.app.push_screen(ComposeScreen(reply_to=item_id), drafted)
