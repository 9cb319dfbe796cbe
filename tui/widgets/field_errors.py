"""The error lines of a form: each of the model's problems (`Invalid.problems`, by field) on a
line right under its field, the first bad field focused and scrolled into view; the #message
line sums them up. Used by the fax request, the email compose form and every FormDialog."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.widget import Widget

from tui.widgets.message import say
from tui.widgets.plain import Static

MARK = "↑ "  # the line speaks of the field above it (readable without colour)


class FieldError(Static):
    """The problems of the field right above it; `then` runs once it has been laid out (to
    scroll to a line just mounted)."""

    then: Callable[[], object] | None = None

    DEFAULT_CSS = """
    FieldError {
        height: auto;
        color: $error;
        text-style: bold;
    }
    """

    def on_resize(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            self.screen.call_after_refresh(then)


class FieldErrors:
    """Shows, updates and removes a screen's FieldError lines."""

    def __init__(self, screen: Screen, widgets: dict[str, str] | None = None):
        """`widgets`: the model's field names → the ids of their widgets, in the form's order;
        a field not named there is looked for as the id of a widget of its own name."""
        self.screen, self.widgets = screen, widgets or {}
        self.shown: dict[str, str] = {}  # field -> its sentences, as shown now
        self.said = ("", "")  # the #message line's prefix, and the sentences of no field
        self.lines: dict[Widget, FieldError] = {}  # anchor (the field's row) -> its line

    def widget(self, field: str) -> Widget | None:
        """The widget of a model field, if the form has one."""
        found = self.screen.query(f"#{self.widgets.get(field, field)}") if field else None
        return found.first() if found else None

    def refuse(self, problems: dict[str, str], prefix: str = "") -> None:
        """Show every problem under its field, focus the first bad field, and say on the
        #message line what is wrong (the sentences of no field in full)."""
        order = list(self.widgets)
        self.shown = {
            f: m
            for f, m in sorted(
                problems.items(), key=lambda p: order.index(p[0]) if p[0] in order else len(order)
            )
            if self.widget(f) is not None
        }
        self.draw()
        self.said = (prefix, " ".join(m for f, m in problems.items() if f not in self.shown))
        self.sum_up()
        if self.shown:
            self.bring_into_view(next(iter(self.shown)))

    def sum_up(self) -> None:
        """The #message line: the one problem, or how many there are still."""
        prefix, rest = self.said
        count = sum(len(m.splitlines()) for m in self.shown.values())
        if count == 1 and not rest:
            text = next(iter(self.shown.values()))
        elif count:
            text = f"{count} isian perlu diperbaiki; pesannya di bawah isiannya. {rest}".strip()
        else:
            text = rest
        say(self.screen, prefix + text if text else "")

    def recheck(self, problems: dict[str, str]) -> None:
        """After an edit: keep only the problems still there of the fields already marked
        (a fixed field's line goes; a field nobody has tried to fix yet is not marked)."""
        if not self.shown:
            return
        self.shown = {f: m for f, m in problems.items() if f in self.shown}
        self.draw()
        self.said = (self.said[0], "")
        self.sum_up()

    def forget(self, widget: Widget) -> None:
        """`widget` was edited and cannot be checked again here: its line goes."""
        anchor = self.anchor(widget)
        if self.shown:
            self.shown = {
                f: m for f, m in self.shown.items() if self.anchor(self.widget(f)) != anchor
            }
            self.draw()
            self.sum_up()

    def clear(self) -> None:
        self.shown = {}
        self.draw()

    def anchor(self, widget: Widget | None) -> Widget | None:
        """The row a field sits on (its `.field` container), else the field itself."""
        node = widget
        while node is not None and node is not self.screen:
            if node.has_class("field"):
                return node
            node = node.parent
        return widget

    def draw(self) -> None:
        """Make the lines on screen what `shown` says: one under each field's row."""
        wanted: dict[Widget, list[str]] = {}
        for field, message in self.shown.items():
            wanted.setdefault(self.anchor(self.widget(field)), []).extend(message.splitlines())
        for anchor in [a for a in self.lines if a not in wanted]:
            self.lines.pop(anchor).remove()
        for anchor, sentences in wanted.items():
            text = "\n".join(MARK + s for s in dict.fromkeys(sentences))
            if anchor in self.lines:
                self.lines[anchor].update(text)
            else:
                self.lines[anchor] = FieldError(text)
                anchor.parent.mount(self.lines[anchor], after=anchor)

    def bring_into_view(self, field: str) -> None:
        """Focus the field and scroll so that it and its error line show."""
        widget = self.widget(field)
        line = self.lines.get(self.anchor(widget))
        if widget.focusable:
            widget.focus(scroll_visible=False)

        def scroll() -> None:  # centred: the field above its line shows, whatever else moves
            self.screen.scroll_to_center(line or widget, animate=False)

        if line is not None and not line.size:  # just mounted: once it has its place
            line.then = scroll
        else:
            self.screen.call_after_refresh(scroll)
