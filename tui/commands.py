"""The command palette (Ctrl+P) in Indonesian: the app's own commands, the entries of a
signed-in user, and those of the screen shown (its `commands()`)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandInput, CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from tui import nav
from tui.screens.help import HelpScreen
from tui.screens.password import PasswordScreen
from tui.widgets.keys_panel import KeysPanel

PLACEHOLDER = "Cari perintah…"
NO_MATCHES = "Tidak ada perintah yang cocok"


def palette_entries(app) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Bantuan SOP", "Seluruh langkah SOP dan mutu bakunya", lambda: app.push_screen(HelpScreen())
    )
    yield SystemCommand(
        "Ganti kata sandi", "Ganti kata sandi Anda", lambda: app.push_screen(PasswordScreen())
    )
    yield SystemCommand("Kunci layar", "Kunci terminal ini sekarang", app.action_lock)
    yield SystemCommand("Keluar", "Keluar dan kembali ke layar masuk", app.action_sign_out)
    for dest in nav.for_user(app.session.user):
        yield SystemCommand(dest.label, dest.help, lambda d=dest: app.push_screen(d.make()))


class Palette(CommandPalette):
    """Textual's palette with its words in Indonesian. Esc first empties what was typed (the
    keys that follow still go to the search), then closes."""

    def _action_escape(self) -> None:
        search = self.query_one(CommandInput)
        if search.value:
            search.value = ""
            return
        super()._action_escape()

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual 8's countdown to the line saying nothing matched, saying it in Indonesian."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def palette() -> CommandPalette:
    """The palette with its search field in Indonesian."""
    return Palette(id="--command-palette", placeholder=PLACEHOLDER)


def toggle_keys(screen: Screen) -> None:
    """Show the keys panel beside `screen`, or take it away."""
    shown = screen.query(KeysPanel)
    if shown:
        shown.remove()
    else:
        screen.mount(KeysPanel())


def screenshot(app) -> None:
    """An SVG of the screen into the home's out/ folder; where it went is said."""
    try:
        path = app.save_screenshot(path=str(app.session.config.out_dir))
    except OSError as exc:
        app.notify(f"Tangkapan layar tidak tersimpan: {exc.strerror}", severity="error")
        return
    app.notify(f"Tangkapan layar disimpan: {path}")


def system_entries(app, screen: Screen) -> Iterable[SystemCommand]:
    """The screen's own rare commands, then Textual's (keys panel, maximise, screenshot,
    quit) said in Indonesian; the theme stays the office's."""
    yield from getattr(screen, "commands", lambda: ())()
    hide = bool(screen.query(KeysPanel))
    yield SystemCommand(
        "Tombol",
        "Sembunyikan panel tombol" if hide else "Tampilkan tombol layar ini di samping",
        lambda: toggle_keys(screen),
    )
    if screen.maximized is not None:
        yield SystemCommand("Ukuran normal", "Kembalikan ukuran bagian ini", screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand("Perbesar", "Perbesar bagian yang aktif", screen.action_maximize)
    yield SystemCommand(
        "Tangkapan layar",
        "Simpan gambar SVG layar ini di folder out/",
        lambda: app.set_timer(0.1, lambda: screenshot(app)),
    )
    yield SystemCommand("Tutup aplikasi", "Tutup Warkat di terminal ini", app.action_quit)
