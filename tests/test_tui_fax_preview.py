"""Pratinjau faks at 80×24: from the operator's console and the request form, the first page
as text and the page count; Ctrl+S keeps the pages as PNG files in the print folder."""

from __future__ import annotations

from PIL import Image

from model.books.agenda import agenda_number
from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, shown, start, type_text
from tui.screens.fax.preview import FaxPreviewScreen
from tui.screens.fax.request import RequestFormScreen
from tui.screens.fax.transmit import TransmitScreen

TWO = [("Diskominfo Jatim", "031-8294608"), ("BSSN", "021-7805814")]


async def test_the_operator_previews_a_destination_and_saves_its_pages(staff):
    item_id = at_step(5, destinations=TWO)
    number = agenda_number(item_id)
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "operator", TransmitScreen(item_id=item_id))
        await pilot.press("down")  # the second destination
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, FaxPreviewScreen)
        assert shown(app, "#preview-summary") == "Faks ke BSSN: 1 halaman."
        page = shown(app, "#preview-page")
        assert page.startswith(f"DISKOMINFO TRENGGALEK  25-11-2026 09:30  No. {number}\n")
        for line in (
            "Kepada Yth.    : BSSN",
            f"Nomor          : {number}",
            "Tanggal        : 25 November 2026",
            "Jumlah halaman : 1 halaman (termasuk halaman ini)",
            "Dengan hormat,",
            "Bambang Sutrisno, S.Kom.",
        ):
            assert line in page, line
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = staff.out_dir / f"faks-{number.replace('/', '-').replace('.', '-')}-hal1.png"
        assert shown(app, "#message") == f"Pratinjau disimpan: {saved}"
        with Image.open(saved) as png:
            assert png.size == (1728, 2286)  # standard lines drawn twice, as printed
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TransmitScreen)


async def test_the_requester_previews_the_form_as_typed(staff):
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.click("#perihal")
        await type_text(pilot, "Rapat KI")
        await pilot.click("#isi")
        await type_text(pilot, "Mohon hadir.")
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, FaxPreviewScreen)
        page = shown(app, "#preview-page")
        assert "Nomor          : (belum bernomor)" in page
        assert "Perihal        : Rapat KI" in page and "Mohon hadir." in page
        assert "NIP. ......" in page  # not disposed yet: the Kasi signs later
