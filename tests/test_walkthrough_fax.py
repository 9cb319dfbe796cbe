"""Procedure 1 end to end through the screens, role by role, from each user's home:
Pemakai submits, Kasi disposes, Adm. Umum registers and hands over, the Operator records a
transmission on the fax machine and hands back, Adm. Umum archives; then the books."""

from textual.widgets import DataTable, Input

from model.base import now
from model.books.agenda import OUTGOING
from model.fax.records import FaxLogEntry
from model.reports import registers as books
from model.workflow.items import StepLog, WorkItem
from tests.config_helpers import configure
from tests.tui_helpers import make_app, settle, sign_in, type_text
from tui.screens.home import HomeScreen

DRAFT = "Konsep surat edaran jam kerja"  # the demo Pemakai's draft at step 1


def item_id() -> int:
    return WorkItem.get(WorkItem.title == DRAFT).id


async def open_from_home(pilot, username: str) -> None:
    """Sign in, put the cursor on the letter in 'Pekerjaan saya' and press Enter."""
    await sign_in(pilot, username)
    assert isinstance(pilot.app.screen, HomeScreen)
    table = pilot.app.screen.query_one("#work", DataTable)
    keys = [row.key.value for row in table.ordered_rows]
    assert str(item_id()) in keys, f"{username} does not see the letter at home"
    for _ in range(keys.index(str(item_id()))):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def sign_out(pilot) -> None:
    while not isinstance(pilot.app.screen, HomeScreen):
        await pilot.press("escape")
        await settle(pilot)
    await pilot.press("ctrl+o")
    await settle(pilot)


def step() -> int:
    return WorkItem.get_by_id(item_id()).step


async def test_fax_letter_walks_the_whole_sop(office):
    app = make_app(configure(office, fax={"device": "manual"}))  # a fax machine, no modem
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_home(pilot, "pemakai")
        await pilot.press("ctrl+k")  # ajukan ke Kasi
        await settle(pilot)
        assert step() == 2
        await sign_out(pilot)

        await open_from_home(pilot, "kasi")  # the disposition screen opens the request
        await pilot.press("ctrl+s")  # disposisi with the standard instruction ticked
        await settle(pilot)
        assert step() == 3
        await sign_out(pilot)

        await open_from_home(pilot, "admin")  # agenda screen, 'perlu diagendakan'
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("enter")  # keep the request's kode klasifikasi
        await settle(pilot)
        assert step() == 4
        number = WorkItem.get_by_id(item_id()).agenda_entries.get().number
        await pilot.press("s")  # serahkan ke operator
        await settle(pilot)
        assert step() == 5
        await sign_out(pilot)

        await open_from_home(pilot, "operator")  # transmit console
        await pilot.press("k")  # kirim: the send made on the fax machine
        await settle(pilot)
        remote = pilot.app.screen.query_one("#remote", Input)
        remote.focus()
        await type_text(pilot, "+62318294608")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("t")  # catat terkirim
        await settle(pilot)
        assert step() == 6
        await pilot.press("s")  # serahkan ke Adm. Umum
        await settle(pilot)
        assert step() == 7
        await sign_out(pilot)

        await open_from_home(pilot, "admin")  # archive screen
        await pilot.press("r")
        await settle(pilot)
        assert step() == 0

    actions = [
        s.action for s in StepLog.select().where(StepLog.item == item_id()).order_by(StepLog.id)
    ]
    assert actions == [
        "buat",
        "ajukan",
        "disposisi",
        "agendakan",
        "teruskan",
        "terkirim",
        "serahkan",
        "arsipkan",
    ]
    today = now().date()
    assert number in [e.number for e in books.agenda_between(OUTGOING, today, today)]
    [line] = [e for e in books.fax_log_between(today, today) if e.item_id == item_id()]
    assert line.ok and line.via == "manual" and line.remote_id == "+62318294608"
    assert line.agenda_number == number
    assert FaxLogEntry.select().where(FaxLogEntry.item == item_id()).count() == 1
