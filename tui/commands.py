"""Command-palette entries for a signed-in user (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand

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
