"""Check boxes and radio buttons that read without colour: a ticked box shows its mark, an
unticked one is empty (Textual draws the mark in both and tells them apart by colour alone,
which a 16-colour terminal or a monochrome one does not show)."""

from __future__ import annotations

from textual import widgets
from textual.content import Content
from textual.widgets._toggle_button import ToggleButton  # the base of both, not exported


def _legible(button: widgets.Checkbox | widgets.RadioButton, mark: str) -> Content:
    drawn = ToggleButton._button.fget(button)
    if button.value:
        return drawn
    spans = list(drawn.spans)
    text = drawn.plain
    middle = len(button.BUTTON_LEFT)
    return Content(text[:middle] + " " * len(mark) + text[middle + len(mark) :], spans)


class Checkbox(widgets.Checkbox):
    @property
    def _button(self) -> Content:
        return _legible(self, self.BUTTON_INNER)


class RadioButton(widgets.RadioButton):
    @property
    def _button(self) -> Content:
        return _legible(self, self.BUTTON_INNER)
