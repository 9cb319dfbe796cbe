"""A Warkat home at an office's yearly size, built through the model: the demo office's people
and address book, N archived items (half fax letters, 30 % incoming and 20 % outgoing
email) closed over the past 365 days, and M fax requests waiting for the Kasi's disposition.

    .venv/bin/python benchmarks/office_home.py [--archived 100000] [--waiting 10000]
        [--seed 16] [--out DIR]

Every item is moved by the functions the screens and the daemon call (model.fax.flow,
model.fax.jobs, model.email_in.flow, model.email_out.flow, spool.mail.finish), so every
book, agenda number, step log, audit entry, destination and mail row is real. Items are
interleaved on one frozen clock (model.base.freeze) that walks the working calendar: each
item starts at a working instant of the year and waits at every step for a time drawn
around its mutu baku (most within, some over). For speed only, the build connection runs
with PRAGMA synchronous=OFF and commits BATCH actions per transaction (each flow call is a
savepoint inside it). The home's clock instant is kept in bench-home.json (`anchor`):
benchmarks should freeze the clock there.

Without --out the home is built once into ~/.cache/warkat/ (`build_cached`) and reused.
Cost: ~8 actions and ~130 SQL statements per item, ~60 ms of CPU (mostly peewee composing
SQL), so 100,000/10,000 takes about two hours of one core.
"""

from __future__ import annotations

import argparse
import fcntl
import heapq
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from office_flows import Office  # noqa: E402

VERSION = 1  # of the builder; bump when the data it makes changes
CACHE = Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser() / "warkat"
META = "bench-home.json"
BATCH = 500  # actions per transaction
WAITING_DAYS = 10  # the waiting requests came in over this many days before the anchor
LAST_ARCHIVED = 10  # days before the anchor the last archived item starts (all close by then)


def _starts(cal, rng, start: datetime, end: datetime, n: int) -> list[datetime]:
    """`n` sorted instants spread evenly over the working time from `start` to `end`."""
    total = cal.working_seconds(start, end)
    offsets = sorted(rng.uniform(0, total) for _ in range(n))
    out, at, done = [], start, 0
    for offset in offsets:
        at = cal.after(at, int(offset) - done)
        done = int(offset)
        out.append(at)
    return out


