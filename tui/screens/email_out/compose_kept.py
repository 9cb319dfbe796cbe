"""What the email compose form keeps and asks (mixed into ComposeScreen): its recovery copy,
its error lines (every problem of the letter under its field), the question before leaving
with unsaved changes and before removing an attachment from the list."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import TextArea

from model.email_out import records as email_out_records
from model.errors import Invalid
from model.workflow.items import WorkItem
from tui.dialogs.question import confirm
from tui.dialogs.resubmit import ResubmitDialog
from tui.screens.recovery import RecoveredForm
from tui.widgets.message import say
from tui.widgets.plain import Input, OptionList

LINES = ("to", "cc", "subject")  # the one-line fields, their widget ids as the model names them
# the model's fields -> the widgets their problems are shown under, in the form's order
FIELD_WIDGETS = {
    "to": "to",
    "cc": "cc",
    "subject": "subject",
    "body": "body",
    "attachments": "path",
}


class KeptLetter(RecoveredForm):
    FORM = "email_out"
    WHAT = "Email ini"

    current: WorkItem | None
    reply_to: int | None
    files: list[tuple[str, bytes]]

    def form_key(self) -> str:
        if self.current is not None:
            return str(self.current.id)
        return f"balas {self.reply_to}" if self.reply_to is not None else ""

    def form_fields(self) -> dict:
        return self.form()

    def form_files(self) -> list[tuple[str, bytes]]:
        return self.files

    def put_fields(self, fields: dict, files: list[tuple[str, bytes]]) -> None:
        for field in LINES:
            self.query_one(f"#{field}", Input).value = fields.get(field, "")
        self.query_one("#body", TextArea).text = fields.get("body", "")
        self.files = list(files)
        self.show_files()

    def problems(self) -> dict[str, str]:
        """Every problem of the letter as typed, by field."""
        try:
            email_out_records.form_letter(**self.form(), files=self.files)
        except Invalid as exc:
            return exc.problems
        return {}

    def recheck(self) -> None:
        """After an edit: the error lines of fields now fixed go."""
        if self.errors.shown:
            self.errors.recheck(self.problems())

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.recheck()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.recheck()

    def save_then(self, then: Callable[[], object]) -> None:
        """Simpan draf before leaving: as Ctrl+S, a change to the approved letter confirmed
        first (it goes back to the Kepala Bidang)."""
        changes = self.changes()
        if changes is None:
            return
        if not changes:
            if self.save() is not None:
                then()
            return

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.resubmit()
                if not self.unsaved():
                    then()

        self.app.push_screen(ResubmitDialog(self.current.id, changes), confirmed)

    def on_key(self, event: events.Key) -> None:
        """Delete or Backspace on the attachments list asks before the file goes."""
        files = self.query_one("#files", OptionList)
        if event.key in ("delete", "backspace") and self.focused is files:
            if files.highlighted is not None:
                self.ask_remove_file(files.highlighted)
            event.stop()

    def ask_remove_file(self, index: int) -> None:
        """The file goes after Ya."""
        name, _ = self.files[index]

        def remove() -> None:
            self.files.pop(index)
            self.show_files()
            self.changed()
            say(self, f"Lampiran {name} dihapus dari daftar; simpan dengan Ctrl+S.", ok=True)

        confirm(self, "Hapus lampiran", f"Hapus lampiran {name} dari daftar?", remove)
