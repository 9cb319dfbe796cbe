"""Keys typed ahead land where they were meant: a burst (a fast typist, an SSH link that
delivers keystrokes in packets) is handled key by key, each after the one before it has moved
the focus; Tab into a filled field keeps its text."""

from __future__ import annotations

import ast
from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.tui_helpers import SIZE, make_app, settle
from tui.screens.home import HomeScreen


def burst(app, keys: str) -> None:
    """Post `keys` to the app at once, as a terminal driver does with one read of the pty
    (`\\t` is Tab, `\\r` is Enter)."""
    names = {"\t": "tab", "\r": "enter", " ": "space"}
    for ch in keys:
        app.post_message(events.Key(names.get(ch, ch), ch))


async def test_a_burst_across_tab_fills_both_login_fields(office):
    async with make_app(office).run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(pilot.app, "pemakai\twarkat123")
        await settle(pilot)
        assert pilot.app.screen.query_one("#username", Input).value == "pemakai"
        assert pilot.app.screen.query_one("#password", Input).value == "warkat123"


async def test_a_burst_with_enters_signs_in_and_reaches_the_home(office):
    async with make_app(office).run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(pilot.app, "pemakai\rwarkat123\r")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HomeScreen)
        assert pilot.app.session.user.username == "pemakai"


async def test_tab_back_into_a_filled_field_keeps_its_text(office):
    async with make_app(office).run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(pilot.app, "pemakai\t")
        await settle(pilot)
        await pilot.press("shift+tab")
        await pilot.press("x")
        await settle(pilot)
        assert pilot.app.screen.query_one("#username", Input).value == "pemakaix"


def test_every_screen_uses_the_input_that_keeps_its_text():
    """Textual's own Input selects its text on focus: no module in tui/ may import it."""
    offenders = []
    for path in Path("tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
                if any(alias.name == "Input" for alias in node.names):
                    offenders.append(str(path))
    assert offenders == []
