"""UUCP-style device locks (HDB format), shared with other serial and fax software."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

from hw.modem.types import ModemError, ModemUnavailable

STALE_AFTER = 5.0  # seconds before an unreadable lock file counts as abandoned


def lock_name(device: str) -> str:
    """'LCK..' + the real device path under /dev, '/' as '_' (/dev/pts/5 -> LCK..pts_5)."""
    real = os.path.realpath(device)
    name = real[len("/dev/") :] if real.startswith("/dev/") else real.lstrip("/")
    return "LCK.." + name.replace("/", "_")


def holder(pid: int) -> str:
    """Who a process is, as the operator knows it: 'daemon', 'warkat fax send-test', a name."""
    try:
        args = [
            a
            for a in Path(f"/proc/{pid}/cmdline")
            .read_bytes()
            .decode("utf-8", "replace")
            .split("\0")
            if a
        ]
    except OSError:
        args = []
    if not args:
        return "program lain"
    words = " ".join(args)
    if "warkat" in words or "tui.cli" in words:
        if "daemon" in args:
            return "daemon"
        for action in ("send-test", "modem-info"):
            if action in args:
                return f"warkat fax {action}"
    return os.path.basename(args[0])


class DeviceLock:
    """``with DeviceLock(device, lock_dir):`` holds LCK..<name> for this process.

    Another live holder (another program, or another driver in this process) raises
    ModemError "in_use"; a lock left by a dead process is taken over.
    """

    def __init__(self, device: str, lock_dir: str):
        self.device, self.folder = device, Path(lock_dir)
        self.path = self.folder / lock_name(device)
        self.content = f"{os.getpid():>10}\n"

    def __enter__(self) -> DeviceLock:
        for _ in range(2):
            if self._create():
                return self
            pid = self._live_holder()
            if pid is not None:
                raise ModemError("in_use", who=holder(pid), pid=pid)
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()  # stale: its process is gone
        raise ModemError("in_use_unknown", path=self.path)

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(OSError):
            if self.path.read_text() == self.content:
                self.path.unlink()

    def _create(self) -> bool:
        """Write our pid to a temporary file and link it to the lock name; False if taken."""
        try:
            fd, temp = tempfile.mkstemp(prefix="LTMP.", dir=self.folder)
        except OSError as error:
            raise ModemUnavailable("lock_dir", device=self.device, folder=self.folder) from error
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(self.content)
            os.chmod(temp, 0o644)
            os.link(temp, self.path)
            return True
        except FileExistsError:
            return False
        except OSError as error:
            raise ModemUnavailable("lock_dir", device=self.device, folder=self.folder) from error
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def _live_holder(self) -> int | None:
        """The pid holding the lock, or None if the lock is stale (or already gone)."""
        try:
            text, age = self.path.read_text("ascii"), time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError):
            text, age = "", STALE_AFTER + 1
        pid = int(text) if text.strip().isdigit() else 0
        if pid <= 0:  # garbage: another program may still be writing it
            if age > STALE_AFTER:
                return None
            raise ModemError("in_use_unknown", path=self.path)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass  # alive, owned by another user
        return pid
