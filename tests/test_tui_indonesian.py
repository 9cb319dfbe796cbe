"""What Textual itself shows is said in Indonesian too: the command palette's search field,
its own commands and its "nothing found", the footer's palette key, an open Select's Esc,
the keys panel, and Textual's notices."""

from __future__ import annotations

from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import Footer, Select

from tests.tui_helpers import make_app, settle, sign_in, start, type_text
from tui.commands import NO_MATCHES, screenshot, toggle_keys
from tui.keys import KEYS, TEXTUAL
from tui.screens.fax.request import RequestFormScreen
from tui.widgets.keys_panel import KeysPanel, key_rows
from tui.widgets.plain import Static

ENGLISH = ("Quit", "Theme", "Keys", "Screenshot", "Maximize", "Minimize")


async def test_the_palette_and_its_commands_are_indonesian(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "admin")
        footer = " ".join(str(w.render()) for w in app.screen.query(Footer).first().children)
        assert "perintah" in footer and "palette" not in footer
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert not set(titles) & set(ENGLISH)
        assert {"Tombol", "Tangkapan layar", "Tutup aplikasi", "Bantuan SOP"} <= set(titles)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert CommandPalette.is_open(app)
        assert app.screen.query_one(CommandInput).placeholder == "Cari perintah…"


def textual_words() -> set[str]:
    """The descriptions of Textual's own bindings, in English."""
    import inspect

    from textual import widgets
    from textual.app import App
    from textual.binding import Binding
    from textual.command import CommandPalette as Palette
    from textual.containers import ScrollableContainer
    from textual.screen import Screen
    from textual.widgets._select import SelectOverlay

    classes = [App, Screen, Palette, ScrollableContainer, SelectOverlay]
    classes += [c for _, c in inspect.getmembers(widgets, inspect.isclass)]
    return {
        b.description
        for cls in classes
        for b in Binding.make_bindings(getattr(cls, "BINDINGS", []))
        if b.description
    }


def footer_text(app) -> str:
    return " ".join(str(w.render()) for w in app.screen.query(Footer).first().children)


async def test_an_open_select_says_its_esc_in_indonesian(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.click("#sifat")
        await settle(pilot)
        assert app.screen.query_one("#sifat", Select).expanded
        footer = footer_text(app)
        assert "Kembali" in footer and not any(word in footer for word in textual_words())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, RequestFormScreen)
        assert not app.screen.query_one("#sifat", Select).expanded


async def test_the_keys_panel_speaks_only_indonesian(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.click("#perihal")
        toggle_keys(app.screen)
        await settle(pilot)
        rows = key_rows(app.screen)
        meanings = {text for _keys, text in rows}
        assert {"Simpan", "Ajukan", "Kembali", "Hapus huruf di kiri"} <= meanings
        assert meanings <= set(KEYS.values()) | set(TEXTUAL.values())
        panel = str(app.screen.query_one(KeysPanel).query_one("#keys-table", Static).render())
        assert "Tombol" in str(app.screen.query_one(KeysPanel).children[0].render())
        assert not any(word in panel for word in textual_words() - set(KEYS.values()))


async def test_a_search_in_the_palette_that_matches_nothing_says_so(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "admin")
        await pilot.press("ctrl+p")
        await type_text(pilot, "qqqzzz")
        await pilot.pause(1)  # the palette says it once the search has found nothing
        await settle(pilot)
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any(NO_MATCHES in p for p in prompts) and "No matches" not in " ".join(prompts)


async def test_textuals_notices_are_indonesian(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "admin")
        await pilot.press("ctrl+c")  # Textual: "Press ctrl+q to quit the app"
        screenshot(app)
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert said[0] == "Ctrl+C tidak menutup Warkat; Ctrl+Q menutup aplikasi."
        assert said[1].startswith("Tangkapan layar disimpan: ")
        path = said[1].removeprefix("Tangkapan layar disimpan: ")
        assert path.startswith(str(office.out_dir)) and path.endswith(".svg")
        assert not any(n.title for n in app._notifications)
