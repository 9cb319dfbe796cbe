"""Procedure 2 step 7 (Staf Bidang/Seksi, Kepala Bidang): the unit's follow-up or answer to
an incoming mail forwarded to it, written here or sent as an outgoing email."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from model import email_in
from model.items import WorkItem
from model.sop import EMAIL_IN
from model.work import WorkRow, waiting_for
from tui.screens.mail_view import (
    PROBLEMS,
    MailViewScreen,
    TextDialog,
    incoming_text,
    say,
    step_line,
)
from tui.widgets.clock import clock_text

COLUMNS = (("No", 4), ("Dari", 18), ("Perihal", 30), ("Diteruskan", 11), ("Waktu", 8))


class FollowUpScreen(Screen):
    """Mail forwarded to the user's unit that still waits for its follow-up."""

    CSS_PATH = "triage.tcss"
    BINDINGS = [
        Binding("enter", "open", "Baca", priority=True),
        Binding("t", "follow_up", "Tindak lanjut"),
        Binding("b", "reply", "Jawab via email"),
        Binding("escape", "app.pop_screen", "Kembali"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.rows: list[WorkRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Email diteruskan ke unit Anda — menunggu tindak lanjut (langkah 7)",
                     classes="section-title")
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Static("", id="where")
        with VerticalScroll(id="preview"):
            yield Static("", id="mail")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Tindak lanjut email"
        table = self.query_one("#queue", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.query_one("#message").display = False
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        table = self.query_one("#queue", DataTable)
        keep = table.cursor_row
        try:
            self.rows = [r for r in waiting_for(self.app.session.user, EMAIL_IN)
                         if r.step.number == 7]
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        table.clear()
        for row in self.rows:
            mail = email_in.mail_of(row.item)
            fwd = row.item.forwards.order_by(email_in.MailForward.id.desc()).first()
            table.add_row(str(row.item.id), mail.from_name or mail.from_addr, mail.subject,
                          f"{fwd.at:%d-%m %H:%M}" if fwd else "-", clock_text(row.clock),
                          key=str(row.item.id))
        ids = [r.item.id for r in self.rows]
        if self.item_id in ids:
            table.move_cursor(row=ids.index(self.item_id))
            self.item_id = None
        elif ids:
            table.move_cursor(row=min(keep or 0, len(ids) - 1))
        self.show_selected()

    def selected(self) -> WorkRow | None:
        table = self.query_one("#queue", DataTable)
        if not self.rows or table.cursor_row is None:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def show_selected(self) -> None:
        row = self.selected()
        self.query_one("#where", Static).update(
            step_line(row.item) if row else "Tidak ada email yang menunggu tindak lanjut unit Anda.")
        self.query_one("#mail", Static).update(incoming_text(row.item.id) if row else "")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("follow_up", "reply", "open"):
            return self.selected() is not None
        return True

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_selected()

    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.push_screen(MailViewScreen(row.item.id))

    def recorded(self, item_id: int, what: str):
        def done(ok: bool | None) -> None:
            if ok:
                say(self, f"{what} email #{item_id} dicatat.", ok=True)
                self.reload()
        return done

    def action_follow_up(self) -> None:
        row = self.selected()
        if row is None:
            return
        user, item_id = self.app.session.user, row.item.id
        self.app.push_screen(
            TextDialog(f"Tindak lanjut email #{item_id}",
                       "Tuliskan tindak lanjut atau jawaban unit Anda (Ctrl+S menyimpan):",
                       lambda text: email_in.follow_up(user, item_id, text)),
            self.recorded(item_id, "Tindak lanjut"))

    def action_reply(self) -> None:
        """Answer by outgoing email: the draft is prefilled; once saved, it is the follow-up."""
        from tui.screens.compose import ComposeScreen

        row = self.selected()
        if row is None:
            return
        item_id = row.item.id

        def drafted(reply_id: int | None) -> None:
            if not reply_id:
                return
            try:
                email_in.follow_up(self.app.session.user, item_id,
                                   f"Dijawab melalui email keluar #{reply_id}",
                                   reply_item=WorkItem.get_by_id(reply_id))
            except PROBLEMS as exc:
                say(self, str(exc))
                return
            say(self, f"Email #{item_id} dijawab melalui email keluar #{reply_id}.", ok=True)
            self.reload()

        self.app.push_screen(ComposeScreen(reply_to=item_id), drafted)
