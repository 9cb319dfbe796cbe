"""Where a user can go: the role screens (menu, palette) and the screen for each SOP step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from model.org import User


@dataclass(frozen=True)
class Destination:
    label: str
    roles: tuple[str, ...]
    make: Callable[[], Screen]
    help: str = ""

    def allowed(self, user: User) -> bool:
        return not self.roles or any(user.has_role(r) for r in self.roles)


DESTINATIONS: list[Destination] = []
STEP_SCREENS: dict[tuple[str, int], Callable[[int], Screen]] = {}


def for_user(user: User) -> list[Destination]:
    return [d for d in DESTINATIONS if d.allowed(user)]


def screen_for_step(procedure: str, step: int, item_id: int) -> Screen | None:
    """The screen that works on an item at this step, if one is registered."""
    make = STEP_SCREENS.get((procedure, step))
    return make(item_id) if make else None
