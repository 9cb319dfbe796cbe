"""Procedure 2 step 2 "Bukan surat dinas": set a spam, phishing or wrongly addressed mail
aside with its kind and reason; it closes unnumbered and stays in the email archive."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import RadioSet

from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from tui.dialogs.base import FormDialog
from tui.keys import bind
from tui.widgets.plain import Input, Label, Static
from tui.widgets.toggles import RadioButton


class SetAsideDialog(FormDialog[str]):
    """Choose the kind, write the reason; dismisses with the kind's label once set aside."""

    BINDINGS = [bind("ctrl+s", "save", priority=True)]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def heading(self) -> str:
        return f"Sisihkan email #{self.item_id} — bukan surat dinas"

    def compose_form(self) -> ComposeResult:
        mail = email_in_records.mail_of(self.item_id)
        yield Static(Text(f"{mail.from_addr}: {mail.subject}"), id="aside-mail")
        with Horizontal(classes="aside-row"):
            yield Label("Jenis")
            with RadioSet(id="aside-kind", compact=True):
                for kind in email_in_records.SetAside:
                    yield RadioButton(kind.label, id=f"kind-{kind}")
        with Horizontal(classes="aside-row"):
            yield Label("Alasan")
            yield Input(
                id="aside-reason", compact=True, placeholder="mis. tautan palsu meminta kata sandi"
            )
        yield Static(
            "Jenis: ←/→ lalu spasi; Tab ke alasan. Email tetap tersimpan di arsip "
            "email beserta alasannya dan tidak dicatat di buku agenda.",
            id="aside-note",
        )

    def save(self) -> str:
        pressed = self.query_one("#aside-kind", RadioSet).pressed_button
        kind = pressed.id.removeprefix("kind-") if pressed is not None else ""
        email_in.set_aside(self.app.session.user, self.item_id, kind, self.value("aside-reason"))
        return email_in_records.SetAside(kind).label
