"""Running `warkat` as a separate process, as an administrator types it."""

import os
import subprocess
import sys


def warkat(home, *args, stdin="", env=None):
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
