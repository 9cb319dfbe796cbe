"""A form whose typing survives a dropped connection: a recovery copy (model.recovery) is kept
within a second of each change and whenever a field is left, and put back, with a notice,
when the same user opens the same form again. Saving or Buang forgets it."""

from __future__ import annotations

from collections.abc import Callable

from textual import events

from model import recovery
from model.base import now
from model.errors import WarkatError
from model.org import User
from tui.screens.unsaved import Unsaved
from tui.widgets.message import say

KEEP_AFTER = 1.0  # seconds from the first change to the copy being written


class RecoveredForm(Unsaved):
    """Mixed into a form Screen, which supplies FORM and the four methods below; it calls
    `saved()` once its contents are what is stored (loaded or saved) and `changed()` when
    something changes that no field event reports (a list row added)."""

    FORM = ""  # the copy's form name in model.recovery

    def form_key(self) -> str:
        """Which item the form holds: "" a new one."""
        raise NotImplementedError

    def form_fields(self) -> dict:
        """The form's fields as JSON values."""
        raise NotImplementedError

    def form_files(self) -> recovery.Files:
        """The form's attachments."""
        raise NotImplementedError

    def put_fields(self, fields: dict, files: recovery.Files) -> None:
        """Fill the form from a copy."""
        raise NotImplementedError

    # --- kept by the mixin -----------------------------------------------------------
    stored: tuple[dict, recovery.Files] | None = None  # the form as loaded or saved
    pending: tuple[User, str, dict, recovery.Files] | None = None  # typed, not yet kept
    written_files: recovery.Files | None = None
    timer = None

    def contents(self) -> tuple[dict, recovery.Files]:
        return self.form_fields(), list(self.form_files())

    def saved(self, was: str | None = None) -> None:
        """The form now holds what is stored: nothing unsaved, no copy left (nor one under
        the key `was`, which a new item had before its first save)."""
        self.stored, self.pending = self.contents(), None
        if was is not None and was != self.form_key():
            self.forget_copy(was)
        self.forget_copy()

    def opened(self) -> None:
        """The form shows an item as stored (or a new, empty one): a copy kept of it comes back."""
        self.stored, self.pending, self.written_files = self.contents(), None, None
        self.restore()

    def unsaved(self) -> bool:
        return self.stored is not None and self.contents() != self.stored

    def changed(self) -> None:
        """Something changed: the copy is kept within KEEP_AFTER (at once on leaving a field)."""
        if self.stored is None or self.app.session.user is None:
            return
        self.pending = (self.app.session.user, self.form_key(), *self.contents())
        if self.timer is None:
            self.timer = self.set_timer(KEEP_AFTER, self.keep)

    def keep(self) -> None:
        """Write the pending copy now (or forget the copy, when the form is back as stored)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if self.pending is None:
            return
        user, key, fields, files = self.pending
        self.pending = None
        try:
            if (fields, files) == self.stored:
                if self.written_files is not None:  # typed back to what is stored
                    recovery.clear(user, self.FORM, key)
                    self.written_files = None
                return
            new_files = files != self.written_files
            recovery.keep(user, self.FORM, key, fields, files if new_files else None)
        except WarkatError:
            return  # a copy is a help, not a record: the next change tries again
        self.written_files = files

    def forget_copy(self, key: str | None = None) -> None:
        """Delete the copy of this form (of `key`, else the form's own)."""
        self.written_files = None
        try:
            recovery.clear(
                self.app.session.user, self.FORM, self.form_key() if key is None else key
            )
        except WarkatError:
            pass

    def restore(self) -> None:
        """Put back the copy kept of this form, if it holds more than what is stored."""
        copy = recovery.find(self.app.session.user, self.FORM, self.form_key())
        if copy is None:
            return
        if (copy.fields, copy.files) == self.stored:
            self.forget_copy()  # it holds nothing more than what is stored
            return
        self.put_fields(copy.fields, copy.files)
        self.written_files = copy.files
        when = f"{copy.saved_at:%H.%M}"
        if copy.saved_at.date() != now().date():
            when = f"{copy.saved_at:%d-%m-%Y} {when}"
        say(self, f"Isian yang belum disimpan dari {when} dipulihkan.", ok=True)

    def discard(self) -> None:
        self.pending = None
        self.forget_copy()
        self.stored = self.contents()

    def save_then(self, then: Callable[[], object]) -> None:
        if self.save_form():
            then()

    def save_form(self) -> bool:
        """Save as the form's own Simpan does; False (messages shown) when refused."""
        raise NotImplementedError

    def on_input_changed(self, _event) -> None:
        self.changed()

    def on_text_area_changed(self, _event) -> None:
        self.changed()

    def on_select_changed(self, _event) -> None:
        self.changed()

    def on_checkbox_changed(self, _event) -> None:
        self.changed()

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.keep()

    def on_unmount(self) -> None:
        self.keep()
