"""What the terminal shows: the current screen as lines of text, and what a table draws."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual.widgets import DataTable


def screen_lines(app) -> list[str]:
    """The screen as the terminal draws it (dialogs over the screens under them), line by line."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text().splitlines()


def on_screen(app, text: str) -> bool:
    """`text` is on the screen, maybe wrapped over lines (spaces and line breaks alike)."""
    flat = " ".join(" ".join(screen_lines(app)).split())
    return " ".join(text.split()) in flat


def table_lines(app, table: DataTable) -> tuple[str, list[str]]:
    """The header and the row lines a table draws on the screen."""
    region = table.region
    lines = screen_lines(app)[region.y : region.y + region.height]
    cut = [line[region.x : region.x + region.width] for line in lines]
    rows = min(table.row_count, region.height - 1)
    return cut[0], cut[1 : 1 + rows]


def words(line: str) -> list[str]:
    """A drawn line's cells: runs of text between gaps of two spaces or more."""
    return [w for w in re.split(r"\s{2,}", line.strip()) if w]
