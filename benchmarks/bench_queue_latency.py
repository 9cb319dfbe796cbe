"""Key press to the screen's answer on a 10,000-item queue while it refreshes, with database
latency added, against the same screens before their rows were read in worker threads.

    .venv/bin/python benchmarks/bench_queue_latency.py [--items 10000] [--latency-ms 1]
        [--presses 30] [--rounds 1] [--cap 150] [--wait 30] [--baseline a3db3eb]
        [--screens home transmit]

The home (the demo office's people, N fax requests walked through the model to the operator's
step, terkirim) is built once with the baseline tree into a cache folder and copied per run.
Each run is a fresh process (benchmarks/queue_probe.py) importing one tree: the baseline
from a git worktree (/tmp/warkat-baseline, added if absent), then this tree; with --rounds > 1
the order alternates. In a run the operator signs in ("Pekerjaan saya" lists every item), then
opens the Konsol kirim faks; on each, once all rows are shown, 30 cursor-down keys are sent at
random gaps (mean 1.2 s on the home, whose refresh is every 30 s; 0.5 s on the console, every
5 s in the baseline) and each is timed to the first frame showing the moved cursor. Every SQL
statement first sleeps --latency-ms (a database server's round trip). A run is cut off when a
screen shows no rows within --cap s, or keys are unanswered --wait s after the last one was
sent: those keys count with the time waited so far (shown as ≥), so a cut-off understates.
Prints a Markdown table, the machine and both trees' state.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).resolve().with_name("queue_probe.py")
WORKTREE = Path("/tmp/warkat-baseline")
LABELS = {"home": "Pekerjaan saya (home)", "transmit": "Konsol kirim faks"}


def git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def baseline_tree(commit: str) -> Path:
    """The worktree of `commit` (added, detached, if absent; refused if at another commit)."""
    full = git("rev-parse", commit)
    if not WORKTREE.exists():
        git("worktree", "add", "--detach", str(WORKTREE), full)
    elif git("rev-parse", "HEAD", cwd=WORKTREE) != full:
        sys.exit(f"{WORKTREE} is not at {commit}: remove it (git worktree remove) or move it")
    return WORKTREE


def cached_home(tree: Path, commit: str, items: int) -> Path:
    """The built home for `items`, made once (a few minutes) with the baseline tree."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser() / "warkat-bench"
    home = cache / f"queue-{items}-{commit}"
    if not (home / "warkat.db").exists():
        print(f"building {items} items into {home} (once) …", file=sys.stderr)
        partial = cache / f"{home.name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(PROBE),
                "--tree",
                str(tree),
                "build",
                "--home",
                str(partial),
                "--items",
                str(items),
            ],
            check=True,
        )
        partial.rename(home)
    return home


def run_once(tree: Path, home: Path, args) -> dict:
    """One fresh process on a copy of the home; its measurements."""
    with tempfile.TemporaryDirectory() as tmp:
        copy, out = Path(tmp) / "home", Path(tmp) / "out.json"
        shutil.copytree(home, copy)
        subprocess.run(
            [
                sys.executable,
                str(PROBE),
                "--tree",
                str(tree),
                "run",
                "--home",
                str(copy),
                "--out",
                str(out),
                "--items",
                str(args.items),
                "--screens",
                *args.screens,
                "--latency-ms",
                str(args.latency_ms),
                "--presses",
                str(args.presses),
                "--cap",
                str(args.cap),
                "--wait",
                str(args.wait),
            ],
            check=True,
        )
        return json.loads(out.read_text())


def rank(values: list[tuple[float, bool]], q: int) -> str:
    """Nearest-rank percentile `q` (100: the maximum) in ms; ≥ when it falls on a key still
    unanswered (its time waited so far)."""
    value, exact = sorted(values)[math.ceil(len(values) * q / 100) - 1]
    return ("" if exact else "≥") + (
        f"{value * 1000:,.0f}" if value >= 1 else f"{value * 1000:.1f}"
    )


def row(label: str, name: str, runs: list[dict]) -> str:
    results = [r["screens"][name] for r in runs if name in r["screens"]]
    values = [(v, True) for r in results for v in r["latencies_s"]]
    values += [(v, False) for r in results for v in r["unanswered_waited_s"]]
    loaded = [r["loaded_s"] for r in results]
    shown = ", ".join("not shown" if s is None else f"{s:.2f}" for s in loaded)
    answered = f"{sum(len(r['latencies_s']) for r in results)}/{len(values)}"
    if not values:
        return f"| {LABELS[name]} | {label} | {shown} | 0/0 | - | - | - |"
    return (
        f"| {LABELS[name]} | {label} | {shown} | {answered} | {rank(values, 50)} | "
        f"{rank(values, 95)} | {rank(values, 100)} |"
    )


def tree_state() -> str:
    head = git("rev-parse", "--short", "HEAD")
    changed = [line[3:] for line in git("status", "--porcelain").splitlines()]
    if not changed:
        return f"{head} (clean)"
    digest = subprocess.run(
        f"git -C {REPO} diff HEAD | sha1sum", shell=True, capture_output=True, text=True
    ).stdout[:10]
    ui = sum(1 for path in changed if path.startswith("tui/"))
    return (
        f"{head} + uncommitted changes to {len(changed)} files ({ui} under tui/; "
        f"`git diff HEAD | sha1sum` {digest})"
    )


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, Textual "
        f"{version('textual')}, peewee {version('peewee')}, SQLite "
        f"{sqlite3.sqlite_version}, {platform.machine()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument(
        "--latency-ms", type=float, default=1.0, help="sleep before every SQL statement (0: none)"
    )
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=1, help="baseline/current pairs")
    parser.add_argument("--cap", type=float, default=150, help="seconds to wait for the rows")
    parser.add_argument(
        "--wait", type=float, default=30, help="seconds to wait for answers after the last key"
    )
    parser.add_argument("--baseline", default="a3db3eb")
    parser.add_argument("--screens", nargs="+", default=["home", "transmit"], choices=list(LABELS))
    args = parser.parse_args()
    commit = git("rev-parse", "--short", args.baseline)
    base = baseline_tree(args.baseline)
    home = cached_home(base, commit, args.items)
    trees = {f"baseline {commit}": base, "current": REPO}
    runs: dict[str, list[dict]] = {label: [] for label in trees}
    for n in range(args.rounds):
        for label in list(trees) if n % 2 == 0 else list(trees)[::-1]:
            print(f"round {n + 1}: {label} …", file=sys.stderr)
            runs[label].append(run_once(trees[label], home, args))
    print(f"Command: `.venv/bin/python {' '.join(sys.argv)}`  ")
    print(f"Machine: {machine()}.  ")
    print(f"Baseline: {commit} (worktree {base}); current: {tree_state()}.  ")
    print(
        f"{args.items:,} items waiting at terkirim, {args.latency_ms:g} ms added per SQL "
        f"statement, {args.presses} cursor-down keys per screen and run, {args.rounds} "
        f"run(s) per tree, cut off after {args.cap:g} s without rows or {args.wait:g} s "
        f"after the last key.\n"
    )
    print("| screen | tree | rows shown after s | answered | p50 ms | p95 ms | max ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name in args.screens:
        for label in trees:
            print(row(label, name, runs[label]))
    notes = [f"{label}: {r['note']}" for label in trees for r in runs[label] if r["note"]]
    notes += [
        f"{label} {name}: {s['error']}"
        for label in trees
        for r in runs[label]
        for name, s in r["screens"].items()
        if s["error"]
    ]
    for note in notes:
        print(f"\nnote: {note}")


if __name__ == "__main__":
    main()
