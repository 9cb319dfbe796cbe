"""Buku ekspedisi driven with Pilot: a new entry, its tanda terima, the printed receipts."""

from textual.widgets import DataTable, Static

from model.books import ekspedisi
from model.books.ekspedisi import EkspedisiEntry
from tests.conftest import user
from tests.tui_helpers import make_app, sign_in, type_text
from tui.dialogs.ekspedisi_forms import EntryForm, ReceiptForm
from tui.dialogs.print_dialog import PrintDialog
from tui.screens.books.ekspedisi import EkspedisiScreen

SIZE = (80, 24)


async def open_book(pilot, item_id=None, username="admin") -> EkspedisiScreen:
    await sign_in(pilot, username)
    screen = EkspedisiScreen(item_id=item_id)
    pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


def message(app) -> str:
    return str(app.screen.query_one("#message", Static).render())


async def test_new_entry_then_receipt_then_print(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_book(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EntryForm)
        await type_text(pilot, "Bappeda")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message(app) == "Penerima (kepada) dan perihal wajib diisi."
        await pilot.press("tab", "tab")
        await type_text(pilot, "31-13-2026")
        await pilot.press("tab")
        await type_text(pilot, "Undangan rapat")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tidak sah: tulis hh-bb-tttt" in message(app)
        app.screen.query_one("#date").value = "24-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        entry = EkspedisiEntry.get(EkspedisiEntry.to == "Bappeda")
        assert (entry.perihal, str(entry.letter_date), entry.seq) == (
            "Undangan rapat",
            "2026-11-24",
            1,
        )
        table = screen.query_one("#entries", DataTable)
        assert [str(c) for c in table.get_row_at(0)][3:] == [
            "Bappeda",
            "Undangan rapat",
            "-",
            "belum",
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptForm)
        await type_text(pilot, "Pak Yusuf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "diterima Pak Yusuf 25-11-2026 09:30" in str(
            screen.query_one("#detail", Static).render()
        )
        await pilot.press("ctrl+p")
        await type_text(pilot, "belum diterima")
        await pilot.pause(0.5)  # the palette lists what matches
        await pilot.press("enter")
        await pilot.pause()
        assert "sudah ada tanda terimanya" in message(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PrintDialog)
    entry = EkspedisiEntry.get_by_id(entry.id)
    assert entry.receiver_name == "Pak Yusuf"


async def test_second_receipt_is_refused_with_the_reason(office):
    entry = ekspedisi.add(user("admin"), to="Dinkes", perihal="Data")
    ekspedisi.record_receipt(user("admin"), entry.id, "Bu Ani", entry.at)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await open_book(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Orang lain")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptForm)
        assert "sudah dicatat (Bu Ani" in message(app)


async def fill_new_entry(pilot, username: str) -> str:
    """Sign in as `username`, fill a new entry dated tomorrow, save; the form's message."""
    await open_book(pilot, username=username)
    await pilot.press("n")
    await pilot.pause()
    for field, value in {"to": "Bappeda", "perihal": "Undangan", "date": "26-11-2026"}.items():
        pilot.app.screen.query_one(f"#{field}").value = value
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EntryForm)
    return message(pilot.app)


async def test_a_future_letter_date_and_another_role_are_refused_in_words(office):
    for username, said in [
        ("operator", "Hanya Administrasi Umum yang dapat mengisi buku ekspedisi."),
        ("admin", "Tanggal surat tidak boleh di masa depan."),
    ]:
        async with make_app(office).run_test(size=SIZE) as pilot:  # the menu offers both
            assert await fill_new_entry(pilot, username) == said
    assert not EkspedisiEntry.select().exists()


def test_ekspedisi_snapshot(office, snap_compare):
    first = ekspedisi.add(
        user("admin"),
        to="Badan Perencanaan Pembangunan Daerah",
        perihal="Undangan rapat koordinasi",
        letter_number="005/012/406.020/2026",
        lampiran="1 berkas",
    )
    ekspedisi.record_receipt(user("admin"), first.id, "Yusuf", first.at)
    ekspedisi.add(user("admin"), to="Dinas Kesehatan", perihal="Permintaan data statistik")

    async def before(pilot):
        await pilot.pause()
        await open_book(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
