"""The login screen shows before anything it does not need is imported (issue #16: start-up).

A fresh process takes the SSH entry, `warkat --home HOME kiosk`, on a terminal (a pty) with the
app run headless, and lists the modules loaded when the login screen is mounted."""

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.cli_helpers import warkat

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys
from textual.app import App

result, home = sys.argv[1], sys.argv[2]
run = App.run

async def at_login(pilot):
    await pilot.pause()
    with open(result, "w") as out:
        json.dump({"screen": type(pilot.app.screen).__name__, "modules": sorted(sys.modules)}, out)
    pilot.app.exit()

App.run = lambda self, **_: run(self, headless=True, size=(80, 24), auto_pilot=at_login)
from tui import cli
sys.exit(cli.main(["--home", home, "kiosk"]))
"""

# Packages no part of the login needs: PDF, images, modem, mail, PostgreSQL, the daemon.
HEAVY_PACKAGES = {
    "fpdf",
    "PIL",
    "pypdfium2",
    "serial",
    "imapclient",
    "psycopg2",
    "hw",
    "mail",
    "print",
    "spool",
}
# Warkat's own modules loaded only after the login: other screens, the palette, the tables,
# the users and audit, every migration.
DEFERRED = {
    "importlib.metadata",
    "model.auth",
    "model.audit",
    "model.backup",
    "model.migrations",
    "model.org",
    "model.workflow",
    "textual.widgets._data_table",
    "textual.widgets._text_area",
    "tui.commands",
    "tui.screens.help",
    "tui.screens.home",
    "tui.screens.lock",
    "tui.screens.password",
    "tui.screens.unsaved",
    "tui.widgets.plain_lists",
    "tui.widgets.table",
}


def login_modules(home: Path, tmp_path: Path) -> dict:
    result = tmp_path / "modules.json"
    primary, secondary = pty.openpty()  # run_kiosk wants a terminal
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(result), str(home)],
            stdin=secondary,
            stdout=secondary,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={k: v for k, v in os.environ.items() if k != "SSH_ORIGINAL_COMMAND"},
            timeout=60,
        )
    finally:
        os.close(primary)
        os.close(secondary)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(result.read_text())


def test_the_login_screen_imports_nothing_it_does_not_need(tmp_path):
    home = tmp_path / "home"
    assert warkat(home, "init", "--demo").returncode == 0
    seen = login_modules(home, tmp_path)
    assert seen["screen"] == "LoginScreen"
    loaded = set(seen["modules"])
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY_PACKAGES)
    assert heavy == []
    early = sorted(m for m in loaded if any(m == d or m.startswith(d + ".") for d in DEFERRED))
    assert early == []
    assert {"tui.cli", "tui.kiosk", "tui.app", "tui.screens.login", "model.db"} <= loaded


def test_the_schema_check_without_migrations_agrees_with_them():
    """model.home reads the newest version from the migration file names; model.migrations
    knows it from its STEPS."""
    from model import home, migrations

    newest = max(int(p.name[1:4]) for p in home.MIGRATIONS.glob("v[0-9][0-9][0-9]_*.py"))
    assert newest == migrations.LATEST
