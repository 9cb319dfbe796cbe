"""The command palette (Ctrl+P) in Indonesian: the app's own commands, and the entries of a
signed-in user."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from tui import nav
from tui.screens.help import HelpScreen
from tui.screens.password import PasswordScreen


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


PLACEHOLDER = "Cari perintah…"


def palette() -> CommandPalette:
    """The palette with its search field in Indonesian."""
    return CommandPalette(id="--command-palette", placeholder=PLACEHOLDER)


def system_entries(app, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's own commands (keys panel, maximise, screenshot, quit), said in Indonesian;
    the theme stays the office's."""
    if screen.query("HelpPanel"):
        yield SystemCommand("Tombol", "Sembunyikan panel tombol", app.action_hide_help_panel)
    else:
        yield SystemCommand(
            "Tombol", "Tampilkan tombol layar ini dan bantuan isian", app.action_show_help_panel
        )
    if screen.maximized is not None:
        yield SystemCommand("Ukuran normal", "Kembalikan ukuran bagian ini", screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand("Perbesar", "Perbesar bagian yang aktif", screen.action_maximize)
    yield SystemCommand(
        "Tangkapan layar",
        "Simpan gambar SVG layar ini",
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )
    yield SystemCommand("Tutup aplikasi", "Tutup Warkat di terminal ini", app.action_quit)
