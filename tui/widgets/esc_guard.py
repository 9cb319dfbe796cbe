"""Esc in a text field someone is typing in never leaves the screen at once.

Esc leaves a screen (or cancels a dialog); the keys typed after it then land on the screen
behind, where a letter is a command (`r` archives, `a` registers). So the first Esc after
typing in a field stays in the field and says so; the keys that follow still go into the
field, and only a second Esc in a row goes on to the screen's Esc. A form that asks itself
before throwing typing away (it has `unsaved()`, tui/screens/unsaved.py) is left to ask."""

from __future__ import annotations

from textual import events

AGAIN = "Tekan Esc sekali lagi untuk kembali; yang sudah diketik tetap di isian."


class EscGuard:
    """Mixed into a text field ahead of its Textual class; `typed()` is its text now."""

    _entered: str | None = None  # the text when the field got the focus
    _warned = False  # the last key was an Esc that stayed here

    def typed(self) -> str:
        raise NotImplementedError

    def on_focus(self, _event: events.Focus) -> None:
        self._entered, self._warned = self.typed(), False

    def on_key(self, event: events.Key) -> None:
        if event.key != "escape":
            self._warned = False
            return
        asks_itself = callable(getattr(self.screen, "unsaved", None))
        leaves = "escape" in self.screen.active_bindings  # the lock screen's Esc does nothing
        if self._warned or asks_itself or not leaves or self.typed() == (self._entered or ""):
            return  # on to the screen's Esc
        self._warned = True
        event.stop()
        event.prevent_default()
        self.app.notify(AGAIN, timeout=4)
