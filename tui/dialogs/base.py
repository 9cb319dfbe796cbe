"""The one frame of Warkat's form dialogs: a title, some fields, a #message line; Ctrl+S
saves by calling the model, a refusal is shown in the dialog (what was typed stays, each
problem under its field), Esc cancels (asking first when something was typed). Subclasses
compose their fields and say what saving calls."""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, TextArea

from model.errors import Invalid
from tui.keys import bind
from tui.screens.unsaved import Unsaved, values
from tui.widgets.field_errors import FieldErrors
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Input, Label, Static

T = TypeVar("T")
DIALOGS_CSS = Path(__file__).with_name("dialogs.tcss")


class FormDialog(Unsaved, ModalScreen[T | None], Generic[T]):
    """Dismisses with what `save()` returned, or None when cancelled."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS = [bind("ctrl+s", "save", priority=True), bind("escape", "cancel")]
    TITLE_TEXT = ""
    SAVE_BUTTON: str | None = None  # with a label: Simpan/Batal buttons under the form
    REFUSALS: tuple[type[Exception], ...] = PROBLEMS
    FIELDS: dict[str, str] = {}  # the model's field names -> widget ids, where they differ
    CAN_SAVE = False  # a dialog has no draft: Esc after typing asks Buang / Batal
    WHAT = "Isian dialog ini"

    def heading(self) -> str:
        return self.TITLE_TEXT

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading(), classes="dialog-title")
            yield from self.compose_form()
            yield Static("", id="message")
            if self.SAVE_BUTTON:
                with Horizontal(classes="dialog-buttons"):
                    yield Button(self.SAVE_BUTTON, id="save", variant="primary", compact=True)
                    yield Button("Batal", id="cancel", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def compose_form(self) -> ComposeResult:
        """The dialog's own widgets, between the title and the #message line."""
        yield from ()

    def on_mount(self) -> None:
        self.errors = FieldErrors(self, self.FIELDS)
        self.started = values(self)  # after the subclass's own on_mount has filled fields

    def unsaved(self) -> bool:
        return values(self) != self.started

    def discard(self) -> None:
        self.dismiss(None)

    def field(
        self, field_id: str, label: str, value: str = "", placeholder: str = "", **options
    ) -> ComposeResult:
        """One labelled input on a row."""
        with Horizontal(classes="field"):
            yield Label(label)
            yield Input(value, id=field_id, placeholder=placeholder, compact=True, **options)

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def save(self) -> T:
        """Call the model; raise one of REFUSALS to refuse (shown in the dialog)."""
        raise NotImplementedError

    def submitted(self, field: Input) -> None:
        """Enter in a field: the last one saves, any other moves on."""
        if field is list(self.query(Input))[-1]:
            self.action_save()
        else:
            self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submitted(event.input)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.errors.forget(event.input)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.errors.forget(event.text_area)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)  # the Batal button says it: nothing to ask

    def action_save(self) -> None:
        try:
            result = self.save()
        except Invalid as exc:
            self.errors.refuse(exc.problems)
            return
        except self.REFUSALS as exc:
            self.errors.clear()
            say(self, str(exc))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Esc: after typing, Buang / Batal first (Buang dismisses, see discard)."""
        if self.unsaved():
            self.ask_leave(lambda: None)
        else:
            self.dismiss(None)
