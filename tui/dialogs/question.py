"""A short question with a few answers: deleting a row (Ya / Batal), leaving a form with
unsaved changes (Simpan draf / Buang / Batal). Each answer is a button, Simpan draf also
Ctrl+S, Batal also Esc. No letter answers: the keys someone typed on after an Esc in a
field land here, and must not throw the typing away (Batal has the focus, or Ya for a row's
deletion, which is asked from a list)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer

from tui.keys import bind
from tui.widgets.plain import Static

YES, SAVE, DISCARD = "ya", "simpan", "buang"
LABELS = {YES: "Ya", SAVE: "Simpan draf", DISCARD: "Buang"}


class Question(ModalScreen[str | None]):
    """Dismisses with the answer chosen (YES, SAVE or DISCARD), or None for Batal."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")  # base.py imports this module
    BINDINGS = [bind("ctrl+s", f"answer('{SAVE}')", priority=True), bind("escape", "answer('')")]

    def __init__(self, title: str, text: str, answers: tuple[str, ...]):
        super().__init__()
        self.title_text, self.text, self.answers = title, text, answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.text, id="question-text")
            with Horizontal(classes="dialog-buttons"):
                for answer in self.answers:
                    yield Button(LABELS[answer], id=answer, compact=True)
                yield Button("Batal", id="batal", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(f"#{YES if YES in self.answers else 'batal'}", Button).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return action != "answer" or not parameters[0] or parameters[0] in self.answers

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer("" if event.button.id == "batal" else event.button.id)

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer or None)


def confirm(screen, title: str, text: str, then: Callable[[], object]) -> None:
    """Ask Ya / Batal on `screen`; `then()` runs only after Ya."""
    screen.app.push_screen(
        Question(title, text, (YES,)), lambda answer: then() if answer == YES else None
    )
