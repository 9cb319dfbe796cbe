"""Bytes to the terminal per cursor move in a 10,000-row list, against a bare Textual DataTable
with the same rows, both in a real pty at 80x24 (what a slow SSH link carries).

    .venv/bin/python benchmarks/bench_cursor_bytes.py [--open 10000] [--moves 40]

The Warkat side is the Kasi's home over a home with --open items waiting at the Kasi's step,
built once through the model (benchmarks/office_home.py) and cached. After sign-in and once
the screen is quiet, Down is pressed --moves times; the bytes each move makes the app write
(until 0.3 s of quiet) are counted. Idle output (clocks ticking) is measured over the same
time with no key and shown apart. `cursor_rows(home)` gives the rows for bench_office.py.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
QUIET = 0.3
DOWN = b"\x1b[B"

BARE = """
import sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("No", "Prosedur", "Lgk", "Perihal", "Derajat", "Waktu / baku")
        for n in range(int(sys.argv[1])):
            table.add_row(str(n), "Faks", "2", f"Undangan rapat koordinasi {n}", "Biasa",
                          "3 mnt / 10 mnt")
        table.focus()

Bare().run()
"""


def spawn(args: list[str], cwd: Path) -> tuple[subprocess.Popen, int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, start_new_session=True
    )
    os.close(slave)
    return proc, master


def read_until_quiet(master: int, quiet: float = QUIET, limit: float = 20.0) -> int:
    """Bytes the app writes until it has been quiet for `quiet` s."""
    total, last, start = 0, time.monotonic(), time.monotonic()
    while time.monotonic() - last < quiet and time.monotonic() - start < limit:
        ready, _, _ = select.select([master], [], [], quiet)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            total += len(chunk)
            last = time.monotonic()
    return total


def moves(master: int, count: int) -> tuple[list[int], list[int]]:
    """Bytes per Down, and the idle bytes over windows of the same length."""
    read_until_quiet(master, 1.0, 60.0)
    per_move, idle = [], []
    for _ in range(count):
        started = time.monotonic()
        os.write(master, DOWN)
        per_move.append(read_until_quiet(master))
        window = time.monotonic() - started
        idle_until, quiet_bytes = time.monotonic() + window, 0
        while (left := idle_until - time.monotonic()) > 0:
            ready, _, _ = select.select([master], [], [], left)
            if ready:
                quiet_bytes += len(os.read(master, 65536))
        idle.append(quiet_bytes)
    return per_move, idle


def stop(proc: subprocess.Popen, master: int) -> None:
    os.write(master, b"\x11")  # Ctrl+Q
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    os.close(master)


def warkat(home: Path, count: int) -> tuple[list[int], list[int]]:
    proc, master = spawn([sys.executable, "-m", "tui.cli", "--home", str(home)], REPO)
    read_until_quiet(master, 1.5, 60.0)
    for keys in (b"kasi", b"\t", b"warkat123", b"\r"):
        os.write(master, keys)
        read_until_quiet(master, 0.3)
    try:
        return moves(master, count)
    finally:
        stop(proc, master)


def bare(rows: int, count: int, folder: Path) -> tuple[list[int], list[int]]:
    script = folder / "bare_table.py"
    script.write_text(BARE)
    proc, master = spawn([sys.executable, str(script), str(rows)], folder)
    try:
        return moves(master, count)
    finally:
        stop(proc, master)


def summary(name: str, per_move: list[int], idle: list[int]) -> str:
    p95 = sorted(per_move)[int(0.95 * (len(per_move) - 1))]
    return (
        f"| {name} | {statistics.median(per_move):,.0f} | {statistics.mean(per_move):,.0f} | "
        f"{p95:,} | {statistics.mean(idle):,.0f} |"
    )


def runs(home: Path, rows: int, count: int) -> dict[str, tuple[list[int], list[int]]]:
    """Bytes per move and idle bytes: Warkat's home over `home`, then the bare table."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return {
            "Warkat, Kasi's home": warkat(home, count),
            "bare Textual DataTable": bare(rows, count, Path(tmp)),
        }


def cursor_rows(home: Path, rows: int = 10_000, count: int = 40) -> list[tuple[str, str, str]]:
    """(figure, measured, baseline) for bench_office.py."""
    measured = runs(home, rows, count)
    warkat_moves, _ = measured["Warkat, Kasi's home"]
    bare_moves, _ = measured["bare Textual DataTable"]
    return [
        (
            f"bytes per cursor move, {rows:,}-row home over a pty (median of {count})",
            f"{statistics.median(warkat_moves):,.0f} B",
            f"bare DataTable, same rows: {statistics.median(bare_moves):,.0f} B",
        )
    ]


def main() -> int:
    from benchmarks.office_home import build_cached

    parser = argparse.ArgumentParser()
    parser.add_argument("--open", type=int, default=10000)
    parser.add_argument("--moves", type=int, default=40)
    args = parser.parse_args()
    measured = runs(build_cached(0, args.open), args.open, args.moves)
    print(f"{args.open:,} rows, {args.moves} moves, 80x24 pty, TERM=xterm-256color")
    print("| list | bytes per move, median | mean | p95 | idle bytes in the same time |")
    print("|---|---|---|---|---|")
    for name, (per_move, idle) in measured.items():
        print(summary(name, per_move, idle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
