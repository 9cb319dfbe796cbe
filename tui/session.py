"""Who is signed in at this terminal, and when they last touched it."""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic

from model import audit
from model.auth import LoginFailed
from model.base import now
from model.config import Config
from model.db import write
from model.org import User


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


def ssh_sign_in(account: str, peer: str = "") -> User:
    """The active, unlocked Warkat user named like the SSH account (sshd already checked who)."""
    user = User.get_or_none(User.username == account)
    if user is None:
        raise LoginFailed(f"Akun SSH '{account}' tidak terdaftar sebagai pengguna Warkat. "
                          "Hubungi admin sistem.")
    if not user.active:
        raise LoginFailed("Akun ini dinonaktifkan. Hubungi admin sistem.")
    if user.locked_until and user.locked_until > now():
        raise LoginFailed(f"Akun terkunci sampai {user.locked_until:%H:%M} karena terlalu "
                          "banyak percobaan gagal.")
    with write():
        audit.record(user.username, "login", f"user#{user.id}", via="ssh", peer=peer)
    return user
