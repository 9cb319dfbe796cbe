"""What Textual itself shows is said in Indonesian too: the command palette's search field,
its own commands, and the footer's palette key."""

from __future__ import annotations

from textual.command import CommandInput, CommandPalette
from textual.widgets import Footer

from tests.tui_helpers import make_app, settle, sign_in

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
