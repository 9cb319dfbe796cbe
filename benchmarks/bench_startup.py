"""Start-up of the login screen against a bare Textual app, in fresh processes.

Every SSH login starts a process, so this measures what a user waits for: from `exec` to the
first screen composed and mounted (headless), and the peak resident memory of that process.
Run: .venv/bin/python benchmarks/bench_startup.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from textual.app import App
from textual.widgets import Footer, Input, Static

class Bare(App):
    def compose(self):
        yield Static("WARKAT")
        yield Input(placeholder="nama pengguna")
        yield Input(password=True)
        yield Footer()

async def leave(pilot):
    await pilot.pause()
    pilot.app.exit()

Bare().run(headless=True, size=(80, 24), auto_pilot=leave)
"""

WARKAT = """
import sys
from model import home
from tui.app import WarkatApp
from tui.screens.login import LoginScreen

async def leave(pilot):
    await pilot.pause()
    assert isinstance(pilot.app.screen, LoginScreen)
    pilot.app.exit()

WarkatApp(home.open_home(home.resolve(sys.argv[1]))).run(headless=True, size=(80, 24),
                                                         auto_pilot=leave)
"""

RSS = "import resource, sys; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def measure(code: str, *args: str, runs: int) -> tuple[float, float, int]:
    """(median s, best s, peak RSS KiB) of `runs` fresh processes running `code`."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        wrapper = (
            f"import subprocess, sys; subprocess.run([sys.executable, '-c', {code!r}, "
            f"*{list(args)!r}], check=True); {RSS}"
        )
        out = subprocess.run(
            [sys.executable, "-c", wrapper], capture_output=True, text=True, check=True
        )
        times.append(time.perf_counter() - start)
        peaks.append(int(out.stdout.split()[-1]))
    return statistics.median(times), min(times), max(peaks)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "tui.cli", "--home", tmp, "init", "--demo"],
            check=True,
            capture_output=True,
            cwd=Path(__file__).parent.parent,
        )
        bare = measure(BARE, runs=runs)
        warkat = measure(WARKAT, tmp, runs=runs)
    print(f"| process to first screen ({runs} runs) | median s | best s | peak RSS MiB |")
    print("|---|---:|---:|---:|")
    for name, (med, best, rss) in (
        ("bare Textual app (baseline)", bare),
        ("warkat login screen", warkat),
    ):
        print(f"| {name} | {med:.3f} | {best:.3f} | {rss / 1024:.1f} |")
    print(
        f"\nratio warkat/bare: time {warkat[0] / bare[0]:.2f}x, memory {warkat[2] / bare[2]:.2f}x"
    )


if __name__ == "__main__":
    main()
