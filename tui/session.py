"""Who is signed in at this terminal, and when they last touched it."""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic
from typing import TYPE_CHECKING

from model.config import Config

if TYPE_CHECKING:
    from model.org import User  # the users' tables load with the first sign-in


@dataclass
class Session:
    config: Config
    user: User | None = None
    last_input: float = field(default_factory=monotonic)
    ssh_account: str | None = None  # login = "ssh": signed in by this SSH account

    def touch(self) -> None:
        self.last_input = monotonic()

    def idle_seconds(self) -> float:
        return monotonic() - self.last_input

    @property
    def idle_limit(self) -> float:
        return self.config.idle_lock_minutes * 60
