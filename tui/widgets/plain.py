"""The text widgets of every screen, showing a str as the literal text it is.

Subjects, perihal, names, notes, addresses, file names and refusals come from outside and may
hold `[/]`, `[bold` or `[@click=app.quit]`: Textual parses a str given to its own widgets as
markup, and fails on it or acts on it. These subclasses never parse; style with rich Text.
Screens import them in place of textual.widgets' (tests/test_tui_hostile_text.py checks).

The list and table widgets live in tui.widgets.plain_lists and are loaded on first use
from here (`from tui.widgets.plain import DataTable` works): the login screen needs none.
"""

from __future__ import annotations

from rich.text import Text
from textual import widgets

from tui.widgets.esc_guard import EscGuard

LISTS = ("OptionList", "SelectionList", "Overlay", "Select", "DataTable")


def __getattr__(name: str):
    if name in LISTS:
        from tui.widgets import plain_lists

        return getattr(plain_lists, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def literal(value: object) -> object:
    """A str as rich Text (no markup, no :emoji: codes); any other value unchanged."""
    return Text(value, end="") if isinstance(value, str) else value


class Static(widgets.Static):
    def __init__(self, content="", **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)


class Detail(Static):
    """The lines under a list that tell about the row under the cursor. An unchanged text is
    not drawn again, and a new one of as many lines is drawn without a layout pass: a cursor
    move sends a slow SSH link only the lines that changed."""

    def __init__(self, content="", **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.said = content

    def update(self, content="", *, layout: bool = False) -> None:
        if content == self.said:
            return
        self.said = content
        super().update(content, layout=layout)
        width = self.content_size.width
        if width and self.get_content_height(self.size, self.app.size, width) != (
            self.content_size.height
        ):
            self.refresh(layout=True)


class Label(widgets.Label):
    def __init__(self, content="", **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)


class Input(EscGuard, widgets.Input):
    """Tabbing into a filled field keeps its text: the cursor goes to its end, nothing is
    selected for the next keystroke to wipe. Esc after typing stays (tui/widgets/esc_guard)."""

    def __init__(self, *args, select_on_focus: bool = False, **kwargs) -> None:
        super().__init__(*args, select_on_focus=select_on_focus, **kwargs)

    def typed(self) -> str:
        return self.value
