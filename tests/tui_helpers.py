"""Driving the app as a user would: type, press, sign in; what a screen shows."""

from __future__ import annotations

from contextlib import suppress

from textual.geometry import Region
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerFailed

from tests.conftest import user
from tui.app import WarkatApp
from tui.dialogs.klasifikasi_picker import KlasifikasiPicker

SIZE = (80, 24)


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


async def sign_in(pilot, username: str, password: str = "warkat123") -> None:
    await pilot.pause()
    await type_text(pilot, username)
    await pilot.press("enter")
    await type_text(pilot, password)
    await pilot.press("enter")
    await settle(pilot)


def make_app(cfg) -> WarkatApp:
    return WarkatApp(cfg)


async def settle(pilot) -> None:
    """Wait until the app's workers (the tables' reads) are done and what they read is shown:
    each pause handles the messages posted before it (a read's result, then what showing it
    posts)."""
    for _ in range(20):
        running = [w for w in pilot.app.workers if not w.is_finished]
        for worker in running:
            with suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()
        await pilot.pause()
        if not running and all(w.is_finished for w in pilot.app.workers):
            return


async def start(pilot, username: str, screen) -> None:
    """Skip the login form (tested elsewhere): sign `username` in and open `screen`."""
    await settle(pilot)
    pilot.app.session.user = user(username)
    pilot.app.push_screen(screen)
    await settle(pilot)


def shown(app, selector: str) -> str:
    """The text of Static `selector` on the current screen."""
    return str(app.screen.query_one(selector, Static).render())


def drawn(app, selector: str) -> list[str]:
    """The lines widget `selector` of the current screen draws, right spaces stripped."""
    widget = app.screen.query_one(selector)
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.rstrip() for strip in strips]


def footer_keys(app) -> set[str]:
    """The keys the footer offers now."""
    return {
        b.binding.key for b in app.screen.active_bindings.values() if b.enabled and b.binding.show
    }


async def pick_kode(pilot, kode: str = "000.1.1") -> None:
    """In the open KlasifikasiPicker, choose `kode`."""
    assert isinstance(pilot.app.screen, KlasifikasiPicker)
    await type_text(pilot, kode)
    await pilot.press("enter")
    await settle(pilot)
