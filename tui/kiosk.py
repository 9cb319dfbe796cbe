"""`warkat kiosk`: the SSH entry point (sshd ForceCommand → sudo -u warkat), Warkat only.

Refuses commands (`ssh host ls`, sftp), needs a terminal, takes the SSH account from SUDO_USER,
and ends quietly when the connection drops (SIGHUP) or the service is stopped (SIGTERM)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from model import home as home_mod
from model.errors import WarkatError
from tui.app import WarkatApp

NO_COMMANDS = (
    "Akses SSH ini hanya untuk aplikasi Warkat: perintah, sftp dan penerusan port tidak diizinkan."
)
NO_TERMINAL = "Warkat memerlukan terminal: sambungkan dengan ssh biasa (atau ssh -t)."
NO_ACCOUNT = "Akun SSH tidak diketahui: warkat kiosk dijalankan sshd lewat sudo (lihat DEPLOY.md)."


def run_kiosk(home: Path, config: str | None) -> int:
    if os.environ.get("SSH_ORIGINAL_COMMAND") is not None:
        print(f"warkat: {NO_COMMANDS}", file=sys.stderr)
        return 1
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(f"warkat: {NO_TERMINAL}", file=sys.stderr)
        return 1
    cfg = home_mod.open_home(home, config)
    app = WarkatApp(cfg)
    if cfg.login == "ssh":
        from model.auth import ssh_sign_in

        account = os.environ.get("SUDO_USER", "")
        if not account:
            raise WarkatError(NO_ACCOUNT)
        peer = os.environ.get("SSH_CONNECTION", "").split(" ")[0]
        app.session.user = ssh_sign_in(account, peer)
        app.session.ssh_account = account
    for signum in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, lambda *_: _hang_up(app))
    app.run()
    return 0


def _hang_up(app) -> None:
    """Detach from the (possibly dead) terminal so nothing writes to it, then exit the app."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # the app is not running (yet, or any more)
        raise SystemExit(129) from None
    loop.call_soon_threadsafe(app.exit)
