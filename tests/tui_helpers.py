"""Driving the app as a user would: type, press, sign in."""

from __future__ import annotations

from tui.app import WarkatApp


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


async def sign_in(pilot, username: str, password: str = "warkat123") -> None:
    await pilot.pause()
    await type_text(pilot, username)
    await pilot.press("enter")
    await type_text(pilot, password)
    await pilot.press("enter")
    await pilot.pause()


def make_app(cfg) -> WarkatApp:
    return WarkatApp(cfg)
