"""Pemakai: the request list and form (procedure 1 step 1) driven with Pilot; snapshots."""

from textual.widgets import DataTable

from model.fax import flow as fax_flow
from model.fax.records import FaxDestination, request_of
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, shown, sign_in, start, type_text
from tui.screens.fax.request import RequestFormScreen
from tui.screens.fax.request_list import RequestListScreen


async def tab_to(pilot, widget_id: str) -> None:
    for _ in range(25):
        if pilot.app.focused is not None and pilot.app.focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"cannot reach #{widget_id} with Tab")


async def open_requests(pilot) -> None:
    await sign_in(pilot, "pemakai")
    await pilot.press("m")
    await settle(pilot)
    await pilot.press("enter")  # "Permintaan faks" is the Pemakai's first menu entry
    await settle(pilot)
    assert isinstance(pilot.app.screen, RequestListScreen)


async def test_pemakai_fills_the_form_by_keyboard_and_submits(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await open_requests(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, RequestFormScreen)
        await type_text(pilot, "ND/20")
        await tab_to(pilot, "perihal")
        await type_text(pilot, "Rapat KI")
        await pilot.press("tab")
        await type_text(pilot, "Yth.")
        await pilot.press("enter")
        await type_text(pilot, "Hadir.")
        await pilot.click("#contact")
        await pilot.press("escape")
        await pilot.press(
            "enter", "down", "down", "down", "enter"
        )  # the first contact (after 2 groups)
        await settle(pilot)
        await pilot.click("#dest-name")
        await type_text(pilot, "Watulimo")
        await pilot.press("tab")
        await type_text(pilot, "0355551234")
        assert "0355-551234" in shown(app, "#dest-check")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#dests", DataTable).row_count == 2
        await pilot.click("#klas")
        await pilot.press("f4")
        await settle(pilot)
        await type_text(pilot, "000.1.1")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#klas").value == "000.1.1"
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, RequestListScreen)
        item = WorkItem.select().order_by(WorkItem.id.desc()).first()
        assert (item.title, item.step, item.created_by.username) == ("Rapat KI", 2, "pemakai")
        req = request_of(item)
        assert req.nota_number == "ND/20"
        assert req.isi_berita == "Yth.\nHadir."
        dests = [(d.name, d.number) for d in req.destinations.order_by(FaxDestination.id)]
        assert dests == [("Badan Siber dan Sandi Negara", "0217805814"), ("Watulimo", "0355551234")]
        table = app.screen.query_one("#requests", DataTable)
        assert [str(c) for c in table.get_row_at(0)[:3]] == [str(item.id), item.title[:30], "2"]
        assert "Langkah 2: Menugaskan" in shown(app, "#where")


async def test_bad_number_and_bad_date_show_the_error_and_save_nothing(office):
    before = WorkItem.select().count()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.click("#dest-name")
        await type_text(pilot, "Camat")
        await pilot.press("tab")
        await type_text(pilot, "0812-345678")
        assert "nomor seluler, bukan nomor faks" in shown(app, "#dest-check")
        await pilot.press("enter")
        assert "tidak ditambahkan" in shown(app, "#message")
        assert app.screen.query_one("#dest-number").value == "0812-345678"
        assert (
            str(app.screen.query_one("#dests", DataTable).get_row_at(0)[0]) == "(belum ada tujuan)"
        )
        await pilot.click("#nota-date")
        await pilot.press("end", "backspace", "backspace", "backspace", "backspace", "0", "0")
        await pilot.click("#perihal")
        await type_text(pilot, "Uji")
        await pilot.press("ctrl+s")
        assert "Tanggal nota dinas '25-11-00' tidak sah" in shown(app, "#message")
        assert app.screen.query_one("#perihal").value == "Uji"
    assert WorkItem.select().count() == before
    assert not FaxDestination.select().where(FaxDestination.number.contains("0812")).exists()


async def test_double_submit_shows_the_conflict(office):
    item_id = at_step(1)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestListScreen())
        await pilot.press("enter")  # newest first: the draft
        await settle(pilot)
        assert isinstance(app.screen, RequestFormScreen) and app.screen.item_id == item_id
        fax_flow.submit(user("pemakai"), item_id)  # submitted meanwhile from another terminal
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert "tidak lagi dapat diubah (sudah diajukan)" in shown(app, "#message")
        assert isinstance(app.screen, RequestFormScreen)
    assert WorkItem.get_by_id(item_id).step == 2


async def test_submitted_request_opens_read_only_with_history(office):
    at_step(3, perihal="Laporan insiden")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestListScreen())
        await pilot.press("enter")
        await settle(pilot)
        clock, body = app.screen.query("#detail-body Static")
        assert str(clock.render()) == "Mutu baku langkah 3: 0 dtk / 10 mnt"
        text = str(body.render())
        assert "Laporan insiden" in text and "Riwayat" in text
        assert "Disposisi ke Adm. Umum → langkah 3" in text


def test_request_list_snapshot(office, snap_compare):
    at_step(1, perihal="Draf undangan sosialisasi")
    at_step(4, perihal="Jadwal pengamanan sinyal")

    async def before(pilot):
        await settle(pilot)
        await open_requests(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_request_form_snapshot(office, snap_compare):
    at_step(
        1, destinations=[("Diskominfo Jatim", "031-8294608"), ("Kecamatan Panggul", "0355-591022")]
    )

    async def before(pilot):
        await settle(pilot)
        await open_requests(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
