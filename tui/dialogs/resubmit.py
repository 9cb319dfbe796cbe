"""Confirm a change to an approved outgoing letter: it goes back to the Kepala Bidang."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from model.email_out import records as email_out_records
from tui.dialogs.base import FormDialog
from tui.widgets.plain import Static


class ResubmitDialog(FormDialog[bool]):
    """Enter (on its button) or Ctrl+S confirms (dismisses True); the compose screen then
    saves and resubmits."""

    TITLE_TEXT = "Naskah yang sudah disetujui diubah"
    SAVE_BUTTON = "Simpan dan ajukan ulang"

    def __init__(self, item_id: int, changes: list[str]):
        super().__init__()
        self.item_id, self.changes = item_id, changes

    def compose_form(self) -> ComposeResult:
        approved = email_out_records.approved(self.item_id)
        was = f" v{approved.number}" if approved else ""
        yield Static(
            Text(
                f"Perubahan pada {', '.join(self.changes)} mengembalikan naskah #{self.item_id} "
                f"(disetujui{was}) ke Kepala Bidang untuk disetujui ulang sebagai "
                f"v{email_out_records.next_version(self.item_id)}; naskah tidak dapat dikirim sebelum "
                "disetujui."
            )
        )

    def save(self) -> bool:
        return True
