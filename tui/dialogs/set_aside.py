"""Procedure 2 step 2 "Bukan surat dinas": set a spam, phishing or wrongly addressed mail
aside with its kind and reason; it closes unnumbered and stays in the email archive."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, RadioButton, RadioSet

from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Label, Static


class SetAsideDialog(ModalScreen[str | None]):
    """Choose the kind, write the reason; dismisses with the kind's label once set aside."""

    BINDINGS = [Binding("ctrl+s", "save", "Sisihkan", priority=True),
                ("escape", "cancel", "Batal")]
    CSS_PATH = "../screens/email_in/triage.tcss"

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        mail = email_in_records.mail_of(self.item_id)
        with Vertical(classes="dialog"):
            yield Static(f"Sisihkan email #{self.item_id} — bukan surat dinas",
                         classes="dialog-title")
            yield Static(Text(f"{mail.from_addr}: {mail.subject}"), id="aside-mail")
            with Horizontal(classes="aside-row"):
                yield Label("Jenis")
                with RadioSet(id="aside-kind", compact=True):
                    for kind, label in email_in_records.SET_ASIDE_KINDS.items():
                        yield RadioButton(label, id=f"kind-{kind}")
            with Horizontal(classes="aside-row"):
                yield Label("Alasan")
                yield Input(id="aside-reason", compact=True,
                            placeholder="mis. tautan palsu meminta kata sandi")
            yield Static("Jenis: ←/→ lalu spasi; Tab ke alasan. Email tetap tersimpan di arsip "
                         "email beserta alasannya dan tidak dicatat di buku agenda.",
                         id="aside-note")
            yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#message").display = False
        self.query_one("#aside-kind").focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        pressed = self.query_one("#aside-kind", RadioSet).pressed_button
        kind = pressed.id.removeprefix("kind-") if pressed is not None else ""
        reason = self.query_one("#aside-reason", Input).value
        try:
            email_in.set_aside(self.app.session.user, self.item_id, kind, reason)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.dismiss(email_in_records.SET_ASIDE_KINDS[kind])

    def action_cancel(self) -> None:
        self.dismiss(None)
