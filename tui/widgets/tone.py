"""Rich styles in the app theme's colours ($error, $success, $warning, $accent, …), for text
built in Python (table cells, composed Text) that the stylesheets cannot reach."""

from __future__ import annotations

from functools import cache

from textual import constants
from textual._context import active_app
from textual.theme import BUILTIN_THEMES


def tone(variable: str, extra: str = "") -> str:
    """`extra` (e.g. "bold strike") in the colour of the running app's theme `variable`."""
    return f"{extra} {_variables()[variable]}".strip()


def _variables() -> dict[str, str]:
    try:
        app = active_app.get()
    except LookupError:  # a worker thread: Warkat keeps Textual's default theme
        return _default_variables()
    return app.theme_variables or app.get_css_variables()


@cache
def _default_variables() -> dict[str, str]:
    return BUILTIN_THEMES[constants.DEFAULT_THEME].to_color_system().generate()
