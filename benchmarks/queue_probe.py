"""One tree of Warkat, its path first on sys.path: build the queue benchmark's home, or open
that home headless and time key presses on a queue screen while it refreshes.

Run by bench_queue_latency.py, once per tree (the baseline worktree, the current tree):
    python benchmarks/queue_probe.py --tree DIR build --home DIR --items N
    python benchmarks/queue_probe.py --tree DIR run --home DIR --out FILE [--latency-ms 1] ...

Timing, all on one clock (time.perf_counter):
- a key is "sent" by a thread at a planned time through the driver, the way a terminal's
  input thread delivers it (`Driver.process_message`), so a blocked event loop delays the
  answer and not the press;
- it is "answered" when the first frame rendered after it (`Screen._compositor_refresh`,
  which builds what is written to the terminal) shows the table cursor on the row the key
  moved it to.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import sys
import threading
import time
from pathlib import Path

PASSWORD = "warkat123"
# screen name -> (menu label that opens it, or None for the home shown at sign-in; table id)
SCREENS = {"home": (None, "#work"), "transmit": ("Konsol kirim faks", "#queue")}


def build(home: Path, items: int) -> None:
    """The demo office's people, and `items` fax requests walked through the model to the
    operator's step (terkirim), as the requester, Kasi and Administrasi Umum would."""
    from datetime import date

    from model import demo
    from model import home as home_mod
    from model.books.agenda import DEFAULT_PATTERN
    from model.db import db
    from model.fax import flow
    from model.org import User

    home_mod.create(home)
    demo.seed(items=False)
    users = {u.username: u for u in User.select()}
    contacts = [(name, fax) for name, _, fax, _ in demo.CONTACTS]
    started = time.perf_counter()
    for i in range(items):
        draft = flow.FaxDraft(
            perihal=f"Undangan rapat koordinasi persandian ke-{i + 1}",
            nota_number=f"ND/{i + 1:05d}/APTIKA/2026",
            nota_date=date.today(),
            isi_berita="Dengan hormat,\nKami mengundang Bapak/Ibu.",
            destinations=contacts[i % 5 : i % 5 + 1 + i % 2],
            derajat="Segera" if i % 10 == 0 else "Biasa",
            klasifikasi="000.1.1",
        )
        item = flow.save_draft(users["pemakai"], draft)
        flow.submit(users["pemakai"], item.id)
        flow.dispose(users["kasi"], item.id, ["Agendakan dan kirim melalui faksimili"])
        flow.register(users["admin"], item.id, DEFAULT_PATTERN, "406.020")
        flow.handover(users["admin"], item.id)
        if (i + 1) % 1000 == 0:
            print(f"  {i + 1} items, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    db.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.obj.close()


def slow_database(latency_ms: float) -> None:
    """Every SQL statement waits `latency_ms` first, like one round trip to a database server
    (it sleeps in the calling thread, so a worker thread's query does not hold the loop)."""
    import peewee

    if latency_ms <= 0:
        return
    execute_sql, delay = peewee.Database.execute_sql, latency_ms / 1000

    def slow(self, sql, params=None):
        time.sleep(delay)
        return execute_sql(self, sql, params)

    peewee.Database.execute_sql = slow


class Probe:
    """The frames of one screen: when it first showed, when its table first showed all rows,
    and when each key sent to it was answered."""

    def __init__(self, name: str, selector: str, rows: int, matches) -> None:
        self.name, self.selector, self.rows, self.matches = name, selector, rows, matches
        self.started = time.perf_counter()
        self.opened: float | None = None
        self.loaded: float | None = None
        self.keys: list[tuple[float, int]] = []  # (sent at, cursor row that answers it)
        self.answers: dict[int, float] = {}
        self.error = ""

    def frame(self, screen) -> None:
        if not self.matches(screen):
            return
        now = time.perf_counter()
        if self.opened is None:
            self.opened = now
        try:
            table = screen.query_one(self.selector)
        except Exception as exc:  # noqa: BLE001 - reported, never raised into the app
            self.error = f"{self.selector}: {exc}"
            return
        if self.loaded is None and table.row_count >= self.rows:
            self.loaded = now
        for i, (_, row) in enumerate(list(self.keys)):
            if i not in self.answers and table.cursor_row >= row:
                self.answers[i] = now

    def result(self) -> dict:
        now = time.perf_counter()
        opened, loaded = (
            None if t is None else t - self.started for t in (self.opened, self.loaded)
        )
        return {
            "opened_s": opened,
            "loaded_s": loaded,
            "latencies_s": [
                self.answers[i] - sent for i, (sent, _) in enumerate(self.keys) if i in self.answers
            ],
            "unanswered_waited_s": [
                now - sent for i, (sent, _) in enumerate(self.keys) if i not in self.answers
            ],
            "error": self.error,
        }


PROBES: list[Probe] = []
LOCK = threading.Lock()
DEADLINE = [math.inf]  # perf_counter time the current phase is cut off at


def report(out: Path, note: str = "") -> None:
    """Write what was measured so far (once: the normal end or the cut-off)."""
    with LOCK:
        if not out.exists():
            data = {"note": note, "screens": {p.name: p.result() for p in PROBES}}
            out.write_text(json.dumps(data))


def watchdog(out: Path) -> None:
    """Cut the run off at the deadline even while the event loop is blocked."""
    while time.perf_counter() <= DEADLINE[0]:
        time.sleep(0.05)
    probe = PROBES[-1] if PROBES else None
    phase = "waiting for its rows" if probe and probe.loaded is None else "waiting for answers"
    report(out, f"cut off on {probe.name if probe else '-'} while {phase}")
    os._exit(0)


def hook_frames() -> None:
    from textual.screen import Screen

    refresh = Screen._compositor_refresh

    def timed(self) -> None:
        refresh(self)
        if PROBES and self is self.app.screen:
            PROBES[-1].frame(self)

    Screen._compositor_refresh = timed


def feed(app, probe: Probe, gaps: list[float], start_row: int, wait: float) -> None:
    """Send one cursor-down per gap at planned times, from this thread, as a terminal would;
    then allow `wait` seconds for the answers."""
    from textual import events

    at = time.perf_counter()
    for i, gap in enumerate(gaps):
        at += gap
        time.sleep(max(0.0, at - time.perf_counter()))
        probe.keys.append((time.perf_counter(), start_row + i + 1))
        app._driver.process_message(events.Key("down", None))
    DEADLINE[0] = time.perf_counter() + wait


async def wait_for(condition) -> None:
    while not condition() and time.perf_counter() <= DEADLINE[0]:
        await asyncio.sleep(0.005)


async def measure_screen(app, probe: Probe, gaps: list[float], args) -> None:
    """Once the probe's screen shows all its rows, press down at `gaps` and wait for answers."""
    DEADLINE[0] = time.perf_counter() + args.cap
    await wait_for(lambda: probe.loaded is not None)
    if probe.loaded is None:
        probe.error = probe.error or f"rows not shown within {args.cap:g} s"
        return
    DEADLINE[0] = math.inf
    table = app.screen.query_one(probe.selector)
    table.focus()  # the baseline console focuses the destinations once a row is selected
    await asyncio.sleep(0.5)
    thread = threading.Thread(
        target=feed, daemon=True, args=(app, probe, gaps, table.cursor_row, args.wait)
    )
    thread.start()
    await wait_for(lambda: not thread.is_alive() and len(probe.answers) == len(gaps))
    DEADLINE[0] = math.inf


async def session(args) -> None:
    from textual import events

    from model import home as home_mod
    from tui import nav
    from tui.app import WarkatApp

    cfg = home_mod.open_home(Path(args.home))
    slow_database(args.latency_ms)
    hook_frames()
    rng = random.Random(args.seed)
    app = WarkatApp(cfg)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for ch in "operator":
            await pilot.press(ch)
        await pilot.press("enter")
        for ch in PASSWORD:
            await pilot.press(ch)
        if "home" not in args.screens:
            await pilot.press("enter")
            await wait_for(lambda: app.session.user is not None)
        for name in args.screens:
            label, selector = SCREENS[name]
            gap = args.home_gap if name == "home" else args.gap
            gaps = [rng.uniform(gap * 0.5, gap * 1.5) for _ in range(args.presses)]
            if label is None:
                PROBES.append(
                    Probe(name, selector, args.items, lambda s: type(s).__name__ == "HomeScreen")
                )
                app._driver.process_message(events.Key("enter", None))  # sign in
            else:
                screen = next(d for d in nav.DESTINATIONS if d.label == label).make()
                PROBES.append(
                    Probe(name, selector, args.items, lambda s, screen=screen: s is screen)
                )
                app.push_screen(screen)
            await measure_screen(app, PROBES[-1], gaps, args)
            if name != "home":
                app.pop_screen()
                await pilot.pause()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", required=True, help="the Warkat tree to import")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--home", required=True)
    b.add_argument("--items", type=int, required=True)
    r = sub.add_parser("run")
    r.add_argument("--home", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--items", type=int, required=True)
    r.add_argument("--screens", nargs="+", default=["home", "transmit"], choices=SCREENS)
    r.add_argument("--latency-ms", type=float, default=1.0)
    r.add_argument("--presses", type=int, default=30)
    r.add_argument("--gap", type=float, default=0.5)
    r.add_argument("--home-gap", type=float, default=1.2)
    r.add_argument("--cap", type=float, default=150, help="seconds to wait for the rows")
    r.add_argument("--wait", type=float, default=30, help="seconds for answers after the last key")
    r.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.tree).resolve()))
    os.chdir(args.tree)
    if args.command == "build":
        build(Path(args.home), args.items)
        return
    out = Path(args.out)
    threading.Thread(target=watchdog, args=(out,), daemon=True).start()
    asyncio.run(session(args))
    report(out)


if __name__ == "__main__":
    main()
