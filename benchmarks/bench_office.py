"""Warkat at an office's real size, every figure against its baseline in one run (issue #16).

    .venv/bin/python benchmarks/bench_office.py [--archived 100000] [--waiting 10000]
                                                [--home DIR] [--messages 10000]

Builds (or takes from the cache) a home through the model with `--archived` closed items and
`--waiting` fax requests at the Kasi's step (benchmarks/office_home.py), or copies `--home`,
then measures on it: archive search (bench_search), opening every list (bench_lists), bytes per
cursor move (bench_cursor_bytes); and, on their own data, start-up to the login screen
(bench_startup) and IMAP intake against mbsync (bench_imap). Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_cursor_bytes import cursor_rows  # noqa: E402
from bench_imap import intake_rows  # noqa: E402
from bench_lists import list_rows  # noqa: E402
from bench_search import search_rows  # noqa: E402
from bench_startup import machine, startup_rows  # noqa: E402
from office_home import build_cached, counts  # noqa: E402


def home_copy(args: argparse.Namespace) -> Path:
    """A scratch copy of the home the figures are measured on."""
    if args.home is None:
        return build_cached(args.archived, args.waiting)
    copy = Path(tempfile.mkdtemp(prefix="warkat-office-")) / "home"
    shutil.copytree(args.home, copy)
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archived", type=int, default=100_000)
    parser.add_argument("--waiting", type=int, default=10_000)
    parser.add_argument("--home", type=Path, help="measure a copy of this built home instead")
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    started = time.perf_counter()
    home = home_copy(args)
    sizes = counts(home)
    rows: list[tuple[str, str, str]] = []
    for part in (search_rows, list_rows, cursor_rows):
        rows += part(home)
    rows += startup_rows()
    rows += intake_rows(args.messages)
    print(f"\n{machine()}, load average {os.getloadavg()[0]:.1f}")
    print(f"home: {sizes['items']}")
    print(f"whole run {time.perf_counter() - started:.0f} s\n")
    print("| figure | measured | baseline |")
    print("|---|---|---|")
    for figure, measured, baseline in rows:
        print(f"| {figure} | {measured} | {baseline} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
