"""The role queues read in worker threads: the terminal answers while a read is slow, the
cursor stays on its item across a refresh, and nothing queries on the event loop to show a
row or decide which actions are offered."""

import logging
import threading
from contextlib import contextmanager

from textual.command import CommandPalette

from tests.conftest import user
from tests.fax_helpers import at_step
from tests.mail_helpers import outgoing_at
from tests.test_tui_email_in import SIZE, start
from tests.tui_helpers import make_app, settle
from tui.screens.email_out.mail_send import MailSendScreen
from tui.screens.fax import disposition
from tui.screens.fax.disposition import DispositionScreen
from tui.screens.fax.transmit import TransmitScreen
from tui.widgets.live_table import LiveTable


@contextmanager
def queries_here():
    """The SQL statements run on this thread (the event loop's) inside the block."""
    found: list[str] = []
    here = threading.get_ident()

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread == here:
                found.append(str(record.msg))

    logger, handler = logging.getLogger("peewee"), Catch()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def listed(app) -> list[str]:
    table = app.screen.query_one("#queue", LiveTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_the_terminal_answers_while_the_queue_is_read(office, monkeypatch):
    item_id = at_step(2, perihal="Permohonan narasumber persandian")
    release, reading = threading.Event(), threading.Event()
    real = disposition.fax_rows

    def slow(*args):
        reading.set()
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(disposition, "fax_rows", slow)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.session.user = user("kasi")
        app.push_screen(DispositionScreen())
        try:
            await pilot.pause()
            assert reading.wait(10)
            assert listed(app) == []
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await pilot.press("escape")
            assert isinstance(app.screen, DispositionScreen) and listed(app) == []
        finally:
            release.set()
        await settle(pilot)
        assert str(item_id) in listed(app)


async def test_the_cursor_stays_on_its_item_when_rows_come_above_it(office):
    first = at_step(2, perihal="Permohonan pertama")
    second = at_step(2, perihal="Permohonan kedua")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", DispositionScreen())
        await settle(pilot)
        rows = listed(app)
        assert rows[-2:] == [str(first), str(second)]
        for _ in rows:
            await pilot.press("down")
        assert app.screen.selected().id == second
        urgent = at_step(2, perihal="Permohonan sangat segera", derajat="Sangat Segera")
        app.screen.reload()
        await settle(pilot)
        assert listed(app) == [str(urgent), *rows]
        assert app.screen.selected().id == second
        assert app.screen.live.cursor_row == len(rows)
        assert f"#{second} Permohonan kedua" in str(app.screen.query_one("#where").render())


async def test_showing_rows_and_offering_actions_query_nothing_on_the_event_loop(office):
    fax_id = at_step(5)
    mail_id = outgoing_at(4, subject="Laporan kegiatan persandian")
    for username, screen in (
        ("kasi", DispositionScreen()),
        ("operator", TransmitScreen(item_id=fax_id)),
        ("admin", MailSendScreen(item_id=mail_id)),
    ):
        app = make_app(office)
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot, username, screen)
            await settle(pilot)
            assert app.screen.query_one("#queue", LiveTable).entries
            with queries_here() as found:
                for binding in screen.BINDINGS:
                    action = binding[1] if isinstance(binding, tuple) else binding.action
                    screen.check_action(action, ())
                table = app.screen.query_one("#queue", LiveTable)
                table.show_rows(list(table.entries))
                (
                    screen.show_dests
                    if isinstance(screen, TransmitScreen)
                    else screen.show_selected
                )()
            assert found == [], (username, found)
