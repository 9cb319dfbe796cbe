"""Text from outside is data: with hostile markup in every perihal, name, note, file name and
reason (tests/hostile_office.py), every role opens every screen it can reach and every step
screen, moves through the rows, and sees the text literally; nothing crashes or quits."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from model.org import User
from model.workflow.items import WorkItem
from tests import hostile_office
from tests.tui_helpers import make_app, sign_in
from tui import nav

SIZE = (80, 24)


@pytest.fixture
def hostile(staff):
    hostile_office.seed()
    return staff


def shown(screen) -> str:
    """Every text the screen's widgets hold: table cells and rendered content."""
    parts = []
    for widget in screen.query("*"):
        if isinstance(widget, DataTable):
            parts += [str(c) for i in range(widget.row_count) for c in widget.get_row_at(i)]
        else:
            try:
                parts.append(str(widget.render()))
            except Exception:  # noqa: BLE001 — containers without content of their own
                continue
    return "\n".join(parts)


async def visit(pilot, screen) -> str:
    pilot.app.push_screen(screen)
    await pilot.pause()
    for key in ("down", "down", "up"):
        await pilot.press(key)
    await pilot.pause()
    text = shown(pilot.app.screen)
    pilot.app.pop_screen()
    await pilot.pause()
    return text


@pytest.mark.parametrize(
    "username", ["pemakai", "kasi", "admin", "operator", "staf", "kabid", "sysadmin"]
)
async def test_every_screen_shows_hostile_text_literally(hostile, username):
    person = User.get_or_none(User.username == username)
    if person is None:
        pytest.fail(f"demo office has no user {username}")
    destinations = nav.for_user(person)
    steps = [
        (i.procedure, i.step, i.id)
        for i in WorkItem.select()
        if i.sop_step and i.sop_step.roles and set(i.sop_step.roles) & set(person.roles)
    ]
    app = make_app(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, username)
        home = shown(app.screen)
        texts = [await visit(pilot, d.make()) for d in destinations]
        texts += [await visit(pilot, nav.screen_for_step(*s)) for s in steps]
        assert app.is_running and app.return_code is None  # [@click=app.quit] did nothing
    everything = "\n".join([home, *texts])
    assert len(texts) == len(destinations) + len(steps)
    assert "[/]" in everything and "[@click=app.quit]" in everything or not texts
    assert "[bold" in everything or not texts
