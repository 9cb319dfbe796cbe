"""`warkat demo`: a demo office with its daemon running while the TUI is open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from model import demo
from model import home as home_mod
from model.org import User


def demo_home(given: Path | None) -> Path:
    if given:
        return given
    if os.environ.get("WARKAT_HOME"):
        return Path(os.environ["WARKAT_HOME"])
    return home_mod.resolve(None) / "demo"


def seed_office(cfg) -> None:
    """People, fax requests and drafts, then the demo inbox taken in and partly handled."""
    from spool.mail import seed_demo_inbox

    fresh = not User.select().exists()
    demo.seed()
    seed_demo_inbox(cfg)
    if fresh:
        demo.advance_incoming()


def run_demo(given: Path | None) -> int:
    """Initialise (once) and seed the demo home, start the daemon, run the TUI, stop both."""
    home = demo_home(given)
    cfg = home_mod.create(home)
    seed_office(cfg)
    log = open(home / "daemon.out", "ab")  # noqa: SIM115 - lives as long as the daemon
    daemon = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--home", str(home), "daemon"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        from tui.app import WarkatApp

        WarkatApp(cfg).run()
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
        log.close()
    return 0
