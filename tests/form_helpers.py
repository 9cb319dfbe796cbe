"""Reading a form's error lines (tui.widgets.field_errors) as a user sees them."""

from __future__ import annotations

from tui.widgets.field_errors import FieldError


def error_under(app, widget_id: str) -> str:
    """The error line right under the field `widget_id` (its row), '' when there is none."""
    widget = app.screen.query_one(f"#{widget_id}")
    anchor = app.screen.errors.anchor(widget)
    siblings = list(anchor.parent.children)
    after = siblings[siblings.index(anchor) + 1 :]
    return str(after[0].render()) if after and isinstance(after[0], FieldError) else ""


def error_lines(app) -> list[str]:
    """Every error line of the form, top to bottom."""
    return [str(line.render()) for line in app.screen.query(FieldError)]
