"""A local maildir used like the IMAP inbox: incremental by file name, seen flags, Sent copies."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import count
from pathlib import Path

from mail.errors import MailError
from mail.imap import Fetched, SyncState

_serial = count()


def deliver(
    path: str | os.PathLike,
    raw: bytes,
    when: float | None = None,
    subdir: str = "new",
    flags: str = "",
) -> str:
    """Write `raw` into the maildir at `path` (created if needed); returns the key.

    Keys start with the delivery time, so sorting keys sorts by arrival.
    """
    root = Path(path)
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    stamp = time.time() if when is None else when
    key = (
        f"{int(stamp):010d}.M{int(stamp % 1 * 1e6):06d}P{os.getpid()}Q{next(_serial):06d}."
        f"{socket.gethostname().replace('/', '_').replace(':', '_')}"
    )
    tmp = root / "tmp" / key
    tmp.write_bytes(raw)
    name = f"{key}:2,{flags}" if subdir == "cur" else key
    os.replace(tmp, root / subdir / name)
    return key


class MaildirInbox:
    """Same calls as `ImapInbox`: fetch_new(state), mark_done(refs), idle_wait(s), append(raw)."""

    def __init__(self, path: str | os.PathLike, after: str = "none") -> None:
        self.path = Path(path)
        self.after = after  # "none" | "seen"
        self.state = SyncState()

    def __enter__(self) -> MaildirInbox:
        if not (self.path / "cur").is_dir() or not (self.path / "new").is_dir():
            raise MailError(f"Folder {self.path} bukan maildir (tidak ada cur/ dan new/)")
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def _files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):
            for entry in (self.path / sub).iterdir():
                if not entry.name.startswith("."):
                    found[entry.name.split(":", 1)[0]] = entry
        return found

    def fetch_new(self, state: SyncState) -> Iterator[Fetched]:
        """Messages whose key sorts after `state.last_key`."""
        self.state = state
        files = self._files()
        for key in sorted(k for k in files if k > state.last_key):
            try:
                raw = files[key].read_bytes()
            except FileNotFoundError:
                continue  # moved by another reader meanwhile
            self.state = replace(self.state, last_key=key)
            yield Fetched(key, raw, self.state)

    def mark_done(self, refs: Iterable[str]) -> None:
        """With after="seen": move from new/ to cur/ with the S flag."""
        if self.after != "seen":
            return
        files = self._files()
        for key in refs:
            path = files.get(key)
            if path is not None and path.parent.name == "new":
                os.replace(path, self.path / "cur" / f"{key}:2,S")

    def idle_wait(self, timeout: float) -> bool:
        """Poll twice a second for a key newer than the last fetched one."""
        deadline = time.monotonic() + timeout
        while True:
            if any(k > self.state.last_key for k in self._files()):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))

    def append(self, raw: bytes, folder: str | None = None) -> str:
        """Store a copy as seen in the Maildir++ subfolder ".Sent" (or ".{folder}")."""
        name = folder or "Sent"
        deliver(self.path / f".{name}", raw, subdir="cur", flags="S")
        return name
