"""Ask for a reason or a longer text and hand it to the model: voiding an agenda number,
returning a request, a follow-up, revision notes."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import TextArea

from tui.dialogs.base import FormDialog
from tui.keys import bind
from tui.widgets.plain import Input, Label, Static


class ReasonDialog(FormDialog[bool]):
    """One line, Enter applies it; dismisses True once `apply` succeeded."""

    BINDINGS = [bind("ctrl+s", "save", show=False, priority=True)]

    def __init__(self, title: str, prompt: str, apply: Callable[[str], object]):
        super().__init__()
        self.title_text, self.prompt, self.apply = title, prompt, apply

    def heading(self) -> str:
        return self.title_text

    def compose_form(self) -> ComposeResult:
        yield Label(f"{self.prompt}, lalu Enter:")
        yield Input(id="reason")

    def save(self) -> bool:
        self.apply(self.value("reason"))
        return True


class TextDialog(FormDialog[bool]):
    """Several lines, Ctrl+S applies them; dismisses True once `apply` succeeded."""

    def __init__(self, title: str, prompt: str, apply: Callable[[str], object]):
        super().__init__()
        self.title_text, self.prompt, self.apply = title, prompt, apply

    def heading(self) -> str:
        return self.title_text

    def compose_form(self) -> ComposeResult:
        yield Static(self.prompt)
        yield TextArea(id="text", soft_wrap=True)

    def save(self) -> bool:
        self.apply(self.query_one("#text", TextArea).text)
        return True
