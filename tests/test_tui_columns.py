"""Every queue at 80x24 with the longest real values: two requests whose perihal differ only
after 100 characters, the longest kode klasifikasi in the agenda number, long destination
names. No two rows look alike, identifiers and headers are whole, the detail under the table
shows the row under the cursor in full, the step description is on screen whole; columns
are chosen again when the terminal is resized."""

from __future__ import annotations

import pytest

from model.workflow.items import WorkItem
from tests.fax_helpers import at_step
from tests.mail_helpers import incoming_at, outgoing_at
from tests.screen_helpers import on_screen, table_lines, words
from tests.tui_helpers import SIZE, make_app, settle, start
from tui.screens.email_in.followup import FollowUpScreen
from tui.screens.email_in.triage import TriageScreen
from tui.screens.email_out.approval import ApprovalScreen
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.email_out.mail_send import MailSendScreen
from tui.screens.fax.agenda import AgendaScreen
from tui.screens.fax.archive import ArchiveScreen
from tui.screens.fax.disposition import DispositionScreen
from tui.screens.fax.request_list import RequestListScreen
from tui.screens.fax.transmit import TransmitScreen
from tui.screens.home import HomeScreen
from tui.widgets.table import Column, fit

STEM = (
    "Permohonan dukungan pengamanan sinyal dan jaring komunikasi sandi untuk kunjungan "
    "kerja Gubernur Jawa Timur ke Kabupaten Trenggalek"
)
TWINS = (f"{STEM} hari pertama", f"{STEM} hari kedua")
KODE = "900.1.16.6.2.1"  # the longest kode klasifikasi arsip
DESTINATIONS = [
    ("Sekretariat Daerah Provinsi Jawa Timur", "031-3524001"),
    ("Badan Siber dan Sandi Negara", "021-7805814"),
]


def fax_twins(step: int) -> list[int]:
    """The two requests at `step`, most urgent (listed first)."""
    ids = []
    for title in TWINS:
        kw = dict(perihal=title, klasifikasi=KODE, destinations=DESTINATIONS)
        ids.append(at_step(step, derajat="Sangat Segera", **kw))
    return ids


def mail_twins(make, step: int) -> list[int]:
    return [make(step, subject=title) for title in TWINS]


CASES = {
    "home": ("admin", HomeScreen, "#work", lambda: fax_twins(3)),
    "disposition": ("kasi", DispositionScreen, "#queue", lambda: fax_twins(2)),
    "register": ("admin", AgendaScreen, "#agendakan", lambda: fax_twins(3)),
    "handover": ("admin", AgendaScreen, "#teruskan", lambda: fax_twins(4)),
    "transmit": ("operator", TransmitScreen, "#queue", lambda: fax_twins(5)),
    "archive": ("admin", ArchiveScreen, "#queue", lambda: fax_twins(7)),
    "requests": ("pemakai", RequestListScreen, "#requests", lambda: fax_twins(4)),
    "triage": ("kasi", TriageScreen, "#queue", lambda: mail_twins(incoming_at, 2)),
    "followup": ("staf", FollowUpScreen, "#queue", lambda: mail_twins(incoming_at, 7)),
    "approval": ("kabid", ApprovalScreen, "#queue", lambda: mail_twins(outgoing_at, 2)),
    "mail_send": ("admin", MailSendScreen, "#queue", lambda: mail_twins(outgoing_at, 4)),
    "compose": ("staf", ComposeScreen, "#drafts", lambda: mail_twins(outgoing_at, 1)),
}
# the screens that describe the selected item's step under the table (the others name it
# in the title above)
STEP_LINES = ("home", "requests", "triage", "followup", "approval", "mail_send")


def check_table(app, table) -> None:
    """Headers whole, identifier cells whole, no two rows drawn alike."""
    header, rows = table_lines(app, table)
    shown = [table.fit_columns[int(c.key.value)] for c in table.ordered_columns]
    assert words(header) == [c.label for c in shown]
    assert len(set(rows)) == len(rows), rows
    for index, line in enumerate(rows):
        cells = words(line)
        for column, cell, drawn in zip(shown, table.get_row_at(index), cells, strict=True):
            if column.whole:
                assert drawn == str(cell), (column.label, line)


async def go_to(pilot, table, item_id: int) -> None:
    """Move the cursor onto the item's row with the arrow keys."""
    target = table.get_row_index(str(item_id))
    while table.cursor_row != target:
        await pilot.press("down" if table.cursor_row < target else "up")
    await settle(pilot)


@pytest.mark.parametrize("case", CASES)
async def test_long_values_read_whole_at_80x24(office, case):
    username, screen, table_id, make = CASES[case]
    ids = make()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, username, screen())
        table = app.screen.query_one(table_id)
        table.focus()
        await settle(pilot)
        check_table(app, table)
        for item_id, title in zip(ids, TWINS, strict=True):
            await go_to(pilot, table, item_id)
            if case == "compose":  # the list picks the draft the form below then holds
                continue
            assert on_screen(app, title), case
            if case in STEP_LINES:
                assert on_screen(app, WorkItem.get_by_id(item_id).sop_step.name), case


async def test_the_columns_follow_the_terminal_width(office):
    fax_twins(2)
    app = make_app(office)
    async with app.run_test(size=(120, 24)) as pilot:
        await start(pilot, "kasi", DispositionScreen())
        table = app.screen.query_one("#queue")
        wide = [c.label.plain for c in table.ordered_columns]
        assert wide == ["No", "Perihal", "Dari", "Sifat", "Derajat", "Waktu / baku"]
        perihal_wide = table.ordered_columns[1].width
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        assert [c.label.plain for c in table.ordered_columns] == [
            "No",
            "Perihal",
            "Derajat",
            "Waktu / baku",
        ]
        check_table(app, table)
        assert table.ordered_columns[1].width < perihal_wide
        await pilot.resize_terminal(120, 24)
        await settle(pilot)
        assert [c.label.plain for c in table.ordered_columns] == wide
        assert on_screen(app, TWINS[0])


def test_fit_drops_the_highest_drop_first_and_gives_the_rest_to_the_text():
    columns = (
        Column("No", whole=True),
        Column("Perihal", 20, grow=True),
        Column("Dari", 12, drop=2),
        Column("Sifat", whole=True, drop=3),
        Column("Waktu / baku", whole=True),
    )
    widest = [3, 120, 30, 7, 15]
    assert fit(columns, widest, 200) == [3, 200 - 10 - 3 - 30 - 7 - 15, 30, 7, 15]
    assert fit(columns, widest, 80) == [3, 80 - 10 - 3 - 12 - 7 - 15, 12, 7, 15]
    assert fit(columns, widest, 50) == [3, 26, None, None, 15]
    assert fit(columns, widest, 10) == [3, 20, None, None, 15]  # then scrolled sideways
    assert fit(columns, [0] * 5, 80) == [2, 80 - 10 - 2 - 4 - 5 - 12, 4, 5, 12]  # the labels
