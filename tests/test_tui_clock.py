"""The mutu baku clock in one unit style everywhere (`4 mnt / 10 mnt`), and on every detail
and form screen the clock of its item's step, coloured as the lists' clocks are and counted
again by a timer."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from model import base
from model.clock import Clock, format_duration
from model.sop import PROCEDURES
from model.workflow.items import WorkItem
from tests.conftest import FROZEN
from tests.fax_helpers import at_step
from tests.mail_helpers import incoming_at, outgoing_at
from tests.tui_helpers import SIZE, make_app, shown, start
from tui.screens.books.mail_archive import MailHistoryScreen
from tui.screens.email_in.followup import FollowUpScreen
from tui.screens.email_in.mail_view import MailViewScreen
from tui.screens.email_in.triage import TriageScreen
from tui.screens.email_out.approval import ApprovalScreen
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.email_out.mail_send import MailSendScreen
from tui.screens.fax.agenda import AgendaScreen
from tui.screens.fax.archive import HistoryScreen
from tui.screens.fax.disposition import DispositionDetail, RequestDetail
from tui.screens.fax.request import RequestFormScreen
from tui.screens.fax.transmit import TransmitScreen
from tui.screens.home import HomeScreen
from tui.screens.step import StepScreen
from tui.widgets.clock import StepClock


@pytest.mark.parametrize(
    "clock,label",
    [
        (Clock(45, 10), "45 dtk / 10 mnt"),
        (Clock(240, 10), "4 mnt / 10 mnt"),
        (Clock(3900, 120), "1 j 5 mnt / 2 j"),
        (Clock(2 * 86400 + 3 * 3600, 1440), "2 hr 3 j / 1 hr"),
        (Clock(2460, None), "41 mnt / –"),
    ],
)
def test_one_unit_style(clock, label):
    assert clock.label == label


# screen: (who, the item made, the screen on it)
SCREENS = {
    "disposition": ("kasi", lambda: at_step(2), DispositionDetail),
    "request detail": ("kasi", lambda: at_step(2), RequestDetail),
    "request form": ("pemakai", lambda: at_step(1), lambda i: RequestFormScreen(item_id=i)),
    "agenda": ("admin", lambda: at_step(3), AgendaScreen),
    "transmit": ("operator", lambda: at_step(5), TransmitScreen),
    "archive history": ("admin", lambda: at_step(7), HistoryScreen),
    "mail view": ("admin", lambda: incoming_at(3), MailViewScreen),
    "triage": ("admin", lambda: incoming_at(3), TriageScreen),
    "follow-up": ("staf", lambda: incoming_at(7), FollowUpScreen),
    "mail history": ("admin", lambda: incoming_at(8), MailHistoryScreen),
    "approval": ("kabid", lambda: outgoing_at(2), ApprovalScreen),
    "mail send": ("admin", lambda: outgoing_at(4), MailSendScreen),
    "compose": ("staf", lambda: outgoing_at(1), ComposeScreen),
    "step": ("kasi", lambda: at_step(2), StepScreen),
}


def expected(item_id: int, seconds: int) -> str:
    step = WorkItem.get_by_id(item_id).sop_step
    if not step.minutes:
        return f"Langkah {step.number} (tanpa mutu baku): {format_duration(seconds)}"
    return f"Mutu baku langkah {step.number}: {Clock(seconds, step.minutes).label}"


@pytest.mark.parametrize("name", SCREENS)
async def test_every_detail_and_form_screen_shows_its_items_clock(office, name):
    username, make, screen = SCREENS[name]
    item_id = make()
    base.freeze(FROZEN + timedelta(minutes=4))
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, username, screen(item_id))
        assert shown(app, "#clock") == expected(item_id, 240)
        assert app.screen.query_one(StepClock).region.height == 1  # on screen


async def test_a_new_form_shows_the_standard_of_its_first_step(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        first = PROCEDURES["fax"].step_of("ajukan")
        assert shown(app, "#clock") == (
            f"Mutu baku langkah {first.number}: 10 mnt, dihitung sejak disimpan."
        )


async def test_the_clock_turns_red_past_its_standard_and_counts_on(office, monkeypatch):
    monkeypatch.setattr(StepClock, "EVERY", 0.05)
    item_id = at_step(2)
    base.freeze(FROZEN + timedelta(minutes=8))
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", DispositionDetail(item_id))
        clock = app.screen.query_one(StepClock)
        assert str(clock.content) == "Mutu baku langkah 2: 8 mnt / 10 mnt"
        assert "dark_orange" in str(clock.content.spans[-1].style)  # amber from 80 %
        base.freeze(FROZEN + timedelta(minutes=11))
        for _ in range(100):  # the timer reads it again
            await pilot.pause(0.05)
            if "11 mnt" in str(clock.content):
                break
        assert str(clock.content) == "Mutu baku langkah 2: 11 mnt / 10 mnt"
        assert "red" in str(clock.content.spans[-1].style)


STYLE = re.compile(r"\d+ (dtk|mnt|j|hr)( \d+ (mnt|j))? / (\d+ (mnt|j|hr)( \d+ (mnt|j))?|–)")


async def test_lists_show_the_same_style(office):
    item_id = at_step(2, perihal="Jadwal pengamanan sinyal")
    base.freeze(FROZEN + timedelta(minutes=4))
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", HomeScreen())
        table = app.screen.query_one("#work")
        assert table.ordered_columns[-1].label.plain == "Waktu / baku"
        clocks = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert all(STYLE.fullmatch(c) for c in clocks), clocks
        assert str(table.get_row(str(item_id))[-1]) == "4 mnt / 10 mnt"