def build(path: Path, archived: int = 100_000, waiting: int = 10_000, seed: int = 16) -> Path:
    """Create the home at `path` (must not hold one yet) with `archived` closed items and
    `waiting` fax requests at the Kasi's step; return `path`. The database is closed after."""
    from model import base, demo
    from model.calendar import calendar, forget
    from model.db import db, write
    from model.home import create

    started = time.perf_counter()
    anchor = datetime.now().replace(second=0, microsecond=0)
    first = anchor - timedelta(days=365)
    base.freeze(first - timedelta(days=7))
    cfg = create(path)
    db.obj.execute_sql("PRAGMA synchronous=OFF")  # build only: a crash means a rebuild
    demo.seed(items=False)
    rng = random.Random(seed)
    office = Office(cfg, rng)
    cal = calendar()
    kinds = ["fax"] * (archived // 2) + ["in"] * (archived * 3 // 10)
    kinds += ["out"] * (archived - len(kinds))
    rng.shuffle(kinds)
    heap: list = []
    for n, at in enumerate(
        _starts(cal, rng, first, anchor - timedelta(days=LAST_ARCHIVED), archived)
    ):
        heap.append((at, n, kinds[n]))
    recent = anchor - timedelta(days=WAITING_DAYS)
    for n, at in enumerate(_starts(cal, rng, recent, anchor - timedelta(hours=1), waiting)):
        heap.append((at, archived + n, "wait"))
    heapq.heapify(heap)
    makers = {
        "fax": lambda: office.fax(False),
        "wait": lambda: office.fax(True),
        "in": office.email_in,
        "out": office.email_out,
    }
    done = actions = 0
    total = archived + waiting
    while heap:
        with write():
            for _ in range(BATCH):
                if not heap:
                    break
                at, n, flow = heapq.heappop(heap)
                base.freeze(at)
                if isinstance(flow, str):
                    flow = makers[flow]()
                actions += 1
                try:
                    delay = next(flow)
                except StopIteration:
                    done += 1
                    if done % 10_000 == 0 or done == total:
                        print(
                            f"  {done:,}/{total:,} item, {actions:,} tindakan, "
                            f"{time.perf_counter() - started:.0f} s",
                            file=sys.stderr,
                            flush=True,
                        )
                    continue
                heapq.heappush(heap, (cal.after(at, delay), n, flow))
    if base.now() >= anchor:  # a flow outran the anchor (long holidays): the clock moves on
        anchor = base.now() + timedelta(hours=1)
    base.freeze(None)
    meta = {
        "version": VERSION,
        "archived": archived,
        "waiting": waiting,
        "seed": seed,
        "anchor": anchor.isoformat(),
        "schema": _schema(),
        "built_seconds": round(time.perf_counter() - started, 1),
        "built_at": datetime.now().isoformat(timespec="seconds"),
    }
    db.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.obj.close()
    forget()
    (path / META).write_text(json.dumps(meta, indent=2) + "\n")
    return path


def _schema() -> int:
    from model.migrations import LATEST

    return LATEST


def anchor(home: Path) -> datetime:
    """The instant a built home's clock stands at: freeze `model.base` there to see it as
    built (archived items closed up to a few days before, the waiting ones in its last ten days)."""
    return datetime.fromisoformat(json.loads((home / META).read_text())["anchor"])


def _usable(home: Path, archived: int, waiting: int) -> bool:
    """Whether a cached home was built by this builder for this size and this schema."""
    try:
        meta = json.loads((home / META).read_text())
        con = sqlite3.connect(f"file:{home / 'warkat.db'}?mode=ro", uri=True)
        try:
            have = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        finally:
            con.close()
    except (OSError, ValueError, sqlite3.Error):
        return False
    return (meta.get("version"), meta.get("archived"), meta.get("waiting")) == (
        VERSION,
        archived,
        waiting,
    ) and have == _schema()


def build_cached(archived: int = 100_000, waiting: int = 10_000, copy: bool = True) -> Path:
    """The home for this size, built once into CACHE and rebuilt when this builder or the
    schema changed. `copy` (the default): a fresh copy in a new temporary directory, for
    one benchmark run to change freely (the caller removes it); else the cached home itself,
    to read only."""
    cached = CACHE / f"bench-home-{archived}-{waiting}-v{VERSION}"
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(cached.with_name(cached.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second run of the same size waits for the first
        if not _usable(cached, archived, waiting):
            print(f"building {archived:,}/{waiting:,} into {cached} …", file=sys.stderr)
            partial = cached.with_name(cached.name + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            shutil.rmtree(cached, ignore_errors=True)
            build(partial, archived, waiting)
            partial.rename(cached)
    if not copy:
        return cached
    work = Path(tempfile.mkdtemp(prefix="warkat-bench-")) / "home"
    shutil.copytree(cached, work)
    return work


def counts(home: Path) -> dict:
    """Rows of the built home: items by procedure and step, and the books and records."""
    con = sqlite3.connect(f"file:{home / 'warkat.db'}?mode=ro", uri=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        out = {
            "items": {
                f"{p} langkah {s if s else 'selesai'}": n
                for p, s, n in q(
                    "SELECT procedure, step, count(*) FROM work_item GROUP BY 1, 2 ORDER BY 1, 2"
                )
            },
            "agenda": {
                f"{b} {y}": n
                for b, y, n in q(
                    "SELECT book, year, count(*) FROM agenda_entry GROUP BY 1, 2 ORDER BY 1, 2"
                )
            },
        }
        for table in (
            "fax_request",
            "fax_destination",
            "fax_job",
            "fax_log_entry",
            "disposition",
            "incoming_mail",
            "mail_attachment",
            "mail_forward",
            "follow_up",
            "outgoing_mail",
            "draft_version",
            "mail_job",
            "step_log",
            "audit_entry",
        ):
            out[table] = q(f"SELECT count(*) FROM {table}")[0][0]
        out["closed_at"] = q("SELECT min(closed_at), max(closed_at) FROM work_item")[0]
    finally:
        con.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archived", type=int, default=100_000)
    parser.add_argument("--waiting", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", type=Path, help="build here (default: the cache, reused)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.out:
        if (args.out / "warkat.db").exists():
            sys.exit(f"{args.out} already holds a home")
        home = build(args.out, args.archived, args.waiting, args.seed)
    else:
        home = build_cached(args.archived, args.waiting, copy=False)
    meta = json.loads((home / META).read_text())
    print(json.dumps(counts(home), indent=2, ensure_ascii=False, default=str))
    size = (home / "warkat.db").stat().st_size / 2**20
    print(
        f"{home}: {size:.0f} MiB, anchor {meta['anchor']}, built in {meta['built_seconds']} s "
        f"(this run {time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
