"""As users would: Adm. Umum makes a group in the Buku alamat, the requester picks it on the
request form (every member becomes a destination, marked with the group), and the operator
sends the letter to all of them at a set time with one key."""

from __future__ import annotations

from model import contacts
from model.fax.records import FaxJob, JobStatus, request_of
from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, shown, start, type_text
from tui.dialogs.contacts import GroupDialog
from tui.dialogs.send_all import SendAllDialog
from tui.screens.contacts import ContactsScreen
from tui.screens.fax.request import RequestFormScreen
from tui.screens.fax.transmit import TransmitScreen
from tui.widgets.plain import DataTable, Select, SelectionList


async def test_adm_umum_makes_a_group_from_the_book(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", ContactsScreen())
        groups = app.screen.query_one("#groups", DataTable)
        assert groups.row_count == 2  # the demo's Semua Kecamatan and Provinsi dan Pusat
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, GroupDialog)
        await type_text(pilot, "Kabupaten Tetangga")
        members = app.screen.query_one("#members", SelectionList)
        tulungagung = next(
            i
            for i in range(members.option_count)
            if "Tulungagung" in str(members.get_option_at_index(i).prompt)
        )
        members.select(members.get_option_at_index(tulungagung).value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert "Grup Kabupaten Tetangga disimpan." in shown(app, "#message")
        group = contacts.ContactGroup.get(contacts.ContactGroup.name == "Kabupaten Tetangga")
        assert [c.name for c in contacts.members(group.id)] == ["Diskominfo Kabupaten Tulungagung"]


async def test_the_operator_cannot_change_the_book(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "operator", ContactsScreen())
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Grup liar")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Hanya Administrasi Umum" in shown(app, "#message")


async def test_a_request_goes_to_a_group_and_a_single_number(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        picker = app.screen.query_one("#contact", Select)
        group = next(v for label, v in picker._options if "Semua Kecamatan" in str(label))
        single = next(v for label, v in picker._options if "Tulungagung" in str(label))
        picker.value = group
        await settle(pilot)
        assert "Semua Kecamatan: 14 tujuan ditambahkan." in shown(app, "#message")
        table = app.screen.query_one("#dests", DataTable)
        assert table.row_count == 14
        assert "Semua Kecamatan" in str(table.get_row_at(0))
        picker.value = group  # twice: nobody is added twice
        await settle(pilot)
        assert "0 tujuan ditambahkan, 14 sudah ada" in shown(app, "#message")
        picker.value = single
        await settle(pilot)
        assert table.row_count == 15
        assert app.screen.destinations[-1][2] == ""  # picked alone: no group


async def test_the_operator_sends_to_every_destination_at_a_set_time(office):
    dests = [(d.name, d.number, d.group) for d in contacts.group_destinations(1)][:3]
    item_id = at_step(5, destinations=[*dests, ("Diskominfo Jatim", "031-8294608", "")])
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "operator", TransmitScreen(item_id))
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.screen, SendAllDialog)
        assert "4 tujuan" in shown(app, "#send-dests")
        await type_text(pilot, "25:70")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "tidak sah" in shown(app, "#message")  # under its field, nothing queued
        assert FaxJob.select().where(FaxJob.item == item_id).count() == 0
        field = app.screen.query_one("#send-at")
        field.value = "14:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TransmitScreen), shown(app, "#message")
        jobs = list(FaxJob.select().where(FaxJob.item == item_id))
        assert len(jobs) == 4 and {j.status for j in jobs} == {JobStatus.QUEUED}
        assert {j.send_at.hour for j in jobs} == {14}
        assert {j.kill_at.hour for j in jobs} == {17}  # the default cut-off moved with it
        assert "Terjadwal" in str(app.screen.query_one("#dests", DataTable).get_row_at(0))
        assert "kirim pada Rabu 25-11 14.00" in str(
            app.screen.query_one("#dests", DataTable).get_row_at(0)
        )
        first = request_of(item_id).destinations[0]
        assert first.group_name == "Semua Kecamatan"
        assert "(grup Semua Kecamatan)" in shown(app, "#job-info")
