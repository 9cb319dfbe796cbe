"""Leaving a form that holds what was typed and not saved: Esc, Ctrl+Q and signing out ask
first (Simpan draf / Buang / Batal; a dialog, which has no draft: Buang / Batal). The idle
lock asks nobody (nobody is there): each form keeps a recovery copy and stays open."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.screen import Screen
from textual.widgets import SelectionList, TextArea

from tui.dialogs.question import DISCARD, SAVE, Question
from tui.screens.lock import LockScreen


def values(screen: Screen) -> list:
    """Every value the user can change on `screen`, in order (to tell whether they did)."""
    found = []  # ToggleButton: Checkbox and RadioButton
    for widget in screen.query("Input, TextArea, Select, SelectionList, ToggleButton"):
        if isinstance(widget, TextArea):
            found.append(widget.text)
        elif isinstance(widget, SelectionList):
            found.append(list(widget.selected))
        else:  # Input, Select, ToggleButton
            found.append(widget.value)
    return found


class Unsaved:
    """A screen that may hold unsaved changes: it says whether it does, how to save them
    before leaving (only with CAN_SAVE) and how to throw them away."""

    CAN_SAVE = True
    WHAT = "Isian ini"  # named in the question

    def unsaved(self) -> bool:
        raise NotImplementedError

    def save_then(self, then: Callable[[], object]) -> None:
        """Save, then `then()`; a refusal stays on the form with its messages."""
        raise NotImplementedError

    def discard(self) -> None:
        """Throw away what was typed."""
        raise NotImplementedError

    def keep(self) -> None:
        """Nobody is there to ask: keep what was typed (a recovery copy), if the form can."""

    def ask_leave(self, then: Callable[[], object]) -> None:
        """`then()` at once when nothing is unsaved; else after Simpan draf (once saved) or
        Buang; Batal stays."""
        if not self.unsaved():
            then()
            return
        if self.CAN_SAVE:
            question = Question(
                "Belum disimpan",
                f"{self.WHAT} memuat perubahan yang belum disimpan.",
                (SAVE, DISCARD),
            )
        else:
            question = Question("Buang isian?", f"{self.WHAT} belum disimpan.", (DISCARD,))

        def answered(answer: str | None) -> None:
            if answer == SAVE:
                self.save_then(then)
            elif answer == DISCARD:
                self.discard()
                then()

        self.app.push_screen(question, answered)


def leave(app: App, then: Callable[[], object]) -> None:
    """Before quitting or signing out: ask every screen with unsaved changes, the top one
    first, then `then()`; Batal (or a refused save) stops there. At the lock nobody is asked:
    the copies are kept."""
    if isinstance(app.screen, Question):
        return  # already asking
    if isinstance(app.screen, LockScreen):
        keep_all(app)
        then()
        return
    waiting = [s for s in reversed(app.screen_stack) if isinstance(s, Unsaved)]

    def next_one() -> None:
        if waiting:
            waiting.pop(0).ask_leave(next_one)
        else:
            then()

    next_one()


def keep_all(app: App) -> None:
    """Every open form keeps what was typed (the idle lock, a forced sign-out)."""
    for screen in app.screen_stack:
        if isinstance(screen, Unsaved):
            screen.keep()
