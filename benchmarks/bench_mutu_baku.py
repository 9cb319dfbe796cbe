"""Mutu baku at an office's yearly size: the Kasi's board, the monthly compliance figures, the
header counter and the Kasi's home over N finished items and M items open at one step, each
against a plain full scan computing the same figures in Python in the same run.

    .venv/bin/python benchmarks/bench_mutu_baku.py [--finished 100000] [--open 10000]
        [--repeat 7]

The home is built once through the model (model.workflow.transitions: every item created and
moved step by step by its SOP actions on a frozen clock walking through a year of working
hours, batched a thousand items per transaction) into benchmarks/.cache/ and reused. Each
figure is timed --repeat times, then its baseline (a third as often: it is slow) in the same
process on the same data; median and p95 are printed with the tracemalloc peak of one more
call, as a Markdown table, and both sides are checked to agree.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CACHE = REPO / "benchmarks" / ".cache"
VERSION = 2  # of the built home; bump when the builder changes
YEAR_START = datetime(2026, 1, 5, 7, 30)
TITLES = (
    "Undangan rapat koordinasi persandian",
    "Laporan bulanan pengelolaan informasi berklasifikasi",
    "Permohonan data jaringan intra pemerintah",
    "Penyampaian jadwal pengamanan sinyal",
    "Nota dinas penggunaan aplikasi sandi",
    "Surat edaran penyesuaian jam kerja",
)


def build(path: Path, finished: int, open_items: int) -> None:
    from model import base, demo
    from model.db import write
    from model.home import create
    from model.sop import DONE, PROCEDURES
    from model.workflow.items import WorkItem
    from model.workflow.transitions import apply, create_item

    create(path)
    demo.seed(items=False)
    rng = random.Random(2026)
    procs = list(PROCEDURES.values())
    at = YEAR_START
    step_gap = timedelta(minutes=5)
    for start in range(0, finished + open_items, 1000):
        with write():
            for n in range(start, min(start + 1000, finished + open_items)):
                at += timedelta(seconds=rng.randint(60, 200))
                base.freeze(at)
                proc = procs[n % 3] if n < finished else procs[0]
                item = create_item(proc.code, None, f"{rng.choice(TITLES)} {n}")
                if n >= finished:  # open: left at the Kasi's disposition step
                    apply(item.id, None, proc.first.actions[0].code, system=True)
                    continue
                when = at
                while (current := WorkItem.get_by_id(item.id)).step != DONE:
                    when += step_gap * rng.randint(0, 8)
                    base.freeze(when)
                    apply(item.id, None, proc.step(current.step).actions[0].code, system=True)
        print(f"  {min(start + 1000, finished + open_items):,} item", file=sys.stderr, flush=True)
    base.freeze(None)


def home(finished: int, open_items: int) -> Path:
    built = CACHE / f"mutu-baku-v{VERSION}-{finished}-{open_items}"
    if not (built / "warkat.db").exists():
        shutil.rmtree(built, ignore_errors=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(built, finished, open_items)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return built


def brute_board(at: datetime, start: datetime):
    """The board's done/within figures and open/late counts by loading every row."""
    from model.sop import PROCEDURES
    from model.workflow import deadlines
    from model.workflow.items import StepLog, WorkItem

    procedure = {i.id: i.procedure for i in WorkItem.select(WorkItem.id, WorkItem.procedure)}
    done: dict = {}
    for log in StepLog.select():
        if log.from_step is not None and start <= log.at <= at:
            done.setdefault((procedure[log.item_id], log.from_step), []).append(log.working_seconds)
    queues: dict = {}
    for item in WorkItem.select().where(WorkItem.closed_at.is_null()):
        row = queues.setdefault((item.procedure, item.step), [0, 0])
        row[0] += 1
        row[1] += deadlines.clock(item, at).state == "merah"
    out = {}
    for proc in PROCEDURES.values():
        for step in proc.steps:
            values = done.get((proc.code, step.number), [])
            std = (step.minutes or 0) * 60
            out[(proc.code, step.number)] = (
                len(values),
                sum(v <= std for v in values) if std else 0,
                *queues.get((proc.code, step.number), (0, 0)),
            )
    return out


def timed(fn, repeat: int) -> tuple[list[float], int, object]:
    """Wall times of `repeat` calls, then the tracemalloc peak of one more (apart: tracing
    slows Python down)."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return times, peak, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--finished", type=int, default=100_000)
    parser.add_argument("--open", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    built = home(args.finished, args.open)
    work = Path(tempfile.mkdtemp(prefix="warkat-bench-"))
    shutil.copytree(built, work / "home")
    os.environ["HOME"] = str(work)

    from model import base
    from model.config import load
    from model.db import open_database
    from model.org import User
    from model.reports.board import MONTH, board, period_range
    from model.reports.compliance import monthly
    from model.workflow import deadlines
    from model.workflow.inbox import waiting_for
    from model.workflow.items import StepLog, WorkItem

    cfg = load(work / "home")
    open_database(cfg.db_url)
    last = StepLog.select(StepLog.at).order_by(StepLog.at.desc()).scalar()
    at = last + timedelta(hours=1)
    base.freeze(at)
    kasi = User.get(User.username == "kasi")
    start = period_range(MONTH, at)[0]

    def board_figures():
        return {
            (r.procedure, r.step): (r.done, r.within, r.open_now, r.late_now)
            for r in board(MONTH, at)
        }

    cases = [
        ("Papan mutu baku, bulan ini", board_figures, lambda: brute_board(at, start)),
        (
            "Laporan kepatuhan bulanan (angka)",
            lambda: [(r.procedure, r.step, r.count) for r in monthly(at.year, at.month)],
            lambda: [(k[0], k[1], v[0]) for k, v in brute_board(at, start).items()],
        ),
        (
            "Penghitung di header (Kasi)",
            lambda: deadlines.counts_for(kasi, at)[1],
            lambda: sum(
                deadlines.clock(i, at).state == "merah"
                for i in WorkItem.select().where(WorkItem.closed_at.is_null())
            ),
        ),
        ("Pekerjaan saya (Kasi), semua baris", lambda: len(waiting_for(kasi)), None),
    ]
    print(
        f"\n{WorkItem.select().count():,} item, {StepLog.select().count():,} baris riwayat; "
        f"{args.repeat} kali tiap angka, bergantian dengan pembandingnya.\n"
    )
    print(
        "| angka | Warkat p50 ms | p95 ms | puncak MiB | pembanding (pindai penuh) p50 ms | p95 ms | puncak MiB | sama |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, fast, slow in cases:
        ft, fpeak, fres = timed(fast, args.repeat)
        if slow is None:
            print(
                f"| {name} | {statistics.median(ft):,.1f} | {p95(ft):,.1f} | {fpeak / 2**20:.1f} | – | – | – | – |"
            )
            continue
        st, speak, sres = timed(slow, max(2, args.repeat // 3))
        if isinstance(fres, list):
            same = sorted(fres) == sorted(sres)
        else:
            same = fres == sres
        print(
            f"| {name} | {statistics.median(ft):,.1f} | {p95(ft):,.1f} | {fpeak / 2**20:.1f} "
            f"| {statistics.median(st):,.1f} | {p95(st):,.1f} | {speak / 2**20:.1f} | {'ya' if same else 'TIDAK'} |"
        )
    print(
        f"\nMesin: {platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}."
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
