"""Buku-buku: every book the SOP names in one menu, each opened with a search hint naming
what its search looks in; a search that finds nothing says "tidak ditemukan"."""

from textual.widgets import Input

from model.base import now
from model.books import ekspedisi
from tests.conftest import user
from tests.tui_helpers import SIZE, make_app, settle, shown, start, type_text
from tui.screens.books.agenda_book import AgendaBookScreen
from tui.screens.books.mail_archive import MailArchiveScreen
from tui.screens.books.menu import BooksMenuScreen
from tui.screens.books.registers import BooksScreen
from tui.screens.fax.archive import ArchiveScreen
from tui.screens.menu import MenuScreen
from tui.widgets.plain import OptionList

# every book: its menu label, the screen it opens on, and its search hint
BOOKS = [
    ("Buku agenda berita keluar", BooksScreen, "nomor agenda, perihal, tujuan"),
    ("Buku agenda surat masuk", BooksScreen, "nomor agenda, perihal, asal"),
    ("Buku laporan harian fax", BooksScreen, "tujuan, nomor faks, nomor agenda, operator"),
    ("Buku ekspedisi", BooksScreen, "kepada, nomor surat, perihal, penerima"),
    ("Arsip surat faks", ArchiveScreen, "perihal, nomor agenda, tujuan atau isi berita"),
    ("Arsip email masuk", MailArchiveScreen, "perihal, pengirim, isi, nomor agenda, alasan"),
    ("Arsip email keluar", MailArchiveScreen, "perihal, tujuan, tembusan, isi, nomor agenda"),
]


def labels(app) -> list[str]:
    options = app.screen.query_one("#menu", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def choose(pilot, label: str) -> None:
    """In the open menu, move down to the entry `label` and open it."""
    index = next(i for i, text in enumerate(labels(pilot.app)) if text.startswith(label))
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def test_every_book_opens_from_buku_buku_with_its_search_hint(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", MenuScreen())
        await choose(pilot, "Buku-buku")
        assert isinstance(app.screen, BooksMenuScreen)
        assert [text.split("  ")[0] for text in labels(app)] == [b[0] for b in BOOKS]
        for label, screen, hint in BOOKS:
            await choose(pilot, label)
            assert isinstance(app.screen, screen), label
            assert app.screen.query_one("#search", Input).placeholder.startswith(hint), label
            if screen is BooksScreen:
                assert label in app.screen.sub_title
            await pilot.press("escape")
            await settle(pilot)
            app.push_screen(BooksMenuScreen())
            await settle(pilot)


async def test_the_operator_has_the_fax_books_not_the_archives(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "operator", BooksMenuScreen())
        assert [text.split("  ")[0] for text in labels(app)] == [b[0] for b in BOOKS[:4]]


async def test_a_search_that_finds_nothing_says_so_on_every_book(office):
    screens = [
        BooksScreen(book="fax"),
        BooksScreen(book="agenda_masuk"),
        AgendaBookScreen(),
        ArchiveScreen(),
        MailArchiveScreen(),
    ]
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        for screen in screens:
            await start(pilot, "admin", screen)
            app.screen.query_one("#search", Input).focus()
            await type_text(pilot, "zzqx")
            await settle(pilot)
            assert "“zzqx” tidak ditemukan." in shown(app, "#message"), screen
            await pilot.press("backspace", "backspace", "backspace", "backspace")
            await settle(pilot)
            assert "tidak ditemukan" not in shown(app, "#message"), screen
            app.pop_screen()


async def test_each_hinted_field_of_the_ekspedisi_book_is_searched(office):
    entry = ekspedisi.add(
        user("admin"), to="Dinas Kesehatan", perihal="Surat undangan", letter_number="B/77"
    )
    ekspedisi.record_receipt(user("admin"), entry.id, "Budi Santoso", now())
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", BooksScreen(book="ekspedisi"))
        for typed in ("Kesehatan", "B/77", "undangan", "Budi"):
            search = app.screen.query_one("#search", Input)
            search.value = typed
            await settle(pilot)
            assert [e.id for e in app.screen.rows] == [entry.id], typed
